"""Table analysis (textcheck.tables) on hand-built tables: no reader involved.

The tables are built cell by cell the way a reader yields them, so these tests
pin down what the analysis derives — which columns add up to which, which rows
to which, what counts as the same quantity across tables — and the interval
arithmetic the sum rules rely on.
"""
from decimal import Decimal

from textcheck import tables as T
from textcheck.document import Cell, Column, Document, LocatedText, Location, Row, Table
from textcheck.numbers import parse_number


def _cells(text: str, line: int, row: int) -> tuple[Cell, ...]:
    cells, pos = [], 1
    for j, part in enumerate(text.split("\t")):
        t = part.strip()
        if t:
            located = LocatedText(t, tuple((line, pos + i) for i in range(len(t))))
            cells.append(Cell(located, row, j, parse_number(t)))
        pos += len(part) + 1
    return tuple(cells)


def grid(lines: list[str], header: int, id: str = "表 1", title: str = "", first_line: int = 1,
         blocks=(), index: int = 0) -> Table:
    """A Table from tab-separated lines: the first ``header`` lines are header rows."""
    head = tuple(_cells(l, first_line + i, -1) for i, l in enumerate(lines[:header]))
    rows = []
    for k, l in enumerate(lines[header:]):
        cells = _cells(l, first_line + header + k, k)
        rows.append(Row(k, cells, next((c.text.text for c in cells if c.value is None), "")))
    width = max(len(l.split("\t")) for l in lines)
    return Table(id=id, title=title, unit="万元", columns=tuple(Column(i, "") for i in range(width)),
                 rows=tuple(rows), location=Location(first_line, 1, first_line + len(lines), 1), index=index,
                 header=head, blocks=tuple(blocks))


def analyse(*tables: Table) -> T.TablesAnalysis:
    return T.analyse(Document(path="t.txt", format="text", source_lines=(), tables=tables))


def n(s: str):
    return parse_number(s)


# Interval arithmetic -------------------------------------------------------

def test_check_sum_inside_rounding_band_is_rounding_not_mismatch():
    check = T.check_sum(n("659.62"), [n("649.32"), n("10.29")])
    assert check.status == T.ROUNDING
    assert check.expression() == "649.32 + 10.29 = 659.61"


def test_check_sum_outside_band_is_mismatch_and_exact_is_exact():
    assert T.check_sum(n("659.64"), [n("649.32"), n("10.29")]).status == T.MISMATCH
    assert T.check_sum(n("948.53"), [n("773.32"), n("175.21")]).status == T.EXACT


def test_check_sum_counts_empty_cells_as_zero_only_when_something_has_a_value():
    assert T.check_sum(None, [None, None]) is None
    check = T.check_sum(None, [n("5.00")])
    assert check.status == T.MISMATCH and check.empty_counted
    assert check.total_text() == "空（按 0 计）"


def test_tolerance_widens_the_band():
    assert T.check_sum(n("10.00"), [n("9.90")], Decimal("0.1")).status == T.ROUNDING
    assert T.check_sum(n("10.00"), [n("9.90")], Decimal("0.05")).status == T.MISMATCH


def test_more_parts_widen_the_band():
    # ten parts of ±0.005 each: a difference of 0.04 is still rounding
    parts = [n("1.00")] * 9 + [n("1.04")]
    assert T.check_sum(n("10.00"), parts).status == T.ROUNDING


# Column sums ---------------------------------------------------------------

SPENDING = [
    "科目\t\t\t支出预算\t\t",
    "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出",
    "类\t款\t项\t\t\t\t",
    "\t\t\t总计\t948.53\t773.32\t175.21",
    "206\t\t\t科学技术支出\t948.53\t773.32\t175.21",
    "206\t05\t\t科技条件与服务\t948.53\t773.32\t175.21",
    "206\t05\t01\t机构运行\t292.54\t292.54\t",
    "206\t05\t99\t其他科技条件与服务支出\t655.99\t480.78\t175.21",
]


def test_header_hierarchy_gives_total_equals_basic_plus_project():
    ta = analyse(grid(SPENDING, 3, title="部门支出总体情况表")).tables[0]
    block = ta.blocks[0]
    assert block.columns == (4, 5, 6)
    assert [(s.total, s.parts) for s in block.column_sums] == [(4, (5, 6))]
    assert (ta.column_measure[5], ta.column_measure[6]) == ("basic", "project")


