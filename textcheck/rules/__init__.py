"""Rule registry: every ``textcheck.rules.tcNNN`` module plus plugins.

Plugins register through the entry-point group ``textcheck.rules``; each entry
point names a Rule subclass (or a module holding Rule subclasses).

``rule_catalog()`` gives every rule's code, name, category, severity and
documentation without importing the built-in rule modules (they import the
whole analysis stack): ``textcheck rules`` and ``textcheck explain`` read them
from the modules' source.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textcheck.rules.base import Rule

ENTRY_POINT_GROUP = "textcheck.rules"


def __getattr__(name: str):
    if name == "Rule":  # imported on use: the catalog must not load the document model
        from textcheck.rules.base import Rule

        return Rule
    raise AttributeError(f"module 'textcheck.rules' has no attribute {name!r}")


def _is_rule_module(name: str) -> bool:
    """tcNNN: the built-in rule modules (helpers start with "_", docs is no rule)."""
    return len(name) == 5 and name.startswith("tc") and name[2:].isdigit()


def _rules_in(obj) -> list[type[Rule]]:
    from textcheck.rules.base import Rule

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
    for cls in _plugin_rules():
        found.setdefault(cls.code, cls)
    return tuple(sorted(found.values(), key=lambda c: c.code))


def _plugin_rules() -> tuple[type[Rule], ...]:
    from importlib.metadata import entry_points

    found: list[type[Rule]] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            found.extend(_rules_in(ep.load()))
        except Exception as exc:  # a broken plugin must not break the tool
            import sys

            print(f"textcheck: plugin {ep.name!r} could not be loaded: {exc}", file=sys.stderr)
    return tuple(found)


def find_rule(code_or_name: str) -> type[Rule] | None:
    key = code_or_name.strip()
    for cls in all_rules():
        if cls.code.upper() == key.upper() or cls.name == key:
            return cls
    return None


@dataclass(frozen=True)
class RuleInfo:
    """What ``textcheck rules`` / ``explain`` show of a rule, read from its module's source."""

    code: str
    name: str
    category: str
    severity: str
    docstring: str

    def doc(self) -> str:
        return self.docstring


def rule_catalog() -> tuple:
    """Every rule (RuleInfo for built-in rules, the class for plugins), sorted by code."""
    found = dict(_builtin_catalog())
    for cls in _plugin_rules():
        found.setdefault(cls.code, cls)
    return tuple(sorted(found.values(), key=lambda r: r.code))


@lru_cache(maxsize=1)
def _builtin_catalog() -> dict:
    """The built-in rules by code.

    A built-in rule module is parsed, not imported: its rule class's ``code``,
    ``name``, ``category`` and ``severity`` are literals and its docstring is
    ``Rule.doc()`` (both cleaned by ``inspect.cleandoc``).  A module whose rule
    does not read that way is imported instead.  tests/test_startup.py checks
    the catalog against ``all_rules()``.
    """
    import ast

    found: dict[str, object] = {}
    package = importlib.import_module("textcheck.rules")
    for info in pkgutil.iter_modules(package.__path__):
        if not _is_rule_module(info.name):
            continue
        path = f"{package.__path__[0]}/{info.name}.py"
        try:
            with open(path, encoding="utf-8") as fh:
                tree = ast.parse(fh.read(), path)
            rules = [_literal_rule(node) for node in tree.body if isinstance(node, ast.ClassDef)]
            rules = [r for r in rules if r is not None]
        except (OSError, SyntaxError, ValueError):
            rules = []
        if not rules:  # not plain literals: ask the module itself
            rules = _rules_in(importlib.import_module(f"textcheck.rules.{info.name}"))
        for rule in rules:
            found[rule.code] = rule
    return found


def _literal_rule(node) -> RuleInfo | None:
    import ast

    values: dict[str, str] = {}
    for stmt in node.body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    values[target.id] = stmt.value.value
    if not all(k in values for k in ("code", "name", "category", "severity")):
        return None
    return RuleInfo(values["code"], values["name"], values["category"], values["severity"],
                    ast.get_docstring(node, clean=True) or "")


def find_rule_info(code_or_name: str):
    """The catalog entry of a rule code (TC201) or name (narrative-amount-mismatch), or None."""
    key = code_or_name.strip()
    for rule in rule_catalog():
        if rule.code.upper() == key.upper() or rule.name == key:
            return rule
    return None
