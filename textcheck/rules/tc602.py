"""TC602 plan-target-mismatch: a count or amount in the goal text disagrees with the indicator for the same thing."""
from __future__ import annotations

from textcheck.lexicon.polarity import polarity
from textcheck.performance import (EQ, FORM_QUANTITY, GE, LE, compatible, compatible_units, feasible,
                                   matching_words, within)
from textcheck.report.diagnostic import Related
from textcheck.rulekit.evidence import cell_evidence
from textcheck.rules.base import Rule

# A candidate indicator must share at least this share of its own content words with the clause.
MIN_SHARED = 0.5


class PlanTargetMismatch(Rule):
    """项目总体目标 / 年度绩效目标中的计划数与同一事项的绩效指标目标值不一致。

    检查什么
        绩效目标表“项目总体目标”或“年度绩效目标”文字中的数量和金额（“本年计划参与 4 个展会”
        “计划签订 4 个合作意向协议”“培训人次 300 人”），与同一张表中计量单位相容、且名称
        至少一半的实义词出现在该分句中的指标（“外出参展次数 ≥3 次”）。只要有一个这样的
        指标的目标值与计划数相同，即视为一致；否则只在最佳匹配唯一时报告。计划是界限时
        （“采购500余台”“超过 500 台”即 >500，“不低于 / 至少 500 台”“500 台以上”即 ≥500，
        “不超过 500 台”“500 台以内”即 ≤500），同一事项的指标（可为 ≤）须保证计划：指标允许的
        每个值都满足计划（“不少于 2 次”对“≥2 次”“=3 次”一致，对“≥1 次”不一致；“500余台”按
        至少 500 台，对“≥500台”一致，对“≤500台”两者不可能同时成立）。约数（约、左右）、比率
        （每月 2 期）、年份、文号、算式中的数不比较。
    为什么
        绩效指标应把总体目标量化；文字写 4 个、指标写 ≥2 个，说明其中之一没有随另一处更新，
        考核时会按较低的指标值认定完成。
    反例
        项目总体目标：计划签订 4 个合作意向协议 …… 签订意向协议数  >=2 份
    正例
        项目总体目标：选派 25 名科技人员 …… 选派科技人员数量  =25 人
    选项
        无
    """

    code = "TC602"
    name = "plan-target-mismatch"
    category = "target"
    severity = "warning"

    def check(self, ctx):
        lex = ctx.lexicon
        generic = polarity(lex).generic_words
        for pt in ctx.performance:
            candidates_all = [ind for ind in pt.indicators
                              if ind.target.form == FORM_QUANTITY and ind.target.operator in (None, GE, EQ, LE)]
            for goal in pt.goals:
                for m in pt.plan_mentions(goal, lex):
                    if m.bound is not None:
                        yield from self._bound(ctx, pt, goal, m, generic)
                        continue
                    # an upper limit is not the plan figure
                    candidates = [ind for ind in candidates_all if ind.target.operator != LE
                                  and compatible_units(m.unit, m.category, ind.target.unit, lex)]
                    scored = _scored(m, candidates, generic, lambda ind: _agrees(m.value, ind.target.value, lex))
                    if not scored:
                        continue
                    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
                    if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
                        continue  # two equally good indicators: not clear which one is meant
                    _, _, ind, shared = scored[0]
                    t = ind.target
                    yield self.diagnostic(
                        ctx,
                        f"{'项目总体目标' if goal is pt.overall_goal else '年度绩效目标'}写明“{m.sentence.text.strip()}”"
                        f"（{m.text}），而同一事项的绩效指标“{ind.name.text}”目标值为“{t.text.text}”"
                        f"（共同用词：{'、'.join(shared)}）：{m.value.value} ≠ {t.value.value}",
                        m.location, m.text,
                        related=[Related.sentence(m.sentence, m.sentence.location),
                                 cell_evidence(pt, t.text, "指标值", ind.name.text)],
                        suggestion="核对计划数与指标值，使二者一致",
                        key=f"{pt.table.id}|{m.text}|{ind.name.text}",
                    )

    def _bound(self, ctx, pt, goal, m, generic):
        """A plan that is a bound ("采购500余台", "不低于 500 台"): an indicator for the same thing
        whose target cannot meet it ("≤500台") contradicts it."""
        lex = ctx.lexicon
        plan = feasible(m.bound, m.value.value)
        candidates = [ind for ind in pt.indicators if not (
            ind.target.form != FORM_QUANTITY or ind.target.value is None
            or ind.target.unit != m.unit and not compatible_units(m.unit, m.category, ind.target.unit, lex))]
        scored = _scored(m, candidates, generic, lambda ind: _agrees_bound(m, ind.target, lex))
        if not scored:
            return
        scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
        if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
            return  # two equally good indicators: not clear which one is meant
        _, _, ind, shared = scored[0]
        t = ind.target
        where = "项目总体目标" if goal is pt.overall_goal else "年度绩效目标"
        disjoint = not compatible(plan, feasible(t.operator, t.value.value))
        verdict = "两者不可能同时成立" if disjoint else f"{m.value.value} ≠ {t.value.value}"
        yield self.diagnostic(
            ctx,
            f"{where}写明“{m.sentence.text.strip()}”（{m.text}，即 {m.bound}{m.value.value}{m.unit}），"
            f"而同一事项的绩效指标“{ind.name.text}”目标值为“{t.text.text}”（共同用词：{'、'.join(shared)}）："
            f"{verdict}",
            m.location, m.text,
            related=[Related.sentence(m.sentence, m.sentence.location),
                     cell_evidence(pt, t.text, "指标值", ind.name.text)],
            suggestion="核对计划数与指标的运算符和数值，使二者一致",
            key=f"{pt.table.id}|{m.text}|{ind.name.text}|bound")


