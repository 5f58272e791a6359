"""The bad-input corpus (tests/bad_inputs.py): no traceback, the documented exit status and
one line naming the problem, each case within 10 s of CPU and 1 GB (enforced by RLIMIT_CPU and
RLIMIT_AS on the forked child that runs it, and measured by wait4)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("docx")
pytest.importorskip("openpyxl")
pytest.importorskip("pypdfium2")

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad-inputs")
    proc = subprocess.run([sys.executable, str(HERE / "bad_inputs.py"), "run", str(folder)],
                          capture_output=True, text=True, timeout=600, cwd=HERE.parent)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert len(rows) >= 50, f"only {len(rows)} cases ran"
    return {r["name"]: r for r in rows}


def _names():
    import tempfile

    sys.path.insert(0, str(HERE))
    from bad_inputs import generate

    with tempfile.TemporaryDirectory() as folder:
        return [c.name for c in generate(folder)]


@pytest.mark.parametrize("name", _names())
def test_bad_input_case(results, name):
    r = results[name]
    stderr = r["stderr"].strip()
    assert "Traceback" not in stderr, stderr
    assert r["exit"] in (0, 1, 2), f"exit {r['exit']} (a signal or an uncaught error): {stderr[-500:]}"
    assert r["exit"] == r["expected_exit"], stderr
    lines = stderr.splitlines()
    if r["message"]:
        assert len(lines) == 1 and r["message"] in lines[0], stderr
    else:
        assert not lines, stderr  # read and checked: no rule failed, nothing to complain about
    if r["expected_stdout"]:
        assert r["expected_stdout"] in r["stdout_head"]
    assert r["cpu_s"] < 10 and r["max_rss_mb"] < 1024, (r["cpu_s"], r["max_rss_mb"])
