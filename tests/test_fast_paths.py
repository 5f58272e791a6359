"""Fast paths of the table analysis, performance tables and rules against the slow paths they
replace: each must give the same answer on varied inputs (a cache or shortcut that changes a
result is a bug, whatever it gains)."""
from __future__ import annotations

import itertools
import random

from textcheck import patterns
from textcheck.arithmetic import EXACT, ROUNDING, check_sum, sum_holds
from textcheck.numbers import parse_number
from textcheck.table_headers import is_number_row

_FIGURES = ["0", "0.00", "1", "1.0", "1.00", "2.5", "10.29", "649.32", "659.61", "659.62", "659.64",
            "-3.20", "1,422.65", "0.01", "100", "99.99", "5.005", "12.3"]


def test_sum_holds_is_check_sum_holding():
    rng = random.Random(14)
    numbers = [parse_number(f) for f in _FIGURES] + [None, None]
    cases = [(t, list(ps)) for t in numbers[:6] for ps in itertools.product(numbers[:5], repeat=2)]
    cases += [(rng.choice(numbers), [rng.choice(numbers) for _ in range(rng.randint(0, 5))])
              for _ in range(3000)]
    # totals that are the exact sum, or the sum off by a rounding step
    for _ in range(500):
        parts = [rng.choice(numbers) for _ in range(rng.randint(1, 4))]
        s = sum((p.value for p in parts if p is not None), start=parse_number("0").value)
        for delta in ("0", "0.01", "-0.01", "0.005", "1"):
            cases.append((parse_number(str(s + parse_number(delta).value)), parts))
    for total, parts in cases:
        check = check_sum(total, parts)
        expected = check is not None and check.status in (EXACT, ROUNDING)
        assert sum_holds(total, parts) is expected, (total, parts)


def _is_number_row_reference(cells) -> bool:
    texts = [t for t in cells if t]
    return bool(texts) and all(patterns.COLUMN_NUMBER_CELL.fullmatch(t) for t in texts) \
        and sum(1 for t in texts if any(ch.isdigit() for ch in t)) >= 2


def test_is_number_row_stops_early_with_the_same_answer():
    pieces = ["", "栏次", "行次", "※", "*", "1", "2", "3", "1=2+3", "12", "合计", "科目名称", "100.00", "-"]
    for n in range(0, 5):
        for cells in itertools.product(pieces, repeat=n) if n < 4 else \
                (random.Random(n).choices(pieces, k=n) for _ in range(2000)):
            assert is_number_row(iter(cells)) == _is_number_row_reference(cells), cells


def test_sum_status_is_check_sum_status():
    from decimal import Decimal

    from textcheck.arithmetic import sum_status

    rng = random.Random(101)
    numbers = [parse_number(f) for f in _FIGURES] + [None, None]
    for _ in range(4000):
        total = rng.choice(numbers)
        parts = [rng.choice(numbers) for _ in range(rng.randint(0, 5))]
        if rng.random() < 0.3 and any(p is not None for p in parts):  # an exact or near total
            s = sum(p.value for p in parts if p is not None)
            total = parse_number(str(s + Decimal(rng.choice(["0", "0.01", "-0.005", "2"]))))
        tol = Decimal(rng.choice(["0", "0", "0.01", "0.1", "1"]))
        check = check_sum(total, parts, tol)
        assert sum_status(total, parts, tol) == (check.status if check is not None else None), (total, parts, tol)


def _row(index, cells):
    from textcheck.document import Cell, LocatedText, Row

    return Row(index, tuple(Cell(LocatedText(t, tuple((index + 1, k + 1) for k in range(len(t)))), index, col,
                                 parse_number(t) if v else None)
                            for col, t, v in cells), label="")


def test_column_numbers_are_cell_number_row_by_row():
    from textcheck.arithmetic import ColumnNumbers, cell_number, cell_text, column_cells, number_in, text_in

    rng = random.Random(7)
    texts = ["", " ", "1.00", "2,345.60", "-", "合计", "（5.00）", "12%", "  3.5 ", "科目"]
    for _ in range(300):
        rows = []
        for i in range(rng.randint(0, 6)):
            cols = [rng.randint(0, 6) for _ in range(rng.randint(0, 6))]  # gaps and repeated columns
            rows.append(_row(i, [(c, rng.choice(texts), rng.random() < 0.5) for c in cols]))
        width = max([c.col + 1 for r in rows for c in r.cells], default=0)
        cells = column_cells(rows, width)
        numbers = ColumnNumbers(rows, cells)
        for col in range(width + 2):
            assert numbers.column(col) == [cell_number(r, col) for r in rows]
            if col < width:
                assert [number_in(c) for c in cells[col]] == [cell_number(r, col) for r in rows]
                assert [text_in(c) for c in cells[col]] == [cell_text(r, col) for r in rows]


