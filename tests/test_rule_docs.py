"""Rule documentation: every docstring follows the template and docs/rules.md is current."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from textcheck.rules.base import Rule
from textcheck.rules.docs import builtin_rules, doc_problems, parse_doc, render_markdown

RULES_MD = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
REGENERATE = "python -m textcheck.rules.docs > docs/rules.md"


class GoodRule(Rule):
    """检查正文金额与表格单元格是否一致。

    检查什么
        正文中的金额与表格中对应的单元格。
    为什么
        金额不一致说明其中一处写错。
    反例
        正文写 905 万元，表中为 950.00 万元。
    正例
        正文与表格都为 950.00 万元。
    选项
        无
    """

    code, name, category, severity = "TC999", "good-rule", "amount", "error"


class MissingSection(Rule):
    """一句话摘要。

    检查什么
        x
    为什么
        y
    正例
        z
    选项
        无
    """

    code, name, category, severity = "TC998", "missing-section", "amount", "error"


class WrongOrder(Rule):
    """一句话摘要。

    为什么
        y
    检查什么
        x
    反例
        a
    正例
        z
    选项
        无
    """

    code, name, category, severity = "TC997", "wrong-order", "amount", "error"


def test_parse_doc_reads_summary_and_sections():
    doc = parse_doc(GoodRule)
    assert doc.summary == "检查正文金额与表格单元格是否一致。"
    assert list(doc.sections) == ["检查什么", "为什么", "反例", "正例", "选项"]
    assert doc.sections["反例"] == "正文写 905 万元，表中为 950.00 万元。"
    assert doc_problems(GoodRule) == []


def test_doc_problems_catches_a_missing_section_an_empty_one_and_the_order():
    assert any("lacks section 反例" in p for p in doc_problems(MissingSection))
    assert any("in the order" in p for p in doc_problems(WrongOrder))

    class NoDoc(Rule):
        code, name, category, severity = "TC996", "no-doc", "amount", "error"

    problems = doc_problems(NoDoc)
    assert any("summary" in p for p in problems) and len(problems) >= 6


def test_render_markdown_contains_every_section():
    md = render_markdown([GoodRule])
    assert "## TC999 good-rule" in md
    assert "| [TC999](#tc999-good-rule) | `good-rule` | amount | error |" in md
    for h in ("检查什么", "为什么", "反例", "正例", "选项"):
        assert f"### {h}" in md


@pytest.mark.parametrize("cls", builtin_rules(), ids=lambda c: c.code)
def test_every_builtin_rule_docstring_follows_the_template(cls):
    assert doc_problems(cls) == []


def test_docs_rules_md_is_current():
    expected = render_markdown()
    actual = RULES_MD.read_text("utf-8") if RULES_MD.exists() else ""
    assert actual == expected, f"docs/rules.md is stale: regenerate it with `{REGENERATE}`"


def test_generator_runs_as_a_module():
    out = subprocess.run([sys.executable, "-m", "textcheck.rules.docs"], capture_output=True, text=True,
                         timeout=120, cwd=RULES_MD.parent.parent)
    assert out.stdout == render_markdown()
