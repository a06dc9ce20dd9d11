"""准确性 and 一致性 between values: comparisons, uniqueness, references, the same value across datasets.

Uniqueness is one GROUP BY per key set; each cross-dataset rule is one join against
the referenced dataset's latest version.
"""

from __future__ import annotations

import operator
from typing import Literal

import ibis
import ibis.expr.types as ir
from pydantic import Field, field_validator, model_validator

from shuzhi.catalog.dtypes import as_number
from shuzhi.quality.checks.formats import as_text
from shuzhi.quality.context import Ctx, ref_parts
from shuzhi.quality.registry import ColumnParams, Params, Query, check

_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq, "=": operator.eq, "!=": operator.ne}
_NUMERIC = ("int64", "float64")


class Compare(Params):
    left: str
    op: Literal["<", "<=", ">", ">=", "==", "=", "!="]
    right: str
    #: how to compare; default from the catalog types (dates if either column is a date)
    as_: Literal["date", "timestamp", "number", "text"] | None = Field(default=None, alias="as")

    def columns(self) -> list[str]:
        return [self.left, self.right]


def _kind(ctx: Ctx, name: str) -> str:
    dtype = ctx.dtype(name)
    if dtype in ("date", "timestamp"):
        return dtype
    if dtype in _NUMERIC or dtype.startswith(("decimal", "int", "float", "uint")):
        return "number"
    return "text"


def _as(ctx: Ctx, name: str, kind: str) -> ir.Value:
    v = ctx.col(name)
    if kind == "text":
        return as_text(v)
    if kind == "number":
        dtype = ctx.dtype(name)
        if v.type().is_numeric() or dtype == "int64" or dtype.startswith("decimal"):
            return ctx.typed(name)  # exact: integers stay integers, decimals keep their scale
        return as_number(v)
    # dates compare as yyyymmdd integers, times as yyyymmddHHMMSS
    return ctx.date_key(name) if kind == "date" else ctx.time_key(name)


@check("compare", "consistency", "expr", Compare, "{left} {op} {right}", "{left} {op} {right}")
def compare(ctx: Ctx, p: Compare) -> ir.BooleanValue:
    kinds = {_kind(ctx, p.left), _kind(ctx, p.right)}
    kind = p.as_ or ("timestamp" if "timestamp" in kinds else "date" if "date" in kinds else "number" if kinds == {"number"} else "text")
    left, right = _as(ctx, p.left, kind), _as(ctx, p.right, kind)
    # a value that does not convert (not a date, not a number) is not evaluated: date_format/range report it
    return ibis.ifelse(left.isnull() | right.isnull(), ibis.null("boolean"), _OPS[p.op](left, right))


class Unique(Params):
    column: str | None = None
    columns_: list[str] | None = Field(default=None, alias="columns")

    @model_validator(mode="after")
    def _one(self) -> Unique:
        if (self.column is None) == (self.columns_ is None):
            raise ValueError("give column (one) or columns (a key of several)")
        return self

    def columns(self) -> list[str]:
        return [self.column] if self.column else list(self.columns_ or [])


@check("unique", "accuracy", "query", Unique, "{column}{columns_} 唯一（失败数 = 多出的重复行）",
       "{column}{columns_} is unique (failures = extra duplicate rows)")
def unique(ctx: Ctx, p: Unique) -> Query:
    t = ctx.table
    keys = p.columns()

    def evaluates(table: ir.Table) -> ir.BooleanValue:
        return ibis.and_(*(table[k].notnull() for k in keys))

    present = t.filter(evaluates(t))
    # one GROUP BY keeps only the duplicated keys (few): the counts and the samples are read from them
    duplicated = present.group_by(keys).aggregate(__n=ibis._.count()).filter(ibis._["__n"] > 1)

    def then(d: ir.Table, evaluated: int | None) -> Query:
        found = d.aggregate(
            extra=(d["__n"] - 1).sum().fill_null(0),  # the first row of each key passes; every extra copy fails
            duplicate_groups=d.count(),
            rows_in_duplicate_groups=d["__n"].sum().fill_null(0),
        )
        # the non-NULL keys: counted in the scan of the row rules, else here (two one-row tables)
        if evaluated is None:
            both = found.cross_join(present.aggregate(evaluated=ibis._.count()))
        else:
            both = found.mutate(evaluated=ibis.literal(evaluated, "int64"))
        counts = both.select("evaluated", passed=both["evaluated"] - both["extra"], duplicate_groups=both["duplicate_groups"],
                             rows_in_duplicate_groups=both["rows_in_duplicate_groups"])
        return Query(counts, d.order_by([ibis.desc("__n"), *keys]).rename(count="__n"))

    return Query(staged=duplicated, then=then, evaluates=evaluates)


class ForeignKey(ColumnParams):
    ref: str

    @field_validator("ref")
    @classmethod
    def _ref(cls, ref: str) -> str:
        ref_parts(ref)
        return ref


@check("foreign_key", "consistency", "query", ForeignKey, "{column} 的值存在于 {ref}", "{column} values exist in {ref}")
def foreign_key(ctx: Ctx, p: ForeignKey) -> Query:
    code, ref_col = ref_parts(p.ref)
    ref = ctx.open_ref(code)
    t = ctx.table
    keys = ref.table.select(__k=as_text(ref.table[ref_col])).filter(ibis._["__k"].notnull()).distinct()
    values = t.filter(t[p.column].notnull()).select(__v=as_text(t[p.column]))
    joined = values.left_join(keys, values["__v"] == keys["__k"])
    counts = joined.aggregate(evaluated=joined.count(), passed=ibis.ifelse(joined["__k"].notnull(), 1, 0).sum())
    failures = joined.filter(joined["__k"].isnull()).select(**{p.column: joined["__v"]}).order_by(p.column)
    return Query(counts, failures)


class SameValue(Params):
    key: str
    column: str
    ref: str
    #: key column in the referenced dataset (default: the same name as ``key``)
    ref_key: str | None = None

    @field_validator("ref")
    @classmethod
    def _ref(cls, ref: str) -> str:
        ref_parts(ref)
        return ref

    def columns(self) -> list[str]:
        return [self.key, self.column]


@check("same_value", "consistency", "query", SameValue, "同一 {key} 的 {column} 与 {ref} 一致",
       "{column} equals {ref} for the same {key}")
def same_value(ctx: Ctx, p: SameValue) -> Query:
    code, ref_col = ref_parts(p.ref)
    ref = ctx.open_ref(code)
    r, t = ref.table, ctx.table
    rk = r[p.ref_key or p.key]
    # every value the reference holds for a key: the row passes when it equals all of them
    ref_values = (
        r.filter(rk.notnull() & r[ref_col].notnull())
        .group_by(__k=as_text(rk))
        .aggregate(__lo=as_text(r[ref_col]).min(), __hi=as_text(r[ref_col]).max())
    )
    rows = t.filter(t[p.key].notnull() & t[p.column].notnull()).select(__key=as_text(t[p.key]), __v=as_text(t[p.column]))
    joined = rows.join(ref_values, rows["__key"] == ref_values["__k"])
    same = (joined["__v"] == joined["__lo"]) & (joined["__v"] == joined["__hi"])
    counts = joined.aggregate(evaluated=joined.count(), passed=ibis.ifelse(same, 1, 0).sum())
    failures = joined.filter(~same).select(
        **{p.key: joined["__key"], p.column: joined["__v"], f"{code}.{ref_col}": joined["__lo"]}
    ).order_by(p.key)
    return Query(counts, failures)
