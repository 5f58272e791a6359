"""jieba's default dictionary loaded as the text needs it, not all at once.

``jieba.initialize()`` unmarshals a dict of about 500,000 words and word
prefixes (~0.5 s, most of a cold check's start-up) although a document's
sentences look up a few percent of them.  Every lookup jieba makes while
segmenting a sentence is a substring of that sentence (``get_DAG``'s prefix
walk, ``calc``'s route, ``__cut_DAG``'s buffer, the search-mode grams), so
the dictionary can be cut into shards by a word's first two characters: a
sentence needs the one-character entries and the shards of the character
pairs it contains.

The shards are written once, from the dictionary a normal ``initialize()``
loaded (so they hold exactly what jieba would have), into the directory
jieba keeps its own cache in; a later process installs them into
``jieba.dt``: ``FREQ`` starts with the one-character entries and
``get_DAG`` / ``add_word`` first merge the shards of their text's character
pairs.  Since ``add_word`` (and what calls it) merges the word's shard before
changing anything, a shard merged later never meets a key set by hand and
segmentation is the same as with the whole dictionary
(``tests/test_jieba_dict.py`` compares both).

The lexicon's words are added the same way once per dictionary: ``add_word``
without a frequency segments each word to suggest one, so the first process
that adds them to freshly installed shards stores the frequencies it got
(``prepare_with_words``), and later processes add the words with those.

Only the default dictionary of a tokenizer nobody initialized yet is
replaced; ``set_dictionary`` or a custom cache directory leave jieba alone.
``TEXTCHECK_JIEBA_SHARDS=0`` turns the shards off.
"""
from __future__ import annotations

import marshal
import os
import tempfile
import threading
import types
from array import array
from bisect import bisect_left

ENV = "TEXTCHECK_JIEBA_SHARDS"
ENV_DIR = "TEXTCHECK_JIEBA_SHARDS_DIR"
MAGIC = "textcheck-jieba-shards-1"
_PREPARING = threading.Lock()


def prepare(jieba) -> bool:
    """Give ``jieba.dt`` its dictionary: the shards when they are on disk (True), else
    jieba's own full load, after which the shards are written for the next process."""
    dt = jieba.dt
    with _PREPARING:  # two threads building pipelines: the second finds the dictionary there
        if dt.initialized or not _eligible(jieba, dt) or os.environ.get(ENV, "1") == "0":
            return False
        shards = _load(_shard_path(jieba), jieba)
        if shards is not None:
            install(dt, shards, module=jieba)
            return True
        dt.initialize()  # may write jieba's own cache, which the shards' name depends on
        try:
            write(dt.FREQ, dt.total, _shard_path(jieba), _key(jieba))
        except OSError:  # a read-only temp directory: every process loads the whole dictionary
            pass
        return False


WORDS_MAGIC = "textcheck-jieba-words-1"
_ADDING = threading.Lock()


def prepare_with_words(jieba, words) -> bool:
    """``prepare(jieba)``, then ``jieba.add_word(w)`` for each of ``words`` in turn.

    ``add_word`` without a frequency segments the word to suggest one (most of adding the
    lexicon's ~1,400 words, ~50 ms).  That frequency depends only on the dictionary and the
    words added before, so when the shards were installed just now (nothing added yet) the
    frequencies an earlier process computed for the same dictionary and words, in the same
    order, are added as given: the same ``FREQ`` entries, ``total`` and forced splits.
    They are written next to the shards by the first process that computes them."""
    with _ADDING:  # two threads building pipelines: one adds its words after the other's
        installed = prepare(jieba)
        if not installed:
            for word in words:
                jieba.add_word(word)
            return False
        words = list(words)
        key = "\n".join((WORDS_MAGIC, _key(jieba), *words))
        path = _words_path(key)
        freqs = _read_freqs(path, key, len(words))
        if freqs is not None:
            for word, freq in zip(words, freqs):
                jieba.add_word(word, freq)
            return True
        dt, freqs = jieba.dt, []
        for word in words:
            before = dt.total
            jieba.add_word(word)
            freqs.append(dt.total - before)  # add_word adds the frequency it chose to the total, once
        try:
            _write_atomically(path, marshal.dumps((WORDS_MAGIC, key, freqs)))
        except OSError:
            pass
        return True


def _words_path(key: str) -> str:
    import hashlib

    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    directory = os.environ.get(ENV_DIR) or tempfile.gettempdir()
    return os.path.join(directory, f"textcheck-jieba-words-{digest}.marshal")


def _read_freqs(path: str, key: str, count: int) -> list[int] | None:
    """The frequencies stored at ``path`` for ``key`` (``count`` of them), else None."""
    try:
        with open(path, "rb") as fh:
            if hasattr(os, "getuid") and os.fstat(fh.fileno()).st_uid != os.getuid():
                return None  # in a shared temp directory, only a file this user wrote
            magic, stored, freqs = marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if magic != WORDS_MAGIC or stored != key or not isinstance(freqs, list) or len(freqs) != count \
            or not all(type(f) is int for f in freqs):
        return None
    return freqs


