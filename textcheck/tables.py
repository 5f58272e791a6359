"""Table analysis for the arithmetic rules (placeholder; the core issue fills it)."""


def analyse(document, lexicon):
    return None
