"""What kind of document it is, and which template family its tables follow.

Two facts computed once per document (cached on the Context as ``ctx.kind`` and
``ctx.family``), read by the rules that depend on a template:

* **document kind** — ``department-budget`` (部门/单位预算公开), ``final-account``
  (部门/单位决算公开), ``government-report`` (政府预算/决算报告, 预算执行情况的报告) or
  ``other``: decided from the document's own title lines, cue words in
  ``lexicons/document_kinds.yml``;
* **template family** — the set of standard tables a disclosure of one region,
  level and period publishes (``lexicons/template_families.yml``): recognised from
  the table titles the document itself prints (captions, and title lines of the body
  outside the 目录, so a caption the reader did not attach still counts), by the
  share of the family's tables found; ties go to a family whose region words occur in
  the document's first lines.  An unrecognised family is ``None``: then no "missing
  table" finding is possible.

Nothing here judges; TC901 reads :class:`FamilyMatch` and reports.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from textcheck import patterns
from textcheck.document import Document
from textcheck.numbers import chinese_numeral_value
from textcheck.lexicon.templates import kind_cues, template_families
from textcheck.lexicon.terms import nfkc

DEPARTMENT_BUDGET = "department-budget"
FINAL_ACCOUNT = "final-account"
GOVERNMENT_REPORT = "government-report"
OTHER = "other"
KINDS = (DEPARTMENT_BUDGET, FINAL_ACCOUNT, GOVERNMENT_REPORT, OTHER)

# How many leading non-empty lines hold a document's cover and title.
_HEAD_LINES = 40
# A body line this long is prose, not a table title.
_MAX_TITLE_LINE = 60


@lru_cache(maxsize=8192)
def title_key(s: str) -> str:
    """A table title for comparison: NFKC, no spaces, quotes, brackets, trailing
    bracketed qualifier ("（功能科目）", "（续）"), leading year or "一、" numbering."""
    s = nfkc(s or "")
    s = patterns.STRUCTURE_TRAILING_BRACKET.sub("", s.strip())
    prev = None
    while prev != s:
        prev = s
        s = patterns.STRUCTURE_TITLE_NOISE.sub("", s)
    return s


@lru_cache(maxsize=8192)
def bare_title(s: str) -> str:
    """``title_key`` without a table label ("预算01表", "公开05表", "表十一", "表 3") and
    without an organisation or year prefix cut off at the last "年"/"年度"."""
    k = title_key(s)
    rest = patterns.STRUCTURE_TABLE_LABEL_PREFIX.sub("", k)
    return title_key(rest) if rest != k else k


def subject_of(key: str) -> str:
    """What a table is about: its title key without the department prefix and the
    "…支出预算表" ending ("部门政府性基金预算支出预算表" → "政府性基金")."""
    core = patterns.STRUCTURE_TITLE_END.sub("", key)
    core = core.rsplit("部门", 1)[-1] if "部门" in core[:-2] else core
    return core if len(core) >= 4 else ""


def subject_forms(core: str) -> tuple[tuple[str, ...], ...]:
    """Ways a text can speak of a table's subject, each a tuple of words that must all be
    said to be nothing: the subject as titled; without its fund-source qualifier
    ("财政拨款政府性基金" → "政府性基金"); without a classification suffix
    ("一般公共预算支出功能分类" → "一般公共预算支出" → "一般公共预算"); its fund source alone
    (no 一般公共预算 spending at all explains every 一般公共预算 table); each part of a
    conjunction ("三公经费和机关运行经费" → "三公经费" and "机关运行经费")."""
    if not core:
        return ()
    forms: list[tuple[str, ...]] = []

    def add(*words: str) -> None:
        words = tuple(w for w in words if len(w) >= 2)
        if words and words not in forms:
            forms.append(words)

    core = patterns.STRUCTURE_SUBJECT_UNIT_PREFIX.sub("", core)
    unqualified = patterns.STRUCTURE_FUND_QUALIFIER.sub("", core)
    for c in dict.fromkeys((core, unqualified)):
        add(c)
        shorter = patterns.STRUCTURE_SUBJECT_SUFFIX.sub("", c)
        add(shorter)
        fund = patterns.STRUCTURE_FUND_SOURCE.match(c)
        if fund:
            add(fund.group(0))
        parts = patterns.STRUCTURE_SUBJECT_AND.split(c)
        if len(parts) > 1:
            add(*parts)
    return tuple(forms)


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class FamilyTable:
    key: str
    title: str
    keys: tuple[str, ...]  # title_key of the title and its alternatives
    required: bool = True


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    kind: str
    regions: tuple[str, ...]
    tables: tuple[FamilyTable, ...]
    years: tuple[int, ...] = ()


@dataclass(frozen=True)
class FamilyMatch:
    family: Family
    found: dict  # table key → the document title (or statement) that stands for it
    missing: tuple[FamilyTable, ...]  # required tables neither present nor stated empty
    share: float  # share of the family's tables found
    region: bool  # a region word of the family occurs in the document's first lines
    year: bool = False  # the document's year is one of the family's years

    @property
    def name(self) -> str:
        return self.family.name


def _extra(lexicon) -> tuple:
    return lexicon.extra_dirs if lexicon is not None else ()


_FAMILIES: dict[tuple, tuple] = {}


def families(lexicon=None) -> tuple[tuple[Family, ...], float]:
    """Every family of lexicons/required_tables.yml and the minimum share to recognise one."""
    extra = _extra(lexicon)
    if extra not in _FAMILIES:
        specs, min_fit = template_families(extra)
        out = []
        for f in specs:
            tables = tuple(FamilyTable(t.key, t.title, tuple(dict.fromkeys(title_key(x) for x in [t.title, *t.alternatives])),
                                       t.required)
                           for t in f.tables)
            out.append(Family(f.id, f.name, f.kind or DEPARTMENT_BUDGET, f.regions, tables, f.years))
        _FAMILIES[extra] = (tuple(out), min_fit)
    return _FAMILIES[extra]


# --------------------------------------------------------------------------- document facts


def head_text(document: Document) -> str:
    """The document's first non-empty lines (cover, title), spaces removed."""
    out = []
    for line in document.source_lines:
        s = "".join(line.split())
        if s:
            out.append(s)
            if len(out) >= _HEAD_LINES:
                break
    return "\n".join(out)


