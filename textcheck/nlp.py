"""The spaCy pipeline: blank "zh" with the jieba segmenter and three custom components.

Built once per process and lexicon (``build_pipeline`` caches it): importing
spaCy, loading jieba's dictionary and adding the lexicon terms cost most of a
cold start, so it must never happen per document (``jieba_dict`` loads the
dictionary in shards and adds the terms with stored frequencies; the
``tc_entities`` matcher is built on its first use).  Lexicon terms (classification item names,
concepts, aliases, units, measure words) are added to jieba so that
"科学技术管理事务" or "一般公共预算拨款" stay single tokens.

Components (in order):

- ``tc_numbers``  number + unit spans → ``doc.spans["numbers"]`` (label = unit
  class: money / percent / count / physical).  Chinese numerals count only
  next to a measure word ("四个城市"); "一般" and "两区" never become numbers.
- ``tc_entities`` lexicon terms → ``doc.spans["subjects"]`` (PhraseMatcher on
  the jieba tokens; label = concept / income / function / economic).
- ``tc_claims``   the sentence's raw claims → ``doc._.claims`` (see
  ``textcheck.claims.sentence_claims``; regex-first, tokens give subject
  boundaries).

Only sentences that carry a number are ever segmented (``textcheck.claims``
pre-filters them), and of those only the ones whose claims read tokens (a figure
followed by a noun): ``extract_claims`` makes their Docs on demand.
"""
from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right

from textcheck.tokens import doc_text, set_token_starts, token_starts  # noqa: F401  (importable from here too)

_LOCK = threading.Lock()
# Caches keyed by the lexicon object's id; each entry keeps the lexicon alive so an id is
# never reused for another lexicon (load_lexicon returns one object per process anyway).
_PIPELINES: dict = {}  # id(lexicon) → (lexicon, Language | None)


def claim_patterns(lexicon):
    """The compiled claim patterns of this lexicon (textcheck.claims.vocab.claim_patterns)."""
    from textcheck.claims.vocab import claim_patterns as patterns_of

    return patterns_of(lexicon)


def build_pipeline(lexicon):
    """The process-wide pipeline for ``lexicon`` (None when spaCy/jieba are unavailable:
    extraction then falls back to regex-only subjects)."""
    key = id(lexicon)
    with _LOCK:
        if key in _PIPELINES:
            return _PIPELINES[key][1]
    pats = claim_patterns(lexicon)
    try:
        nlp = _build(lexicon, key, pats)
    except ImportError:
        nlp = None
    with _LOCK:
        _PIPELINES.setdefault(key, (lexicon, nlp))
        return _PIPELINES[key][1]


def _build(lexicon, key, pats):
    from textcheck import jieba_dict

    jieba = _import_jieba()
    spacy = _import_spacy()
    _register_components()
    jieba.setLogLevel(60)  # no "Building prefix dict…" chatter on stderr
    # the dictionary's shards instead of the whole of it, when on disk, and the lexicon's words
    # (with the frequencies a process before computed for them, when it can tell they hold)
    jieba_dict.prepare_with_words(jieba, pats.jieba_words)
    # spaCy's Chinese language with character segmentation (nothing to set up), then jieba's
    # tokens fed straight into each Doc (JiebaTokenizer)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.tokenizer = JiebaTokenizer(nlp.vocab, jieba.cut, jieba.re_han_default)
    state = repr(key)
    _STATE[state] = pats
    nlp.add_pipe("tc_numbers", config={"state": state})
    nlp.add_pipe("tc_entities", config={"state": state})
    nlp.add_pipe("tc_claims", config={"state": state})
    return nlp


