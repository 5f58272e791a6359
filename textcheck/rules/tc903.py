"""TC903 empty-table-without-statement: a standard table with no figures and no "为空表" statement."""
from __future__ import annotations

from textcheck.families import (DEPARTMENT_BUDGET, FINAL_ACCOUNT, OTHER, bare_title, subject_forms,
                                subject_of, title_key)
from textcheck.performance import is_performance_table
from textcheck.rules.base import Rule


class EmptyTableWithoutStatement(Rule):
    """公开表没有任何数字，却没有“……为空表”的说明。

    检查什么
        每张有表名的标准公开表（绩效表除外）：表体中没有任何数字时，应有空表说明——表本身
        带的说明（如表下“注：本部门无该项目”）、紧接在表后的“本表无数据”段落、报表目录
        “是否空表”一栏的“是”，或正文中（连同其所在标题）包含该表名或该表主题的“为空表 /
        本部门无此项支出 / 为 0 / 0 万元”之类说明；主题可省去“财政拨款”等资金来源限定语、
        “功能分类”等分类后缀，可只说其资金来源（“一般公共预算拨款支出为 0”），两部分的主题
        （“三公”经费和机关运行经费）须两部分都有说明。表名未读出的表不判断；政府预算报告
        不检查。
    为什么
        按规定无数据的公开表也要公开并说明为空表；既无数字又无说明，读者无法区分“确实为零”
        与“漏填”。
    反例
        表 8 政府性基金预算支出情况表只有表头，表下和正文都没有说明。
    正例
        表下注明“……政府性基金预算支出情况表为空表。”
    选项
        无
    """

    code = "TC903"
    name = "empty-table-without-statement"
    category = "structure"
    severity = "warning"
    kinds = frozenset({DEPARTMENT_BUDGET, FINAL_ACCOUNT, OTHER})  # not a government budget report

    def check(self, ctx):
        doc = ctx.document
        if not doc.paragraphs:
            return  # a tables-only volume: its statements are in the text volume
        # the statements (empty_statements, nothing_statements: every paragraph searched) are
        # read only for a table with no figure and no note under it, so found only then
        layout = ctx.layout
        declared = layout.listed_tables
        for t in doc.tables:
            if is_performance_table(t) or t.empty_statement is not None:
                continue
            if not t.title or "绩效" in t.title:
                continue  # which table it is was not read (or a 绩效 table): not judged
            if any(x.empty and (x.number is not None and x.number == t.number or title_key(x.title) == title_key(t.title))
                   for x in declared):
                continue  # the list of tables declares it empty ("是否空表：是")
            if any(c.value is not None for r in t.rows for c in r.cells
                   if not any(x.text.text.strip() == "※" for x in r.cells)):
                continue  # the table holds figures (zeros included)
            if t.id in ctx.layout.notes_after_table:
                continue  # "说明：……故本表无数据。" right under the table
            key = bare_title(t.title)
            if key and any(key in s for s in layout.empty_statements):
                continue
            nothing = layout.nothing_statements
            if any(all(any(w in s for s in nothing) for w in form) for form in subject_forms(subject_of(key))):
                continue  # "……政府性基金支出预算支出 0 万元" / "本部门无政府性基金预算"
            yield self.diagnostic(
                ctx, f"{t.name}没有任何数字，表下和正文中也没有“该表为空表”的说明",
                t.location, t.name, suggestion=f"注明“{t.title}为空表”并说明原因", key=t.id)
