"""TC601 target-operator-polarity: a 越高越好 indicator capped with ≤, or a 越低越好 one floored with ≥."""
from __future__ import annotations

from textcheck.lexicon.polarity import polarity
from textcheck.performance import FORM_QUANTITY, FORM_RATIO
from textcheck.rulekit.evidence import cell_evidence
from textcheck.rules.base import Rule

_WORDS = {"higher": "越高越好", "lower": "越低越好"}
_EXPECTED = {"higher": "≥（不低于）或 =", "lower": "≤（不高于）或 ="}


class TargetOperatorPolarity(Rule):
    """绩效指标的比较方向与指标性质相反（满意率写成“≤90%”，投诉率写成“≥5%”）。

    检查什么
        绩效目标表中每个指标的目标值运算符。指标名称含“满意度、满意率、完成率、达标率、
        覆盖率、合格率、成功率、正常运转率、消除率……”等越高越好的词时，目标值只能用
        ≥ / > / =（不低于）；含“投诉率、故障率、差错率、事故率、响应时间、超支率……”等
        越低越好的词时，只能用 ≤ / < / =（不高于）。取名称中最长的关键词判断
        （“不满意率”按越低越好，“投诉处理率”按越高越好）。词表在
        lexicons/indicator_polarity.yml。
    为什么
        “服务对象满意率 <=90%”意味着满意率越低越达标，目标自相矛盾，通常是把 ≥ 误写成 ≤，
        或在转换中丢了方向。
    反例
        满意度指标  红山科创专家服务团服务对象满意率  <=90%
    正例
        满意度指标  服务对象满意率  >=90%；  受援地农户投诉率  ≤5%
    选项
        无
    """

    code = "TC601"
    name = "target-operator-polarity"
    category = "target"
    severity = "error"

    def check(self, ctx):
        pol = polarity(ctx.lexicon)
        for pt in ctx.performance:
            for ind in pt.indicators:
                t = ind.target
                if t.operator is None or t.form not in (FORM_QUANTITY, FORM_RATIO):
                    continue
                found = pol.direction(ind.clean_name)
                if found is None:
                    continue
                direction, keyword = found
                allowed = pol.higher_allowed if direction == "higher" else pol.lower_allowed
                if t.operator in allowed:
                    continue
                yield self.diagnostic(
                    ctx,
                    f"绩效指标“{ind.name.text}”属于{_WORDS[direction]}的指标（含“{keyword}”），"
                    f"目标值却写作“{t.text.text}”（{t.operator}），方向相反；应使用 {_EXPECTED[direction]}",
                    t.location, t.text.text,
                    related=[cell_evidence(pt, ind.name, "三级指标", ind.name.text),
                             cell_evidence(pt, t.text, "指标值", ind.name.text)],
                    suggestion=f"核对指标方向，例如改为“{'≥' if direction == 'higher' else '≤'}"
                               f"{t.text.text.lstrip('<>=≤≥')}”",
                    key=f"{pt.table.id}|{ind.name.text}",
                )
