"""Claims (textcheck.claims, textcheck.nlp): numeric statements of the narrative.
Units and measure words come from the lexicon at run time; the builders below turn them
into patterns once per pipeline (textcheck.nlp)."""
from __future__ import annotations

import re as _re

from textcheck.patterns import engine as regex  # regex's API, re's engine where it reads the same


class Needs:
    """A pattern behind a cheap test: every match of it holds one of ``words`` (literals it
    cannot match without), so a text holding none of them is answered without running it.
    The patterns wrapped so start with an optional or lazy part, or end in an anchor: the
    engine tries them at every position of the text, while ``in`` finds a literal in C.
    ``mark``, when given, is a simple pattern every match holds too (searched after a word
    was found).  ``tests/test_claims_needs.py`` checks each pattern's words and the answers."""

    __slots__ = ("pattern", "words", "mark", "_any", "_word")

    def __init__(self, pattern, words, mark=None):
        self.pattern, self.words, self.mark = pattern, tuple(words), mark
        assert self.words and all(self.words), "no match without a non-empty word"
        # one word: an ``in`` test; several: one search of their alternation finds any of them
        # (the engine scans in C, where a loop of ``in`` tests runs a step per word); a literal
        # alternation reads the same in re and regex
        self._word = self.words[0] if len(self.words) == 1 else None
        self._any = _re.compile("|".join(_re.escape(w) for w in self.words)) if len(self.words) > 1 else None

    def may_match(self, text: str) -> bool:
        """Whether ``text`` holds one of the words (and the mark): ``any(w in text for w in words)``."""
        word = self._word
        if (word not in text) if word is not None else (self._any.search(text) is None):
            return False
        return self.mark is None or self.mark.search(text) is not None

    # search/match/finditer make the same test as may_match, written out: the extractor runs them
    # some 700 times a document, and a call less each is a tenth of a millisecond
    def search(self, text: str, *args, **kwargs):
        word = self._word
        if (word not in text) if word is not None else (self._any.search(text) is None):
            return None
        if self.mark is not None and self.mark.search(text) is None:
            return None
        return self.pattern.search(text, *args, **kwargs)

    def match(self, text: str, *args, **kwargs):
        word = self._word
        if (word not in text) if word is not None else (self._any.search(text) is None):
            return None
        if self.mark is not None and self.mark.search(text) is None:
            return None
        return self.pattern.match(text, *args, **kwargs)

    def finditer(self, text: str, *args, **kwargs):
        return self.pattern.finditer(text, *args, **kwargs) if self.may_match(text) else iter(())


# The patterns below that the extractor runs over every sentence start with a character set,
# not with a look-behind or an alternation: then the engine skips in C to the positions holding
# one of its characters instead of trying the whole pattern at every position (a look-behind
# that came first is written after that character, two characters wide). They match exactly
# what the plainer spellings in the comments match (tests/test_claims_fast_paths.py).

# Cheap pre-filter: only sentences with an Arabic digit (half or full width) or a
# Chinese numeral are segmented at all.
# ( [0-9０-９]|[二两三四五六七八九十百][个人名家项次场座篇份台辆件套期轮位所户条] )
CLAIM_HAS_DIGIT = regex.compile(r"[0-9０-９二两三四五六七八九十百]"
                                r"(?:(?<=[0-9０-９])|(?<=[二两三四五六七八九十百])[个人名家项次场座篇份台辆件套期轮位所户条])")

# A number in running text: thousands separators (well placed or not — the format
# rule judges them), optional fraction.  Not part of a longer digit run or a code.
# ( (?<![\d.,])\d+(?:,\d+)*(?:\.\d+)?(?![\d]) )
CLAIM_NUMBER = r"\d(?<![\d.,].)\d*(?:,\d+)*(?:\.\d+)?(?![\d])"

# A Chinese numeral as a count ("四个城市", "两个"); a lone "一" is an article
# ("一批", "一个重要阵地") and never a count; "第" makes it an ordinal.
# ( (?<![第零〇一二两三四五六七八九十百千\d])(?:[二两三四五六七八九十百千][零〇一二两三四五六七八九十百千]*|一[零〇一二两三四五六七八九十百千]+) )
CLAIM_CN_NUMERAL = (r"[一二两三四五六七八九十百千](?<![第零〇一二两三四五六七八九十百千\d].)"
                    r"(?:(?<!一)[零〇一二两三四五六七八九十百千]*|[零〇一二两三四五六七八九十百千]+)")