class JiebaTokenizer:
    """A sentence → Doc of jieba's tokens: what spaCy's ChineseTokenizer (segmenter
    "jieba") does, without re-aligning the words with the text when the text has no
    whitespace (number-carrying sentences almost never do) — the tokens are then
    the text cut in pieces, each followed by no space."""

    def __init__(self, vocab, cut, blocks=None):
        from spacy.tokens import Doc

        self.vocab = vocab
        self.cut = cut
        self.doc = Doc
        self.blocks = blocks  # jieba's pattern of a block of word characters (re_han_default)

    def block_start(self, text: str, pos: int) -> int:
        """Where a Doc of ``text[start:]`` may start for its tokens from ``pos`` on to be the whole
        text's: ``pos`` itself when the character there is a lone token (``_lone``), else the start
        of the run of jieba's word characters holding ``pos`` (for a ``pos`` at white space between
        runs, the run before it; 0 before the first run or without the pattern). jieba splits a
        text into such runs and the rest between them, and segments each run by itself, so the
        tokens of ``text[start:]`` are the whole text's tokens from ``start`` on — a run start or a
        lone token, not white space, which the token before takes as its trailing whitespace and
        which would become a token. A caller that reads tokens from ``pos`` on need not pay for
        segmenting what stands before (tests/test_claims_tokens.py)."""
        if self.blocks is None:
            return 0
        if self._lone(text, pos):
            return pos
        start = 0  # start of the last run before pos
        for m in self.blocks.finditer(text, 0, pos + 1):
            start = m.start()
        return start

    def _lone(self, text: str, pos: int) -> bool:
        """Whether ``text[pos]`` is a token by itself, starting where it stands whatever comes
        before: no word character (jieba cuts those in runs, and yields any other character by
        itself) and no white space (spaCy may fold that into the token before). A figure's unit
        is often followed by one ("6970万元“两区”建设…"): the run before need not be segmented."""
        return pos < len(text) and not text[pos].isspace() and self.blocks.match(text, pos) is None

    def block_span(self, text: str, pos: int, reach: int) -> tuple[int, int]:
        """(``block_start(text, pos)``, the end of the first run of word characters that ends at
        or after ``reach``, or ``len(text)``). The runs before that end are segmented as in the
        whole text, so the tokens of ``text[start:end]`` are the whole text's tokens that start
        in it: a reader of the tokens up to ``reach`` need not segment the rest of the text
        either (tests/test_claims_tokens.py)."""
        if self.blocks is None:
            return 0, len(text)
        lone = self._lone(text, pos)
        start = pos if lone else 0
        # (after a lone token every run starts after pos: none is looked at before it)
        for m in self.blocks.finditer(text, pos if lone else 0):
            if not lone and m.start() <= pos:
                start = m.start()
            if m.end() >= reach:  # every later run starts after it, so after pos
                return start, m.end()
        return start, len(text)

    def __call__(self, text: str):
        words = [w for w in self.cut(text, cut_all=False) if w]
        # any whitespace at all (str.isspace's, as get_words_and_spaces splits on): split()
        # drops exactly those characters, in C rather than a generator step per character
        if "".join(text.split()) != text:
            from spacy.util import get_words_and_spaces

            words, spaces = get_words_and_spaces(words, text)
        else:
            spaces = [False] * len(words)
        doc = self.doc(self.vocab, words=words, spaces=spaces)
        set_token_starts(doc, words, spaces)  # (cheaper from the words than from the Doc's array)
        return doc


