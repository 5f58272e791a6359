"""Configuration: ``[tool.textcheck]`` in pyproject.toml or ``textcheck.toml``.

The Config object is what every stage reads; ``load_config`` finds and
validates the file (searching upward from the checked file).
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from textcheck.errors import ConfigError
from textcheck.limits import Limits, limits_from_mapping

FAIL_ON = ("error", "warning", "info", "never")
KNOWN_KEYS = {"select", "ignore", "severity", "fail-on", "tolerance", "lexicons", "rules", "verbose", "limits"}


@dataclass
class Config:
    select: list[str] = field(default_factory=list)  # codes, names or categories; empty = all
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # code/name/category → severity
    fail_on: str = "error"
    # Extra absolute tolerance (in the table's unit) on top of the rounding interval.
    tolerance: Decimal = Decimal(0)
    lexicons: list[str] = field(default_factory=list)  # extra lexicon folders
    rules: dict[str, dict] = field(default_factory=dict)  # per-rule options by code
    verbose: bool = False  # also report unlinked/ambiguous claims as info
    limits: Limits = field(default_factory=Limits)  # what a reader may commit (textcheck/limits.py)
    source: str | None = None  # the file this came from

    def _matches(self, rule, keys: list[str]) -> bool:
        ids = {rule.code.upper(), rule.name, rule.category}
        return any(k.upper() in ids or k in ids or (len(k) < 5 and rule.code.upper().startswith(k.upper()))
                   for k in keys)

    def enabled(self, rule) -> bool:
        if self.select and not self._matches(rule, self.select):
            return False
        return not (self.ignore and self._matches(rule, self.ignore))

    def severity_for(self, rule, default: str) -> str:
        for key in (rule.code, rule.name, rule.category):
            if key in self.severity:
                return self.severity[key]
        return default

    def options(self, code: str) -> dict:
        return self.rules.get(code, {})


def config_from_mapping(data: dict, source: str | None = None) -> Config:
    """Validate a ``[tool.textcheck]`` table; unknown keys and bad values are errors."""
    where = f" in {source}" if source else ""
    for key in data:
        if key not in KNOWN_KEYS:
            raise ConfigError(f"unknown key 'tool.textcheck.{key}'{where}")
    cfg = Config(source=source)
    for key in ("select", "ignore", "lexicons"):
        if key in data:
            v = data[key]
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise ConfigError(f"'tool.textcheck.{key}' must be a list of strings{where}")
            setattr(cfg, key, list(v))
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, dict):
            raise ConfigError(f"'tool.textcheck.severity' must map codes to error/warning/info{where}")
        for k, v in sev.items():  # name the offending entry, not just the table
            if v not in ("error", "warning", "info"):
                raise ConfigError(f"'tool.textcheck.severity.{k}' must be error, warning or info, not {v!r}{where}")
        cfg.severity = dict(sev)
    if "fail-on" in data:
        if data["fail-on"] not in FAIL_ON:
            raise ConfigError(f"'tool.textcheck.fail-on' must be one of {', '.join(FAIL_ON)}{where}")
        cfg.fail_on = data["fail-on"]
    if "tolerance" in data:
        try:
            cfg.tolerance = Decimal(str(data["tolerance"]))
        except Exception:
            raise ConfigError(f"'tool.textcheck.tolerance' must be a number{where}") from None
        if cfg.tolerance < 0:
            raise ConfigError(f"'tool.textcheck.tolerance' must not be negative{where}")
    if "rules" in data:
        if not isinstance(data["rules"], dict):
            raise ConfigError(f"'tool.textcheck.rules' must be a table{where}")
        for k, v in data["rules"].items():
            if not isinstance(v, dict):
                raise ConfigError(f"'tool.textcheck.rules.{k}' must be a table of options{where}")
        cfg.rules = {k: dict(v) for k, v in data["rules"].items()}
    if "verbose" in data:
        cfg.verbose = bool(data["verbose"])
    if "limits" in data:
        cfg.limits = limits_from_mapping(data["limits"], where)
    if cfg.source and cfg.lexicons:  # relative lexicon folders are relative to the config file
        base = Path(cfg.source).parent
        cfg.lexicons = [str((base / p).resolve()) for p in cfg.lexicons]
    for folder in cfg.lexicons:  # a typo in a folder name must not silently drop a lexicon
        if not Path(folder).is_dir():
            raise ConfigError(f"'tool.textcheck.lexicons': folder not found: {folder}{where}")
    # A misspelt rule, category or option would silently disable checks: name it instead.
    from textcheck.rule_refs import validate_config_references

    validate_config_references(cfg, where)
    return cfg


# Installed packages add lexicon folders through this entry-point group; an entry
# point names a module (its folder is the lexicon folder), a path string, or a
# function returning a path.  Rules come through "textcheck.rules" (rules/__init__.py).
LEXICON_ENTRY_POINT_GROUP = "textcheck.lexicons"


def plugin_lexicon_dirs() -> list[str]:
    """Lexicon folders registered by installed plugins (a broken plugin is reported, not fatal)."""
    import inspect
    import sys
    from importlib.metadata import entry_points

    dirs = []
    for ep in entry_points(group=LEXICON_ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
            folder = Path(obj.__file__).parent if inspect.ismodule(obj) else Path(obj() if callable(obj) else obj)
        except Exception as exc:  # noqa: BLE001
            print(f"textcheck: lexicon plugin {ep.name!r} could not be loaded: {exc}", file=sys.stderr)
            continue
        if folder.is_dir():
            dirs.append(str(folder))
        else:
            print(f"textcheck: lexicon plugin {ep.name!r}: folder not found: {folder}", file=sys.stderr)
    return dirs


def find_config_file(start: str | Path) -> Path | None:
    """textcheck.toml, or a pyproject.toml with [tool.textcheck], searched upward."""
    try:
        p = Path(start).resolve()
    except (OSError, RuntimeError):  # a symlink loop: search from the path as named
        p = Path(os.path.abspath(start))
    try:
        folder = p if p.is_dir() else p.parent
    except OSError:  # a name too long, an I/O error: the reader will say so; search from the folder
        folder = p.parent
    for d in (folder, *folder.parents):
        candidate = d / "textcheck.toml"
        if candidate.is_file():
            return candidate
        py = d / "pyproject.toml"
        if py.is_file():
            try:
                if "textcheck" in tomllib.loads(py.read_text("utf-8")).get("tool", {}):
                    return py
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
    return None


def load_config(path: str | Path | None = None, start: str | Path | None = None) -> Config:
    """Load an explicit config file, or search upward from ``start``; defaults otherwise."""
    file = Path(path) if path else (find_config_file(start) if start else None)
    if not file:
        return Config()
    try:
        data = tomllib.loads(file.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {file}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{file}: not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{file}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: invalid TOML: {exc}") from None
    if file.name == "pyproject.toml":
        data = data.get("tool", {}).get("textcheck", {})
    elif "tool" in data and "textcheck" in data["tool"]:
        data = data["tool"]["textcheck"]
    return config_from_mapping(data, str(file))
