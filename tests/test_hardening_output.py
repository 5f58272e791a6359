"""-o writes through the path the user named, and fails in one line leaving nothing behind."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading

import pytest

from textcheck.errors import OutputError
from textcheck.output import write_output


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old", "utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_output("new report", str(link))
    assert link.is_symlink() and target.read_text("utf-8") == "new report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]  # no temporary file left


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "created.json")
    write_output("x", str(link))
    assert link.is_symlink() and (tmp_path / "created.json").read_text("utf-8") == "x"


def test_an_existing_file_keeps_its_permissions(tmp_path):
    out = tmp_path / "r.json"
    out.write_text("old", "utf-8")
    out.chmod(0o600)
    write_output("new", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_text("utf-8") == "new"


def test_dev_null_is_written_not_replaced():
    write_output("report", "/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_written_into(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="no process is reading"):
        write_output("x", str(fifo))
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))
    reader.start()
    for _ in range(200):  # wait until the reader has the FIFO open
        try:
            write_output("through the pipe", str(fifo))
            break
        except OutputError:
            threading.Event().wait(0.01)
    reader.join(5)
    assert received == [b"through the pipe"] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_write_that_fails_midway_is_one_line_and_leaves_no_temporary_file(tmp_path):
    """RLIMIT_FSIZE makes the write fail as a full disk would (EFBIG instead of ENOSPC)."""
    sample = os.path.join(os.path.dirname(__file__), "..", "corpus", "urumqi-kejiju-2024-budget.txt")
    out = tmp_path / "report.json"
    out.write_text("previous report", "utf-8")
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
        "from textcheck.cli import main\n"
        f"sys.exit(main(['check', '--fail-on', 'never', '-f', 'json', '-o', {str(out)!r}, {sample!r}]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2 and len(lines) == 1 and "cannot write" in lines[0], proc.stderr
    assert out.read_text("utf-8") == "previous report"  # never half-written
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # the temporary file is gone


def test_a_read_only_folder_is_one_line(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="not writable"):
            write_output("x", str(folder / "r.json"))
    finally:
        folder.chmod(0o755)
