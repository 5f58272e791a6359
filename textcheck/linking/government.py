"""Classes of the 政府预算支出经济分类 (501 机关工资福利支出, 505 对事业单位经常性补助 …) named in
a subject with their code: the rows that print that class, wherever they stand.

"机关工资福利支出（501）5900.98万元" restates the row "1、机关工资福利支出" that 收支总表 /
财政拨款收支总表 print in their 政府预算支出经济分类 column, not the 部门预算支出经济分类 row
"工资福利支出" (301) of the section's own table: 501 is the 机关's part of 301 only, the two
are the same figure by chance.  The code and the name must agree (a "商品和服务支出（502）" names
a 302 class under a 50x code: which one the sentence means is not known), and a name both
classifications use ("对个人和家庭的补助": 303 and 509) is a 50x row only in a column that also
prints a name of the 政府预算支出经济分类 alone."""
from __future__ import annotations

from textcheck import patterns
from textcheck.claim import Claim
from textcheck.linking.index import _Segment
from textcheck.linking.vocab import _norm, name_key

GOVERNMENT_CLASS_ROUTE = "government-class"


class GovernmentClassMixin:
    """The government-class route of a Linker (its index, lexicon and memo)."""

    def _government_class(self, claim: Claim, subject_raw: str) -> tuple[str | None, list[_Segment]]:
        """(code, rows printing the class) of a subject "NAME（5xx）" whose code and name agree."""
        if self.lexicon is None or not self.lexicon.government_economic_items:
            return None, []
        text = _norm(subject_raw)
        codes = self.subject_codes(subject_raw) | set(claim.codes)
        codes = {c for c in codes if c in self.lexicon.government_economic_items}
        if len(codes) != 1:
            return None, []
        code = next(iter(codes))
        keys = self._government_keys(code)
        name = self.clean_subject(patterns.LINK_SUBJECT_CODE.sub("", text))
        if name_key(name) not in keys:
            return None, []  # the name is another class's (a 30x name under a 50x code)
        return code, list(self._memo("government_rows", code, lambda: self._government_rows(keys)))

    def _government_keys(self, code: str) -> set[str]:
        """Name keys of the class: as the lexicon spells it, and without its bracketed ordinal
        ("机关资本性支出（一）" is printed and written "机关资本性支出" too)."""
        name = _norm(self.lexicon.government_economic_items[code])
        return {name_key(name), name_key(patterns.LINK_BRACKETED_ORDINAL.sub("", name))}

    def _government_rows(self, keys: set[str]) -> list[_Segment]:
        rows = [s for s in self.index.segments if s.key in keys and s.cells
                and self.index.role(s.table) != "performance"]
        if keys & self._department_class_keys():
            # a name the 部门预算支出经济分类 uses too: only a column that also prints a name of
            # the 政府预算支出经济分类 alone is that classification's column
            rows = [s for s in rows if self._in_government_column(s)]
        return rows

    def _department_class_keys(self) -> set[str]:
        return self._memo("department_class_keys", None, lambda: {
            name_key(n) for n in self.lexicon.economic_names})

    def _government_only_keys(self) -> set[str]:
        def compute():
            own = set()
            for code in self.lexicon.government_economic_items:
                own |= self._government_keys(code)
            return own - self._department_class_keys()
        return self._memo("government_only_keys", None, compute)

    def _in_government_column(self, seg: _Segment) -> bool:
        col = seg.cells[0].col
        only = self._government_only_keys()
        return any(s.key in only for s in self._segments_of.get(seg.table.index, ())
                   if s is not seg and s.cells and s.cells[0].col == col)
