"""Lexicon data shipped as package data (textcheck.lexicons_data); see README.md here."""
