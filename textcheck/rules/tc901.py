"""TC901 missing-required-table: a standard table of the disclosure's template family is neither present nor stated empty."""
from __future__ import annotations

from textcheck.document import Location
from textcheck.families import DEPARTMENT_BUDGET, FINAL_ACCOUNT
from textcheck.rules.base import Rule


class MissingRequiredTable(Rule):
    """公开报表缺少其模板族规定的表，且未说明为空表。

    检查什么
        先从文档本身认出它所属的模板族（lexicons/required_tables.yml：全国通用格式、新疆、
        江苏省级 2017–2018 与 2019 年版、江苏市级 13 张表、北京预算01–13表、上海单位预算、
        西安综合预算、浙江、深圳、广州、重庆、湖南、福建、山东、部门决算公开01–09表……）：
        比较文档印出的表名（表题，以及目录之外正文中以“表”结尾的标题行，换行的标题拼合），
        取找到的表所占比例最高（不少于 75%）、地区词出现在封面标题中的模板族；认不出时
        不作判断。然后对该模板族中既没有同名表、也没有“……为空表”之类说明的表逐一报告，
        并写明所用模板族。目录列出、同号表格的表名未能读出时不报告（表在，只是表名没读
        出来）。只检查部门（单位）预算和部门决算公开。
    为什么
        公开报表是规定动作，缺表或漏说明会被认定为公开不完整。
    反例
        按“新疆 11 张表”模板，文中没有“上年结转结余情况明细表”，也没有说明。
    正例
        “政府性基金预算支出情况表”无数据，表下注明“……政府性基金预算支出情况表为空表”。
    选项
        无
    """

    code = "TC901"
    name = "missing-required-table"
    category = "structure"
    severity = "warning"
    kinds = frozenset({DEPARTMENT_BUDGET, FINAL_ACCOUNT})

    def check(self, ctx):
        doc = ctx.document
        if not doc.tables:
            return  # a text-only volume: its tables are published elsewhere
        match = ctx.family
        if match is None or not match.missing:
            return
        # a table whose title the reader could not read may be the missing one: not judged
        untitled = [t for t in doc.tables if not t.title and t.kind != "performance" and t.rows]
        if len(untitled) >= len(match.missing):
            return
        fam = match.family
        where = doc.tables[-1].location
        for entry in match.missing:
            yield self.diagnostic(
                ctx,
                f"按“{fam.name}”（已找到 {len(match.found)}/{len(fam.tables)} 张表），缺少“{entry.title}”，"
                f"文中也没有该表为空表的说明",
                Location(where.line, 1, where.line, 1, where.page), entry.title,
                suggestion=f"补充“{entry.title}”，无数据时注明“{entry.title}为空表”",
                key=f"{fam.id}|{entry.key}")
