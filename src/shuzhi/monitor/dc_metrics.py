"""Data-centre metrics as engine expressions: PUE, WUE, REF, IT load and coverage per site and period.

Definitions (``../shared/reference/standards.md`` §3.1–3.2):

- PUE = total facility energy ÷ IT energy over the period (ISO/IEC 30134-2); its measurement category is
  the lowest category among the readings used (a mix is only as good as its weakest meter);
- WUE = site water (L) ÷ IT energy (kWh); REF = renewable energy ÷ total energy;
- IT 负载率 = average IT power over the metered time ÷ design IT capacity;
- 上架率 = racks in service ÷ installed racks (from the registry);
- coverage = metered minutes ÷ minutes of the period (1.0 = no interval missing).

Energies are summed before dividing, so a period's PUE is energy-weighted, never a mean of ratios; the
same holds for the roll-up of a city or the province. Nothing here executes: :mod:`shuzhi.monitor.dc`
runs these expressions on the workspace engine.
"""

from __future__ import annotations

import datetime as dt

import ibis
import ibis.expr.types as ir

from shuzhi.monitor.dc_period import Period

SUMS = ("total_kwh", "it_kwh", "water_l", "renewable_kwh")


def _ts(d: dt.date) -> ir.TimestampScalar:
    return ibis.timestamp(dt.datetime(d.year, d.month, d.day))


def in_period(readings: ir.Table, period: Period) -> ir.Table:
    return readings.filter((readings.ts >= _ts(period.start)) & (readings.ts < _ts(period.end)))


def _sums(t: ir.Table) -> dict[str, ir.Value]:
    return {
        "total_kwh": t.total_kwh.sum(), "it_kwh": t.it_kwh.sum(), "water_l": t.water_l.sum(),
        "renewable_kwh": t.renewable_kwh.sum(), "readings": t.count(), "minutes": t.minutes.sum(),
        "category": t.category.min(),
    }


def _ratios(t: ir.Table, period_minutes: ir.NumericValue | float) -> ir.Table:
    it = t.it_kwh.nullif(0)
    return t.mutate(
        pue=t.total_kwh / it, wue=t.water_l / it, ref=t.renewable_kwh / t.total_kwh.nullif(0),
        it_load=t.it_kwh / (t.minutes / 60) / t.design_it_kw.nullif(0),
        utilisation=t.racks_in_service / t.racks_installed.nullif(0),
        coverage=t.minutes / period_minutes,
    )


def site_metrics(readings: ir.Table, sites: ir.Table, period: Period) -> ir.Table:
    """One row per site with readings in ``period`` (a day, month, year or rolling 12 months)."""
    r = in_period(readings, period)
    per_site = r.group_by("dc").aggregate(**_sums(r))
    joined = per_site.join(sites, per_site.dc == sites.code).drop("code")
    return _ratios(joined, period.hours * 60)


def _days_in_month(month: ir.TimestampValue) -> ir.IntegerValue:
    first = month.date()
    return (first + ibis.interval(months=1)).delta(first, unit="day")


def site_series(readings: ir.Table, sites: ir.Table, period: Period, grain: str) -> ir.Table:
    """One row per site and day or month (``bucket``, the bucket's first instant) inside ``period``."""
    unit = {"day": "D", "month": "M"}[grain]
    r = in_period(readings, period)
    r = r.mutate(bucket=r.ts.truncate(unit))
    per = r.group_by(["dc", "bucket"]).aggregate(**_sums(r))
    joined = per.join(sites, per.dc == sites.code).drop("code")
    if grain == "day":
        minutes: ir.NumericValue | float = 24 * 60
    else:
        minutes = _days_in_month(joined.bucket) * 24 * 60
    return _ratios(joined, minutes)


def rolling_series(readings: ir.Table, sites: ir.Table, period: Period) -> ir.Table:
    """Per site and month of ``period``: the 12 months ending with that month (``months``: how many had readings).

    Months before ``period`` are read too, so the first month's window is complete.
    """
    history = Period("rolling", dt.date(period.start.year - 1, period.start.month, 1), period.end, "")
    r = in_period(readings, history)
    r = r.mutate(bucket=r.ts.truncate("M"))
    monthly = r.group_by(["dc", "bucket"]).aggregate(**_sums(r))
    monthly = monthly.mutate(index=monthly.bucket.year() * 12 + monthly.bucket.month() - 1)
    w = ibis.window(group_by="dc", order_by="index", range=(-11, 0))
    rolled = monthly.mutate(
        **{name: monthly[name].sum().over(w) for name in (*SUMS, "readings", "minutes")},
        category=monthly.category.min().over(w), months=monthly.bucket.count().over(w),
        span_days=(monthly.bucket.date() + ibis.interval(months=1)).delta(monthly.bucket.date() - ibis.interval(months=11),
                                                                           unit="day"),
    )
    rolled = rolled.filter(rolled.bucket >= _ts(period.start))
    joined = rolled.join(sites, rolled.dc == sites.code).drop("code")
    return _ratios(joined, joined.span_days * 24 * 60).drop("index", "span_days")


def rollup(metrics: ir.Table, by: str = "city") -> ir.Table:
    """Energy-weighted totals of site metrics per ``by`` (``city``, ``size``, ``hub``)."""
    g = metrics.group_by(by).aggregate(
        sites=metrics.count(), total_kwh=metrics.total_kwh.sum(), it_kwh=metrics.it_kwh.sum(),
        water_l=metrics.water_l.sum(), renewable_kwh=metrics.renewable_kwh.sum(),
        racks_installed=metrics.racks_installed.sum(), racks_in_service=metrics.racks_in_service.sum(),
        design_it_kw=metrics.design_it_kw.sum(), minutes_kw=(metrics.minutes / 60 * metrics.design_it_kw).sum(),
        category=metrics.category.min(),
    )
    it = g.it_kwh.nullif(0)
    return g.mutate(pue=g.total_kwh / it, wue=g.water_l / it, ref=g.renewable_kwh / g.total_kwh.nullif(0),
                    it_load=g.it_kwh / g.minutes_kw.nullif(0),
                    utilisation=g.racks_in_service / g.racks_installed.nullif(0)).drop("minutes_kw")


def interval_pue(readings: ir.Table, period: Period) -> ir.Table:
    """Every reading of ``period`` with its own PUE and the z-score of that PUE within its site and period."""
    r = in_period(readings, period)
    r = r.mutate(pue=r.total_kwh / r.it_kwh.nullif(0))
    w = ibis.window(group_by="dc")
    return r.mutate(z=(r.pue - r.pue.mean().over(w)) / r.pue.std().over(w).nullif(0))


def gaps(readings: ir.Table, period: Period) -> ir.Table:
    """Missing intervals: one row per hole between consecutive readings of a site (``missing`` intervals)."""
    r = in_period(readings, period)
    w = ibis.window(group_by="dc", order_by="ts")
    r = r.mutate(prev=r.ts.lag().over(w), prev_minutes=r.minutes.lag().over(w))
    step = (r.ts.epoch_seconds() - r.prev.epoch_seconds()) / 60
    holes = r.filter(step > r.prev_minutes * 1.5)
    return holes.select(dc="dc", after=holes.prev, before=holes.ts,
                        missing=((holes.ts.epoch_seconds() - holes.prev.epoch_seconds()) / 60 / holes.prev_minutes - 1).round(0)
                        .cast("int64"))
