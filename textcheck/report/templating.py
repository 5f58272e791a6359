"""The Jinja2 environment of the HTML outputs (report, reviewer page, scan dashboard).

Jinja2 comes with the ``html`` extra (and ``server``/``all``); without it an HTML
output is a one-line error naming the extra.  Autoescape is on for every
template: document text is never trusted markup.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from textcheck.errors import TextcheckError


@lru_cache(maxsize=1)
def environment():
    try:
        import jinja2
    except ImportError:
        raise TextcheckError("HTML output needs Jinja2: pip install 'textcheck[html]'") from None
    env = jinja2.Environment(loader=jinja2.PackageLoader("textcheck", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.globals["static"] = static
    return env


@lru_cache(maxsize=None)
def static(name: str) -> str:
    """A file of textcheck/static, to inline (the HTML outputs are single self-contained files)."""
    return resources.files("textcheck").joinpath("static", name).read_text("utf-8")


def render_template(name: str, **context) -> str:
    return environment().get_template(name).render(**context)
