"""Planning a scan: walk the paths, hash the files, identify each file's department and year
from its first page(s), group the volumes of one disclosure, pair a department's consecutive
years.  Nothing here checks a document.
"""
from __future__ import annotations

import glob
import hashlib
import multiprocessing
import os
import sys
from pathlib import Path

from textcheck.departments import department_key

# Files a folder walk picks up (explicitly named files are always taken).
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".xlsx")
GROUP_MODES = ("meta", "filename", "none")


# -- discovery ------------------------------------------------------------

def discover(paths: list[str]) -> list[str]:
    """Files under folders, glob matches and named files; sorted, without duplicates."""
    found: list[str] = []
    for p in paths:
        matches = glob.glob(p, recursive=True) if glob.has_magic(p) else [p]
        for m in matches:
            path = Path(m)
            if path.is_dir():
                found += [str(f) for f in sorted(path.rglob("*"))
                          if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith(".")]
            else:
                found.append(str(path))  # a missing file is reported as a failed document
    seen: set[str] = set()
    return [f for f in found if not (f in seen or seen.add(f))]


def file_sha256(path: str) -> str | None:
    """The content hash of a regular file; None for anything else (a FIFO would block,
    /dev/zero never ends: the reader then reports why the file cannot be read)."""
    import stat

    h = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


# -- identification: department and year, cheaply, from the first page(s) ----