def toc_line_numbers(document: Document) -> set[int]:
    lines = set()
    for e in document.toc:
        lines.update(p[0] for p in e.positions)
    return lines


def title_candidates(document: Document, toc_lines=None) -> list[tuple[str, str]]:
    """(bare title key, title as printed) of every table title the document prints:
    captions of its tables, headings, and short body lines ending in "表" (a caption the
    reader did not attach to its table; a title wrapped after an open bracket is joined
    with its next line), outside the 目录 (``toc_lines``, default the reader's)."""
    toc = toc_line_numbers(document) if toc_lines is None else toc_lines
    out: list[tuple[str, str]] = []
    seen = set()

    def add(text: str) -> None:
        k = bare_title(text)
        if k and k not in seen:
            seen.add(k)
            out.append((k, text))

    for t in document.tables:
        if t.title:
            add(t.title)
    for h in document.headings:
        # h.text.location.line, without building a Location per heading
        if (h.text.positions[0][0] if h.text.positions else 0) not in toc:
            add(h.text.text)
    lines = document.source_lines
    for no, line in enumerate(lines, 1):
        if no in toc or "\t" in line or "表" not in line:
            continue  # both patterns below need a "表" of this line (a joined next line follows one)
        s = "".join(line.split())
        if patterns.STRUCTURE_OPEN_BRACKET.search(s):
            nxt = next((x for x in lines[no:no + 3] if x.strip()), "")
            if "\t" not in nxt:
                s += "".join(nxt.split())  # "…明细表（按支出功" + "能分类科目）"
        if 3 <= len(s) <= _MAX_TITLE_LINE and patterns.STRUCTURE_TITLE_LINE.search(s):
            add(s)
    return out


