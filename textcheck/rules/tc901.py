"""TC901 missing-required-table: a standard table of the disclosure template is neither present nor stated empty."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from textcheck import patterns
from textcheck.document import Location
from textcheck.lexicon import load_yaml
from textcheck.rules.base import Rule

REQUIRED_FILE = "required_tables.yml"
_TRAILING_BRACKET = regex.compile(r"[(（][^()（）]*[)）]\s*$")


@lru_cache(maxsize=4096)
def title_key(s: str) -> str:
    """A table title for comparison: no spaces, quotes, brackets, year or "一、" numbering.

    Cached: template titles are compared against every document title.
    """
    s = unicodedata.normalize("NFKC", s or "")
    s = _TRAILING_BRACKET.sub("", s.strip())  # "（功能科目）", "（续）"
    prev = None
    while prev != s:
        prev = s
        s = patterns.STRUCTURE_TITLE_NOISE.sub("", s)
    return s


@dataclass(frozen=True)
class TemplateFit:
    template: dict
    found: dict  # key → how it was found (title / statement text)
    missing: list  # required table entries not found

    @property
    def share(self) -> float:
        n = len(self.template["tables"])
        return len(self.found) / n if n else 0.0


def _titles(entry) -> tuple[str, ...]:
    return tuple(title_key(t) for t in [entry["title"], *(entry.get("alternatives") or [])])


def _keyed(entries) -> list[tuple[dict, tuple[str, ...]]]:
    """Each entry with its title keys, computed once per template and check."""
    return [(entry, _titles(entry)) for entry in entries]


def fit_templates(document, lexicon=None) -> list[TemplateFit]:
    """How well each required-table template fits the document, best first."""
    data = load_yaml(REQUIRED_FILE, tuple(getattr(lexicon, "extra_dirs", ()) or ()))
    doc_titles = [title_key(t.title) for t in document.tables if t.title and t.kind != "performance"]
    doc_titles += [title_key(h.text.text) for h in document.headings]
    statements = [p.text.text for p in document.paragraphs if patterns.EMPTY_TABLE_STATEMENT.search(p.text.text)]
    statements += [t.empty_statement.text for t in document.tables if t.empty_statement is not None]
    statement_keys = [(st, title_key(st)) for st in statements]
    fits = []
    for tpl in data.get("templates") or []:
        found, missing = {}, []
        keyed = _keyed(tpl["tables"])
        # The entry each document title stands for, once per title (not once per entry × title).
        bests = [(title, _best_entry(title, keyed)) for title in doc_titles]
        for entry, keys in keyed:
            how = next((title for title, best in bests if best is entry), None)
            if how is None:
                for st, k in statement_keys:
                    if any(key in k for key in keys):
                        how = st
                        break
            if how is None:
                missing.append(entry)
            else:
                found[entry["key"]] = how
        fits.append(TemplateFit(tpl, found, missing))
    fits.sort(key=lambda f: (f.share, len(f.found)), reverse=True)
    return fits


def _best_entry(title: str, keyed):
    """The required table a document title stands for: the longest matching title wins.

    ``keyed``: (entry, title keys) pairs from ``_keyed``.
    """
    best, best_len = None, 0
    for entry, keys in keyed:
        for key in keys:
            if key and (title == key or title.endswith(key)) and len(key) > best_len:
                best, best_len = entry, len(key)
    return best


class MissingRequiredTable(Rule):
    """部门预算公开缺少模板规定的公开表，且未说明为空表。

    检查什么
        从 lexicons/required_tables.yml 的模板（2024 年新疆/乌鲁木齐 11 张表、2017 与 2019 年
        江苏 12 张表“公开01–12表”）中选出与文档最吻合的一套（找到的表最多），其中找到的表
        不足一半时不判断。对该模板中既没有同名表格、也没有“……表为空表”之类说明的表逐一
        报告。表名比较时忽略空格、引号、括号、年份和“一、”编号，取最长匹配。
    为什么
        预算公开的表格是规定动作，缺表或漏说明会被认定为公开不完整。
    反例
        11 张表中没有“上年结转结余情况明细表”，正文也未说明。
    正例
        “政府性基金预算支出情况表”无数据，表下注明“……政府性基金预算支出情况表为空表”。
    选项
        无
    """

    code = "TC901"
    name = "missing-required-table"
    category = "structure"
    severity = "warning"

    def check(self, ctx):
        doc = ctx.document
        if not doc.tables:
            return  # a text-only volume: its tables are published elsewhere
        fits = fit_templates(doc, ctx.lexicon)
        if not fits:
            return
        data = load_yaml(REQUIRED_FILE, tuple(getattr(ctx.lexicon, "extra_dirs", ()) or ()))
        best = fits[0]
        if best.share < float(data.get("min_fit", 0.5)) or not best.missing:
            return
        tpl = best.template
        where = doc.tables[-1].location if doc.tables else Location(1, 1, 1, 1)
        for entry in best.missing:
            yield self.diagnostic(
                ctx,
                f"按“{tpl['name']}”模板（已找到 {len(best.found)}/{len(tpl['tables'])} 张表），缺少“{entry['title']}”，"
                f"文中也没有该表为空表的说明",
                Location(where.line, 1, where.line, 1, where.page), entry["title"],
                suggestion=f"补充“{entry['title']}”，无数据时注明“{entry['title']}为空表”",
                key=f"{tpl['id']}|{entry['key']}")
