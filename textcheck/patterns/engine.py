"""``regex``'s ``compile`` (and the names next to it) for the pattern modules, with the
standard ``re`` engine behind every pattern ``re`` reads exactly as ``regex`` does.

Every pattern is written for ``regex`` (``\\p{Han}``, variable-width look-behind …), but a
call into ``regex`` costs about twice a call into ``re`` (~0.2 µs more per search on a short
cell), and a check makes tens of thousands of such calls.  So ``compile`` first tries
``re`` with the same meaning and falls back to ``regex`` (each pattern is compiled by one
engine; ``re``'s compiler runs in Python, a few milliseconds more at start-up in all).
Modules import this one as ``regex``.

The same meaning: plain flags only (none, MULTILINE, VERBOSE without comments or spaces
in a set), and no construct whose meaning differs between the two engines — ``\\w``/``\\W``/
``\\b``/``\\B`` and named characters are left to ``regex``, ``\\s``/``\\S`` are spelled out as
``regex``'s White_Space set (``re`` counts U+001C–U+001F as spaces too), Unicode properties
(``\\p{Han}``) stay with ``regex`` (``re`` compiles their sets far slower), and ``re`` refuses (an
error, or a warning about nested sets) everything that only ``regex`` knows.  ``\\d`` is Unicode's
decimal digits in both; they differ only on digits of scripts added after Python's own
Unicode tables (``regex`` carries newer ones).
"""
from __future__ import annotations

import re
import re._constants as _sre_constants
import re._parser as _sre_parser
import warnings

import regex

# regex's \s (Unicode White_Space), character by character; tests/test_patterns_engine.py
# compares it with regex over every code point.
_SPACE = "\\t\\n\\x0b\\x0c\\r\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"

# Escapes whose meaning differs between the engines (or depends on the Unicode version of
# word characters): a pattern holding one stays with regex.
# \p{…} too: spelling \p{Han} out as its ranges matches the same, but re compiles such a set
# (in Python) ~25 times slower than regex, which start-up would pay for every pattern using it.
_DIFFERENT = frozenset("wWbBNpP")

# What the pattern modules use of regex besides compile.
escape = regex.escape
Pattern = regex.Pattern
MULTILINE = M = regex.MULTILINE
VERBOSE = X = regex.VERBOSE
UNICODE = regex.UNICODE
V0 = regex.V0

# re's flags a pattern may end up with and still mean what it means in regex (re adds
# UNICODE to every str pattern; an inline (?i) or (?s) makes it another pattern, and VERBOSE
# counts only when asked for by the flags: an inline (?x) one's sets _spell did not check).
_RE_PLAIN = re.UNICODE | re.MULTILINE | re.VERBOSE

# Each re pattern handed out → the regex source and flags it stands for (the tests run both).
SOURCES: dict = {}


def compile(source: str, flags: int = 0):  # noqa: A001 - regex's name, so modules read as before
    """``re.compile(source)`` when ``re`` reads ``source`` exactly as ``regex`` does, else
    ``regex.compile(source, flags)``."""
    if flags & ~(regex.MULTILINE | regex.VERBOSE) == 0 and isinstance(source, str):
        spelled = _spell(source, verbose=bool(flags & regex.VERBOSE))
        if spelled is not None:
            re_flags = (re.MULTILINE if flags & regex.MULTILINE else 0) | (re.VERBOSE if flags & regex.VERBOSE else 0)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error")  # "possible nested set" and the like: regex's syntax
                    compiled = None if _loose_start(spelled, re_flags) else re.compile(spelled, re_flags)
            except (re.error, Warning, ValueError, OverflowError, RecursionError):
                compiled = None
            verbose_inline = compiled is not None and compiled.flags & re.VERBOSE and not flags & regex.VERBOSE
            if compiled is not None and not compiled.flags & ~_RE_PLAIN and not verbose_inline:
                SOURCES[compiled] = (source, flags)
                return compiled
    return regex.compile(source, flags)


def _loose_start(source: str, flags: int) -> bool:
    """Does a match of ``source`` start with an optional or lazy repeat ("(?:预算)?…表$",
    "[^（(]+?（类）", ".*其中")?  ``re`` then tries every position of a searched text in full,
    where ``regex`` first looks for the literal the match needs ("表", "类"): several times
    slower on a paragraph, so such a pattern stays with ``regex``.  (A pattern anchored with
    "^", or starting with a literal, a set or a required repeat, scans as fast in ``re``.)"""
    return _loose(list(_sre_parser.parse(source, flags)))


def _loose(items) -> bool:
    c = _sre_constants
    for op, av in items:
        if op is c.AT and av in (c.AT_BEGINNING, c.AT_BEGINNING_STRING):
            return False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: what follows decides
        if op in (c.MIN_REPEAT, c.MAX_REPEAT, c.POSSESSIVE_REPEAT):
            low, _, sub = av
            return op is c.MIN_REPEAT or low == 0 or _loose(list(sub))
        if op is c.SUBPATTERN:
            return _loose(list(av[-1]))
        if op is c.ATOMIC_GROUP:
            return _loose(list(av))
        if op is c.BRANCH:
            return any(_loose(list(alt)) for alt in av[1])
        return False
    return False


def _spell(source: str, verbose: bool = False) -> str | None:
    """``source`` with \\s/\\S spelled out as regex's set; None when it
    holds an escape whose meaning differs between the engines, a negated class inside a set,
    or (``verbose``) whitespace inside a set or a comment, which the engines may read differently."""
    if verbose and "#" in source:
        return None  # comments: their text is no pattern, and this scan would read it as one
    # (an inline "(?x)" makes the compiled pattern VERBOSE: compile() refuses it then)
    out: list[str] = []
    in_set = False
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\" and i + 1 < n:
            nxt = source[i + 1]
            if nxt in _DIFFERENT:
                return None
            if nxt in "sS":
                if nxt == "S" and in_set:
                    return None
                out.append(_SPACE if in_set else f"[{'^' if nxt == 'S' else ''}{_SPACE}]")
                i += 2
                continue
            out.append(source[i:i + 2])
            i += 2
            continue
        if not in_set and ch == "[":
            in_set = True
            out.append(ch)
            i += 1
            # a "]" right after "[" or "[^" is a member, not the end of the set
            if i < n and source[i] == "^":
                out.append("^")
                i += 1
            if i < n and source[i] == "]":
                out.append("]")
                i += 1
            continue
        if in_set and ch == "[":
            return None  # a nested set or a POSIX class: regex's syntax
        if in_set and verbose and ch.isspace():
            return None
        if in_set and ch == "]":
            in_set = False
        out.append(ch)
        i += 1
    return "".join(out)
