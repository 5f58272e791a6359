"""Lexicon loading (placeholder; the narrative-claims issue fills it)."""


class Lexicon:
    pass


def load_lexicon(extra_dirs=()):
    return Lexicon()
