"""Cross-table quantities: cells whose subject, fund, measure, row and direction are known, so
the same quantity printed in two tables can be compared (TC105)."""
from __future__ import annotations

from textcheck.arithmetic import cell_number
from textcheck.lexicon.columns import ColumnLexicon
from textcheck.table_model import BlockAnalysis, Quantity, TableAnalysis


def cross_table_quantities(ta: TableAnalysis, lex: ColumnLexicon) -> list[Quantity]:
    subject = ta.profile.get("subject")
    if not subject:
        return []
    out = []
    for block in ta.blocks:
        direction = block.direction or ta.profile.get("direction")
        if direction == "both":
            direction = None
        for row in ta.table.rows:
            if row.index == block.total_row:
                row_key: tuple = ("total",)
            elif row.index in block.codes and not block.groups and not _in_parts(block, row.index):
                row_key = ("code", block.codes[row.index])
            else:
                continue
            for col in block.columns:
                fund, measure = ta.column_fund.get(col), ta.column_measure.get(col)
                n = cell_number(row, col)
                if not fund or not measure or n is None:
                    continue
                if row_key == ("total",) and fund in lex.balanced_funds:
                    key_dir = None  # the budget balances: total income = total expenditure
                elif direction is None:
                    continue
                else:
                    key_dir = direction
                key = (subject, fund, measure, row_key, key_dir)
                out.append(Quantity(key, ta.table, row, col, block.labels.get(row.index, row.label),
                                    ta.column_name(col), n))
    return out


def _in_parts(block: BlockAnalysis, index: int) -> bool:
    return any(index in p.parts for p in block.part_sets)
