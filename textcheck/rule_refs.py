"""Validate the rule references a user writes: codes, names, categories, prefixes and options.

A misspelt ``--select amonut`` or ``[rules.TC101] report-roundng = true`` would
otherwise silently disable every check or an option; these helpers turn each
into a one-line error naming the key.  Rule options are read from each rule's
docstring section 选项 (``report-rounding（默认 false）：…``), so a rule declares
its options in one place, its documentation.
"""
from __future__ import annotations

from textcheck import patterns
from textcheck.errors import ConfigError
from textcheck.report.diagnostic import CATEGORIES


def _rules():
    # the catalog reads the rule modules' source: validating a config imports nothing heavy
    from textcheck.rules import rule_catalog

    return rule_catalog()


def is_rule_reference(key: str) -> bool:
    """True when ``key`` names a rule code, a code prefix, a rule name or a category."""
    if key in CATEGORIES:
        return True
    up = key.upper()
    for cls in _rules():
        if up == cls.code.upper() or key == cls.name:
            return True
        if len(key) < 5 and cls.code.upper().startswith(up) and len(key) >= 2:
            return True
    return False


def rule_code(key: str) -> str | None:
    """The code of the rule named by code or name, else None."""
    up = key.upper()
    for cls in _rules():
        if up == cls.code.upper() or key == cls.name:
            return cls.code
    return None


def rule_options(cls) -> dict[str, type]:
    """Options a rule documents in its 选项 section, with the type of their default."""
    doc = cls.doc()
    section = doc.split("选项", 1)[1] if "选项" in doc else ""
    options: dict[str, type] = {}
    for name, default in patterns.RULE_OPTION_LINE.findall(section):
        default = default.strip().lower()
        if default in ("true", "false"):
            options[name] = bool
        else:
            try:
                float(default)
                options[name] = float
            except ValueError:
                options[name] = str
    return options


def _type_name(t: type) -> str:
    return {bool: "true or false", float: "a number", str: "a string"}[t]


def unknown_references(keys: list[str]) -> list[str]:
    return [k for k in keys if not is_rule_reference(k)]


def validate_config_references(cfg, where: str = "") -> None:
    """Raise ConfigError naming the first key of ``cfg`` that names no rule, category or option."""
    hint = " (see 'textcheck rules')"
    for table in ("select", "ignore"):
        for key in getattr(cfg, table):
            if not is_rule_reference(key):
                raise ConfigError(f"'tool.textcheck.{table}': unknown rule, name or category {key!r}{where}{hint}")
    for key in cfg.severity:
        if not is_rule_reference(key):
            raise ConfigError(f"'tool.textcheck.severity.{key}': unknown rule, name or category{where}{hint}")
    by_code: dict[str, dict] = {}
    for key, options in cfg.rules.items():
        code = rule_code(key)
        if code is None:
            raise ConfigError(f"'tool.textcheck.rules.{key}': unknown rule{where}{hint}")
        cls = next(c for c in _rules() if c.code == code)
        known = rule_options(cls)
        for name, value in options.items():
            if name not in known:
                offered = ", ".join(sorted(known)) or "none"
                raise ConfigError(f"'tool.textcheck.rules.{key}.{name}': unknown option of {code} "
                                  f"(its options: {offered}){where}")
            want = known[name]
            ok = isinstance(value, bool) if want is bool else (
                isinstance(value, (int, float)) and not isinstance(value, bool) if want is float else isinstance(value, str))
            if not ok:
                raise ConfigError(f"'tool.textcheck.rules.{key}.{name}' must be {_type_name(want)}, "
                                  f"not {value!r}{where}")
        by_code.setdefault(code, {}).update(options)
    cfg.rules = by_code  # options are looked up by code; a rule's name works as the table name too