def test_checked_reads_as_check_sum():
    from textcheck.arithmetic import checked

    rng = random.Random(3)
    numbers = [parse_number(f) for f in _FIGURES] + [None, None]
    for _ in range(2000):
        total, parts = rng.choice(numbers), [rng.choice(numbers) for _ in range(rng.randint(0, 4))]
        full, fast = check_sum(total, parts), checked(total, parts)
        if full is None:
            assert fast is None
        else:
            assert (fast.status, fast.total, fast.parts) == (full.status, full.total, full.parts)


def test_family_tables_found_for_all_families_at_once_as_one_by_one():
    from textcheck.families import _all_keyed, _best_table, _best_tables, _keyed, families, title_key

    fams, _ = families()
    index, lengths = _all_keyed(fams)
    titles = {k for f in fams for t in f.tables for k in t.keys}
    probes = set(titles)
    for k in titles:  # a title with a department or year before it, cut, or changed at the end
        probes.update({"某某单位" + k, "2026年" + k, k[1:], k[:-1], k + "表"})
    probes.update({"", "表", "收支总表", "部门收支总表（续）"})
    for title in probes:
        at_once = _best_tables(title, index, lengths)
        for i, family in enumerate(fams):
            assert at_once.get(i) == _best_table(title, _keyed(family)), (title, family.id)


def _entry_key_reference(s: str) -> str:
    from textcheck.lexicon.terms import normalize_term

    s = patterns.TOC_BULLET.sub("", s)
    s = patterns.TOC_PAGE_TAIL.sub("", s)
    return patterns.TOC_END_PUNCT.sub("", normalize_term(s))


def test_entry_key_skips_only_patterns_that_cannot_match():
    from pathlib import Path

    from textcheck.layout_toc import entry_key

    seed = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"
    lines = seed.read_text("utf-8").splitlines()
    heads = ["", " ", "  - ", "•", "· ", "*", "\x1c-", "\u3000", "一、", "第一部分 "]
    bodies = ["部门收支总表", "收入预算情况说明", "“三公”经费", "（一）机构设置", "12", "表1"]
    tails = ["", " ", "………… 3", "....12", "  7", "5", "）12", "。", "：", ";", ".", "．．", "…", "12\x1c",
             " \n", "１２", "²"]
    samples = lines + [h + b + t for h in heads for b in bodies for t in tails]
    for s in samples:
        assert entry_key(s) == _entry_key_reference(s), repr(s)


# The slow path of performance_targets.parse_target, as it was before text targets skipped the
# patterns of the forms that start with a digit.
from decimal import Decimal  # noqa: E402

from textcheck.document import LocatedText  # noqa: E402
from textcheck.numbers import Number  # noqa: E402
from textcheck.performance_targets import (  # noqa: E402
    _CANONICAL, FORM_DATE, FORM_EMPTY, FORM_LIST, FORM_MALFORMED, FORM_MULTI, FORM_OPERATOR_ONLY, FORM_QUANTITY,
    FORM_RANGE, FORM_RATIO, FORM_TEXT, MALFORMED_OPERATORS, Target, _strip_latex, compact, target_pieces)


