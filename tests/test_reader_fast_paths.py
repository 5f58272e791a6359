"""The table reader's shortcuts give what the plain per-cell steps give.

Reading decides some things once per line, row or table that were decided cell by cell (which
columns can name a row, where a row's first text is, whether any cell is coded); each test
compares a shortcut with the straightforward version on seed cells and random ones.
"""
import random
from pathlib import Path

from textcheck import patterns
from textcheck.document import ROW_DATA, ROW_PART, ROW_SUBTOTAL, ROW_TOTAL, LocatedText
from textcheck.readers import grid_columns, grid_rows, performance_grid, tablegrid
from textcheck.readers.grid_cells import compact, parse_number
from textcheck.readers.lines import row_lines

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"


def _seed_cells() -> list[str]:
    return [c for ln in SAMPLE.read_text("utf-8").split("\n") for c in ln.split("\t")]


def _varied_cells(n: int = 2000, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    pieces = ["201", "20601", "2060101", "01", "[201]", "【20140】", "[2a]", "合计", "小计", "总计", "其中：",
              "一、", "1.", "3,956.08", "0.00", "-", "--", ":--", "---:", " ", "", "科学技术支出", "人", "年",
              "201 一般公共服务支出", "一级指标", "指 标", "指标值", "%", "(5.00)", "12", "2024"]
    return [c for c in _seed_cells() if len(c) < 40] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))) for _ in range(n)]


def _lt(text: str, line: int, col: int = 1) -> LocatedText:
    return LocatedText(text, tuple((line, col + k) for k in range(len(text))))


def _random_rows(n: int = 1500, seed: int = 5) -> list[list[LocatedText]]:
    rng = random.Random(seed)
    cells = _varied_cells(seed=seed)
    rows = []
    for _ in range(n):
        row = []
        for _ in range(rng.randint(0, 8)):
            t = rng.choice(cells)
            row.append(_lt(t, rng.randint(1, 50), rng.randint(1, 9)))
        rows.append(row)
    return rows


def test_code_text_skips_the_regex_only_without_a_bracket():
    for t in _varied_cells():
        m = patterns.BRACKETED_CODE.fullmatch(t)
        assert grid_columns.code_text(t) == (m.group(1) if m else t), t


def test_separator_row_and_row_lines_agree_with_the_plain_versions():
    for row in _random_rows():
        texts = [c.text for c in row if c.text]
        expected = bool(texts) and texts[0][0] in "-:" and all(patterns.DASH_CELL.match(t.strip()) for t in texts)
        assert tablegrid.is_separator_row(row) == expected, [c.text for c in row]
        filled = [c.positions for c in row if c.positions]
        lines = (min(p[0][0] for p in filled), max(p[-1][0] for p in filled)) if filled else (None, None)
        assert row_lines(row) == lines


def test_a_number_is_never_a_code_and_name():
    """column_roles counts code+name cells only when two or more cells are not numbers: it
    relies on no cell being both."""
    for t in _varied_cells(4000):
        v = grid_columns.code_text(t.strip())
        assert not (parse_number(v) is not None and patterns.CODE_AND_NAME.match(v)), v


def test_indicator_header_words_all_hold_the_character_looked_for():
    assert all("标" in w for w in performance_grid._INDICATOR_HEADER_WORDS)


def _reference_block_label_code(row, roles, start, end, name_cols):
    """_block_label_code as first written: every cell of the block looked at, codes compacted."""
    code_parts, label, code, texts = [], "", None, []
    for k in range(start, min(end, len(row))):
        t = grid_columns.code_text(compact(row[k].text))
        role = roles[k]
        if role in (grid_columns.CODE_CLASS_ROLE, grid_columns.CODE_COMBINED_ROLE) and t and not t.isdigit():
            texts.append((k, row[k].text.strip()))
        elif role == grid_columns.CODE_CLASS_ROLE:
            code_parts = [t] if t else []
        elif role == grid_columns.CODE_SUB_ROLE:
            if t and code_parts:
                code_parts.append(t)
            elif t:
                skipped = sum(1 for j in range(start, k)
                              if roles[j] in (grid_columns.CODE_CLASS_ROLE, grid_columns.CODE_SUB_ROLE))
                code_parts = [grid_rows.STAGGERED * skipped, t]
        elif role == grid_columns.CODE_COMBINED_ROLE:
            code = t or None
        elif role == grid_columns.CODE_NAME_ROLE:
            m = patterns.CODE_AND_NAME.match(row[k].text.strip())
            if m:
                code, name = m.group("code"), m.group("name").strip()
                if name:
                    label = name
            elif row[k].text.strip():
                label = row[k].text.strip()
        elif role == grid_columns.TEXT_ROLE:
            if row[k].text.strip():
                texts.append((k, row[k].text.strip()))
    if texts:
        totals = [compact(t) for k, t in texts if patterns.TOTAL_WORD.match(compact(t))]
        names = [(k, t) for k, t in texts if not patterns.TOTAL_WORD.match(compact(t))]
        named = [t for k, t in names if k in name_cols]
        pick = named[-1] if named else (names[-1][1] if names else texts[-1][1])
        if totals and names:
            pick += totals[-1]
        if not label or named:
            label = pick
    if code_parts:
        code = "".join(code_parts)
    return label, code


