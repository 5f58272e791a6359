"""lexicons/indicator_polarity.yml compiled once: which performance indicators are better
higher or lower, which units are durations, money or percentages (read by the
绩效目标表 rules through ``textcheck.performance``)."""
from __future__ import annotations

from dataclasses import dataclass, field

from textcheck.lexicon.files import load_yaml

POLARITY_FILE = "indicator_polarity.yml"


@dataclass(frozen=True)
class Polarity:
    higher: tuple[str, ...]
    lower: tuple[str, ...]
    higher_allowed: tuple[str, ...]
    lower_allowed: tuple[str, ...]
    durations: tuple[str, ...] = ()
    money: tuple[str, ...] = ()
    percent: tuple[str, ...] = ()
    count_suffixes: tuple[str, ...] = ()
    generic_words: frozenset = field(default_factory=frozenset)

    def direction(self, name: str) -> tuple[str, str] | None:
        """("higher"|"lower", keyword) decided by the longest keyword in ``name``."""
        best = None
        for d, words in (("higher", self.higher), ("lower", self.lower)):
            for w in words:
                if w in name and (best is None or len(w) > len(best[1])):
                    best = (d, w)
        return best


_POLARITY: dict[tuple, Polarity] = {}


def polarity(lexicon=None) -> Polarity:
    """The indicator-polarity lexicon (lexicons/indicator_polarity.yml), loaded once."""
    extra = lexicon.extra_dirs if lexicon is not None else ()
    if extra not in _POLARITY:
        d = load_yaml(POLARITY_FILE, extra) or {}
        dims = d.get("unit_dimensions") or {}
        _POLARITY[extra] = Polarity(
            higher=tuple(d["higher_is_better"]["keywords"]), lower=tuple(d["lower_is_better"]["keywords"]),
            higher_allowed=tuple(d["higher_is_better"]["allowed"]),
            lower_allowed=tuple(d["lower_is_better"]["allowed"]),
            durations=tuple(dims.get("duration") or ()), money=tuple(dims.get("money") or ()),
            percent=tuple(dims.get("percent") or ()),
            count_suffixes=tuple(d.get("count_name_suffixes") or ()),
            generic_words=frozenset(d.get("generic_subject_words") or ()),
        )
    return _POLARITY[extra]
