"""Cross-table quantities: cells whose subject, fund, measure, row and direction are known, so
the same quantity printed in two tables can be compared (TC105)."""
from __future__ import annotations

from textcheck.lexicon.columns import ColumnLexicon
from textcheck.table_model import TableAnalysis, new_quantity


def cross_table_quantities(ta: TableAnalysis, lex: ColumnLexicon) -> list[Quantity]:
    subject = ta.profile.get("subject")
    if not subject:
        return []
    out = []
    for block in ta.blocks:
        direction = block.direction or ta.profile.get("direction")
        if direction == "both":
            direction = None
        # only a column whose fund and measure are known holds quantities: found once per block
        known = [(col, ta.column_fund.get(col), ta.column_measure.get(col)) for col in block.columns]
        known = [(col, fund, measure) for col, fund, measure in known if fund and measure]
        if not known:
            continue
        in_parts = {i for p in block.part_sets for i in p.parts}
        # each known column's numbers (cell_number of each row, read once), name and direction
        # key on the total row and on a coded row (a column without one holds no quantity there)
        columns = []
        for col, fund, measure in known:
            # the budget balances: total income = total expenditure, whichever the direction
            total_dir = None if fund in lex.balanced_funds else direction
            columns.append((col, fund, measure, ta.column_numbers(col), ta.column_name(col),
                            fund in lex.balanced_funds or direction is not None, total_dir))
        for i, row in enumerate(ta.table.rows):
            if row.index == block.total_row:
                row_key: tuple = _TOTAL
                total = True
            elif direction is not None and row.index in block.codes and not block.groups \
                    and row.index not in in_parts:  # (a coded row needs a direction, below)
                row_key = ("code", block.codes[row.index])
                total = False
            else:
                continue
            label = block.labels.get(row.index, row.label)
            for col, fund, measure, numbers, name, on_total, total_dir in columns:
                if total:
                    if not on_total:
                        continue
                    key_dir = total_dir
                else:
                    key_dir = direction  # not None: a coded row is read only with a direction
                n = numbers[i]
                if n is None:
                    continue
                out.append(new_quantity((subject, fund, measure, row_key, key_dir), ta.table, row, col, label, name, n))
    return out


_TOTAL = ("total",)
