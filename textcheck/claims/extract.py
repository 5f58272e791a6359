"""Claims of a document: the narrative sentences that carry a number, run through the pipeline
(or the regex-only path without one), handed to the assembler."""
from __future__ import annotations

from textcheck import patterns as P
from textcheck.claim import Claim
from textcheck.claims.assemble import _Assembler
from textcheck.claims.sentence import NOUN_REACH, sentence_claims
from textcheck.claims.vocab import RawClaim, claim_patterns
from textcheck.document import LocatedText
from textcheck.claims.vocab import normalize_term

def extract_claims(document, nlp, lexicon) -> list[Claim]:
    """Every numeric claim of the document's narrative paragraphs, in reading order."""
    pats = claim_patterns(lexicon)
    orgs = _org_names(document)
    toc = {normalize_term(t.text) for t in getattr(document, "toc", ()) or ()}
    toc_stops = any("。" in k for k in toc)
    # (paragraph, sentence index, sentence, its quantities)
    work: list[tuple[object, int, LocatedText, list]] = []
    paragraphs = []
    in_contents: dict[tuple[str, ...], bool] = {}  # section → under a 目录 heading (asked once per section)
    for p in document.paragraphs:
        has_figure = bool(P.CLAIM_HAS_DIGIT.search(p.text.text))
        if has_figure and _skip_paragraph(p, toc, in_contents, toc_stops):
            continue
        paragraphs.append(p)  # figure-less paragraphs still open/close project blocks and lists
        if not has_figure:
            continue
        # the sentences' bounds, and a located sentence only for those that carry a figure (a
        # paragraph's sentences() would locate every one, and claims are all that ask)
        text = p.text.text
        for i, (start, end) in enumerate(p.sentence_bounds()):
            piece = text[start:end]
            if P.CLAIM_HAS_DIGIT.search(piece):
                # has_quantity, and the quantities sentence_claims would find again
                matched, quantities = pats.scan_quantities(piece)
                if matched:
                    work.append((p, i, p.text.slice(start, end), quantities))
    if nlp is not None:
        # what the tc_claims component does, with the sentence's Doc made on demand: only a
        # figure followed by a noun reads tokens (a few sentences of a hundred), and segmenting
        # the others, or the number and subject spans of the other components (for callers of
        # nlp(text)), would be work nobody reads
        raws = [sentence_claims(s.text, pats, doc=_doc_maker(nlp, s.text), quantities=qs) for _, _, s, qs in work]
    else:
        raws = [sentence_claims(s.text, pats, quantities=qs) for _, _, s, qs in work]
    by_para: dict[int, list[tuple[int, LocatedText, list[RawClaim]]]] = {}
    for (p, i, s, _), raw in zip(work, raws):
        by_para.setdefault(id(p), []).append((i, s, raw))
    return _Assembler(pats, orgs).run(paragraphs, by_para)


def _doc_maker(nlp, text: str):
    """A function giving (Doc, offset) for a reader of the sentence's tokens from ``pos`` on:
    the Doc of jieba's tokens of ``text[offset:end]``, where ``offset`` is the start of jieba's
    block holding ``pos`` (or ``pos``, when a lone token stands there: JiebaTokenizer.block_start)
    and ``end`` the end of the first block reaching ``NOUN_REACH``
    characters past ``pos`` (JiebaTokenizer.block_span: the tokens in between are the whole
    sentence's, and ``_following_subject`` reads none that starts further on), made on the first
    call and again only for a position it does not cover. It ends before the first character
    after ``pos`` that is a token by itself and no noun token (CLAIM_NOUN_READ_END, not white
    space): the tokens before it are the sentence's, and ``_following_subject`` stops reading at
    that one (tests/test_claims_doc_span.py). The Doc already knows its text (spaCy rebuilds
    ``doc.text`` per access)."""
    made = []
    block_span = getattr(nlp.tokenizer, "block_span", None)

    def doc_of(pos: int = 0):
        start, end = block_span(text, pos, pos + NOUN_REACH) if block_span is not None else (0, len(text))
        if block_span is not None:
            stop = P.CLAIM_NOUN_READ_END.search(text, pos + 1, end)
            if stop is not None and not stop.group().isspace():
                end = stop.start()
        if not made or made[0] > start or made[1] < end:
            d = nlp.make_doc(text[start:end])
            d.user_data["tc_text"] = text[start:end]
            made[:] = [start, end, d]
        return made[2], made[0]

    return doc_of


def extract_text_claims(text: LocatedText, nlp, lexicon, section: tuple[str, ...] = ()) -> list[Claim]:
    """Claims of a free-standing text (e.g. a 绩效目标表 "项目总体目标" cell)."""
    from textcheck.document import Paragraph

    class _Doc:
        paragraphs = (Paragraph(text, section, 0),)
        headings = ()
        toc = ()
        meta: dict = {}
        tables = ()

    return extract_claims(_Doc(), nlp, lexicon)


def _skip_paragraph(p, toc: set[str], in_contents: dict, toc_stops: bool = True) -> bool:
    """A paragraph under a 目录 heading, or one that is an entry of the contents; ``toc_stops``:
    whether some entry's key holds a "。"."""
    section = tuple(p.section)  # (a tuple already, as a rule: then the same object)
    contents = in_contents.get(section)
    if contents is None:
        contents = in_contents[section] = any(normalize_term(h).replace(" ", "") in ("目录",) for h in section)
    if contents:
        return True
    if not toc:
        return False
    # "。" stays in the key (NFKC keeps it, and normalize_term drops only white space and quote
    # marks): a paragraph holding one is no contents entry when no entry's key holds one — most
    # paragraphs with figures, whose long text is then never normalised
    if not toc_stops and "。" in p.text.text:
        return False
    return normalize_term(p.text.text) in toc


def _org_names(document) -> list[str]:
    """Department/unit names to strip from subjects: from meta, tables and headings."""
    names: set[str] = set()
    meta = getattr(document, "meta", {}) or {}
    for key in ("department", "unit", "organisation"):
        v = meta.get(key)
        if isinstance(v, str) and len(v) >= 3:
            names.add(v)
    for t in getattr(document, "tables", ()) or ():
        if getattr(t, "department", None):
            names.add(P.CLAIM_PAREN_OR_SPACE.sub("", t.department))
    for h in getattr(document, "headings", ()) or ():
        for m in P.CLAIM_HEADING_ORG.finditer(h.text.text):
            names.add(m.group("org"))
    # each heading once (every paragraph under it repeats it), in the order they come
    # (paragraphs of a section share its tuple: each tuple's headings once, then each heading once)
    sections = dict.fromkeys(tuple(p.section) for p in document.paragraphs)
    for s in dict.fromkeys(s for section in sections for s in section):
        for m in P.CLAIM_HEADING_ORG.finditer(s):
            names.add(m.group("org"))
    names = {n for n in names if len(n) >= 3}
    return sorted(names, key=len, reverse=True)

