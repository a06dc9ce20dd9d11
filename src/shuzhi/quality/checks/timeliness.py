"""时效性 (timeliness): how old the data is against its declared update cycle or a maximum age."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import ibis
import ibis.expr.types as ir
from pydantic import field_validator

from shuzhi.catalog.dtypes import datetime_key
from shuzhi.quality.context import Ctx
from shuzhi.quality.registry import ColumnParams, NotAssessable, check

_UNITS = {"s": "seconds", "min": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_AGE_RE = re.compile(r"^\s*(\d+)\s*(s|min|h|d|w)\s*$")


def parse_age(text: str) -> dt.timedelta:
    """``"30d"`` → 30 days; units s, min, h, d, w.

    >>> parse_age("12h")
    datetime.timedelta(seconds=43200)
    """
    m = _AGE_RE.match(str(text))
    if not m:
        raise ValueError(f"max_age {text!r} is not a duration like 30d, 12h, 90min, 2w")
    return dt.timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})


class Freshness(ColumnParams):
    #: allowed age; default: the period of the dataset's declared 更新周期
    max_age: str | None = None
    #: ``dataset``: the latest value is recent enough (one element); ``rows``: each row is
    scope: Literal["dataset", "rows"] = "dataset"

    @field_validator("max_age")
    @classmethod
    def _age(cls, v: str | None) -> str | None:
        if v is not None:
            parse_age(v)
        return v


def allowed_age(ctx: Ctx, p: Freshness) -> dt.timedelta:
    if p.max_age is not None:
        return parse_age(p.max_age)
    cycle = ctx.entry.get("update_cycle")
    period = ctx.defaults["update_cycle_max_age"].get(cycle)
    if period is None:
        raise NotAssessable(
            f"缺少输入：更新周期为“{cycle or '未声明'}”，无法确定允许的时间间隔（请在规则中给出 max_age）",
            f"missing input: the update cycle is {cycle or 'not declared'!s}, so the allowed age is unknown (give max_age)",
        )
    return parse_age(period)


@check("freshness", "timeliness", "expr", Freshness, "{column} 距评估时点不超过 {max_age}",
       "{column} is at most {max_age} old at the assessment time", as_of="time")
def freshness(ctx: Ctx, p: Freshness) -> ir.BooleanValue | tuple[ir.Value, ir.Value]:
    cutoff = datetime_key(ctx.as_of - allowed_age(ctx, p))
    v = ctx.col(p.column)
    ts = ctx.time_key(p.column)
    if p.scope == "rows":
        # a value that is not a time fails: a row whose update time cannot be read is not known to be fresh
        return ibis.ifelse(v.isnull(), ibis.null("boolean"), (ts >= cutoff).fill_null(False))
    latest = ts.max()
    return ibis.ifelse(latest.notnull(), 1, 0), ibis.ifelse(latest >= cutoff, 1, 0)
