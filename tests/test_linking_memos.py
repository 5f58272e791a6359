"""The linker's per-document memos of whole answers give what linking each claim afresh gives.

A claim whose question (what it reads of its section, subject, codes, year, whole) was answered before takes that
answer with only its own agreeing cells: each link must equal the link ``_link`` makes for the
claim on its own, on the seed and on documents whose claims repeat a subject with other values."""
from textcheck.api import get_checker
from textcheck.linking import Linker, restatement_stats, restating_cells
from textcheck.readers import read_text

# Two claims per question (another year, another value), parts of one whole twice over.
REPEATS = """一、部门预算收支情况说明

2024年部门收入预算 100.00 万元，2023年部门收入预算 90.00 万元。

二、一般公共预算“三公”经费支出预算情况说明

“三公”经费预算数 30.00 万元，“三公”经费预算数 25.00 万元。其中：公务接待费 10.00 万元，
公务用车购置及运行维护费 20.00 万元。其中：公务接待费 10.00 万元，公务用车购置及运行维护费 15.00 万元。

第二部分 2024 年部门预算公开表

公开01表

部门收支预算总表

单位：万元

项目	预算数
一、一般公共预算拨款收入	100.00
本年收入合计	100.00

公开09表

一般公共预算“三公”经费支出表

单位：万元

合计	因公出国（境）费用	公务接待费	公务用车购置及运行维护费
30.00	0.00	10.00	20.00
"""


def _check_links(text: str) -> tuple[int, int]:
    ctx = get_checker().context(read_text(text, path="t.txt"))
    claims = [c for c in ctx.claims if c.value is not None]
    fast = Linker(ctx.document, ctx.lexicon, tolerance=ctx.config.tolerance)
    links = [fast.link(c) for c in claims]
    fresh = Linker(ctx.document, ctx.lexicon, tolerance=ctx.config.tolerance)
    fresh._link_once = fresh._link  # every claim linked on its own
    for claim, link in zip(claims, links):
        assert link == fresh.link(claim), claim.subject
        assert link.claim is claim
    return len(claims), len(fast._answers)


def test_answers_kept_per_question_are_each_claims_own_link(sample_text):
    claims, questions = _check_links(sample_text)
    assert claims > 100 and questions < claims  # the seed repeats questions


def test_repeated_questions_with_other_values_agree_on_their_own(sample_text):
    claims, questions = _check_links(REPEATS)
    assert questions < claims


# A restating claim naming a concept no table prints (机关运行经费), one naming a printed one (培训费).
UNPRINTED = """一、部门预算收支情况说明

2024年机关运行经费 1,234.56 万元。培训费 56.78 万元。部门收入预算 1,234.56 万元。

第二部分 2024 年部门预算公开表

公开01表

部门收支预算总表

单位：万元

项目	预算数
一、一般公共预算拨款收入	1234.56
培训费	56.78
本年收入合计	1234.56
"""


def _reference_stats(document, claims, links, extra_dirs=()):
    """restatement_stats with every concept's printedness decided up front (unprinted_concepts)."""
    from textcheck.linking.model import CONFIDENT
    from textcheck.linking.stats import names_unprinted, unprinted_concepts

    absent = unprinted_concepts(document, extra_dirs)
    by_claim = {id(link.claim): link for link in links}
    out = {"restating_claims": 0, "restating_linked": 0, "restating_confident": 0, "restating_unprinted": 0}
    for claim, _ in restating_cells(document, claims, want_cells=False):
        if names_unprinted(claim, absent):
            out["restating_unprinted"] += 1
            continue
        out["restating_claims"] += 1
        link = by_claim.get(id(claim))
        if link is not None and link.linked:
            out["restating_linked"] += 1
            out["restating_confident"] += link.confidence == CONFIDENT
    return out


def test_restatement_stats_read_the_tables_only_for_named_concepts(sample_text):
    unprinted = 0
    for text in (sample_text, UNPRINTED, REPEATS):
        ctx = get_checker().context(read_text(text, path="t.txt"))
        stats = restatement_stats(ctx.document, ctx.claims, ctx.links)
        assert stats == _reference_stats(ctx.document, ctx.claims, ctx.links)
        unprinted += stats["restating_unprinted"]
    assert unprinted > 0


