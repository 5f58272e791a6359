"""What a link says beyond the shared Link model: the subject's key, route and scope."""
from __future__ import annotations

from dataclasses import dataclass

from textcheck.claim import CellRef, Link

CONFIDENT, AMBIGUOUS, UNLINKED = "confident", "ambiguous", "none"
# Tables that hold projects by name (their rows are what a project name in any section means).
PROJECT_ROLES = ("project", "carryover", "performance")
# Tables of the document's totals by fund (收支总表, 收入/支出总表, 财政拨款收支总表, a fund's
# own table): a section restating them may name a fund whose total only its own table prints.
TOTALS_ROLES = frozenset({"overview", "income", "expenditure", "fiscal", "fiscal-expenditure", "general", "fund", "soe"})


@dataclass(frozen=True)
class SubjectLink(Link):
    """A Link that also says what the subject resolved to and where it was looked for.

    key:   "code:2060101", "project:<name key>", "label:<label>", "concept:basic/general"
    scope: table roles the section named (empty when it named none)
    route: code / project / label / concept
    primary: the candidates that are the subject's own figure (the first amount
             column of its row or the concept's cell); evidence prefers them.
    share_wholes: the cells a share of the figure is of when the figure is a column of a
             table's one row (the total columns over it, "“三公”经费预算总额" / "小计");
             the share rule takes them as the whole (TC401).
    """

    key: str | None = None
    scope: tuple[str, ...] = ()
    route: str = ""
    primary: tuple[CellRef, ...] = ()
    share_wholes: tuple[CellRef, ...] = ()

