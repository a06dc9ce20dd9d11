"""Progress of an indicator towards its target: pure functions of the registry entry and its values.

Time is in years with the year-end convention of the plan: the value of year Y is its value at the end
of Y, so ``t(31 Dec Y) = Y``, the baseline year 2020 is ``t = 2020`` and the target year 2025 is
``t = 2025``; a date d in between is ``d.year − 1 + day_of_year / days_in_year``. With baseline B (year
y0), target T (year y1) and the latest actual A at time t:

- progress = (A − B) / (T − B), not clamped (above 1 = beyond the target; the same formula serves
  ``decrease`` indicators). Without a baseline, or when T = B: A / T (``increase``) or T / A (``decrease``);
- required CAGR = (T/B)^(1/(y1−y0)) − 1; actual CAGR = (A/B)^(1/(t−y0)) − 1; required CAGR from now
  = (T/A)^(1/(y1−t)) − 1 (None whenever a base is not positive or the span is not);
- projection to y1: ``compound`` B·(A/B)^((y1−y0)/(t−y0)), ``linear`` least squares over the baseline
  and every value, ``flat`` A (a single value); ``actual`` A once t ≥ y1;
- status: ``achieved`` (A meets the target), ``on_track`` (the projection does), ``at_risk`` (the
  projection's progress ≥ the registry's ``at_risk_ratio``), ``off_track``, ``no_data``, ``no_target``.

>>> round(year_fraction(dt.date(2023, 6, 30)), 4), year_fraction(dt.date(2023, 12, 31))
(2022.4959, 2023.0)
>>> round(progress(2010, 2500, 1300, "increase"), 4), progress(1.35, 1.3, None, "decrease") < 1
(0.5917, True)
>>> round(cagr(1300, 2500, 5), 4)
0.1397
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: status → (zh, en); also the order of the report's tables
STATUS: dict[str, tuple[str, str]] = {
    "off_track": ("滞后", "off track"), "at_risk": ("有风险", "at risk"), "on_track": ("正常推进", "on track"),
    "achieved": ("已完成", "achieved"), "no_data": ("无数据", "no data"), "no_target": ("无目标", "no target"),
}
#: tolerance of an ``exact`` target
EXACT = 1e-9


@dataclass(frozen=True)
class Obs:
    """One value of an indicator for a region: its period, the period's last day and where it came from."""

    period: str
    as_of: dt.date
    value: float
    source: str | None = None

    @property
    def t(self) -> float:
        return year_fraction(self.as_of)

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period, "as_of": self.as_of.isoformat(), "value": self.value, "source": self.source}


def year_fraction(d: dt.date) -> float:
    """``d`` as a year number, year-end convention: 31 Dec 2023 → 2023.0."""
    days = 366 if calendar.isleap(d.year) else 365
    return d.year - 1 + d.timetuple().tm_yday / days


def progress(actual: float, target: float, baseline: float | None, direction: str) -> float | None:
    """Share of the needed change achieved (see the module text); None when it is undefined."""
    if baseline is not None and baseline != target:
        return (actual - baseline) / (target - baseline)
    if direction == "increase":
        return actual / target if target else None
    return target / actual if actual else None


def cagr(start: float, end: float, years: float) -> float | None:
    """Compound annual growth rate from ``start`` to ``end`` over ``years``; None unless both are positive."""
    if start <= 0 or end <= 0 or years <= 0:
        return None
    return (end / start) ** (1 / years) - 1


def linear_fit(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """Least-squares (slope, intercept) of (t, value) points; None with fewer than two distinct t.

    >>> linear_fit([(2020, 10), (2021, 12), (2022, 14)])
    (2.0, -4030.0)
    """
    n = len(points)
    mean_t = sum(t for t, _ in points) / n if n else 0.0
    sxx = sum((t - mean_t) ** 2 for t, _ in points)
    if n < 2 or sxx == 0:
        return None
    mean_v = sum(v for _, v in points) / n
    slope = sum((t - mean_t) * (v - mean_v) for t, v in points) / sxx
    return slope, mean_v - slope * mean_t


def compound_projection(base: float, base_t: float, actual: float, t: float, at: float) -> float | None:
    """The value at ``at`` if the growth from (base_t, base) to (t, actual) continues at the same rate."""
    if base <= 0 or actual <= 0 or t <= base_t:
        return None
    return base * (actual / base) ** ((at - base_t) / (t - base_t))


def meets(value: float, target: float, kind: str, strict: bool = False) -> bool:
    """Whether ``value`` satisfies a target of ``kind`` (at_least, at_most, exact; ``strict``: >, <)."""
    if kind == "exact":
        return abs(value - target) <= EXACT * max(1.0, abs(target))
    if kind == "at_least":
        return value > target if strict else value >= target
    return value < target if strict else value <= target


def project(values: Sequence[Obs], baseline: tuple[float, float] | None, target_year: int, growth: str) -> dict[str, Any] | None:
    """The projection to the end of ``target_year`` by ``growth`` (compound, else linear), falling back
    compound → linear → flat; both computed values are returned beside the chosen one."""
    if not values:
        return None
    latest = values[-1]
    at = float(target_year)
    if latest.t >= at:
        return {"method": "actual", "year": target_year, "value": latest.value, "linear": None, "compound": None}
    points = ([baseline] if baseline else []) + [(v.t, v.value) for v in values]
    fit = linear_fit(points)
    linear = fit[0] * at + fit[1] if fit else None
    compound = compound_projection(baseline[1], baseline[0], latest.value, latest.t, at) if baseline else None
    order = ("compound", "linear") if growth == "compound" else ("linear",)
    chosen = {"compound": compound, "linear": linear}
    method = next((m for m in order if chosen[m] is not None), "flat")
    value = latest.value if method == "flat" else chosen[method]
    return {"method": method, "year": target_year, "value": value, "linear": linear, "compound": compound}


def status(actual: float | None, projected: float | None, target: float | None, kind: str, strict: bool,
           direction: str, projected_progress: float | None, at_risk_ratio: float) -> str:
    """The status (see :data:`STATUS`) from the latest value and the projection.

    >>> status(2600, None, 2500, "at_least", True, "increase", None, 0.9)
    'achieved'
    >>> [status(2000, p, 2500, "at_least", False, "increase", (p - 1300) / 1200, 0.9) for p in (2500, 2380, 2379)]
    ['on_track', 'at_risk', 'off_track']
    """
    if target is None:
        return "no_target" if actual is not None else "no_data"
    if actual is None:
        return "no_data"
    if meets(actual, target, kind, strict):
        return "achieved"
    if projected is not None:
        # the projection is judged by reaching the target in the indicator's direction, also for exact targets
        reach = "at_least" if direction == "increase" else "at_most"
        if meets(projected, target, reach if kind == "exact" else kind, strict and kind != "exact"):
            return "on_track"
    if projected_progress is not None and projected_progress >= at_risk_ratio:
        return "at_risk"
    return "off_track"
