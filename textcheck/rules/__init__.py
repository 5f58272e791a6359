"""Rule registry: every ``textcheck.rules.tcNNN`` module plus plugins.

Plugins register through the entry-point group ``textcheck.rules``; each entry
point names a Rule subclass (or a module holding Rule subclasses).
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import lru_cache
from importlib.metadata import entry_points

from textcheck.rules.base import Rule

ENTRY_POINT_GROUP = "textcheck.rules"


def _is_rule_module(name: str) -> bool:
    """tcNNN: the built-in rule modules (helpers start with "_", docs is no rule)."""
    return len(name) == 5 and name.startswith("tc") and name[2:].isdigit()


def _rules_in(obj) -> list[type[Rule]]:
    if inspect.isclass(obj) and issubclass(obj, Rule) and obj is not Rule:
        return [obj]
    if inspect.ismodule(obj):
        return [v for v in vars(obj).values()
                if inspect.isclass(v) and issubclass(v, Rule) and v is not Rule
                and v.__module__ == obj.__name__ and getattr(v, "code", None)]
    return []


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Built-in rules then plugin rules, sorted by code; built once per process."""
    found: dict[str, type[Rule]] = {}
    package = importlib.import_module("textcheck.rules")
    for info in pkgutil.iter_modules(package.__path__):
        if _is_rule_module(info.name):
            for cls in _rules_in(importlib.import_module(f"textcheck.rules.{info.name}")):
                found[cls.code] = cls
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            for cls in _rules_in(ep.load()):
                found.setdefault(cls.code, cls)
        except Exception as exc:  # a broken plugin must not break the tool
            import sys

            print(f"textcheck: plugin {ep.name!r} could not be loaded: {exc}", file=sys.stderr)
    return tuple(sorted(found.values(), key=lambda c: c.code))


def find_rule(code_or_name: str) -> type[Rule] | None:
    key = code_or_name.strip()
    for cls in all_rules():
        if cls.code.upper() == key.upper() or cls.name == key:
            return cls
    return None
