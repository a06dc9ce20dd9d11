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

import datetime
import re
from collections.abc import Callable

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

# Patterns end with \z, not $: Java's $ (Spark) also matches before a final line break, RE2's (DuckDB) does not.
INT_RE = r"^[+-]?(0|[1-9][0-9]{0,17})\z"
DEC_RE = r"^[+-]?(0|[1-9][0-9]{0,27})\.[0-9]{1,10}\z"
# a plain decimal number (no NaN, Infinity, hex, digit separators or type suffixes, which engines parse differently)
NUMBER_RE = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\z"
# separated dates, optional time; group 1-3 = y, m, d; 4-6 = H, M, S. A fraction of a second is
# accepted only when it is zero (".000", common in database exports): a timestamp keeps whole seconds.
DATE_SEP_RE = r"^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z"
DATE_COMPACT_RE = r"^[0-9]{8}\z"
# yyyy-mm-dd[ HH:MM:SS], the shapes most data has, with the ranges in the pattern (years 1800-2200 as
# DATE_SEP_RE's checks); the day of the month is left to the engine's own date cast, exact for this shape
ISO_RE = (r"^(1[89][0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
          r"( ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?\z")
# the profile's format pattern (``catalog.profile.shape_pattern``) of ``yyyy-mm-dd`` text
ISO_DATE_SHAPE = r"\d{4}-\d{2}-\d{2}"
# white space spelled out (engines disagree on \s): ASCII, no-break, en…hair spaces, zero-width, ideographic U+3000
BLANK_CHARS = " \t\n\r\x0b\x0c\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u3000\ufeff"
BLANK_RE = f"^[{BLANK_CHARS}]*\\z"


def blank_regex(placeholders: list[str]) -> str:
    r"""Regex of a blank value: only white space (incl. U+3000), or a placeholder surrounded by it.

    >>> import re
    >>> [bool(re.search(blank_regex(["无", "-"]).replace("\\z", "$"), v)) for v in ("", " 无\u3000", "-", "无人")]
    [True, True, True, False]
    """
    ws = f"[{BLANK_CHARS}]*"
    alts = "|".join(re.escape(p) for p in sorted(placeholders, key=len, reverse=True) if p.strip())
    return f"^{ws}(?:{alts})?{ws}\\z" if alts else f"^{ws}\\z"


# Chinese characters: URO, extension A, compatibility ideographs, extensions B and later
HAN_RE = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+"

# Names (lower-cased) that mark identifiers: Chinese words, English words, pinyin initials.
_ID_WORDS_ZH = ("号码", "代码", "编码", "编号", "证号", "卡号", "账号", "帐号", "电话", "手机", "邮编", "邮政编码", "区划", "身份证", "证件号")
_ID_WORDS_EN = re.compile(
    r"(^|[_\s-])(id|code|no|num|number|phone|telephone|tel|mobile|zip|postcode|zipcode|uscc|account|card)($|[_\s-])"
)
# pinyin initials: 号码 hm, 代码 dm, 编码 bm, 编号 bh, 证号/账号 zh, 电话 dh, 卡号 kh, 邮政编码 yzbm …
_ID_PINYIN = re.compile(r"^[a-z_]*(sfzh|zjhm|hm|dm|bm|bh|zh|dh|kh|yzbm|xzqh|tyshxydm)$")


def looks_like_identifier(name: str) -> bool:
    """Whether a column name says its values are codes or numbers, not quantities.

    >>> [looks_like_identifier(n) for n in ("公民身份号码", "lxdh", "user_id", "age", "注册资本")]
    [True, True, True, False, False]
    """
    low = name.lower()
    return any(w in name for w in _ID_WORDS_ZH) or bool(_ID_WORDS_EN.search(low)) or bool(_ID_PINYIN.match(low))


_PARTS = ("year", "month", "day", "hour", "minute", "second")


