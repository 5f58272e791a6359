"""The linker's looser routes: an item under a shorter name or as a column of a total row, and
sections written per unit (a heading naming a unit of the tables' subtotal rows)."""
from __future__ import annotations

from textcheck import patterns
from textcheck.claim import CellRef
from textcheck.document import ROW_SUBTOTAL, ROW_TOTAL, Row, Table
from textcheck.linking.cells import _cell_key, _uniq, _uniq_cells
from textcheck.linking.item_columns import ItemColumns
from textcheck.linking.routes import _adds_up
from textcheck.linking.vocab import _norm, _year_free, name_key, specific_vocabulary


class ItemsMixin:
    """Item forms, item columns and unit sections of a Linker (its index and memo)."""

    def _unit_rows(self) -> dict[str, dict[int, list[Row]]]:
        """unit key → table index → the unit's rows: its own row and the rows under it up to the
        next unit's row or a total row (tables listing several units one after another).  A unit
        is a name on subtotal rows of three tables or more (a project group heading stands in one)."""
        def build():
            seen: dict[str, set[int]] = {}
            for t in self.index.tables:
                for row in t.rows:
                    if row.kind == ROW_SUBTOTAL and row.label:
                        seen.setdefault(name_key(row.label), set()).add(t.index)
            units = {k for k, tables in seen.items() if len(tables) >= 3}
            out: dict[str, dict[int, list[Row]]] = {}
            for t in self.index.tables:
                rows: list[Row] | None = None
                for row in t.rows:
                    k = name_key(row.label) if row.kind == ROW_SUBTOTAL and row.label else None
                    if row.kind == ROW_TOTAL:
                        rows = None
                    elif k in units:
                        rows = out.setdefault(k, {}).setdefault(t.index, [])
                        rows.append(row)
                    elif rows is not None:
                        rows.append(row)
            return out
        return self._memo("unit_rows", None, build)

    def unit_of(self, section: tuple[str, ...]) -> str | None:
        """The unit the innermost heading names, when it is a unit of the tables ("六、深圳市西部
        水源管理中心" → its subtotal rows); None otherwise."""
        return self._memo("unit_of", section, lambda: self._find_unit(section))

    def _find_unit(self, section: tuple[str, ...]) -> str | None:
        if not section:
            return None
        units = self._unit_rows()
        if not units:
            return None
        key = name_key(section[-1])
        if key in units:
            return key
        # "市建筑工务署本级" for "深圳市建筑工务署（本级）": one unit whose name ends with the heading
        ends = [u for u in units if len(key) >= 4 and u.endswith(key)]
        return ends[0] if len(ends) == 1 else None

    def _of_unit(self, unit: str, row: Row, table: Table) -> bool:
        """A row of the unit, or of a table that lists no units (a project list)."""
        rows = self._memo("unit_row_ids", unit, lambda: {id(r) for rs in self._unit_rows()[unit].values()
                                                         for r in rs})
        with_units = self._memo("unit_tables", None, lambda: {t for b in self._unit_rows().values() for t in b})
        return id(row) in rows or table.index not in with_units

    def _names_only_measure(self, subject: str, unit: str) -> bool:
        """The subject is a measure word and nothing else ("项目支出", "（本级）基本支出")."""
        text = subject
        for pat, _ in self.voc.measures:
            text = pat.sub("", text)
        return text != subject and self._names_only_unit(text, unit)

    def _names_only_unit(self, subject: str, unit: str) -> bool:
        rest = name_key(subject)
        names = sorted({unit, *map(name_key, self.departments)}, key=len, reverse=True)
        for part in names:
            rest = rest.replace(part, "") if part else rest
        rest = _without_short_name(rest, names)
        rest = patterns.LINK_NAME_PUNCT.sub("", patterns.LINK_OWN_LEVEL.sub("", rest))
        return bool(self.voc.generic_whole.fullmatch(rest))

    def _in_unit(self, unit, found, primary, route, key, measure, fund, tables):
        blocks = self._unit_rows()[unit]
        inside = [c for c in found if self._of_unit(unit, c.row, c.table) and route != "concept"]
        if inside:
            kept = {_cell_key(c) for c in inside}
            return inside, [c for c in primary if _cell_key(c) in kept], route, key
        if measure is None:
            return [], [], route, key
        # the unit's own figure of the measure: its subtotal row, in the measure's columns
        family = self.voc.fund_families.get(fund, (fund,)) if fund else None
        cells = []
        for t in tables:
            head = blocks.get(t.index, [None])[0]
            if head is None or self.index.role(t) == "performance":
                continue
            for seg in self._segments_of.get(t.index, ()):
                if seg.row is not head:
                    continue
                for ref in seg.cells:
                    cc = self.index.concept(t, ref.col)
                    if (cc.measure or "total") == measure and (family is None or cc.fund in family):
                        cells.append(ref)
        if not cells and fund is None:  # no column of the measure: the class row of the unit's block
            cells = self._unit_class_cells(unit, measure)
        return cells, list(cells), "unit", f"unit:{unit}/{measure}/{fund or '*'}"

    def _unit_class_cells(self, unit: str, measure: str) -> list[CellRef]:
        """人员经费 / 公用经费 of one unit where its block of a 基本支出 table prints economic
        classes under the unit's row ("工资福利支出 | 商品和服务支出 | 对个人和家庭的补助", by
        name, without codes): the one class of the measure (lexicon: 公用经费 = 302 + 310) that
        has a figure — only when the block's class rows add up to the unit's row in that column,
        so no other class hides in the measure.  The all-funds columns only (总计/小计): a fund's
        column is that fund's share, not the unit's figure."""
        codes = self._measure_codes(measure)
        if not codes:
            return []
        out: list[CellRef] = []
        for t in self.index.tables:
            rows = self._unit_rows()[unit].get(t.index)
            if not rows or self.index.role(t) != "basic":
                continue
            classes: dict[str, list[Row]] = {}
            for row in rows[1:]:
                level1 = [c for c in ([row.code] if row.code else self.lexicon.economic_codes(name_key(row.label)))
                          if self.lexicon.economic_levels.get(c) == 1]
                if len(level1) == 1:
                    classes.setdefault(level1[0], []).append(row)
            if not classes or any(len(rs) > 1 for rs in classes.values()):
                continue  # a class named twice: the block is not one list of classes
            for head in rows[0].cells:
                cc = self.index.concept(t, head.col)
                if head.value is None or cc.fund is not None or cc.measure not in (None, "total", "basic") or \
                        head.col in self.index.code_cols.get(t.index, ()):
                    continue
                parts = {code: rs[0].cell(head.col) for code, rs in classes.items()}
                parts = {code: CellRef(t, classes[code][0], c.col, c.value) for code, c in parts.items()
                         if c is not None and c.value is not None}
                if not _adds_up(list(parts.values()), CellRef(t, rows[0], head.col, head.value)):
                    continue
                mine = [c for code, c in parts.items() if code in codes and c.value.value]
                if len(mine) == 1:
                    out.append(mine[0])
        return out

    def department_measure_cells(self, measure: str, fund: str | None, tables: list[Table]) -> list[CellRef]:
        """A measure of the whole department in tables with no total row that list the department's
        own row above its units' (a unit row named as the department): that row's cells in the
        measure's columns (as _in_unit for a unit)."""
        units = self._unit_rows()
        depts = [k for k in dict.fromkeys(map(name_key, self.departments)) if k in units]
        if len(depts) != 1:
            return []
        heads = [t for t in tables if units[depts[0]].get(t.index)]
        if any(r.kind == ROW_TOTAL for t in heads for r in t.rows):
            return []  # a table's total row is the department's figure: the concept route's
        return self._in_unit(depts[0], [], [], "", None, measure, fund, heads)[0]

    def fund_part_cells(self, subject: str, whole: str, unit: str | None):
        """"污水处理费预算总额 X，其中：政府性基金 Y": a part naming only a fund, of a whole naming a
        revenue, is the fund table's item "<revenue>安排的支出" — the unit's row in a per-unit
        section, else the one such row.  (route, key, cells, primary, ambiguous) or None."""
        role = self.fund_part_role(subject)
        core = self.short_subject(_year_free(name_key(whole))) if role is not None else ""
        if role is None or len(core) < 2:
            return None
        key = name_key(core + patterns.LINK_FUND_USE_SUFFIX)
        segs = [s for s in self.index.by_key.get(key, ()) if s.cells and self.index.role(s.table) == role
                and (unit is None or self._of_unit(unit, s.row, s.table))]
        if not segs:
            return None
        rows = {(s.table.index, s.row.index) for s in segs}
        return ("label", "label:" + key, [c for s in segs for c in s.cells], [s.cells[0] for s in segs],
                len(rows) > len({t for t, _ in rows}))

    def fund_part_role(self, subject: str) -> str | None:
        """The fund table's role when the subject names a fund and nothing else but generic words
        (``fund_part_cells`` reads the whole's subject only then), once per subject."""
        def compute():
            fund = self.voc.fund(subject)
            role = self.voc.fund_tables.get(fund) if fund else None
            if role is None:
                return None  # (most subjects name no fund: no fund word to take out)
            rest = subject
            for pat, _ in self.voc.funds:
                rest = pat.sub("", rest)
            return None if rest == subject or not self.voc.generic_whole.fullmatch(rest) else role
        return self._memo("fund_part_role", subject, compute)

    @staticmethod
    def _in_cells(cells, tables) -> bool:
        ids = {t.index for t in tables}
        return any(c.table.index in ids for c in cells)

    def item_forms(self, subject: str) -> list[str]:
        """Name keys a subject may print an item under, most literal first: without a leading
        "安排"/"拟采购" and a trailing "预算"/"支出" ("安排公务接待费预算" → "公务接待费"), and a
        类 name with and without its "支出" ("社会保障和就业" / "社会保障和就业支出")."""
        bases = dict.fromkeys((subject, self.short_subject(subject)))  # (the same twice: its forms once)

        def forms():
            for s in bases:
                s = self.voc.item_prefix.sub("", s)
                yield s
                bare = self.short_subject(s.removesuffix("支出"))
                yield bare
                yield bare + "支出"
                if bare.endswith("费用"):  # "因公出国（境）费用" / "因公出国（境）费"
                    yield bare[:-1]
            # "本年收入" for the total row "本年收入合计" (tried after every form as written)
            for s in bases:
                yield s + patterns.LINK_TOTAL_WORD
            # "公务用车购置及运行费支出决算" for the 决算 group's "公务用车购置及运行费" column (the stage
            # filter keeps that group); never a bare "支出" left of "支出决算"
            staged = patterns.LINK_STAGE_SUFFIX.sub("", subject)
            if staged != subject and len(self.short_subject(staged.removesuffix("支出"))) >= 2:
                yield staged
        return [k for k in dict.fromkeys(name_key(f) for f in forms()) if len(k) >= 2]

    def _item_route(self, subject: str, scoped: list[Table], specific, unit: str | None = None,
                    year: str | None = None):
        """(route, key, cells, primary cells, ambiguous) of an item found by a looser form of its name: a row
        label in the section's tables (ambiguous when it labels several rows of one table), else a
        column header of a table's total row (confident when it is one cell: one table, one row,
        one column — of the figure's year where the columns come in year groups); None when
        neither names it."""
        if not subject or self.voc.generic_subjects.fullmatch(self.short_subject(subject)):
            return None
        # 绩效目标表 rows ("其中：财政拨款") belong to one project: reached by the project route only
        tables, ids = self._memo("item_tables", tuple(t.index for t in scoped), lambda: self._non_performance(scoped))
        forms = self.item_forms(subject)
        if specific is not None and self.names_whole(specific, subject):
            forms.append(name_key(specific.name))  # "一般公共预算拨款安排的会议费预算支出" → 会议费
        by_key, by_canonical = self.index.by_key, self._by_canonical()
        for form in forms:
            canon = self._canonical(form)
            labelled, named = by_key.get(form, ()), (by_canonical.get(canon, ()) if canon else ())
            if not (labelled or named):
                continue  # no row is labelled with the form or its concept (most forms)
            segs = _uniq([*labelled, *named])
            segs = [s for s in segs if s.cells and s.table.index in ids]
            if unit is not None:
                segs = [s for s in segs if self._of_unit(unit, s.row, s.table)]
            if specific is not None:
                segs = [s for s in segs if self.of_concept(specific, s.cells[0])]
            if segs:
                rows = {(s.table.index, s.row.index) for s in segs}
                return ("label", "label:" + form, [c for s in segs for c in s.cells], [s.cells[0] for s in segs],
                        len(rows) > len({t for t, _ in rows}))
        if unit is not None:
            segs = self._unit_item_segments(unit, forms, ids)
            if segs:
                return ("label", "label:" + segs[0].key, [c for s in segs for c in s.cells], [s.cells[0] for s in segs],
                        len({(s.table.index, s.row.index) for s in segs}) > len({s.table.index for s in segs}))
        table_ids = tuple(t.index for t in tables)
        # else year_row_cells finds nothing, whatever the form (once per scope, year and unit)
        year_rows = self._memo("has_year_rows", (table_ids, year, unit), lambda: self.has_year_rows(ids, year, unit))
        for form in forms:
            cells = self._column_cells(form, table_ids) or (
                self.year_row_cells(lambda keys, f=form: self._item_header(f, keys), ids, year, None, unit)
                if year_rows else [])
            if not cells:
                continue  # (most forms name no column: nothing to narrow)
            if unit is not None:
                cells = [c for c in cells if self._of_unit(unit, c.row, c.table)]
            if specific is not None:
                cells = [c for c in cells if self.of_concept(specific, c)]
            if cells:
                cells = self._of_year(cells, year)
                # One cell is the item's figure; its share's whole is the total column of its row
                # (share_wholes), so a confident link never leaves a share unjudged.
                one = len({(c.table.index, c.row.index, c.col) for c in cells}) == 1
                return "column", "column:" + form, cells, cells, not one
        return None

    def _unit_item_segments(self, unit: str, forms: list[str], ids: set[int]) -> list:
        """The unit's rows an item names with the particle 的 left out or added ("对个人和家庭补助
        支出" for the row "对个人和家庭的补助"): inside one unit's block the item is that row."""
        def build():
            out: dict[str, list] = {}
            rows = {id(r) for rs in self._unit_rows()[unit].values() for r in rs}
            for seg in self.index.segments:
                if seg.cells and id(seg.row) in rows:
                    out.setdefault(patterns.LINK_PARTICLE.sub("", seg.key), []).append(seg)
            return out
        index = self._memo("unit_items", unit, build)
        for form in forms:
            segs = [s for s in index.get(patterns.LINK_PARTICLE.sub("", form), ()) if s.table.index in ids]
            if segs:
                return segs
        return []

    def _of_year(self, cells: list[CellRef], year: str | None) -> list[CellRef]:
        """The cells under a header naming the figure's year, when the columns come in year groups
        ("2025年预算数 | 2026年预算数"; a change group names no year); all cells otherwise."""
        own_year = str(self.document.meta.get("year") or "")
        year = year or own_year
        if not year:
            return cells
        def years(c: CellRef) -> set[str]:
            col = c.table.column(c.col)
            text = _norm("".join((col.path or (col.label,)) if col is not None else ()) or "")
            found = set(patterns.CLAIM_YEAR_NUMBER.findall(text))
            if own_year.isdigit():  # "当年 | 上年" groups: the document's year and the one before
                found |= {own_year for _ in patterns.LINK_THIS_YEAR_HEADER.findall(text)}
                found |= {str(int(own_year) - 1) for _ in patterns.LINK_LAST_YEAR_HEADER.findall(text)}
            return found
        grouped = [c for c in cells if years(c)]
        if not grouped:
            return cells
        own = [c for c in cells if year in years(c)]
        return own or cells

    def share_wholes(self, cells) -> tuple[CellRef, ...]:
        """The cells a share of a column item is of: on the item's row, the columns that total the
        item's header group ("小计" under "公务用车购置及运行维护费", "合计" over all) or that name
        the whole of the table's own concept ("“三公”经费财政拨款预算总额")."""
        out: list[CellRef] = []
        for c in cells:
            col = c.table.column(c.col)
            if col is None:
                continue
            path = [name_key(p) for p in (col.path or (col.label,)) if p]
            concepts = specific_vocabulary(self.extra_dirs)[0]
            concept = next((sc for sc in concepts if sc.role == self.index.role(c.table)), None)
            if concept is not None and any(sc is not concept and sc.pattern.search(k) for k in path for sc in concepts):
                concept = None  # "会议费" beside the 三公 items: no part of "“三公”经费合计"
            for cell in c.row.cells:
                other = c.table.column(cell.col)
                if cell.col == c.col or other is None or cell.value is None or cell.col in self.index.code_cols.get(
                        c.table.index, ()):
                    continue
                wp = [name_key(p) for p in (other.path or (other.label,)) if p]
                if not wp or len(wp) > len(path) or wp[:-1] != path[:len(wp) - 1] or wp == path[:len(wp)]:
                    continue
                if self.voc.column_total.fullmatch(wp[-1]) or (
                        concept is not None and concept.pattern.search(wp[-1]) and self.names_whole(concept, wp[-1])):
                    out.append(CellRef(c.table, c.row, cell.col, cell.value))
            out += self._part_of(c)
        return tuple(_uniq_cells(out))

    @staticmethod
    def _part_of(c: CellRef) -> list[CellRef]:
        """"其中：公务用车购置" printed as a column: the column before the 其中 run is its whole too
        (a share may be of either; more wholes only make the share rule surer before it reports)."""
        def part(i: int) -> bool:
            col = c.table.column(i)
            return col is not None and bool(patterns.LINK_PART_PREFIX.match(_norm(col.label or "")))
        if not part(c.col):
            return []
        i = c.col - 1
        while i >= 0 and part(i):
            i -= 1
        return [CellRef(c.table, c.row, cell.col, cell.value) for cell in c.row.cells
                if cell.col == i and cell.value is not None]

    def _non_performance(self, scoped: list[Table]) -> tuple[list[Table], set[int]]:
        tables = [t for t in (scoped or self.index.tables) if self.index.role(t) != "performance"]
        return tables, {t.index for t in tables}

    def _column_cells(self, form: str, table_ids: tuple[int, ...]) -> list[CellRef]:
        if self._item_columns is None:
            self._item_columns = ItemColumns(self)
        if not self._item_columns.names(self, form, self._canonical(form), table_ids):
            return []  # no header of the tables names the form (ItemColumns.cells: none)
        return list(self._memo("column_cells", (form, table_ids), lambda: self._find_column_cells(form, table_ids)))

    def _classification_row(self, code: str | None, label: str) -> bool:
        """A row of a function or economic classification item: a code of the classification on
        a row the lexicon can name.  A unit's code ("106_长沙市公安局", "242001", "201 中共西安市委
        宣传部" — 201 is also a 类 code) is none: its row is one unit's figures of the column items."""
        if not code:
            return False
        if self.lexicon is None:
            return True
        known = code in self.lexicon.function_items or code in self.lexicon.economic_items
        return known and self._canonical(label) is not None

    def _find_column_cells(self, form: str, table_ids: tuple[int, ...]) -> list[CellRef]:
        """The total-row cells of the columns headed by the item ("公务接待费"; the 小计 column
        under "公务用车购置及运行维护费"): looked up in the document's column headers (item_columns)."""
        if self._item_columns is None:
            self._item_columns = ItemColumns(self)
        return self._item_columns.cells(self, form, self._canonical(form), table_ids)

    def _item_header(self, form: str, keys: list[str]) -> int | None:
        """The deepest level of a column's header path that names the item ("公务接待费"; "公务用车
        运行维护费" under "公务用车购置及运行维护费"), or None."""
        bare = form.removesuffix("支出")
        canon = self._canonical(form)
        hit = [i for i, k in enumerate(keys)
               if k.removesuffix("支出") in (bare, bare + "用") or canon and self._canonical(k) == canon]
        return hit[-1] if hit else None


# A unit's name without its city ("市建筑工务署本级" for "深圳市建筑工务署本级"): at least this long
_SHORT_NAME_MIN = 4


def _without_short_name(text: str, names: list[str]) -> str:
    """``text`` without a leading shortened form of one of the names: the narrative drops the
    city before a unit's name ("市建筑工务署本级预算" in the section of "深圳市建筑工务署（本级）")."""
    for name in names:
        for k in range(len(name) - 1, _SHORT_NAME_MIN - 1, -1):
            if text.startswith(name[-k:]):
                return text[k:]
    return text
