"""The linking vocabulary (lexicons/linking.yml, columns.yml) and the comparison keys of names."""
from __future__ import annotations

import unicodedata
import weakref
from dataclasses import dataclass, field
from functools import lru_cache

from textcheck import patterns
from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same
from textcheck.lexicon import normalize_term
from textcheck.lexicon.terms import is_own_key
from textcheck.lexicon.linking_words import column_words, linking_words
from textcheck.linking.literals import required_any

# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Vocabulary:
    table_roles: tuple[tuple[regex.Pattern, str], ...]
    section_roles: tuple[tuple[regex.Pattern, tuple[str, ...], bool], ...]
    scope_skip: regex.Pattern
    concept_tables: dict
    concept_columns: dict
    fund_families: dict
    subject_suffixes: regex.Pattern
    generic_subjects: regex.Pattern
    performance_budget: regex.Pattern
    measures: tuple[tuple[regex.Pattern, str], ...]
    funds: tuple[tuple[regex.Pattern, str], ...]
    table_defaults: tuple[tuple[regex.Pattern, dict], ...]
    total_row: regex.Pattern
    code_headers: regex.Pattern
    non_amount: regex.Pattern
    carryover: regex.Pattern
    generic_whole: regex.Pattern
    flows: tuple = ()
    fund_tables: dict = field(default_factory=dict)
    fund_tables_totals: dict = field(default_factory=dict)
    item_prefix: regex.Pattern = patterns.LINK_EMPTY_WORDS
    column_total: regex.Pattern = patterns.LINK_EMPTY_WORDS
    # text → measure / fund concept: the same labels and subjects recur in every claim and
    # document, so each pattern list is scanned once per distinct text.
    _measure_of: dict = field(default_factory=dict, compare=False, repr=False)
    _fund_of: dict = field(default_factory=dict, compare=False, repr=False)

    def measure(self, text: str) -> str | None:
        """``_first(self.measures, text)``, cached."""
        return _cached_first(self._measure_of, self.measures, text)

    def fund(self, text: str) -> str | None:
        """``_first(self.funds, text)``, cached."""
        return _cached_first(self._fund_of, self.funds, text)


# Per-text caches stop growing here (a long-running service sees many documents).
_CACHE_LIMIT = 50_000


def _cached_first(cache: dict, pairs, text: str):
    try:
        return cache[text]
    except KeyError:
        pass
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    value = cache[text] = _first(pairs, text)
    return value


def _optional(source: str | None) -> regex.Pattern:
    """An optional word list of the linking lexicon, compiled; left out, it matches only ""."""
    return regex.compile(source) if source else patterns.LINK_EMPTY_WORDS


@lru_cache(maxsize=8)
def vocabulary(extra_dirs: tuple[str, ...] = ()) -> _Vocabulary:
    """The linking and column vocabularies (lexicons/linking.yml, lexicons/columns.yml), once."""
    link = linking_words(extra_dirs)
    cols = column_words(extra_dirs)
    return _Vocabulary(
        table_roles=tuple((regex.compile(e["pattern"]), e["role"]) for e in link["table_roles"]),
        section_roles=tuple((regex.compile(e["pattern"]), tuple(e["roles"]), bool(e.get("generic")))
                            for e in link["section_roles"]),
        scope_skip=regex.compile(link["scope_skip"]),
        concept_tables=dict(link["concept_tables"]),
        concept_columns=dict(link["concept_columns"]),
        fund_families={k: tuple(v) for k, v in link["fund_families"].items()},
        subject_suffixes=regex.compile(link["subject_suffixes"]),
        generic_subjects=regex.compile(link["generic_subjects"]),
        performance_budget=regex.compile(link["performance_budget_label"]),
        measures=tuple((regex.compile(e["pattern"]), e["concept"]) for e in cols["measures"]),
        funds=tuple((regex.compile(e["pattern"]), e["concept"]) for e in cols["funds"]),
        table_defaults=tuple((regex.compile(e["pattern"]), e) for e in cols["tables"]),
        total_row=regex.compile(cols["rows"]["total"]),
        code_headers=regex.compile(cols["code_headers"]),
        non_amount=_optional(link.get("non_amount_columns")),
        carryover=_optional(link.get("carryover_words")),
        generic_whole=_optional(link.get("generic_whole_words")),
        flows=tuple((k, regex.compile(v)) for k, v in (link.get("flow_words") or {}).items()),
        fund_tables=dict(link.get("fund_tables") or {}),
        fund_tables_totals=dict(link.get("fund_tables_in_totals_sections") or {}),
        item_prefix=_optional(link.get("item_prefixes")),
        column_total=_optional(link.get("column_total_words")),
    )


@dataclass(frozen=True)
class SpecificConcept:
    """A concept narrower than any fund or measure (机关运行经费, 政府采购, "三公"经费 …)."""

    name: str
    pattern: regex.Pattern
    role: str | None  # the table role whose grand total is the concept


@lru_cache(maxsize=8)
def specific_vocabulary(extra_dirs: tuple[str, ...] = ()) -> tuple[tuple[SpecificConcept, ...], regex.Pattern]:
    """``specific_concepts`` and ``specific_whole_words`` of lexicons/linking.yml, once."""
    link = linking_words(extra_dirs)
    concepts = tuple(SpecificConcept(e["name"], regex.compile(e["pattern"]), e.get("role"))
                     for e in link.get("specific_concepts") or ())
    return concepts, _optional(link.get("specific_whole_words"))


@lru_cache(maxsize=8)
def specific_chars(extra_dirs: tuple[str, ...] = ()) -> frozenset[str] | None:
    """Characters one of which every match of a ``specific_concepts`` pattern holds (a text
    holding none names no narrow concept: literals.required_any), once per lexicon."""
    return required_any(c.pattern for c in specific_vocabulary(extra_dirs)[0])


