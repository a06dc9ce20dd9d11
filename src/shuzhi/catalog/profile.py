"""Column profiles computed by the engine at ingest: counts, lengths, min/max, top values, formats, type.

Every column is grouped once: the engine builds one table ``G(c, val, n)`` of the
distinct values of every column with their counts (values as text), and keeps it
for the few queries that follow. Everything else is computed from ``G``, per
distinct value instead of per row:

1. one aggregate over ``G`` grouped by column: nulls, blanks, exact distinct
   count, length range, min/max, and how many values parse as integers, decimals,
   dates — weighted by ``n``;
2. the top values of each column (skipped when all values differ: they would all
   have count 1);
3. value shapes — digits → ``\\d``, ASCII letters → ``[A-Z]``/``[a-z]``, runs of
   Chinese characters → ``\\p{Han}+`` — summed per column, so a column of
   公民身份号码 shows ``\\d{18}`` and ``\\d{17}[A-Z]`` with their exact shares.

Non-text columns (Parquet and database sources) also get their min/max in their
own type from one aggregate over the table. All counts are exact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import ibis
import ibis.expr.types as ir

from shuzhi.catalog.dtypes import (
    BLANK_RE,
    DEC_RE,
    HAN_RE,
    INT_RE,
    looks_like_identifier,
    with_date_parts,
)
from shuzhi.engine import Engine

TOP_K = 5
_META = set(".^$*+?()[]{}|\\")
LONG_TEXT = 40


@dataclass
class ColumnProfile:
    name: str
    storage_type: str
    dtype: str
    stats: dict[str, Any] = field(default_factory=dict)


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _shape(v: ir.StringValue) -> ir.StringValue:
    """A value's shape: digits → 9, ASCII letters → A/a, runs of Chinese → 汉; long text → …

    Mapping characters one by one is the costliest part of profiling, so the
    common shapes take shortcuts: digit strings (optionally ending in X, like a
    公民身份号码) and decimals get their shape from their lengths, and the letter map
    and the Chinese fold only run on values that contain such characters.
    """
    length = v.length()
    point = v.find(".")
    nines = ibis.literal("9")
    digits = v.translate("0123456789", "9999999999")
    letters = ibis.ifelse(digits.re_search("[A-Za-z]"), digits.translate(_LETTERS, "A" * 26 + "a" * 26), digits)
    general = ibis.ifelse(letters.re_search(HAN_RE), letters.re_replace(HAN_RE, "汉"), letters)
    return ibis.cases(
        (length > LONG_TEXT, "…"),
        (v.re_search("^[0-9]+$"), nines.repeat(length)),
        (v.re_search("^[0-9]+X$"), nines.repeat(length - 1) + "A"),
        (v.re_search("^[0-9]+x$"), nines.repeat(length - 1) + "a"),
        (v.re_search("^[0-9]+\\.[0-9]+$"), nines.repeat(point) + "." + nines.repeat(length - point - 1)),
        else_=general,
    )


def shape_pattern(shape: str) -> str:
    """Render a value shape as a readable pattern.

    >>> print(shape_pattern("99999999999999999A"), shape_pattern("汉"), shape_pattern("999-9999.9"))
    \\d{17}[A-Z] \\p{Han}+ \\d{3}-\\d{4}\\.\\d
    """
    if shape == "…":
        return f"长文本 (>{LONG_TEXT})"
    out = []
    for run in re.finditer(r"(9+|A+|a+|汉|.)", shape, flags=re.DOTALL):
        text = run.group(0)
        head, n = text[0], len(text)
        token = {"9": r"\d", "A": "[A-Z]", "a": "[a-z]", "汉": r"\p{Han}+"}.get(head)
        if token is None:
            out.append("\\" + text if text in _META else text)
        elif head == "汉":
            out.append(token)
        else:
            out.append(token if n == 1 else f"{token}{{{n}}}")
    return "".join(out)


def _per_value(g: ir.Table) -> ir.Table:
    """G plus what each measure needs to know about one distinct value (``val``)."""
    val = g.val
    length = val.length()
    is_int = val.re_search(INT_RE)
    # date parsing is costly: only for values that can be dates (8 digits, or a separator after the year)
    maybe_date = ((length == 8) & is_int) | (length.between(8, 26) & val.substr(4, 1).isin(["-", "/", ".", "年"]))
    flags = g.mutate(len=length, int=is_int, dec=val.re_search(DEC_RE), maybe_date=maybe_date)
    dated = with_date_parts(flags, "val", "d_", where=flags.maybe_date)
    key = (dated.d_year * 10000 + dated.d_month * 100 + dated.d_day) * 1_000_000 + (
        dated.d_hour.fill_null(0) * 10000 + dated.d_minute.fill_null(0) * 100 + dated.d_second.fill_null(0)
    )
    val, length, is_int, is_dec = dated.val, dated.len, dated.int, dated.dec
    signed = (val.startswith("-") | val.startswith("+")).cast("int64")
    return dated.mutate(
        blank=val.re_search(BLANK_RE),
        signed=(is_int | is_dec) & (signed == 1),
        # digits before the point, without the sign
        digits=ibis.ifelse(is_dec, val.find(".") - signed, ibis.ifelse(is_int, length - signed, 0)),
        scale=ibis.ifelse(is_dec, length - val.find(".") - 1, 0),
        key=ibis.ifelse(dated.d_valid, key, ibis.null()),
        time=dated.d_valid & dated.d_has_time,
    )


def _measures(g: ir.Table) -> dict[str, ir.Scalar]:
    """Per-column measures over G(c, val, n) plus the per-value columns of :func:`_per_value`."""
    n, val = g.n, g.val

    def count(cond: ir.BooleanValue) -> ir.IntegerScalar:
        return ibis.ifelse(cond, n, 0).sum()

    def where(cond: ir.BooleanValue, value: ir.Value) -> ir.Value:
        return ibis.ifelse(cond, value, ibis.null())

    present = val.notnull()
    number = g.int | g.dec
    return {
        "rows": n.sum(),
        "nulls": count(val.isnull()),
        "distinct": present.cast("int64").sum(),
        "blanks": count(present & g.blank),
        "len_min": g.len.min(),
        "len_max": g.len.max(),
        "min": val.min(),
        "max": val.max(),
        "ints": count(g.int),
        "signed": count(g.signed),
        "int_min": where(g.int, val).cast("int64").min(),
        "int_max": where(g.int, val).cast("int64").max(),
        "decs": count(g.dec),
        "scale": g.scale.max(),
        "digits": g.digits.max(),
        "dec_min": where(number, val).cast("float64").min(),
        "dec_max": where(number, val).cast("float64").max(),
        "dates": count(g.key.notnull() & ~g.time),
        "stamps": count(g.key.notnull() & g.time),
        "ts_min": g.key.min(),
        "ts_max": g.key.max(),
    }


def _decide(name: str, s: dict[str, Any], count: int) -> str:
    """The logical type, from aggregate counts only."""
    if count == 0 or s["blanks"]:
        return "string"
    digits_only = s["ints"] == count
    fixed_width_code = digits_only and not s["signed"] and s["len_min"] == s["len_max"] and s["len_min"] >= 6
    dates = s["dates"] + s["stamps"]
    if dates == count and not (looks_like_identifier(name) and digits_only):  # 8-digit codes stay codes
        return "timestamp" if s["stamps"] else "date"
    if looks_like_identifier(name) or fixed_width_code:
        return "string"
    if digits_only:
        return "int64"
    if s["ints"] + s["decs"] == count:
        scale = max(int(s["scale"] or 0), 1)
        precision = int(s["digits"] or 1) + scale
        if precision <= 38:
            return f"decimal({precision},{scale})"
    return "string"


def _fmt_key(key: int | None, with_time: bool) -> str | None:
    if key is None:
        return None
    if with_time:
        d, t = divmod(int(key), 1_000_000)
        return f"{d // 10000:04d}-{d // 100 % 100:02d}-{d % 100:02d} {t // 10000:02d}:{t // 100 % 100:02d}:{t % 100:02d}"
    d = int(key) // 1_000_000
    return dt.date(d // 10000, d // 100 % 100, d % 100).isoformat()


def _distinct_values(table: ir.Table) -> ir.Table:
    """G(c, val, n): every column's distinct values (as text) and their counts, in one table."""
    parts = []
    for i, name in enumerate(table.columns):
        col = table[name]
        text = col if col.type().is_string() else col.cast("string")
        parts.append(table.select(c=ibis.literal(i, "int32"), val=text).group_by(["c", "val"]).aggregate(n=ibis._.count()))
    return ibis.union(*parts)


