"""The scope of a section: the table roles its innermost telling heading names (the Linker's
section side, decided once per section and heading)."""
from __future__ import annotations

from textcheck.linking.routes import _UNSEEN
from textcheck.linking.vocab import _norm


class ScopeMixin:
    """Section scopes of a Linker (its vocabulary and per-document memos)."""

    def scope(self, section: tuple[str, ...]) -> tuple[str, ...] | None:
        """Table roles the innermost telling heading names; None when no heading tells."""
        # Claims of one section share it: each section is looked at once per document.
        if section not in self._scopes:
            self._scopes[section] = self._find_scope(section)
        return self._scopes[section]

    def _find_scope(self, section: tuple[str, ...]) -> tuple[str, ...] | None:
        generic = None  # "（一）教育支出（类）" inside "五、财政拨款支出预算情况说明": the outer one tells
        for heading in reversed(section):
            told = self._heading_roles(heading)
            if told is not None:
                roles, is_generic = told
                if not is_generic:
                    return roles
                generic = generic or roles
        return generic

    def _heading_roles(self, heading: str) -> tuple[tuple[str, ...], bool] | None:
        """(roles, generic) of the first section pattern the heading matches; None for a heading
        that tells nothing (skipped, or no pattern matches).  Once per heading: sections nest,
        so an outer heading is read for every section under it."""
        told = self._heading_of.get(heading, _UNSEEN)
        if told is _UNSEEN:
            told = None
            text = _norm(heading)
            if not self.voc.scope_skip.search(text):
                for pat, roles, is_generic in self.voc.section_roles:
                    if pat.search(text):
                        told = (roles, is_generic)
                        break
            self._heading_of[heading] = told
        return told