@lru_cache(maxsize=8)
def specific_roles(extra_dirs: tuple[str, ...] = ()) -> frozenset[str]:
    """The table roles whose grand total is a narrow concept ("三公"经费表 …), once per lexicon."""
    return frozenset(c.role for c in specific_vocabulary(extra_dirs)[0] if c.role)


def _first(pairs, text):
    for pat, value in pairs:
        if pat.search(text):
            return value
    return None


# --------------------------------------------------------------------------- names


@lru_cache(maxsize=16384)
def _norm(text: str) -> str:
    """``normalize_term``, cached: row labels, headings and subjects recur across rows and claims."""
    return normalize_term(text)


@lru_cache(maxsize=16384)
def name_key(text: str) -> str:
    """Comparison key of a row label / project name: normalised, no punctuation or numbering.

    "2024 年人才专项经费---红山科创专家服务团工作经费" and
    "2024年人才专项经费——红山科创专家服务团工作经费" have the same key.
    """
    if text.isalnum() and text[:1] not in _NUMBERING_STARTS and not text[:1].isdecimal() and \
            not text.startswith("其中") and unicodedata.is_normalized("NFKC", text):
        return text  # its own normalised form (normalize_term), and no step below changes it
    s = _norm(text or "")
    # Each pattern is tried only where it can match (the same key, ~1 µs less per distinct
    # label; tests/test_linking_fast_paths.py holds it to name_key_reference): the numbering
    # only after a decimal digit (\d), a bracket or a Chinese numeral first; "其中" only at the
    # start; punctuation, symbols and spaces never in a text of letters and digits alone
    # (isalnum: categories L*/N*, none of them P*, S* or white space).
    if s[:1] in _NUMBERING_STARTS or s[:1].isdecimal():
        s = patterns.LINK_LEADING_NUMBERING.sub("", s)
    if s.startswith("其中"):
        s = patterns.LINK_PART_PREFIX.sub("", s)
    if s[:1] in _NUMBERING_STARTS or s[:1].isdecimal():
        s = patterns.LINK_LEADING_NUMBERING.sub("", s)  # "其中：（1）公务用车购置费"
    return s if s.isalnum() else patterns.LINK_NAME_PUNCT.sub("", s)


def own_norm(text: str) -> bool:
    """``_norm(text) == text``, told without normalising most keys and forms (``is_own_key``:
    normalize_term returns such a text itself)."""
    return is_own_key(text) or _norm(text) == text


# The first characters of a LINK_LEADING_NUMBERING match other than a decimal digit.
_NUMBERING_STARTS = frozenset("(（一二三四五六七八九十")


def name_key_reference(text: str) -> str:
    """``name_key`` as the patterns define it, every one applied (what its shortcuts must equal)."""
    s = normalize_term(text or "")
    s = patterns.LINK_LEADING_NUMBERING.sub("", s)
    s = patterns.LINK_PART_PREFIX.sub("", s)
    s = patterns.LINK_LEADING_NUMBERING.sub("", s)
    return patterns.LINK_NAME_PUNCT.sub("", s)


@lru_cache(maxsize=16384)
def _year_free(key: str) -> str:
    """The key without a leading year ("2024年…"): matches a name written with or without it."""
    # (a year starts with a decimal digit, \d: most keys are left alone without the pattern)
    return patterns.LINK_YEAR_PREFIX.sub("", key) if key[:1].isdecimal() else key


def project_in_heading(heading: str) -> str | None:
    m = patterns.CLAIM_PROJECT_NAME.search(heading)
    if m is None:
        m = patterns.LINK_PROJECT_HEADING.search(heading)
    return m.group("name") if m else None



# --------------------------------------------------------------------------- lexicon columns


def suffix_column(form: str, table: dict[str, str], lookup, column=None):
    """The lexicon column of the longest suffix of ``form`` that has one (the last suffix's
    answer when none has): ``lookup(form[i:])`` from the longest suffix on.

    A form that is its own normalised key has suffixes that are theirs too whenever NFKC
    leaves them alone (no whitespace or mark to drop): those are looked up in ``table``
    (concept_columns_by_key) without normalising each suffix again."""
    fast = own_norm(form)
    for i in range(len(form)):
        s = form[i:]
        column = table.get(s) if fast and unicodedata.is_normalized("NFKC", s) else lookup(s)
        if column:
            break
    return column


_LEXICON_TABLES: dict[tuple[int, str], tuple] = {}  # (id(lexicon), what) → (weak reference, table)


def _lexicon_table(lexicon, what: str, answer) -> dict[str, str]:
    """Normalised term → ``answer(term)`` for every term of the lexicon whose answer is not None
    (a term the lexicon does not hold has none), once per lexicon object.  Its terms are the
    keys of its aliases and of its index: what ``Lexicon.canonical`` reads."""
    hit = _LEXICON_TABLES.get((id(lexicon), what))
    if hit is None or hit[0]() is not lexicon:
        table = {k: a for k in (*lexicon.aliases, *lexicon._index_map) if _norm(k) == k and (a := answer(k)) is not None}
        hit = _LEXICON_TABLES[(id(lexicon), what)] = (weakref.ref(lexicon), table)
    return hit[1]


def concept_columns_by_key(lexicon) -> dict[str, str]:
    """Normalised term → ``lexicon.concept_column(term)`` (see _lexicon_table)."""
    return _lexicon_table(lexicon, "concept_column", lexicon.concept_column)


def canonical_by_key(lexicon) -> dict[str, str]:
    """Normalised term → ``lexicon.canonical(term)`` (see _lexicon_table)."""
    return _lexicon_table(lexicon, "canonical", lexicon.canonical)
