"""Example textcheck plugin (see tests/plugin_example/pyproject.toml for its entry points)."""
from pathlib import Path


def lexicon_dir() -> str:
    """The lexicon folder this plugin adds (entry-point group ``textcheck.lexicons``)."""
    return str(Path(__file__).parent / "lexicons")
