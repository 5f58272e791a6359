"""Command line: textcheck check | scan | report | serve | rules | explain.

Exit status: 0 nothing reached --fail-on, 1 something did, 2 usage error or an
unreadable input.  Errors are one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys

from textcheck import __version__
from textcheck.cli_options import add_selection_arguments, resolve_config  # noqa: F401  (shared with scan)
from textcheck.errors import TextcheckError

FORMATS = ("text", "json", "jsonl", "sarif", "github", "html", "docx")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _HelpFormatter(argparse.HelpFormatter):
    """Every option's help ends with its default (unless the help already names it or there is none)."""

    def _get_help_string(self, action):
        text = action.help or ""
        if "%(default)" in text or "default" in text or action.default in (None, False, [], argparse.SUPPRESS):
            return text
        if action.option_strings or action.nargs in ("?", "*"):
            return f"{text} (default: %(default)s)"
        return text


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message):  # usage errors exit 2 with one line
        self.print_usage(sys.stderr)
        print(f"textcheck: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given ``argv``, only the named command's scan/report/serve options are
    defined, so `textcheck rules` or `--version` never import the batch and server modules."""
    command = next((a for a in argv if not a.startswith("-")), "") if argv is not None else None
    p = _Parser(prog="textcheck", description="Consistency checks for Chinese budget disclosures (部门预算/决算公开).")
    p.add_argument("--version", action="version", version=f"textcheck {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    c = sub.add_parser("check", help="check files and print a report")
    c.add_argument("files", nargs="+", help="text, Markdown, HTML, PDF, DOCX or XLSX files")
    add_output_arguments(c)
    c.add_argument("--combine", action="store_true",
                   help="check all FILES as one disclosure, e.g. text volume + table volume (default: each file alone)")
    c.add_argument("--previous", action="append", default=[], metavar="FILE",
                   help="last year's disclosure of the same department (repeat for its volumes): "
                        "its tables prove this year's 上年 figures (TC361, TC362)")
    c.add_argument("--baseline", metavar="FILE", help="hide findings accepted in this baseline file")
    c.add_argument("--write-baseline", metavar="FILE", help="write all current findings to FILE as accepted")

    sub.add_parser("rules", help="list the rules (code, name, category, default severity)")
    e = sub.add_parser("explain", help="print the documentation of one rule")
    e.add_argument("rule", help="rule code (TC201) or name (narrative-amount-mismatch)")
    e.add_argument("--config", metavar="FILE", help="config whose [severity] to show (default: found upward from here)")

    scan = sub.add_parser("scan", help="scan many documents in parallel into a results database")
    report = sub.add_parser("report", help="export summary and findings from a scan database")
    serve = sub.add_parser("serve", help="run the HTTP API and reviewer web page")
    if command in (None, "scan", "report"):
        from textcheck import scan_cli

        scan_cli.add_scan_arguments(scan)
        scan_cli.add_report_arguments(report)
    if command in (None, "serve"):
        from textcheck import service

        service.add_serve_arguments(serve)
    return p


def add_output_arguments(c: argparse.ArgumentParser) -> None:
    c.add_argument("--format", "-f", choices=FORMATS, default="text",
                   help="report format; docx writes a commented copy of a DOCX input (a DOCX report otherwise)")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE, atomically (default: stdout)")
    add_selection_arguments(c)
    c.add_argument("--verbose", "-v", action="store_true", help="also report unlinked claims as info (default: off)")


def check_output_path(output: str | None) -> None:
    """Refuse an output path that cannot be written before any work is done (textcheck/output.py)."""
    from textcheck.output import check_output_path as check

    check(output)


def write_output(content: str | bytes, output: str | None) -> None:
    """Write through the path the user named: atomically for a regular file, into a device or FIFO,
    one line on any error (textcheck/output.py)."""
    from textcheck.output import write_output as write

    write(content, output)


def cmd_check(args) -> int:
    from textcheck.api import check_files
    from textcheck.report.writers import render

    cfg = resolve_config(args, start=args.files[0])
    check_output_path(args.output)
    if args.format == "docx" and not args.output and sys.stdout.isatty():
        raise TextcheckError("--format docx writes a Word file: name it with -o FILE.docx")
    # last year's disclosure only when given: check_files keeps its call for everything else
    extra = {"previous": args.previous} if args.previous else {}
    report = check_files(args.files, config=cfg, combine=args.combine, **extra)
    if args.write_baseline or args.baseline:
        from textcheck import baseline

        if args.write_baseline:
            baseline.write_baseline(report, args.write_baseline)
        if args.baseline:
            report = baseline.apply_baseline(report, args.baseline)
    colour = args.format == "text" and not args.output and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if args.format == "docx":
        from textcheck.report.docx_writer import render_docx

        write_output(render_docx(report), args.output)
    else:
        write_output(render(report, args.format, colour=colour), args.output)
    for doc in report.documents:
        if doc.error:
            print(f"textcheck: {doc.error}", file=sys.stderr)
    if any(doc.error for doc in report.documents):
        return EXIT_USAGE
    return EXIT_FINDINGS if report.reaches(cfg.fail_on) else EXIT_OK


def cmd_rules(_args) -> int:
    from textcheck.rules import rule_catalog  # read from the rule modules' source: nothing heavy imported

    for cls in rule_catalog():
        summary = next((ln.strip() for ln in cls.doc().splitlines() if ln.strip()), "")
        print(f"{cls.code}  {cls.name:<36} {cls.category:<9} {cls.severity:<8} {summary}")
    return EXIT_OK


def cmd_explain(args) -> int:
    from textcheck.rules import find_rule_info

    cls = find_rule_info(args.rule)
    if not cls:
        print(f"textcheck: error: no rule {args.rule!r} (see 'textcheck rules')", file=sys.stderr)
        return EXIT_USAGE
    print(f"{cls.code} {cls.name} — category: {cls.category}, default severity: {cls.severity}")
    # A config in force here may change the severity: say so, or a reviewer wonders why findings differ.
    from textcheck.config import load_config

    cfg = load_config(getattr(args, "config", None), start=os.getcwd())
    configured = cfg.severity_for(cls, cls.severity)
    if configured != cls.severity:
        key = next(k for k in (cls.code, cls.name, cls.category) if k in cfg.severity)
        print(f"级别说明：配置 {cfg.source} 的 [severity] {key} = {configured}，本规则的发现报为 {configured}")
    if cls.severity != "info":
        print("级别说明：个别发现的级别可能低于默认值（证据只差末位舍入、或按惯例可以理解时，规则报 warning/info），"
              "原因写在该发现的“级别说明”（JSON 的 severity_reason）中。")
    print()
    print(cls.doc())
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
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
            from textcheck import scan_cli

            return scan_cli.cmd_scan(args)
        if args.command == "report":
            from textcheck import scan_cli

            return scan_cli.cmd_report(args)
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
    except OSError as exc:  # a file system error no stage turned into a message: still one line
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"textcheck: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