@dataclass(frozen=True)
class ListedTable:
    """A row of a list of the disclosure's tables printed as a table ("报表 | 报表名称 |
    是否空表 | 表格为空的理由"): the table's number, title and whether it is declared empty."""

    number: int | None
    title: str
    empty: bool
    reason: str
    cell: object  # the Cell holding the title (evidence)


def listed_tables(document: Document, cells: tuple | None = None) -> list[ListedTable]:
    """Every row of the document's table lists: a table with a 报表名称-like column whose
    rows start with a table label ("表9").  ``cells``: the ``table_cells`` facts of each table,
    when at hand (a head is looked for only in the leading rows holding a "名", as every word
    of STRUCTURE_LIST_TITLE_HEAD does)."""
    out = []
    facts = cells  # the loop below names each row's cells ``cells``
    for k, t in enumerate(document.tables):
        heads = facts[k].list_heads if facts is not None else range(4)
        if not heads:
            continue  # no leading row holds a "名": no head (most tables)
        # the list's head row: a header row, or one of the first rows when the reader took a
        # "目录" line above it for the header
        rows = [tuple(h) for h in t.header] + [r.cells for r in t.rows]
        head = next((i for i in heads if i < len(rows) and any(
            patterns.STRUCTURE_LIST_TITLE_HEAD.search(c.text.text) for c in rows[i])), None)
        if head is None:
            continue
        labels = [(c.col, "".join(c.text.text.split())) for c in rows[head]]
        name_col = next((i for i, lab in labels if patterns.STRUCTURE_LIST_TITLE_HEAD.search(lab)), None)
        empty_col = next((i for i, lab in labels if patterns.STRUCTURE_LIST_EMPTY_HEAD.search(lab)), None)
        reason_col = next((i for i, lab in labels if patterns.STRUCTURE_LIST_REASON_HEAD.search(lab)), None)
        for cells_row in rows[head + 1:]:
            cells = {c.col: c for c in cells_row}
            name = cells.get(name_col)
            if name is None or not patterns.STRUCTURE_TITLE_LINE.search(title_key(name.text.text)):
                continue
            first = "".join(cells_row[0].text.text.split()) if cells_row else ""
            label = patterns.STRUCTURE_TABLE_LABEL_PREFIX.fullmatch(first)
            number = None
            if label:
                digits = "".join(ch for ch in first if ch.isdigit())
                cn = "".join(ch for ch in first if ch in "一二三四五六七八九十")
                number = int(digits) if digits else (chinese_numeral_value(cn) if cn else None)
            flag = cells.get(empty_col).text.text.strip() if empty_col in cells else ""
            reason = cells.get(reason_col).text.text.strip() if reason_col in cells else ""
            out.append(ListedTable(number, name.text.text.strip(), bool(patterns.STRUCTURE_LIST_YES.match(flag)), reason, name))
    return out


def empty_statements(document: Document, listed: list[ListedTable] | None = None) -> list[str]:
    """Statements that a table is empty ("……为空表", a table's own note), as title keys
    (``listed``: the document's ``listed_tables``, when the caller has them)."""
    out = [title_key(p.text.text) for p in document.paragraphs if patterns.states_empty_table(p.text.text)]
    out += [title_key(t.empty_statement.text) for t in document.tables if t.empty_statement is not None]
    listed = listed_tables(document) if listed is None else listed
    out += [title_key(f"{x.title}为空表") for x in listed if x.empty]
    return out


def _best_table(title: str, keyed: tuple[dict[str, FamilyTable], tuple[int, ...]]) -> FamilyTable | None:
    """The family table a document title stands for: equal, or ending with one of its
    titles; the longest title wins (``keyed``: each title → its first table, and the titles'
    lengths, longest first; see _keyed).  The title's endings of those lengths are looked up,
    longest first, instead of comparing the title with every title of the family."""
    tables, lengths = keyed
    size = len(title)
    for n in lengths:
        if n <= size:
            entry = tables.get(title[-n:])
            if entry is not None:
                return entry
    return None


def _keyed(family: Family) -> tuple[dict[str, FamilyTable], tuple[int, ...]]:
    """Each non-empty title of the family's tables → the first table that has it, and the
    distinct lengths of those titles, longest first (built once per family: families live
    as long as their lexicon)."""
    hit = _KEYED.get(id(family))
    if hit is not None and hit[0] is family:
        return hit[1]
    keyed = _build_keyed(family)
    _KEYED[id(family)] = (family, keyed)  # the family is kept, so its id is never reused
    return keyed


