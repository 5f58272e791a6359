"""Item columns: the total-row cells of the columns a table heads with an item ("公务接待费";
the 小计 column under "公务用车购置及运行维护费"), found through an index of each table's column
headers, built once per document and table (for the tables a claim's section asks about).

The looser item route asks for several forms of each claim's subject; looking each form up
in these indexes replaces a scan of every table's header paths per form and claim (name keys,
lexicon canonicals and the tables' total rows decided once per table, not once per claim)."""
from __future__ import annotations

from textcheck.claim import CellRef
from textcheck.document import ROW_TOTAL, Table
from textcheck.linking.vocab import name_key


class ItemColumns:
    """Column headers of a document's tables by header key (a trailing 支出 dropped) and by
    lexicon canonical name, for ``ItemsMixin._find_column_cells``."""

    # The linker is passed to each call, never kept: a reference back to it would make a cycle
    # (the check pauses the cyclic collector, tests/test_pipeline_gc.py).
    def __init__(self, linker):
        self.tables = list(enumerate(linker.index.tables))
        # table position → None when no column of the table can be an item's figure, else
        # (its one grand total row's segments, per column: (index, path depth, ends in 合计/小计),
        #  stripped key → [(column position, level)], canonical → [(column position, level)])
        self._entries: dict[int, tuple | None] = {}
        self._scopes: dict[tuple[int, ...], tuple[dict, dict]] = {}  # _scope, by table ids

    def cells(self, linker, form: str, canon: str | None, table_ids: tuple[int, ...]) -> list[CellRef]:
        """The total-row cells of the columns whose deepest header level naming the item (its
        key as ``form``, with or without 支出 or 用, or its canonical ``canon``) is the column's
        own last level or stands over a 合计/小计 column — tables in ``table_ids`` only, in
        document and column order."""
        by_key, by_canon = self._scopes.get(table_ids) or self._scope(linker, table_ids)
        bare = form.removesuffix("支出")
        deepest: dict[tuple[int, int], int] = {}
        for hits in (by_key.get(bare, ()), by_key.get(bare + "用", ()), by_canon.get(canon, ()) if canon else ()):
            for pos, col_pos, level in hits:
                if deepest.get((pos, col_pos), -1) < level:
                    deepest[(pos, col_pos)] = level
        out: list[CellRef] = []
        for (pos, col_pos), level in sorted(deepest.items()):
            grand, cols = self._entries[pos][:2]
            col, depth, over_total = cols[col_pos]
            if level != depth - 1 and not over_total:
                continue  # a part column under the item's header, not the item's own figure
            out += [c for seg in grand for c in seg.cells if c.col == col]
        return out

    def names(self, linker, form: str, canon: str | None, table_ids: tuple[int, ...]) -> bool:
        """Whether a header level of the tables names the item (``cells`` finds nothing otherwise:
        most forms name no column)."""
        by_key, by_canon = self._scopes.get(table_ids) or self._scope(linker, table_ids)
        bare = form.removesuffix("支出")
        return bare in by_key or bare + "用" in by_key or bool(canon) and canon in by_canon

    def _scope(self, linker, table_ids: tuple[int, ...]) -> tuple[dict, dict]:
        """The headers of the tables in ``table_ids`` by key and by canonical: (table position,
        column position, level), once per set of tables (a section's scope)."""
        ids = set(table_ids)
        by_key: dict[str, list[tuple[int, int, int]]] = {}
        by_canon: dict[str, list[tuple[int, int, int]]] = {}
        for pos, t in self.tables:
            if t.index not in ids:
                continue
            entry = self._entries[pos] if pos in self._entries else self._entry(linker, pos, t)
            if entry is None:
                continue
            for own, merged in ((entry[2], by_key), (entry[3], by_canon)):
                for key, hits in own.items():
                    merged.setdefault(key, []).extend((pos, col_pos, level) for col_pos, level in hits)
        scope = self._scopes[table_ids] = (by_key, by_canon)
        return scope

    def _entry(self, linker, pos: int, t: Table):
        voc = linker.voc
        entry = self._entries[pos] = None
        totals = [seg for seg in linker._totals_of.get(t.index, ())
                  if seg.row.kind == ROW_TOTAL or not seg.key or voc.total_row.fullmatch(seg.key)]
        grand = [seg for seg in totals if seg.row.kind == ROW_TOTAL] or totals
        if len(grand) != 1 and not all(not seg.key for seg in grand):
            return entry  # which total row would be meant is not known (one row's year groups are all kept)
        if any(linker._classification_row(seg.code, seg.label) for seg in linker._segments_of.get(t.index, ())):
            # rows of classification items: a column is a measure of each item ("专项业务经费
            # 支出" of 对个人和家庭的补助), the narrative may mean any row's
            return entry
        cols: list[tuple] = []
        by_key: dict[str, list[tuple[int, int]]] = {}
        by_canon: dict[str, list[tuple[int, int]]] = {}
        for col in t.columns:
            keys = [name_key(p) for p in (col.path or (col.label,)) if p]
            for level, k in enumerate(keys):
                by_key.setdefault(k.removesuffix("支出"), []).append((len(cols), level))
                canon = linker._canonical(k)
                if canon:
                    by_canon.setdefault(canon, []).append((len(cols), level))
            cols.append((col.index, len(keys), bool(keys) and bool(voc.column_total.fullmatch(keys[-1]))))
        entry = self._entries[pos] = (grand, cols, by_key, by_canon)
        return entry
