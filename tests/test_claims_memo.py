"""The per-lexicon memo of the claim patterns gives the answers the lexicon gives."""


def test_path_codes_from_the_memo_equal_the_lexicons(lex):
    from textcheck.claims import claim_patterns
    from textcheck.claims.assemble import _Assembler

    pats = claim_patterns(lex)
    asm = _Assembler(pats, [])
    paths = []
    for code, name in sorted(lex.function_items.items()):
        if len(code) == 7:
            path = lex.function_path(code)
            paths += [path, path[:2], [path[0].removesuffix("支出"), *path[1:]], ["未知", *path[1:]]]
    assert len(paths) > 100
    for names in paths:
        pats.memo.pop(("path_codes", tuple(names)), None)
        first = asm._path_codes(names)
        assert ("path_codes", tuple(names)) in pats.memo
        assert asm._path_codes(names) == first
        width = 1 + 2 * len(names)
        found = {c for lei in (names[0], names[0] + "支出")
                 for c in lex.function_codes_for_path([lei, *names[1:]]) if len(c) == width}
        assert first == (tuple(found) if len(found) == 1 else ())


def test_the_memo_is_bounded():
    from textcheck.claims import ClaimPatterns

    pats = ClaimPatterns.from_lexicon(None)
    for k in range(ClaimPatterns._MEMO_MAX + 5):
        assert pats.remember(k, k) == k
    assert len(pats.memo) <= ClaimPatterns._MEMO_MAX


def test_subject_codes_from_the_memo_equal_the_lexicons(lex):
    from textcheck.claims import claim_patterns
    from textcheck.claims.assemble import _Assembler
    from textcheck.claims.vocab import normalize_term

    pats = claim_patterns(lex)
    asm = _Assembler(pats, [])
    names = sorted(set(lex.function_items.values()))[:400] + ["基本支出", "行政运行", "未知的项目", "机关运行经费"]
    for name in names:
        pats.memo.pop(("function_code", normalize_term(name)), None)
        for _ in range(2):  # computed, then from the memo
            subject, codes, _ = asm._subject(name, 0, len(name))
            fc = lex.function_codes(subject)
            assert codes == ((fc[0],) if len(fc) == 1 else ()), name
