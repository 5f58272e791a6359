"""Every named pattern of the package textcheck/patterns/ is defined once, in one of its
modules: a second assignment of the same name (in the same module or another) silently
replaces the first for every stage that reads it through ``textcheck.patterns``."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import textcheck.patterns

PACKAGE = Path(textcheck.patterns.__file__).parent


def _defined(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [t.id for node in tree.body if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name)] + \
           [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]


def _subject_modules() -> list[Path]:
    # engine.py is the compile function the subject modules use, no subject of its own
    return sorted(p for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "engine.py"))


def test_each_pattern_name_is_assigned_once():
    names = Counter(n for path in _subject_modules() for n in _defined(path))
    assert [n for n, k in names.items() if k > 1] == []


def test_the_package_re_exports_every_pattern():
    """``from textcheck.patterns import X`` works for every pattern of every module."""
    missing = [n for path in _subject_modules() for n in _defined(path)
               if not hasattr(textcheck.patterns, n)]
    assert missing == []


def test_the_package_defines_nothing_itself():
    """The subject modules are the one place a pattern is written; __init__ only re-exports."""
    assert _defined(PACKAGE / "__init__.py") == []
