"""Reported values of the plan's indicators: imported from a file or recorded one at a time.

A value is (indicator, region, period) → number: the region is the province (320000) or a 设区市, given
by code or name; the period is ``YYYY`` (a year, as of 31 Dec), ``YYYY-MM`` or ``YYYYQn``, and its last
day is stored as ``as_of``. A file is checked as a whole through the engine — unknown indicator or
region, bad period, a missing or non-numeric value, a negative count, a value outside the indicator's
bounds (0–100 for percentages, ≥ 1 for PUE), a key given twice — and any bad row means nothing is
written; the error lists every problem with its record numbers. A good file is written in one
transaction with one audit event: a value for a key already stored replaces it.

>>> period_end("2023"), period_end("2023-02"), period_end("2024Q1")
(datetime.date(2023, 12, 31), datetime.date(2023, 2, 28), datetime.date(2024, 3, 31))
>>> period_end("2023-13")
Traceback (most recent call last):
shuzhi.errors.ConfigError: bad period '2023-13' (use YYYY, YYYY-MM or YYYYQn)
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import sqlalchemy as sa

from shuzhi.errors import ConfigError
from shuzhi.monitor.checks import Check, blank, problems, raise_problems
from shuzhi.monitor.files import RECORD, Field, read_file, read_rows
from shuzhi.monitor.indicators import Registry, load_registry
from shuzhi.monitor.regions import (
    region_keys,
    region_name,
)
from shuzhi.security.audit import record
from shuzhi.store.models import IndicatorValue, utcnow
from shuzhi.workspace import Workspace

FIELDS = (
    Field("indicator", ("指标", "指标代码", "指标名称", "code")),
    Field("region", ("地区", "行政区划", "行政区划代码", "地区代码")),
    Field("period", ("期间", "年份", "统计期", "year")),
    Field("value", ("值", "数值", "指标值")),
    Field("source", ("来源", "数据来源"), required=False),
)
PERIOD = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])|Q([1-4]))?$")
THOUSANDS = r"^-?\d{1,3}(,\d{3})+(\.\d*)?%?$"
ACTION = "monitor.indicator.values"


def period_end(period: str) -> dt.date:
    """The last day of ``period`` (``YYYY``, ``YYYY-MM`` or ``YYYYQn``)."""
    m = PERIOD.match(period.strip().upper())
    if m is None:
        raise ConfigError(f"期间 {period!r} 格式不对（用 YYYY、YYYY-MM 或 YYYYQn）", f"bad period {period!r} (use YYYY, YYYY-MM or YYYYQn)")
    year, month, quarter = int(m[1]), m[2], m[3]
    last = int(month) if month else int(quarter) * 3 if quarter else 12
    return dt.date(year, last, calendar.monthrange(year, last)[1])


def _indicator_lookup(reg: Registry) -> ir.Table:
    """Code or Chinese name → code and value bounds (an open bound is ∓∞, never NULL: Spark would read a
    NULL float of an in-memory table as NaN, which it orders above every number)."""
    rows: dict[str, list[Any]] = {"key": [], "code": [], "lo": [], "hi": []}
    for ind in reg.indicators.values():
        for key in dict.fromkeys((ind.code, ind.name)):
            rows["key"].append(key), rows["code"].append(ind.code)
            rows["lo"].append(-math.inf if ind.minimum is None else ind.minimum)
            rows["hi"].append(math.inf if ind.maximum is None else ind.maximum)
    return ibis.memtable(rows, schema={"key": "string", "code": "string", "lo": "float64", "hi": "float64"})


def _region_lookup() -> ir.Table:
    """Every accepted spelling of the province or a 设区市 (code, name, name without 市, a county code) → code."""
    keys = region_keys()
    return ibis.memtable({"rkey": list(keys), "region_code": list(keys.values())}, schema={"rkey": "string", "region_code": "string"})


def _checked(raw: ir.Table, reg: Registry) -> tuple[ir.Table, list[Check]]:
    t = raw.mutate(**{f.name: ibis.null("string") for f in FIELDS if f.name not in raw.columns})
    v = t.value.strip()
    # a comma is accepted only as a thousands separator ("1,530.5"), never as a decimal comma ("3,2")
    grouped = ibis.ifelse(v.re_search(","), ibis.ifelse(v.re_search(THOUSANDS), v.replace(",", ""), ibis.null("string")), v)
    t = t.mutate(key=t.indicator.strip(), rkey=t.region.strip(), per=t.period.strip().upper(),
                 num=grouped.replace("%", "").try_cast("float64"),
                 src=ibis.ifelse(blank(t.source), ibis.null("string"), t.source.strip()))
    inds, regs = _indicator_lookup(reg), _region_lookup()
    t = t.left_join(inds, t.key == inds.key).drop("key_right")
    t = t.left_join(regs, t.rkey == regs.rkey).drop("rkey_right")
    year = t.per.substr(0, 4).try_cast("int64")
    good_period = t.per.re_search(PERIOD.pattern) & year.between(reg.first_year, reg.last_year)
    dup = (t.filter(t.code.notnull() & t.region_code.notnull()).group_by(["code", "region_code", "per"])
           .aggregate(n=lambda g: g.count()).filter(lambda g: g.n > 1))
    t = t.left_join(dup, ["code", "region_code", "per"]).drop("code_right", "region_code_right", "per_right")
    negative = (t.num < 0) & (t.lo >= 0)
    checks = [
        Check("indicator", "未知指标（见 shuzhi monitor indicators list）", "unknown indicator (see shuzhi monitor indicators list)",
              t.code.isnull()),
        Check("region", "不是江苏省或其设区市（用 320000、设区市代码或名称、区县代码）",
              "not Jiangsu or one of its cities (give 320000, a city code or name, or a county code)", t.region_code.isnull()),
        Check("period", f"期间格式不对或不在 {reg.first_year}–{reg.last_year} 年（用 YYYY、YYYY-MM 或 YYYYQn）",
              f"bad period or outside {reg.first_year}–{reg.last_year} (use YYYY, YYYY-MM or YYYYQn)", ~good_period.fill_null(False)),
        Check("value", "数值缺失或不是数字", "value missing or not a number", t.num.isnull()),
        Check("negative", "数值为负（该指标不能为负）", "negative value (the indicator cannot be negative)", negative),
        Check("range", "数值超出该指标的取值范围（百分比 0–100，PUE ≥ 1）",
              "value outside the indicator's bounds (0–100 for percentages, PUE ≥ 1)",
              ~negative.fill_null(False) & ((t.num < t.lo) | (t.num > t.hi))),
        Check("duplicate", "同一指标、地区、期间出现多次", "the same indicator, region and period appear more than once", t.n.notnull()),
    ]
    return t, checks


def _valid_rows(ws: Workspace, t: ir.Table, reg: Registry, what: tuple[str, str]) -> list[dict[str, Any]]:
    t, checks = _checked(t, reg)
    raise_problems(what, problems(ws.engine, t, checks))
    rows = ws.engine.to_pyarrow(t.order_by(RECORD).select(indicator="code", region="region_code", period="per",
                                                          value="num", source="src")).to_pylist()
    for row in rows:
        row["as_of"] = period_end(row["period"])
    return rows


def import_values(ws: Workspace, path: Path, *, actor: str, registry: Registry | None = None) -> dict[str, Any]:
    """Check every row of ``path`` and write the values (replacing stored ones of the same key); a bad file changes nothing."""
    reg = registry or load_registry()
    with read_file(ws, Path(path), FIELDS) as raw:
        rows = _valid_rows(ws, raw, reg, (f"指标值文件 {path}", f"indicator-value file {path}"))
    counts = _write(ws, rows, actor=actor, target=f"indicator_value:{Path(path).name}", details={"file": str(path)})
    return {"source": str(path), "rows": len(rows), **counts,
            "indicators": sorted({r["indicator"] for r in rows}), "regions": sorted({r["region"] for r in rows}),
            "periods": sorted({r["period"] for r in rows})}


def record_value(ws: Workspace, indicator: str, region: str, period: str, value: float, source: str | None = None, *,
                 actor: str, registry: Registry | None = None) -> dict[str, Any]:
    """Record one value (the same checks as a file); returns it with ``action`` inserted, updated or unchanged."""
    reg = registry or load_registry()
    one = {"indicator": indicator, "region": region, "period": period, "value": value, "source": source}
    with read_rows(ws, [one], FIELDS) as raw:  # not an in-memory table: Spark would store a missing source as 'NaN'
        (row,) = _valid_rows(ws, raw, reg, ("指标值", "indicator value"))
    counts = _write(ws, [row], actor=actor, target=f"indicator:{row['indicator']}", details={})
    action = next(k for k in ("inserted", "updated", "unchanged") if counts[k])
    return {**row, "as_of": row["as_of"].isoformat(), "region_name": region_name(row["region"]), "action": action}


def _write(ws: Workspace, rows: Sequence[dict[str, Any]], *, actor: str, target: str, details: dict[str, Any]) -> dict[str, int]:
    """Upsert ``rows`` in one transaction with one audit event listing every change (none when nothing changed)."""
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    changes: list[dict[str, Any]] = []
    now = utcnow()
    with ws.writer_lock(), ws.store.session() as s:
        codes = sorted({r["indicator"] for r in rows})
        stored = {(v.indicator, v.region, v.period): v
                  for v in s.scalars(sa.select(IndicatorValue).where(IndicatorValue.indicator.in_(codes)))}
        for r in rows:
            old = stored.get((r["indicator"], r["region"], r["period"]))
            if old is not None and old.value == r["value"] and old.source == r["source"]:
                counts["unchanged"] += 1
                continue
            change = {k: r[k] for k in ("indicator", "region", "period")}
            if old is None:
                s.add(IndicatorValue(**r, entered_at=now, entered_by=actor))
                counts["inserted"] += 1
                changes.append({**change, "old": None, "new": r["value"]})
            else:
                changes.append({**change, "old": old.value, "new": r["value"]})
                old.value, old.source, old.as_of, old.entered_at, old.entered_by = r["value"], r["source"], r["as_of"], now, actor
                counts["updated"] += 1
        if changes:
            record(s, actor=actor, action=ACTION, target=target, details={**details, **counts, "changes": changes})
    return counts


def load_values(ws: Workspace, *, indicator: str | None = None, region: str | None = None,
                until: dt.date | None = None) -> list[dict[str, Any]]:
    """Stored values (optionally of one indicator or region, as of ``until`` at the latest), oldest first."""
    q = sa.select(IndicatorValue).order_by(IndicatorValue.indicator, IndicatorValue.region, IndicatorValue.as_of,
                                           IndicatorValue.period)
    if indicator is not None:
        q = q.where(IndicatorValue.indicator == indicator)
    if region is not None:
        q = q.where(IndicatorValue.region == region)
    if until is not None:
        q = q.where(IndicatorValue.as_of <= until)
    with ws.store.session() as s:
        return [{"indicator": v.indicator, "region": v.region, "period": v.period, "as_of": v.as_of, "value": v.value,
                 "source": v.source, "entered_at": v.entered_at, "entered_by": v.entered_by} for v in s.scalars(q)]
