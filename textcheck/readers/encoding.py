"""Bytes → text for text-like inputs (plain text, Markdown, HTML).

Government disclosures arrive as UTF-8 (with or without BOM), UTF-16 (saved
from Word/Excel, usually with BOM) and GBK/GB18030 (older Windows tools).  All
of them are read; binary data and empty files are refused with a one-line
``ReadError``.  The order matters: a BOM is proof, UTF-8 is strict enough that
a successful decode is trustworthy, GB18030 (a superset of GBK) accepts almost
any byte string, so its result is checked for plausibility (mostly Han/ASCII,
no control characters) before it is accepted.
"""
from __future__ import annotations

import codecs

from textcheck.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in a text disclosure (tab, LF, CR, FF are fine).
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"} | {"\x7f"}


def decode(data: bytes, path: str = "<bytes>") -> str:
    """Decoded text of ``data`` (BOM removed); ReadError for empty or binary input."""
    return detect(data, path)[0]


def detect(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """(text, encoding name) of ``data``; ReadError for empty or binary input."""
    if not data or not data.strip(b" \t\r\n\f\x00"):
        raise ReadError(path, "empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name)
            except UnicodeDecodeError:
                raise ReadError(path, f"not valid {name} text although it starts with a {name} byte-order mark") from None
            _check_text(text, path)
            if not text.strip():
                raise ReadError(path, "empty file")
            return text, name + ("-sig" if name == "utf-8" else "")
    if b"\x00" in data:
        name = _utf16_without_bom(data)
        if name is None:
            raise ReadError(path, "binary file (contains NUL bytes), not text")
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            raise ReadError(path, "binary file (contains NUL bytes), not text") from None
        _check_text(text, path)
        return text, name
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _mostly_utf8(data)
        if text is not None:
            _check_text(text, path)
            return text, "utf-8 (invalid bytes replaced)"
    else:
        _check_text(text, path)
        return text, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        # GBK is a subset of GB18030; report GBK when the bytes are pure GBK.
        try:
            data.decode("gbk")
            return text, "gbk"
        except UnicodeDecodeError:
            return text, "gb18030"
    guess = _charset_normalizer_guess(data)
    if guess is not None:
        _check_text(guess[0], path)
        return guess
    raise ReadError(path, "binary file or unknown text encoding (tried UTF-8, UTF-16, GB18030)")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken sequences (a bad copy, an encoded surrogate): decoded with
    U+FFFD in their place, so one bad byte does not make a whole disclosure unreadable.
    GBK text is not mistaken for it: nearly every one of its Chinese characters breaks UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    return text if bad <= max(3, len(data) // 10000) else None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM shows NUL in every other byte for ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    # Chinese UTF-16 has few NULs, but line breaks/digits/spaces give some; a
    # binary file has NULs in both halves.
    if odd_nul > 0.2 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.2 and odd_nul < 0.05:
        return "utf-16-be"
    return None


# The control characters as UTF-8 bytes: each is one byte below 0x80, and no other character's
# UTF-8 form holds such a byte, so deleting them from the encoded text counts them.
# (bytes.translate runs in C at memory speed; str.translate with a dict looks up every character
# of Chinese text: ~1 ms per 20,000 characters.)
_CONTROL_BYTES = "".join(sorted(_CONTROL)).encode("ascii")


def _control_count(sample: str) -> int:
    encoded = sample.encode("utf-8", "surrogatepass")
    return len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))


def _check_text(text: str, path: str) -> None:
    sample = text[:20000]
    bad = _control_count(sample)
    if bad > max(2, len(sample) // 200):
        raise ReadError(path, "binary file (control characters), not text")


def _plausible_chinese(text: str) -> bool:
    """True when a GB18030 decode looks like real text (not binary noise)."""
    sample = text[:20000]
    if not sample:
        return False
    control = _control_count(sample)
    if control > max(2, len(sample) // 200):
        return False
    good = sum(1 for ch in sample if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·")
    return good / len(sample) > 0.95


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: the built-in detection covers the common cases
        return None
    best = from_bytes(data[:200000]).best()
    if best is None or best.encoding is None:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None