def test_block_label_code_from_the_naming_columns_agrees_with_every_cell():
    rng = random.Random(11)
    all_roles = [grid_columns.CODE_CLASS_ROLE, grid_columns.CODE_SUB_ROLE, grid_columns.CODE_COMBINED_ROLE,
                 grid_columns.CODE_NAME_ROLE, grid_columns.TEXT_ROLE, grid_columns.VALUE_ROLE,
                 grid_columns.LINE_NUMBER_ROLE]
    rows = _random_rows(seed=12)
    for _ in range(300):
        ncols = rng.randint(1, 8)
        roles = [rng.choice(all_roles) for _ in range(ncols)]
        start = rng.randint(0, ncols - 1)
        end = rng.randint(start + 1, ncols)
        name_cols = frozenset(k for k in range(ncols) if rng.random() < 0.3)
        plan = grid_rows._naming_columns(roles, start, end)
        for row in rng.sample(rows, 20):
            row = row[:ncols]
            assert grid_rows._block_label_code(row, plan, name_cols) == \
                _reference_block_label_code(row, roles, start, end, name_cols), ([c.text for c in row], roles)


def test_row_kind_agrees_with_stripping_the_numbering_of_every_label():
    def reference(label):
        t = compact(label)
        if not t:
            return ROW_DATA
        if patterns.ROW_PART_LABEL.match(t):
            return ROW_PART
        if patterns.ROW_SUBTOTAL_LABEL.search(t):
            return ROW_SUBTOTAL
        bare = t
        for pat in patterns.ROW_NUMBERING:
            bare = pat.sub("", bare)
        return ROW_TOTAL if patterns.ROW_TOTAL_LABEL.match(bare) and len(bare) <= 10 else ROW_DATA

    labels = _varied_cells(4000) + ["一、收入总计", "（一）支出总额", "1.合计", "总额", "收支总计", "本年收入合计",
                                    "一、", "二、总计", "其中：合计"]
    for label in labels:
        assert grid_rows._row_kind(label) == reference(label), label


def test_caption_and_meta_shortcuts_agree_with_the_patterns():
    """is_meta_line and the caption steps skip their patterns for lines without the word every
    pattern needs (单位/部门/年/续, 表)."""
    from textcheck.readers.captions import is_meta_line

    lines = [ln.strip() for ln in SAMPLE.read_text("utf-8").split("\n") if "\t" not in ln] + _varied_cells() + [
        "编制部门：某局", "单位：万元", "金额单位：元", "（2024年）", "2024年度", "（续）", "续表", "部门：某局 单位：万元",
        "表 3", "公开05表", "公开表五", "表3 部门支出总体情况表", "五、部门支出总体情况表", "项目支出绩效目标表"]
    for t in lines:
        assert is_meta_line(t) == bool(
            patterns.DEPARTMENT_LINE.match(t) or patterns.UNIT_ONLY_LINE.match(t) or patterns.YEAR_LINE.match(t)
            or patterns.TABLE_CONTINUED.match(t)), t
        if "表" not in t:
            key = compact(t)
            assert not (patterns.TABLE_LABEL.match(key) or patterns.TABLE_LABEL_TITLE.match(t)
                        or patterns.NUMBERED_TABLE_TITLE.match(key) or patterns.TABLE_TITLE.match(key)), t


