"""The claim and link model shared by extraction (claims.py), linking (linking.py) and rules.

A Claim is one numeric statement of the narrative, e.g. "基本支出 1,422.65 万元，
占 35.77%，比上年预算增加 78.13 万元，增长 5.81%" is one Claim of kind "amount"
with value, share, change, rate, direction and base filled in.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field

from textcheck.document import LocatedText, Row, Table
from textcheck.numbers import Number

# Claim kinds (DESIGN.md): amount, change, share, count, target, ratio, breakdown.
KINDS = ("amount", "change", "share", "count", "target", "ratio", "breakdown")
INCREASE, DECREASE, FLAT = "increase", "decrease", "flat"


@dataclass(frozen=True)
class Quantity:
    """A stated number with its unit and where it stands."""

    number: Number  # value in its stated unit (万元, %, 个 …)
    span: LocatedText  # the number with its unit, e.g. "78.13 万元"


@dataclass(frozen=True)
class Claim:
    kind: str
    subject: str  # normalised subject phrase: "基本支出", "科学技术支出/科学技术管理事务/行政运行"
    sentence: LocatedText  # the whole sentence (clause context)
    section: tuple[str, ...] = ()  # headings above the paragraph
    paragraph: int = -1  # Document.paragraphs index
    subject_span: LocatedText | None = None
    codes: tuple[str, ...] = ()  # classification codes the subject resolved to ("2060101")
    value: Quantity | None = None  # the main stated amount / count
    share: Quantity | None = None  # "占 35.77%"
    change: Quantity | None = None  # "增加 78.13 万元" (unsigned as written; sign from direction)
    rate: Quantity | None = None  # "增长 5.81%"
    previous: Quantity | None = None  # "比 2025 年预算数 20,292.85 万元" (the base, as stated)
    direction: str | None = None  # increase / decrease / flat (from the change word)
    direction_span: LocatedText | None = None
    rate_direction: str | None = None  # direction word attached to the rate ("下降 4.34%")
    base: str | None = None  # "上年预算", "上年决算", "上年"
    whole: "Claim | None" = None  # for parts of a "…，其中：" list: the whole they belong to
    items: tuple["Claim", ...] = ()  # breakdown items / counted parts
    enumerated: tuple[str, ...] = ()  # names listed after a count ("分别是：A、B、C")
    measure: str | None = None  # measure word of a count ("个", "人", "项")
    year: str | None = None  # "2024" when the sentence names the year of the figure
    project: str | None = None  # the "项目名称：…" block the claim stands in (as written)
    clause: str | None = None  # "reason": figure inside 主要原因…/主要用于… (explains, never a list part)
    # breakdowns: the list names every part of its total ("资金分配情况：", "包括：", "分别是：")
    # rather than some ("其中：", "主要包括：", "…等") — decided once in claims.py
    exhaustive: bool = False
    # "amount": the change (change, rate, direction) was stated in a later clause or sentence
    # with no amount of its own ("…总计 A 万元，与上年相比收、支预算总计各增加 X 万元"), which
    # takes this claim's amount (claims.assemble)
    inherited: str | None = None
    # where the subject came from when the claim's own clause names no item ("（一）因公出国
    # （境）费用。2026 年预算数 109.22 万元"): "heading" (the section heading above the
    # paragraph) or "lead" (a numbered lead sentence or paragraph just before); None when
    # the clause names it (claims.context)
    subject_from: str | None = None

    @property
    def subject_note(self) -> str:
        """"主语取自标题" / "主语取自前文" for a subject taken from context, else ""."""
        return {"heading": "主语取自标题", "lead": "主语取自前文"}.get(self.subject_from or "", "")

    @property
    def shown_subject(self) -> str:
        """The subject as evidence shows it: "因公出国(境)费用，主语取自前文", "该项" when none."""
        note = self.subject_note
        return f"{self.subject or '该项'}，{note}" if note else (self.subject or "该项")

    @property
    def location(self):
        span = self.value.span if self.value else self.subject_span or self.sentence
        return span.location


@dataclass(frozen=True)
class CellRef:
    """A table cell a claim may talk about."""

    table: Table
    row: Row
    col: int
    value: Number


@dataclass(frozen=True)
class Link:
    """The cells a claim's value may refer to, and which of them (if any) agrees.

    confidence: "confident" — the subject resolved to one concept and the
    candidate cells are unambiguous; "ambiguous" — several concepts fit;
    "none" — nothing fits.  Only a confident link with no agreeing candidate
    can become an error.
    """

    claim: Claim
    candidates: tuple[CellRef, ...] = ()
    agreeing: tuple[CellRef, ...] = ()
    confidence: str = "none"
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def linked(self) -> bool:
        return bool(self.candidates) and self.confidence != "none"


_CLAIM_FIELDS = frozenset(Claim.__dataclass_fields__)
# every field in order, with its default (the required ones — kind, subject, sentence — with
# a placeholder the caller must replace): what Claim.__init__ would assign, in its order
_CLAIM_TEMPLATE = {name: f.default for name, f in Claim.__dataclass_fields__.items()}
_CLAIM_REQUIRED = frozenset(name for name, f in Claim.__dataclass_fields__.items() if f.default is MISSING)
assert all(f.default_factory is MISSING for f in Claim.__dataclass_fields__.values())


def new_claim(**fields) -> Claim:
    """``Claim(**fields)`` without the frozen ``__init__``'s 25 ``object.__setattr__`` calls (the
    extractor makes a claim per figure): the defaults, then ``fields``, in field order.
    tests/test_claim_replace.py compares it with ``Claim(**fields)``."""
    if not fields.keys() >= _CLAIM_REQUIRED or not fields.keys() <= _CLAIM_FIELDS:
        raise TypeError(f"Claim fields: missing {sorted(_CLAIM_REQUIRED - fields.keys())}, "
                        f"unknown {sorted(fields.keys() - _CLAIM_FIELDS)}")
    new = object.__new__(Claim)
    values = new.__dict__
    values.update(_CLAIM_TEMPLATE)
    values.update(fields)
    return new


_new = object.__new__


def new_sentence_claim(kind, subject, sentence, section, paragraph, subject_span, codes, value, share, change,
                       rate, previous, direction, direction_span, rate_direction, base, enumerated, measure, year,
                       project, clause) -> Claim:
    """``Claim(...)`` of these fields, the others at their defaults (whole, items, exhaustive,
    inherited, subject_from): what the assembler makes of each raw claim, built as ``new_claim``
    builds it but from one dict in field order, without the keyword dict and its checks (the
    call site names every field; tests/test_claim_replace.py compares it with ``Claim``)."""
    new = _new(Claim)
    new.__dict__.update({
        "kind": kind, "subject": subject, "sentence": sentence, "section": section, "paragraph": paragraph,
        "subject_span": subject_span, "codes": codes, "value": value, "share": share, "change": change,
        "rate": rate, "previous": previous, "direction": direction, "direction_span": direction_span,
        "rate_direction": rate_direction, "base": base, "whole": None, "items": (), "enumerated": enumerated,
        "measure": measure, "year": year, "project": project, "clause": clause, "exhaustive": False,
        "inherited": None, "subject_from": None})
    return new


def new_quantity(number: Number, span: LocatedText) -> Quantity:
    """``Quantity(number, span)`` without the frozen ``__init__``'s ``object.__setattr__`` calls
    (one per figure of the narrative); tests/test_claim_replace.py compares the two."""
    new = object.__new__(Quantity)
    values = new.__dict__
    values["number"] = number
    values["span"] = span
    return new


def replace_claim(claim: Claim, **changes) -> Claim:
    """``dataclasses.replace(claim, **changes)``: the same new Claim, made by copying the
    fields rather than by replace's walk over them and the 25-argument ``__init__`` (the
    claim extractor makes a hundred such copies per document). Claim has no
    ``__post_init__`` and nothing but its fields in ``__dict__``, so the copy is what
    ``__init__`` would build (tests/test_claim_replace.py compares both)."""
    unknown = changes.keys() - _CLAIM_FIELDS
    if unknown:
        raise TypeError(f"Claim has no field {sorted(unknown)[0]!r}")
    new = object.__new__(Claim)
    fields_ = new.__dict__
    fields_.update(claim.__dict__)
    fields_.update(changes)
    return new
