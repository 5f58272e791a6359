"""Claim extraction (placeholder; the narrative-claims issue fills it)."""


def extract_claims(document, nlp, lexicon):
    return []