def test_suffix_columns_from_the_lexicons_table_are_its_answers(sample_text):
    from textcheck.lexicon import load_lexicon
    from textcheck.linking.vocab import canonical_by_key, concept_columns_by_key, suffix_column

    lexicon = load_lexicon()
    table = concept_columns_by_key(lexicon)
    assert table is concept_columns_by_key(lexicon) and len(table) > 50
    assert all(lexicon.concept_column(k) == c for k, c in table.items())
    canonical = canonical_by_key(lexicon)  # (Linker._canonical against the lexicon: test_linking_fast_paths)
    assert len(canonical) > 500 and all(lexicon.canonical(k) == c for k, c in canonical.items())

    def reference(form):
        column = None
        for i in range(len(form)):
            column = lexicon.concept_column(form[i:])
            if column:
                break
        return column

    ctx = get_checker().context(read_text(sample_text, path="t.txt"))
    linker = Linker(ctx.document, ctx.lexicon)
    subjects = {linker.clean_subject(c.subject) for c in ctx.claims if c.subject}
    forms = subjects | {linker.short_subject(s) for s in subjects} | set(table)
    # forms normalisation changes: quotes, spaces, full-width brackets and letters, 〔〕
    forms |= {"“三公”经费", "三公 经费预算", "因公出国（境）费", "ＡＢ基本支出", "〔2024〕项目支出", "Ⅱ类一般公共预算"}
    hits = 0
    for form in sorted(forms):
        column = suffix_column(form, table, lexicon.concept_column)
        assert column == reference(form), form
        hits += column is not None
    assert hits > 50


def test_concept_cells_from_the_fund_index_are_the_scans(sample_text):
    from textcheck.linking.cells import _uniq_cells

    def reference_named(linker, fund, measure, tables):
        # the named-row part of _find_concept_cells as the scan it was: every named segment
        wanted = {t.index for t in tables if linker.index.role(t) != "performance"}
        return _uniq_cells([seg.cells[0] for seg in linker._in_tables(linker._named_of, wanted)
                            if linker.voc.fund(seg.key) == fund and linker.voc.measure(seg.key) in (None, measure)])

    ctx = get_checker().context(read_text(sample_text, path="t.txt"))
    linker = Linker(ctx.document, ctx.lexicon)
    every = linker.index.tables
    table_sets = [every, every[::2], *([t] for t in every)]
    found = 0
    for fund in linker.voc.fund_families:
        for measure in ("total", "basic", "project", "personnel", "public"):
            for tables in table_sets:
                wanted = {t.index for t in tables if linker.index.role(t) != "performance"}
                fast = _uniq_cells([seg.cells[0] for seg in linker._named_of_fund(fund)
                                    if seg.table.index in wanted and linker.voc.measure(seg.key) in (None, measure)])
                assert fast == reference_named(linker, fund, measure, tables), (fund, measure)
                found += len(fast)
    assert found > 20


# The same parts under every project's heading (one section per project, one scope), a generic
# subject under a project heading, a heading naming a measure, a fund's part of a revenue.
PROJECT_SECTIONS = """一、部门预算收支情况说明

2024年部门收入预算 100.00 万元。

二、一般公共预算基本支出情况说明

基本支出 40.00 万元，其中：人员经费 30.00 万元，公用经费 10.00 万元。公用经费主要包括：差旅费 4.00 万元。

三、项目支出情况说明

（一）项目名称：红山科创专家服务团工作经费

预算安排规模：55.00 万元

资金分配情况：差旅费 10.00 万元、培训费 5.00 万元、劳务费 40.00 万元

（二）项目名称：技术市场专项经费

预算安排规模：5.00 万元

资金分配情况：差旅费 2.00 万元、培训费 3.00 万元

（三）项目支出：科学技术支出 60.00 万元，项目预算 5.00 万元

四、政府性基金预算支出情况说明

污水处理费预算总额 20.00 万元，其中：政府性基金 20.00 万元。

第二部分 2024 年部门预算公开表

公开01表

部门收支预算总表

单位：万元

项目	预算数
一、一般公共预算拨款收入	100.00
本年收入合计	100.00

公开07表

一般公共预算基本支出情况表

单位：万元

科目名称	合计	人员经费	公用经费
合计	40.00	30.00	10.00
差旅费	4.00		4.00

公开08表

一般公共预算项目支出情况表

单位：万元

项目名称	合计
合计	60.00
红山科创专家服务团工作经费	55.00
技术市场专项经费	5.00
"""


def test_questions_under_other_headings_with_the_same_facts_are_one(sample_text):
    """A question keeps only what _link reads of its section (scope, unit, measure, heading
    project for a generic subject) and of its whole: claims of different sections share answers,
    and each still equals the claim linked on its own."""
    for text in (sample_text, PROJECT_SECTIONS):
        claims, questions = _check_links(text)
        ctx = get_checker().context(read_text(text, path="t.txt"))
        linker = Linker(ctx.document, ctx.lexicon, tolerance=ctx.config.tolerance)
        sections: dict[tuple, set] = {}
        for claim in ctx.claims:
            if claim.value is not None:
                sections.setdefault(linker._question(claim), set()).add(claim.section)
        assert any(len(s) > 1 for s in sections.values())  # shared across headings
