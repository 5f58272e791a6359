"""The bad-input corpus: generated inputs, each with its expected exit status and message.

``generate(folder)`` writes every case into ``folder`` and returns them;
``python tests/bad_inputs.py run FOLDER`` generates them, then runs each
case's ``textcheck`` command in a child forked from one warmed-up process
(so 50 cases cost one start-up) under resource limits — RLIMIT_CPU and
RLIMIT_AS — and prints one JSON line per case: exit status, stderr, CPU
seconds and peak memory measured by ``wait4``.  A case that runs away is
stopped by its limit and shows up as a signal or MemoryError, never as a
hang.  ``tests/test_hardening_bad_inputs.py`` asserts the outcome of each.

Expected exit statuses (README): 0 nothing reached --fail-on (the cases
that must be *read* use ``--fail-on never``), 2 unreadable input or usage
error, with one line on stderr naming the problem.
"""
from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

CPU_LIMIT_S = 10  # RLIMIT_CPU of each case
MEMORY_LIMIT = 1 << 30  # RLIMIT_AS of each case: 1 GiB of address space, start-up included

TABLE = "表 1 收入支出总表\n单位：万元\n项目\t金额\n基本支出\t1,422.65\n项目支出\t100.00\n合计\t1,522.65\n"


@dataclass
class Case:
    name: str
    argv: list[str]  # the textcheck command line (after "textcheck")
    exit: int  # expected exit status
    message: str = ""  # expected in the single stderr line ("" = stderr must be empty of errors)
    stdout: str = ""  # expected in stdout
    files: dict = field(default_factory=dict)  # extra facts the test checks


