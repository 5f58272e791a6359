"""What a link says beyond the shared Link model: the subject's key, route and scope."""
from __future__ import annotations

from dataclasses import MISSING, dataclass

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



# Every field of a SubjectLink in order with its default ("claim" has none: the caller gives it);
# a default factory's value is made once, so it must be immutable (Link.notes: an empty tuple).
_LINK_TEMPLATE = {name: f.default if f.default_factory is MISSING else f.default_factory()
                  for name, f in SubjectLink.__dataclass_fields__.items()}
assert all(isinstance(v, tuple) for name, v in _LINK_TEMPLATE.items()
           if SubjectLink.__dataclass_fields__[name].default_factory is not MISSING)
assert not hasattr(SubjectLink, "__post_init__")
_LINK_FIELDS = frozenset(_LINK_TEMPLATE)


def new_link(**fields) -> SubjectLink:
    """``SubjectLink(**fields)`` without the frozen ``__init__``'s ten ``object.__setattr__``
    calls (the linker makes one per claim and question): the defaults, then ``fields``, in field
    order.  tests/test_linking_fast_paths.py compares it with ``SubjectLink(**fields)``."""
    if "claim" not in fields or not fields.keys() <= _LINK_FIELDS:
        raise TypeError(f"SubjectLink fields: unknown {sorted(fields.keys() - _LINK_FIELDS)} or no claim")
    new = object.__new__(SubjectLink)
    values = new.__dict__
    values.update(_LINK_TEMPLATE)
    values.update(fields)
    return new


def replace_link(link: SubjectLink, **changes) -> SubjectLink:
    """``dataclasses.replace(link, **changes)`` for a SubjectLink, without rebuilding it field by
    field through the frozen ``__init__`` (a repeated question takes its first link's fields)."""
    if type(link) is not SubjectLink or not changes.keys() <= _LINK_FIELDS:
        raise TypeError(f"replace_link: a SubjectLink and its fields, not {sorted(changes.keys() - _LINK_FIELDS)}")
    new = object.__new__(SubjectLink)
    values = new.__dict__
    values.update(link.__dict__)
    values.update(changes)
    return new
