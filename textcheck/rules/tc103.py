"""TC103 hierarchy-sum-mismatch: a 类/款 row or group row is not the sum of its children."""
from __future__ import annotations

from textcheck.rulekit.sums import SumRule, check_row_sums


class HierarchySumMismatch(SumRule):
    """上级科目行（类、款）或分组行不等于其下级各行之和（超出四舍五入误差）。

    检查什么
        按分类编码的层级：类 = Σ款，款 = Σ项（206 ⊃ 206 01 ⊃ 206 01 01，也识别
        “2060101”式合并编码）；单位分组行 = Σ该单位下的“类”行；编号行“一、” = Σ其下
        “1.”行。每一栏分别检查。
    为什么
        科目层级不平衡说明明细或汇总行填错，与正文、其他表的对应数字也会随之不符。
    反例
        “206 05 科技条件与服务 948.53”，其下“机构运行 292.54”“其他科技条件与服务支出
        656.99”：292.54 + 656.99 = 949.53 ≠ 948.53。
    正例
        “206 01 科学技术管理事务 659.62” = 649.32 + 10.29 = 659.61，差额在四舍五入误差内。
    选项
        report-rounding（默认 false）：为 true 时，四舍五入范围内但不完全相等的情况报 info。
    """

    code = "TC103"
    name = "hierarchy-sum-mismatch"
    category = "sum"
    severity = "error"

    def check_analysis(self, ctx, analysis, tol):
        yield from check_row_sums(self, ctx, analysis, tol, kinds=("code", "numbered", "group"))
