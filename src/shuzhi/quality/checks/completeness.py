"""完整性 (completeness): values present, not blank, enough records."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
from pydantic import model_validator

from shuzhi.catalog.dtypes import blank_regex
from shuzhi.quality.context import Ctx
from shuzhi.quality.registry import ColumnParams, Params, check


@check("not_null", "completeness", "expr", ColumnParams, "{column} 不为空值", "{column} is not NULL")
def not_null(ctx: Ctx, p: ColumnParams) -> ir.BooleanValue:
    return ctx.col(p.column).notnull()


class NotBlank(ColumnParams):
    #: values meaning "nothing" (default: the placeholders in data/defaults.yaml)
    placeholders: list[str] | None = None


@check("not_blank", "completeness", "expr", NotBlank,
       "{column} 非空白（空串、空格、全角空格、占位符如 无/NULL/-）",
       "{column} is not blank ('', spaces, U+3000, placeholders such as 无/NULL/-)")
def not_blank(ctx: Ctx, p: NotBlank) -> ir.BooleanValue:
    v = ctx.col(p.column)
    if not v.type().is_string():
        return ibis.ifelse(v.isnull(), ibis.null("boolean"), True)
    placeholders = ctx.defaults["placeholders"] if p.placeholders is None else p.placeholders
    return ~v.re_search(blank_regex([str(x) for x in placeholders]))


class RowCount(Params):
    min: int | None = None
    max: int | None = None

    @model_validator(mode="after")
    def _bounds(self) -> RowCount:
        if self.min is None and self.max is None:
            raise ValueError("row_count needs min or max")
        return self


@check("row_count", "completeness", "expr", RowCount, "记录数在 [{min}, {max}] 内", "row count within [{min}, {max}]")
def row_count(ctx: Ctx, p: RowCount) -> tuple[ir.IntegerScalar, ir.IntegerScalar]:
    n = ctx.table.count()
    ok = ibis.literal(True)
    if p.min is not None:
        ok = ok & (n >= p.min)
    if p.max is not None:
        ok = ok & (n <= p.max)
    return ibis.literal(1), ibis.ifelse(ok, 1, 0)
