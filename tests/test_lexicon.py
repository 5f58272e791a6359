"""Lexicon loading, aliases, classification look-ups, sample coverage and package data."""
from __future__ import annotations

import fnmatch
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from textcheck.errors import ConfigError
from textcheck.lexicon import (
    Lexicon,
    data_dir,
    data_file,
    load_lexicon,
    load_yaml,
    normalize_term,
)

ROOT = Path(__file__).resolve().parent.parent
# Lexicon files other stages own (their own tests check their content).
OTHER_STAGES = {"columns.yml", "indicator_polarity.yml", "required_tables.yml"}


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


# ---------------------------------------------------------------- loader


def test_load_is_cached_per_extra_dirs(tmp_path):
    assert load_lexicon() is load_lexicon(())
    assert load_lexicon([]) is load_lexicon()
    other = load_lexicon([str(tmp_path)])
    assert other is not load_lexicon()
    assert other is load_lexicon((str(tmp_path),))


def test_data_file_and_load_yaml_prefer_extra_folder(tmp_path):
    assert data_file("concepts.yml") == data_dir() / "concepts.yml"
    (tmp_path / "bases.yml").write_text("bases: {前年: previous}\n", encoding="utf-8")
    assert data_file("bases.yml", [tmp_path]) == tmp_path / "bases.yml"
    assert load_yaml("bases.yml", [tmp_path]) == {"bases": {"前年": "previous"}}


def test_extra_folder_extends_and_overrides(tmp_path):
    (tmp_path / "function_classification.tsv").write_text(
        "# local items\n2069998\t本地科技专项\t3\n2060101\t行政运行（本地）\t3\n", encoding="utf-8")
    (tmp_path / "concepts.yml").write_text(
        "基本支出:\n  aliases: [基本经费支出]\n新概念:\n  aliases: [新说法]\n  column: newcol\n",
        encoding="utf-8")
    (tmp_path / "direction_words.yml").write_text("replace: true\nincrease: [涨]\n", encoding="utf-8")
    lx = load_lexicon([tmp_path])
    assert lx.function_items["2069998"] == "本地科技专项"
    assert lx.function_items["2060101"] == "行政运行（本地）"  # overridden by code
    assert lx.function_items["2060102"] == "一般行政管理事务"  # shipped rows kept
    assert lx.canonical("基本经费支出") == "基本支出"  # list appended
    assert lx.canonical("基本经费") == "基本支出"  # shipped alias kept
    assert lx.concept_column("新说法") == "newcol"
    assert lx.direction_words == {"increase": ["涨"]}  # replace: true


