"""The Lexicon: the classification, concepts, aliases and unit words of budget disclosures.

The lexicons hold general vocabulary of Chinese budget disclosures: the
government revenue/expenditure classification (支出功能分类 类/款/项 and 部门预算
支出经济分类 类/款 with their codes), income items, budget concepts with their
aliases and the table-column concept they correspond to, direction words,
comparison bases, units and measure words.  Nothing here is specific to one
document: project and unit names are read from each document's own tables.

``Lexicon`` *merges* extra folders into the shipped data (see
``textcheck.lexicon.files``).  Every lookup goes through ``normalize_term``.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from textcheck import patterns
from textcheck.lexicon.files import merged_tsv, merged_variants, merged_yaml
from textcheck.lexicon.terms import longest_first, normalize_term

# Lexicon files the Lexicon class reads (all in lexicons/, see lexicons/README.md).
FUNCTION_FILE = "function_classification.tsv"
ECONOMIC_FILE = "economic_classification.tsv"
GOVERNMENT_ECONOMIC_FILE = "government_economic_classification.tsv"
VARIANTS_FILE = "classification_variants.tsv"
INCOME_FILE = "income_items.yml"
CONCEPTS_FILE = "concepts.yml"
ALIASES_FILE = "aliases.yml"
DIRECTIONS_FILE = "direction_words.yml"
BASES_FILE = "bases.yml"
UNITS_FILE = "units.yml"
MEASURES_FILE = "measure_words.yml"

# Kinds returned by Lexicon.lookup, in the order lookup reports them.
KIND_CONCEPT = "concept"
KIND_INCOME = "income"
KIND_FUNCTION = "function"
KIND_ECONOMIC = "economic"


# A code's 类/款/项 prefix lengths, innermost first, by its length (7 and more: all three).
_PREFIX_LENGTHS = {0: (), 1: (), 2: (), 3: (3,), 4: (3,), 5: (5, 3), 6: (5, 3), 7: (7, 5, 3)}

# --------------------------------------------------------------------------- the lexicon


@dataclass
class Lexicon:
    """All lexicon data of one process (built once per extra_dirs, see load_lexicon).

    Attributes (names other stages code against):
      function_items   code → name, 支出功能分类 类/款/项 (3/5/7 digits)
      function_levels  code → 1/2/3
      function_names   name → codes (a name like 行政运行 repeats under many 款); former
                       and variant names (classification_variants.tsv) included
      function_variants code → former/variant names ("210" → [医疗卫生与计划生育支出, …])
      economic_items / economic_levels / economic_names: 部门预算支出经济分类 类/款
      government_economic_items  code → name, 政府预算支出经济分类 类 (501 机关工资福利支出 …)
      income_items     income item name → {"aliases": [...], "column": key|None, ...}
      concepts         canonical concept → {"aliases": [...], "column": key|None,
                       "kind": ..., "parts": [...], "economic": [codes], ...}
      aliases          normalised alias → canonical name (concepts, income items,
                       general synonyms)
      direction_words  {"increase": [...], "decrease": [...], "flat": [...]} longest first
      bases            comparison bases, longest first ("上年预算数", "上年预算", … "上年")
      base_kinds       base → "budget" / "final" / "previous"
      base_year_suffixes  words after "NNNN年" that make a year-specific base ("预算", "决算数" …)
      money_units      unit → factor to 元 ({"万元": 10000, …})
      percent_units    ("%", "％", "个百分点", "百分点")
      measure_words    measure word → category (people / things / times / duration …), longest first
      unit_names       every unit word → kind ("money", "percent", or the measure category)
      unit_symbols     lower-case Latin unit symbols written between Chinese words ("kg", "m2")
      general_classifiers  measure words that count anything countable ("个")
    """

    extra_dirs: tuple[str, ...] = ()
    function_items: dict[str, str] = field(default_factory=dict)
    function_levels: dict[str, int] = field(default_factory=dict)
    function_names: dict[str, list[str]] = field(default_factory=dict)
    economic_items: dict[str, str] = field(default_factory=dict)
    economic_levels: dict[str, int] = field(default_factory=dict)
    economic_names: dict[str, list[str]] = field(default_factory=dict)
    government_economic_items: dict[str, str] = field(default_factory=dict)
    function_variants: dict[str, list[str]] = field(default_factory=dict)
    economic_variants: dict[str, list[str]] = field(default_factory=dict)
    income_items: dict[str, dict] = field(default_factory=dict)
    concepts: dict[str, dict] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    direction_words: dict[str, list[str]] = field(default_factory=dict)
    bases: list[str] = field(default_factory=list)
    base_kinds: dict[str, str] = field(default_factory=dict)
    base_year_suffixes: list[str] = field(default_factory=list)
    money_units: dict[str, int] = field(default_factory=dict)
    percent_units: list[str] = field(default_factory=list)
    measure_words: dict[str, str] = field(default_factory=dict)
    unit_names: dict[str, str] = field(default_factory=dict)
    unit_symbols: frozenset[str] = frozenset()
    general_classifiers: frozenset[str] = frozenset()
    # normalised name → list of (kind, code_or_concept); built by _index()
    _index_map: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)
    _direction_of: dict[str, str] = field(default_factory=dict, repr=False)
    # (kind, code) → normalised current/former/variant names, filled on first use: the
    # names depend on the lexicon only, so a long-lived process normalises each once
    _name_keys: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _codes_named: dict[str, frozenset[str]] | None = field(default=None, repr=False, compare=False)
    # (the _index_map it was made from, normalised name → its 功能分类 codes), on first use
    _function_index: tuple | None = field(default=None, repr=False, compare=False)

    # ---- building

    @classmethod
    def load(cls, extra_dirs=()) -> "Lexicon":
        extra = tuple(str(d) for d in extra_dirs)
        lex = cls(extra_dirs=extra)
        lex._load_classification(extra)
        lex._load_concepts(extra)
        lex._load_words(extra)
        lex._index()
        return lex

    def _load_classification(self, extra):
        variants = merged_variants(VARIANTS_FILE, extra)
        for attr, fname in (("function", FUNCTION_FILE), ("economic", ECONOMIC_FILE)):
            items, levels, names = {}, {}, {}
            for code, (name, level) in sorted(merged_tsv(fname, extra).items()):
                items[code] = name
                levels[code] = level
                names.setdefault(name, []).append(code)
            for code, alts in sorted(variants[attr].items()):
                for alt in alts:
                    if code not in names.setdefault(alt, []):
                        names[alt].append(code)
            setattr(self, f"{attr}_items", items)
            setattr(self, f"{attr}_levels", levels)
            setattr(self, f"{attr}_names", names)
            setattr(self, f"{attr}_variants", variants[attr])
        self.government_economic_items = {code: name for code, (name, _) in
                                          sorted(merged_tsv(GOVERNMENT_ECONOMIC_FILE, extra).items())}

    def _load_concepts(self, extra):
        self.income_items = {k: _entry(v) for k, v in merged_yaml(INCOME_FILE, extra).items()}
        self.concepts = {k: _entry(v) for k, v in merged_yaml(CONCEPTS_FILE, extra).items()}
        aliases: dict[str, str] = {}
        # concepts first, then income items, then the general synonym list: a later
        # source never steals an alias an earlier one already claimed.
        for table in (self.concepts, self.income_items):
            for canon, entry in table.items():
                for term in [canon, *entry["aliases"]]:
                    aliases.setdefault(normalize_term(term), canon)
        for canon, alts in (merged_yaml(ALIASES_FILE, extra).get("aliases") or {}).items():
            for term in [canon, *(alts or [])]:
                aliases.setdefault(normalize_term(term), canon)
        self.aliases = aliases

    def _load_words(self, extra):
        d = merged_yaml(DIRECTIONS_FILE, extra)
        self.direction_words = {k: longest_first(v) for k, v in d.items()}
        self._direction_of = {w: k for k, ws in self.direction_words.items() for w in ws}

        b = merged_yaml(BASES_FILE, extra)
        self.base_kinds = dict(b.get("bases") or {})
        self.bases = longest_first(self.base_kinds)
        self.base_year_suffixes = longest_first(b.get("year_suffixes") or [])

        u = merged_yaml(UNITS_FILE, extra)
        self.money_units = {k: int(v) for k, v in (u.get("money") or {}).items()}
        self.percent_units = longest_first(u.get("percent") or [])
        self.unit_symbols = frozenset(u.get("latin_symbols") or ())
        self.general_classifiers = frozenset(u.get("general_classifiers") or ())

        m = merged_yaml(MEASURES_FILE, extra)
        words = {}
        for category, ws in m.items():
            for w in ws or []:
                words.setdefault(w, category)
        self.measure_words = {w: words[w] for w in longest_first(words)}

        names = {w: "money" for w in self.money_units}
        names.update({w: "percent" for w in self.percent_units})
        for w, cat in self.measure_words.items():
            names.setdefault(w, cat)
        for kind, ws in (u.get("other") or {}).items():
            for w in ws or []:
                names.setdefault(w, kind)
        self.unit_names = {w: names[w] for w in longest_first(names)}

    def _index(self):
        idx: dict[str, list[tuple[str, str]]] = {}

        def add(term, kind, key):
            hits = idx.setdefault(normalize_term(term), [])
            if (kind, key) not in hits:
                hits.append((kind, key))

        for canon, entry in self.concepts.items():
            for term in [canon, *entry["aliases"]]:
                add(term, KIND_CONCEPT, canon)
        for canon, entry in self.income_items.items():
            for term in [canon, *entry["aliases"]]:
                add(term, KIND_INCOME, canon)
        for name, codes in self.function_names.items():
            for code in codes:
                add(name, KIND_FUNCTION, code)
        for name, codes in self.economic_names.items():
            for code in codes:
                add(name, KIND_ECONOMIC, code)
        self._index_map = idx

    # ---- queries

    def canonical(self, term: str) -> str | None:
        """Canonical name of a term: the concept/income item an alias stands for, or the
        classification item name itself; None for unknown terms."""
        key = normalize_term(term)
        if key in self.aliases:
            return self.aliases[key]
        hits = self._index_map.get(key)
        if hits:
            kind, ref = hits[0]
            # a former item (classification_variants.tsv, e.g. 2080504 before 2021) may have
            # no current name: the variant's own key is its canonical name then
            return self.function_items.get(ref, key) if kind == KIND_FUNCTION else (
                self.economic_items.get(ref, key) if kind == KIND_ECONOMIC else ref)
        return None

    def lookup(self, term: str) -> list[tuple[str, str]]:
        """Every reading of a term: [(kind, code_or_concept), …] with kind in
        concept / income / function / economic.  Aliases resolve to their canonical
        name first; classification codes (``"2060101"``) resolve to their item."""
        key = normalize_term(term)
        out = list(self._index_map.get(key, ()))
        canon = self.aliases.get(key)
        if canon is not None:
            for hit in self._index_map.get(normalize_term(canon), ()):
                if hit not in out:
                    out.append(hit)
        if key.isdigit():
            if key in self.function_items:
                out.append((KIND_FUNCTION, key))
            if key in self.economic_items:
                out.append((KIND_ECONOMIC, key))
        return out

    def function_name(self, code: str) -> str | None:
        return self.function_items.get(code)

    def is_function_name(self, code: str, name: str) -> bool:
        """Whether ``name`` is the current, a former or a variant name of 功能分类 ``code``."""
        return normalize_term(name) in self._names_of(KIND_FUNCTION, code)

    def is_economic_name(self, code: str, name: str) -> bool:
        return normalize_term(name) in self._names_of(KIND_ECONOMIC, code)

    def _names_of(self, kind: str, code: str) -> frozenset[str]:
        """Normalised current, former and variant names of ``code`` (the current one "" when unknown)."""
        keys = self._name_keys.get((kind, code))
        if keys is None:
            items, variants = ((self.function_items, self.function_variants) if kind == KIND_FUNCTION
                               else (self.economic_items, self.economic_variants))
            keys = frozenset(normalize_term(n) for n in [items.get(code, ""), *variants.get(code, ())])
            self._name_keys[(kind, code)] = keys
        return keys

    def economic_name(self, code: str) -> str | None:
        return self.economic_items.get(code)

    def function_path(self, code: str) -> list[str]:
        """Names from 类 down to the code: "2060101" → [科学技术支出, 科学技术管理事务, 行政运行]."""
        prefixes = [code[:n] for n in (3, 5, 7) if n <= len(code)]
        return [self.function_items[c] for c in prefixes if c in self.function_items]

    def function_codes_for_path(self, names) -> list[str]:
        """Codes whose trailing 类/款/项 names are ``names`` (outermost first; current,
        former or variant names; "（类）/（款）/（项）" marks ignored):
        ["科学技术支出", "科学技术管理事务", "行政运行"] → ["2060101"]."""
        names = [patterns.LEXICON_LEVEL_MARK.sub("", normalize_term(n)) for n in names]
        if not names or not all(names):
            return []
        keys = [normalize_term(n) for n in names]  # what is_function_name compares, once per name
        # k in _names_of(function, c) ⇔ c in named[k], for a key that is not "" (the name of an
        # unknown code): one set lookup per level instead of a name set per code ("行政运行"
        # is the leaf of some hundred codes; tests/test_term_key_fast_paths.py holds it to the
        # code-by-code test, _codes_for_path)
        if not all(keys):
            return self._codes_for_path(names, keys)
        named = self._function_codes_named()
        # the codes each level's name may be, innermost first
        inward = [named.get(k) for k in reversed(keys)]
        if not all(inward):
            # a level whose name names no code: every code reaching that level fails it, and a
            # code too short to reach it is skipped (the claims ask for "科学技术支出支出" too)
            return []
        depth = len(names)
        outer = inward[-1]
        out = []
        for code in self._function_codes_of().get(keys[-1], ()):  # function_codes(names[-1])
            lengths = _PREFIX_LENGTHS[min(len(code), 7)]  # of the code's 类/款/项 prefixes, innermost first
            # the outermost level first: of the hundred codes of a leaf ("行政运行") it keeps few
            if len(lengths) < depth or code[:lengths[depth - 1]] not in outer:
                continue
            for n, codes in zip(lengths, inward):
                if code[:n] not in codes:
                    break
            else:
                out.append(code)
        return out

    def _codes_for_path(self, names: list[str], keys: list[str]) -> list[str]:
        """``function_codes_for_path``'s test, code by code against ``_names_of``."""
        out = []
        for code in self.function_codes(names[-1]):
            prefixes = [code[:n] for n in (3, 5, 7) if n <= len(code)]
            if len(prefixes) >= len(names) and all(
                    k in self._names_of(KIND_FUNCTION, c) for c, k in zip(prefixes[-len(names):], keys)):
                out.append(code)
        return out

    def _function_codes_named(self) -> dict[str, frozenset[str]]:
        """Normalised 功能分类 name (current, former or variant) → the codes it names, once per
        lexicon: the inverse of ``_names_of`` over every code the lexicon names ("" left out)."""
        named = self._codes_named
        if named is None:
            acc: dict[str, set[str]] = {}
            for code in {*self.function_items, *self.function_variants}:
                for key in self._names_of(KIND_FUNCTION, code):
                    if key:
                        acc.setdefault(key, set()).add(code)
            named = self._codes_named = {k: frozenset(v) for k, v in acc.items()}
        return named

    def function_codes(self, name: str) -> list[str]:
        """Codes of a 功能分类 name (normalised comparison); [] when unknown."""
        return list(self._function_codes_of().get(normalize_term(name), ()))

    def _function_codes_of(self) -> dict[str, tuple[str, ...]]:
        """Normalised name → its 功能分类 codes in ``_index_map``'s order, once per lexicon (and
        again if ``_index_map`` is replaced): ``function_codes`` picked them out of a leaf's
        hundred readings ("行政运行") on every call (tests/test_term_key_fast_paths.py)."""
        made = self._function_index
        if made is None or made[0] is not self._index_map:
            src = self._index_map
            codes = {k: tuple(ref for kind, ref in hits if kind == KIND_FUNCTION) for k, hits in src.items()}
            made = self._function_index = (src, {k: v for k, v in codes.items() if v})
        return made[1]

    def economic_codes(self, name: str) -> list[str]:
        return [ref for kind, ref in self._index_map.get(normalize_term(name), ())
                if kind == KIND_ECONOMIC]

    def concept_column(self, term: str) -> str | None:
        """Table-column concept key (total, basic, project, …) a term corresponds to."""
        canon = self.canonical(term)
        entry = self.concepts.get(canon) or self.income_items.get(canon)
        return entry.get("column") if entry else None

    def direction_of(self, word: str) -> str | None:
        """increase / decrease / flat for a direction word; None if it is not one."""
        return self._direction_of.get(word)

    def measure_category(self, word: str) -> str | None:
        return self.measure_words.get(word)

    def jieba_words(self) -> list[str]:
        """Every term for ``jieba.add_word`` (item names, concepts, aliases, bases, units,
        measure words), as written (jieba sees the document's own characters)."""
        words: set[str] = set(self.function_names) | set(self.economic_names)
        for table in (self.concepts, self.income_items):
            for canon, entry in table.items():
                words.add(canon)
                words.update(entry["aliases"])
        words.update(self.aliases.values())
        words.update(self.bases)
        words.update(self.money_units)
        words.update(w for w in self.unit_names if len(w) > 1)
        words.update(w for ws in self.direction_words.values() for w in ws if len(w) > 1)
        return sorted(w for w in words if w and len(w) > 1)


def _entry(v) -> dict:
    """A concept/income entry in its full shape (aliases always a list)."""
    e = dict(v or {})
    e["aliases"] = list(e.get("aliases") or [])
    e.setdefault("column", None)
    return e



@functools.lru_cache(maxsize=None)
def _cached(extra_dirs: tuple[str, ...]) -> Lexicon:
    return Lexicon.load(extra_dirs)


def load_lexicon(extra_dirs=()) -> Lexicon:
    """The process-wide Lexicon for these extra folders (built once per tuple)."""
    return _cached(tuple(str(d) for d in (extra_dirs or ())))