def _import_jieba():
    """``import jieba`` without ``pkg_resources``.

    jieba's ``_compat`` imports setuptools' ``pkg_resources`` (a fifth of a second:
    it scans every installed distribution) only to open its dictionary file, and
    falls back to a plain ``open`` of the same file when the import fails.  While
    jieba imports, ``pkg_resources`` is made unimportable, unless something
    imported it already; afterwards it is importable again.
    """
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # "import pkg_resources" raises ImportError
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _import_spacy():
    """``import spacy`` without its command line.

    spaCy's package imports ``spacy.cli.info`` for the ``spacy.info`` shortcut,
    and with it every CLI command and their dependencies (typer, weasel,
    requests, httpx …): a quarter of the import's CPU time, none of it used
    here.  While spaCy imports, stand-ins answer for ``spacy.cli`` and
    ``spacy.cli.info`` (calling ``spacy.info()`` still imports the real one);
    afterwards they are taken out of ``sys.modules``, so an ``import spacy.cli``
    gets the real package.
    """
    import sys

    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    import types

    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")

    def real_info(*args, **kwargs):
        for name, stub in (("spacy.cli.info", info), ("spacy.cli", cli)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
        from spacy.cli.info import info as spacy_info

        return spacy_info(*args, **kwargs)

    info.info = real_info
    sys.modules.setdefault("spacy.cli", cli)
    sys.modules.setdefault("spacy.cli.info", info)
    try:
        import spacy
    finally:
        for name, stub in (("spacy.cli.info", info), ("spacy.cli", cli)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    return spacy


# Components read their compiled patterns from here (config values must be plain
# strings, so the factories receive a key, not the object).
_STATE: dict = {}
_REGISTERED = False
_ALL_HAN = None  # set in _register_components (patterns.CLAIM_ALL_HAN)


def _register_components():
    global _REGISTERED, _ALL_HAN
    if _REGISTERED:
        return
    from textcheck.patterns import CLAIM_ALL_HAN

    _ALL_HAN = CLAIM_ALL_HAN
    from spacy.language import Language
    from spacy.tokens import Doc

    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", default=None)

    @Language.factory("tc_numbers", default_config={"state": ""})
    def make_numbers(nlp, name, state):
        return NumbersComponent(_STATE[state])

    @Language.factory("tc_entities", default_config={"state": ""})
    def make_entities(nlp, name, state):
        return EntitiesComponent(nlp, _STATE[state])

    @Language.factory("tc_claims", default_config={"state": ""})
    def make_claims(nlp, name, state):
        return ClaimsComponent(_STATE[state])

    _REGISTERED = True


class NumbersComponent:
    """Number + unit spans (doc.spans["numbers"]); raw matches kept in doc.user_data."""

    def __init__(self, pats):
        self.pats = pats

    def __call__(self, doc):
        from spacy.tokens import Span

        quantities = self.pats.find_quantities(doc_text(doc))
        doc.user_data["tc_quantities"] = quantities
        starts = token_starts(doc)
        spans = []
        for q in quantities:
            i = bisect_right(starts, q.start) - 1
            j = bisect_left(starts, q.end)
            if 0 <= i < j:
                spans.append(Span(doc, i, j, label=q.uclass))
        doc.spans["numbers"] = spans
        return doc


class EntitiesComponent:
    """Lexicon terms as spans (doc.spans["subjects"]), longest match wins.

    The matcher is built on the component's first call, once: claim extraction never runs
    this component (it reads the tokens and tc_claims alone), so a check pays nothing for
    ~1,300 term patterns, and a caller of ``nlp(text)`` pays for them once."""

    def __init__(self, nlp, pats):
        self.nlp, self.pats = nlp, pats
        self._matcher = None
        self._lock = threading.Lock()

    @property
    def matcher(self):
        if self._matcher is None:
            with self._lock:
                if self._matcher is None:
                    self._matcher = self._build()
        return self._matcher

    def _build(self):
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        nlp = self.nlp
        matcher = PhraseMatcher(nlp.vocab)
        by_label: dict[str, list[str]] = {}
        for term, label in self.pats.entity_terms.items():
            by_label.setdefault(label, []).append(term)
        for label, terms in by_label.items():
            # Terms were added to jieba, so an all-Han term is one token: build its pattern
            # without segmenting it (segmenting ~1,300 terms would cost most of the build).
            matcher.add(label, [Doc(nlp.vocab, words=[t]) if _ALL_HAN.match(t) else nlp.make_doc(t)
                                for t in terms])
        return matcher

    def __call__(self, doc):
        from spacy.util import filter_spans

        from spacy.tokens import Span

        found = [Span(doc, s, e, label=match_id) for match_id, s, e in self.matcher(doc)]
        doc.spans["subjects"] = filter_spans(found)
        return doc


class ClaimsComponent:
    """The sentence's raw claims (textcheck.claims.RawClaim, offsets in doc.text)."""

    def __init__(self, pats):
        self.pats = pats

    def __call__(self, doc):
        from textcheck.claims import sentence_claims

        doc._.claims = sentence_claims(doc_text(doc), self.pats, doc=doc,
                                       quantities=doc.user_data.get("tc_quantities"))
        return doc