def test_bad_lexicon_file_is_a_clear_error(tmp_path):
    (tmp_path / "concepts.yml").write_text("a: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="concepts.yml"):
        Lexicon.load([tmp_path])
    bad = tmp_path / "tsv"
    bad.mkdir()
    (bad / "economic_classification.tsv").write_text("abc\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="economic_classification.tsv:1"):
        Lexicon.load([bad])


# ---------------------------------------------------------------- normalisation and aliases


def test_normalize_term_ignores_paren_width_spaces_and_quotes():
    assert normalize_term("因公出国（境）费") == normalize_term("因公出国(境)费")
    assert normalize_term(" 公务用车 运行费　") == "公务用车运行费"
    assert normalize_term("“三公”经费") == normalize_term('"三公"经费') == "三公经费"
    assert normalize_term("１２３") == "123"
    assert normalize_term("") == ""


@pytest.mark.parametrize("alias, canonical", [
    ("一般公共预算拨款", "一般公共预算"),
    ("一般公共预算", "一般公共预算"),
    ("公共财政拨款", "一般公共预算"),
    ("公务用车运行维护费", "公务用车运行费"),
    ("公务用车运行费", "公务用车运行费"),
    ("因公出国(境)费", "因公出国（境）费"),
    ("因公出国（境）费用", "因公出国（境）费"),
    ("“三公”经费", '"三公"经费'),
    ("三公经费", '"三公"经费'),
    ("收入总计", "收入预算"),
    ("支出合计", "支出预算"),
    ("上年结转", "上年结转结余"),
    ("机关运行经费", "机关运行经费"),
    ("科学技术管理事务", "科学技术管理事务"),
])
def test_aliases(lex, alias, canonical):
    assert lex.canonical(alias) == canonical


def test_unknown_term(lex):
    assert lex.canonical("完全不存在的词语") is None
    assert lex.lookup("完全不存在的词语") == []


def test_concepts_carry_column_keys(lex):
    expected = {"基本支出": "basic", "项目支出": "project", "人员经费": "personnel",
                "公用经费": "public", "一般公共预算": "general-budget",
                "政府性基金预算": "fund", "国有资本经营预算": "soe", "财政拨款": "fiscal",
                "上年结转结余": "carryover"}
    for concept, column in expected.items():
        assert lex.concepts[concept]["column"] == column
    assert lex.concepts["基本支出"]["measure"] == "basic"
    assert lex.concepts["一般公共预算"]["fund"] == "general"
    assert lex.concepts["收入预算"]["direction"] == "income"
    assert lex.concept_column("基本经费") == "basic"
    assert set(lex.concepts['"三公"经费']["parts"]) == {
        "因公出国（境）费", "公务用车购置及运行费", "公务接待费"}
    for concept in lex.concepts.values():  # every part is itself a concept
        for part in concept.get("parts", ()):
            assert part in lex.concepts


def test_every_concept_economic_code_exists(lex):
    for name, concept in lex.concepts.items():
        for code in concept.get("economic", ()):
            assert code in lex.economic_items, (name, code)


# ---------------------------------------------------------------- classification


def test_function_name_to_codes(lex):
    assert lex.function_names["科学技术管理事务"] == ["20601"]
    assert lex.function_codes("科学技术管理事务") == ["20601"]
    codes = lex.function_names["行政运行"]
    assert len(codes) > 20 and "2060101" in codes and "2010101" in codes
    assert all(len(c) == 7 and c.endswith("01") for c in codes)
    assert lex.function_path("2060101") == ["科学技术支出", "科学技术管理事务", "行政运行"]
    assert lex.function_levels["206"] == 1 and lex.function_levels["20601"] == 2
    assert lex.function_levels["2060101"] == 3


def test_function_classes_complete(lex):
    classes = {c: n for c, n in lex.function_items.items() if len(c) == 3}
    for code in ["201", "202", "203", "204", "205", "206", "207", "208", "209", "210",
                 "211", "212", "213", "214", "215", "216", "217", "219", "220", "221",
                 "222", "223", "224", "227", "229", "230", "231", "232", "233", "234"]:
        assert code in classes
    # common 类 have their 款 and 项
    for cls in ["201", "204", "205", "206", "207", "208", "210", "211", "212", "213", "221"]:
        assert sum(1 for c in lex.function_items if len(c) == 7 and c.startswith(cls)) >= 8, cls
    assert len(lex.function_items) > 1000


def test_classification_tree_is_consistent(lex):
    for items in (lex.function_items, lex.economic_items):
        for code in items:
            assert len(code) in (3, 5, 7)
            if len(code) > 3:
                assert code[:len(code) - 2] in items, f"{code} has no parent"


def test_economic_items(lex):
    assert lex.economic_items["30101"] == "基本工资"
    assert lex.economic_items["30231"] == "公务用车运行维护费"
    assert lex.economic_names["会议费"] == ["30215"]
    assert set(lex.economic_codes("公务用车购置")) == {"30913", "31013"}
    for code in ["301", "302", "303", "307", "309", "310", "312", "313", "399"]:
        assert code in lex.economic_items


def test_lookup_kinds(lex):
    assert ("concept", "一般公共预算") in lex.lookup("公共财政拨款")
    hits = lex.lookup("一般公共预算拨款")
    assert hits[0] == ("concept", "一般公共预算")
    assert ("income", "一般公共预算拨款收入") in hits
    assert ("economic", "30231") in lex.lookup("公务用车运行维护费")
    assert ("concept", "公务用车运行费") in lex.lookup("公务用车运行维护费")
    assert lex.lookup("2060101") == [("function", "2060101")]
    assert ("function", "2060101") in lex.lookup("行政运行")
    assert ("income", "事业收入") in lex.lookup("事业收入")


def test_function_codes_for_path(lex):
    assert lex.function_codes_for_path(["科学技术支出", "科学技术管理事务", "行政运行"]) == ["2060101"]
    assert lex.function_codes_for_path(["科学技术管理事务", "行政运行"]) == ["2060101"]
    assert lex.function_codes_for_path(["科学技术支出", "技术与开发", "科技成果转化与扩散"]) == ["2060404"]
    assert lex.function_codes_for_path(["科学技术支出（类）", "科技条件与服务（款）", "机构运行（项）"]) == ["2060501"]
    assert len(lex.function_codes_for_path(["行政运行"])) > 20
    assert lex.function_codes_for_path(["教育支出", "科学技术管理事务", "行政运行"]) == []
    assert lex.function_codes_for_path([]) == []


def test_former_and_variant_names_resolve(lex):
    assert lex.function_items["210"] == "卫生健康支出"
    assert lex.function_names["医疗卫生与计划生育支出"] == ["210"]
    assert lex.canonical("医疗卫生与计划生育支出") == "卫生健康支出"
    assert lex.is_function_name("20604", "技术研究与开发")
    assert lex.is_function_name("20604", "技术与开发")
    assert not lex.is_function_name("20604", "科学技术管理事务")
    assert lex.is_economic_name("30213", "维修(护)费")


# ---------------------------------------------------------------- the sample's tables


def _sample_rows(sample_lines):
    """(line, code, name) of every classification row of the sample's tables: 功能分类 rows
    "206<TAB>01<TAB>01<TAB>name" (表 2/3/5), "201 name" cells (表 1/4), and 经济分类 rows
    "301<TAB>01<TAB>name" (表 6)."""
    function, economic = [], []
    for no, line in enumerate(sample_lines, 1):
        cells = line.split("\t")
        if len(cells) >= 4 and re.fullmatch(r"2\d\d", cells[0]) and re.fullmatch(r"(\d\d)?", cells[1]) \
                and re.fullmatch(r"(\d\d)?", cells[2]) and cells[3]:
            function.append((no, cells[0] + cells[1] + cells[2], cells[3]))
        elif len(cells) >= 3 and re.fullmatch(r"3\d\d", cells[0]) and re.fullmatch(r"(\d\d)?", cells[1]) \
                and cells[2]:
            economic.append((no, cells[0] + cells[1], cells[2]))
        for cell in cells:
            m = re.fullmatch(r"(2\d\d) (\S+)", cell.strip())
            if m:
                function.append((no, m.group(1), m.group(2)))
    return function, economic


def test_sample_table_rows_are_in_the_lexicon(lex, sample_lines):
    function, economic = _sample_rows(sample_lines)
    assert len(function) > 60 and len(economic) > 25  # the parse found the tables
    assert {code for _, code, _ in function} >= {"206", "20601", "2060101", "20605", "2060599"}
    missing = [(no, code, name) for no, code, name in function if not lex.is_function_name(code, name)]
    assert missing == []
    missing = [(no, code, name) for no, code, name in economic if not lex.is_economic_name(code, name)]
    assert missing == []
    # official names match exactly, except where the sample uses a listed variant
    variants = [(code, name) for _, code, name in function if lex.function_items[code] != name]
    assert {name for _, name in variants} <= {"技术与开发"}


def test_sample_narrative_subjects_resolve(lex, sample_lines):
    """"科学技术支出（类）科学技术管理事务（款）行政运行（项）" names resolve to one code path."""
    seen = 0
    for line in sample_lines:
        for m in re.finditer(r"([\u4e00-\u9fff]+)（类）([\u4e00-\u9fff]+)（款）([\u4e00-\u9fff]+)（项）", line):
            cls, sec, item = m.groups()
            codes = [c for c in lex.function_names.get(item, ())
                     if lex.is_function_name(c[:3], cls) and lex.is_function_name(c[:5], sec)]
            assert len(codes) == 1, m.group(0)
            seen += 1
    assert seen >= 5


# ---------------------------------------------------------------- words and units


def test_direction_words(lex):
    assert set(lex.direction_words) == {"increase", "decrease", "flat"}
    for word in ["增加", "增长", "上升", "提高", "增多", "多"]:
        assert lex.direction_of(word) == "increase"
    for word in ["减少", "下降", "降低", "减"]:
        assert lex.direction_of(word) == "decrease"
    for word in ["持平", "不变", "无变化", "相同", "一致"]:
        assert lex.direction_of(word) == "flat"
    for words in lex.direction_words.values():  # longest first
        assert [len(w) for w in words] == sorted((len(w) for w in words), reverse=True)
    all_words = [w for ws in lex.direction_words.values() for w in ws]
    assert len(all_words) == len(set(all_words))  # no word in two directions


def test_bases_units_measures(lex):
    assert lex.bases.index("上年预算数") < lex.bases.index("上年预算") < lex.bases.index("上年")
    assert lex.base_kinds["上年预算"] == "budget" and lex.base_kinds["上年决算"] == "final"
    assert lex.base_kinds["上年"] == "previous"
    assert "预算" in lex.base_year_suffixes
    assert lex.money_units == {**lex.money_units, "元": 1, "千元": 1000, "万元": 10000,
                               "亿元": 100000000}
    for word, cat in [("人", "people"), ("人次", "people"), ("个", "things"), ("项", "things"),
                      ("次", "times"), ("场", "times"), ("天", "duration"), ("家", "organisations")]:
        assert lex.measure_category(word) == cat
    assert list(lex.measure_words)[0] in {w for w in lex.measure_words if len(w) == max(map(len, lex.measure_words))}
    assert lex.unit_names["万元"] == "money" and lex.unit_names["%"] == "percent"
    assert lex.unit_names["人次"] == "people"


def test_jieba_words(lex):
    words = lex.jieba_words()
    assert len(words) == len(set(words))
    for w in ["科学技术管理事务", "其他科技条件与服务支出", "一般公共预算拨款", "公务用车运行维护费",
              "因公出国（境）费", "上年预算", "万元", "人次", "工资福利支出", "事业单位经营收入"]:
        assert w in words
    assert all(len(w) > 1 for w in words)


def test_no_document_specific_vocabulary():
    """Lexicons hold general vocabulary: no amounts, no unit (organisation) names."""
    for path in data_dir().iterdir():
        if path.suffix in {".yml", ".tsv"} and path.name not in OTHER_STAGES:
            text = path.read_text("utf-8")
            assert not re.search(r"\d[\d,]*\.\d\d", text), path.name  # no money amounts
            assert "乌鲁木齐" not in text and "科学技术局" not in text, path.name


# ---------------------------------------------------------------- package data


def _lexicon_files():
    return sorted(p.name for p in (ROOT / "lexicons").iterdir()
                  if p.is_file() and p.name != "__init__.py" and not p.name.startswith("."))


def test_every_lexicon_file_ships_as_package_data():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    setuptools = pyproject["tool"]["setuptools"]
    assert setuptools["package-dir"]["textcheck.lexicons_data"] == "lexicons"
    assert "textcheck.lexicons_data" in setuptools["packages"]
    patterns = setuptools["package-data"]["textcheck.lexicons_data"]
    files = _lexicon_files()
    assert "function_classification.tsv" in files and "concepts.yml" in files
    unmatched = [f for f in files if not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert unmatched == []
    shipped = {p.name for p in resources.files("textcheck.lexicons_data").iterdir()}
    assert set(files) <= shipped


def test_readme_lists_every_lexicon_file():
    readme = (ROOT / "lexicons" / "README.md").read_text("utf-8")
    for name in _lexicon_files():
        if name != "README.md" and name not in OTHER_STAGES:
            assert f"`{name}`" in readme, name


def test_nfkc_is_unicodedata_nfkc():
    """terms.nfkc replaces full-width punctuation by its decomposition before NFKC: the
    result must be NFKC's own, also next to combining marks and compatibility forms."""
    import random
    import unicodedata

    from textcheck.lexicon.terms import nfkc

    pool = list("（）()，：；！？,:;!?一二费aé") + ["\u0301", "\u0338", "\u3000", "＜", "＝", "①", "…", "ﾊﾞ",
                                                    "\uFE5D", "\u2F00", "\uF900", "ｶ", "\u3099", "e", "<"]
    rng = random.Random(7)
    for _ in range(20000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        assert nfkc(s) == unicodedata.normalize("NFKC", s), repr(s)
    seed = (Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt").read_text("utf-8")
    assert nfkc(seed) == unicodedata.normalize("NFKC", seed)
