"""The parsed 绩效目标表 as the rules read it: ``PerformanceTable`` (project, budget unit, labelled
amounts, goal texts) with its ``Indicator`` rows and ``Figure`` amounts, and evidence pointing
at one of its cells."""
from __future__ import annotations

from dataclasses import dataclass, field

from textcheck import patterns
from textcheck.document import LocatedText, Location, Table, slot_twin
from textcheck.lexicon import normalize_term
from textcheck.numbers import Number
from textcheck.performance_plans import PlanMention, plan_mentions
from textcheck.performance_targets import Target

@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator row (after merging rows a conversion split)."""

    level1: str
    level2: str
    name: LocatedText
    target: Target
    basis: LocatedText | None = None
    previous: Target | None = None
    weight: Number | None = None
    unit_column: str | None = None  # the row's own unit column (度量单位 / 计量单位), when the table has one
    line: int = 0  # source line of the row's first line
    lines: tuple[int, ...] = ()  # every source line the row spans
    shifted: bool = False  # the row stood one column right of the header
    # ``clean_name``, found on first use (TC602 asks it of every indicator for every plan mention)
    _clean_name: str | None = field(default=None, init=False, repr=False, compare=False)

    # One per indicator row: slot setters instead of the generated frozen __init__ (object.__setattr__
    # by name), as document.LocatedText.
    def __init__(self, level1: str, level2: str, name: LocatedText, target: Target,
                 basis: LocatedText | None = None, previous: Target | None = None, weight: Number | None = None,
                 unit_column: str | None = None, line: int = 0, lines: tuple[int, ...] = (),
                 shifted: bool = False) -> None:
        _set_level1(self, level1)
        _set_level2(self, level2)
        _set_name(self, name)
        _set_target(self, target)
        _set_basis(self, basis)
        _set_previous(self, previous)
        _set_weight(self, weight)
        _set_unit_column(self, unit_column)
        _set_line(self, line)
        _set_lines(self, lines)
        _set_shifted(self, shifted)
        _set_clean_name(self, None)

    def __reduce__(self):
        return Indicator, (self.level1, self.level2, self.name, self.target, self.basis, self.previous,
                           self.weight, self.unit_column, self.line, self.lines, self.shifted)

    @property
    def clean_name(self) -> str:
        """Name without a trailing unit in parentheses: "群众满意度（%）" → "群众满意度"."""
        clean = self._clean_name
        if clean is None:
            clean = patterns.PERF_NAME_UNIT.sub("", self.name.text)
            _set_clean_name(self, clean)
        return clean

    @property
    def declared_unit(self) -> str | None:
        """The unit the indicator declares: in its name ("满意度（%）") or its unit column."""
        m = patterns.PERF_NAME_UNIT.search(self.name.text)
        if m:
            return m.group("unit").strip()
        return self.unit_column


(_set_level1, _set_level2, _set_name, _set_target, _set_basis, _set_previous, _set_weight, _set_unit_column,
 _set_line, _set_lines, _set_shifted, _set_clean_name) = (
    getattr(Indicator, name).__set__ for name in ("level1", "level2", "name", "target", "basis", "previous", "weight",
                                                  "unit_column", "line", "lines", "shifted", "_clean_name"))

_IndicatorSlots = slot_twin(Indicator)


def new_indicator(level1: str, level2: str, name: LocatedText, target: Target, basis: LocatedText | None,
                  previous: Target | None, weight: Number | None, unit_column: str | None, line: int,
                  lines: tuple[int, ...], shifted: bool) -> Indicator:
    """``Indicator(...)`` of every field, filled by plain slot stores rather than ``__init__``'s
    twelve descriptor calls (one per indicator row), as document.located: the result is an
    Indicator, equal to the one ``__init__`` builds (tests/test_performance_fast_paths.py)."""
    ind = _IndicatorSlots()
    ind.level1 = level1
    ind.level2 = level2
    ind.name = name
    ind.target = target
    ind.basis = basis
    ind.previous = previous
    ind.weight = weight
    ind.unit_column = unit_column
    ind.line = line
    ind.lines = lines
    ind.shifted = shifted
    ind._clean_name = None
    ind.__class__ = Indicator
    return ind


@dataclass(frozen=True)
class Figure:
    """A labelled amount of the table (年度预算总额 950.00), with where it stands."""

    label: str
    value: Number
    location: Location
    text: str


@dataclass(frozen=True)
class PerformanceTable:
    table: Table
    kind: str  # "project" (项目支出绩效目标表) or "department" (部门整体绩效目标表)
    project: LocatedText | None = None  # 项目名称
    unit: LocatedText | None = None  # 预算单位 / 部门名称
    total: Figure | None = None  # 年度预算总额
    fiscal: Figure | None = None  # 财政拨款
    other: Figure | None = None  # 其他资金
    funds: tuple[Figure, ...] = ()  # every labelled amount, in order
    overall_goal: LocatedText | None = None  # 项目总体目标
    annual_goal: LocatedText | None = None  # 年度绩效目标
    indicators: tuple[Indicator, ...] = ()
    # (id(goal), id(lexicon)) → (goal, lexicon, its plan mentions): see ``plan_mentions``
    _mentions: dict = field(default_factory=dict, compare=False, repr=False)

    def plan_mentions(self, goal: LocatedText, lexicon) -> list[PlanMention]:
        """``performance_plans.plan_mentions(goal, lexicon)`` of one of this table's goals, found
        once for every rule that reads them (TC602, TC603).  The list is shared: read, not changed."""
        key = (id(goal), id(lexicon))
        hit = self._mentions.get(key)
        if hit is None or hit[0] is not goal or hit[1] is not lexicon:  # both kept: ids not reused
            hit = self._mentions[key] = (goal, lexicon, plan_mentions(goal, lexicon))
        return hit[2]

    @property
    def goals(self) -> tuple[LocatedText, ...]:
        return tuple(g for g in (self.overall_goal, self.annual_goal) if g is not None)

    @property
    def name(self) -> str:
        if self.project is not None:
            return f"“{self.project.text}”{self.table.title or '绩效目标表'}"
        return self.table.title or "绩效目标表"


def indicator_key(ind: Indicator) -> str:
    """An indicator's name for matching the same indicator across tables: normalised, without
    its bracketed unit, quotes and spaces."""
    return normalize_term(ind.clean_name)


def is_performance_table(table: Table) -> bool:
    return table.kind == "performance" or "绩效目标表" in (table.title or "")


