"""TC102 column-sum-mismatch: the 总计/合计 row is not the sum of the top-level rows."""
from __future__ import annotations

from textcheck.rulekit.sums import SumRule, check_row_sums


class ColumnSumMismatch(SumRule):
    """总计/合计行不等于其下一级各行之和（超出四舍五入误差）。

    检查什么
        每一栏中，总计（合计）行是否等于最上一级各行之和：有单位分组时为各单位行，
        有功能/经济分类编码时为各“类”行，有“一、二、”编号时为各一级行，否则为全部
        非“其中”行。“其中”行和下级明细不重复计入。
    为什么
        总计与明细不符，说明有漏填、多填或转换错位，读者无法判断以哪个数字为准。
    反例
        总计 3,977.09，而唯一的“类”行“科学技术支出”为 3,978.09。
    正例
        总计 1,422.65 = 工资福利支出 1,194.84 + 商品和服务支出 116.36 + 对个人和家庭的补助 111.45。
    选项
        report-rounding（默认 false）：为 true 时，四舍五入范围内但不完全相等的情况报 info。
    """

    code = "TC102"
    name = "column-sum-mismatch"
    category = "sum"
    severity = "error"

    def check_analysis(self, ctx, analysis, tol):
        yield from check_row_sums(self, ctx, analysis, tol, kinds=("grand-total",))
