"""textcheck: consistency checks for Chinese government budget disclosures.

Public API::

    import textcheck
    report = textcheck.check_text(text)            # a Report
    report = textcheck.check_file("budget.pdf")
    for d in report.diagnostics: print(d.code, d.message)
"""
__version__ = "0.1.0"

__all__ = ["check_text", "check_file", "check_files", "Diagnostic", "DocumentResult", "Report", "__version__"]

# The public names are imported on first use (PEP 562): ``textcheck --version``,
# ``textcheck rules`` and a worker that only needs one module do not pay for
# the API's imports (the document model compiles every pattern).
_LAZY = {
    "check_text": "textcheck.api", "check_file": "textcheck.api", "check_files": "textcheck.api",
    "Diagnostic": "textcheck.report.diagnostic", "DocumentResult": "textcheck.report.diagnostic",
    "Report": "textcheck.report.diagnostic",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'textcheck' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
