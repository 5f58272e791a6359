"""`textcheck scan` / `textcheck report` as a workflow meets them: config, resume, duplicates, errors, exports."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from textcheck.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"


def _case(name: str) -> str:
    cases = yaml.safe_load((FIXTURES / "TC201.yml").read_text("utf-8"))["cases"]
    return next(c["text"] for c in cases if c["name"] == name)


@pytest.fixture
def folder(tmp_path):
    """A folder of two disclosures: one with a TC201 + TC203 error, one clean."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bad.txt").write_text(_case("amount-differs-from-table"), "utf-8")
    (docs / "good.txt").write_text(_case("amount-agrees-with-table"), "utf-8")
    return docs


def _scan(capsys, *args):
    code = main(["scan", "--jobs", "1", "--format", "json", "--group-by", "none", *map(str, args)])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip().startswith("{") else None), out.err


def _codes(db):
    import sqlite3

    with sqlite3.connect(db) as c:
        return sorted(r[0] for r in c.execute("SELECT code FROM diagnostics"))


def test_scan_honours_the_config_file_found_upward(folder, tmp_path, capsys):
    db = tmp_path / "scan.sqlite"
    code, summary, _ = _scan(capsys, folder, "--db", db)
    assert code == 1 and _codes(db) == ["TC201", "TC203"]
    (tmp_path / "textcheck.toml").write_text('ignore = ["TC203"]\n', "utf-8")
    code, summary, _ = _scan(capsys, folder, "--db", db)
    # the config changed the findings, so resume re-checks both documents instead of skipping them
    assert summary["scan"]["checked"] == 2 and summary["scan"]["skipped"] == 0
    assert _codes(db) == ["TC201"]
    code, summary, _ = _scan(capsys, folder, "--db", db)  # same config: resumed
    assert summary["scan"]["checked"] == 0 and summary["scan"]["skipped"] == 2 and code == 1


def test_scan_select_ignore_and_fail_on_like_check(folder, tmp_path, capsys):
    db = tmp_path / "scan.sqlite"
    code, _, _ = _scan(capsys, folder, "--db", db, "--select", "breakdown-sum-mismatch")
    assert _codes(db) == ["TC203"] and code == 1
    code, _, _ = _scan(capsys, folder, "--db", db, "--ignore", "amount", "--no-resume")
    assert _codes(db) == [] and code == 0
    (tmp_path / "textcheck.toml").write_text('fail-on = "never"\n', "utf-8")
    code, _, _ = _scan(capsys, folder, "--db", db, "--no-resume")
    assert _codes(db) == ["TC201", "TC203"] and code == 0  # fail-on from the config


def test_scan_typo_in_select_is_a_usage_error(folder, tmp_path, capsys):
    code, _, err = _scan(capsys, folder, "--db", tmp_path / "s.sqlite", "--select", "amonut")
    assert code == 2 and "'amonut'" in err and "Traceback" not in err


def test_duplicate_files_are_checked_once(folder, tmp_path, capsys):
    shutil.copy(folder / "bad.txt", folder / "bad-copy.txt")
    db = tmp_path / "scan.sqlite"
    code, summary, err = _scan(capsys, folder, "--db", db)
    assert summary["scan"]["checked"] == 2 and summary["scan"]["duplicates"] == 1
    (line,) = [ln for ln in err.splitlines() if "same content as" in ln]
    assert "bad-copy.txt" in line and "bad.txt" in line and line.endswith("checked once")