# Qualifiers that make a figure a threshold or an estimate, not a stated amount:
# "50 万元以上大型设备", "2 万元左右", "约 3 万元", "不超过 5 万元".
CLAIM_APPROX_AFTER = regex.compile(r"^\s*(?:以上|以下|以内|左右|上下|多|余|之间|至|-|—|~|～)")
CLAIM_APPROX_BEFORE = regex.compile(
    r"(?:约|近|超过|不超过|不低于|不少于|不高于|大约|≥|≤|>=|<=|>|<|＞|＜|每人|人均|每|\d\s*[-~～至到])\s*$")

# The previous year's amount named before a change: "比2025年初预算数 20,292.85 万元减少…",
# "较上年执行数 1,200.00 万元", "（上年执行数为 0.00 万元，…）" — a base, not the current figure.
CLAIM_PREVIOUS_CUE = Needs(regex.compile(
    r"(?:(?:比|较|相比|对比)\s*(?:\d{4}\s*年度?|上年度?|去年|上一年度?)|(?<![\p{Han}\d])(?:上年度?|去年|上一年度?))"
    r"(?:年初|初|同期)?\s*(?:的)?(?:预算|决算|执行)?\s*(?:数|金额|安排)?\s*(?:为|是)?\s*$"),
    ("比", "较", "上年", "去年", "上一年"))

# Share cue right before the percentage: "占 35.77%", "占比 10%", "占总支出的 5%".
CLAIM_SHARE_CUE = Needs(regex.compile(r"占(?:[^，,。；;：:%\d]{0,14}?的?)?(?:比|比例|比重)?(?:为|达)?\s*$"), ("占",))

# Clause separators inside a sentence (sentences themselves end at 。！？；).
CLAIM_CLAUSE_BREAK_CHARS = "，,：:；;"  # (one character each: the last break is found with str.rfind)
CLAIM_CLAUSE_BREAK = regex.compile(f"[{CLAIM_CLAUSE_BREAK_CHARS}]")
# the same set searched from the right (regex's reverse flag): the last break before a figure in
# one call into C, where a str.rfind per character took a Python step each
CLAIM_CLAUSE_BREAK_LAST = regex.compile(f"(?r)[{CLAIM_CLAUSE_BREAK_CHARS}]")

# "、" separates list items only right after a figure ("差旅费 10.00 万元、培训费 5.00 万元");
# elsewhere it joins nouns of one subject ("收入、支出预算总计").
CLAIM_ITEM_BREAK = regex.compile(r"\s*、")

# Explanatory regions: figures after these words explain, they are not budget lines.
CLAIM_REASON = regex.compile(r"主要原因(?:是|为|在于)?|原因(?:是|为)|主要用于|用于")

# List introducers: "…，其中：", "包括：", "分别是：", "资金分配情况：".
CLAIM_LIST_MARKER = Needs(regex.compile(r"其中\s*[：:，,]?|(?:主要)?包括\s*[：:]|分别(?:是|为)\s*[：:]?|资金分配情况\s*[：:]"),
                          ("其中", "包括", "分别", "资金分配情况"))

# Between two figures of one enumeration ("货物 486.50 万元、工程 0 万元") or after the figure that
# introduces it ("总额 712.49 万元：货物…"); a clause break ends the walk back to the list's head.
CLAIM_ENUMERATION_GAP = regex.compile(r"[、：:]")
CLAIM_LIST_HEAD_BREAK = regex.compile(r"[，,；;。]")

# Words before a list marker that name the list's own subject ("支出包括：", not "其中："):
# the list then belongs to no figure of the sentence before (textcheck.claims).
CLAIM_LIST_OWN_SUBJECT = regex.compile(r"[\p{Han}A-Za-z]")

