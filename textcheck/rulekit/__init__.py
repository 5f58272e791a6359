"""The rule kit: what rules share, so no rule imports another rule.

  arithmetic  interval sums, stated amounts against cells, unit and magnitude slips
  changes     the figures of a change statement (TC301–TC304)
  evidence    ``related`` entries: cells, computed figures, performance-table cells
  lastdigit   severity of a percentage one unit off in its last digit (TC301, TC401, TC905)
  sums        ``SumRule`` and the row-sum check of the table-arithmetic rules (TC101–TC106)
  wording     how messages name numbers, cells, rows, lists and sum relations

Rules read the model (``ctx.tables``, ``ctx.links`` …) and word findings with this kit;
the kit never parses text either.
"""