def test_control_characters_counted_on_the_utf8_bytes():
    """encoding._control_count counts on the encoded text what a per-character test counts."""
    from textcheck.readers import encoding

    rng = random.Random(17)
    alphabet = [chr(c) for c in range(0, 40)] + ["\x7f", "\x80", "\x85", "年", "，", "a", "\ufffd", "\ud800",
                                                 "😀", "\u3000"]
    samples = [SAMPLE.read_text("utf-8")[:20000]] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(2000)]
    for s in samples:
        assert encoding._control_count(s) == sum(1 for ch in s if ch in encoding._CONTROL), repr(s)


def test_row_cell_by_column_agrees_with_a_scan():
    """Row.cell indexes its cells on first use: the first cell of a column, as the scan finds."""
    import pickle

    from textcheck.document import Cell, Row

    rng = random.Random(23)
    empty = LocatedText("", ())
    for _ in range(500):
        cells = tuple(Cell(empty, 0, rng.randint(0, 6)) for _ in range(rng.randint(0, 8)))
        row = Row(0, cells, "x")
        for col in range(-1, 8):
            expected = next((c for c in cells if c.col == col), None)
            assert row.cell(col) is expected
            assert row.value(col) is (expected.value if expected else None)
        assert row == Row(0, cells, "x") and hash(row) == hash(Row(0, cells, "x"))
        assert pickle.loads(pickle.dumps(row)) == row


def test_cell_numbers_skip_text_that_no_number_starts_with():
    """grid_cells.parse_number gives up on a first character no number starts with: the same
    as the full parse on every kind of cell (Unicode digits, brackets, signs, wrapped amounts)."""
    from textcheck.numbers import parse_number as full_parse
    from textcheck.readers import grid_cells

    def reference(text, unit=None):
        n = full_parse(text, unit)
        if n is not None or not text:
            return n
        pieces = text.split()
        if len(pieces) < 2 or not all(patterns.NUMBER_PIECE.fullmatch(p) for p in pieces):
            return None
        joined = full_parse("".join(pieces), unit)
        if joined is None:
            return None
        head = pieces[0].lstrip("-−")
        if not ("," in head or "." in head or len(head) >= 4):
            return None
        first = full_parse(pieces[0], unit)
        return joined if first is None or first.decimals < joined.decimals else None

    rng = random.Random(29)
    alphabet = list("0123456789,.-−－(（)）% 年万元a") + ["٣", "３", "۵", "\u3000", "\t", "106,512.0 0", "1682.7 6"]
    cells = _varied_cells() + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(5000)]
    for text in cells:
        for unit in (None, "万元"):
            assert grid_cells.parse_number(text, unit) == reference(text, unit), repr(text)


def test_performance_cells_skip_parse_number_only_where_it_gives_none():
    """performance_grid asks parse_number only for a cell whose first character passes
    parse_number's own first test (inlined there): every text it skips is one parse_number
    gives None, and the table's cells are those of the plain per-cell call."""
    from textcheck.readers.grid_cells import NUMBER_HEADS

    def asked(t):  # the inline test of performance_grid.performance_table
        return bool(t) and ((h := t[0]).isdecimal() or h in NUMBER_HEADS or h.isspace())

    heads = [chr(i) for i in range(0x3400) if not 0xD800 <= i <= 0xDFFF] + ["\u3000", "٣", "３", "中", "指"]
    for h in heads:
        for tail in ("", "5", "12.5", " 6", "%"):
            text = h + tail
            if not asked(text):
                assert parse_number(text) is None and parse_number(text, "万元") is None, repr(text)
    assert not asked("")
    rows = [[LocatedText(t, tuple((1, k) for k in range(len(t)))) for t in row]
            for row in [["项目名称", "科研"], ["一级指标", "二级指标", "三级指标", "指标值"],
                        ["产出指标", "数量指标", "完成率", "≥95%"], ["", "", "项目数", "12"],
                        ["", "", "经费", "(5.00)"], ["", "", "时间", " 3"], ["年度预算", "1,234.50", "-2"]]]
    draft = tablegrid.TableDraft(kind="performance", unit="万元", segments=[rows])
    table = performance_grid.performance_table(draft, rows, "T1", 0)
    for row, cells in zip([r for i, r in enumerate(rows) if i != 1], table.rows):
        assert [c.value for c in cells.cells] == [parse_number(c.text, "万元") if c.text else None for c in row]


