"""Logical column types of text data, inferred so that no value loses information.

Text sources (CSV, Excel, JSON) are stored exactly as read — every value as
text — and the catalog records a logical type per column. A column gets a
non-text type only when *every* non-null value converts without loss:

- ``int64``: optional sign and digits, no leading zero, at most 18 digits;
- ``decimal(p,s)``: the same with a fractional part (scale kept, so ``1.10`` stays ``1.10``);
- ``date`` / ``timestamp``: ``2021-03-05``, ``2021/3/5``, ``2021.3.5``, ``2021年3月5日``,
  ``20210305``, optionally followed by a time ``12:30[:00[.000]]``, all valid calendar dates;
- otherwise ``string``.

Identifiers are never numbers: a column whose name says it is a code or number
(身份证号, 联系电话, 代码, sfzh, lxdh, xzqh, …) or whose digit values all have the
same length of six or more stays text, so 公民身份号码, phone numbers, 行政区划代码 and
postcodes round-trip byte for byte.

Everything here builds Ibis expressions; nothing runs row by row in Python.
"""

from __future__ import annotations

import re

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

INT_RE = r"^[+-]?(0|[1-9][0-9]{0,17})$"
DEC_RE = r"^[+-]?(0|[1-9][0-9]{0,27})\.[0-9]{1,10}$"
# separated dates, optional time; group 1-3 = y, m, d; 4-6 = H, M, S
DATE_SEP_RE = r"^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]{1,6})?)?)?$"
DATE_COMPACT_RE = r"^[0-9]{8}$"
# \s plus the ideographic space U+3000
BLANK_RE = "^[\\s\u3000]*$"

# Names (lower-cased) that mark identifiers: Chinese words, English words, pinyin initials.
_ID_WORDS_ZH = ("号码", "代码", "编码", "编号", "证号", "卡号", "账号", "帐号", "电话", "手机", "邮编", "邮政编码", "区划", "身份证", "证件号")
_ID_WORDS_EN = re.compile(r"(^|[_\s])(id|code|no|num|number|phone|tel|mobile|zip|postcode|zipcode|uscc|account)($|[_\s])")
_ID_PINYIN = re.compile(r"^[a-z_]*(sfzh|zjhm|hm|dm|bm|bh|zh|dh|sj|yb|yzbm|xzqh|tyshxydm|id)$")


def looks_like_identifier(name: str) -> bool:
    """Whether a column name says its values are codes or numbers, not quantities.

    >>> [looks_like_identifier(n) for n in ("公民身份号码", "lxdh", "user_id", "age", "注册资本")]
    [True, True, True, False, False]
    """
    low = name.lower()
    return any(w in name for w in _ID_WORDS_ZH) or bool(_ID_WORDS_EN.search(low)) or bool(_ID_PINYIN.match(low))


def _int_part(expr: ir.StringValue, ok: ir.BooleanValue) -> ir.IntegerValue:
    return ibis.ifelse(ok & (expr != ""), expr, ibis.null()).cast("int64")


def date_parts(v: ir.StringValue) -> dict[str, ir.Value]:
    """Year … second as integers, ``valid`` (a real calendar date and time) and ``has_time``."""
    compact = v.re_search(DATE_COMPACT_RE)
    sep = v.re_search(DATE_SEP_RE)
    y = ibis.ifelse(compact, v.substr(0, 4), v.re_extract(DATE_SEP_RE, 1))
    m = ibis.ifelse(compact, v.substr(4, 2), v.re_extract(DATE_SEP_RE, 2))
    d = ibis.ifelse(compact, v.substr(6, 2), v.re_extract(DATE_SEP_RE, 3))
    matched = compact | sep
    year, month, day = _int_part(y, matched), _int_part(m, matched), _int_part(d, matched)
    hour = _int_part(v.re_extract(DATE_SEP_RE, 4), sep)
    minute = _int_part(v.re_extract(DATE_SEP_RE, 5), sep)
    second = _int_part(v.re_extract(DATE_SEP_RE, 6), sep)
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days = ibis.cases(
        (month == 2, ibis.ifelse(leap, 29, 28)),
        (month.isin([4, 6, 9, 11]), 30),
        else_=31,
    )
    date_ok = matched & year.between(1800, 2200) & month.between(1, 12) & (day >= 1) & (day <= days)
    has_time = hour.notnull()
    time_ok = ~has_time | (hour.between(0, 23) & minute.between(0, 59) & (second.isnull() | second.between(0, 59)))
    return {
        "year": year, "month": month, "day": day, "hour": hour, "minute": minute,
        "second": second.fill_null(0), "valid": (date_ok & time_ok).fill_null(False), "has_time": has_time,
    }


def parse_dtype(text: str) -> dt.DataType:
    return dt.dtype(text)


def cast_text(v: ir.StringValue, dtype: str) -> ir.Value:
    """Expression converting a text column to its inferred logical type (lossless by construction)."""
    if dtype == "string":
        return v
    if dtype == "int64":
        return v.cast("int64")
    if dtype.startswith("decimal"):
        return v.cast(parse_dtype(dtype))
    if dtype in ("date", "timestamp"):
        p = date_parts(v)
        if dtype == "date":
            return ibis.ifelse(p["valid"], ibis.date(p["year"], p["month"], p["day"]), ibis.null())
        return ibis.ifelse(
            p["valid"],
            ibis.timestamp(p["year"], p["month"], p["day"], p["hour"].fill_null(0), p["minute"].fill_null(0), p["second"]),
            ibis.null(),
        )
    raise ValueError(f"unsupported logical type {dtype}")


def typed_view(table: ir.Table, dtypes: dict[str, str]) -> ir.Table:
    """The table with each text column converted to its catalog type."""
    return table.mutate(
        **{name: cast_text(table[name], dtype).name(name) for name, dtype in dtypes.items() if dtype != "string"}
    )
