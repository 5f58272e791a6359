"""What every whole-process benchmark does before its first timed run."""
from __future__ import annotations

import compileall
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "textcheck"


def ensure_bytecode() -> None:
    """textcheck's modules compiled to ``__pycache__``, as an installed package has them.

    An environment with PYTHONDONTWRITEBYTECODE (these sessions set it) never writes
    ``.pyc`` files, so every timed process would compile textcheck's sources again
    (~0.1 s of CPU) while the baselines' packages (jieba, pdfplumber) load theirs
    precompiled.  Existing ``.pyc`` files are read whatever that variable says."""
    compileall.compile_dir(str(PACKAGE), quiet=1)
