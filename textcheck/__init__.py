"""textcheck: consistency checks for Chinese government budget disclosures.

Public API::

    import textcheck
    report = textcheck.check_text(text)            # a Report
    report = textcheck.check_file("budget.pdf")
    for d in report.diagnostics: print(d.code, d.message)
"""
__version__ = "0.1.0"

from textcheck.api import check_file, check_files, check_text  # noqa: E402
from textcheck.report.diagnostic import Diagnostic, DocumentResult, Report  # noqa: E402

__all__ = ["check_text", "check_file", "check_files", "Diagnostic", "DocumentResult", "Report", "__version__"]