def _tops(g: ir.Table, columns: list[int]) -> ir.Table | None:
    present = g.filter(g.val.notnull())
    parts = [present.filter(present.c == i).order_by([ibis.desc("n"), "val"]).limit(TOP_K) for i in columns]
    return ibis.union(*parts) if parts else None


def _shapes(g: ir.Table, columns: list[int]) -> ir.Table:
    present = g.filter(g.val.notnull() & g.c.isin(columns))
    return present.group_by(["c", present.val.pipe(_shape).name("shape")]).aggregate(n=present.n.sum())


def profile(engine: Engine, table: ir.Table) -> tuple[int, list[ColumnProfile]]:
    """Row count and one profile per column of ``table``."""
    names = list(table.columns)
    strings = [i for i, name in enumerate(names) if table[name].type().is_string()]
    g = engine.cache(_distinct_values(table))
    try:
        per_value = _per_value(g)
        agg = {r["c"]: r for r in engine.to_pyarrow(per_value.group_by("c").aggregate(**_measures(per_value))).to_pylist()}
        rows = int(agg[0]["rows"] or 0) if agg else int(engine.execute(table.count()))
        unique = {i for i, s in agg.items() if rows and s["distinct"] == rows - (s["nulls"] or 0)}
        tops_expr = _tops(g, [i for i in range(len(names)) if i not in unique])
        tops = engine.to_pyarrow(tops_expr).to_pylist() if tops_expr is not None and rows else []
        shapes = engine.to_pyarrow(_shapes(g, strings)).to_pylist() if strings and rows else []
    finally:
        engine.uncache(g)
    typed = _typed_ranges(engine, table, [i for i in range(len(names)) if i not in strings])

    profiles = []
    for i, name in enumerate(names):
        stype = str(table[name].type().copy(nullable=True))
        s = agg.get(i) or defaultdict(lambda: None, nulls=rows, distinct=0)  # an empty table has no groups
        nulls = int(s["nulls"] or 0)
        count = rows - nulls
        top = sorted((t for t in tops if t["c"] == i), key=lambda t: (-t["n"], t["val"]))
        stats: dict[str, Any] = {
            "count": count,
            "nulls": nulls,
            "distinct": int(s["distinct"] or 0),
            "unique": i in unique and count > 0,
            "top": [{"value": t["val"], "count": int(t["n"])} for t in top],
        }
        if i in strings:
            dtype = _decide(name, s, count)
            own = sorted(((f["shape"], int(f["n"])) for f in shapes if f["c"] == i), key=lambda f: (-f[1], f[0]))[:TOP_K]
            stats.update({
                "blanks": int(s["blanks"] or 0),
                "min_length": s["len_min"],
                "max_length": s["len_max"],
                "formats": [{"pattern": shape_pattern(shape), "count": k, "share": round(k / count, 4)} for shape, k in own],
            })
            stats["min"], stats["max"] = _typed_range(dtype, s)
        else:
            dtype = stype
            stats["min"], stats["max"] = typed.get(i, (None, None))
        profiles.append(ColumnProfile(name=name, storage_type=stype, dtype=dtype, stats=stats))
    return rows, profiles


def _typed_ranges(engine: Engine, table: ir.Table, columns: list[int]) -> dict[int, tuple[Any, Any]]:
    """Min and max of non-text columns, compared in their own type, shown as text."""
    ordered = [i for i in columns if table[table.columns[i]].type().is_numeric() or table[table.columns[i]].type().is_temporal()]
    if not ordered:
        return {}
    measures = {}
    for i in ordered:
        col = table[table.columns[i]]
        measures[f"min_{i}"], measures[f"max_{i}"] = col.min().cast("string"), col.max().cast("string")
    row = engine.to_pyarrow(table.aggregate(**measures)).to_pylist()[0]
    return {i: (row[f"min_{i}"], row[f"max_{i}"]) for i in ordered}


def _typed_range(dtype: str, s: dict[str, Any]) -> tuple[Any, Any]:
    if dtype == "int64":
        return s["int_min"], s["int_max"]
    if dtype.startswith("decimal"):
        return s["dec_min"], s["dec_max"]
    if dtype in ("date", "timestamp"):
        with_time = dtype == "timestamp"
        return _fmt_key(s["ts_min"], with_time), _fmt_key(s["ts_max"], with_time)
    return s["min"], s["max"]
