"""The periodic evaluation (规划任务定期评估, plan §五(一)): every indicator's progress as of a date.

For the province each indicator gets its latest value, progress, growth rates, projection and status
(:mod:`shuzhi.monitor.indicators_progress`); an indicator with a live source adds the value computed
by the platform as its newest observation, or says why there is none. The plan sets provincial
targets only, so a 设区市 gets its values, its growth since its first value and its share of the
province (additive indicators), never a status against the provincial target.

>>> ind = load_registry().get("bigdata_revenue")
>>> a = assess(ind, [Obs("2023", dt.date(2023, 12, 31), 2010.0)], at_risk_ratio=0.9)
>>> round(a["progress"], 4), a["projection"]["method"], a["status"]
(0.5917, 'compound', 'on_track')
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from shuzhi.monitor.indicators import Indicator, Interim, Registry, load_registry
from shuzhi.monitor.indicators_live import LIVE_SOURCES, LiveValue
from shuzhi.monitor.indicators_progress import (
    STATUS,
    Obs,
    cagr,
    meets,
    progress,
    project,
    status,
)
from shuzhi.monitor.indicators_values import load_values
from shuzhi.monitor.regions import PROVINCE, cities, region_name, resolve_region
from shuzhi.workspace import Workspace

NO_VALUES = ("尚无报送值（shuzhi monitor indicators import）", "no value reported yet (shuzhi monitor indicators import)")


def _head(ind: Indicator) -> dict[str, Any]:
    return {"code": ind.code, "name": ind.name, "name_en": ind.name_en, "unit": ind.unit, "direction": ind.direction,
            "target_kind": ind.target_kind, "cumulative_new": ind.cumulative_new, "department": ind.department,
            "key": ind.key, "baseline": ind.baseline.model_dump() if ind.baseline else None,
            "target": ind.target.model_dump() if ind.target else None}


def assess(ind: Indicator, values: Sequence[Obs], *, at_risk_ratio: float, interim: Sequence[Interim] = (),
           as_of: dt.date | None = None) -> dict[str, Any]:
    """One indicator's evaluation for the province from its values (oldest first)."""
    b, tg = ind.baseline, ind.target
    out = {**_head(ind), "latest": values[-1].to_dict() if values else None, "values": len(values), "progress": None,
           "required_cagr": cagr(b.value, tg.value, tg.year - b.year) if b and tg else None,
           "actual_cagr": None, "required_cagr_from_now": None, "projection": None}
    latest = values[-1] if values else None
    if latest is not None and tg is not None:
        base = b.value if b else None
        out["progress"] = progress(latest.value, tg.value, base, ind.direction)
        out["actual_cagr"] = cagr(b.value, latest.value, latest.t - b.year) if b else None
        out["required_cagr_from_now"] = cagr(latest.value, tg.value, tg.year - latest.t)
        proj = project(values, (float(b.year), b.value) if b else None, tg.year, ind.growth)
        if proj is not None:
            proj["progress"] = progress(proj["value"], tg.value, base, ind.direction)
        out["projection"] = proj
    proj = out["projection"]
    out["status"] = status(latest.value if latest else None, proj["value"] if proj else None, tg.value if tg else None,
                           ind.target_kind, ind.strict, ind.direction, proj["progress"] if proj else None, at_risk_ratio)
    out["status_zh"], out["status_en"] = STATUS[out["status"]]
    out["interim"] = [_interim(i, values, as_of) for i in interim]
    out["reason"] = None
    return out


def _interim(item: Interim, values: Sequence[Obs], as_of: dt.date | None) -> dict[str, Any]:
    """An interim target: the latest value within its year, met or not (None while the year is open and unmet)."""
    inside = [v for v in values if v.as_of.year == item.year]
    actual = inside[-1] if inside else None
    met = meets(actual.value, item.value, item.target_kind, item.strict) if actual else None
    if met is False and as_of is not None and as_of < dt.date(item.year, 12, 31):
        met = None  # the year is still open
    return {"year": item.year, "target": item.value, "target_kind": item.target_kind, "strict": item.strict,
            "source": item.source, "actual": actual.to_dict() if actual else None, "met": met}


def assess_city(ind: Indicator, values: Sequence[Obs], province: Sequence[Obs]) -> dict[str, Any]:
    """A city's values of one indicator: latest, growth since its first value, share of the province."""
    first, latest = (values[0], values[-1]) if values else (None, None)
    same = next((p for p in province if latest and p.period == latest.period), None)
    share = latest.value / same.value if ind.additive and latest and same and same.value else None
    return {**_head(ind), "latest": latest.to_dict() if latest else None, "values": len(values),
            "first": first.to_dict() if first else None,
            "growth": cagr(first.value, latest.value, latest.t - first.t) if first and latest else None,
            "share_of_province": share, "status": "no_target" if latest else "no_data"}


def _series(rows: Sequence[dict[str, Any]]) -> dict[str, list[Obs]]:
    by: dict[str, list[Obs]] = defaultdict(list)
    for r in rows:
        by[r["indicator"]].append(Obs(r["period"], r["as_of"], r["value"], r["source"]))
    return by


def _with_live(values: list[Obs], live: LiveValue) -> list[Obs]:
    if live.value is None:
        return values
    kept = [v for v in values if v.period != live.period and v.as_of <= live.as_of]
    return [*kept, Obs(live.period, live.as_of, live.value, "live")]


def evaluate(ws: Workspace, *, region: str | None = None, as_of: dt.date | None = None,
             registry: Registry | None = None) -> dict[str, Any]:
    """Every indicator for ``region`` (default the province) with the values known on ``as_of`` (default today)."""
    reg = registry or load_registry()
    as_of = as_of or dt.date.today()
    code = resolve_region(region) if region is not None else PROVINCE
    series = _series(load_values(ws, region=code, until=as_of))
    result: list[dict[str, Any]] = []
    if code == PROVINCE:
        for ind in reg.indicators.values():
            values, lv = series.get(ind.code, []), None
            if ind.live:
                lv = LIVE_SOURCES[ind.live](ws, as_of)
                values = _with_live(values, lv)
            a = assess(ind, values, at_risk_ratio=reg.at_risk_ratio, as_of=as_of,
                       interim=[i for i in reg.interim if i.indicator == ind.code])
            if a["status"] == "no_data":
                zh, en = (lv.reason_zh, lv.reason_en) if lv and lv.reason_zh and lv.reason_en else NO_VALUES
                a["reason"] = {"zh": zh, "en": en}
            result.append({**a, "live": {"source": ind.live, **lv.to_dict()} if lv else None})
    else:
        province = _series(load_values(ws, region=PROVINCE, until=as_of))
        result = [assess_city(ind, series.get(ind.code, []), province.get(ind.code, [])) for ind in reg.indicators.values()]
    return {"as_of": as_of.isoformat(), "region": code, "region_name": region_name(code),
            "document": reg.document.get("title"), "indicators": result}


def evaluate_cities(ws: Workspace, *, as_of: dt.date | None = None, registry: Registry | None = None) -> list[dict[str, Any]]:
    """One row per (indicator, city) with a value by ``as_of``: the city tables of the report."""
    reg = registry or load_registry()
    as_of = as_of or dt.date.today()
    rows = load_values(ws, until=as_of)
    province = _series([r for r in rows if r["region"] == PROVINCE])
    out = []
    for city, name in cities().items():
        series = _series([r for r in rows if r["region"] == city])
        for ind in reg.indicators.values():
            if series.get(ind.code):
                out.append({"region": city, "region_name": name,
                            **assess_city(ind, series[ind.code], province.get(ind.code, []))})
    return out
