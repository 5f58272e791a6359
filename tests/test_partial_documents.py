"""Documents with only one half: a narrative without tables, tables without narrative."""
from conftest import SAMPLE

from textcheck import check_text


def _split_sample():
    lines = SAMPLE.read_text("utf-8").split("\n")
    narrative = [ln for ln in lines if "\t" not in ln]
    tables_only = [ln for ln in lines if "\t" in ln or ln.startswith(("表 ", "单位：", "编制部门")) or ln.endswith("表")]
    return "\n".join(narrative), "\n".join(tables_only)


def test_narrative_without_tables_extracts_claims_but_links_nothing():
    narrative, _ = _split_sample()
    result = check_text(narrative, path="narrative-only.txt").documents[0]
    assert result.error is None
    assert result.stats["tables"] == 0
    assert result.stats["claims"] > 50
    assert result.stats["linked_claims"] == 0
    # nothing can be compared with a table that is not there: no amount/share errors
    assert not [d for d in result.diagnostics if d.category in ("amount", "share", "sum") and d.severity == "error"]


def test_tables_without_narrative_are_still_checked():
    _, tables = _split_sample()
    clean = check_text(tables, path="tables-only.txt").documents[0]
    assert clean.stats["tables"] >= 11 and clean.stats["claims"] == 0
    assert not [d for d in clean.diagnostics if d.category == "sum" and d.severity != "info"]
    broken = check_text(tables.replace("\t\t\t总计\t3,977.09\t1,422.65\t2,554.44",
                                       "\t\t\t总计\t3,997.09\t1,422.65\t2,554.44", 1), path="tables-only.txt")
    assert [d for d in broken.diagnostics if d.category == "sum" and d.severity == "error"]


def test_full_width_digits_in_a_sentence_are_read():
    text = "基本支出１，４２２．６５万元，比上年预算增加７８．１３万元，增长５．１８％。"
    result = check_text(text, path="fullwidth.txt").documents[0]
    assert result.stats["claims"] >= 1
    # 78.13 / (1422.65 − 78.13) = 5.81 %, not 5.18 %: the change rule sees the full-width figures
    assert [d for d in result.diagnostics if d.code == "TC301"]