def test_a_grid_row_written_as_one_line_stands_on_it():
    """The walk takes a GridRow's ``line`` for the first and last line of its cells (row_lines)
    whenever a cell is filled: text grid lines, pipe rows and rendered rows (PDF, DOCX …)."""
    from textcheck.readers.blocks import GridRow
    from textcheck.readers.rendering import Rendering
    from textcheck.readers.text import split_lines, text_blocks

    markdown = "说明\n\n| 项目 | 金额 |\n|---|---|\n| 合计 | 1,422.65 |\n|  |  |\n\n表1\t\t\n\t2024 年\t3 ,956.08 \n"
    blocks = text_blocks(split_lines(SAMPLE.read_text("utf-8"))) + text_blocks(split_lines(markdown), fmt="markdown")
    rendering = Rendering()
    rendering.row(["科目", "", "预 算\n数"], page=1)
    rendering.row(["", ""], page=2)
    rendering.row(["2060101", "行政运行", "12 . 5"], page=2, source_table="t1")
    blocks += rendering.blocks
    rows = [b for b in blocks if isinstance(b, GridRow)]
    assert len(rows) > 400
    for b in rows:
        assert b.line is not None
        if any(c.text for c in b.cells):
            assert row_lines(b.cells) == (b.line, b.line), b


def test_every_empty_table_statement_holds_one_of_its_trigger_characters():
    """structure_text searches EMPTY_TABLE_STATEMENT only in a line holding one of
    EMPTY_TABLE_STATEMENT_CHARS: every alternative of the pattern must begin with a literal
    (no class, group or repeat) holding one of them."""
    import re

    source, depth, alternatives, current = patterns.EMPTY_TABLE_STATEMENT.pattern, 0, [], ""
    for ch in source:  # the top-level alternatives
        depth += ch in "([" and 1 or 0
        depth -= ch in ")]" and 1 or 0
        if ch == "|" and depth == 0:
            alternatives.append(current)
            current = ""
        else:
            current += ch
    alternatives.append(current)
    assert len(alternatives) >= 8
    for alt in alternatives:
        literal = re.match(r"[^\\\[\](){}?*+|.^$]*", alt).group()
        literal = literal[:-1] if len(literal) < len(alt) and alt[len(literal)] in "?*{" else literal
        assert any(ch in literal for ch in patterns.EMPTY_TABLE_STATEMENT_CHARS), alt
    lines = SAMPLE.read_text("utf-8").split("\n") + ["本表为空。", "本单位没有使用财政拨款收入安排的支出", "未安排“三公”经费支出"]
    for text in lines:
        if patterns.EMPTY_TABLE_STATEMENT.search(text):
            assert any(ch in text for ch in patterns.EMPTY_TABLE_STATEMENT_CHARS)


def _meta_line_reference(text: str) -> bool:
    t = text.strip()
    return bool(patterns.DEPARTMENT_LINE.match(t) or patterns.UNIT_ONLY_LINE.match(t)
                or patterns.YEAR_LINE.match(t) or patterns.TABLE_CONTINUED.match(t))


def _meta_like_lines(n: int = 6000, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    pieces = ["编制部门", "编制单位", "部门名称", "单位名称", "填报单位", "部门", "单位", "金额", "：", ":", "万元", "元",
              "（", "(", "）", ")", "2024", "２０２４", "٢٠٢٤", "年", "度", "续", "表", " ", "科技局", "预算", "盖章", "\u3000"]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(n)]
    return [ln for ln in SAMPLE.read_text("utf-8").split("\n")] + _varied_cells() + made


def test_meta_line_first_character_shortcut_agrees_with_the_patterns():
    """captions.is_meta_line gives up on a line whose first character none of its four patterns
    can start with: the same answer as trying them all."""
    from textcheck.readers.captions import is_meta_line

    lines = _meta_like_lines()
    assert sum(map(_meta_line_reference, lines)) > 200  # the random lines do reach every pattern
    for text in lines:
        assert is_meta_line(text) == _meta_line_reference(text), text


def _continues_reference(prev: str, nxt: str, adjacent: bool = False) -> bool:
    from textcheck.readers.lines import heading_level

    prev = prev.rstrip()
    if not prev or prev[-1] in patterns.SENTENCE_END:
        return False
    if patterns.LIST_ITEM.match(nxt) or patterns.LABEL_LINE.match(nxt) or heading_level(nxt):
        return False
    if adjacent:
        return True
    if len(prev) < 20 and "，" not in prev:
        return False
    if patterns.BULLET_ITEM.match(prev) or prev[-1] in "）)":
        return False
    if patterns.LIST_ITEM.match(nxt) or patterns.LABEL_LINE.match(nxt) or heading_level(nxt):
        return False
    return True


