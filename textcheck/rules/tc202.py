"""TC202 inconsistent-restatement: the narrative states the same subject with two different amounts."""
from __future__ import annotations

from itertools import combinations

from textcheck.linking import CONFIDENT, links_by_claim, name_key, vocabulary
from textcheck.numbers import MONEY_UNITS, format_decimal
from textcheck.report.diagnostic import Related
from textcheck.rulekit.wording import shown
from textcheck.rules.base import Rule

# Sections that restate a project's budget (项目支出说明, 绩效目标) form one group.
_PROJECT_ROLES = {"project", "performance"}


def subject_group(link, claim, generic):
    """What the claim's amount is the amount of: resolved subject + table scope + year + base.

    None when the subject did not resolve: only linked subjects are compared, so two
    list items that merely share a word ("差旅费" of two projects) are never confused.
    """
    project = name_key(claim.project) if claim.project else ""
    # Only confident links say what the subject is; an ambiguous concept ("…预算" → a total)
    # would put different things into one group.
    if link is None or link.confidence != CONFIDENT or not getattr(link, "key", None):
        names_project = generic(claim.subject) or name_key(claim.subject or "") == project
        if project and claim.whole is None and names_project:
            return ("project:" + project, ("project",), claim.year, claim.base)
        return None
    key = link.key
    if project and not key.startswith("project:"):
        key += "@" + project  # an item inside a project block belongs to that project
    scope = set(getattr(link, "scope", ()) or ())
    scope = ("project",) if scope & _PROJECT_ROLES else tuple(sorted(scope))
    return (key, scope, claim.year, claim.base)


class InconsistentRestatement(Rule):
    """同一主语（同一年度、同一口径）在正文中出现两个不同金额。

    检查什么
        关联到同一对象（同一功能分类编码、同一项目、同一概念且同一章节口径）的两处正文金额，
        按所写小数位取舍入区间后不相交时报告，并列出两处原文。已由 TC201 报告与表格不符的
        金额不重复报告；两处金额各与表格中某个单元格相符时（说的是两个不同的单元格）不报告。
    为什么
        同一笔钱在文中前后说法不一，读者无从判断哪一个是真的（如项目说明写“预算安排规模
        950.00 万元”，绩效目标中却写“按照目前 905 万元的预算”）。
    反例
        “（七）项目名称：2024 年“两区”创新建设专项 … 预算安排规模：950.00 万元”与同一项目
        “按照目前 905 万元的预算”。
    正例
        三、中“基本支出 1,422.65 万元”与五、中“基本支出 1,422.65 万元”一致；三、中“项目支出
        2,554.44 万元”（全部资金）与五、中“项目支出 2,533.43 万元”（一般公共预算）口径不同，
        不比较。
    选项
        无
    """

    code = "TC202"
    name = "inconsistent-restatement"
    category = "amount"
    severity = "warning"

    def check(self, ctx):
        by_claim = links_by_claim(ctx.links or ())

        def agrees(claim) -> bool:
            link = by_claim.get(id(claim))
            return link is not None and bool(link.agreeing)

        generic_words = vocabulary(ctx.lexicon.extra_dirs).generic_subjects

        def generic(subject):
            return bool(generic_words.search(name_key(subject or "")))

        groups: dict[tuple, list] = {}
        for claim in ctx.claims or ():
            if claim.kind not in ("amount", "change") or claim.value is None:
                continue
            if claim.value.number.unit not in MONEY_UNITS or claim.clause == "reason":
                continue
            link = by_claim.get(id(claim))
            if link is not None and link.confidence == CONFIDENT and not link.agreeing \
                    and link.candidates:
                continue  # TC201 already reports it against the table
            g = subject_group(link, claim, generic)
            if g is not None:
                groups.setdefault(g, []).append(claim)
        for g, claims in groups.items():
            seen = set()
            for a, b in combinations(claims, 2):
                ia, ib = a.value.number.interval_in("万元"), b.value.number.interval_in("万元")
                if ia.overlaps(ib) or id(b) in seen:
                    continue
                if agrees(a) and agrees(b):
                    continue  # each restates a cell of the tables: two different cells, no contradiction
                seen.add(id(b))
                diff = b.value.number.interval_in("万元").mid - a.value.number.interval_in("万元").mid
                msg = (f"同一对象前后金额不一致：“{a.value.span.text}”（第 {a.value.span.location.line} 行，"
                       f"{a.shown_subject}）与“{b.value.span.text}”（{b.shown_subject}），相差 {format_decimal(abs(diff), 2)} 万元")
                related = [Related.sentence(a.sentence.text, a.sentence.location),
                           Related.stated(a.value), Related.stated(b.value)]
                yield self.diagnostic(ctx, msg, b.value.span.location, b.value.span.text, related,
                                      suggestion=f"核对后统一为同一金额（如 {shown(a.value.number)}）",
                                      key=f"{g[0]}|{shown(a.value.number)}|{shown(b.value.number)}")
