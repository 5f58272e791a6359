"""Batch scans: grouping, store, resume, SIGKILL safety, Dask parity, report export."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SAMPLE, replace_once
from textcheck.batch import group_files, run_scan
from textcheck.cli import main as cli_main
from textcheck.store import Store

# A defect any arithmetic check must see: 表 3's grand total no longer equals its rows.
DEFECT_OLD = "\t\t\t总计\t3,977.09\t1,422.65\t2,554.44"
DEFECT_NEW = "\t\t\t总计\t3,997.09\t1,422.65\t2,554.44"


def _make_folder(root: Path, clean: int = 2, defective: int = 1, bad: bool = True) -> Path:
    text = SAMPLE.read_text("utf-8")
    root.mkdir(parents=True, exist_ok=True)
    # Trailing newlines make each copy a distinct file (same findings): identical files are checked once.
    for i in range(clean):
        (root / f"clean-{i}.txt").write_text(text + "\n" * i, "utf-8")
    for i in range(defective):
        (root / f"defect-{i}.txt").write_text(replace_once(text, DEFECT_OLD, DEFECT_NEW) + "\n" * i, "utf-8")
    if bad:
        (root / "empty.txt").write_bytes(b"")
        (root / "broken.pdf").write_bytes(b"%PDF-1.4\n this is not really a pdf")
        (root / "broken.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    return root


def _rows(db: Path) -> dict[str, dict]:
    with Store(db) as store:
        return {Path(d["path"]).name: d for d in store.documents()}


def test_scan_records_every_document_and_bad_files(tmp_path):
    folder = _make_folder(tmp_path / "docs")
    db = tmp_path / "scan.sqlite"
    outcome = run_scan([str(folder)], db=str(db), jobs=1, group_by="none")
    rows = _rows(db)
    assert set(rows) == {"clean-0.txt", "clean-1.txt", "defect-0.txt", "empty.txt", "broken.pdf", "broken.docx"}
    for name in ("empty.txt", "broken.pdf", "broken.docx"):
        assert rows[name]["status"] == "error" and rows[name]["error"], name
        assert "Traceback" not in rows[name]["error"]
    assert rows["clean-0.txt"]["status"] == "ok"
    assert rows["clean-0.txt"]["department"] == "乌鲁木齐市科学技术局"
    assert rows["clean-0.txt"]["year"] == "2024"
    # the injected total defect is an error the clean copy does not have
    assert rows["defect-0.txt"]["errors"] > rows["clean-0.txt"]["errors"]
    assert len(outcome.failed) == 3
    # diagnostics rows agree with the per-document counts
    with sqlite3.connect(db) as conn:
        for d in rows.values():
            n = conn.execute("SELECT COUNT(*) FROM diagnostics WHERE document_id=?", (d["id"],)).fetchone()[0]
            assert n == d["errors"] + d["warnings"] + d["infos"]


def test_resume_rechecks_only_changed_files(tmp_path):
    folder = _make_folder(tmp_path / "docs", clean=3, defective=0, bad=False)
    db = tmp_path / "scan.sqlite"
    first = run_scan([str(folder)], db=str(db), jobs=1, group_by="none")
    assert len(first.checked) == 3 and not first.skipped
    second = run_scan([str(folder)], db=str(db), jobs=1, group_by="none")
    assert not second.checked and len(second.skipped) == 3
    changed = folder / "clean-1.txt"
    changed.write_text(replace_once(changed.read_text("utf-8"), DEFECT_OLD, DEFECT_NEW), "utf-8")
    third = run_scan([str(folder)], db=str(db), jobs=1, group_by="none")
    assert [Path(r["path"]).name for r in third.checked] == ["clean-1.txt"]
    assert _rows(db)["clean-1.txt"]["errors"] > _rows(db)["clean-0.txt"]["errors"]
    # --no-resume re-checks everything
    fourth = run_scan([str(folder)], db=str(db), jobs=1, group_by="none", resume=False)
    assert len(fourth.checked) == 3


def test_sigkill_then_resume_checks_each_document_exactly_once(tmp_path):
    folder = _make_folder(tmp_path / "docs", clean=14, defective=2, bad=False)
    db = tmp_path / "scan.sqlite"
    cmd = [sys.executable, "-m", "textcheck", "scan", str(folder), "--db", str(db), "--jobs", "1",
           "--group-by", "none", "--no-progress", "--fail-on", "never"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    done = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                done = 0
            if done >= 3:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "the scan finished before it could be killed; use more documents"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    partial = _rows(db)
    assert 3 <= len(partial) < 16
    with sqlite3.connect(db) as conn:  # no partial rows: counts match diagnostics
        for d in partial.values():
            n = conn.execute("SELECT COUNT(*) FROM diagnostics WHERE document_id=?", (d["id"],)).fetchone()[0]
            assert n == d["errors"] + d["warnings"] + d["infos"]
    resumed = run_scan([str(folder)], db=str(db), jobs=1, group_by="none")
    assert len(resumed.skipped) == len(partial)
    assert len(resumed.checked) == 16 - len(partial)
    rows = _rows(db)
    assert len(rows) == 16
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 16
        assert conn.execute("SELECT COUNT(DISTINCT path) FROM documents").fetchone()[0] == 16


def _fingerprints(outcome) -> dict[str, list[str]]:
    return {Path(r["path"]).name: sorted(d["fingerprint"] for d in r["diagnostics"]) for r in outcome.checked}


def test_process_pool_matches_inline(tmp_path):
    folder = _make_folder(tmp_path / "docs", clean=2, defective=2, bad=True)
    inline = run_scan([str(folder)], jobs=1, group_by="none")
    pooled = run_scan([str(folder)], jobs=2, group_by="none")
    assert _fingerprints(inline) == _fingerprints(pooled)
    assert {Path(r["path"]).name for r in pooled.failed} == {"empty.txt", "broken.pdf", "broken.docx"}


def test_dask_local_cluster_matches_local_pool(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    folder = _make_folder(tmp_path / "docs", clean=1, defective=2, bad=True)
    local = run_scan([str(folder)], jobs=2, group_by="none")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        via_dask = run_scan([str(folder)], engine="dask", scheduler=cluster.scheduler_address,
                            group_by="none", db=str(tmp_path / "dask.sqlite"))
    assert _fingerprints(local) == _fingerprints(via_dask)
    assert len(_rows(tmp_path / "dask.sqlite")) == 6


def test_grouping_by_document_meta_and_by_file_name():
    metas = {
        "d/a-text.pdf": {"department": "甲局", "year": "2019"},
        "d/a-tables.pdf": {"department": "甲局", "year": None},
        "d/b.pdf": {"department": "乙局", "year": "2019"},
        "d/c-text.pdf": {"department": None, "year": "2019"},
        "d/c-tables.pdf": {"department": "丙局", "year": None},
    }
    groups = group_files(list(metas), metas, "meta")
    assert ["d/a-tables.pdf", "d/a-text.pdf"] in groups
    assert ["d/b.pdf"] in groups
    assert ["d/c-tables.pdf", "d/c-text.pdf"] in groups  # no shared meta: paired by file name
    assert group_files(list(metas), metas, "none") == [[f] for f in metas]
    budget_and_final = {"d/x-budget.pdf": {"department": "甲局", "year": "2024"},
                        "d/x-final-account.pdf": {"department": "甲局", "year": "2024"}}
    assert len(group_files(list(budget_and_final), budget_and_final, "meta")) == 2  # two documents, not volumes
    two_years = {"d/x-2018.pdf": {"department": "甲局", "year": "2018"},
                 "d/x-2019.pdf": {"department": "甲局", "year": "2019"}}
    assert len(group_files(list(two_years), two_years, "meta")) == 2


def test_scan_cli_exit_codes_and_report_export(tmp_path, capsys):
    folder = _make_folder(tmp_path / "docs", clean=1, defective=1, bad=False)
    db = tmp_path / "scan.sqlite"
    assert cli_main(["scan", str(folder), "--db", str(db), "--jobs", "1", "--no-progress", "--format", "json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["totals"]["documents"] == 2
    assert summary["departments"]["乌鲁木齐市科学技术局"]["error"] >= 1
    # a resumed scan with nothing to do still reports the stored findings
    assert cli_main(["scan", str(folder), "--db", str(db), "--no-progress", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["scan"]["skipped"] == 2
    (folder / "empty.txt").write_bytes(b"")
    assert cli_main(["scan", str(folder), "--db", str(db), "--no-progress", "--fail-on", "never"]) == 2
    capsys.readouterr()
    out = tmp_path / "findings.csv"
    assert cli_main(["report", "--db", str(db), "--format", "csv", "-o", str(out)]) == 0
    header, *lines = out.read_text("utf-8-sig").splitlines()  # the BOM is for Excel
    assert header.startswith("path,department,year,code")
    assert any("defect-0.txt" in ln for ln in lines)
    assert cli_main(["report", "--db", str(db), "--format", "html"]) == 0
    assert "按部门汇总" in capsys.readouterr().out
    assert cli_main(["report", "--db", str(tmp_path / "missing.sqlite")]) == 2
