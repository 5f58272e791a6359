"""Fuzz targets and input strategies shared by the CI fuzz test and the long run.

``tests/test_hardening_fuzz.py`` runs each target for a bounded number of
examples; ``benchmarks/fuzz_long.py`` runs them for tens of thousands.  A
target passes when it returns or raises ``TextcheckError`` (a one-line
error); any other exception is a crash.  Strategies mix what disclosures
contain (budget words, tables, headings, numbers in every published form,
the shapes that once crashed: a lone "。" line, ①/² in tables, 41-digit
amounts) with arbitrary text, and binary readers get valid seed files with
bytes flipped, inserted and cut off.
"""
from __future__ import annotations

import io
import zipfile
from decimal import Decimal

from hypothesis import strategies as st

from textcheck.errors import TextcheckError

WORDS = ["基本支出", "项目支出", "人员经费", "公用经费", "合计", "小计", "其中：", "比上年", "比上年预算", "增加", "减少",
         "增长", "下降", "持平", "占", "万元", "元", "亿元", "千元", "%", "个", "人", "次", "项", "≥", "≤", "<=", ">=",
         "表 1", "表 2", "表五", "公开05表", "收入支出决算总表", "一般公共预算", "政府性基金", "第一部分", "第二部分",
         "一、", "二、", "（一）", "1.", "1、", "。", "，", "；", "：", "\t", "\t\t", "\n", "\n\n", "|", "|---|", "※",
         "单位：万元", "编制部门：某某局", "绩效目标表", "指标值", "满意度", "≥90%", "<table>", "<tr>", "<td>",
         "<td colspan=3>", "<td rowspan=2>", "</td>", "</tr>", "</table>", "\f", "2024年", "①", "②", "²", "³",
         "十五", "两个", "三公经费", "上年结转", "本年收入", "支出总计", "2010101", "201", "01", "行政运行", "（", "）"]

NUMBERS = st.one_of(
    st.from_regex(r"\A[-−－(（]?[0-9]{1,45}(\.[0-9]{0,45})?%?[)）]?\Z"),
    st.from_regex(r"\A[0-9]{1,3}(,[0-9]{3}){0,5}(\.[0-9]{1,3})?\Z"),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**9, max_value=10**9).map(str),
    st.sampled_from(["0", "00", "0.00", "-0.00", "1e5", "١٢٣", "１２３．４５", "1,2345.00", "，", "9" * 60,
                     "0." + "1" * 50, "1.", ".5", "(5.00)", "（5.00）", "-", "—", "/", "——"]),
)

TOKENS = st.one_of(st.sampled_from(WORDS), NUMBERS, st.text(max_size=6),
                   st.text(st.characters(categories=["Cs", "Cc"]), min_size=1, max_size=2))  # lone surrogates, controls
LINES = st.lists(TOKENS, max_size=16).map("".join)
DOCUMENTS = st.lists(LINES, max_size=40).map("\n".join)

# -- targets -------------------------------------------------------------------


def check_text_target(text: str) -> None:
    from textcheck.api import check_text

    try:
        check_text(text)
    except TextcheckError:
        pass


def number_target(text: str) -> None:
    from textcheck.numbers import format_decimal, parse_number

    n = parse_number(text)
    if n is not None:
        shown = format_decimal(n.value, n.decimals)
        assert Decimal(shown.replace(",", "")) == n.value  # printed back without loss
        n.interval  # noqa: B018 — computing the rounding interval must not raise


def reader_target(data: bytes, name: str) -> None:
    from textcheck.readers import read_bytes

    try:
        read_bytes(data, name)
    except TextcheckError:
        pass


# -- seed files for the binary readers ---------------------------------------------------


