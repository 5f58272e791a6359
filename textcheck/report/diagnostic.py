"""Diagnostic and Report: the one result type every output format is built from.

``Report.to_dict()`` is the JSON contract of DESIGN.md; other tools depend on
it, so fields may be added but never renamed or dropped.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from textcheck import __version__
from textcheck.document import Location

CATEGORIES = ("sum", "amount", "change", "share", "count", "target", "unit", "format", "structure")
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Related:
    """A piece of evidence a diagnostic compared against.

    kind: "table-cell", "sentence", "figure" (a computed or stated value), …
    For table cells ``column`` is the column label (as in the contract's
    example) and ``source_column`` the 1-based character column in the source.
    For other kinds ``column`` is the 1-based character column.
    """

    kind: str
    text: str
    line: int | None = None
    source_column: int | None = None
    table: str | None = None
    row: str | None = None
    column_label: str | None = None
    page: int | None = None
    ref: str | None = None
    value: str | None = None

    def to_dict(self) -> dict:
        d: dict = {"kind": self.kind}
        if self.kind == "table-cell":
            d.update({"table": self.table, "row": self.row, "column": self.column_label,
                      "line": self.line, "source_column": self.source_column})
        else:
            d.update({"line": self.line, "column": self.source_column})
            if self.table is not None:
                d["table"] = self.table
        d.update({"page": self.page, "ref": self.ref, "text": self.text})
        if self.value is not None:
            d["value"] = self.value
        return d

    @staticmethod
    def cell(table, row, col: int) -> "Related":
        """Evidence pointing at one cell of a ``textcheck.document.Table``."""
        c = row.cell(col)
        column = table.column(col)
        loc = c.location if c else row.cells[0].location if row.cells else table.location
        return Related(
            kind="table-cell", text=c.text.text if c else "", line=loc.line, source_column=loc.column,
            table=table.id, row=row.label, column_label=column.label if column else str(col),
            page=loc.page, ref=loc.ref,
        )

    @staticmethod
    def stated(quantity) -> "Related":
        """Evidence pointing at a figure stated in the narrative (a claim's quantity: span + number)."""
        loc = quantity.span.location
        return Related(kind="figure", text=quantity.span.text, line=loc.line, source_column=loc.column,
                       value=str(quantity.number.value))

    @staticmethod
    def sentence(text, location: Location) -> "Related":
        return Related(kind="sentence", text=str(text), line=location.line, source_column=location.column,
                       page=location.page, ref=location.ref)


@dataclass(frozen=True)
class Diagnostic:
    code: str
    name: str
    category: str
    severity: str
    message: str
    location: Location
    text: str  # the flagged span's text
    suggestion: str | None = None
    related: tuple[Related, ...] = ()
    # Stable identity for baselines: code + what was compared, not the line.
    key: str = ""
    fingerprint: str = field(default="")
    # Why the severity differs from the rule's default (a config override, or the rule's
    # reading of this case); None when it is the default.  Not part of the fingerprint.
    severity_reason: str | None = None

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if not self.fingerprint:
            basis = "\x1f".join([self.code, self.key or self.text, *(r.text for r in self.related)])
            object.__setattr__(self, "fingerprint", hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16])

    def to_dict(self) -> dict:
        loc = self.location
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "location": {
                "line": loc.line, "column": loc.column, "end_line": loc.end_line,
                "end_column": loc.end_column, "page": loc.page, "ref": loc.ref, "text": self.text,
            },
            "related": [r.to_dict() for r in self.related],
            "fingerprint": self.fingerprint,
            **({"severity_reason": self.severity_reason} if self.severity_reason else {}),
        }


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a rule it ran: the writers (SARIF's rule descriptors) read it
    from the report, never from the rule registry."""

    code: str
    name: str
    category: str
    severity: str
    summary: str  # the docstring's one-sentence summary
    doc: str  # the whole docstring, cleaned
    sections: tuple[tuple[str, str], ...] = ()  # (heading, body) in docstring order


@dataclass
class DocumentResult:
    """The outcome for one input (one file, or one multi-volume disclosure)."""

    path: str
    format: str | None = None
    sha256: str | None = None
    error: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    document: object | None = None  # the Document, for writers that render it (html)
    # The input's bytes when they are not on disk (service uploads): the HTML report renders PDF pages from them.
    source_data: bytes | None = field(default=None, repr=False)
    # Every rule the checker knew (registered, selected or not): not part of the JSON contract.
    rules: tuple[RuleInfo, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "error": self.error,
            "stats": self.stats,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


@dataclass
class Report:
    documents: list[DocumentResult] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for doc in self.documents for d in doc.diagnostics]

    @property
    def rules(self) -> list[RuleInfo]:
        """The rules the report's documents were checked with, by code, in first-seen order."""
        seen: dict[str, RuleInfo] = {}
        for doc in self.documents:
            for info in doc.rules:
                seen.setdefault(info.code, info)
        return list(seen.values())

    def summary(self) -> dict:
        s = {"documents": len(self.documents), "error": 0, "warning": 0, "info": 0,
             "failed_documents": sum(1 for d in self.documents if d.error)}
        for d in self.diagnostics:
            s[d.severity] += 1
        return s

    def to_dict(self) -> dict:
        return {
            "tool": {"name": "textcheck", "version": __version__},
            "documents": [d.to_dict() for d in self.documents],
            "summary": self.summary(),
        }

    def reaches(self, fail_on: str) -> bool:
        """True when any diagnostic is at least as severe as ``fail_on``."""
        if fail_on == "never":
            return False
        rank = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[d.severity] >= rank for d in self.diagnostics)
