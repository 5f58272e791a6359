"""The linker's named routes: classification codes and paths, project names, row labels,
measure/fund concepts and narrow concepts (机关运行经费, 政府采购 …)."""
from __future__ import annotations

from decimal import Decimal

from textcheck import patterns
from textcheck.claim import CellRef, Claim
from textcheck.document import ROW_SUBTOTAL, ROW_TOTAL, Table
from textcheck.linking.cells import _cell_key, _same_item, _uniq, _uniq_cells, cell_label
from textcheck.linking.index import PROJECT_NAME_LABEL, _Segment
from textcheck.linking.vocab import SpecificConcept, _norm, _year_free, name_key, own_norm, specific_vocabulary

_UNSEEN = object()  # not looked up yet (None is an answer: no canonical name)
_NO_CODES: frozenset[str] = frozenset()
_LEVEL_WORDS = frozenset("类款项")  # the words of LINK_LEVEL_MARK ("（款）"): a subject without one has none


class RoutesMixin:
    """Code, project, label, concept and narrow-concept lookups of a Linker (its index and memo)."""

    def _code_segments(self, claim: Claim, subject_raw: str) -> tuple[list[_Segment], set[str]]:
        codes = set(claim.codes) or set(self._memo("subject_code_set", subject_raw,
                                                   lambda: self._subject_code_set(subject_raw)))
        segs = [s for c in codes for s in self.index.by_code.get(c, [])]
        return segs, codes

    def subject_codes(self, subject_raw: str) -> frozenset[str]:
        """The codes printed in a subject ("行政运行（2080101）", "2080101-行政运行"), once per subject
        and document (the code and government-class routes both ask)."""
        codes = self._subject_codes.get(subject_raw)
        if codes is None:
            text = _norm(subject_raw)
            # a code is digits (str.isdigit holds for every \d): most subjects hold none
            codes = self._subject_codes[subject_raw] = frozenset(
                m.group("code") for m in patterns.LINK_SUBJECT_CODE.finditer(text)) \
                if any(map(str.isdigit, text)) else _NO_CODES
        return codes

    def _subject_code_set(self, subject_raw: str) -> frozenset[str]:
        """The codes a subject names when its claim carries none: printed in it ("行政运行（2080101）":
        the code after the name), else those of the 类/款/项 path it writes."""
        codes = self.subject_codes(subject_raw)
        if not codes and "/" in subject_raw:
            codes = self._codes_from_path([p for p in subject_raw.split("/") if p])
        elif not codes and _LEVEL_WORDS & set(subject_raw) and patterns.LINK_LEVEL_MARK.search(subject_raw):
            # "人大事务（款）行政运行（项）支出": the names before each level mark, outermost first.
            parts = [p for p in patterns.LINK_LEVEL_MARK.split(_norm(subject_raw))[:-1] if p]
            if parts:
                codes = self._codes_from_path(parts)
        return frozenset(codes)

    def _codes_from_path(self, parts: list[str]) -> set[str]:
        # Not Lexicon.function_codes_for_path, on purpose: codes come first from the document's
        # own rows (ancestors printed anywhere in its tables), and the lexicon fallback compares
        # printed names loosely (name_key; a trailing 支出 optional at every level, _same_item;
        # current names only) where function_codes_for_path wants exact names (variants too).
        parts = [name_key(patterns.LINK_LEVEL_MARK.sub("", p)) for p in parts]
        leaf = parts[-1]
        found = set()
        # the codes a row labelled with the leaf's name prints (_same_item(s.key, leaf) of a segment)
        for code in (self._codes_by_item().get(leaf.removesuffix("支出"), ()) if leaf else ()):
            ancestors = [code[:n] for n in (3, 5) if n < len(code)]
            names = [s.key for a in ancestors for s in self.index.by_code.get(a, [])]
            if self.lexicon is not None:
                names += [name_key(self.lexicon.function_items.get(a, "")) for a in ancestors]
            if all(any(_same_item(n, p) for n in names) for p in parts[:-1]):
                found.add(code)
        if not found and self.lexicon is not None:
            for code in self.lexicon.function_codes(parts[-1]):
                path = [name_key(n) for n in self.lexicon.function_path(code)]
                if len(path) >= len(parts) and all(_same_item(a, b) for a, b in zip(path[-len(parts):], parts)):
                    found.add(code)
        return found

    def _codes_by_item(self) -> dict[str, list[str]]:
        """A row label's key without a trailing 支出 → the codes of the rows printing it, in the
        index's order; once per document (a 类/款/项 path's leaf is looked up by its name: _same_item
        compares keys so, and scanning every code for each path made it quadratic)."""
        def build():
            out: dict[str, list[str]] = {}
            for code, segs in self.index.by_code.items():
                for base in dict.fromkeys(s.key.removesuffix("支出") for s in segs if s.key):
                    out.setdefault(base, []).append(code)
            return out
        return self._memo("codes_by_item", None, build)

    def _project_segments(self, key: str) -> list[_Segment]:
        # a key under which no project row or project name cell is indexed finds none, told
        # before the memo and the scan: most subjects' forms name no project
        keys = self._project_keys()
        if key not in keys and _year_free(key) not in keys:
            return []
        return list(self._memo("project_segments", key, lambda: self._find_project_segments(key)))

    def _find_project_segments(self, key: str) -> list[_Segment]:
        """The project rows (and 绩效目标表 budgets) labelled ``key``, with or without its year:
        the scan ``_project_segments`` memoises, once it has ruled out the keys of no project."""
        if not key:
            return []
        hits = self.index.by_key.get(key, []) + self.index.by_key.get(_year_free(key), [])
        out = []
        for seg in _uniq(hits):
            if self.index.role(seg.table) == "performance":
                if seg.before == PROJECT_NAME_LABEL:  # the name cell of a 绩效目标表, not any cell
                    out.extend(self._performance_budget(seg.table))
            elif self.index.role(seg.table) in ("project", "carryover") and not seg.code \
                    and seg.row.kind not in (ROW_TOTAL, ROW_SUBTOTAL):  # a unit's subtotal row is no project
                out.append(seg)
        return _uniq(out)

    def _project_keys(self) -> frozenset[str]:
        """The keys under which the index holds a segment ``_find_project_segments`` may keep: a
        project (or carry-over) table's row or a 绩效目标表's project name (once per document)."""
        keys = self._memos.get("project_keys")  # (asked for every key a subject forms)
        if keys is None:
            keys, roles = set(), self.index.roles
            for seg in self.index.segments:
                role = roles.get(seg.table.index)  # (index.role, for every segment)
                if role == "performance" and seg.before == PROJECT_NAME_LABEL or role in ("project", "carryover"):
                    keys.update((seg.key, _year_free(seg.key)))
            keys = self._memos["project_keys"] = frozenset(keys)
        return keys

    def _in_tables(self, by_table: dict[int, list[_Segment]], wanted: set[int]) -> list[_Segment]:
        """The segments of the wanted tables, in document order."""
        if not self._unique_indexes:  # cannot happen with readers' documents; stay exact anyway
            every = [seg for segs in by_table.values() for seg in segs]
            every.sort(key=lambda seg: self._position[id(seg)])
            return [seg for seg in every if seg.table.index in wanted]
        return [seg for t in self.index.tables if t.index in wanted for seg in by_table.get(t.index, ())]

    def _performance_budget(self, t: Table) -> list[_Segment]:
        if id(t) not in self._budget_rows:  # the document's tables live as long as the Linker
            self._budget_rows[id(t)] = [s for s in self._segments_of.get(t.index, ())
                                        if s.table is t and self.voc.performance_budget.search(s.key) and s.cells]
        return list(self._budget_rows[id(t)])

    def _label_segments(self, subject: str) -> list[_Segment]:
        """The segments labelled with the subject (or its concept), once per subject and document;
        the memo's own list (its readers only read it: the label and loose project routes)."""
        hits = self._label_hits.get(subject)
        if hits is None:
            hits = self._label_hits[subject] = self._find_label_segments(subject)
        return hits

    def _find_label_segments(self, subject: str) -> list[_Segment]:
        # 绩效目标表 rows ("其中：财政拨款") belong to one project: reached by the project route only.
        role = self.index.role
        segs = [s for s in _uniq(self.index.by_key.get(name_key(subject), [])) if s.cells
                and role(s.table) != "performance"]
        canon = self._canonical(subject)
        more = self._by_canonical().get(canon) if canon else None
        if more:
            # The concept's segments are unique and already filtered so (_by_canonical), and a
            # concept such as 合计 has hundreds: appended as they are, not filtered one by one,
            # leaving out only those the key found first (the order _uniq kept).
            if not segs:
                return list(more)
            found = {id(s) for s in segs}
            segs += [s for s in more if id(s) not in found]
        return segs

    def _by_canonical(self) -> dict[str, list[_Segment]]:
        """Segments by the lexicon concept their label names (built once per document), of the
        tables other than 绩效目标表: both readers (the label and item routes) drop those rows."""
        if self._canon_index is None:
            index: dict[str, list[_Segment]] = {}
            names: dict[str, str | None] = {}
            roles = self.index.roles
            for seg in self.index.segments:
                if seg.cells and roles.get(seg.table.index) != "performance":
                    if seg.label not in names:
                        names[seg.label] = self._canonical(seg.label)
                    if names[seg.label]:
                        index.setdefault(names[seg.label], []).append(seg)
            self._canon_index = index
        return self._canon_index

    def _canonical(self, term: str) -> str | None:
        """The lexicon's canonical name of the term's name key, once per term and document:
        labels, header levels and subject forms are looked up again and again."""
        if self.lexicon is None:
            return None
        canon = self._canon_of.get(term, _UNSEEN)
        if canon is _UNSEEN:
            # a key that is its own normalised form is looked up as it is (no normalize_term again)
            key = name_key(term)
            canon = self._canon_of[term] = self._canon_table.get(key) if own_norm(key) \
                else self.lexicon.canonical(key)
        return canon

    def _concept_cells(self, measure, fund, column, tables: list[Table]) -> list[CellRef]:
        key = (measure, fund, column, tuple(t.index for t in tables))
        if key not in self._concept_cache:
            self._concept_cache[key] = self._find_concept_cells(measure, fund, column, tables)
        return list(self._concept_cache[key])

    def _find_concept_cells(self, measure, fund, column, tables: list[Table]) -> list[CellRef]:
        out: list[CellRef] = []
        family = self.voc.fund_families.get(fund, (fund,)) if fund else None
        concept_role = self.voc.concept_tables.get(column) if column else None
        # 绩效目标表 hold one project each: never the table an aggregate concept is the total of.
        wanted = {t.index for t in tables if self.index.role(t) != "performance"}
        # A table with a grand-total row (Row.kind total): its "人员经费合计" / "公用经费合计"
        # rows are subtotals, not the total a concept stands for.
        grand = {seg.table.index for seg in self._in_tables(self._totals_of, wanted) if seg.row.kind == ROW_TOTAL}
        for seg in self._in_tables(self._totals_of, wanted):
            role = self.index.role(seg.table)
            if not seg.key and role in self._specific_roles:
                continue  # a "三公"经费表's one row: its columns are items, reached by name only
            for i, ref in enumerate(seg.cells):
                cc = self.index.concept(seg.table, ref.col)
                if not seg.key and cc.measure is None and cc.fund is None:
                    continue  # a horizontal table's item column ("单位预留机动经费") is no measure
                if concept_role and role == concept_role and i == 0:
                    # "基本支出" is the grand total of the basic-expenditure table — not a total row
                    # naming a narrower measure ("人员经费合计" in that table).
                    if (seg.table.index not in grand or seg.row.kind == ROW_TOTAL) and \
                            self.voc.measure(seg.key) in (None, "total", measure):
                        out.append(ref)
                    continue
                if (cc.measure or "total") != measure:
                    continue
                if family is not None and cc.fund not in family:
                    continue
                out.append(ref)
        # Rows that name the concept themselves ("一般公共预算 3,956.08" in the fiscal table).
        for seg in self._named_of_fund(fund) if fund else ():
            if seg.table.index in wanted and self.voc.measure(seg.key) in (None, measure):
                out.append(seg.cells[0])
        return _uniq_cells(out)

    def _named_of_fund(self, fund: str) -> list[_Segment]:
        """The named segments whose label names the fund, in document order (once per document:
        concept lookups of that fund filter them by table instead of reading every label)."""
        def build():
            every = self._in_tables(self._named_of, {t.index for t in self.index.tables})
            out: dict[str, list[_Segment]] = {}
            for seg in every:
                out.setdefault(self.voc.fund(seg.key), []).append(seg)
            return out
        return self._memo("named_of_fund", None, build).get(fund, ())

    def _economic_measure_cells(self, measure: str, fund: str | None, tables: list[Table]) -> list[CellRef]:
        """人员经费 / 公用经费 where a table prints economic classes instead of the measure
        (基本支出表 by 301/302/303): the one class row among the measure's classes (lexicon
        concepts' economic codes: 公用经费 = 302 + 310) that has a figure — only when the table
        proves the reading: its class rows add up to its grand total, so no other class hides
        in the measure."""
        codes = self._measure_codes(measure)
        if not codes:
            return []
        family = self.voc.fund_families.get(fund, (fund,)) if fund else None
        out = []
        for t in tables:
            segs = [s for s in self._segments_of.get(t.index, ()) if s.cells]
            totals = [s for s in segs if s.row.kind == ROW_TOTAL]
            classes = [s for s in segs if s.code and self.lexicon.economic_levels.get(s.code) == 1]
            if len(totals) != 1 or not classes or len({s.code for s in classes}) != len(classes) or \
                    self.index.role(t) == "performance":
                continue
            total = totals[0].cells[0]
            cc = self.index.concept(t, total.col)
            if family is not None and cc.fund is not None and cc.fund not in family:
                continue
            values = [next((c for c in s.cells if c.col == total.col), None) for s in classes]
            if not _adds_up([v for v in values if v is not None], total):
                continue
            mine = [v for s, v in zip(classes, values) if s.code in codes and v is not None and v.value.value]
            if len(mine) == 1:
                out.append(mine[0])
        return out

    def _measure_codes(self, measure: str) -> set[str]:
        if self.lexicon is None:
            return set()
        return next((set(e.get("economic") or ()) for e in self.lexicon.concepts.values()
                     if e.get("measure") == measure and e.get("economic")), set())

    # -- specific concepts

    def specific_concept(self, subject: str) -> SpecificConcept | None:
        """The narrow concept a (cleaned) subject names, if any (once per subject and document:
        every route of a claim asks)."""
        hit = self._specifics.get(subject, _UNSEEN)
        if hit is _UNSEEN:
            concepts, _ = specific_vocabulary(self.extra_dirs)
            # a subject holding no character some concept's every match needs names none (most)
            holds = self._specific_holds
            hit = self._specifics[subject] = None if holds is not None and not holds(subject) else \
                next((c for c in concepts if c.pattern.search(subject)), None)
        return hit

    def names_whole(self, concept: SpecificConcept, subject: str) -> bool:
        """Whether the subject is the concept itself ("机关运行经费预算支出"), not a part of it.

        The department may stand before the concept under a short name of its own
        ("市国资委政府采购预算总额", "市国资委本级机关运行经费"): it owns the figure, it names
        no part of it."""
        _, whole_words = specific_vocabulary(self.extra_dirs)
        if whole_words.fullmatch(concept.pattern.sub("", subject, count=1)):
            return True
        m = concept.pattern.search(subject)
        if m is None or not whole_words.fullmatch(subject[m.end():]):
            return False
        before = patterns.LINK_OWN_LEVEL.sub("", subject[:m.start()])
        return any(whole_words.fullmatch(before[i:]) and self.abbreviates_department(before[:i])
                   for i in range(len(before), 2, -1))

    def abbreviates_department(self, text: str) -> bool:
        """The text is a short name of the document's department: its characters, three or more,
        appear in order in the full name ("市国资委" of "北京市人民政府国有资产监督管理委员会")."""
        def within(short: str, full: str) -> bool:
            rest = iter(full)
            return all(ch in rest for ch in short)
        return len(text) >= 3 and any(within(text, name) for name in self.departments)

    def of_concept(self, concept: SpecificConcept, cell: CellRef) -> bool:
        """A cell of the concept: in its own table, or on a row / in a column naming it."""
        if concept.role and self.index.role(cell.table) == concept.role:
            return True
        col = cell.table.column(cell.col)
        labels = [cell_label(cell), *((col.path or (col.label,)) if col is not None else ())]
        return any(concept.pattern.search(_norm(t or "")) for t in labels)

    def _specific_cells(self, concept, subject, found, primary, year=None, fund=None):
        """Candidates of a subject naming a narrow concept: only that concept's cells, plus the
        grand total of its own table when the subject is the whole concept (in a table of year
        rows: the 总计/合计 columns of the department's row of the year, yearrows)."""
        found = [c for c in found if self.of_concept(concept, c)]
        totals: list[CellRef] = []
        if concept.role and self.names_whole(concept, subject):
            totals = list(self._memo("role_totals", concept.role, lambda: [
                seg.cells[0] for seg in self._total_segments if seg.cells and self.index.role(seg.table) == concept.role]))
            own = {t.index for t in self.tables_in((concept.role,))}
            if not totals and own:
                totals = self.year_row_cells(self._total_header, own, year, fund)
            elif not totals:
                totals = self._of_year(list(self._memo("concept_column_cells", concept,
                                                        lambda: self._concept_column_cells(concept))), year)
        found = _uniq_cells(totals + found)
        kept = {_cell_key(c) for c in found}
        primary = _uniq_cells(totals + [c for c in primary if _cell_key(c) in kept])
        return found, primary, bool(totals)

    def _concept_column_cells(self, concept: SpecificConcept) -> list[CellRef]:
        """A concept without a table of its own printed as a column of another ("2026年政府采购
        项目 | 小计" in 支出总表): the column whose header names the whole concept (its 小计/合计
        when split), on the department's row — the table's one total row, else the one row
        labelled with the department's name (tables listing units under the department)."""
        depts = {name_key(d) for d in self.departments}
        out: list[CellRef] = []
        for t in self.index.tables:
            if self.index.role(t) == "performance":
                continue
            cols = []
            for col in t.columns:
                keys = [_norm(p) for p in (col.path or (col.label,)) if p]
                if keys and concept.pattern.search(keys[0]) and self.names_whole(concept, keys[0]) and \
                        (len(keys) == 1 or all(self.voc.column_total.fullmatch(k) for k in keys[1:])):
                    cols.append(col.index)
            if not cols:
                continue
            rows = [r for r in t.rows if r.kind == ROW_TOTAL] or \
                [r for r in t.rows if r.kind == ROW_SUBTOTAL and name_key(r.label or "") in depts]
            if len(rows) != 1:
                continue  # which row is the department's figure is not known
            out += [CellRef(t, rows[0], c.col, c.value) for c in rows[0].cells if c.col in cols and c.value is not None]
        return out

    def _total_header(self, keys: list[str]) -> int | None:
        """A column headed 总计/合计 at its top level: the whole of the table's items."""
        return 0 if keys and self.voc.column_total.fullmatch(keys[0]) else None

    # -- one claim



def _adds_up(parts: list[CellRef], total: CellRef) -> bool:
    """The parts sum to the total within their rounding (half a unit of each last digit)."""
    if not parts:
        return False
    slack = sum((Decimal(5).scaleb(-(c.value.decimals or 0) - 1) for c in [*parts, total]), Decimal(0))
    return abs(sum((c.value.value for c in parts), Decimal(0)) - total.value.value) <= slack
