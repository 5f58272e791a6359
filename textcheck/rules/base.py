"""The Rule base class.  A rule reads the linked model (``Context``) and yields Diagnostics.

Every rule module is named by its code (``tc101.py``) and defines one subclass
of :class:`Rule` with a docstring in the fixed template::

    检查什么
        …
    为什么
        …
    反例
        …
    正例
        …
    选项
        …（无则写“无”）
"""
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Iterable

from textcheck.document import Location
from textcheck.report.diagnostic import Diagnostic, Related

if TYPE_CHECKING:
    from textcheck.context import Context

DOC_SECTIONS = ("检查什么", "为什么", "反例", "正例", "选项")


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]  # kebab-case, stable
    category: ClassVar[str]
    severity: ClassVar[str] = "error"  # default severity

    def check(self, ctx: "Context") -> Iterable[Diagnostic]:
        raise NotImplementedError

    def diagnostic(
        self,
        ctx: "Context",
        message: str,
        location: Location,
        text: str,
        related: Iterable[Related] = (),
        suggestion: str | None = None,
        severity: str | None = None,
        key: str = "",
    ) -> Diagnostic:
        """Build a Diagnostic with this rule's identity and configured severity."""
        return Diagnostic(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=ctx.config.severity_for(self, severity or self.severity),
            message=message,
            location=location,
            text=text,
            suggestion=suggestion,
            related=tuple(related),
            key=key,
        )

    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")