def seed_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_heading("第一部分 概况", level=1)
    d.add_paragraph("基本支出 1,422.65 万元，比上年增加 78.13 万元，增长 5.81%。")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["序号", "项目", "金额"], ["①", "基本支出", "1,422.65"], ["", "合计", "1,422.65"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(2, 0).merge(t.cell(2, 1))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def seed_xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    s = book.active
    s["A1"] = "表 1 支出总表"
    s["A2"] = "单位：万元"
    s.append(["项目", "金额", "占比"])
    s.append(["基本支出", 1422.65, 0.5])
    s.append(["合计", 1422.65, 1])
    s["B4"].number_format = "#,##0.00"
    s["C4"].number_format = "0.00%"
    s.merge_cells("A6:C6")
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def seed_pdf() -> bytes:
    """A small valid PDF with text lines and a ruled table, written by hand (offsets computed)."""
    content = (b"BT /F1 12 Tf 72 760 Td (Table 1 Budget) Tj 0 -20 Td (Total 1,422.65) Tj ET\n"
               b"72 700 m 300 700 l S 72 680 m 300 680 l S 72 660 m 300 660 l S\n"
               b"72 700 m 72 660 l S 186 700 m 186 660 l S 300 700 m 300 660 l S\n"
               b"BT /F1 10 Tf 76 686 Td (Basic) Tj 114 0 Td (1,422.65) Tj -114 -20 Td (Total) Tj 114 0 Td (1,422.65) Tj ET\n")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """The seed with a few bytes replaced, a few inserted, and perhaps cut short."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif action == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[pos:pos + draw(st.integers(1, 64))]
    if draw(st.booleans()) and data:
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


TEXT_BYTES = st.one_of(
    DOCUMENTS.map(lambda t: t.encode("utf-8", "surrogatepass")),
    DOCUMENTS.flatmap(lambda t: st.sampled_from(["gbk", "gb18030", "utf-16", "utf-8-sig"]).map(
        lambda enc: t.encode(enc, errors="replace"))),
    st.binary(max_size=2000),
)


def html_documents():
    return DOCUMENTS.map(lambda t: "<html><body><p>" + t.replace("\n", "</p><p>") + "</p></body></html>")


# -- a fast random generator for the long run (hypothesis spends most of its time generating) --

def random_number(rng) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        text = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 45)))
        if rng.random() < 0.5:
            text += "." + "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 45)))
        return rng.choice(["", "-", "−", "(", "（"]) + text + rng.choice(["", "%", ")", "）", "万元"])
    if kind == 1:
        return f"{rng.randint(0, 10**9):,}.{rng.randint(0, 99):02d}"
    if kind == 2:
        return str(rng.uniform(-1e6, 1e6))
    if kind == 3:
        return rng.choice(["0", "00", "0.00", "-0.00", "1e5", "١٢٣", "１２３．４５", "1,2345.00", "9" * 60,
                           "0." + "1" * 50, "1.", ".5", "(5.00)", "（5.00）", "-", "—", "/", "——", "①", "²"])
    if kind == 4:
        return str(rng.randint(0, 2030))
    return f"{rng.randint(0, 100)}.{rng.randint(0, 99)}%"


def random_text(rng, size: int) -> str:
    """Arbitrary characters: ASCII, CJK, punctuation, controls, astral and lone surrogates."""
    ranges = [(0x20, 0x7e), (0x4e00, 0x9fff), (0x3000, 0x303f), (0xff00, 0xffef), (0, 0x1f), (0x2460, 0x24ff),
              (0x1f300, 0x1f6ff), (0xd800, 0xdfff), (0x80, 0x2fff)]
    out = []
    for _ in range(size):
        lo, hi = rng.choice(ranges)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def random_document(rng) -> str:
    lines = []
    for _ in range(rng.randint(0, 40)):
        tokens = []
        for _ in range(rng.randint(0, 16)):
            r = rng.random()
            tokens.append(rng.choice(WORDS) if r < 0.55 else random_number(rng) if r < 0.85
                          else random_text(rng, rng.randint(1, 6)))
        lines.append("".join(tokens))
    return "\n".join(lines)


def random_mutation(rng, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(rng.randint(0, 6)):
        if not data:
            break
        pos = rng.randrange(len(data))
        action = rng.randrange(3)
        if action == 0:
            data[pos] = rng.randrange(256)
        elif action == 1:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        else:
            del data[pos:pos + rng.randint(1, 64)]
    if rng.random() < 0.5 and data:
        data = data[: rng.randint(0, len(data))]
    return bytes(data)


def random_text_bytes(rng) -> bytes:
    r = rng.random()
    if r < 0.5:
        return random_document(rng).encode("utf-8", "surrogatepass")
    if r < 0.8:
        enc = rng.choice(["gbk", "gb18030", "utf-16", "utf-8-sig"])
        return random_document(rng).encode(enc, errors="replace")
    return bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000)))


def mutate_member(seed: bytes, pick: int, mutate) -> bytes:
    """The seed zip (DOCX/XLSX) re-packed with one member's bytes changed by ``mutate``:
    reaches the XML parsers and the readers behind a valid archive."""
    source = zipfile.ZipFile(io.BytesIO(seed))
    names = source.namelist()
    target = names[pick % len(names)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            data = source.read(name)
            z.writestr(name, mutate(data) if name == target else data)
    return out.getvalue()


def random_member_mutation(rng, seed: bytes) -> bytes:
    return mutate_member(seed, rng.randrange(1000), lambda data: random_mutation(rng, data))


@st.composite
def mutated_member(draw, seed: bytes) -> bytes:
    pick = draw(st.integers(0, 999))
    return mutate_member(seed, pick, lambda data: draw(mutated(data)))
