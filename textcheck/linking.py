"""Claim → cell linking (placeholder; the narrative-claims issue fills it)."""


def link_claims(document, claims, lexicon, tables):
    return []
