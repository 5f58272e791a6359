"""spaCy pipeline (placeholder; the narrative-claims issue fills it)."""


def build_pipeline(lexicon):
    return None