# A comma ending a "、" enumeration of names, and an ASCII digit (a count written in Chinese
# numerals inside a listed name, "研究二所", is part of the name) (textcheck.claims).
CLAIM_ENUM_COMMA = regex.compile(r"[，,]")
CLAIM_ASCII_DIGIT = regex.compile(r"[0-9]")

# The end of a whole sentence: a list opened by "其中：" never runs past it (textcheck.claims).
CLAIM_FULL_STOP = regex.compile(r"[。！？!?]\s*$")

# Enumeration introducers after a count ("下设 6 个处室，分别是：A、B").
CLAIM_ENUM_MARKER = regex.compile(r"(?:分别(?:是|为)|包括|即|为)\s*[：:]")

# A project block opener: "（一）项目名称：…".
CLAIM_PROJECT_NAME = regex.compile(r"项目名称\s*[：:]\s*(?P<name>.+?)\s*$")

# The project's stated total inside its block ("预算安排规模：55.00 万元").
CLAIM_PROJECT_TOTAL_SUBJECT = regex.compile(r"^(?:预算安排规模|项目(?:预算|资金)(?:规模|总额)?|资金规模|预算规模|年度预算总额|项目总预算)$")

# Subject words too generic to stand alone: they take the subject of the clause
# before ("科学技术支出（类）…（项）：2024 年预算数为 649.32 万元").
CLAIM_GENERIC_SUBJECT = regex.compile(
    r"^(?:(?:本年|当年|全年|年初)?(?:预算数?|预算安排|预算金额)|金额|合计|共计|总计|数额|规模|安排|本年|当年)?$")

# A subject that names only a stage of the figure, no item ("支出决算", "执行数", "决算数"): in
# "年初预算为 A 万元，支出决算为 B 万元" two figures of one item compete for its cells, so
# neither takes the item from context (claims.context).
CLAIM_STAGE_ONLY_SUBJECT = regex.compile(r"^(?:支出|收入)?(?:决算数?|执行数?|完成数?|实际数|实际支出|实际完成数?)$")

# A figure-less lead that may name the item of the generic claim after it (claims.context):
# what a name never holds — clause punctuation, figures, words of a descriptive title
# ("（三）财政拨款支出决算具体情况", "（一）总体工作情况") or of running text.
CLAIM_LEAD_NOT_A_NAME = regex.compile(
    r"[，,、。；;：:！？!?\d]|情况|说明|概况|概述|总体|整体|主要|原因|分析|如下|以下|具体|有关|汇总")

# A lead that is a classification path ending with its level mark ("社会保障和就业（类）行政事业
# 单位离退休（款）归口管理的行政单位离退休（项）"): a name however long (claims.context).
CLAIM_LEAD_LEVEL_PATH = regex.compile(r"[(（]\s*[类款项]\s*[)）]$")

# Words that open a change clause restating the net change just stated ("…。增减相抵后与上年
# 相比减少 710.87 万元"): the clause names no item of its own.
CLAIM_NET_CHANGE_LEAD = regex.compile(r"^(?:增减相抵后?|相抵后|综上|综合|合计|总体|总的来看|整体)$")

# Generic words that qualify the previous subject: "房屋 …，价值 299.92 万元" → 房屋价值.
CLAIM_QUALIFIER_SUBJECT = regex.compile(r"^(?:价值|涉及金额|涉及预算金额|金额合计|资金|经费)$")

# "所有项目支出预算纳入绩效管理，涉及预算资金 X": the funds involved are the whole of the measure
# the sentence names with 所有/全部 before them (the subject names no item of its own).
CLAIM_INVOLVED_FUNDS = regex.compile(r"^涉及(?:预算)?(?:资金|金额)$")
CLAIM_WHOLE_MEASURE = regex.compile(r"(?:所有|全部)(项目支出|基本支出)")

# Leading list numbering and bullets of a paragraph or clause: "1、", "1. ", "（一）", "- ".
CLAIM_LEADING_NUMBERING = regex.compile(
    r"^\s*(?:[-•·*]\s*)?(?:\d+\s*[、.．)）]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|[一二三四五六七八九十]+\s*、)\s*")

