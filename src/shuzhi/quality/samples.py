"""Failing-row samples: bounded, and with personal identifiers partially masked.

Until the masking module exists, a simple engine-side rule hides the middle of
values in columns that hold identifiers, names or addresses: 18 characters keep
the first 6 and last 4 (``320724********3590``), 7–14 the first 3 and last 4,
shorter values only the first character.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from shuzhi.catalog.dtypes import looks_like_identifier

# the checked column of these holds a personal identifier whatever it is called
_SENSITIVE_CHECKS = {"id_card", "bank_card", "mobile"}
# a missing or blank value reveals nothing: shown as it is
_EMPTY_CHECKS = {"not_null", "not_blank"}
_PERSONAL_WORDS = ("姓名", "地址", "住址", "住所", "name", "address", "jtzz")


def is_sensitive(column: str, check: str) -> bool:
    if check in _EMPTY_CHECKS:
        return False
    low = column.lower()
    return check in _SENSITIVE_CHECKS or looks_like_identifier(column) or low == "xm" or any(w in low for w in _PERSONAL_WORDS)


def mask(v: ir.Value) -> ir.StringValue:
    """Partially masked text of ``v`` (an engine expression; NULL stays NULL)."""
    s = v if v.type().is_string() else v.cast("string")
    n = s.length()
    stars = ibis.literal("*")
    return ibis.cases(
        (n >= 15, s.substr(0, 6) + stars.repeat(n - 10) + s.right(4)),
        (n >= 7, s.substr(0, 3) + stars.repeat(n - 7) + s.right(4)),
        (n >= 2, s.substr(0, 1) + stars.repeat(n - 1)),
        else_=ibis.ifelse(n == 1, stars, s),
    )


def shown(v: ir.Value, name: str, check: str) -> ir.StringValue:
    """Column ``name``'s value ``v`` as a sample of a ``check`` failure shows it: masked if sensitive, as text."""
    return mask(v) if is_sensitive(name, check) else v.cast("string")


def sample_columns(table: ir.Table, check: str) -> dict[str, ir.Value]:
    """The columns of a failure table as shown in a sample: sensitive ones masked, all as text."""
    return {name: shown(table[name], name, check).name(name) for name in table.columns}
