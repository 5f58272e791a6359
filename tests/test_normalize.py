"""Normalisation of conversion artefacts keeps exact source positions."""
import pytest

from textcheck.readers.normalize import locate_line, normalize


def _check_positions(raw: str, lt, line=7, col0=1):
    """Every kept character sits at its position in ``raw`` (replacements excepted)."""
    for ch, (ln, col) in zip(lt.text, lt.positions):
        assert ln == line
        src = raw[col - col0]
        if ch == src:
            continue
        # only replacements: full-width → half-width, LaTeX commands, ideographic space
        assert ch in "≥≤≠×±%" or ord(src) - 0xFEE0 == ord(ch) or src == "\u3000", (ch, src)


@pytest.mark.parametrize("raw, expected", [
    ("2024 年部门预算", "2024年部门预算"),
    ("基本支出 1,422.65 万元，占 35.77%", "基本支出1,422.65万元，占35.77%"),
    ("乌鲁木齐市科学技术局 2024 年", "乌鲁木齐市科学技术局2024年"),
    ("增长 5.81% ，主要", "增长5.81%，主要"),
    ("第 17 届", "第17届"),
    (r"$\geq 6\%$", "≥6%"),
    (r"$\leq 5\%$", "≤5%"),
    (r"$>=90\%$", ">=90%"),
    ("> =95%", ">=95%"),
    ("≥ 11 个", "≥11个"),
    ("<p>2024 年该专项</p>", "2024年该专项"),
    ("一、**财政拨款**:指", "一、财政拨款:指"),
    ("２０２４年＞＝９０％", "2024年>=90%"),
    ("ＡＢＣ１２３", "ABC123"),
    ("  leading and trailing  ", "leading and trailing"),
])
def test_normalised_text(raw, expected):
    lt = locate_line(raw, 7)
    assert lt.text == expected
    _check_positions(raw, lt)


def test_chinese_punctuation_stays_full_width():
    lt = locate_line("（一）其中：收入，支出；合计！是否？", 1)
    assert lt.text == "（一）其中：收入，支出；合计！是否？"


def test_operators_and_words_that_look_like_tags_are_kept():
    assert locate_line("<=90%", 1).text == "<=90%"
    assert locate_line("< 5 小时", 1).text == "<5小时"
    assert locate_line("24*4=96 度", 1).text == "24*4=96度"
    assert locate_line("a $ b", 1).text == "a $ b"  # not LaTeX
    assert locate_line("$价格$", 1).text == "$价格$"  # Han inside: not LaTeX


def test_spaces_between_han_kept_in_prose_but_dropped_in_cells():
    assert locate_line("试验区 乌鲁木齐", 1).text == "试验区 乌鲁木齐"
    assert locate_line("=20 分 钟", 1, cell=True).text == "=20分钟"
    assert locate_line("产出 指标", 1, cell=True).text == "产出指标"
    assert locate_line("说明材料, 正式材料", 1, cell=True).text == "说明材料, 正式材料"


def test_positions_are_exact_after_removal():
    raw = "项目支出 2,554.44 万元，占 64.23%"
    lt = locate_line(raw, 470, 1)
    i = lt.text.index("2,554.44")
    assert lt.positions[i] == (470, raw.index("2,554.44") + 1)
    j = lt.text.index("64.23%")
    loc = lt.locate(j, j + len("64.23%"))
    assert (loc.line, loc.column, loc.end_column) == (470, raw.index("64.23") + 1, raw.index("%") + 1)


def test_latex_replacement_points_at_the_command():
    raw = r"x⇥$\geq 6\%$"
    lt = locate_line(raw, 3)
    k = lt.text.index("≥")
    assert raw[lt.positions[k][1] - 1] == "\\"
    assert raw[lt.positions[k + 1][1] - 1] == "6"


def test_start_column_offset():
    lt = locate_line("3,977.09", 12, column=40)
    assert lt.positions[0] == (12, 40) and lt.positions[-1] == (12, 47)


def test_positions_across_lines():
    text = "增长7.32%"
    positions = [(508, 80), (508, 81)] + [(510, i) for i in range(1, 6)]
    lt = normalize(text, positions)
    assert lt.location.line == 508 and lt.location.end_line == 510


def test_empty_and_blank():
    assert locate_line("", 1).text == ""
    assert locate_line("   ", 1).positions == ()


def test_fullwidth_pattern_finds_exactly_the_translated_characters():
    """locate_line/normalize skip the translation when NORMALIZE_FULLWIDTH finds nothing: it
    must find every character the table rewrites, and no other."""
    from textcheck import patterns
    from textcheck.readers.normalize import _FULLWIDTH_TABLE

    found = {cp for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF
             and patterns.NORMALIZE_FULLWIDTH.match(chr(cp))}
    assert found == set(_FULLWIDTH_TABLE)
    assert found and ord("，") not in found


def _reference_normalize(text, positions, cell=False):
    """normalize as the steps were first written: one regex pass per step, whitespace stripped
    character by character (the one-scan space steps and the per-line cell path must agree)."""
    from textcheck import patterns
    from textcheck.readers.normalize import _FULLWIDTH_TABLE, _drop, _latex, _sub

    pos = list(positions)
    text = text.translate(_FULLWIDTH_TABLE)
    text, pos = _sub(text, pos, patterns.HTML_TAG, _drop)
    text, pos = _sub(text, pos, patterns.LATEX_INLINE, _latex)
    text, pos = _sub(text, pos, patterns.MARKDOWN_BOLD, _drop)
    text, pos = _sub(text, pos, patterns.SPLIT_OPERATOR_SPACE, _drop)
    text, pos = _sub(text, pos, patterns.CJK_DIGIT_SPACE, _drop)
    if cell:
        text, pos = _sub(text, pos, patterns.CELL_CJK_SPACE, _drop)
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], tuple(pos[start:end])


