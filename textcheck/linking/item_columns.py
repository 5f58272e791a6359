"""Item columns: the total-row cells of the columns a table heads with an item ("公务接待费";
the 小计 column under "公务用车购置及运行维护费"), found through an index of every column
header of the document, built once per document.

The looser item route asks for several forms of each claim's subject; looking each form up
in this index replaces a scan of every table's header paths per form and claim (name keys,
lexicon canonicals and the tables' total rows decided once per table, not once per claim)."""
from __future__ import annotations

from textcheck.claim import CellRef
from textcheck.document import ROW_TOTAL
from textcheck.linking.vocab import name_key


class ItemColumns:
    """Column headers of the tables whose columns may be items, by header key (a trailing 支出
    dropped) and by lexicon canonical name, for ``ItemsMixin._find_column_cells``."""

    def __init__(self, linker):
        voc = linker.voc
        # (table, its one grand total row's segments, per column: (index, path depth, ends in 合计/小计))
        self.tables: list[tuple] = []
        self.by_key: dict[str, list[tuple[int, int, int]]] = {}  # → (table pos, column pos, level)
        self.by_canon: dict[str, list[tuple[int, int, int]]] = {}
        for t in linker.index.tables:
            totals = [seg for seg in linker._totals_of.get(t.index, ())
                      if seg.row.kind == ROW_TOTAL or not seg.key or voc.total_row.fullmatch(seg.key)]
            grand = [seg for seg in totals if seg.row.kind == ROW_TOTAL] or totals
            if len(grand) != 1 and not all(not seg.key for seg in grand):
                continue  # which total row would be meant is not known (one row's year groups are all kept)
            if any(linker._classification_row(seg.code, seg.label) for seg in linker._segments_of.get(t.index, ())):
                # rows of classification items: a column is a measure of each item ("专项业务经费
                # 支出" of 对个人和家庭的补助), the narrative may mean any row's
                continue
            pos, cols = len(self.tables), []
            for col in t.columns:
                keys = [name_key(p) for p in (col.path or (col.label,)) if p]
                for level, k in enumerate(keys):
                    self.by_key.setdefault(k.removesuffix("支出"), []).append((pos, len(cols), level))
                    canon = linker._canonical(k)
                    if canon:
                        self.by_canon.setdefault(canon, []).append((pos, len(cols), level))
                cols.append((col.index, len(keys), bool(keys) and bool(voc.column_total.fullmatch(keys[-1]))))
            self.tables.append((t, grand, cols))

    def cells(self, form: str, canon: str | None, table_ids) -> list[CellRef]:
        """The total-row cells of the columns whose deepest header level naming the item (its
        key as ``form``, with or without 支出 or 用, or its canonical ``canon``) is the column's
        own last level or stands over a 合计/小计 column — tables in ``table_ids`` only, in
        document and column order."""
        bare = form.removesuffix("支出")
        deepest: dict[tuple[int, int], int] = {}
        for hits in (self.by_key.get(bare, ()), self.by_key.get(bare + "用", ()),
                     self.by_canon.get(canon, ()) if canon else ()):
            for pos, col_pos, level in hits:
                if deepest.get((pos, col_pos), -1) < level:
                    deepest[(pos, col_pos)] = level
        out: list[CellRef] = []
        for (pos, col_pos), level in sorted(deepest.items()):
            t, grand, cols = self.tables[pos]
            if t.index not in table_ids:
                continue
            col, depth, over_total = cols[col_pos]
            if level != depth - 1 and not over_total:
                continue  # a part column under the item's header, not the item's own figure
            out += [c for seg in grand for c in seg.cells if c.col == col]
        return out