def as_number(v: ir.Value) -> ir.FloatingValue:
    """Text as a float64 when it is a plain decimal number (``NUMBER_RE``), else NULL; numbers as they are.

    >>> import ibis
    >>> t = ibis.memtable({"v": ["1.5", "-2e3", "NaN", "inf", "1_000", "1d", " 7"]})
    >>> ibis.duckdb.connect().execute(t.select(n=as_number(t.v)))["n"].tolist()
    [1.5, -2000.0, nan, nan, nan, nan, nan]
    """
    if v.type().is_numeric():
        return v.cast("float64")
    text = v if v.type().is_string() else v.cast("string")
    return ibis.ifelse(text.re_search(NUMBER_RE), text.try_cast("float64"), ibis.null("float64"))


def date_norm(v: ir.StringValue) -> ir.StringValue:
    """``20210305`` → ``2021-03-05``; every other value unchanged, ready for ``DATE_SEP_RE``."""
    return ibis.ifelse(v.re_search(DATE_COMPACT_RE), v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2), v)


def _extract(norm: ir.StringValue) -> dict[str, ir.IntegerValue]:
    # a group that did not take part, or no match at all, extracts '' on both engines → NULL
    return {name: norm.re_extract(DATE_SEP_RE, i).nullif("").cast("int64") for i, name in enumerate(_PARTS, start=1)}


def _checks(p: dict[str, ir.IntegerValue]) -> dict[str, ir.BooleanValue]:
    year, month, day, hour, minute, second = (p[k] for k in _PARTS)
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    # April, June, September, November — a search in a literal, not IN (4, 6, 9, 11): DuckDB plans each IN list
    # as a join, and an expression holding it many times (a date parsed inline) took minutes to run on 5 rows
    thirty = ibis.literal(",4,6,9,11,").contains("," + month.cast("string") + ",")
    days = ibis.cases((month == 2, ibis.ifelse(leap, 29, 28)), (thirty, 30), else_=31)
    date_ok = year.between(1800, 2200) & month.between(1, 12) & (day >= 1) & (day <= days)
    has_time = hour.notnull()
    time_ok = ~has_time | (hour.between(0, 23) & minute.between(0, 59) & (second.isnull() | second.between(0, 59)))
    return {"valid": (date_ok & time_ok).fill_null(False), "has_time": has_time}


def date_parts(v: ir.StringValue) -> dict[str, ir.Value]:
    """Year … second as integers, ``valid`` (a real calendar date and time) and ``has_time``.

    One expression per part; where many parts of many columns are needed at once,
    :func:`with_date_parts` computes each regex once per row instead.
    """
    parts: dict[str, ir.Value] = dict(_extract(date_norm(v)))
    parts.update(_checks(parts))  # type: ignore[arg-type]
    parts["second"] = parts["second"].fill_null(0)
    return parts


def with_date_parts(table: ir.Table, column: str, prefix: str, *, where: ir.BooleanValue | None = None) -> ir.Table:
    """``table`` plus ``<prefix>year`` … ``<prefix>second``, ``<prefix>valid``, ``<prefix>has_time``.

    Built in stacked projections so that the engines evaluate each regex once per
    row; ``where`` limits parsing to candidate rows (others get NULL parts).
    """
    v = table[column]
    norm = date_norm(v) if where is None else ibis.ifelse(where, date_norm(v), ibis.null())
    staged = table.mutate(**{f"{prefix}norm": norm})
    staged = staged.mutate(**{f"{prefix}{k}": e for k, e in _extract(staged[f"{prefix}norm"]).items()})
    checks = _checks({k: staged[f"{prefix}{k}"] for k in _PARTS})
    return staged.mutate(**{f"{prefix}{k}": e for k, e in checks.items()}).drop(f"{prefix}norm")


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
        # built as ISO text and cast: Spark has no timestamp-from-parts operation in Ibis
        text = ibis.literal("").concat(*(
            [_pad(p["year"], 4), "-", _pad(p["month"], 2), "-", _pad(p["day"], 2), " ",
             _pad(p["hour"].fill_null(0), 2), ":", _pad(p["minute"].fill_null(0), 2), ":", _pad(p["second"], 2)]
        ))
        return ibis.ifelse(p["valid"], text, ibis.null("string")).cast("timestamp")
    raise ValueError(f"unsupported logical type {dtype}")


