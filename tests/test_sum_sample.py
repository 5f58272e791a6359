"""The sum rules on the bundled sample: silent on the original, an error for each single-cell change.

Each defect test changes one cell in a copy of the sample (in several tables,
in parts and in totals) and asserts an `error` of category `sum` located on
the changed cell's line or on its total's line, naming the changed figure.
"""
import pytest

from tests.conftest import line_of
from textcheck.api import check_text
from textcheck.config import Config

SUM_ONLY = Config(select=["sum"])


def _check(text):
    return [d for d in check_text(text, path="sample.txt", config=SUM_ONLY).diagnostics if d.category == "sum"]


def _change(text: str, needle: str, old: str, new: str, nth: int = 0) -> tuple[str, int]:
    """Replace ``old`` by ``new`` inside the nth line containing ``needle``; returns (text, line)."""
    line = line_of(text, needle, nth)
    lines = text.split("\n")
    assert old in lines[line - 1], (old, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines), line


def test_sample_tables_add_up_within_rounding(sample_text):
    serious = [(d.code, d.location.line, d.message) for d in _check(sample_text) if d.severity != "info"]
    assert serious == []


def test_rounding_differences_are_at_most_info(sample_text):
    # 649.32 + 10.29 = 659.61 against 659.62 (表 3 科学技术管理事务): inside the rounding band.
    cfg = Config(select=["TC101"], rules={"TC101": {"report-rounding": True}})
    found = check_text(sample_text, path="sample.txt", config=cfg).diagnostics
    line = line_of(sample_text, "科学技术管理事务\t659.62", 1)
    hits = [d for d in found if d.location.line == line]
    assert hits and all(d.severity == "info" for d in hits)
    assert "649.32 + 10.29 = 659.61" in hits[0].message


# (table, line needle, nth line with it, old cell text, new cell text, total needle or None)
CASES = [
    ("表 2 part", "科技条件与服务\t948.53\t942.96", 0, "888.76", "887.76", None),
    ("表 2 total", "总计\t3,977.09\t3,956.08", 0, "3,977.09", "3,978.09", None),
    ("表 3 part", "科技条件与服务\t948.53\t773.32", 0, "773.32", "774.32", None),
    ("表 3 total", "科学技术管理事务\t659.62\t649.32", 0, "659.62", "669.62", None),
    ("表 5 part", "机构运行\t292.54\t292.54", 2, "292.54\t292.54", "292.54\t293.54", None),
    ("表 5 total", "总计\t3,956.08\t1,422.65", 0, "3,956.08", "3,957.08", None),
    ("表 6 part", "津贴补贴\t172.86", 0, "172.86\t172.86", "182.86\t172.86", None),
    ("表 6 total", "总计\t1,422.65\t1,306.29", 0, "1,306.29", "1,316.29", None),
    ("表 7 part", "红山科技领军人才项目经费", 0, "12.00", "13.00", None),
    ("表 10 part", "公务用车运行费\t10.80", 0, "公务用车运行费\t10.80", "公务用车运行费\t11.80", None),
    ("表 10 total", "合计\t10.80\t10.80", 0, "合计\t10.80", "合计\t12.80", None),
    ("表 11 part", "企业国际合作交流及平台运营项目经费\t5.48", 0, "5.48\t5.48", "5.58\t5.48", None),
    ("表 11 total", "总计\t21.01\t21.01", 0, "总计\t21.01", "总计\t22.01", None),
    ("表 1 total", "收入总计\t3,977.09", 0, "收入总计\t3,977.09", "收入总计\t3,987.09", None),
    ("表 4 part", "206 科学技术支出\t3,956.08\t3,956.08", 0, "3,956.08\t3,956.08", "3,956.08\t3,966.08", None),
]


@pytest.mark.parametrize("name,needle,nth,old,new,total", CASES, ids=[c[0] for c in CASES])
def test_single_cell_change_is_an_error_in_that_table(sample_text, name, needle, nth, old, new, total):
    text, line = _change(sample_text, needle, old, new, nth)
    figure = new.split("\t")[-1] if new.split("\t")[-1] != old.split("\t")[-1] else new.split("\t")[0]
    lines = {line} | ({line_of(text, total)} if total else set())
    errors = [d for d in _check(text) if d.severity == "error"]
    table_id = name.split()[0] + " " + name.split()[1]
    here = [d for d in errors
            if d.message.startswith(table_id + " ")
            and any(r.line in lines or d.location.line in lines for r in d.related)]
    assert here, f"no error in {table_id} for line {line}: {[(d.code, d.location.line, d.message) for d in errors]}"
    # The changed cell is named: as evidence in `related`, and its figure in the message.
    assert any(any(r.kind == "table-cell" and r.line == line and r.text == figure for r in d.related)
               and figure in d.message for d in here)


def test_cross_table_total_mismatch_points_at_the_outlier(sample_text):
    # 表 3 总计 changed in all three columns consistently: only other tables disagree.
    text, line = _change(sample_text, "总计\t3,977.09\t1,422.65\t2,554.44",
                         "3,977.09\t1,422.65\t2,554.44", "3,987.09\t1,432.65\t2,554.44")
    text, _ = _change(text, "科学技术支出\t3,977.09\t1,422.65", "3,977.09\t1,422.65", "3,987.09\t1,432.65")
    cross = [d for d in _check(text) if d.code == "TC105" and d.severity == "error"]
    assert cross and all(d.location.line in (line, line + 1) for d in cross)
    assert any("3,987.09" in d.message and "3,977.09" in d.message for d in cross)
    assert {r.table for d in cross for r in d.related} >= {"表 3"}