_KEYED: dict[int, tuple[Family, tuple]] = {}


def _build_keyed(family: Family) -> tuple[dict[str, FamilyTable], tuple[int, ...]]:
    tables: dict[str, FamilyTable] = {}
    for entry in family.tables:
        for key in entry.keys:
            if key:
                tables.setdefault(key, entry)
    return tables, tuple(sorted({len(k) for k in tables}, reverse=True))


_STATEMENTS_SEPARATOR = "\x00"


def first_statement(keys: tuple[str, ...], statements: list[str], joined: str) -> str | None:
    """The first statement holding one of ``keys`` (None: none does).  ``joined``: the statements
    joined by ``_STATEMENTS_SEPARATOR``, asked first for all of them at once (most tables are not
    stated empty): a key in a statement is in the join, and a key in the join but in no statement
    holds the separator, so the statements are then asked one by one and say no."""
    if not any(k and k in joined for k in keys):
        return None
    return next((st for st in statements if any(k and k in st for k in keys)), None)


def fit(document: Document, family: Family, candidates=None, statements=None, head: str | None = None,
        listed=(), lookup=None, stated=None) -> FamilyMatch:
    """How ``family`` fits the document: tables found (by a printed title or an empty-table
    statement), tables listed in the 目录 or a list of tables (``listed``: bare title keys;
    they count for recognising the family, a caption may just not have been read), and the
    required tables not found.

    ``recognise`` fits every family to the same titles and statements, and gives what they
    share: ``lookup``, this family's entry of ``_titles_found`` (the tables the titles stand for,
    each title looked up once for all families), and ``stated``, a table's title keys → the first
    statement naming one of them, filled by the families."""
    candidates = title_candidates(document) if candidates is None else candidates
    statements = empty_statements(document) if statements is None else statements
    head = head_text(document) if head is None else head
    if lookup is None:
        keyed = _keyed(family)
        bests = {t: {0: best} if (best := _best_table(t, keyed)) is not None else {}
                 for t in [k for k, _ in candidates] + list(listed)}
        found, in_toc = _titles_found(candidates, listed, bests).get(0, ({}, set()))
    else:
        found, in_toc = lookup
        found = dict(found)  # the statements below add to it
    stated = {} if stated is None else stated
    missing = []
    joined = _STATEMENTS_SEPARATOR.join(statements)
    for entry in family.tables:
        if entry.key in found:
            continue
        how = stated.get(entry.keys, stated)  # the dict itself: not looked for yet
        if how is stated:
            how = stated[entry.keys] = first_statement(entry.keys, statements, joined)
        if how is not None:
            found[entry.key] = how
        elif entry.required:
            missing.append(entry)
    n = len(family.tables)
    share = sum(1 for e in family.tables if e.key in found or e.key in in_toc) / n if n else 0.0
    region = any(r in head for r in family.regions)
    year = document.meta.get("year") in family.years
    return FamilyMatch(family, found, tuple(missing), share, region, year)


def recognise(document: Document, lexicon=None, kind: str | None = None, layout=None) -> FamilyMatch | None:
    """The family the document's tables follow, or None when none fits well enough.

    A family is a candidate when at least ``min_fit`` of its tables are found and it is of
    the document's kind; among candidates a family whose region words occur in the
    document's first lines wins, then the higher share, then a family of the document's
    year, then more tables found."""
    fams, min_fit = families(lexicon)
    if not fams:
        return None
    candidates = title_candidates(document, layout.toc_lines if layout is not None else None)
    tables_listed = layout.listed_tables if layout is not None else listed_tables(document)
    statements = empty_statements(document, tables_listed)
    head = head_text(document)
    listed = [bare_title(e.text.text) for e in layout.toc] if layout is not None else \
        [bare_title(e.text) for e in document.toc]
    listed += [bare_title(x.title) for x in tables_listed]
    index, lengths = _all_keyed(fams)
    bests: dict[str, dict[int, FamilyTable]] = {}
    for title in [k for k, _ in candidates] + listed:
        if title not in bests:
            bests[title] = _best_tables(title, index, lengths)
    stated: dict[tuple[str, ...], str | None] = {}
    by_family = _titles_found(candidates, listed, bests)
    nothing: tuple[dict, set] = ({}, set())
    fits = [fit(document, f, candidates, statements, head, listed, by_family.get(i, nothing), stated)
            for i, f in enumerate(fams) if kind is None or f.kind == kind]
    fits = [m for m in fits if m.share >= min_fit]
    if not fits:
        return None
    fits.sort(key=lambda m: (m.region, m.share, m.year, len(m.found)), reverse=True)
    return fits[0]