# Words that close a subject prefix on the left: the subject is what follows them.
CLAIM_SUBJECT_LEFT_CUT = Needs(regex.compile(r".*(?:其中|包括|分别是|分别为|主要是|即|截至\d{4}年底|截至\S*?底)\s*"),
                               ("其中", "包括", "分别是", "分别为", "主要是", "即", "截至"))

# Trailing verbs and copulas between a subject and its figure: "预算数为", "共计".
CLAIM_SUBJECT_TRAILING = regex.compile(r"(?:为|是|达到?|共计|总计|合计为|约|了|的)\s*$")

# A year inside a subject ("2024 年", "2024年度的").
CLAIM_YEAR = regex.compile(r"\d{4}\s*年度?(?:的)?")

# The 类/款/项 form: "科学技术支出（类）科学技术管理事务（款）行政运行（项）".
# The 款/项 form under a "（一）公共安全（类）" heading: "法院（款）行政运行（项）支出".
# What every match of the two holds: the 款 / 类 mark (tried before the patterns, whose lazy
# start makes the engine walk the text from every position).
CLAIM_KUAN_MARK = regex.compile(r"[（(]\s*款\s*[）)]")
CLAIM_CLASS_MARK = regex.compile(r"[（(]\s*类\s*[）)]")
CLAIM_CLASSIFICATION_KX = Needs(regex.compile(
    r"(?P<kuan>[^（(：:，,。；;\s]+?)\s*[（(]\s*款\s*[）)]"
    r"(?:\s*(?P<xiang>[^（(：:，,。；;\s]+?)\s*[（(]\s*项\s*[）)])?"), ("款",), CLAIM_KUAN_MARK)

# A 类 heading: "（一）公共安全（类）".
CLAIM_CLASS_HEADING = regex.compile(r"(?P<lei>[^（(：:，,。；;\s)）]+?)\s*[（(]\s*类\s*[）)]")
CLAIM_CLASSIFICATION = Needs(regex.compile(
    r"(?P<lei>[^（(：:，,。；;\s]+?)\s*[（(]\s*类\s*[）)]"
    r"(?:\s*(?P<kuan>[^（(：:，,。；;\s]+?)\s*[（(]\s*款\s*[）)])?"
    r"(?:\s*(?P<xiang>[^（(：:，,。；;\s]+?)\s*[（(]\s*项\s*[）)])?"), ("类",), CLAIM_CLASS_MARK)

# A classification code before its name: "2010101 行政运行", "206 科学技术支出".
CLAIM_CODE_NAME = regex.compile(r"(?<!\d)(?P<code>\d{3}(?:\d{2}){0,2})(?!\d)\s*(?P<name>\p{Han}[\p{Han}（）()]*)")

# A department/unit name right before a year at the start of a subject:
# "乌鲁木齐市科学技术局 2024 年一般公共预算…" → the name is not part of the subject.
CLAIM_ORG_BEFORE_YEAR = Needs(regex.compile(
    r"^\p{Han}{1,30}?(?:局|委员会|委|厅|办公室|办|中心|院|馆|会|部|处|站|所|队|室|公司|学校|大学|政府)(?=\s*\d{4}\s*年)"),
    ("年",))

# Department names named in headings: "关于乌鲁木齐市科学技术局 2024 年收入预算情况说明".
CLAIM_HEADING_ORG = Needs(regex.compile(r"关于\s*(?P<org>\p{Han}{4,}?)\s*\d{4}\s*年"), ("关于",))  # (most headings lack it)

# A full-width form claims.vocab.halfwidth rewrites (the ASCII block's twins and the ideographic
# space): found first, each present one is then replaced throughout (str.translate would look
# every character up, ~0.2 µs each).
CLAIM_FULLWIDTH = regex.compile("[\uff01-\uff5e\u3000]")

