"""Diagnostics and the writers that render them (text, json, jsonl, sarif, github, html)."""
