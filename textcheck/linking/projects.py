"""Project names as the document's own tables print them, compared loosely: a narrative
sentence drops or adds the words around a project's name ("水务发展资金项目支出" for the row
"水务发展资金", "公务用车购置" for "11000026Y000003743450-公务用车购置")."""
from __future__ import annotations

from textcheck import patterns
from textcheck.document import ROW_SUBTOTAL, ROW_TOTAL
from textcheck.linking.index import _Segment
from textcheck.linking.vocab import _year_free, name_key

# A loose key shorter than this names no project by itself ("培训" of "培训经费").
_MIN_KEY = 4


def project_key(text: str) -> str:
    """The loose key of a project name: its name key without a year, a leading project code
    and trailing 项目/经费/支出/预算/资金 words; the plain key when too little is left."""
    key = _year_free(name_key(text))
    bare = patterns.LINK_PROJECT_CODE.sub("", key)
    bare = patterns.LINK_PROJECT_SUFFIX.sub("", bare)
    return bare if len(bare) >= _MIN_KEY else key


class ProjectNamesMixin:
    """The loose project route of a Linker (its index, memo and label lookups)."""

    def _loose_project_index(self) -> dict[str, list[_Segment]]:
        """Loose key → the project rows of project (and carry-over) tables printing it: rows
        without a code, no total or unit row (a unit's subtotal row is no project)."""
        def build():
            out: dict[str, list[_Segment]] = {}
            roles = self.index.roles  # (index.role, for every segment)
            for seg in self.index.segments:
                if not seg.cells or seg.code or seg.row.kind in (ROW_TOTAL, ROW_SUBTOTAL) or \
                        roles.get(seg.table.index) not in ("project", "carryover"):
                    continue
                out.setdefault(project_key(seg.label), []).append(seg)
            return out
        return self._memo("loose_projects", None, build)

    def loose_project_segments(self, forms) -> tuple[list[_Segment], str]:
        """(the project rows one of the subject's forms names loosely, its key); nothing when a
        form labels a row as written (the label route's), or names no project."""
        if any(self._label_segments(f) for f in forms):
            return [], ""
        index = self._loose_project_index()
        keys = self._project_key_of
        for form in forms:
            key = keys.get(form)
            if key is None:
                key = keys[form] = project_key(form)
            if len(key) >= _MIN_KEY and key in index:
                return list(index[key]), key
        return [], ""