def _varied_texts():
    import random
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"
    lines = sample.read_text("utf-8").split("\n")
    parts = [p for ln in lines for p in ln.split("\t")]
    rng = random.Random(14)
    alphabet = list("年月预算 \t  　2024.5%,<>=≥≤*$\\中文ab（）：１２＞＝、。“”x") + ["**", "<p>", "$\\geq 6\\%$", "> ="]
    made = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    return parts + made


def test_normalize_agrees_with_the_step_by_step_reference():
    for text in _varied_texts():
        positions = [(3, 5 + k) for k in range(len(text))]
        for cell in (False, True):
            lt = normalize(text, positions, cell=cell)
            assert (lt.text, lt.positions) == _reference_normalize(text, positions, cell), (text, cell)


def test_grid_line_cells_agree_with_locating_each_cell():
    """locate_cells decides a whole grid line at once; each cell must be what locate_line gives it."""
    import random

    from textcheck.readers.normalize import empty_text, locate_cells

    texts = _varied_texts()
    rng = random.Random(7)
    for _ in range(3000):
        line = "\t".join(rng.choice(texts).replace("\t", "") for _ in range(rng.randint(1, 6)))
        column = rng.choice((1, 1, 5))
        cells, expected, c = locate_cells(line, 9, column), [], column
        for part in line.split("\t"):
            expected.append(locate_line(part, 9, c, cell=True) if part.strip() else empty_text(None))
            c += len(part) + 1
        assert [(x.text, x.positions) for x in cells] == [(x.text, x.positions) for x in expected], line


def test_space_drops_are_exactly_the_space_patterns_matches():
    """space_drops judges each run of spaces/tabs by the characters around it (one pattern probe
    per pair, remembered): it must give the spans the patterns' own scan gives, whatever the text."""
    import random

    from textcheck import patterns
    from textcheck.readers.normalize import space_drops

    rng = random.Random(21)
    alphabet = list("年预 \t  　2.5%,<>=≥≤中ab（）：１＞＝、。“”‘’x٣१\r\n-") + ["\t \t", "  "]
    texts = _varied_texts() + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
                               for _ in range(4000)]
    for pattern in (patterns.TEXT_SPACE_DROPS, patterns.CELL_SPACE_DROPS):
        for text in texts:
            assert space_drops(text, pattern) == [m.span() for m in pattern.finditer(text)], (text, pattern)


def test_space_drops_ask_every_common_han_character_as_zhong_and_every_digit_as_zero():
    """space_drops asks _drops_between about 中 for any character of U+4E00–U+9FA5 and about 0 for
    any ASCII digit: each must be dropped around exactly as its stand-in is, before and after a
    run, next to a character of every class the space patterns name (and some they do not)."""
    from textcheck import patterns

    others = list("中0.%=<>≥≤a（），。、“”‘’　＞１〇々\u3400٣x-(") + ["\U00020000", "\uf900", "\u9fa6"]
    for pattern in (patterns.TEXT_SPACE_DROPS, patterns.CELL_SPACE_DROPS):
        def drops(a, b):
            return pattern.search(f"{a} {b}") is not None

        for stand_in, members in (("中", [chr(cp) for cp in range(0x4E00, 0x9FA6)]), ("0", list("0123456789"))):
            before = [drops(stand_in, x) for x in others]
            after = [drops(x, stand_in) for x in others]
            for ch in members:
                assert [drops(ch, x) for x in others] == before, (hex(ord(ch)), pattern.pattern)
                assert [drops(x, ch) for x in others] == after, (hex(ord(ch)), pattern.pattern)


def test_grid_line_work_is_needs_work_but_spaces_and_tabs_or_fullwidth():
    """locate_cells takes a grid line without a GRID_LINE_WORK character as needing only the
    space steps and no translation: the class must be exactly that union."""
    from textcheck import patterns

    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        expected = bool(patterns.NORMALIZE_NEEDS_WORK.match(ch)) and ch not in " \t" \
            or bool(patterns.NORMALIZE_FULLWIDTH.match(ch))
        assert bool(patterns.GRID_LINE_WORK.match(ch)) == expected, hex(cp)


def test_locate_line_agrees_with_normalize():
    """locate_line's shortcuts (no work at all; only spaces and tabs to work on) give what
    normalize gives for the line at its columns."""
    from textcheck.readers.normalize import empty_text

    extra = ["2024 年部门预算", "\x1c 预算 1 \x1f", " \t 合计 \t 5 ", "项目 名称", "> = 95%", "≥ 11 个", "a\tb 1"]
    for text in _varied_texts() + extra:
        for cell in (False, True):
            for column in (1, 5):
                lt = locate_line(text, 4, column, 2, cell=cell)
                ref = normalize(text, [(4, column + k) for k in range(len(text))], 2, cell=cell) \
                    if text.strip() else empty_text(2)
                assert (lt.text, lt.positions, lt.page) == (ref.text, ref.positions, ref.page), (text, cell)
