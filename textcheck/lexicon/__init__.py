"""The lexicon: every word list textcheck knows, read from lexicons/ (package textcheck.lexicons_data).

Nothing outside this package opens a lexicon file.  Each module is one view of
the data, typed and compiled once per process (per tuple of extra folders):

  files          locating and reading the files; extra folders override or merge
  terms          ``normalize_term``: how any term is compared
  model          ``Lexicon``: classification (功能/经济分类), concepts, aliases,
                 direction words, comparison bases, units, measure words
  columns        ``ColumnLexicon``: column, fund, measure and row words of tables
  polarity       ``Polarity``: indicator polarity and unit dimensions of 绩效目标表
  templates      template families (required tables) and document-kind cues
  linking_words  the linker's vocabulary (linking.yml, columns.yml) as parsed

The names below stay importable from ``textcheck.lexicon`` (plugins use them).
"""
from textcheck.lexicon.files import data_dir, data_file, load_yaml
from textcheck.lexicon.model import (
    ALIASES_FILE,
    BASES_FILE,
    CONCEPTS_FILE,
    DIRECTIONS_FILE,
    ECONOMIC_FILE,
    FUNCTION_FILE,
    INCOME_FILE,
    KIND_CONCEPT,
    KIND_ECONOMIC,
    KIND_FUNCTION,
    KIND_INCOME,
    MEASURES_FILE,
    UNITS_FILE,
    VARIANTS_FILE,
    Lexicon,
    load_lexicon,
)
from textcheck.lexicon.terms import code_level, normalize_term

__all__ = [
    "ALIASES_FILE", "BASES_FILE", "CONCEPTS_FILE", "DIRECTIONS_FILE", "ECONOMIC_FILE", "FUNCTION_FILE",
    "INCOME_FILE", "KIND_CONCEPT", "KIND_ECONOMIC", "KIND_FUNCTION", "KIND_INCOME", "MEASURES_FILE",
    "UNITS_FILE", "VARIANTS_FILE", "Lexicon", "code_level", "data_dir", "data_file", "load_lexicon",
    "load_yaml", "normalize_term",
]
