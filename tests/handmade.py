"""Hand-built Documents and Reports for the writer/service tests.

They do not depend on the readers or on any rule, so the output formats can be
tested on their own: a small disclosure with one table and one narrative line,
and diagnostics pointing at the sentence and the cell it disagrees with.
"""
from __future__ import annotations

from textcheck.document import Cell, Column, Document, LocatedText, Location, Paragraph, Row, Table
from textcheck.numbers import parse_number
from textcheck.report.diagnostic import Diagnostic, DocumentResult, Related, Report

SOURCE = [
    "表 1 支出总表",                      # 1
    "单位：万元",                          # 2
    "项目\t金额",                          # 3
    "基本支出\t1,422.65",                  # 4
    "项目支出\t950.00",                    # 5
    "合计\t2,372.65",                      # 6
    "",                                    # 7
    "项目支出 905 万元，<b>占</b> 40%。",   # 8  (markup to prove escaping)
]


def located(line: int, column: int, text: str) -> LocatedText:
    return LocatedText(text, tuple((line, column + i) for i in range(len(text))))


def cell(line: int, column: int, text: str, row: int, col: int) -> Cell:
    return Cell(located(line, column, text), row, col, parse_number(text) if row >= 0 and col > 0 else None)


def make_document(path: str = "budget.txt") -> Document:
    header = (cell(3, 1, "项目", -1, 0), cell(3, 4, "金额", -1, 1))
    rows = (
        Row(0, (cell(4, 1, "基本支出", 0, 0), cell(4, 6, "1,422.65", 0, 1)), "基本支出"),
        Row(1, (cell(5, 1, "项目支出", 1, 0), cell(5, 6, "950.00", 1, 1)), "项目支出"),
        Row(2, (cell(6, 1, "合计", 2, 0), cell(6, 4, "2,372.65", 2, 1)), "合计", kind="total"),
    )
    table = Table(id="表 1", title="支出总表", unit="万元",
                  columns=(Column(0, "项目"), Column(1, "金额")), rows=rows,
                  location=Location(1, 1, 6, 11), index=0, number=1, header=(header,))
    para = Paragraph(located(8, 1, SOURCE[7]), ("说明",), 0)
    return Document(path=path, format="text", source_lines=tuple(SOURCE), paragraphs=(para,), tables=(table,),
                    sha256="0" * 64)


def make_report(path: str = "budget.txt") -> Report:
    doc = make_document(path)
    table = doc.tables[0]
    amount = Diagnostic(
        code="TC201", name="narrative-amount-mismatch", category="amount", severity="error",
        message="正文“项目支出 905 万元”与表 1“项目支出/金额”950.00 万元不一致：905 ≠ 950.00",
        location=Location(8, 6, 8, 11), text="905 万元", suggestion="核对后统一为 950.00 万元",
        related=(Related.cell(table, table.rows[1], 1),
                 Related.sentence(doc.paragraphs[0].text, doc.paragraphs[0].text.location)),
    )
    share = Diagnostic(
        code="TC301", name="share-mismatch", category="share", severity="warning",
        message="占比 40% 与 950.00 / 2,372.65 = 40.04% 不符, 但在舍入范围内: 100% \"引号\"",
        location=Location(8, 22, 8, 24), text="40%",
        related=(Related(kind="figure", text="40.04%", value="40.04"),),
    )
    total = Diagnostic(
        code="TC101", name="table-sum-mismatch", category="sum", severity="info",
        message="表 1 合计 2,372.65 = 1,422.65 + 950.00（舍入一致）",
        location=Location(6, 4, 6, 11), text="2,372.65",
        related=(Related.cell(table, table.rows[0], 1), Related.cell(table, table.rows[1], 1)),
    )
    result = DocumentResult(path=path, format="text", sha256=doc.sha256, diagnostics=[total, amount, share],
                            stats={"lines": len(SOURCE), "tables": 1}, document=doc)
    return Report([result])


def make_error_report() -> Report:
    return Report([DocumentResult(path="broken.pdf", error="broken.pdf: truncated PDF")])
