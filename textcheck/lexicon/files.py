"""Locating and reading lexicon files: the one place textcheck opens YAML or TSV.

Files are looked up in the extra lexicon folders of the config first, then in the
shipped ``lexicons/`` data (package ``textcheck.lexicons_data``).  ``load_yaml``
lets an extra folder *override* a file by name (the views of this package and
plugins use it); ``merged_yaml`` / ``merged_tsv`` / ``merged_variants`` *merge*
extra folders into the shipped data (what ``Lexicon`` reads): TSV rows by code,
YAML mappings key by key, YAML lists appended; a YAML file whose top level has
``replace: true`` replaces the shipped file instead.
"""
from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path

import yaml

from textcheck.errors import ConfigError
from textcheck.lexicon.terms import code_level

# libyaml's loader when PyYAML was built with it: ~20x faster than the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_dir() -> Path:
    return Path(str(resources.files("textcheck.lexicons_data")))


def data_file(name: str, extra_dirs=()) -> Path:
    """Path of lexicon file ``name``: the first extra folder that has it, else the shipped one."""
    for d in extra_dirs:
        p = Path(d) / name
        if p.is_file():
            return p
    return data_dir() / name


def load_yaml(name: str, extra_dirs=()):
    """Parsed YAML lexicon file, parsed once per process (callers must treat it as read-only)."""
    return _load_yaml_cached(name, tuple(str(d) for d in (extra_dirs or ())))


@functools.lru_cache(maxsize=None)
def _load_yaml_cached(name: str, extra_dirs: tuple[str, ...]):
    with open(data_file(name, extra_dirs), encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_YAML_LOADER)


def _merge(base, extra):
    """Extra lexicon data over shipped data: mappings merge key by key, lists append."""
    if isinstance(extra, dict) and extra.get("replace") is True:
        return {k: v for k, v in extra.items() if k != "replace"}
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [v for v in extra if v not in base]
    return extra


def _yaml_file(path: Path):
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_YAML_LOADER) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"lexicon {path}: cannot read ({exc.__class__.__name__}: "
                          f"{str(exc).splitlines()[0] if str(exc) else ''})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"lexicon {path}: expected a mapping at the top level")
    return data


def merged_yaml(name: str, extra_dirs) -> dict:
    data = _yaml_file(data_dir() / name) if (data_dir() / name).is_file() else {}
    for d in extra_dirs:
        p = Path(d) / name
        if p.is_file():
            data = _merge(data, _yaml_file(p))
    data.pop("replace", None)
    return data


def _tsv_rows(path: Path):
    """Rows of a code<TAB>name<TAB>level file; '#' lines are comments (the source note)."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"lexicon {path}: cannot read ({exc.__class__.__name__})") from exc
    for lineno, row in enumerate(rows, 1):
        if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
            continue
        code = row[0].strip()
        if len(row) < 2 or not code.isdigit() or not row[1].strip():
            raise ConfigError(f"lexicon {path}:{lineno}: expected code<TAB>name<TAB>level")
        level = row[2].strip() if len(row) > 2 else ""
        yield code, row[1].strip(), int(level) if level.isdigit() else code_level(code)


def merged_variants(name: str, extra_dirs) -> dict[str, dict[str, list[str]]]:
    """scheme → code → former/variant names, from classification_variants.tsv files."""
    out: dict[str, dict[str, list[str]]] = {"function": {}, "economic": {}}
    for path in [data_dir() / name] + [Path(d) / name for d in extra_dirs]:
        if not path.is_file():
            continue
        with open(path, encoding="utf-8", newline="") as fh:
            for lineno, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
                if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
                    continue
                if len(row) < 3 or row[0] not in out or not row[1].isdigit():
                    raise ConfigError(f"lexicon {path}:{lineno}: expected scheme<TAB>code<TAB>name<TAB>note")
                names = out[row[0]].setdefault(row[1], [])
                if row[2].strip() not in names:
                    names.append(row[2].strip())
    return out


def merged_tsv(name: str, extra_dirs) -> dict[str, tuple[str, int | None]]:
    items: dict[str, tuple[str, int | None]] = {}
    for path in [data_dir() / name] + [Path(d) / name for d in extra_dirs]:
        if path.is_file():
            for code, nm, level in _tsv_rows(path):
                items[code] = (nm, level)  # extra folders override by code
    return items