def test_continues_with_the_heading_known_agrees_with_the_reference():
    from textcheck.readers.lines import continues, heading_level

    lines = [ln.strip() for ln in SAMPLE.read_text("utf-8").split("\n") if ln.strip() and "\t" not in ln]
    rng = random.Random(17)
    for _ in range(4000):
        prev, nxt, adj = rng.choice(lines), rng.choice(lines), rng.random() < 0.5
        expected = _continues_reference(prev, nxt, adj)
        assert continues(prev, nxt, adj) == expected
        assert continues(prev, nxt, adj, heading_level(nxt) is not None) == expected


def test_cell_numbers_in_a_unit_are_the_unit_less_numbers_given_the_unit():
    """grid_cells parses a text once and gives the unit-less Number the table's unit: the same
    Number numbers.parse_number makes for the text in that unit (a percentage keeps "%"), asked
    first with or without a unit."""
    from textcheck.numbers import parse_number as reference
    from textcheck.readers import grid_cells

    texts = _varied_cells(3000) + ["12%", "（5.00）", "-2.46", "1,779.40%", " 3,956.08 ", "0", "1e5", "٣٫٥"]
    for first_unit in (None, "万元"):
        grid_cells._parse_cached.cache_clear()
        for text in texts:
            for unit in (first_unit, None, "万元", "元", "亿元", "千元", "%"):
                assert grid_cells._parse_cached(text, unit) == reference(text, unit), (text, unit)


def test_compact_returns_a_printable_text_without_a_space_as_it_is():
    # every whitespace character str.split splits on, but the space, is unprintable
    import sys

    assert [hex(i) for i in range(sys.maxunicode + 1)
            if chr(i).isspace() and chr(i).isprintable() and chr(i) != " "] == []
    rng = random.Random(14)
    alphabet = "合计 \t\u3000\xa0\u2002\n\r\x1c\x85\u200b1,.-（）%项目支出" + "".join(map(chr, range(0x2000, 0x2030)))
    samples = ["", " ", "合计", "1,234.56", "产出 指标", "\u3000合计", "a\u2028b", "a\u200bb", "\x85"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 9))) for _ in range(3000)]
    for s in samples:
        assert compact(s) == "".join(s.split()), repr(s)


def test_plain_cell_amounts_parse_as_parse_number_parses_them():
    # grid_cells._plain_amount reads "1,234.56"-shaped texts without the regex; anything else
    # it leaves to numbers.parse_number
    from textcheck.numbers import parse_number as reference
    from textcheck.readers.grid_cells import _NOT_PLAIN, _plain_amount

    rng = random.Random(56)
    alphabet = "0123456789" * 3 + ",,,..-%() 　٣²年"
    texts = ["", "0", "0.00", "1,234.56", "1,234", "12,34", ",123", "1,,234", "123.", ".5", "1.2.3", "007",
             "0,123", "1" * 18, "1" * 19, "0" * 30 + "1", "1." + "1" * 10, "1." + "1" * 11, "1,234,567.8",
             "1234,567", "١٢٣", "12²", " 12", "12 "]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    texts += [f"{rng.randrange(10 ** rng.randint(1, 12)):,}.{rng.randrange(100):02d}" for _ in range(2000)]
    plain = 0
    for text in texts:
        fast = _plain_amount(text)
        if fast is _NOT_PLAIN:
            continue
        plain += 1
        slow = reference(text)
        assert fast == slow and (fast is None or str(fast.value) == str(slow.value)), text
    assert plain > 3000


def test_read_text_hashes_the_text_it_read():
    """read_text encodes the text once, for the lone-surrogate test and the hash: the hash is
    that of the text read (lone surrogates replaced by U+FFFD, one for one)."""
    import hashlib

    from textcheck.readers import _utf8, read_text

    for text in ["第一部分 概况\n正文 1.00 万元。\n", "a\ud800b\udfff", "", "\ufeff表1"]:
        clean = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
        assert _utf8(text) == (clean, clean.encode("utf-8"))
        doc = read_text(text, path="x.txt")
        assert doc.sha256 == hashlib.sha256(clean.encode("utf-8")).hexdigest()


