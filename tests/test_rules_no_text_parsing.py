"""Rules read the linked model; they never parse text (DESIGN.md, docs/architecture.md).

A module under textcheck/rules/ that imports a text-parsing tool — ``re``, ``regex``,
``jieba``, a YAML loader (``yaml``, ``textcheck.lexicon.load_yaml``) or the named
patterns of ``textcheck.patterns`` — fails this test.  What such a rule needs is
found once in an extraction module (claims, linking, performance, layout_facts,
families, final_accounts) and read from the Context.

PENDING lists rule modules whose text parsing has not been moved yet (TC6xx–TC9xx,
issue 13).  A pending module that no longer parses fails too, so the list only shrinks.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import textcheck.rules

RULES_DIR = Path(textcheck.rules.__file__).parent
FORBIDDEN_MODULES = {"re", "regex", "jieba", "yaml", "ruamel", "textcheck.patterns"}
FORBIDDEN_NAMES = {("textcheck", "patterns"), ("textcheck.lexicon", "load_yaml")}

# Rule modules still parsing text (none: TC6xx–TC9xx read textcheck.performance,
# textcheck.layout_facts, textcheck.families and textcheck.final_accounts, issue 13).
PENDING: set[str] = set()


def parsing_imports(path: Path) -> list[str]:
    """Every import of a text-parsing module or name in one source file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES
                      or a.name in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module in FORBIDDEN_MODULES or node.module.split(".")[0] in FORBIDDEN_MODULES - {"textcheck.patterns"}:
                found.append(node.module)
            found += [f"{node.module}.{a.name}" for a in node.names if (node.module, a.name) in FORBIDDEN_NAMES]
    return found


# The rule kit (textcheck/rulekit/) is what rules share: it must not parse text either.
MODULES = sorted(RULES_DIR.glob("*.py")) + sorted((RULES_DIR.parent / "rulekit").glob("*.py"))


def test_the_check_sees_a_parsing_import(tmp_path):
    bad = tmp_path / "tc999.py"
    bad.write_text("import regex\nfrom textcheck import patterns\nfrom textcheck.lexicon import load_yaml\n"
                   "from re import compile\nimport jieba.posseg\n", encoding="utf-8")
    assert parsing_imports(bad) == ["regex", "textcheck.patterns", "textcheck.lexicon.load_yaml", "re", "jieba.posseg"]
    good = tmp_path / "tc998.py"
    good.write_text("from textcheck.linking import shown\nimport textwrap\n", encoding="utf-8")
    assert parsing_imports(good) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}.{p.stem}")
def test_rule_module_does_not_parse_text(path):
    found = parsing_imports(path)
    if path.stem in PENDING:
        assert found, f"{path.name} no longer parses text: remove it from PENDING"
    else:
        assert not found, f"{path.name} parses text ({', '.join(found)}): move the parsing into an extraction module"
