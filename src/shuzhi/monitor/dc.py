"""Data-centre monitoring results: metrics, rankings, the provincial roll-up and alerts, as plain dicts.

The one place of the data-centre part that executes: it builds the expressions of
:mod:`shuzhi.monitor.dc_metrics` over the stored readings and the registry, runs them on the workspace
engine, and applies the alert thresholds of ``data/dc.yaml`` to the results. The CLI, the later HTTP
API and the reports call these functions.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import ibis
import ibis.expr.types as ir

from shuzhi.errors import ConfigError, NotFoundError
from shuzhi.monitor import dc_metrics as m
from shuzhi.monitor.dc_period import Period, parse_period
from shuzhi.monitor.dc_readings import readings_table
from shuzhi.monitor.dc_registry import dc_config, registry_table, size_label
from shuzhi.monitor.regions import PROVINCE, PROVINCE_NAME, region_name
from shuzhi.workspace import Workspace

RANK_BY = {"pue": True, "wue": True, "ref": False, "it_load": False, "utilisation": False}  # metric → lower is better
#: interval anomalies listed per site
SHOWN = 5


def _rows(ws: Workspace, expr: ir.Table) -> list[dict[str, Any]]:
    return [{k: _clean(v) for k, v in row.items()} for row in ws.engine.to_pyarrow(expr).to_pylist()]


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return value


def _period(period: str | Period, readings: ir.Table | None = None, ws: Workspace | None = None) -> Period:
    """The period asked for, its end clipped to the day after the last stored reading (a period still
    running is measured over the days that have passed, so coverage is not diluted by the future)."""
    p = period if isinstance(period, Period) else parse_period(period)
    if readings is None or ws is None:
        return p
    last = ws.engine.execute(readings.ts.max())
    if last is None or not hasattr(last, "date") or last.date() != last.date():  # no reading, or NaT
        return p
    end = min(p.end, (last + dt.timedelta(days=1)).date())
    return Period(p.grain, p.start, max(end, p.start + dt.timedelta(days=1)), p.label)


def _named(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for r in rows:
        if r.get("city"):
            r["city_name"] = region_name(r["city"])
        if r.get("size"):
            r["size_label"] = size_label(r["size"])
    return rows


def metrics(ws: Workspace, period: str | Period, *, grain: str | None = None, rolling: bool = False,
            dc: str | None = None) -> dict[str, Any]:
    """Metrics of every site (or one) for ``period``; ``grain`` ``day``/``month`` splits it, ``rolling`` gives
    the 12 months ending with each month of ``period`` (a ``YYYY-MM`` or a year)."""
    readings, sites = readings_table(ws), registry_table(ws)
    p = _period(period, readings, ws)
    if dc is not None:
        readings = readings.filter(readings.dc == dc)
    if rolling:
        expr = m.rolling_series(readings, sites, p)
    elif grain in ("day", "month"):
        expr = m.site_series(readings, sites, p, grain)
    elif grain is None:
        expr = m.site_metrics(readings, sites, p)
    else:
        raise ConfigError(f"不支持的粒度：{grain!r}（可用 day、month）", f"unsupported grain: {grain!r} (use day or month)")
    order = ["dc", "bucket"] if "bucket" in expr.columns else ["dc"]
    kind = "rolling" if rolling else grain or p.grain
    return {"period": p.label, "start": p.start.isoformat(), "end": p.end.isoformat(), "grain": kind,
            "rows": _named(_rows(ws, expr.order_by(order)))}


def ranking(ws: Workspace, period: str | Period, *, by: str = "pue") -> dict[str, Any]:
    """Sites ordered best first by ``by`` over ``period`` (PUE and WUE ascending, the others descending)."""
    if by not in RANK_BY:
        raise ConfigError(f"不能按 {by!r} 排名（可用 {', '.join(RANK_BY)}）", f"cannot rank by {by!r} (use {', '.join(RANK_BY)})")
    readings = readings_table(ws)
    p = _period(period, readings, ws)
    expr = m.site_metrics(readings, registry_table(ws), p)
    expr = expr.filter(expr[by].notnull())
    key = expr[by] if RANK_BY[by] else expr[by].desc()
    rows = _named(_rows(ws, expr.order_by([key, "dc"])))
    for i, r in enumerate(rows, start=1):
        r["rank"] = i
    return {"period": p.label, "by": by, "rows": rows}


def provincial(ws: Workspace, period: str | Period) -> dict[str, Any]:
    """The roll-up by city plus one provincial row, each energy-weighted."""
    readings = readings_table(ws)
    p = _period(period, readings, ws)
    site = m.site_metrics(readings, registry_table(ws), p)
    cities = _named(_rows(ws, m.rollup(site, "city").order_by("city")))
    whole = _rows(ws, m.rollup(site.mutate(region=ibis.literal(PROVINCE)), "region"))
    province = {**whole[0], "city": PROVINCE, "city_name": PROVINCE_NAME} if whole else None
    if province:
        province.pop("region", None)
    by_size = _named(_rows(ws, m.rollup(site, "size").order_by("size")))
    return {"period": p.label, "cities": cities, "province": province, "by_size": by_size}


def provincial_pue(ws: Workspace, year: int) -> float | None:
    """The energy-weighted PUE in ``year`` of the monitored new large and hyperscale data centres, or None."""
    try:
        site = m.site_metrics(readings_table(ws), registry_table(ws), parse_period(str(year)))
    except NotFoundError:
        return None
    target = site.filter(site.new_build & site["size"].isin(["large", "hyperscale"]))
    rows = _rows(ws, target.aggregate(total=target.total_kwh.sum(), it=target.it_kwh.sum()))
    total, it = rows[0]["total"], rows[0]["it"]
    return total / it if total is not None and it else None


def alerts(ws: Workspace, period: str | Period) -> dict[str, Any]:
    """Threshold alerts of ``period`` (``data/dc.yaml``): PUE of new large sites, retrofit line, utilisation,
    missing data and meter anomalies; each with the site, the measured value and the threshold."""
    cfg = dc_config()["alerts"]
    readings, sites = readings_table(ws), registry_table(ws)
    p = _period(period, readings, ws)
    site_rows = _named(_rows(ws, m.site_metrics(readings, sites, p).order_by("dc")))
    found: list[dict[str, Any]] = []

    def add(kind: str, row: dict[str, Any], value: float | None, threshold: float, detail: str = "") -> None:
        rule = cfg[kind]
        found.append({"kind": kind, "zh": rule["zh"], "en": rule["en"], "dc": row["dc"], "name": row.get("name"),
                      "city": row.get("city"), "value": value, "threshold": threshold, "detail": detail})

    new_large = cfg["pue_new_large"]
    for row in site_rows:
        pue = row["pue"]
        if pue is not None and row["new_build"] and row["size"] in new_large["applies"]["size"]:
            limit = new_large["hub_max_pue"] if row.get("hub") else new_large["max_pue"]
            if pue >= limit:
                add("pue_new_large", row, pue, limit, f"category {row['category']}")
        if pue is not None and pue > cfg["pue_retrofit"]["max_pue"]:
            add("pue_retrofit", row, pue, cfg["pue_retrofit"]["max_pue"])
        if row["utilisation"] is not None and row["utilisation"] < cfg["utilisation"]["min_ratio"]:
            add("utilisation", row, row["utilisation"], cfg["utilisation"]["min_ratio"])
        if row["coverage"] is not None and 1 - row["coverage"] > cfg["gaps"]["max_missing_ratio"]:
            add("gaps", row, 1 - row["coverage"], cfg["gaps"]["max_missing_ratio"])
    holes = _rows(ws, m.gaps(readings, p).order_by(["dc", "after"]))
    anomaly = cfg["anomaly"]
    iv = m.interval_pue(readings, p)
    odd = iv.filter((iv.pue < anomaly["min_pue"]) | (iv.pue > anomaly["max_pue"]) | (iv.z.abs() > anomaly["z"]))
    odd = odd.mutate(n=odd.count().over(group_by="dc"), i=ibis.row_number().over(group_by="dc", order_by="ts"))
    odd = odd.filter(odd.i < SHOWN)
    by_site = {r["dc"]: r for r in site_rows}
    anomalies: dict[str, list[dict[str, Any]]] = {}
    for r in _rows(ws, odd.select("dc", "ts", "pue", "z", "n").order_by(["dc", "ts"])):
        anomalies.setdefault(r["dc"], []).append(r)
    for code, items in anomalies.items():
        row = by_site.get(code, {"dc": code})
        add("anomaly", row, float(items[0]["n"]), 0, "; ".join(f"{i['ts']} PUE={i['pue']:.3f}" for i in items))
    return {"period": p.label, "alerts": found, "gaps": holes, "sites": len(site_rows)}