def _eligible(jieba, dt) -> bool:
    # the default dictionary and cache only: anything else is the caller's own choice
    return (dt.dictionary == jieba.DEFAULT_DICT and not dt.cache_file and not dt.tmp_dir
            and not dt.FREQ)


def _dict_file(jieba) -> str:
    return os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)


def _key(jieba) -> str:
    """What the shards were made from: jieba's version, its dictionary and its own cache."""
    parts = [MAGIC, getattr(jieba, "__version__", "")]
    for name in (_dict_file(jieba), os.path.join(tempfile.gettempdir(), "jieba.cache")):
        try:
            st = os.stat(name)
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:-")
    return "|".join(parts)


def _shard_path(jieba) -> str:
    import hashlib

    digest = hashlib.sha256(_key(jieba).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    directory = os.environ.get(ENV_DIR) or tempfile.gettempdir()
    return os.path.join(directory, f"textcheck-jieba-{digest}.shards")


def _code(pair: str) -> int:
    return ord(pair[0]) << 21 | ord(pair[1])


class Shards:
    """The one-character entries, the total, and each character pair's entries (marshal data)."""

    __slots__ = ("total", "singles", "codes", "offsets", "blob")

    def __init__(self, total: int, singles: dict, codes: array, offsets: array, blob: bytes):
        self.total, self.singles, self.codes, self.offsets, self.blob = total, singles, codes, offsets, blob

    def entries(self, pair: str) -> dict | None:
        """The entries starting with ``pair`` (None when there are none)."""
        code = _code(pair)
        i = bisect_left(self.codes, code)
        if i == len(self.codes) or self.codes[i] != code:
            return None
        return marshal.loads(memoryview(self.blob)[self.offsets[i]:self.offsets[i + 1]])


def write(freq: dict, total: int, path: str, key: str) -> None:
    """The shards of a whole dictionary ``freq``, written atomically to ``path``."""
    singles = {}
    groups: dict[int, dict] = {}
    for word, count in freq.items():
        if len(word) == 1:
            singles[word] = count
        else:
            groups.setdefault(_code(word), {})[word] = count
    codes = array("Q", sorted(groups))
    offsets = array("Q", [0])
    parts = []
    for code in codes:
        part = marshal.dumps(groups[code])
        parts.append(part)
        offsets.append(offsets[-1] + len(part))
    data = marshal.dumps((MAGIC, key, total, singles, codes.tobytes(), offsets.tobytes(), b"".join(parts)))
    _write_atomically(path, data)


def _write_atomically(path: str, data: bytes) -> None:
    directory = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".textcheck-jieba-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read(path: str) -> tuple[str, Shards] | None:
    """(what the shards were made from, the shards) in the file at ``path``; None when it is
    no shards file."""
    try:
        with open(path, "rb") as fh:
            if hasattr(os, "getuid") and os.fstat(fh.fileno()).st_uid != os.getuid():
                return None  # in a shared temp directory, only a file this user wrote
            magic, key, total, singles, codes, offsets, blob = marshal.load(fh)
        if magic != MAGIC or not isinstance(singles, dict):
            return None
        return key, Shards(int(total), singles, array("Q", codes), array("Q", offsets), bytes(blob))
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _load(path: str, jieba) -> Shards | None:
    """The shards at ``path`` if they were made from this jieba's dictionary, else None."""
    found = read(path)
    return found[1] if found is not None and found[0] == _key(jieba) else None


def install(tokenizer, shards: Shards, module=None) -> None:
    """Make ``tokenizer`` (an uninitialized jieba.Tokenizer) read its dictionary from
    ``shards``; ``module`` is jieba itself when ``tokenizer`` is ``jieba.dt``, whose
    module-level ``add_word``, ``get_DAG`` and ``get_FREQ`` were bound before this."""
    table = dict(shards.singles)
    done: set[str] = set()
    lock = threading.Lock()
    cls = type(tokenizer)

    def merge(pairs) -> None:
        """Merge the shards of these character pairs (no-op once jieba loaded a dictionary
        of its own, e.g. after ``set_dictionary``)."""
        if tokenizer.FREQ is not table:
            return
        missing = pairs - done
        if not missing:
            return
        with lock:
            for pair in missing:
                if pair not in done:
                    entries = shards.entries(pair)
                    if entries:
                        table.update(entries)
                    done.add(pair)

    def get_DAG(self, sentence):
        # once the text's pairs are merged (the usual case), checking costs a set lookup per
        # character and builds nothing
        if not done.issuperset(map(str.__add__, sentence, sentence[1:])):
            merge(set(map(str.__add__, sentence, sentence[1:])))
        return cls.get_DAG(self, sentence)

    def add_word(self, word, freq=None, tag=None):
        if len(word) > 1:
            merge({word[:2]})
        return cls.add_word(self, word, freq, tag)

    def get_freq(k, d=None):
        if len(k) > 1:
            merge({k[:2]})
        return tokenizer.FREQ.get(k, d)

    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total = table, shards.total
        tokenizer.get_DAG = types.MethodType(get_DAG, tokenizer)
        tokenizer.add_word = types.MethodType(add_word, tokenizer)
        tokenizer.initialized = True
    if module is not None:
        module.add_word, module.get_DAG, module.get_FREQ = tokenizer.add_word, tokenizer.get_DAG, get_freq