def _parse_target_reference(cell: LocatedText | None, measure_words=()) -> Target:
    """parse_target before its digit-first shortcut (the slow path)."""
    if cell is None or not cell.text.strip():
        return Target(cell or LocatedText("", ()), FORM_EMPTY)
    t = compact(cell)
    s = _strip_latex(patterns.WHITESPACE.sub("", t.text)).replace("％", "%").replace("：", ":")
    spaced = bool(patterns.PERF_SPACED_OPERATOR.search(t.text))
    op_text = op = None
    m = patterns.PERF_OPERATOR.match(s)
    if m:
        op_text = m.group("op")
        op = MALFORMED_OPERATORS.get(op_text) or _CANONICAL.get(op_text)
        s = s[m.end():]
    if not s:
        form = FORM_OPERATOR_ONLY if op_text else FORM_EMPTY
        return Target(t, form, op, op_text, spaced_operator=spaced)
    if patterns.PERF_DATE.match(s):
        return Target(t, FORM_DATE, op, op_text, spaced_operator=spaced)  # "2026年12月31日前"
    rng = patterns.PERF_RANGE.match(s)
    if rng:
        unit = (rng.group("unit") or "").strip() or None
        return Target(t, FORM_RANGE, op, op_text, unit=unit, spaced_operator=spaced)  # "90%-95%"
    if patterns.PERF_VALUE_LIST.match(s):
        return Target(t, FORM_LIST, op, op_text, spaced_operator=spaced)  # "12、18、25"
    if patterns.PERF_MULTI_SEPARATOR.search(s) and len(target_pieces(t)) > 1:
        # "≥10000人次；≥6000件次": the targets of several indicators named in one cell; not one
        # value, and not judged as one (a wrapped or overlapping cell garbles such lists)
        return Target(t, FORM_MULTI, op, op_text, spaced_operator=spaced)
    r = patterns.PERF_RATIO.match(s)
    if r:
        return Target(t, FORM_RATIO, op, op_text, ratio=(Decimal(r.group("a")), Decimal(r.group("b"))),
                      spaced_operator=spaced)
    q = patterns.PERF_QUANTITY.match(s)
    if q:
        unit = (q.group("unit") or "").strip() or None
        value = parse_number(q.group("num"))
        if value is None:
            return Target(t, FORM_MALFORMED, op, op_text, spaced_operator=spaced)
        if unit and patterns.ANY_DIGIT.search(unit):
            # "=1 周 1 次": digits inside the unit, so no single value.
            return Target(t, FORM_MALFORMED, op, op_text, value=value, unit=unit, spaced_operator=spaced)
        if unit == "%":
            value = Number(value.value, value.decimals, "%", q.group("num") + "%")
        else:
            value = Number(value.value, value.decimals, unit, q.group("num"))
        return Target(t, FORM_QUANTITY, op, op_text, value=value, unit=unit, spaced_operator=spaced)
    if op_text and patterns.ANY_DIGIT.search(s):
        return Target(t, FORM_MALFORMED, op, op_text, spaced_operator=spaced)
    return Target(t, FORM_TEXT, op, op_text, spaced_operator=spaced)



def test_parse_target_shortcut_gives_the_slow_answer():
    from pathlib import Path

    from textcheck.performance_targets import parse_target

    seed = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"
    cells = [c for ln in seed.read_text("utf-8").splitlines() if "\t" in ln for c in ln.split("\t")]
    ops = ["", "≥", "> =", "不低于", "=", "<", "$\\geq", "大于等于 "]
    values = ["90%", "100", "2026年12月底", "90%-95%", "12、18、25", "≥10000人次；≥6000件次", "2:1",
              "明显提升", "有效；较好", "约3次", "1 周 1 次", "１００", "²", "", "；", "提高10%", "=1 周 1 次",
              "时 间", "\\%", "95％", "3：1"]
    samples = cells + [o + v for o in ops for v in values]
    for s in samples:
        cell = LocatedText(s, tuple((1, i + 1) for i in range(len(s))))
        assert parse_target(cell) == _parse_target_reference(cell), repr(s)


def test_parse_number_turns_away_labels_as_the_pattern_does():
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"
    cells = [c for ln in seed.read_text("utf-8").splitlines() for c in ln.split("\t")]
    extra = ["", " ", "(5.00)", "（5.00）", "-3", "−3", "－3", "１２", "²", "①", "%", ",1", ".5", "+3", "(", "x1"]
    for s in cells + extra:
        m = patterns.CELL_NUMBER.fullmatch(s.strip())
        if m is None:
            assert parse_number(s) is None, repr(s)
        else:
            assert parse_number(s) is not None or len(m.group("int").replace(",", "").lstrip("0")) > 18 \
                or len(m.group("frac") or "") > 10, repr(s)


def test_plan_mentions_of_a_table_are_found_once_and_as_for_the_goal_alone(sample_text, lex):
    from textcheck.performance import parse_performance_tables, plan_mentions
    from textcheck.readers import read_text

    tables = parse_performance_tables(read_text(sample_text, path="seed.txt"), lex)
    goals = [(pt, g) for pt in tables for g in pt.goals]
    assert goals
    for pt, goal in goals:
        first = pt.plan_mentions(goal, lex)
        assert first == plan_mentions(goal, lex)
        assert pt.plan_mentions(goal, lex) is first  # the second reader gets the same list