# Small helpers of the claim extractor (precompiled: they run per clause).
CLAIM_SPACES = regex.compile(r"\s+")
# Quotation marks and spaces, which do not tell two spellings of one name apart ("三公" / “三公”).
CLAIM_QUOTES_OR_SPACE = regex.compile(r"[\s“”\"'‘’《》]+")
CLAIM_HAN = regex.compile(r"\p{Han}")
CLAIM_ALL_HAN = regex.compile(r"^\p{Han}+$")
CLAIM_HAN_OR_DIGIT = regex.compile(r"[\p{Han}\d]")
CLAIM_CONNECTOR_LEAD = regex.compile(r"^(?:其中|另外|此外|同时|其|均|分别|合计|共计)")
CLAIM_BARE_BUDGET_WORD = regex.compile(r"^(?:预算|预算数|年初预算|本年预算|当年预算|本年|当年|本年数|本年预算数|当年预算数)$")
# Han characters none of the patterns above that claims.sentence deletes from a clause prefix
# (numbering, connectors, years, trailing copulas, bare budget words) can delete: one of them in
# a prefix stays, so the prefix names a subject (_names_subject) …
CLAIM_KEPT_HAN = regex.compile(r"(?![一二三四五六七八九十其中另外此同时均分别合计共年度的为是达到总约了预算数初本当])\p{Han}")
# … and, unless it is a word of CLAIM_GENERIC_SUBJECT too, it is not a generic one (_is_generic)
CLAIM_NOT_GENERIC_HAN = regex.compile(
    r"(?![一二三四五六七八九十年度的为是达到共计总合约了本当全初预算数安排金额规模])\p{Han}")
CLAIM_NOUN_START = regex.compile(r"[\p{Han}“\"《]")
CLAIM_NOUN_TOKEN = regex.compile(r"^[\p{Han}“”\"《》]+$")
CLAIM_NOUN_RUN = regex.compile(r"[\p{Han}“”\"《》]{1,12}")
CLAIM_NOUN_STOP = regex.compile(r"在内|的|和|及|与|等")
# jieba's word characters (its re_han_default: Han of the basic block, Latin letters, digits,
# "+#&._%-"), which it cuts into tokens run by run, and a run of its Han ones and the quote marks
# CLAIM_NOUN_TOKEN takes (each of them a token by itself) — what claims.sentence needs to know of
# its segmentation (tests/test_claims_tokens.py)
CLAIM_JIEBA_WORD_CHAR = regex.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]")
CLAIM_JIEBA_NOUN_RUN = regex.compile(r'[\u4E00-\u9FD5“”"《》]+')
# A character that is neither a jieba word character nor one CLAIM_NOUN_TOKEN takes: unless it is
# white space, a token by itself that ends a noun — the reader of tokens after a figure stops there
# (claims.extract segments the sentence only up to it)
CLAIM_NOUN_READ_END = regex.compile(r'[^\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-\p{Han}“”"《》]')
CLAIM_SENTENCE_END = regex.compile(r"[。；;]")
CLAIM_ENUM_SPLIT = regex.compile(r"[、，,]")
CLAIM_PAREN_OR_SPACE = regex.compile(r"[（(].*?[）)]|\s+")
CLAIM_YEAR_NUMBER = regex.compile(r"(\d{4})\s*年")
CLAIM_BRACKET = regex.compile(r"[(（)）]")
def claim_quantity_pattern(units: list[str]) -> "regex.Pattern":
    """Number + unit: "3,901.89 万元", "35.77%", "6 个", "1 亿元" (units longest first)."""
    alternation = "|".join(regex.escape(u) for u in sorted(set(units), key=lambda u: (-len(u), u)))
    return regex.compile(rf"(?P<num>{CLAIM_NUMBER})\s*(?P<unit>{alternation})")
def claim_cn_count_pattern(measures: list[str]) -> "regex.Pattern":
    """Chinese numeral + measure word: "四个", "两家" (never "一般", never "两区")."""
    alternation = "|".join(regex.escape(u) for u in sorted(set(measures), key=lambda u: (-len(u), u)))
    return regex.compile(rf"(?P<num>{CLAIM_CN_NUMERAL})(?P<unit>{alternation})")
# Words after "NNNN年" that make a year-specific base when the lexicon gives none.
CLAIM_BASE_YEAR_SUFFIXES = ("预算数", "预算", "决算数", "决算", "执行数")


