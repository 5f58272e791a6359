"""HTTP API and reviewer web page (textcheck serve).  Placeholder until the interfaces issue lands."""
from __future__ import annotations


def add_serve_arguments(p) -> None:
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)


def cmd_serve(args) -> int:
    print("textcheck: error: serve is not implemented yet")
    return 2
