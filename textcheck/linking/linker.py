"""The Linker: a claim's subject resolved to candidate cells of the document's tables, the
section narrowing them, and the confidence of the link (see textcheck.linking)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from textcheck import patterns
from textcheck.claim import CellRef, Claim, Link
from textcheck.document import ROW_TOTAL, Document, Table
from textcheck.linking.department_whole import DepartmentWholeMixin
from textcheck.linking.government import GOVERNMENT_CLASS_ROUTE, GovernmentClassMixin
from textcheck.linking.literals import chars_search, end_chars
from textcheck.linking.cells import agreeing_cells, agrees, cell_label, _uniq_cells
from textcheck.linking.index import TableIndex, _Segment
from textcheck.linking.items import ItemsMixin
from textcheck.linking.projects import ProjectNamesMixin
from textcheck.linking.model import (AMBIGUOUS, CONFIDENT, PROJECT_ROLES, TOTALS_ROLES, UNLINKED, SubjectLink, new_link,
                                     replace_link)
from textcheck.linking.routes import _UNSEEN, RoutesMixin
from textcheck.linking.scope import ScopeMixin
from textcheck.linking.subjects import SubjectsMixin
from textcheck.linking.yearrows import YearRowsMixin
from textcheck.linking.vocab import (_norm, _year_free, canonical_by_key, name_key, project_in_heading,
                                     specific_chars, specific_roles, specific_vocabulary, vocabulary)
from textcheck.numbers import Number


class Linker(ScopeMixin, SubjectsMixin, RoutesMixin, ItemsMixin, ProjectNamesMixin, YearRowsMixin,
             GovernmentClassMixin, DepartmentWholeMixin):
    """Links the claims of one document (built per document; vocabularies are cached)."""

    def __init__(self, document: Document, lexicon=None, tables=None, tolerance: Decimal = Decimal(0)):
        self.extra_dirs = lexicon.extra_dirs if lexicon is not None else ()
        self.voc = vocabulary(self.extra_dirs)
        self.lexicon = lexicon
        self.document = document
        self._specific_roles = specific_roles(self.extra_dirs)
        # 绩效目标表 rows only the project, code and department-whole routes read, unless a lexicon
        # makes such a table's total a fund's (fund_extra) or a narrow concept's (_specific_cells)
        read_totals = {*self.voc.fund_tables.values(), *self.voc.fund_tables_totals.values(), *self._specific_roles}
        self.index = TableIndex(document, self.voc, lean="performance" not in read_totals)
        self.tolerance = tolerance
        self.departments = self._departments(document)
        self._canon_index: dict[str, list[_Segment]] | None = None
        # Concept lookups scan the segments; many claims name the same concept in the same scope.
        self._total_segments: list[_Segment] = []
        self._named_segments: list[_Segment] = []
        # The same lists per table (segments are made table by table, in self.index.tables order).
        self._segments_of: dict[int, list[_Segment]] = {}
        self._totals_of: dict[int, list[_Segment]] = {}
        self._named_of: dict[int, list[_Segment]] = {}
        for seg in self.index.segments:  # (one pass makes all five, each in the index's order)
            t = seg.table.index
            self._segments_of.setdefault(t, []).append(seg)
            if seg.total:
                self._total_segments.append(seg)
                self._totals_of.setdefault(t, []).append(seg)
            elif seg.cells:
                self._named_segments.append(seg)
                self._named_of.setdefault(t, []).append(seg)
        self._unique_indexes = len({t.index for t in self.index.tables}) == len(self.index.tables)
        self._position = {} if self._unique_indexes else {id(seg): i for i, seg in enumerate(self.index.segments)}
        self._concept_cache: dict[tuple, list[CellRef]] = {}
        self._scopes: dict[tuple[str, ...], tuple[str, ...] | None] = {}
        self._heading_of: dict[str, tuple | None] = {}  # _heading_roles
        self._scope_facts: dict[tuple[str, ...], tuple] = {}  # _section_facts
        self._generic: dict[str, bool] = {}  # _generic_subject
        self._memos: dict[str, dict] = {}
        self._label_hits: dict[str, list[_Segment]] = {}  # routes._label_segments
        self._project_key_of: dict[str, str] = {}  # projects.project_key, by subject form
        self._year_row_of: dict[tuple, object] = {}  # yearrows._year_row, by table, year and unit
        self._year_labelled_of: dict[int, list] = {}  # yearrows._year_labelled, by table number
        # lexicon lookups by term (routes._canonical, _concept_column)
        self._canon_of: dict[str, str | None] = {}
        self._canon_table = canonical_by_key(lexicon) if lexicon is not None else {}  # routes._canonical
        self._column_of: dict[str, str | None] = {}
        self._shorts: dict[str, str] = {}  # short_subject
        self._cleaned: dict[str, str] = {}  # clean_subject
        self._subject_codes: dict[str, frozenset[str]] = {}  # routes.subject_codes
        self._subject_words: dict[str, tuple] = {}  # _words: (stage, flow, carry-over) of a subject
        self._specifics: dict[str, object] = {}  # routes.specific_concept
        # tests on a text's characters (literals.py): a narrow concept's, the subject suffixes' last
        self._specific_holds = chars_search(specific_chars(self.extra_dirs))
        self._suffix_ends = end_chars(self.voc.subject_suffixes)
        self._budget_rows: dict[int, list[_Segment]] = {}
        self._item_columns = None  # items.ItemColumns, made on the item route's first column lookup
        # per candidate cell, by id (the cell is kept in the value so the id stays its own)
        self._bounds: dict[int, tuple] = {}
        self._flows: dict[int, tuple] = {}
        self._links: dict[int, SubjectLink] = {}  # by id(claim): a whole is linked once
        self._answers: dict[tuple, SubjectLink] = {}  # by _question: _link_once
        self._claims_alive: list[Claim] = []  # keeps ids valid while the Linker lives

    @staticmethod
    def _departments(document: Document) -> list[str]:
        names = {document.meta.get("department") or ""}
        names.update(t.department or "" for t in document.tables)
        return sorted((_norm(n) for n in names if n), key=len, reverse=True)

    def _memo(self, name: str, key, compute):
        """``compute()`` once per document and key: claims repeat subjects, scopes and names."""
        memo = self._memos.get(name)
        if memo is None:
            memo = self._memos[name] = {}
        value = memo.get(key, _UNSEEN)  # (a get, not a KeyError: half the lookups are first ones)
        if value is _UNSEEN:
            value = memo[key] = compute()
        return value

    def tables_in(self, roles) -> list[Table]:
        return list(self._memo("tables_in", roles, lambda: [t for t in self.index.tables
                                                             if self.index.roles.get(t.index) in roles]))

    # -- routes

    def link(self, claim: Claim) -> SubjectLink:
        """The claim's link; a part of a list is confident only inside a confident whole."""
        key = id(claim)
        if key not in self._links:
            link = self._link_once(claim)
            whole = claim.whole
            if link.confidence == CONFIDENT and whole is not None and whole.value is not None:
                # "污水处理费预算总额 X，其中：一般公共预算 Y" / "综合管理 X，其中：行政运行 Y":
                # the part is a share of its whole, not the document's figure of that name,
                # unless the whole itself is a confidently linked figure of the tables.
                outer = self.link(whole)
                named = self.voc.generic_whole.fullmatch(self.clean_subject(whole.subject or "")) is None
                # "对个人和家庭的补助（303）X，其中：人员经费 Y": a measure of the whole's own row,
                # not the document's 人员经费 total
                of_item = link.route == "concept" and outer.route in ("code", "label") and \
                    bool(outer.primary) and not any(c.row.kind == ROW_TOTAL for c in outer.primary)
                if outer.route == "project" or of_item or (outer.confidence != CONFIDENT and named):
                    link = replace_link(link, confidence=AMBIGUOUS,
                                        notes=link.notes + ("所属总额未能确定关联",))
            self._links[key] = link
            self._claims_alive.append(claim)
        return self._links[key]

    def _question(self, claim: Claim) -> tuple:
        """Everything of a claim ``_link`` reads but its value: what it reads of the section
        (``_section_facts``), the subject as written, its codes and year, and the same of the whole
        it is a part of (link(whole) decides a part)."""
        whole = claim.whole
        facts = self._section_facts(claim.section)
        if whole is not None or not self._generic_subject(claim.subject or ""):
            facts = facts[:3]  # the project a heading names is read for a generic subject only
        return (facts, claim.subject, claim.codes, claim.year, None if whole is None else self._whole_facts(claim))

    def _whole_facts(self, claim: Claim) -> tuple:
        """What ``_link`` reads of a claim's whole: that there is one; its subject where the part
        names only a fund (``fund_part_cells``); its link where it may be the department's whole
        (``_by_department_part`` reads its route and cells: its whole question).  The parts of
        different projects' wholes ("其中：差旅费 …" under each project) are then one question."""
        whole = claim.whole
        part_of_fund = self.fund_part_role(self._link_subject(claim.subject or "")) is not None
        roles = self.scope(whole.section)
        department = bool(roles) and "performance" in roles and \
            bool(patterns.PERF_DEPARTMENT_TITLE.search(_norm(whole.subject or "")))
        return (whole.subject if part_of_fund else None,
                (self._question(whole), whole.value is None) if department else None)

    def _generic_subject(self, subject_raw: str) -> bool:
        """Whether ``_by_project`` reads the project of the headings for a subject (a whole's)."""
        hit = self._generic.get(subject_raw)
        if hit is None:
            hit = self._generic[subject_raw] = bool(self.voc.generic_subjects.search(self._link_subject(subject_raw)))
        return hit

    def _link_subject(self, subject_raw: str) -> str:
        """The cleaned subject the routes read (the last part of a 类/款/项 path)."""
        return self.clean_subject(subject_raw.split("/")[-1] if "/" in subject_raw else subject_raw)

    def _section_facts(self, section: tuple[str, ...]) -> tuple:
        """All ``_link`` reads of a section, once per section: its scope, its unit, the measure
        its innermost heading names (``_of_section_measure``) and the project its headings name
        (``_by_project``, for a generic subject).  Sections differ far more than these do (one
        heading per project, all in the project tables' scope): a subject asked again under
        another heading with the same facts is the same question (tests/test_linking_memos.py)."""
        facts = self._scope_facts.get(section)
        if facts is None:
            project = next((p for p in map(project_in_heading, reversed(section)) if p), None)
            facts = self._scope_facts[section] = (self.scope(section), self.unit_of(section),
                                                  self._section_measure(section), project)
        return facts

    def _link_once(self, claim: Claim) -> SubjectLink:
        """``_link(claim)`` once per question: a later claim of the same section and subject takes
        the first one's link; only its agreeing cells (what its value decides) are its own."""
        question = self._question(claim)
        first = self._answers.get(question)
        if first is None:
            first = self._answers[question] = self._link(claim)
            return first
        agreeing = self._agreeing(claim.value.number, first.candidates) \
            if first.confidence != UNLINKED and claim.value else ()
        return replace_link(first, claim=claim, agreeing=agreeing)

    def _link(self, claim: Claim) -> SubjectLink:
        roles, unit = self._section_facts(claim.section)[:2]
        scoped = self.tables_in(roles) if roles else []
        subject_raw = claim.subject or ""
        subject = self._link_subject(subject_raw)
        d = _Draft(year=claim.year)
        self._by_code(claim, subject_raw, scoped, d)
        if not d.route:
            self._by_government_class(claim, subject_raw, d)
        if not d.route:
            self._by_department_whole(claim, subject_raw, roles, d)
        if not d.route:
            self._by_department_part(claim, subject, d)
        if not d.route:
            self._by_project(claim, subject_raw, subject, scoped, d)
        # a subject naming only a fund may be its own table's total only in a section about the
        # document's totals, and never as a part of a list (the part of a project's funds)
        d.fund_total_ok = claim.whole is None and bool(roles) and set(roles) <= TOTALS_ROLES
        self._by_label_or_concept(subject, scoped, d)
        self._narrow(subject, unit, scoped, d)
        # (the route before the cells: a project's or a class's cells are never scanned here)
        if d.route in ("", "code") and not d.found or scoped and d.found and \
                d.route not in ("project", GOVERNMENT_CLASS_ROUTE) and not self._in_cells(d.found, scoped):
            # nothing the subject names is in the section's tables as written: an item under a
            # shorter name ("安排公务接待费预算" → row or column "公务接待费"), a 类/项 name of
            # tables printed without codes, or an item that is a column ("三公"经费表)
            # a 类/款/项 path whose codes the tables do not hold: its leaf name is that row only
            # when no table prints codes (else the path names another branch, "人大事务" not
            # "发展与改革事务", and the same leaf name elsewhere is a different row)
            pathed = "/" in subject_raw or bool(patterns.LINK_LEVEL_MARK.search(subject_raw))
            fallback = None if pathed and self.index.by_code else \
                self._item_route(subject, [] if unit else scoped, d.specific, unit, claim.year)
            if fallback is not None:
                d.route, d.key, d.found, d.primary, d.ambiguous = fallback
                d.notes = [n for n in d.notes if not n.startswith(("主语为", "本节所述单位"))]
        part = self.fund_part_cells(subject, claim.whole.subject or "", unit) \
            if not d.found and claim.whole is not None else None  # "其中：政府性基金 Y" of a revenue's spending
        if part is not None:
            d.route, d.key, d.found, d.primary, d.ambiguous = part
            d.notes = [n for n in d.notes if not n.startswith(("主语为", "本节所述单位"))]
        return self._finish(claim, roles, scoped, subject, unit, d)

    def _by_code(self, claim: Claim, subject_raw: str, scoped: list[Table], d: "_Draft") -> None:
        code_segs, codes = self._code_segments(claim, subject_raw)
        if codes and not code_segs and "/" not in subject_raw and len(codes) == 1 and len(next(iter(codes))) == 3:
            codes = set()  # a 类 name in tables printed without codes: found by its row label below
        if codes:
            d.route, d.key = "code", "code:" + "|".join(sorted(codes))
            d.ambiguous = len(codes) > 1
            segs = self._in(code_segs, scoped) or code_segs
            d.primary = [s.cells[0] for s in segs if s.cells]
            d.found = [c for s in segs for c in s.cells]

    def _by_government_class(self, claim: Claim, subject_raw: str, d: "_Draft") -> None:
        """"机关工资福利支出（501）": the rows printing that 政府预算支出经济分类 class (government.py)."""
        code, segs = self._government_class(claim, subject_raw)
        if code is not None:
            d.route, d.key = GOVERNMENT_CLASS_ROUTE, "government-class:" + code
            d.primary = [s.cells[0] for s in segs]
            d.found = [c for s in segs for c in s.cells]
            if not d.found:
                d.notes.append("表中没有该政府预算支出经济分类科目的行")

    def _by_project(self, claim: Claim, subject_raw: str, subject: str, scoped: list[Table], d: "_Draft") -> None:
        segs = []
        short = self.short_subject(subject)
        # Project names carry years and dashes of their own: try the subject as written first.
        for form in dict.fromkeys((subject_raw, subject, short)):
            pkey = name_key(form)
            segs = self._project_segments(pkey)
            if segs:
                break
        if not segs and self.voc.generic_subjects.search(subject) and claim.whole is None:
            heading_project = self._section_facts(claim.section)[3]
            if heading_project:
                pkey = name_key(heading_project)
                segs = self._project_segments(pkey)
                d.notes.append("项目名称取自标题")
        if not segs:  # the name as the tables print it, without the words around it
            segs, loose = self.loose_project_segments([subject, short] if short != subject else [subject])
            pkey = loose or pkey
        if segs:
            d.route, d.key = "project", "project:" + _year_free(pkey)
            # one name on several rows of a table (the same project under several units):
            # which one the sentence means is not known
            rows = {(s.table.index, s.row.index) for s in segs}
            d.ambiguous = len(rows) > len({t for t, _ in rows})
            segs = self._in(segs, scoped) or segs
            d.primary = [s.cells[0] for s in segs if s.cells]
            d.found = [c for s in segs for c in s.cells]

    def _by_label_or_concept(self, subject: str, scoped: list[Table], d: "_Draft") -> None:
        short = self.short_subject(subject)
        label_segs: list[_Segment] = []
        if subject and not d.route:
            label_segs = self._label_segments(subject) or (self._label_segments(short) if short != subject else [])
            d.measure, d.fund, d.column = self.subject_concept(subject)
            if d.measure is None and short != subject:
                d.measure, d.fund, d.column = self.subject_concept(short)
        if label_segs:
            d.route, d.key = "label", "label:" + (self._canonical(subject) or name_key(subject))
            segs = self._in(label_segs, scoped) or label_segs
            d.primary = [s.cells[0] for s in segs]
            d.found = [c for s in segs for c in s.cells]
        # A narrow concept (机关运行经费, 政府采购 …) never falls back to a generic total because
        # the subject also holds a fund word: only its own cells are candidates.
        d.specific = specific = self.specific_concept(subject) if subject and d.route != "code" else None
        if d.measure is not None and (specific is None or self.names_whole(specific, subject)):
            tables = scoped or self.index.tables
            cells = self._concept_cells(d.measure, d.fund, d.column, tables)
            if not cells and specific is None and d.measure != "total":
                cells = self._economic_measure_cells(d.measure, d.fund, tables)  # 公用经费 = 商品和服务支出
            if not cells and specific is None:
                cells = self.department_measure_cells(d.measure, d.fund, tables)
            if cells:
                if not d.route:
                    d.route, d.key = "concept", f"concept:{d.measure}/{d.fund or '*'}"
                    d.primary = cells
                d.found = _uniq_cells(d.found + cells)
        if specific is not None:
            d.found, d.primary, whole = self._specific_cells(specific, subject, d.found, d.primary, d.year, d.fund)
            if whole and d.route in ("", "concept"):
                d.route, d.key = "concept", f"concept:{specific.name}"
            if not d.found:
                d.notes.append(f"主语为“{specific.name}”，文中没有该项的单元格")
                if d.route == "concept":  # the fund's total it also named is no cell of the concept:
                    d.route, d.key = "", None  # the item routes may still find it by name
        # "本年财政拨款收入" in a section on income: no column of the scope names the fund
        named_fund = d.measure == "total" and not d.route and d.fund_total_ok
        role = self.voc.fund_tables.get(d.fund) or (self.voc.fund_tables_totals.get(d.fund) if d.fund_total_ok else None)
        if d.measure in (None, "total") and role and (d.route in ("concept", "label") or named_fund) and specific is None:
            # the fund's own table total (appropriation + the fund's carry-over) is a candidate too
            d.fund_extra = [seg.cells[0] for seg in self._total_segments
                            if seg.cells and seg.row.kind == ROW_TOTAL and self.index.role(seg.table) == role]
            d.found = _uniq_cells(d.found + d.fund_extra)
            if d.fund_extra and not d.route:
                d.route, d.key, d.primary = "concept", f"concept:{d.measure}/{d.fund}", list(d.fund_extra)

    def _narrow(self, subject: str, unit: str | None, scoped: list[Table], d: "_Draft") -> None:
        """The unit a section is about, the income/expenditure side and carry-over words narrow
        the candidates."""
        if unit is not None:
            # "六、深圳市西部水源管理中心 … 项目支出 7,530.24 万元": a section per unit restates
            # that unit's rows, never the department's totals or another unit's rows
            if self._names_only_unit(subject, unit):
                d.measure = "total"  # "深圳市西部水源管理中心预算 15,015.14 万元": the unit's total
                # rows a word of it labels ("预算" of a "2026年预算" row) are not the unit's figure
                d.found, d.primary, d.route, d.key = [], [], "", None
            elif not self._names_only_measure(subject, unit):
                # "…补助支出", "水务发展资金项目支出": an item, not the unit's figure of a measure
                d.measure = None
            d.found, d.primary, d.route, d.key = self._in_unit(unit, d.found, d.primary, d.route, d.key, d.measure,
                                                               d.fund, scoped or self.index.tables)
            if not d.found:  # the department's figure of the item is not this unit's
                d.notes.append(f"本节所述单位“{unit}”的该项在表中没有单列的数字")
            if d.route == "project" and d.found:
                # a project several units carry: the unit's own row is the one meant
                rows = {(c.table.index, c.row.index) for c in d.found}
                d.ambiguous = len(rows) > len({t for t, _ in rows})
        _, flow, carryover = self._words(subject)
        if d.found and flow:
            # "一般公共预算支出" never restates the income side ("一般公共预算拨款收入")
            d.found = [c for c in d.found if self._cell_flow(c) in (None, flow)]
            d.primary = [c for c in d.primary if self._cell_flow(c) in (None, flow)]
        if d.found and carryover:
            # "上年结转结余的一般公共预算收入": only cells that are carry-over themselves
            d.found = [c for c in d.found if self._names_carryover(c)]
            d.primary = [c for c in d.primary if self._names_carryover(c)]

    def _finish(self, claim: Claim, roles, scoped: list[Table], subject: str, unit: str | None,
                d: "_Draft") -> SubjectLink:
        """The link: candidates kept to the section's tables, its confidence, the agreeing cells."""
        stage = self._words(subject)[0]
        if d.found and stage:
            # "财政拨款支出年初预算" is no 决算 figure, "支出决算" no 预算数 column of a "三公" table
            # (whichever route found the cells)
            d.found = [c for c in d.found if self._cell_stage(c) in (None, stage)]
            d.primary = [c for c in d.primary if self._cell_stage(c) in (None, stage)]
        if not d.found:
            return new_link(claim=claim, confidence=UNLINKED, scope=roles or (), notes=tuple(d.notes))
        if scoped:
            # The section names its tables: cells elsewhere are not what this sentence restates.
            scoped_ids = set(self._memo("table_ids", roles, lambda: frozenset(t.index for t in scoped)))
            if d.route == "project":  # a project named in any section is that project's row
                scoped_ids |= self._memo("table_ids", PROJECT_ROLES,
                                         lambda: frozenset(t.index for t in self.tables_in(PROJECT_ROLES)))
            scoped_ids |= {c.table.index for c in d.fund_extra}
            if unit is not None:  # a unit's own rows restate its figures, whatever table holds them
                unit_rows = self._memo("unit_row_ids", unit, lambda: {id(r) for rs in self._unit_rows()[unit].values()
                                                                      for r in rs})
                scoped_ids |= {c.table.index for c in d.found if id(c.row) in unit_rows}
            inside = [c for c in d.found if c.table.index in scoped_ids]
            by_measure = [] if inside else self._of_section_measure(claim.section, d)
            if by_measure:
                inside, d.primary = by_measure, list(by_measure)
                scoped_ids |= {c.table.index for c in by_measure}
            if not inside and d.route == GOVERNMENT_CLASS_ROUTE:
                # the section's tables print the other classification (部门预算支出经济分类):
                # the class's own rows are what the sentence restates, not surely this fund's
                inside, d.ambiguous = list(d.found), True
                d.notes.append("政府预算支出经济分类科目的行不在本节对应的表中")
            if not inside:
                d.notes.append("候选单元格不在本节对应的表中")
                return new_link(claim=claim, candidates=tuple(d.found), confidence=UNLINKED, notes=tuple(d.notes),
                                key=d.key, scope=roles, route=d.route, primary=tuple(d.primary))
            d.found = inside
            d.primary = [c for c in d.primary if c.table.index in scoped_ids]
        # "2026年预算数 77.20 万元": a subject of year and budget words only names nothing
        # (the item is in the sentence before); any cell of the section's tables could be meant
        bare = self.short_subject(_year_free(name_key(subject)))
        if d.route in ("concept", "label") and self.voc.generic_subjects.fullmatch(bare or ""):
            d.ambiguous = True
        confidence = CONFIDENT if scoped and not d.ambiguous else AMBIGUOUS
        agreeing = self._agreeing(claim.value.number, d.found) if claim.value else ()
        wholes = self.share_wholes(d.found) if d.route == "column" and confidence == CONFIDENT else ()
        return new_link(claim=claim, candidates=tuple(d.found), agreeing=agreeing, confidence=confidence,
                        notes=tuple(d.notes), key=d.key, scope=roles or (), route=d.route,
                        primary=tuple(d.primary), share_wholes=wholes)

    def _of_section_measure(self, section: tuple[str, ...], d: "_Draft") -> list[CellRef]:
        """An item's row under a heading naming a measure ("（二）项目支出：…" → "公共安全支出
        40230.95 万元"): the row's cells in that measure's columns, whatever table holds them
        (the section's own tables list projects, not the item rows)."""
        if d.route not in ("label", "code"):
            return []
        measure = self._section_facts(section)[2]
        if measure is None:
            return []
        return [c for c in d.found if self.index.concept(c.table, c.col).measure == measure
                and self.index.role(c.table) in TOTALS_ROLES]

    def _section_measure(self, section: tuple[str, ...]) -> str | None:
        """The measure the innermost heading names, None for none or the total."""
        measure = self.voc.measure(_norm(section[-1])) if section else None
        return None if measure == "total" else measure

    def _names_carryover(self, cell: CellRef) -> bool:
        col = cell.table.column(cell.col)
        texts = [cell_label(cell), cell.table.title or "", *((col.path or (col.label,)) if col is not None else ())]
        return self.index.role(cell.table) == "carryover" or \
            any(self.voc.carryover.search(_norm(t or "")) for t in texts)

    @staticmethod
    def _in(segs, tables):
        ids = {t.index for t in tables}
        return [s for s in segs if s.table.index in ids] if tables else []

    def agrees(self, number: Number, cell: CellRef, scale: Decimal = Decimal(1)) -> bool:
        """True when the stated number and the cell can be the same amount after rounding."""
        return agrees(number, cell, scale, self.tolerance)

    def _agreeing(self, number: Number, cells) -> tuple[CellRef, ...]:
        """``tuple(c for c in cells if self.agrees(number, c))`` (cells.agreeing_cells)."""
        return agreeing_cells(number, cells, self._bounds, self.tolerance)


def link_claims(document, claims, lexicon, tables=None, tolerance: Decimal = Decimal(0)) -> list[Link]:
    """One Link per claim that states a value (an amount, a count, a share's part)."""
    if not claims:
        return []
    linker = Linker(document, lexicon, tables, tolerance)
    return [linker.link(c) for c in claims if c.value is not None]


@dataclass
class _Draft:
    """A link in the making: what each route found, passed through the linker's steps."""

    route: str = ""
    key: str | None = None
    ambiguous: bool = False
    primary: list = field(default_factory=list)
    found: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    measure: str | None = None
    fund: str | None = None
    column: str | None = None
    specific: object = None
    fund_extra: list = field(default_factory=list)
    fund_total_ok: bool = False
    year: str | None = None  # the claim's year: the row of a table of year rows
