"""Options shared by ``textcheck check`` and ``textcheck scan`` (which rules run, what fails
the run) and the config they resolve to.  Both commands import them from here, so the scan's
command line (``scan_cli``) never imports ``cli`` (no import cycle)."""
from __future__ import annotations

import argparse

from textcheck.errors import TextcheckError


def add_selection_arguments(c: argparse.ArgumentParser) -> None:
    """Options shared by check and scan: which rules run and what fails the run."""
    c.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default=None,
                   help="lowest severity that makes the exit status 1 (default: error, or fail-on of the config)")
    c.add_argument("--config", metavar="FILE",
                   help="config file (default: textcheck.toml or pyproject.toml [tool.textcheck] found upward)")
    c.add_argument("--select", action="append", default=[], metavar="CODE",
                   help="only these rules: codes, code prefixes, names or categories, comma-separated (default: all)")
    c.add_argument("--ignore", action="append", default=[], metavar="CODE",
                   help="skip these rules: codes, code prefixes, names or categories (default: none)")


def _split(values: list[str]) -> list[str]:
    return [s.strip() for arg in values for s in arg.split(",") if s.strip()]


def resolve_config(args, start: str | None):
    """The config file (explicit or found upward from ``start``) with the command line on top."""
    from textcheck.config import load_config
    from textcheck.rule_refs import unknown_references

    cfg = load_config(args.config, start=start)
    for option in ("select", "ignore"):  # a typo would silently disable every check
        bad = unknown_references(_split(getattr(args, option)))
        if bad:
            raise TextcheckError(f"--{option}: unknown rule, name or category {bad[0]!r} (see 'textcheck rules')")
    if args.select:
        cfg.select = _split(args.select)
    if args.ignore:
        cfg.ignore = cfg.ignore + _split(args.ignore)
    if args.fail_on:
        cfg.fail_on = args.fail_on
    if getattr(args, "verbose", False):
        cfg.verbose = True
    return cfg
