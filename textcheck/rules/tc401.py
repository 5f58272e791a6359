"""TC401 share-mismatch: a stated share "占 X%" is not part ÷ whole within rounding."""
from __future__ import annotations

from decimal import Decimal

from textcheck.claim import CellRef
from textcheck.linking import CONFIDENT, links_by_claim
from textcheck.numbers import MONEY_UNITS, PERCENT, Number, format_decimal
from textcheck.report.diagnostic import Related
from textcheck.rulekit.arithmetic import table_unit
from textcheck.rulekit.evidence import related_cell
from textcheck.rulekit.lastdigit import severity_and_note
from textcheck.rulekit.wording import cell_phrase, shown
from textcheck.rules.base import Rule

HUNDRED = Decimal(100)


def grand_totals(link, analysis=None):
    """The total cells of the table a confident link points into that may be the part's whole:
    on every total row (本年收入合计 and 收入总计 alike), the cell in the column the part
    agrees in (never a 行次 number), when the part agrees with a cell of the same table on a
    row other than a total row.  A part that is itself a total ("财政拨款支出 13,297.11 万元，
    占本年支出合计的 99.4%" linked to the 合计 row) names its whole elsewhere: none then.
    A part that is a column of a table's one row ("公务接待费" of a "三公"经费表) has the total
    columns over it as its whole (``share_wholes`` of its link).  A part that is a total row's
    cell in a column the table confirms to be a part of a column sum ("合计 = 基本支出 + 项目支出"
    verified on its rows: ``ColumnSum.confirmed``) has that row's cell in the sum's total column
    as its whole ("项目支出 106,512.00 万元，占 26.3%" of the 合计 row's 合计)."""
    if link is None or link.confidence != CONFIDENT or not link.candidates:
        return []
    if getattr(link, "share_wholes", ()):
        # a column of a table's one row: the total columns over it (decided by the linker)
        return list(link.share_wholes)
    table = link.candidates[0].table
    own = [c for c in link.agreeing if c.table is table]
    if own and all(c.row.kind == "total" for c in own):
        return column_sum_wholes(own, analysis)
    if not own or any(c.row.kind == "total" for c in own):
        return []
    cols = {c.col for c in own}
    out = []
    for row in table.rows:
        if row.kind == "total" and not any(o.row is row for o in own):
            out += [CellRef(table, row, c.col, c.value) for c in row.cells
                    if c.col in cols and c.value is not None and c.value.value]
    return out


def column_sum_wholes(own, analysis) -> list[CellRef]:
    """For total-row cells: the same row's cell in the total column of each confirmed column sum
    whose parts hold the cell's column, and of the sums over that total in turn (政府性基金 ⊂
    本年收入小计 ⊂ 总计: the text may mean either whole, and a share that fits one is no
    finding).  ``analysis`` is the table model (``Context.tables``)."""
    if analysis is None:
        return []
    out = []
    for ta in analysis.tables:
        if ta.table is not own[0].table:
            continue
        sums = [(block, cs) for block in ta.blocks for cs in block.column_sums if cs.confirmed]
        for c in own:
            cols, seen = [c.col], set()
            while cols:
                col = cols.pop()
                for block, cs in sums:
                    if col not in cs.parts or not block.start <= col < block.end or cs.total in seen:
                        continue
                    seen.add(cs.total)
                    cols.append(cs.total)
                    whole = ta.value(c.row, cs.total)
                    if whole is not None and whole.value:
                        out.append(CellRef(c.table, c.row, cs.total, whole))
    return out


def _whole_label(whole) -> str:
    """How the message names a whole: the stated figure quoted, or the cell's phrase."""
    return cell_phrase(whole) if isinstance(whole, CellRef) else f"“{whole.span.text}”"


def _whole_evidence(whole) -> Related:
    return related_cell(whole) if isinstance(whole, CellRef) else Related.stated(whole)


