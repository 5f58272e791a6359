"""A lean start: each command imports what it needs and no more.

`textcheck --version`, `rules` and `explain` never import spaCy, jieba or the
document model (whose patterns take a third of a second to compile); a
table-only --select never builds the NLP pipeline nor extracts claims.
Checked in a fresh interpreter, by the modules it ends up holding.
"""
import json
import subprocess
import sys

import pytest

from textcheck.rules import all_rules, rule_catalog

HEAVY = ("spacy", "jieba", "textcheck.patterns", "textcheck.document", "pdfplumber", "pypdfium2")


def _modules_after(code: str) -> set[str]:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


@pytest.mark.parametrize("argv", [["--version"], ["rules"], ["explain", "TC201"], ["explain", "row-sum-mismatch"]])
def test_light_commands_import_nothing_heavy(argv):
    code = f"""
from textcheck.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
"""
    loaded = _modules_after(code)
    assert "textcheck.cli" in loaded
    assert not [m for m in loaded if m.split(".")[0] in ("spacy", "jieba") or m in HEAVY]


def test_catalog_reads_what_the_rule_classes_say():
    read = [(r.code, r.name, r.category, r.severity, r.doc()) for r in rule_catalog()]
    imported = [(c.code, c.name, c.category, c.severity, c.doc()) for c in all_rules()]
    assert read == imported and len(read) >= 30


def test_rules_command_lists_every_rule(capsys):
    from textcheck.cli import main

    assert main(["rules"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert listed == [c.code for c in all_rules()]


def test_table_only_select_builds_no_pipeline_and_extracts_no_claims():
    code = """
from textcheck.config import Config
from textcheck.pipeline import Checker
from textcheck.readers import read_path
checker = Checker(Config(select=["sum"]))
result = checker.check(read_path("corpus/urumqi-kejiju-2024-budget.txt"))
assert "nlp" not in vars(checker), "pipeline built"
assert result.stats["tables"] >= 11 and result.stats["claims"] is None, result.stats
"""
    loaded = _modules_after(code)
    assert "textcheck.tables" in loaded  # the sum rules did run
    assert not [m for m in loaded if m.split(".")[0] in ("spacy", "jieba") or m == "textcheck.claims"]


def test_narrative_rules_still_count_claims():
    from textcheck.config import Config
    from textcheck.pipeline import Checker
    from textcheck.readers import read_path

    result = Checker(Config(select=["TC201"])).check(read_path("corpus/urumqi-kejiju-2024-budget.txt"))
    assert result.stats["claims"] > 100 and result.stats["linked_claims"] > 0


def test_spacy_is_imported_without_its_command_line():
    code = """
from textcheck.api import check_text
result = check_text("基本支出1,422.65万元，比上年预算增加78.13万元，增长5.81%。")
assert result.documents[0].stats["claims"] >= 1
import sys
assert "spacy" in sys.modules and "spacy.cli" not in sys.modules
"""
    loaded = _modules_after(code)
    assert "spacy.language" in loaded
    assert not [m for m in loaded if m.split(".")[0] in ("typer", "weasel", "requests", "httpx")]


def test_spacy_command_line_still_imports_afterwards():
    code = """
from textcheck.api import check_text
check_text("基本支出1,422.65万元。")
import spacy.cli
assert callable(spacy.cli.download) and callable(spacy.info)
"""
    assert "spacy.cli.download" in _modules_after(code)
