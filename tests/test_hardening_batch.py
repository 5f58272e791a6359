"""scan under faults: a worker killed mid-scan, the coordinator killed, a check that never ends,
unreadable files on resume."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from textcheck import batch
from textcheck.config import Config
from textcheck.limits import Limits

TEXT = "表 1 支出总表\n单位：万元\n项目\t金额\n基本支出\t1.00\n合计\t1.00\n"


def _folder(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, name in enumerate(names):
        (folder / name).write_text(TEXT + f"\n第 {i} 份。\n", "utf-8")
    return folder


def faulty_check(files, config=None, payloads=None):
    """check_group, except that a worker dies on 'die-*' files and never ends on 'hang-*' files."""
    name = Path(files[0]).name
    if name.startswith("die-once"):
        marker = Path(files[0]).with_suffix(".died")
        if not marker.exists():
            marker.write_text("x")
            os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer does
    if name.startswith("die-always"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("hang"):
        while True:
            time.sleep(0.05)
    return real_check_group(files, config, payloads)


real_check_group = batch.check_group


def _rows(db: Path) -> dict[str, tuple[str, str | None]]:
    with sqlite3.connect(db) as conn:
        return {Path(p).name: (status, error) for p, status, error in
                conn.execute("SELECT path, status, error FROM documents")}


def test_a_worker_killed_mid_scan_the_scan_completes_with_every_document(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "check_group", faulty_check)
    folder = _folder(tmp_path, ["a.txt", "die-once.txt", "b.txt", "die-always.txt", "c.txt"])
    db = tmp_path / "scan.sqlite"
    outcome = batch.run_scan([str(folder)], db=str(db), jobs=2, group_by="none")
    rows = _rows(db)
    assert set(rows) == {"a.txt", "die-once.txt", "b.txt", "die-always.txt", "c.txt"}
    assert rows["die-once.txt"][0] == "ok"  # retried once in a fresh worker
    status, error = rows["die-always.txt"]
    assert status == "error" and "died" in error and "SIGKILL" in error and "2 attempts" in error
    assert all(rows[n][0] == "ok" for n in ("a.txt", "b.txt", "c.txt"))
    assert [Path(r["path"]).name for r in outcome.failed] == ["die-always.txt"]


def test_a_check_past_the_time_limit_is_recorded_and_the_scan_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "check_group", faulty_check)
    folder = _folder(tmp_path, ["a.txt", "hang.txt", "b.txt"])
    db = tmp_path / "scan.sqlite"
    config = Config(limits=Limits(timeout=1.0))
    batch.run_scan([str(folder)], db=str(db), jobs=1, group_by="none", config=config)
    rows = _rows(db)
    assert rows["a.txt"][0] == rows["b.txt"][0] == "ok"
    status, error = rows["hang.txt"]
    assert status == "timeout" and "limits.timeout" in error


SCAN_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
import test_hardening_batch as t
from textcheck import batch
batch.check_group = t.faulty_check
batch.run_scan([{folder!r}], db={db!r}, jobs=2, group_by="none")
"""


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # a zombie holds nothing; its new parent reaps it


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_coordinator_killed_leaves_no_orphaned_worker(tmp_path):
    folder = _folder(tmp_path, ["hang-1.txt", "hang-2.txt", "hang-3.txt"])
    script = SCAN_SCRIPT.format(tests=str(Path(__file__).parent), folder=str(folder), db=str(tmp_path / "s.sqlite"))
    coordinator = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.DEVNULL)
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and coordinator.poll() is None:
            time.sleep(0.1)
            workers = _children(coordinator.pid)
        assert len(workers) == 2, "the scan did not start two workers"
        time.sleep(0.5)  # both are inside a check now
    finally:
        coordinator.kill()
        coordinator.wait()
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "orphaned workers still running"


def test_resume_retries_unreadable_files_and_keeps_exit_status_2(tmp_path, capsys):
    from textcheck.cli import main

    folder = _folder(tmp_path, ["good.txt"])
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "scan.sqlite"
    argv = ["scan", str(folder), "--db", str(db), "--jobs", "1", "--no-progress", "--group-by", "none",
            "--format", "json", "--fail-on", "never"]
    assert main(argv) == 2
    first = _rows(db)
    assert first["empty.txt"][0] == "error" and first["good.txt"][0] == "ok"
    capsys.readouterr()
    assert main(argv) == 2  # resumed: still unreadable, still exit 2
    out, err = capsys.readouterr()
    assert "empty.txt: empty file" in err
    import json

    scan = json.loads(out)["scan"]
    assert scan["checked"] == 1 and scan["skipped"] == 1  # the unreadable file was tried again, the good one skipped


def test_a_locked_database_is_one_line_exit_2(tmp_path, monkeypatch, capsys):
    from textcheck.cli import main
    from textcheck.store import Store

    folder = _folder(tmp_path, ["a.txt"])
    db = tmp_path / "scan.sqlite"
    Store(db).close()
    monkeypatch.setattr(Store, "BUSY_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        code = main(["scan", str(folder), "--db", str(db), "--jobs", "1", "--no-progress"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]
    assert code == 2 and len(err) == 1 and "locked" in err[0] and "Traceback" not in err[0]
