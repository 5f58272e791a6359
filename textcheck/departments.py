"""Names of one organisation however a disclosure prints them.

"中国共产党江苏省委员会办公厅", "中共江苏省委办公厅" and "江苏省委办公厅" head three volumes of one
disclosure; grouping volumes (``batch``) and pairing years (``batch``, ``crossyear``) compare
departments by ``department_key``.
"""
from __future__ import annotations

# How Chinese organisation names are written long or short: general usage, not any one department's.
_NAME_FORMS = (("中国共产党", ""), ("中共", ""), ("委员会", "委"))


def department_key(name: str | None) -> str | None:
    """The name two volumes (or two years) of one department share however it is printed."""
    if not name:
        return None
    key = "".join(name.split())
    for long, short in _NAME_FORMS:
        key = key.replace(long, short)
    return key or name