def head_text(path: str, max_chars: int = 4000) -> str:
    """The first part of a file's text, without building the document model."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
        if head.startswith(b"%PDF"):
            return _pdf_head_text(path)[:max_chars]
        if head.startswith(b"PK"):
            if path.lower().endswith(".xlsx"):
                import openpyxl

                wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
                ws = wb.worksheets[0]
                rows = ws.iter_rows(max_row=15, values_only=True)
                text = "\n".join(" ".join(str(v) for v in row if v is not None) for row in rows)
                wb.close()
                return text[:max_chars]
            import docx

            return "\n".join(p.text for p in docx.Document(path).paragraphs[:60])[:max_chars]
        from textcheck.readers.encoding import decode

        with open(path, "rb") as fh:
            return decode(fh.read(65536), path)[:max_chars]
    except Exception:  # identification is best effort; reading errors surface when checking
        return ""


def _pdf_head_text(path: str, pages: int = 5) -> str:
    """pdfplumber's extract_text of the first pages, on the characters PDFium reads
    (readers/pdfium_source.py: the same characters, several times faster)."""
    from pdfplumber.utils import extract_text

    try:
        from textcheck.readers.pdfium_source import read_pages
    except ImportError:  # pragma: no cover - pypdfium2 comes with pdfplumber
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join((page.extract_text() or "") for page in pdf.pages[:pages])
    return "\n".join(extract_text(page.chars) or "" for page in read_pages(path, path, max_pages=pages))


# The first lines whose title words decide a file's kind (as families.document_kind reads them).
_KIND_LINES = 40
FINAL_ACCOUNT, BUDGET = "final-account", "department-budget"  # textcheck.families kinds


def identify(path: str) -> dict:
    """{"department": …, "year": …, "kind": …} read from the document's own first lines (None
    when not found); kind from the title cue words of lexicons/document_kinds.yml."""
    from textcheck import patterns  # compiled on first use: `textcheck --help` need not

    lines = [ln.strip() for ln in head_text(path).splitlines() if ln.strip()]
    found = _department_and_year(lines, patterns)
    found["kind"] = _kind(lines)
    return found


def _kind(lines: list[str]) -> str | None:
    from textcheck.lexicon.templates import kind_cues

    head = "\n".join("".join(ln.split()) for ln in lines[:_KIND_LINES])
    return next((kind for kind, cues in kind_cues() if any(c in head for c in cues)), None)


def _department_and_year(lines: list[str], patterns) -> dict:
    department = year = None
    for i, line in enumerate(lines[:60]):
        compact = line.replace(" ", "")
        m = patterns.DEPARTMENT_FIELD.search(compact)
        if m and not department:
            department = m.group("name")
        m = patterns.DISCLOSURE_TITLE.search(compact)
        if m:
            year = year or m.group("year")
            name = patterns.PART_PREFIX.sub("", m.group("name") or "")
            if not name and i > 0 and not m.group("name"):  # "乌鲁木齐市科学技术局" on the line above "2024 年部门预算公开"
                name = lines[i - 1].replace(" ", "")
            # a part heading ("第二部分 收支情况" above "五、2020 年部门预算收支说明") names no
            # department: pairing years by it would compare two departments
            if name and not patterns.YEAR_ONLY.fullmatch(name) and not patterns.PART_PREFIX.match(name):
                department = department or name
    if not year:
        for line in lines[:10]:
            m = patterns.YEAR_ONLY.search(line.replace(" ", ""))
            if m:
                year = m.group(0)[:4]
                break
    return {"department": department, "year": year}


# -- grouping the volumes of one disclosure ---------------------------------

def group_files(files: list[str], metas: dict[str, dict], mode: str = "meta") -> list[list[str]]:
    """Groups of files to check as one disclosure.

    meta: same folder, department (however its name is printed: ``department_key``) and year
    read from the files; a file with no year joins the one group of its department that has a
    year (a table volume often prints none) — of several years, the one holding a volume of
    the same file name; files still alone then pair up by file name.
    filename: same folder and file stem once volume words (text/tables/文字/表格…) are removed.
    none: every file alone.
    """
    if mode == "none":
        return [[f] for f in files]
    if mode == "filename":
        by_stem: dict[tuple, list[str]] = {}
        for f in files:
            by_stem.setdefault(_stem_key(f), []).append(f)
        return [sorted(g) for g in by_stem.values()]
    groups: dict[tuple, list[str]] = {}
    loose: list[str] = []
    for f in files:
        meta = metas.get(f, {})
        if meta.get("department") and meta.get("year"):
            # a final account and the budget of its year are two disclosures, never two volumes of one
            key = (str(Path(f).parent), department_key(meta["department"]), meta["year"],
                   meta.get("kind") == FINAL_ACCOUNT)
            groups.setdefault(key, []).append(f)
        else:
            loose.append(f)
    alone: list[str] = []
    for f in loose:
        meta = metas.get(f, {})
        homes = [k for k in groups if k[0] == str(Path(f).parent) and department_key(meta.get("department")) == k[1]]
        if len(homes) > 1:  # several years of the department: the one whose volume has this file's name
            homes = [k for k in homes if any(_stem_key(g) == _stem_key(f) for g in groups[k])]
        if meta.get("department") and len(homes) == 1:
            groups[homes[0]].append(f)
        else:
            alone.append(f)
    # Two or more files of one department and year that carry no volume word in their names
    # ("…-text", "…表格") are separate documents (a budget and a final account, two editions),
    # not volumes of one: such a bucket is grouped by file name instead.
    for key in list(groups):
        unmarked = [f for f in groups[key] if _stem_key(f)[1] == Path(f).stem]
        if len(unmarked) >= 2:
            alone.extend(groups.pop(key))
    by_stem = {}
    for f in alone:
        by_stem.setdefault(_stem_key(f), []).append(f)
    result = [sorted(g) for g in groups.values()] + [sorted(g) for g in by_stem.values()]
    return sorted(result)


def _stem_key(path: str) -> tuple[str, str]:
    from textcheck import patterns

    stem = patterns.VOLUME_WORDS.sub("", Path(path).stem).strip("-_ ")
    return (str(Path(path).parent), stem or Path(path).stem)


def department_names(metas: dict[str, dict]) -> dict[str, str]:
    """department_key → the name the scan reports: the one most files print (then the shortest),
    so the volumes and years of one department are one row of the summary."""
    from collections import Counter

    counts = Counter(m["department"] for m in metas.values() if m.get("department"))
    names: dict[str, str] = {}
    for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0])):
        names.setdefault(department_key(name), name)
    return names


# -- pairing consecutive years of one department ------------------------------

def pair_years(groups: list[list[str]], metas: dict[str, dict]) -> dict[str, list[str]]:
    """{group key: the group it is checked against} (department, year and kind read from the
    files, as for grouping): a budget against the department's budget of the year before
    (TC361, TC362); a final account (决算) against the same year's budget (TC363), else
    against the final account of the year before.  Only when each side is the one disclosure
    of its department, year and kind: of two editions, which one is meant is unknown."""
    def ident(group):
        def first(key):
            return next((metas[f][key] for f in group if metas.get(f, {}).get(key)), None)
        department, year = department_key(first("department")), first("year")
        final = any(metas.get(f, {}).get("kind") == FINAL_ACCOUNT for f in group)
        try:
            return department, int(year) if year is not None else None, final
        except (TypeError, ValueError):
            return department, None, final

    by_year: dict[tuple, list[list[str]]] = {}
    for g in groups:
        department, year, final = ident(g)
        if department and year:
            by_year.setdefault((department, year, final), []).append(g)
    pairs = {}
    for (department, year, final), these in by_year.items():
        choices = ([(department, year, False), (department, year - 1, True)] if final
                   else [(department, year - 1, False)])
        for choice in choices:
            other = by_year.get(choice, [])
            if len(these) == 1 and len(other) == 1:
                pairs[" + ".join(these[0])] = other[0]
                break
            if other:  # several editions to compare with: which one is meant is unknown
                break
    return pairs


# -- the plan ----------------------------------------------------------------

def plan_scan(paths: list[str], group_by: str = "meta", jobs: int = 1) -> tuple[list[list[str]], dict[str, str], dict]:
    """Discover, hash and group; returns (groups, sha256 of each group, identification of each file)."""
    groups, group_sha, metas, _ = plan_scan_with_duplicates(paths, group_by, jobs)
    return groups, group_sha, metas


def _identify_all(files: list[str], jobs: int) -> list[dict]:
    """identify() of every file, in ``jobs`` forked processes when there are several (reading
    the first pages of a PDF is most of a scan's planning)."""
    if jobs <= 1 or len(files) < 2 or not sys.platform.startswith("linux"):
        return [identify(f) for f in files]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(identify, files, chunksize=max(1, len(files) // (4 * jobs))))


def plan_scan_with_duplicates(paths, group_by="meta", jobs=1):
    """plan_scan, and the files left out because an earlier file has the same content (checked once)."""
    files = discover(paths)
    shas = {f: file_sha256(f) for f in files}
    first_of: dict[str, str] = {}
    duplicates: dict[str, str] = {}
    for f in files:
        if shas[f] and shas[f] in first_of:
            duplicates[f] = first_of[shas[f]]
        elif shas[f]:
            first_of[shas[f]] = f
    files = [f for f in files if f not in duplicates]
    metas: dict[str, dict] = {}
    if group_by == "meta":
        readable = [f for f in files if shas[f]]
        metas = dict(zip(readable, _identify_all(readable, jobs)))
    groups = group_files(files, metas, group_by)
    group_sha = {}
    for g in groups:
        parts = [shas.get(f) or "missing" for f in g]
        group_sha[" + ".join(g)] = parts[0] if len(parts) == 1 else hashlib.sha256("".join(parts).encode()).hexdigest()
    return groups, group_sha, metas, duplicates