@pytest.mark.parametrize("args,needle", [
    (["no-such-folder"], "no such file or folder"),
    (["{folder}", "--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    (["{folder}", "--jobs", "0"], "--jobs must be at least 1"),
    (["{folder}", "--db", "{notdb}"], "not a textcheck scan database"),
])
def test_scan_usage_errors_are_one_line(folder, tmp_path, capsys, args, needle):
    notdb = tmp_path / "notes.txt"
    notdb.write_text("not a database\n" * 100, "utf-8")
    args = [a.format(folder=folder, notdb=notdb) for a in args]
    if "--db" not in args:
        args += ["--db", str(tmp_path / "s.sqlite")]
    code = main(["scan", "--group-by", "none", *args])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and needle in err[0] and "Traceback" not in err[0], err


def test_unreachable_dask_scheduler_is_one_line_within_a_bounded_wait(folder, tmp_path, capsys, monkeypatch):
    pytest.importorskip("dask.distributed")
    import textcheck.batch as batch

    monkeypatch.setattr(batch, "DASK_CONNECT_TIMEOUT_S", 1)
    code = main(["scan", str(folder), "--db", str(tmp_path / "s.sqlite"), "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:9", "--no-progress"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "cannot reach the Dask scheduler tcp://127.0.0.1:9 within 1 s" in err[0]


def test_resumed_scan_still_counts_the_unreadable_file(folder, tmp_path, capsys):
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "scan.sqlite"
    code, summary, _ = _scan(capsys, folder, "--db", db)
    assert code == 2 and summary["scan"]["failed"] == 1
    code, summary, err = _scan(capsys, folder, "--db", db)
    # unchanged readable files are skipped; the unreadable one is tried again (the store does not skip failures)
    assert summary["scan"]["skipped"] == 2
    assert code == 2 and summary["scan"]["failed"] == 1 and summary["totals"]["failed"] == 1
    assert "empty.txt" in err


def test_report_on_a_non_database_and_into_a_missing_folder(tmp_path, capsys):
    notdb = tmp_path / "notes.sqlite"
    notdb.write_text("hello\n" * 200, "utf-8")
    assert main(["report", "--db", str(notdb)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a textcheck scan database" in err[0]
    assert main(["report", "--db", str(notdb), "-o", str(tmp_path / "no" / "x.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.fixture
def scanned(folder, tmp_path, capsys):
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "scan.sqlite"
    _scan(capsys, folder, "--db", db)
    return db


def test_csv_export_has_a_bom_for_excel(scanned, tmp_path, capsys):
    out = tmp_path / "findings.csv"
    assert main(["report", "--db", str(scanned), "-f", "csv", "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import csv

    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert sorted(r["code"] for r in rows) == ["TC201", "TC203"] and "不一致" in rows[0]["message"] + rows[1]["message"]
    assert not list(tmp_path.glob(".findings.csv.*"))  # no temporary file left behind


def test_xlsx_export(scanned, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "scan.xlsx"
    assert main(["report", "--db", str(scanned), "-f", "xlsx", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["部门汇总", "文件", "问题", "跨年度对照"]
    findings = list(wb["问题"].iter_rows(values_only=True))
    assert findings[0][3] == "code" and sorted(r[3] for r in findings[1:]) == ["TC201", "TC203"]
    files = {r[0]: r for r in wb["文件"].iter_rows(min_row=2, values_only=True)}
    assert any(p.endswith("empty.txt") and r[4] == "error" for p, r in files.items())


def test_html_dashboard(scanned, tmp_path, capsys):
    out = tmp_path / "dash.html"
    assert main(["report", "--db", str(scanned), "-f", "html", "-o", str(out)]) == 0
    html = out.read_text("utf-8")
    import re

    assert 'id="departments"' in html and 'id="chart-rules"' in html and 'id="chart-departments"' in html
    assert "TC201" in html and "<svg" in html and "<rect" in html
    anchors = set(re.findall(r'href="#(doc-\d+)"', html))
    assert anchors and all(f'id="{a}"' in html for a in anchors)  # every link lands on a document
    unreadable = html.split('id="unreadable"', 1)[1].split("</ul>", 1)[0]
    assert "empty.txt" in unreadable
    assert "<script" not in html.lower() and "http" not in html.replace("http://www.w3.org/2000/svg", "")
