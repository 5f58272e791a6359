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
    # Document kinds the rule fits (textcheck.families.KINDS); None = every kind.  The
    # pipeline runs a rule only on documents of its kinds (Context.kind).
    kinds: ClassVar[frozenset[str] | None] = None

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
        chosen = severity or self.severity
        final = ctx.config.severity_for(self, chosen)
        return Diagnostic(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=final,
            severity_reason=self._severity_reason(ctx.config, chosen, final),
            message=message,
            location=location,
            text=text,
            suggestion=suggestion,
            related=tuple(related),
            key=key,
        )

    def _severity_reason(self, config, chosen: str, final: str) -> str | None:
        """Why a finding's severity is not the rule's default, in the reviewer's words."""
        if final != chosen:
            key = next((k for k in (self.code, self.name, self.category) if k in config.severity), "?")
            where = f"（{config.source}）" if getattr(config, "source", None) else ""
            return f"配置 [severity] {key} = {final}{where}；规则默认 {self.severity}"
        if chosen != self.severity:
            return f"规则按本例的证据定为 {final}，规则默认 {self.severity}（见 textcheck explain {self.code}）"
        return None

    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")
