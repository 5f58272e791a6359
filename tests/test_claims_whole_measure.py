"""Funds "involved" (涉及预算资金) in a sentence that quantifies a measure with 所有/全部: the claim's
subject is that measure (claims.assemble._whole_measure_subject)."""
from __future__ import annotations

from test_claims import claims_of


def subjects(claims):
    return {c.subject: c.value.number.text for c in claims if c.value is not None}


def test_funds_involved_by_all_project_expenditure_are_the_project_expenditure(nlp, lex):
    claims = claims_of(nlp, lex, "2026年某市口岸办所有项目支出预算纳入部门预算绩效管理，涉及预算资金50,878.08万元，"
                                 "设置并编报5个项目绩效目标。")
    assert subjects(claims).get("项目支出") == "50,878.08万元"


def test_funds_involved_by_some_projects_keep_their_own_subject(nlp, lex):
    # "部分项目": which projects is not said — no measure's whole
    claims = claims_of(nlp, lex, "2026年某市口岸办部分项目纳入部门预算绩效管理，涉及预算资金1,234.56万元。")
    assert "项目支出" not in subjects(claims)
    assert any("涉及" in s for s in subjects(claims))