class ShareMismatch(Rule):
    """所述占比与“部分 ÷ 整体”不符（区间算术）。

    检查什么
        “基本支出 1,422.65 万元，占 35.77%”：整体取该句所属的总额（“支出预算 3,977.09 万元，
        其中：”）或所关联表格的总计（部分须与该表中总计行以外的一行相符；部分本身就是
        总计时不以该表总计为整体，而取表格已验证的列合计关系中它所在合计行的合计列，
        如“合计 = 人员支出 + 日常公用支出 + 项目支出”，及其上一级合计）；部分与整体按所写小数位取舍入区间，推算占比的可取区间与
        所述占比的区间不相交才报告。整体不确定时不报告。所述占比与可取区间只差末位一个
        单位以内（0.634% 写作 0.64%：为使各项合计为 100% 而调整的尾差，或截断）时报告
        warning，相差更多时报告 error。
    为什么
        占比与金额对不上，说明金额或占比有一个抄错。
    反例
        “基本支出 1,422.65 万元，占 37.77%”，整体 3,977.09 万元：1,422.65 ÷ 3,977.09 = 35.77%。
    正例
        “上级一般公共预算安排的转移支付资金 54.19 万元，占 1.36%”：54.19 ÷ 3,977.09 = 1.3626%，
        可取区间含 1.36%。
    选项
        无（末位一个单位以内为 warning，见“检查什么”；可用 severity 配置统一调整级别）。
    """

    code = "TC401"
    name = "share-mismatch"
    category = "share"
    severity = "error"

    def check(self, ctx):
        by_claim = links_by_claim(ctx.links or ())
        for claim in ctx.claims or ():
            share, part = claim.share, claim.value
            if share is None or part is None or share.number.unit != PERCENT:
                continue
            if part.number.unit not in MONEY_UNITS:
                continue
            # (whole, interval in part's unit, value in it): the whole is the stated quantity or
            # the CellRef, worded and made evidence (_whole_label, _whole_evidence) only for the
            # one reported: most wholes agree with the share
            wholes = []
            unit = part.number.unit
            if claim.whole is not None and claim.whole.value is not None \
                    and claim.whole.value.number.unit in MONEY_UNITS:
                w = claim.whole.value
                wholes.append((w, w.number.interval_in(unit), w.number.value))
            for cell in grand_totals(by_claim.get(id(claim)), ctx.tables):
                tu = table_unit(cell)
                n = Number(cell.value.value, cell.value.decimals, tu, cell.value.text)
                wholes.append((cell, n.interval_in(unit), n.in_unit(unit).value))
            if not wholes:
                continue
            stated = share.number.interval
            results = []
            for whole, w_iv, w_val in wholes:
                q = part.number.interval / w_iv
                if q is None:
                    results = []
                    break
                reach = q.scale(HUNDRED)
                if reach.overlaps(stated):
                    results = []
                    break
                results.append((whole, reach, w_val))
            if not results:
                continue
            # the whole whose share comes nearest the stated one is the one the text means
            whole, reach, w_val = min(results, key=lambda r: min(abs(r[1].lo - stated.mid), abs(r[1].hi - stated.mid)))
            label, ev = _whole_label(whole), _whole_evidence(whole)
            d = max(share.number.decimals, 2)
            exact = part.number.value / w_val * HUNDRED if w_val else Decimal(0)
            msg = (f"占比不符：{shown(part.number)} ÷ {format_decimal(w_val, 2)}（{label}）= "
                   f"{format_decimal(exact, d)}%（按舍入区间可取 {format_decimal(reach.lo, d + 1)}%–"
                   f"{format_decimal(reach.hi, d + 1)}%），正文为 {shown(share.number)}%")
            severity, note = severity_and_note(share.number, reach)
            msg += note
            related = [Related.sentence(claim.sentence.text, claim.sentence.location),
                       Related.stated(part), ev,
                       Related(kind="figure", text=f"{shown(part.number)} ÷ {format_decimal(w_val, 2)} = "
                                                   f"{format_decimal(exact, d)}%", value=str(exact))]
            yield self.diagnostic(ctx, msg, share.span.location, share.span.text, related,
                                  severity=severity,
                                  suggestion=f"核对后改为 {format_decimal(exact, share.number.decimals)}%",
                                  key=f"{claim.subject}|{shown(part.number)}|{shown(share.number)}")
