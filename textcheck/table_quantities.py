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
        numbers = {col: ta.column_numbers(col) for col, _, _ in known}  # cell_number of each row, read once
        for i, row in enumerate(ta.table.rows):
            if row.index == block.total_row:
                row_key: tuple = ("total",)
            elif direction is not None and row.index in block.codes and not block.groups \
                    and row.index not in in_parts:  # (a coded row needs a direction, below)
                row_key = ("code", block.codes[row.index])
            else:
                continue
            for col, fund, measure in known:
                if row_key == ("total",) and fund in lex.balanced_funds:
                    key_dir = None  # the budget balances: total income = total expenditure
                elif direction is None:
                    continue
                else:
                    key_dir = direction
                n = numbers[col][i]
                if n is None:
                    continue
                key = (subject, fund, measure, row_key, key_dir)
                out.append(new_quantity(key, ta.table, row, col, block.labels.get(row.index, row.label),
                                        ta.column_name(col), n))
    return out