def _scored(m, candidates, generic, agrees) -> list | None:
    """(share, shared count, indicator, shared words) of each candidate that does not agree with
    the plan and whose name matches the plan clause (``matching_words``), in order; None when one
    that agrees matches (then nothing is reported, whatever the others match). Only one that does
    not agree is ever reported, and only the one best match: the ones that agree are compared only
    when the others give one (when none does, or two tie, nothing is reported either way)."""
    agreeing = [agrees(ind) for ind in candidates]
    scored = []
    for ind, agree in zip(candidates, agreeing):
        if agree:
            continue
        match = matching_words(ind.clean_name, m.subject, generic, MIN_SHARED)
        if match is not None:
            shared, n = match
            scored.append((len(shared) / n, len(shared), ind, shared))
    if not scored:
        return scored
    best = max(s[:2] for s in scored)
    if sum(1 for s in scored if s[:2] == best) > 1:
        return scored  # a tie: the caller reports nothing
    for ind, agree in zip(candidates, agreeing):
        if agree and matching_words(ind.clean_name, m.subject, generic, MIN_SHARED) is not None:
            return None
    return scored


def _agrees(plan, target, lexicon) -> bool:
    if target is None:
        return False
    money = lexicon.money_units
    if plan.unit in money and target.unit in money:
        return plan.interval_in("万元").overlaps(target.interval_in("万元"))
    # counts and percentages in plans and targets are exact figures, not rounded ones
    return plan.value == target.value


def _agrees_bound(plan, target, lexicon) -> bool:
    """A bounded plan ("不少于 2 次", "500余台") agrees with a target that guarantees it: every
    value the target allows meets the plan (≥2 次, =3 次 for 不少于 2 次; ≥500 台 for 500余台,
    an estimate read as at least).  ≥1 次 does not guarantee 不少于 2 次; ≤500 台 never meets 500余台."""
    bound = GE if plan.bound == ">" else plan.bound  # "500余台": about, at least 500
    if not compatible_units(plan.unit, plan.category, target.unit, lexicon) and plan.unit != target.unit:
        return False
    return within(feasible(target.operator, target.value.value), feasible(bound, plan.value.value))
