"""Command line: textcheck check | scan | report | serve | rules | explain.

Exit status: 0 nothing reached --fail-on, 1 something did, 2 usage error or an
unreadable input.  Errors are one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys

from textcheck import __version__
from textcheck.errors import TextcheckError

FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2 with one line
        self.print_usage(sys.stderr)
        print(f"textcheck: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="textcheck", description="Consistency checks for Chinese budget disclosures (部门预算/决算公开).")
    p.add_argument("--version", action="version", version=f"textcheck {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    c = sub.add_parser("check", help="check files and print a report")
    c.add_argument("files", nargs="+", help="text, Markdown, HTML, PDF, DOCX or XLSX files")
    add_output_arguments(c)
    c.add_argument("--combine", action="store_true",
                   help="check all FILES as one disclosure (e.g. text volume + table volume)")
    c.add_argument("--baseline", metavar="FILE", help="hide findings accepted in this baseline file")
    c.add_argument("--write-baseline", metavar="FILE", help="write all current findings to FILE as accepted")

    sub.add_parser("rules", help="list the rules (code, name, category, default severity)")
    e = sub.add_parser("explain", help="print the documentation of one rule")
    e.add_argument("rule", help="rule code (TC201) or name (narrative-amount-mismatch)")

    from textcheck import batch, service

    batch.add_scan_arguments(sub.add_parser("scan", help="scan many documents in parallel into a results database"))
    batch.add_report_arguments(sub.add_parser("report", help="export summary and findings from a scan database"))
    service.add_serve_arguments(sub.add_parser("serve", help="run the HTTP API and reviewer web page"))
    return p


def add_output_arguments(c: argparse.ArgumentParser) -> None:
    c.add_argument("--format", "-f", choices=FORMATS, default="text")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (default stdout)")
    c.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default=None,
                   help="lowest severity that makes the exit status 1 (default: error)")
    c.add_argument("--config", metavar="FILE", help="config file (default: textcheck.toml or pyproject.toml found upward)")
    c.add_argument("--select", action="append", default=[], metavar="CODE", help="only these rules/categories")
    c.add_argument("--ignore", action="append", default=[], metavar="CODE", help="skip these rules/categories")
    c.add_argument("--verbose", "-v", action="store_true", help="also report unlinked claims as info")


def resolve_config(args, start: str | None):
    from textcheck.config import load_config

    cfg = load_config(args.config, start=start)
    if args.select:
        cfg.select = [s for arg in args.select for s in arg.split(",") if s]
    if args.ignore:
        cfg.ignore = cfg.ignore + [s for arg in args.ignore for s in arg.split(",") if s]
    if args.fail_on:
        cfg.fail_on = args.fail_on
    if args.verbose:
        cfg.verbose = True
    return cfg


def write_output(text: str, output: str | None) -> None:
    """Write atomically: a report file is never left half-written."""
    if not output:
        sys.stdout.write(text)
        return
    tmp = f"{output}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, output)


def cmd_check(args) -> int:
    from textcheck.api import check_files
    from textcheck.report.writers import render

    cfg = resolve_config(args, start=args.files[0])
    report = check_files(args.files, config=cfg, combine=args.combine)
    if args.write_baseline or args.baseline:
        from textcheck import baseline

        if args.write_baseline:
            baseline.write_baseline(report, args.write_baseline)
        if args.baseline:
            report = baseline.apply_baseline(report, args.baseline)
    colour = args.format == "text" and not args.output and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    write_output(render(report, args.format, colour=colour), args.output)
    for doc in report.documents:
        if doc.error:
            print(f"textcheck: {doc.error}", file=sys.stderr)
    if any(doc.error for doc in report.documents):
        return EXIT_USAGE
    return EXIT_FINDINGS if report.reaches(cfg.fail_on) else EXIT_OK


def cmd_rules(_args) -> int:
    from textcheck.rules import all_rules

    for cls in all_rules():
        summary = next((ln.strip() for ln in cls.doc().splitlines() if ln.strip()), "")
        print(f"{cls.code}  {cls.name:<36} {cls.category:<9} {cls.severity:<8} {summary}")
    return EXIT_OK


def cmd_explain(args) -> int:
    from textcheck.rules import find_rule

    cls = find_rule(args.rule)
    if not cls:
        print(f"textcheck: error: no rule {args.rule!r} (see 'textcheck rules')", file=sys.stderr)
        return EXIT_USAGE
    print(f"{cls.code} {cls.name} — category: {cls.category}, default severity: {cls.severity}\n")
    print(cls.doc())
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "explain":
            return cmd_explain(args)
        if args.command == "scan":
            from textcheck import batch

            return batch.cmd_scan(args)
        if args.command == "report":
            from textcheck import batch

            return batch.cmd_report(args)
        if args.command == "serve":
            from textcheck import service

            return service.cmd_serve(args)
    except TextcheckError as exc:
        print(f"textcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("textcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
