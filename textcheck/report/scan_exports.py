"""Exports of a scan database: CSV (UTF-8 with BOM, for Excel), XLSX and the HTML dashboard.

The dashboard is one self-contained page: totals, a table per department with a
link to each document's findings and its cross-year counts (as the text, JSON and XLSX
summaries), the pairs checked against another disclosure, findings by rule and by
department as bar charts (inline SVG, no script or external asset), and the unreadable files.
"""
from __future__ import annotations

import io
from collections import Counter

from textcheck import __version__
from textcheck.report.templating import render_template

FINDING_COLUMNS = ["path", "department", "year", "code", "name", "category", "severity", "line", "column", "page",
                   "message", "suggestion", "text", "fingerprint"]
_SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def render(fmt: str, summary: dict, documents: list[dict], findings: list[dict]) -> str | bytes:
    if fmt == "csv":
        return findings_csv(findings)
    if fmt == "xlsx":
        return workbook(summary, documents, findings)
    return dashboard(summary, documents, findings)


def findings_csv(findings: list[dict]) -> str:
    """CSV with a UTF-8 byte-order mark: Excel on Chinese Windows otherwise reads it as GBK."""
    import csv

    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.DictWriter(buf, fieldnames=FINDING_COLUMNS, extrasaction="ignore")
    w.writeheader()
    w.writerows(findings)
    return buf.getvalue()


def cross_year_counts(department: dict) -> list:
    """Pairs checked against another disclosure (scan's pairing: last year's budget, or a final
    account's budget of the same year), and their findings (TC361–TC363): [pairs, errors, warnings]."""
    cross = department.get("cross_year") or {}
    return [len(cross.get("pairs", [])), cross.get("error", 0), cross.get("warning", 0)]


# What a pair was compared with, as the summaries name it.
AGAINST_NAMES = {"budget": "本年预算", "previous-year": "上年"}


def _pairs(summary: dict) -> list[dict]:
    """Every pair of the scan, with its department and what it was compared with (named)."""
    return [dict(p, department=name, against_name=AGAINST_NAMES.get(p.get("against"), "上年"))
            for name, d in sorted(summary["departments"].items())
            for p in (d.get("cross_year") or {}).get("pairs", [])]


def workbook(summary: dict, documents: list[dict], findings: list[dict]) -> bytes:
    """Four sheets: 部门汇总, 文件, 问题, 跨年度对照 — header row frozen, filters on."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError:
        from textcheck.errors import TextcheckError

        raise TextcheckError("--format xlsx needs openpyxl: pip install 'textcheck[office]'") from None
    wb = Workbook()
    sheets = [
        ("部门汇总", ["部门", "文件", "无法读取", "错误", "警告", "提示", "主要问题规则",
                  "跨年度对照", "跨年度错误", "跨年度警告"],
         [[name, d["documents"], d["failed"], d["error"], d["warning"], d["info"], ", ".join(d["worst_rules"]),
           *cross_year_counts(d)] for name, d in sorted(summary["departments"].items())]),
        ("文件", ["文件", "部门", "年度", "格式", "状态", "无法读取的原因", "错误", "警告", "提示", "用时(ms)"],
         [[d["path"], d["department"], d["year"], d["format"], d["status"], d["error"], d["errors"], d["warnings"],
           d["infos"], d["elapsed_ms"]] for d in documents]),
        ("问题", FINDING_COLUMNS, [[f.get(c) for c in FINDING_COLUMNS] for f in findings]),
        ("跨年度对照", ["部门", "年度", "文件", "对照", "对照文件"],
         [[p["department"], p["year"], p["path"], p["against_name"], p["previous"]] for p in _pairs(summary)]),
    ]
    wb.remove(wb.active)
    for title, header, rows in sheets:
        ws = wb.create_sheet(title)
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(row)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _bars(counts: dict[str, dict[str, int]], limit: int = 15) -> list[dict]:
    """Rows of a horizontal stacked bar chart: label, per-severity counts and widths in percent of the largest."""
    rows = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:limit]
    top = max((sum(c.values()) for _, c in rows), default=0) or 1
    return [{"label": label, "total": sum(c.values()),
             "parts": [{"severity": s, "count": c.get(s, 0), "width": 100 * c.get(s, 0) / top}
                       for s in ("error", "warning", "info") if c.get(s, 0)]} for label, c in rows]


def dashboard(summary: dict, documents: list[dict], findings: list[dict]) -> str:
    by_rule: dict[str, Counter] = {}
    by_department: dict[str, Counter] = {}
    by_document: dict[str, list[dict]] = {}
    for f in findings:
        by_rule.setdefault(f"{f['code']} {f['name']}", Counter())[f["severity"]] += 1
        by_department.setdefault(f["department"] or "（未识别部门）", Counter())[f["severity"]] += 1
        by_document.setdefault(f["path"], []).append(f)
    docs = [dict(d, anchor=f"doc-{i}", findings=by_document.get(d["path"], [])) for i, d in enumerate(documents)]
    departments = []
    for name, d in sorted(summary["departments"].items()):
        members = [x for x in docs if (x["department"] or "（未识别部门）") == name]
        departments.append(dict(d, name=name, documents_list=members, cross=cross_year_counts(d)))
    pairs = _pairs(summary)
    cross_totals = [sum(d["cross"][k] for d in departments) for k in range(3)]
    return render_template(
        "dashboard.html.j2", version=__version__, totals=summary["totals"], departments=departments,
        pairs=pairs, cross_totals=cross_totals,
        documents=docs, failed=[d for d in docs if d["status"] == "error"], slowest=summary.get("slowest", []),
        rule_bars=_bars(by_rule), department_bars=_bars(by_department), severity_names=_SEVERITY_NAMES)