def _only_filled_reference(row):
    only = [k for k, c in enumerate(row) if c.text.strip()]
    return only[0] if len(only) == 1 else None


def _join_name_fragments_reference(body):
    """tablegrid._join_name_fragments as it was: blank rows dropped first, then each row's only
    filled cell looked for in a second pass."""
    out = []
    for row in [r for r in body if any(c.text.strip() for c in r)]:
        filled = _only_filled_reference(row) if out else None
        if filled is not None:
            k = filled
            above = out[-1]
            a = above[k].text.strip() if k < len(above) else ""
            b = row[k].text.strip()
            if a and parse_number(b) is None and patterns.ORG_NAME.match(compact(a + b)) \
                    and not patterns.ORG_NAME.match(compact(a)):
                out[-1] = tablegrid._joined_row(above, row)
                continue
        out.append(row)
    return out


def test_name_fragments_joined_in_one_pass_agree_with_the_two_passes():
    rng = random.Random(41)
    names = ["江苏省梅村高级中学空港分", "校", "乌鲁木齐市科学技术局", "局", "中心", "合计", "", " ", "3,956.08"]
    rows = _random_rows(seed=41)
    for _ in range(300):  # name fragments under a name, with blank and whitespace-only cells around
        width = rng.randint(1, 5)
        rows.append([_lt(rng.choice(names) if k == 0 or rng.random() < 0.2 else rng.choice(["", " "]), 3, k)
                     for k in range(width)])
    for start in range(0, len(rows), 7):
        body = rows[start:start + 7]
        fast, reference = tablegrid._join_name_fragments(body), _join_name_fragments_reference(body)
        assert [[(c.text, c.positions) for c in r] for r in fast] == \
            [[(c.text, c.positions) for c in r] for r in reference]


def test_column_roles_skip_only_what_code_text_and_parse_number_leave_alone():
    """column_roles asks code_text only of a cell starting with a bracket and parse_number only of
    one passing its first test: the same values and numeric counts as asking every cell."""
    from textcheck.readers.grid_cells import NUMBER_HEADS

    for v in _varied_cells() + [chr(i) + "5" for i in range(0x3400) if not 0xD800 <= i <= 0xDFFF] + [""]:
        t = v.strip()
        if t and t[0] not in "[【":
            assert grid_columns.code_text(t) == t, repr(t)
        h = v[:1]
        if not (h.isdecimal() or h in NUMBER_HEADS or h.isspace()):
            assert parse_number(v) is None, repr(v)


def test_toc_key_skips_only_the_substitutions_that_cannot_apply():
    """structure_text._toc_key asks TOC_MARKER only of a text starting with one of its characters
    and TOC_PAGE only of one ending in a digit (stripped: every character of their \\s is one
    str.strip takes): the same keys as applying the three patterns to every text."""
    import regex

    from textcheck.readers import structure_text

    space = regex.compile(r"\s")
    for cp in range(0x110000):
        if not 0xD800 <= cp <= 0xDFFF and space.match(chr(cp)):
            assert chr(cp).isspace(), hex(cp)
    assert all(patterns.TOC_MARKER.match(ch) for ch in structure_text._TOC_MARKER_FIRST)

    def reference(text):
        key = compact(patterns.TOC_PAGE.sub("", patterns.TOC_MARKER.sub("", text.strip())))
        return patterns.TOC_NUMBERING.sub("", key, count=1)

    rng = random.Random(47)
    pieces = ["一、", "收支预算总表", "第一部分", "（二）", "3.", "- ", "• ", "·", "*", "……", "...", "．．", " ",
              "  ", "\u3000", "\t", "12", "3", "٣", "１", "页", "序号 报表名称 ", "\n", "-", "a"]
    texts = _varied_cells() + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(4000)]
    for text in texts:
        assert structure_text._toc_key(text) == reference(text), repr(text)


def test_code_and_name_groups_are_code_then_name():
    """grid_rows._block_label_code reads CODE_AND_NAME's groups by position: code, then name."""
    assert patterns.CODE_AND_NAME.groupindex == {"code": 1, "name": 2}
    assert patterns.CODE_AND_NAME.groups == 2
    m = patterns.CODE_AND_NAME.match("[201] 一般公共服务支出")
    assert m.groups() == (m.group("code"), m.group("name")) == ("201", "一般公共服务支出")
