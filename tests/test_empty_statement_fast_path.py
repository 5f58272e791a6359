"""patterns.states_empty_table searches EMPTY_TABLE_STATEMENT only in a text holding one of its trigger
characters: it must say what the plain search says."""
from textcheck import patterns

SEED = "corpus/urumqi-kejiju-2024-budget.txt"


def test_states_empty_equals_the_plain_search():
    lines = open(SEED, encoding="utf-8").read().split("\n")
    extra = ["本表为空。", "此表为空", "本表无数据", "本部门无此项支出", "注：本部门无该项目", "本单位没有使用财政拨款收入安排的支出",
             "未安排“三公”经费支出", "政府性基金预算支出情况表为空表。", "无", "空", "", "本表无", "没有", "未安排支出"]
    found = 0
    for text in lines + extra:
        expected = patterns.EMPTY_TABLE_STATEMENT.search(text) is not None
        assert patterns.states_empty_table(text) == expected, text
        found += expected
    assert found >= len(extra) - 4
