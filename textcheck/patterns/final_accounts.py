"""部门决算 facts (textcheck.final_accounts; TC905, TC906)."""
from __future__ import annotations

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same

# "年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 X%" (also "…决算数为预算数的 X%") in one
# sentence; the gap between the two amounts may not cross a sentence, a "其中" or another %.
FA_EXECUTION_RATE = regex.compile(
    r"预算(?:数)?(?:为|是)?\s*(?P<a>\d[\d,]*(?:\.\d+)?)\s*(?P<ua>亿元|万元|千元|元)"
    r"(?:(?!其中|[。；;%％]).){0,40}?决算(?:数)?(?:为|是)?\s*(?P<b>\d[\d,]*(?:\.\d+)?)\s*(?P<ub>亿元|万元|千元|元)"
    r"\s*[，,]?\s*(?:完成|为|占|达到|决算数为)(?:年初)?预算(?:数)?的\s*(?P<x>\d+(?:\.\d+)?)\s*[%％]")

# A line-number column (行次 / 栏次): its cells number the rows, they are never amounts.
FA_LINE_NUMBER_HEAD = regex.compile(r"^(?:行次|栏次|行号)$")

# A cell holding words: the next label of a side-by-side table.
FA_LABEL_CELL = regex.compile(r"\p{Han}")

# Row labels (spaces removed) of the quantities of the carry-over identity.
FA_OPENING = regex.compile(r"^年初(?:财政拨款)?结转(?:和|与|及)?结余$")
FA_CLOSING = regex.compile(r"^年末(?:财政拨款)?结转(?:和|与|及)?结余$")
FA_INCOME_TOTAL = regex.compile(r"^本年收入(?:合计)?$")
FA_SPENDING_TOTAL = regex.compile(r"^本年支出(?:合计)?$")
FA_USE_OF_SURPLUS = regex.compile(r"^使用非财政拨款结余$")
FA_SURPLUS_ALLOCATION = regex.compile(r"^结余分配$")

# Column heads of the column form (政府性基金预算财政拨款收入支出决算表).
FA_INCOME_COLUMN = regex.compile(r"^本年收入(?:合计)?$")
FA_SPENDING_COLUMN = regex.compile(r"本年支出")
FA_SUBTOTAL = regex.compile(r"^(?:小计|合计)$")
