"""TC903 empty-table-without-statement: a standard table with no figures and no "为空表" statement."""
from __future__ import annotations

import regex

from textcheck import patterns
from textcheck.performance import is_performance_table
from textcheck.rules.base import Rule
from textcheck.rules.tc901 import title_key


# A sentence saying there is nothing: 无 / 没有 / 未安排 / 不涉及 / 0 万元.
_NOTHING = regex.compile(r"无|没有|未安排|未使用|不涉及|为空|(?<![\d.])0(?:\.0+)?\s*(?:万元|元|亿元)")
# What a table is about: its title without the department prefix and the "…支出预算表" ending.
_TITLE_END = regex.compile(r"(?:预算)?(?:支出)?(?:预算)?(?:情况)?(?:明细)?表$")


# A fund-source qualifier the text often leaves out: "财政拨款政府性基金支出预算表" is what
# "政府性基金支出预算 0 万元，本部门无此项支出" speaks of.
_QUALIFIER = regex.compile(r"^(?:财政拨款|一般公共预算)(?=.{4})")


def subject_of(key: str) -> str:
    core = _TITLE_END.sub("", key)
    core = core.rsplit("部门", 1)[-1] if "部门" in core[:-2] else core
    return core if len(core) >= 4 else ""


def subject_forms(core: str) -> tuple[str, ...]:
    """The table's subject as titled and without its fund-source qualifier."""
    if not core:
        return ()
    return tuple(dict.fromkeys((core, _QUALIFIER.sub("", core))))


def _with_heading(p) -> str:
    """A paragraph with the heading it stands under ("十、政府性基金预算支出预算情况说明")."""
    return (p.section[-1] if p.section else "") + p.text.text


class EmptyTableWithoutStatement(Rule):
    """公开表没有任何数字，却没有“……为空表”的说明。

    检查什么
        每张标准公开表（绩效目标表除外）：表体中没有任何数字时，表本身应带有空表说明（如表下
        “注：本部门无该项目”），或正文中（连同其所在标题）应有包含该表名或该表主题（可省去
        “财政拨款”等资金来源限定语）的“为空表 / 本表无数据 / 本部门无此项支出 / 0 万元”之类
        说明。
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

    def check(self, ctx):
        doc = ctx.document
        if not doc.paragraphs:
            return  # a tables-only volume: its statements are in the text volume
        statements = [title_key(_with_heading(p)) for p in doc.paragraphs
                      if patterns.EMPTY_TABLE_STATEMENT.search(p.text.text)]
        nothing = [title_key(_with_heading(p)) for p in doc.paragraphs if _NOTHING.search(p.text.text)]
        for t in doc.tables:
            if is_performance_table(t) or t.empty_statement is not None:
                continue
            if any(c.value is not None for r in t.rows for c in r.cells
                   if not any(x.text.text.strip() == "※" for x in r.cells)):
                continue  # the table holds figures (zeros included)
            key = title_key(t.title)
            if key and any(key in s for s in statements):
                continue
            if any(form in s for form in subject_forms(subject_of(key)) for s in nothing):
                continue  # "……政府性基金支出预算支出 0 万元" / "本部门无政府性基金预算"
            yield self.diagnostic(
                ctx, f"{t.name}没有任何数字，表下和正文中也没有“该表为空表”的说明",
                t.location, t.name, suggestion=f"注明“{t.title}为空表”并说明原因", key=t.id)
