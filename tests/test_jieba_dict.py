"""The sharded jieba dictionary segments exactly as jieba's whole dictionary does."""
from __future__ import annotations

from pathlib import Path

import pytest

jieba = pytest.importorskip("jieba")

from textcheck import jieba_dict  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "corpus" / "urumqi-kejiju-2024-budget.txt"
WORDS = ["科学技术管理事务", "一般公共预算拨款", "机关运行经费", "三公经费", "预算", "科学"]


@pytest.fixture(scope="module")
def tokenizers(tmp_path_factory):
    """A tokenizer with the whole dictionary and one reading the shards written from it."""
    jieba.setLogLevel(60)
    whole = jieba.Tokenizer()
    whole.initialize()
    path = str(tmp_path_factory.mktemp("shards") / "dict.shards")
    jieba_dict.write(dict(whole.FREQ), whole.total, path, "key")
    sharded = jieba.Tokenizer()
    key, shards = jieba_dict.read(path)
    assert key == "key"
    jieba_dict.install(sharded, shards)
    assert sharded.initialized and len(sharded.FREQ) < len(whole.FREQ) // 10
    return whole, sharded


def _texts() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [text[i:i + 400] for i in range(0, len(text), 400)]


def test_same_tokens_as_the_whole_dictionary(tokenizers):
    whole, sharded = tokenizers
    for text in _texts():
        assert sharded.lcut(text) == whole.lcut(text)
        assert sharded.lcut(text, HMM=False) == whole.lcut(text, HMM=False)
        assert sharded.lcut_for_search(text) == whole.lcut_for_search(text)


def test_added_words_keep_their_frequency_and_prefixes(tokenizers):
    whole, sharded = tokenizers
    for word in WORDS:
        whole.add_word(word)
        sharded.add_word(word)
    for word in WORDS:
        for end in range(1, len(word) + 1):
            assert sharded.FREQ.get(word[:end]) == whole.FREQ.get(word[:end])
    assert sharded.total == whole.total
    for text in _texts():
        assert sharded.lcut(text) == whole.lcut(text)


def test_stale_or_foreign_shards_are_refused(tmp_path):
    path = tmp_path / "x.shards"
    path.write_bytes(b"not marshal data")
    assert jieba_dict._load(str(path), jieba) is None
    jieba_dict.write({"ab": 1, "a": 2}, 3, str(path), "another dictionary")
    assert jieba_dict._load(str(path), jieba) is None


_PROCESS = """
import json, sys
import jieba
from textcheck import jieba_dict
jieba.setLogLevel(60)
installed = jieba_dict.prepare(jieba)
for word in ("科学技术管理事务", "一般公共预算拨款"):
    jieba.add_word(word)
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"installed": installed, "tokens": jieba.lcut(text)}))
"""


def test_a_later_process_reads_the_shards_the_first_one_wrote(tmp_path):
    """prepare(): the first process loads the whole dictionary and writes the shards; the
    next installs them and segments the seed exactly as a process without them."""
    import json
    import os
    import subprocess
    import sys

    def run(**env):
        out = subprocess.run([sys.executable, "-c", _PROCESS, str(SEED)], capture_output=True, text=True,
                             env={**os.environ, jieba_dict.ENV_DIR: str(tmp_path), **env}, check=True)
        return json.loads(out.stdout)

    first, second = run(), run()
    whole = run(**{jieba_dict.ENV: "0"})
    assert not first["installed"] and second["installed"] and not whole["installed"]
    assert list(tmp_path.glob("textcheck-jieba-*.shards"))
    assert second["tokens"] == first["tokens"] == whole["tokens"]


_WORDS_PROCESS = """
import json, sys
import jieba
from textcheck import jieba_dict
from textcheck.lexicon import load_lexicon
from textcheck.claims import claim_patterns
jieba.setLogLevel(60)
words = claim_patterns(load_lexicon()).jieba_words + ["科学技术", "科学技术管理事务"]  # the same word twice too
installed = jieba_dict.prepare_with_words(jieba, words)
freq = {w[:k]: jieba.dt.FREQ.get(w[:k]) for w in words for k in range(1, len(w) + 1)}
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"installed": installed, "total": jieba.dt.total, "freq": freq, "tokens": jieba.lcut(text),
                  "split": sorted(jieba.finalseg.Force_Split_Words)}))
"""


def test_lexicon_words_added_with_stored_frequencies_are_the_words_added_one_by_one(tmp_path):
    """prepare_with_words(): the first process with the shards computes the words' frequencies
    and stores them, the next adds them as stored — the same frequencies, prefixes, total,
    forced splits and tokens as a process adding the words to the whole dictionary."""
    import json
    import os
    import subprocess
    import sys

    def run(**env):
        out = subprocess.run([sys.executable, "-c", _WORDS_PROCESS, str(SEED)], capture_output=True, text=True,
                             env={**os.environ, jieba_dict.ENV_DIR: str(tmp_path), **env}, check=True)
        return json.loads(out.stdout)

    whole = run(**{jieba_dict.ENV: "0"})
    first = run()  # writes the shards
    assert not list(tmp_path.glob("textcheck-jieba-words-*"))
    computing, stored = run(), run()  # computes and writes the frequencies; reads them
    assert list(tmp_path.glob("textcheck-jieba-words-*"))
    assert not whole["installed"] and not first["installed"] and computing["installed"] and stored["installed"]
    for other in (first, computing, stored):
        assert other["total"] == whole["total"]
        assert other["freq"] == whole["freq"]
        assert other["split"] == whole["split"]
        assert other["tokens"] == whole["tokens"]


def test_stored_frequencies_of_other_words_are_refused(tmp_path):
    import marshal

    path = tmp_path / "w.marshal"
    path.write_bytes(marshal.dumps((jieba_dict.WORDS_MAGIC, "key", [1, 2])))
    assert jieba_dict._read_freqs(str(path), "key", 2) == [1, 2]
    assert jieba_dict._read_freqs(str(path), "other key", 2) is None
    assert jieba_dict._read_freqs(str(path), "key", 3) is None
    path.write_bytes(b"not marshal data")
    assert jieba_dict._read_freqs(str(path), "key", 2) is None