def test_nested_header_groups_resolve_to_their_subtotals():
    lines = ["项目名称\t总计\t财政拨款\t\t\t\t非财政拨款\t\t\t",
             "\t\t合计\t基本支出\t\t项目支出\t合计\t基本支出\t\t项目支出",
             "\t\t\t人员经费\t公用经费\t\t\t人员经费\t公用经费\t",
             "总计\t30.00\t21.00\t1.00\t0.00\t20.00\t9.00\t\t\t9.00"]
    sums = {s.total: s.parts for s in analyse(grid(lines, 3)).tables[0].blocks[0].column_sums}
    assert sums[1] == (2, 6)  # 总计 = 财政拨款合计 + 非财政拨款合计, not every leaf
    assert sums[2] == (3, 4, 5)  # 财政拨款合计 = 人员 + 公用 + 项目


def test_flat_header_naming_a_whole_and_its_parts_is_not_summed_flat():
    lines = ["项目\t合计\t基本支出\t人员经费\t公用经费\t项目支出",
             "某项\t30.00\t10.00\t6.00\t4.00\t20.00"]
    sums = {s.total: (s.parts, s.source) for s in analyse(grid(lines, 1)).tables[0].blocks[0].column_sums}
    assert sums[1] == ((2, 5), "lexicon")  # 合计 = 基本支出 + 项目支出
    assert sums[2] == ((3, 4), "lexicon")  # 基本支出 = 人员经费 + 公用经费


def test_formula_in_column_number_row_wins():
    lines = ["项目\t甲\t乙\t丙", "※\t1=2+3\t2\t3", "某项\t10.00\t4.00\t6.00"]
    sums = analyse(grid(lines, 2)).tables[0].blocks[0].column_sums
    assert [(s.total, s.parts, s.source) for s in sums] == [(1, (2, 3), "formula")]


def test_narrow_general_budget_column_next_to_transfer_column():
    lines = ["科目\t总计\t财政拨款（补助）\t\t",
             "\t\t小计\t一般公共预算\t上级一般公共预算安排的转移支付",
             "总计\t10.00\t10.00\t8.00\t2.00"]
    ta = analyse(grid(lines, 2, title="部门收入总体情况表")).tables[0]
    assert ta.column_fund[3] == "general-own"
    assert ta.column_fund[2] == "fiscal-current"


# Row structure --------------------------------------------------------------

def test_code_hierarchy_and_grand_total():
    block = analyse(grid(SPENDING, 3)).tables[0].blocks[0]
    sums = {(s.kind, s.total): s.parts for s in block.row_sums}
    assert sums[("grand-total", 0)] == (1,)
    assert sums[("code", 1)] == (2,)
    assert sums[("code", 2)] == (3, 4)
    assert block.codes[3] == "2060501"


def test_jiangsu_combined_codes_in_one_column():
    lines = ["科目编码\t科目名称\t合计", "\t合计\t120.00", "201\t一般公共服务支出\t120.00",
             "20101\t人大事务\t120.00", "2010101\t行政运行\t100.00", "2010104\t人大会议\t20.00"]
    block = analyse(grid(lines, 1)).tables[0].blocks[0]
    sums = {(s.kind, s.total): s.parts for s in block.row_sums}
    assert sums[("code", 2)] == (3, 4)
    assert sums[("grand-total", 0)] == (1,)


def test_code_and_name_in_one_label_cell():
    lines = ["项目\t合计", "合计\t120.00", "2010101 行政运行\t100.00", "2010102 一般行政管理事务\t20.00"]
    block = analyse(grid(lines, 1)).tables[0].blocks[0]
    assert block.codes == {1: "2010101", 2: "2010102"}


def test_qizhong_rows_are_parts_not_addends():
    lines = ["“三公”经费支出内容\t合计", "合计\t10.80", "因公出国（境）费\t", "公务接待费\t",
             "公务用车购置及运行费（小计）\t10.80", "其中：公务用车购置费\t", "公务用车运行费\t10.80"]
    block = analyse(grid(lines, 1)).tables[0].blocks[0]
    assert [(p.whole, p.parts) for p in block.part_sets] == [(3, (4, 5))]
    assert [(s.total, s.parts) for s in block.row_sums if s.kind == "grand-total"] == [(0, (1, 2, 3))]