def claim_change_cue_pattern(increase, decrease, flat, bases, year_suffixes=CLAIM_BASE_YEAR_SUFFIXES) -> "regex.Pattern":
    """A direction word right before a figure, with an optional base before it.

    "比上年预算增加 ", "与上年相比减少 ", "较 2023 年预算下降 ", "较 2025 年年初预算增加 ", ", 增长 ".
    ``year_suffixes``: the words after "NNNN年" that make a year-specific base (lexicon bases.yml).
    """
    def alt(words):
        return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))

    base = (rf"(?:(?:比|较|与|同|相比|相较|对比)\s*(?P<base>{alt(bases)}|\d{{4}}\s*年度?(?:{alt(year_suffixes)})?)"
            rf"\s*(?:相比|相较|比较)?(?:预算)?\s*[，,]?\s*)")
    # "增加(减少)" in templates: the direction is left open (alt group).
    either = r"(?P<alt>\s*[(（]\s*(?:增加|减少|增长|下降|降低|上升)\s*[)）])?"
    # "本年数小于上年预算数 29.65 万元": comparison word, then the base.
    compare_words = ("大于", "多于", "高于", "小于", "少于", "低于")
    compare = rf"(?:(?P<inc2>大于|多于|高于)|(?P<dec2>小于|少于|低于))\s*(?P<base2>{alt(bases)})"
    pattern = regex.compile(
        rf"(?:{base}?(?:(?P<inc>{alt(increase)})|(?P<dec>{alt(decrease)})){either}|{compare})(?:了)?\s*$")
    # a match holds a direction or comparison word — unless a word list is empty (its group
    # then matches the empty string)
    words = (*increase, *decrease, *compare_words)
    return Needs(pattern, words) if increase and decrease and all(words) else pattern
def claim_named_base_pattern(year_suffixes=CLAIM_BASE_YEAR_SUFFIXES) -> "regex.Pattern":
    """A year-specific base that names its item again before a change word: "比 2025 年财政拨款
    “三公”经费年初预算" (减少 10.13 万元) — year, the item's words (``mid``), a base suffix."""
    alternation = "|".join(regex.escape(w) for w in sorted(set(year_suffixes), key=lambda w: (-len(w), w)))
    return regex.compile(rf"^\s*(?:比|较|与|同)\s*(?P<year>\d{{4}}\s*年度?)(?P<mid>.+?)(?P<suffix>{alternation})"
                         rf"\s*(?:相比|相较|比较)?\s*[，,]?\s*$")
def claim_base_lead_pattern(bases) -> "regex.Pattern":
    """A base opening a change clause before its subject: "与上年相比收、支预算总计各增加…"."""
    alternation = "|".join(regex.escape(w) for w in sorted(set(bases), key=lambda w: (-len(w), w)))
    return regex.compile(rf"\s*(?:与|比|较|同)\s*(?P<base>{alternation})\s*(?:相比|相较|比较)?\s*[，,]?\s*")
def claim_flat_pattern(flat, bases) -> "regex.Pattern":
    """"与上年持平", "比上年预算无变化" (no figure)."""
    def alt(words):
        return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))

    pattern = regex.compile(
        rf"(?:(?:比|较|与|同)\s*(?P<base>{alt(bases)})\s*(?:相比)?(?:预算)?\s*)(?:基本)?(?P<flat>{alt(flat)})")
    # every match holds a flat word (most sentences none: they are not scanned)
    return Needs(pattern, flat) if flat and all(flat) else pattern

# A list that names every part of its total ("资金分配情况：…", "包括：…", "分别是：…"), unlike
# "其中：…", which may list only some parts (textcheck.rules.tc203 / tc501).
LINK_EXHAUSTIVE_LIST = regex.compile(r"资金分配情况|分别(?:是|为)|包括")

# …unless the list says it names only the main parts: "主要包括：…", "…等" after the last
# figure ("培训费 5 万元等"), "主要有/主要是/主要为" (textcheck.claims → Claim.exhaustive).
# (the engine tries the second alternative at every position of the text: a text holding neither
# 主要 nor 等 is not searched)
CLAIM_LIST_PARTIAL = Needs(regex.compile(r"主要(?:包括|有|是|为)|(?:\d|万元|元|%)\s*等(?![级同])"), ("主要", "等"))
