"""Batch scans (textcheck scan / textcheck report).  Placeholder until the batch issue lands."""
from __future__ import annotations


def add_scan_arguments(p) -> None:
    p.add_argument("paths", nargs="+")


def add_report_arguments(p) -> None:
    p.add_argument("--db", required=True)


def cmd_scan(args) -> int:
    print("textcheck: error: scan is not implemented yet")
    return 2


def cmd_report(args) -> int:
    print("textcheck: error: report is not implemented yet")
    return 2
