"""Lexicon loading (the lexicons/ data shipped as package textcheck.lexicons_data).

Placeholder for the Lexicon class (filled by the lexicon work); ``data_file``
and ``load_yaml`` are the one way any stage reads a lexicon file, so extra
lexicon folders from the config override the shipped ones by file name.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml


def data_dir() -> Path:
    return Path(str(resources.files("textcheck.lexicons_data")))


def data_file(name: str, extra_dirs=()) -> Path:
    """Path of lexicon file ``name``: the first extra folder that has it, else the shipped one."""
    for d in extra_dirs:
        p = Path(d) / name
        if p.is_file():
            return p
    return data_dir() / name


def load_yaml(name: str, extra_dirs=()):
    with open(data_file(name, extra_dirs), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


class Lexicon:
    def __init__(self, extra_dirs=()):
        self.extra_dirs = tuple(extra_dirs)


def load_lexicon(extra_dirs=()):
    return Lexicon(extra_dirs)
