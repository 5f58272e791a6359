"""Characters a pattern's every match holds: a test on a text's characters that proves a search
of a key made from the text cannot match, without making the key (linking.index._PerfReads).

A key made by ``name_key`` from an NFKC-normalised text holds only characters of the text, plus
"(" and ")" (normalize_term writes 〔〕【】 as parentheses; everything else it and name_key do
drops characters): a pattern every match of which holds one of a set of characters finds
nothing in the key of a text holding none of them, nor a bracket that becomes one of them."""
from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser

from textcheck.lexicon.terms import BRACKET_MARKS

# Flags under which a literal matches itself alone (no IGNORECASE, no LOCALE).
_PLAIN_FLAGS = re.UNICODE | re.MULTILINE | re.VERBOSE | re.DOTALL

# regex's flags of a pattern compiled with none (VERSION0 | UNICODE): it reads as re reads it.
_REGEX_PLAIN = 8192 | 32

_REQUIRED: dict = {}  # pattern → its required characters (per process: patterns of the lexicon)


def required_chars(pattern) -> frozenset[str] | None:
    """Characters one of which every match of ``pattern`` holds (brackets widened to the marks
    normalize_term writes as them); None when no such set is known (a pattern of the ``regex``
    engine, a flag that lets a literal match other characters, or no literal every match needs)."""
    try:
        return _REQUIRED[pattern]
    except KeyError:
        pass
    found = None
    if isinstance(pattern, re.Pattern) and isinstance(pattern.pattern, str) and not pattern.flags & ~_PLAIN_FLAGS:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        if not parsed.state.flags & ~_PLAIN_FLAGS:
            found = _needs(list(parsed))
    if found is not None:
        found = frozenset(found | {m for m, b in BRACKET_MARKS if b in found})
    _REQUIRED[pattern] = found
    return found


def _needs(items) -> frozenset[str] | None:
    """Characters one of which every match of this sequence holds, or None.  Each item of a
    sequence matches a part of the match, so any item's set will do: the smallest (the last of
    equal size: a name's head noun comes last, its rarer characters)."""
    best = None
    for op, av in items:
        need = _item_needs(op, av)
        if need is not None and (best is None or len(need) <= len(best)):
            best = need
    return best


def _item_needs(op, av) -> frozenset[str] | None:
    if op is _c.LITERAL:
        return frozenset(chr(av))
    if op is _c.IN:  # a class of literals alone ("[ab]", or "a|b" as the parser folds it)
        if av and all(o is _c.LITERAL for o, _ in av):
            return frozenset(chr(v) for _, v in av)
        return None
    if op is _c.BRANCH:  # every branch must need one: the union of theirs
        sets = [_needs(list(branch)) for branch in av[1]]
        return None if any(s is None for s in sets) else frozenset().union(*sets)
    if op is _c.SUBPATTERN:  # (group, flags added, flags removed, pattern)
        _, add, _, sub = av
        return None if add & ~_PLAIN_FLAGS else _needs(list(sub))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, sub = av
        return _needs(list(sub)) if low >= 1 else None
    if op is _c.ATOMIC_GROUP:
        return _needs(list(av))
    return None  # anchors, look-arounds (no character of the match), other classes, back-references


def may_hold(need: frozenset[str] | None, text: str) -> bool:
    """False only when ``text`` holds none of the characters (``need`` of required_chars)."""
    return need is None or not need.isdisjoint(text)


def required_any(patterns) -> frozenset[str] | None:
    """Characters one of which every match of any of the patterns holds (the union of their
    required_chars); None when one of them has no such set."""
    key = ("any", tuple(patterns))
    try:
        return _REQUIRED[key]
    except KeyError:
        pass
    sets = [required_chars(p) for p in key[1]]
    found = _REQUIRED[key] = None if any(s is None for s in sets) else frozenset().union(*sets)
    return found


def required_any_plain(patterns) -> frozenset[str] | None:
    """``required_any`` of patterns of either engine: a ``regex`` pattern both engines read
    alike (``_parsed``) needs what the same pattern compiled by ``re`` needs."""
    plain = []
    for p in patterns:
        if not isinstance(p, re.Pattern):
            if _parsed(p) is None:
                return None
            p = re.compile(p.pattern, p.flags & _PLAIN_FLAGS)
        plain.append(p)
    return required_any(plain)


def chars_search(need: frozenset[str] | None):
    """A search for any of the characters (a compiled class's ``search``: one scan in C, where
    ``frozenset.isdisjoint(text)`` hashes every character of the text); None for None."""
    if need is None:
        return None
    key = ("search", need)
    try:
        return _REQUIRED[key]
    except KeyError:
        pass
    found = _REQUIRED[key] = re.compile("[" + "".join(re.escape(ch) for ch in sorted(need)) + "]").search
    return found


def end_chars(pattern) -> frozenset[str] | None:
    """For a pattern anchored at the end ("…$", no MULTILINE): the characters a text must end
    with (or a final newline, where "$" also matches) for it to match — the last characters
    the pattern's last, required item can consume; None when they are not known."""
    key = ("end", pattern)
    try:
        return _REQUIRED[key]
    except KeyError:
        pass
    found = None
    items = _parsed(pattern)
    if items and items[-1] == (_c.AT, _c.AT_END):
        found = _last(items[:-1])
    _REQUIRED[key] = found
    return found


def _parsed(pattern) -> list | None:
    """The items of a pattern both engines read alike (``re``'s, or ``regex``'s holding no escape
    or set, with plain flags and no MULTILINE); None otherwise."""
    if not isinstance(pattern.pattern, str):
        return None
    if isinstance(pattern, re.Pattern):
        if pattern.flags & ~_PLAIN_FLAGS:
            return None
    elif type(pattern).__module__ == "_regex" and not pattern.flags & ~_REGEX_PLAIN \
            and not any(ch in pattern.pattern for ch in "\\[#"):
        pass
    else:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags & _PLAIN_FLAGS)
    except (re.error, ValueError):
        return None
    # (MULTILINE, given or inline, lets "$" match before any newline: not read here)
    flags = parsed.state.flags | pattern.flags
    return None if flags & ~_PLAIN_FLAGS or flags & re.MULTILINE else list(parsed)


def _last(items) -> frozenset[str] | None:
    """The characters the last item of a sequence ends its match with, when it is required (it
    consumes at least one character); None otherwise."""
    if not items:
        return None
    op, av = items[-1]
    if op is _c.LITERAL:
        return frozenset(chr(av))
    if op is _c.IN:
        return frozenset(chr(v) for _, v in av) if av and all(o is _c.LITERAL for o, _ in av) else None
    if op is _c.BRANCH:
        sets = [_last(list(branch)) for branch in av[1]]
        return None if any(s is None for s in sets) else frozenset().union(*sets)
    if op is _c.SUBPATTERN:
        _, add, _, sub = av
        return None if add & ~_PLAIN_FLAGS else _last(list(sub))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, sub = av
        return _last(list(sub)) if low >= 1 else None
    if op is _c.ATOMIC_GROUP:
        return _last(list(av))
    return None