def _docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _bomb(member: str, megabytes: int, extra: dict[str, bytes] | None = None) -> bytes:
    """A zip whose ``member`` inflates to ``megabytes`` MB of zeros (about 1 KB per MB packed)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)
        with z.open(member, "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(megabytes):
                f.write(chunk)
    return buf.getvalue()


def _many_entries(n: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        for i in range(n):
            z.writestr(f"word/media/{i}.bin", b"")
    return buf.getvalue()


def _xlsx_far_cell() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "表 1 收入表"
    sheet["XFD1048576"] = 1  # the last cell of the sheet: the dimension claims 17 billion cells
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _pdf(pages: int) -> bytes:
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def generate(folder: str | Path) -> list[Case]:
    """Write every bad input into ``folder``; return the cases with their expectations."""
    d = Path(folder)
    d.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def write(name: str, data: bytes | str) -> str:
        p = d / name
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return str(p)

    def refused(name: str, data, message: str, *extra: str) -> None:
        cases.append(Case(name, ["check", *extra, write(name, data)], 2, message))

    def read_ok(name: str, data, *extra: str, stdout: str = "") -> None:
        cases.append(Case(name, ["check", "--fail-on", "never", *extra, write(name, data)], 0, "", stdout))

    limits = write("limits.toml", "[limits]\nmax-pages = 5\nmax-unzipped-mb = 10\n")

    # -- ordinary unreadable input -----------------------------------------------------
    refused("empty.txt", b"", "empty file")
    refused("blank.txt", b" \n\t\n  \r\n", "empty file")
    refused("png-named.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary")
    refused("nul-bytes.txt", b"\x00\x01\x02binary\xff\xfe\x00" * 200, "binary")
    refused("noise-high-bytes.txt", bytes((i * 7919 + 13) % 128 + 128 for i in range(4000)), "binary")
    refused("bad-utf16-bom.txt", b"\xff\xfe" + b"\x00\xd8" * 3 + b"a", "utf-16")
    refused("truncated.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "PDF")
    refused("garbage.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40, "PDF")
    refused("corrupt.docx", b"PK\x03\x04" + b"word/" + bytes(range(256)) * 4, "docx")
    good_docx = _docx(["2024年部门预算", "基本支出 1,422.65 万元。"], [["项目", "金额"], ["合计", "1.00"]])
    refused("truncated.docx", good_docx[: len(good_docx) // 2], "docx")
    refused("corrupt.xlsx", b"PK\x03\x04" + b"xl/" + bytes(range(256)) * 4, "xlsx")
    refused("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "legacy Office")
    refused("plain.zip", _many_entries(1).replace(b"word/", b"data/"), "zip")
    cases.append(Case("missing-file", ["check", str(d / "no-such-file.txt")], 2, "no such file"))
    (d / "a-folder").mkdir(exist_ok=True)
    cases.append(Case("folder", ["check", str(d / "a-folder")], 2, "folder"))
    for a, b in (("loop-a.txt", "loop-b.txt"), ("loop-b.txt", "loop-a.txt")):
        if not (d / a).is_symlink():
            (d / a).symlink_to(d / b)
    cases.append(Case("symlink-loop", ["check", str(d / "loop-a.txt")], 2, "symbolic links"))
    cases.append(Case("name-too-long", ["check", str(d / ("长" * 200 + ".txt"))], 2, "too long"))
    cases.append(Case("dev-zero", ["check", "/dev/zero"], 2, "not a regular file (a character device)"))
    fifo = d / "fifo.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    cases.append(Case("fifo", ["check", str(fifo)], 2, "not a regular file (a FIFO)"))
    cases.append(Case("bad-config", ["check", "--config", write("bad.toml", "select = [1,"), write("ok.txt", TABLE)],
                      2, "invalid TOML"))
    cases.append(Case("bad-limit-config", ["check", "--config", write("bad-limit.toml", "[limits]\nmax-pages = -1\n"),
                                           str(d / "ok.txt")], 2, "limits.max-pages"))

    # -- realistic text that used to crash -------------------------------------------------
    read_ok("lone-full-stop.txt", "第一部分 概况\n\n基本支出 1,422.65 万元，比上年增加 78.13 万元\n。\n" + TABLE)
    read_ok("circled-serials.txt", "表 1 支出表\n单位：万元\n序号\t项目\t金额\n①\t基本支出\t1.00\n②\t项目支出\t2.00\n"
                                   "\t合计\t3.00\n")
    read_ok("superscript-digits.txt", "表 1 支出表\n单位：万元\n项目\t金额\n基本支出²\t1.00\n³\t2.00\n合计\t3.00\n")
    read_ok("circled-docx.docx", _docx(["表 1 支出表", "单位：万元"],
                                       [["序号", "项目", "金额"], ["①", "基本支出", "1.00"], ["②", "项目支出", "2.00"]]))
    huge = "9" * 41
    read_ok("41-digit-amounts.txt", f"表 1 支出表\n单位：万元\n项目\t金额\n基本支出\t{huge}.00\n项目支出\t1.00\n"
                                    f"合计\t{huge}.00\n\n基本支出 {huge}.00 万元，比上年增加 {huge} 万元，增长 5.81%。\n",
            "--format", "json", stdout='"diagnostics"')
    read_ok("40-decimals.txt", "表 1 支出表\n单位：万元\n项目\t金额\n基本支出\t1." + "1" * 40 + "\n合计\t1.00\n\n"
                               "基本支出 1." + "1" * 40 + " 万元，占 35." + "7" * 40 + "%。\n")
    read_ok("controls-and-surrogate-bytes.txt", "第一部分 概况\n正文\x0b含\x1b有控制字符 1.00 万元。\n".encode("utf-8")
            + b"\xed\xa0\x80\n" + TABLE.encode("utf-8"))
    read_ok("gb18030.txt", ("第一部分 概况\n㐀䶵 扩展字符 1.00 万元。\n" + TABLE).encode("gb18030"))
    read_ok("crlf-and-cr.txt", (TABLE.replace("\n", "\r\n") + "\r正文 1.00 万元。\r").encode("utf-8"))
    read_ok("nested-html.html", "<html><body>" + "<div>" * 5000 + "正文 1.00 万元。" + "</div>" * 5000
            + "<table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td colspan=0 rowspan=x>1.00</td></tr>"
            + "<tr><td colspan=99999999999999999999>溢出</td></tr></table></body></html>")
    read_ok("unclosed-html.html", "<html><table><tr><td>项目<td>金额<tr><td>合计<td>1.00<table><tr><td>内")
    read_ok("ragged-pipe-table.md", "| 项目 | 金额 |\n|---|---|\n| 合计 | 1.00 | 多余 | 更多 |\n| 只有一格\n")

    # -- inputs that used to run away -----------------------------------------------------------
    refused("docx-bomb.docx", _bomb("word/document.xml", 40), "limits.max-unzipped-mb", "--config", limits)
    refused("xlsx-bomb.xlsx", _bomb("xl/worksheets/sheet1.xml", 40, {"xl/workbook.xml": b"<workbook/>"}),
            "limits.max-unzipped-mb", "--config", limits)
    refused("zip-entries.docx", _many_entries(10_001), "limits.max-zip-entries")
    refused("xlsx-far-cell.xlsx", _xlsx_far_cell(), "limits.max-table-")
    refused("pdf-pages.pdf", _pdf(6), "limits.max-pages", "--config", limits)
    span = "<td colspan=1000 rowspan=1000>1</td>"
    refused("html-spans.html", "<html><table><tr>" + span * 40 + "</tr></table></html>", "limits.max-table-columns")
    refused("html-cells.html", "<html><table>" + ("<tr>" + "<td colspan=100>1</td>" * 9 + "</tr>") * 600
            + "</table></html>", "limits.max-table-cells")
    refused("html-wide-row.html", "<html><table><tr>" + "<td>1</td>" * 5000 + "</tr></table></html>",
            "limits.max-table-columns")
    refused("html-50mb.html", "<html><body><p>" + "正文 1.00 万元。" * 300_000 + "</p></body></html>",
            "limits.max-chars")
    refused("long-line.txt", "基本支出1,422.65万元，" * 300_000, "limits.max-")
    refused("line-of-60k.txt", "正" * 60_000 + "\n" + TABLE, "limits.max-line-chars")
    refused("long-paragraph.txt", "基本支出1,422.65万元，\n" * 100_000, "limits.max-paragraph-chars")
    refused("many-tabs.txt", "表 1\n" + "\t".join(["1.00"] * 3000) + "\n", "limits.max-table-columns")
    refused("embedded-html-colspan.txt", "表 1\n<table><tr>" + "<td colspan=200>1</td>" * 300
            + "</tr><tr><td>2</td></tr></table>\n", "limits.max-table-columns")
    refused("many-pipes.md", "|" + "a|" * 3000 + "\n|" + "---|" * 3000 + "\n", "limits.max-table-columns")

    # -- output and database faults ------------------------------------------------------------------
    ok = str(d / "ok.txt")
    cases.append(Case("output-missing-folder", ["check", ok, "-o", str(d / "no" / "such" / "r.json")], 2, "does not exist"))
    cases.append(Case("output-is-folder", ["check", ok, "-o", str(d / "a-folder")], 2, "folder"))
    cases.append(Case("output-disk-full", ["check", "--fail-on", "never", ok, "-o", "/dev/full"], 2,
                      "No space left on device"))
    cases.append(Case("output-fifo-without-reader", ["check", "--fail-on", "never", ok, "-o", str(fifo)], 2,
                      "no process is reading"))
    cases.append(Case("output-dev-null", ["check", "--fail-on", "never", ok, "-o", "/dev/null"], 0, ""))
    not_db = write("not-a-db.sqlite", "this is not SQLite " * 100)
    cases.append(Case("db-not-sqlite", ["scan", "--no-progress", "--jobs", "1", "--db", not_db, ok], 2,
                      "not a textcheck scan database"))
    cases.append(Case("scan-fifo", ["scan", "--no-progress", "--jobs", "1", "--db", str(d / "fifo-scan.sqlite"),
                                    str(fifo)], 2, "not a regular file (a FIFO)"))
    cases.append(Case("report-db-not-sqlite", ["report", "--db", not_db], 2, "not a textcheck scan database"))
    return cases


# -- the runner: one warmed process, one forked child per case, resource limits on each ----------------

def _run_case(case: Case, out_dir: Path) -> dict:
    import resource
    import traceback

    err_path = out_dir / f"{case.name}.stderr"
    out_path = out_dir / f"{case.name}.stdout"
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: limits, redirected output, the command, exit
        code = 98
        try:
            resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT_S, CPU_LIMIT_S + 1))
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
            for fd, path in ((1, out_path), (2, err_path)):
                target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                os.dup2(target, fd)
                os.close(target)
            from textcheck.cli import main

            try:
                code = main(case.argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
            except BaseException:  # noqa: BLE001 — the test fails on this traceback
                traceback.print_exc()
                code = 99
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code if isinstance(code, int) else 97)
    _, status, usage = os.wait4(pid, 0)
    return {
        "name": case.name,
        "exit": os.waitstatus_to_exitcode(status),
        "expected_exit": case.exit,
        "message": case.message,
        "expected_stdout": case.stdout,
        "stderr": err_path.read_text("utf-8", "replace"),
        "stdout_head": out_path.read_text("utf-8", "replace")[:4000],
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
    }


def run_all(folder: str | Path) -> list[dict]:
    from textcheck.api import get_checker

    folder = Path(folder)
    cases = generate(folder / "inputs")
    out_dir = folder / "outputs"
    out_dir.mkdir(exist_ok=True)
    get_checker().nlp  # built once, inherited by every forked case (as a warm CLI would have it)
    import textcheck.readers.docx  # noqa: F401 — imported once, not per case
    import textcheck.readers.pdf  # noqa: F401
    import textcheck.readers.xlsx  # noqa: F401

    return [_run_case(case, out_dir) for case in cases]


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "run":
        sys.exit("usage: python tests/bad_inputs.py run FOLDER")
    for result in run_all(sys.argv[2]):
        print(json.dumps(result, ensure_ascii=False), flush=True)