def _pad(v: ir.IntegerValue, width: int) -> ir.StringValue:
    return v.cast("string").lpad(width, "0")


Derive = Callable[[str, dict[str, ir.Value]], dict[str, ir.Value]]


def time_parts(v: ir.Value, derive: Derive | None = None, *, iso_dates: bool = False) -> dict[str, ir.Value]:
    """``date`` (a DATE) and ``time`` (the integer ``yyyymmddHHMMSS``) of a date/time, NULL when invalid.

    Text in any format :data:`DATE_SEP_RE` accepts, or a date/timestamp column. Comparing
    dates, or these time keys, compares the times on every engine without building
    timestamps. The ISO forms are checked by one regex and converted by the engine's own
    date cast (exact for that shape on every engine); every other form goes through the
    general regex, evaluated only for the rows that need it (engines evaluate CASE branches
    lazily). ``derive(step, parts)`` may stage the ISO parts as columns (computed once per
    row, see ``quality.context.Ctx.derive``); by default they are inlined.

    ``iso_dates=True`` says that every value has the shape ``dddd-dd-dd`` (the column's
    profile shows it, :data:`ISO_DATE_SHAPE`): then the date cast alone decides, with the
    year range of :data:`ISO_RE` compared as text, and no value goes through a regex.

    >>> import ibis
    >>> t = ibis.memtable({"v": ["2021/3/5 8:00", "20210305", "2021-02-30", "2020-02-29 23:59:59"]})
    >>> ibis.duckdb.connect().execute(t.select(k=time_parts(t.v)["time"]))["k"].tolist()
    [20210305080000.0, 20210305000000.0, nan, 20200229235959.0]
    """
    if v.type().is_temporal():
        day = v.year() * 10_000 + v.month() * 100 + v.day()
        clock = v.hour() * 10_000 + v.minute() * 100 + v.second() if v.type().is_timestamp() else 0
        return {"date": v.cast("date"), "time": day * 1_000_000 + clock}
    stage = derive or (lambda _step, parts: parts)
    text = v if v.type().is_string() else v.cast("string")
    if iso_dates:
        date = stage("isodate", {"date": ibis.ifelse((text >= "1800") & (text < "2201"), text.try_cast("date"), ibis.null("date"))})["date"]
        return {"date": date, "time": ibis.ifelse(date.isnull(), ibis.null("int64"), text.replace("-", "").try_cast("int64") * 1_000_000)}
    fast = stage("iso", {"iso": text.re_search(ISO_RE), "date": text.substr(0, 10).try_cast("date")})
    iso = fast["iso"] & fast["date"].notnull()
    p = dict(_extract(date_norm(text)))
    slow_ok = _checks(p)["valid"]  # type: ignore[arg-type]
    slow_time = ((p["year"] * 100 + p["month"]) * 100 + p["day"]) * 1_000_000 + (
        p["hour"].fill_null(0) * 10_000 + p["minute"].fill_null(0) * 100 + p["second"].fill_null(0))
    fast_time = text.substr(0, 10).replace("-", "").try_cast("int64") * 1_000_000 + ibis.ifelse(
        text.length() == 19, text.substr(11, 8).replace(":", "").try_cast("int64"), 0)
    return {
        "date": ibis.cases((iso, fast["date"]), (slow_ok, ibis.date(p["year"], p["month"], p["day"])), else_=ibis.null("date")),
        "time": ibis.cases((iso, fast_time), (slow_ok, slow_time), else_=ibis.null("int64")),
    }


def datetime_key(when: datetime.datetime) -> int:
    """The ``time`` key (``yyyymmddHHMMSS``, see :func:`time_parts`) of a Python datetime."""
    return int(when.strftime("%Y%m%d%H%M%S"))


def typed_view(table: ir.Table, dtypes: dict[str, str]) -> ir.Table:
    """The table with each text column converted to its catalog type."""
    return table.mutate(
        **{name: cast_text(table[name], dtype).name(name) for name, dtype in dtypes.items() if dtype != "string"}
    )
