"""Baseline of accepted findings: ``--write-baseline FILE`` and ``--baseline FILE``.

A department accepts a known deviation once; later runs hide it.  Findings
are matched by ``Diagnostic.fingerprint`` (rule code + the texts compared, no
line numbers), so inserting or deleting lines above a finding does not
un-accept it, while changing the figures involved does (it is then a
different finding).  Matching counts multiplicity: a baseline holding one
copy of a fingerprint hides one finding, not every finding that looks alike.

File format (JSON, written atomically)::

    {"tool": {"name": "textcheck", "version": "0.1.0"}, "version": 1,
     "findings": [{"fingerprint": "…", "code": "TC201", "name": "…",
                   "path": "…", "line": 640, "message": "…"}]}

Only ``fingerprint`` is used for matching; the rest helps a human review
what was accepted.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

from textcheck import __version__
from textcheck.errors import TextcheckError
from textcheck.report.diagnostic import Report

FORMAT_VERSION = 1


class BaselineError(TextcheckError):
    """The baseline file is missing or not a textcheck baseline."""


def baseline_dict(report: Report) -> dict:
    findings = [
        {"fingerprint": d.fingerprint, "code": d.code, "name": d.name, "severity": d.severity,
         "path": doc.path, "line": d.location.line, "message": d.message}
        for doc in report.documents for d in doc.diagnostics
    ]
    return {"tool": {"name": "textcheck", "version": __version__}, "version": FORMAT_VERSION,
            "findings": findings}


def write_baseline(report: Report, path: str | os.PathLike) -> int:
    """Write every current finding as accepted; returns how many.  Never leaves a half-written file."""
    data = baseline_dict(report)
    path = Path(path)
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BaselineError(f"cannot write baseline {path}: {exc.strerror or exc}") from None
    return len(data["findings"])


def load_fingerprints(path: str | os.PathLike) -> Counter:
    """Fingerprints accepted in a baseline file, with their multiplicity."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"baseline {path} is not valid JSON: {exc.msg} (line {exc.lineno})") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list):
        raise BaselineError(f"baseline {path} is not a textcheck baseline (no 'findings' list)")
    version = data.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise BaselineError(f"baseline {path} has format version {version!r}; this textcheck reads {FORMAT_VERSION}")
    counts: Counter = Counter()
    for i, f in enumerate(findings):
        if not isinstance(f, dict) or not isinstance(f.get("fingerprint"), str):
            raise BaselineError(f"baseline {path}: findings[{i}] has no 'fingerprint' string")
        counts[f["fingerprint"]] += 1
    return counts


def apply_baseline(report: Report, path: str | os.PathLike) -> Report:
    """A new Report without the accepted findings; each document's ``stats["baselined"]`` counts them."""
    remaining = load_fingerprints(path)
    documents = []
    for doc in report.documents:
        kept, hidden = [], 0
        for d in doc.diagnostics:
            if remaining[d.fingerprint] > 0:
                remaining[d.fingerprint] -= 1
                hidden += 1
            else:
                kept.append(d)
        stats = dict(doc.stats)
        stats["baselined"] = hidden
        documents.append(replace(doc, diagnostics=kept, stats=stats))
    return Report(documents)
