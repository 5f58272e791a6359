"""Table captions: "表 3", "公开05表", "五、…表" labels and titles, their ids and numbers, the
kind of table a title names, and the meta lines (编制部门, 单位, year, 续) around them."""
from __future__ import annotations

from textcheck import patterns
from textcheck.numbers import chinese_numeral_value, may_be_digit
from textcheck.readers.grid_cells import compact


class Caption:
    """A table caption being read: label, number, title and the meta lines around it."""

    __slots__ = ("id", "number", "title", "department", "unit", "location", "kind", "explicit_label")

    def __init__(self, id_: str | None, number: int | None, title: str, location, explicit_label: bool):
        self.id = id_
        self.number = number
        self.title = title
        self.department = None
        self.unit = None
        self.location = location
        self.kind = "standard"
        self.explicit_label = explicit_label


def label_number(m) -> int | None:
    n = m.group("n") or m.group("n2") or m.group("n3")
    if n is None:
        return None
    return int(n) if n.isdigit() else chinese_numeral_value(n)


def label_id(text: str, m) -> str:
    """"表3" → "表 3"; other labels as printed (spaces removed)."""
    if m.group("n") is not None:
        return f"表 {m.group('n')}"
    return compact(text)


def table_kind(title: str) -> str:
    return "performance" if "绩效目标" in title else "standard"


# What a meta line starts with: DEPARTMENT_LINE 编制部门 / 编制单位 / 部门名称 / 单位名称 / 填报单位 / 部门 /
# 单位, UNIT_ONLY_LINE 金额单位 / 单位, YEAR_LINE a bracket or the year's first digit, TABLE_CONTINUED a
# bracket or 续 (tests/test_reader_fast_paths.py holds each pattern to it).
_META_FIRST = "编部单填金（(续"


def is_meta_line(text: str) -> bool:
    """编制部门 / 单位 / (2024年) / (续): a line describing the table next to it."""
    t = text.strip()
    if not ("单位" in t or "部门" in t or "年" in t or "续" in t):
        return False  # a word each of the four patterns needs (most lines hold none)
    if t[0] not in _META_FIRST and not may_be_digit(t[0]):
        return False  # each pattern is matched at the start, where it needs one of these (prose: none)
    return bool(patterns.DEPARTMENT_LINE.match(t) or patterns.UNIT_ONLY_LINE.match(t)
                or patterns.YEAR_LINE.match(t) or patterns.TABLE_CONTINUED.match(t))


# The end of a department name wrapped below the 单位 line ("部门：中国共产党江苏省委员会办 / 单位：万元
# / 公厅"): a few Han characters, nothing else.
_MAX_NAME_WRAP = 6


def is_name_wrap(text: str) -> bool:
    """A line that can only be the wrapped end of a name printed above it (checked by the caller:
    a department line before it and the table's rows after it)."""
    t = text.strip()
    return 0 < len(t) <= _MAX_NAME_WRAP and bool(patterns.HAN_ONLY.fullmatch(t)) \
        and not patterns.TABLE_TITLE.match(t)