def test_unit_group_rows_are_found_so_nothing_is_counted_twice():
    lines = ["项目名称\t总计", "总计\t9.39", "某某局\t9.29", "甲项目经费\t4.29", "乙项目经费\t5.00",
             "某某中心\t0.10", "丙项目经费\t0.10"]
    block = analyse(grid(lines, 1)).tables[0].blocks[0]
    assert block.groups == (1, 4)
    sums = {(s.kind, s.total): s.parts for s in block.row_sums}
    assert sums[("grand-total", 0)] == (1, 4)
    assert sums[("group", 1)] == (2, 3)


def test_side_by_side_blocks_have_their_own_totals_and_directions():
    lines = ["收入\t\t支出\t", "项目\t预算数\t支出功能分类\t预算数",
             "一、本年收入\t100.00\t201 一般公共服务支出\t100.00",
             "收入总计\t100.00\t支出总计\t100.00"]
    ta = analyse(grid(lines, 2, title="部门收支总体情况表", blocks=((0, 2), (2, 4)))).tables[0]
    left, right = ta.blocks
    assert (left.direction, right.direction) == ("income", "expenditure")
    assert left.total_row == right.total_row == 1
    assert right.codes == {0: "201"}


# Cross-table quantities --------------------------------------------------------

def test_same_quantity_keys_only_for_identical_concepts():
    all_funds = grid(SPENDING, 3, id="表 3", title="部门支出总体情况表", index=0)
    general = grid([l.replace("支出预算", "一般公共预算支出") for l in SPENDING], 3, id="表 5",
                   title="一般公共预算支出情况表", index=1)
    basic = grid(["经济分类科目编码\t\t科目\t一般公共预算基本支出\t\t",
                  "类\t款\t经济分类科目名称\t合计\t人员经费\t公用经费",
                  "\t\t总计\t773.32\t700.00\t73.32"], 2, id="表 6", title="一般公共预算基本支出情况表", index=2)
    keys = analyse(all_funds, general, basic).by_key()
    shared = {k: sorted(q.table.id for q in qs) for k, qs in keys.items() if len({q.table.id for q in qs}) > 1}
    # 表 5 basic total = 表 6 total (both general-budget basic expenditure) …
    assert shared[("budget", "general", "basic", ("total",), "expenditure")] == ["表 5", "表 6"]
    # … but 表 3 (all funds) is never paired with 表 5 (general budget only).
    assert not any("表 3" in ids and "表 5" in ids for ids in shared.values())


def test_grand_totals_of_all_funds_pair_income_and_expenditure_tables():
    income = grid(["科目\t总计", "总计\t100.00"], 1, id="表 2", title="部门收入总体情况表", index=0)
    spend = grid(["科目\t合计", "总计\t100.00"], 1, id="表 3", title="部门支出总体情况表", index=1)
    keys = analyse(income, spend).by_key()
    assert sorted(q.table.id for q in keys[("budget", "all", "total", ("total",), None)]) == ["表 2", "表 3"]


def test_tables_with_an_unknown_subject_take_no_part_in_comparisons():
    t = grid(["“三公”经费支出内容\t合计", "合计\t10.80"], 1, title="财政拨款“三公”经费支出情况表")
    assert all(q.key[0] == "sangong" for q in analyse(t).quantities)


def test_a_table_that_cannot_be_analysed_is_skipped_with_an_info(monkeypatch):
    """Fault isolation: one table whose analysis fails leaves the others checked and says so."""
    from textcheck.api import check_text
    from textcheck.config import Config

    text = ("表 1\n\n部门收入总表\n\n单位：万元\n\n项目\t合计\t基本支出\t项目支出\n合计\t30.00\t20.00\t10.00\n"
            "甲\t10.00\t5.00\t5.00\n乙\t10.00\t10.00\t\n丙\t10.00\t6.00\t5.00\n\n"
            "表 2\n\n部门支出总表\n\n单位：万元\n\n项目\t合计\n合计\t3.00\n甲\t1.00\n乙\t2.00\n")
    real = T.analyse_table

    def flaky(table, lex):
        if table.id == "表 2":
            raise ValueError("broken header")
        return real(table, lex)

    monkeypatch.setattr(T, "analyse_table", flaky)
    found = check_text(text, path="x.txt", config=Config(select=["sum"])).diagnostics
    assert any(d.code == "TC101" and d.severity == "info" and "表 2" in d.message and "broken header" in d.message
               for d in found)
    assert any(d.code == "TC101" and d.severity == "error" and "丙" in d.message for d in found)
