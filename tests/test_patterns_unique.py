"""Every named pattern in textcheck/patterns.py is defined once: a second assignment of the
same name silently replaces the first for every stage that reads it."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import textcheck.patterns


def test_each_pattern_name_is_assigned_once():
    tree = ast.parse(Path(textcheck.patterns.__file__).read_text(encoding="utf-8"))
    names = Counter(t.id for node in tree.body if isinstance(node, ast.Assign)
                    for t in node.targets if isinstance(t, ast.Name))
    assert [n for n, k in names.items() if k > 1] == []