def test_families_fitted_together_fit_as_each_alone(sample_text, lex):
    from textcheck import families as F
    from textcheck.layout_facts import Layout
    from textcheck.readers import read_text

    doc = read_text(sample_text, path="seed.txt")
    layout = Layout(doc)
    fams, _ = F.families(lex)
    candidates = F.title_candidates(doc, layout.toc_lines)
    statements = F.empty_statements(doc) + ["部门收支总表为空表", "政府性基金预算支出表为空表"]
    listed = [F.bare_title(e.text.text) for e in layout.toc] + [F.bare_title(x.title) for x in layout.listed_tables]
    head = F.head_text(doc)
    index, lengths = F._all_keyed(fams)
    bests = {t: F._best_tables(t, index, lengths) for t in [k for k, _ in candidates] + listed}
    stated: dict = {}
    by_family = F._titles_found(candidates, listed, bests)
    for i, family in enumerate(fams):
        together = F.fit(doc, family, candidates, statements, head, listed, by_family.get(i, ({}, set())), stated)
        alone = F.fit(doc, family, candidates, statements, head, listed)
        assert together == alone, family.id
        assert list(together.found) == list(alone.found), family.id  # in the same order
        assert together == _fit_reference(doc, family, candidates, statements, head, listed), family.id


def _fit_reference(doc, family, candidates, statements, head, listed):
    """families.fit as it was before the titles were looked up for all families at once."""
    from textcheck import families as F

    keyed = F._keyed(family)
    found, in_toc = {}, set()
    for key, printed in candidates:
        best = F._best_table(key, keyed)
        if best is not None and best.key not in found:
            found[best.key] = printed
    for key in listed:
        best = F._best_table(key, keyed)
        if best is not None:
            in_toc.add(best.key)
    missing = []
    for entry in family.tables:
        if entry.key in found:
            continue
        how = next((st for st in statements if any(k and k in st for k in entry.keys)), None)
        if how is not None:
            found[entry.key] = how
        elif entry.required:
            missing.append(entry)
    n = len(family.tables)
    share = sum(1 for e in family.tables if e.key in found or e.key in in_toc) / n if n else 0.0
    return F.FamilyMatch(family, found, tuple(missing), share, any(r in head for r in family.regions),
                         doc.meta.get("year") in family.years)


def test_no_space_is_no_match_of_any_space_pattern():
    import sys

    import regex

    from textcheck.performance_targets import no_space

    space = regex.compile(r"\s")
    for i in range(sys.maxunicode + 1):
        ch = chr(i)
        if space.match(ch):  # every character a pattern takes for a space is one for no_space
            assert not no_space(f"a{ch}b") and not no_space(ch), hex(i)
    for s in ["", "a", "时间", "90%", "≥90%", "时 间", "a\u3000b", "\x1cb"]:
        assert no_space(s) == (not s or patterns.WHITESPACE.search(s) is None and "\x1c" not in s), repr(s)


def _is_amount_column_reference(table, lex, c, paths) -> bool:
    from textcheck.arithmetic import cell_number, cell_text
    from textcheck.table_columns import _is_line_numbers

    path = paths.get(c, ())
    if path and lex.non_additive.search(path[-1]):
        return False
    numbers = [cell_number(r, c) for r in table.rows]
    has_number = any(n is not None for n in numbers)
    texts = [t for t, n in zip((cell_text(r, c) for r in table.rows), numbers)
             if t and n is None and not patterns.EMPTY_CELL.fullmatch(t)]
    if _is_line_numbers([n for n in numbers if n is not None]):
        return False
    return has_number and len(texts) <= len([n for n in numbers if n is not None]) // 4


def test_amount_columns_stop_counting_texts_with_the_same_answer(sample_text):
    from textcheck.arithmetic import ColumnNumbers, column_cells
    from textcheck.document import Table
    from textcheck.lexicon.columns import column_lexicon
    from textcheck.readers import read_text
    from textcheck.table_columns import is_amount_column

    lex = column_lexicon(())
    tables = list(read_text(sample_text, path="seed.txt").tables)
    rng = random.Random(5)
    texts = ["", "1.00", "2,345.60", "-", "合计", "说明", "1", "2", "3", "0", "—", "12%"]
    for k in range(200):  # mixed columns: numbers, labels, empty marks, row numbers
        rows = tuple(_row(i, [(c, rng.choice(texts), rng.random() < 0.5) for c in range(4)])
                     for i in range(rng.randint(0, 12)))
        tables.append(Table(f"T{k}", "", None, (), rows, tables[0].location, k))
    for t in tables:
        width = max([c.col + 1 for r in t.rows for c in r.cells], default=0)
        cells = column_cells(t.rows, width)
        numbers = ColumnNumbers(t.rows, cells)
        for c in range(width + 1):
            expected = _is_amount_column_reference(t, lex, c, {})
            assert is_amount_column(t, lex, c, {}) == expected, (t.id, c)
            assert is_amount_column(t, lex, c, {}, cells.get(c), numbers.column(c)) == expected, (t.id, c)