def _titles_found(candidates, listed, bests) -> dict[int, tuple[dict[str, str], set[str]]]:
    """For each family position some title stands for a table of: (table key → the first
    printed title standing for it, in the order of ``candidates``; keys of the tables
    ``listed``), what ``fit`` finds from the titles.  One pass over the titles for all families
    (``bests``: title → {family position: table}, ``_best_tables``): a title names a table of
    few families, so the families are not each asked of every title."""
    out: dict[int, tuple[dict[str, str], set[str]]] = {}
    for key, printed in candidates:
        for position, best in bests[key].items():
            entry = out.get(position)
            if entry is None:
                entry = out[position] = ({}, set())
            if best.key not in entry[0]:
                entry[0][best.key] = printed
    for key in listed:
        for position, best in bests[key].items():
            entry = out.get(position)
            if entry is None:
                entry = out[position] = ({}, set())
            entry[1].add(best.key)
    return out


def _all_keyed(fams: tuple[Family, ...]) -> tuple[dict[str, list[tuple[int, FamilyTable]]], dict[str, tuple[int, ...]]]:
    """``_keyed`` of every family at once: each title → (family's position, its table) for
    every family that has it, and, by last character, the distinct lengths of the titles
    ending with it, longest first (once per families tuple, which lives as long as its lexicon)."""
    hit = _ALL_KEYED.get(id(fams))
    if hit is not None and hit[0] is fams:
        return hit[1]
    index: dict[str, list[tuple[int, FamilyTable]]] = {}
    for i, family in enumerate(fams):
        for key, entry in _keyed(family)[0].items():
            index.setdefault(key, []).append((i, entry))
    by_end: dict[str, set[int]] = {}
    for k in index:
        by_end.setdefault(k[-1], set()).add(len(k))
    out = (index, {end: tuple(sorted(sizes, reverse=True)) for end, sizes in by_end.items()})
    _ALL_KEYED[id(fams)] = (fams, out)
    return out


_ALL_KEYED: dict[int, tuple[tuple, tuple[dict, dict]]] = {}


def _best_tables(title: str, index, lengths) -> dict[int, FamilyTable]:
    """``_best_table(title, _keyed(family))`` for every family at once (family position →
    table): a family's longest title that the title ends with is the first of its titles met
    going through the lengths of all families' titles, longest first — of the titles ending
    with the title's last character (``lengths``: by last character, see _all_keyed), as any
    title it ends with does (most titles end with none: a heading, not a table's title)."""
    out: dict[int, FamilyTable] = {}
    size = len(title)
    for n in lengths.get(title[-1:], ()):
        if n <= size:
            for i, entry in index.get(title[-n:], ()):
                if i not in out:
                    out[i] = entry
    return out


# --------------------------------------------------------------------------- document kind


def document_kind(document: Document, lexicon=None) -> str:
    """department-budget, final-account, government-report or other, from the title lines.

    The first cue (in the order of lexicons/document_kinds.yml) found in the document's
    first lines decides; a document without any cue but with standard tables of a
    department budget family is a department budget; anything else is ``other``."""
    head = head_text(document)
    for kind, cues in kind_cues(_extra(lexicon)):
        if any(c in head for c in cues):
            return kind
    # no title cue: a volume holding only tables or only narrative of a disclosure
    m = recognise(document, lexicon)
    if m is not None:
        return m.family.kind
    return OTHER
