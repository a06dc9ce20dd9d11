"""Column profiles computed by the engine at ingest: counts, lengths, min/max, top values, formats, type.

Two queries over the stored Parquet, whatever the engine:

1. one aggregate with every per-column measure (null and blank counts, length
   range, min/max, counts of values that parse as integers, decimals, dates);
2. one grouped query (a union of per-column GROUP BYs) giving exact distinct
   counts, the top values and the top format shapes of every column.

All counts are exact. Formats are value shapes — digits → ``\\d``, ASCII letters →
``[A-Z]``/``[a-z]``, runs of Chinese characters → ``\\p{Han}+`` — so a column of
公民身份号码 shows ``\\d{18}`` and ``\\d{17}[A-Z]`` with their shares.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import ibis
import ibis.expr.types as ir

from shuzhi.catalog.dtypes import BLANK_RE, DEC_RE, INT_RE, date_parts, looks_like_identifier
from shuzhi.engine import Engine

TOP_K = 5
_META = set(".^$*+?()[]{}|\\")
LONG_TEXT = 40
CHUNK = 24  # columns per aggregate query, to keep generated SQL small on wide tables


@dataclass
class ColumnProfile:
    name: str
    storage_type: str
    dtype: str
    stats: dict[str, Any] = field(default_factory=dict)


def _shape(v: ir.StringValue) -> ir.StringValue:
    s = v.re_replace("[0-9]", "9").re_replace("[A-Z]", "A").re_replace("[a-z]", "a").re_replace("[\u4e00-\u9fff]+", "汉")
    return ibis.ifelse(v.length() > LONG_TEXT, "…", s)


def shape_pattern(shape: str) -> str:
    """Render a value shape as a readable pattern.

    >>> print(shape_pattern("99999999999999999A"), shape_pattern("汉"), shape_pattern("999-9999.9"))
    \\d{17}[A-Z] \\p{Han}+ \\d{3}-\\d{4}\\.\\d
    """
    if shape == "…":
        return f"长文本 (>{LONG_TEXT})"
    out = []
    for run in re.finditer(r"(9+|A+|a+|汉|.)", shape, flags=re.S):
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


def _measures(i: int, col: ir.Value) -> dict[str, ir.Scalar]:
    m: dict[str, ir.Scalar] = {f"{i}_nulls": col.isnull().sum()}
    if not col.type().is_string():
        if col.type().is_numeric() or col.type().is_temporal() or col.type().is_string():
            m[f"{i}_min"] = col.min().cast("string")
            m[f"{i}_max"] = col.max().cast("string")
        return m
    v = col
    nonblank = v.notnull() & ~v.re_search(BLANK_RE)
    is_int = v.re_search(INT_RE)
    is_dec = v.re_search(DEC_RE)
    parts = date_parts(v)
    date_key = parts["year"] * 10000 + parts["month"] * 100 + parts["day"]
    ts_key = date_key * 1_000_000 + parts["hour"].fill_null(0) * 10000 + parts["minute"].fill_null(0) * 100 + parts["second"]
    valid = parts["valid"]
    length = v.length()
    m.update({
        f"{i}_blanks": (v.notnull() & ~nonblank).sum(),
        f"{i}_len_min": length.min(),
        f"{i}_len_max": length.max(),
        f"{i}_min": v.min(),
        f"{i}_max": v.max(),
        f"{i}_ints": is_int.sum(),
        f"{i}_int_min": ibis.ifelse(is_int, v, ibis.null()).cast("int64").min(),
        f"{i}_int_max": ibis.ifelse(is_int, v, ibis.null()).cast("int64").max(),
        f"{i}_decs": is_dec.sum(),
        f"{i}_scale": ibis.ifelse(is_dec, length - v.find(".") - 1, 0).max(),
        f"{i}_digits": ibis.ifelse(is_dec | is_int, v.re_replace(r"^[+-]", "").find(".").nullif(-1).fill_null(length), 0).max(),
        f"{i}_dec_min": ibis.ifelse(is_dec | is_int, v, ibis.null()).cast("float64").min(),
        f"{i}_dec_max": ibis.ifelse(is_dec | is_int, v, ibis.null()).cast("float64").max(),
        f"{i}_dates": (valid & ~parts["has_time"]).sum(),
        f"{i}_stamps": (valid & parts["has_time"]).sum(),
        f"{i}_ts_min": ibis.ifelse(valid, ts_key, ibis.null()).min(),
        f"{i}_ts_max": ibis.ifelse(valid, ts_key, ibis.null()).max(),
    })
    return m


def _decide(name: str, s: dict[str, Any], count: int) -> str:
    """The logical type, from aggregate counts only."""
    if count == 0 or s["blanks"]:
        return "string"
    digits_only = s["ints"] == count
    fixed_width_code = digits_only and s["len_min"] == s["len_max"] and s["len_min"] >= 6
    dates = s["dates"] + s["stamps"]
    if dates == count and not (looks_like_identifier(name) and not digits_only):
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


def _value_counts(table: ir.Table) -> ir.Table:
    parts = []
    for i, name in enumerate(table.columns):
        col = table[name]
        text = col if col.type().is_string() else col.cast("string")
        values = table.select(c=ibis.literal(i), k=ibis.literal("v"), val=text).group_by(["c", "k", "val"]).aggregate(n=ibis._.count())
        parts.append(values)
        if col.type().is_string():
            shapes = table.select(c=ibis.literal(i), k=ibis.literal("f"), val=_shape(col)).group_by(["c", "k", "val"]).aggregate(n=ibis._.count())
            parts.append(shapes)
    grouped = ibis.union(*parts)
    counted = grouped.mutate(
        distinct=ibis._.val.notnull().cast("int64").sum().over(group_by=["c", "k"]),
        rank=ibis.row_number().over(group_by=["c", "k"], order_by=[ibis.desc("n"), "val"]),
    )
    return counted.filter((counted.rank < TOP_K) & counted.val.notnull()).select("c", "k", "val", "n", "distinct")


def profile(engine: Engine, table: ir.Table) -> tuple[int, list[ColumnProfile]]:
    """Row count and one profile per column of ``table``."""
    names = list(table.columns)
    rows = int(engine.execute(table.count()))
    agg: dict[str, Any] = {}
    for start in range(0, len(names), CHUNK):
        measures: dict[str, ir.Scalar] = {}
        for i in range(start, min(start + CHUNK, len(names))):
            measures.update(_measures(i, table[names[i]]))
        result = engine.to_pyarrow(table.aggregate(**measures)).to_pylist()[0]
        agg.update(result)
    groups = engine.to_pyarrow(_value_counts(table)).to_pylist() if rows else []

    profiles = []
    for i, name in enumerate(names):
        stype = str(table[name].type().copy(nullable=True))
        s = {k.split("_", 1)[1]: v for k, v in agg.items() if k.split("_", 1)[0] == str(i)}
        nulls = int(s.pop("nulls") or 0)
        count = rows - nulls
        tops = [g for g in groups if g["c"] == i and g["k"] == "v"]
        shapes = [g for g in groups if g["c"] == i and g["k"] == "f"]
        stats: dict[str, Any] = {
            "count": count,
            "nulls": nulls,
            "distinct": tops[0]["distinct"] if tops else 0,
            "top": [{"value": g["val"], "count": int(g["n"])} for g in sorted(tops, key=lambda g: (-g["n"], g["val"]))],
        }
        if table[name].type().is_string():
            dtype = _decide(name, s, count)
            stats.update({
                "blanks": int(s["blanks"] or 0),
                "min_length": s["len_min"],
                "max_length": s["len_max"],
                "formats": [
                    {"pattern": shape_pattern(g["val"]), "count": int(g["n"]), "share": round(g["n"] / count, 4) if count else 0.0}
                    for g in sorted(shapes, key=lambda g: (-g["n"], g["val"]))
                ],
            })
            stats["min"], stats["max"] = _typed_range(dtype, s)
        else:
            dtype = stype
            stats["min"], stats["max"] = s.get("min"), s.get("max")
        profiles.append(ColumnProfile(name=name, storage_type=stype, dtype=dtype, stats=stats))
    return rows, profiles


def _typed_range(dtype: str, s: dict[str, Any]) -> tuple[Any, Any]:
    if dtype == "int64":
        return s["int_min"], s["int_max"]
    if dtype.startswith("decimal"):
        return s["dec_min"], s["dec_max"]
    if dtype in ("date", "timestamp"):
        with_time = dtype == "timestamp"
        return _fmt_key(s["ts_min"], with_time), _fmt_key(s["ts_max"], with_time)
    return s["min"], s["max"]
