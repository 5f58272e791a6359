"""Reading while the pipeline is built (textcheck.prefetch) gives the same reports."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "corpus" / "pdf" / "jiangsu-cppcc-2019-budget-text.pdf"
TABLES = ROOT / "corpus" / "pdf" / "jiangsu-cppcc-2019-budget-tables.pdf"

pytest.importorskip("pypdfium2")


def _check(args: list[str], prefetch: str) -> dict:
    # a fresh process each time: the pipeline is not built yet, which is when prefetch forks
    code = ("import json, sys, os\n"
            "from textcheck import prefetch\n"
            "forked = []\n"
            "real = prefetch._read_in_child\n"
            "prefetch._read_in_child = lambda *a: forked.append(1) or real(*a)\n"
            "from textcheck.cli import main\n"
            "main(sys.argv[1:])\n"
            "print(json.dumps({'forked': bool(forked)}))\n")
    out = subprocess.run([sys.executable, "-c", code, "check", "--fail-on", "never", "-f", "json", *args],
                         capture_output=True, text=True, cwd=ROOT, env={**__import__("os").environ,
                                                                        "TEXTCHECK_PREFETCH": prefetch})
    *report, marker = out.stdout.strip().splitlines()
    data = json.loads("\n".join(report))
    for doc in data["documents"]:
        doc["stats"].pop("elapsed_ms", None)
    return {"report": data, **json.loads(marker)}


@pytest.mark.parametrize("args", [[str(PDF)], [str(PDF), str(TABLES), "--combine"],
                                  [str(PDF), str(ROOT / "no-such-file.pdf")]], ids=["one", "combined", "missing"])
def test_same_report_with_and_without_reading_in_a_forked_process(args):
    if sys.platform != "linux" or (__import__("os").cpu_count() or 1) < 2:
        pytest.skip("forks on Linux with two cores or more only")
    forked, inline = _check(args, "1"), _check(args, "0")
    assert forked["forked"] and not inline["forked"]
    assert forked["report"] == inline["report"]
    assert forked["report"]["documents"][0]["stats"]["claims"] > 10