def _memo_parts_reference(n_parts, places):
    from decimal import Decimal

    from textcheck.verification import MIN_SHARE, applies, nonzero

    memo = set()
    for k in range(n_parts):
        with_k = without_k = n = 0
        for total, parts in places:
            if not nonzero(parts[k]) or not applies(total, parts):
                continue
            n += 1
            with_k += sum_holds(total, [p for i, p in enumerate(parts) if i not in memo])
            without_k += sum_holds(total, [p for i, p in enumerate(parts) if i not in memo and i != k])
        if n and without_k > with_k and Decimal(without_k) >= MIN_SHARE * Decimal(n):
            memo.add(k)
    return memo


def test_memo_parts_sums_each_place_once_with_the_same_answer():
    from textcheck.verification import memo_parts

    rng = random.Random(11)
    found = 0
    for _ in range(1500):
        n_parts = rng.randint(1, 4)
        memo_items = {i for i in range(n_parts) if rng.random() < 0.3}
        places = []
        for _ in range(rng.randint(0, 8)):
            parts = [parse_number(str(rng.choice([0, 0, 1, 2, 5, 10, 12.5, 100]))) if rng.random() < 0.9 else None
                     for _ in range(n_parts)]
            kept = sum(p.value for i, p in enumerate(parts) if p is not None and i not in memo_items)
            total = parse_number(str(kept if rng.random() < 0.8 else kept + 1))
            places.append((total, parts))
        expected = _memo_parts_reference(n_parts, places)
        found += bool(expected)
        assert memo_parts(n_parts, places) == expected, places
    assert found  # the cases include tables with memo items


def test_may_be_digit_holds_for_every_digit_of_either_engine():
    import re
    import sys

    import regex

    from textcheck.numbers import may_be_digit

    engines = (regex.compile(r"\d"), re.compile(r"\d"))
    for i in range(sys.maxunicode + 1):
        if 0xD800 <= i <= 0xDFFF:
            continue
        ch = chr(i)
        if any(e.match(ch) for e in engines):
            assert may_be_digit(ch), hex(i)
    assert not may_be_digit("") and not may_be_digit("表")


def test_shortcuts_see_digits_newer_than_python():
    from textcheck.layout_toc import entry_key

    newer = "\U00010d40"  # a digit regex knows and Python's tables do not (Unicode 16)
    for s in [f"部门收支总表{newer}", f"部门收支总表 {newer}{newer}"]:
        assert entry_key(s) == _entry_key_reference(s)
    assert parse_number(newer) is None and parse_number(f"-{newer}") is None


def _shared_words_reference(indicator_words, subject, subject_words):
    out = []
    for w in indicator_words:
        if w in subject_words or any(w in s for s in subject_words if len(s) > len(w)):
            out.append(w)
        elif len(w) == 2 and any(a[0] == w[0] and b[0] == w[1]
                                 for i, a in enumerate(subject_words) for b in subject_words[i + 1:]):
            out.append(w)
    return out


def test_shared_words_finds_abbreviations_without_every_pair():
    from textcheck.performance_plans import shared_words

    rng = random.Random(602)
    vocab = ["参与", "展会", "参展", "培训", "人次", "工作", "工工", "展览", "会议", "与会", " 参", "科技",
             "技术", "项目", "目标", "完成", "率", "参加", "参观"]
    for _ in range(5000):
        iw = rng.sample(vocab, rng.randint(0, 4))
        sw = [rng.choice(vocab) for _ in range(rng.randint(0, 7))]
        assert shared_words(iw, "", sw) == _shared_words_reference(iw, "", sw), (iw, sw)


def test_toc_entries_strip_page_tails_only_where_there_can_be_one(sample_text):
    from textcheck.document import LocatedText
    from textcheck.layout_toc import _strip_entry

    def reference(lt):
        text = lt.text
        m = patterns.TOC_BULLET.match(text)
        start = m.end() if m else 0
        p = patterns.TOC_PAGE_TAIL.search(text, start)
        end = p.start() if p else len(text)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return lt.slice(start, end)

    tails = ["", " ", "………… 3", "....12", "  7", "5", "）12", "。", "．．", "…", "12\x1c", " \n", "１２",
             "\U00010d40"]
    samples = sample_text.splitlines() + [h + b + t for h in ["", " - ", "•"] for b in ["一、部门收支总表", "表"]
                                          for t in tails]
    for s in samples:
        lt = LocatedText(s, tuple((1, i + 1) for i in range(len(s))))
        assert _strip_entry(lt) == reference(lt), repr(s)
