"""The demo's monitoring step: data centres, the plan's indicators and the industry, each with its report.

Data goes under ``<home>/demo-data/monitor``; the three reports (HTML and xlsx) under ``<home>/exports``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shuzhi.demo.monitor_dc import demo_dc
from shuzhi.demo.monitor_indicators import demo_indicators
from shuzhi.demo.monitor_industry import demo_industry
from shuzhi.monitor.dc import alerts, provincial
from shuzhi.monitor.dc_report import write_dc_report
from shuzhi.monitor.indicators_report import write_indicator_report
from shuzhi.monitor.industry_report import write_industry_report
from shuzhi.workspace import Workspace

DC_PERIOD = "2025"
INDICATOR_PERIOD = "2024"


#: the demo's ``--rows`` at which the data centres get a whole year of readings (fewer rows, fewer days)
FULL_YEAR_ROWS = 10_000


def readings_days(rows: int) -> int:
    """Days of meter readings for a demo of ``rows``: a year at the default, at least a month.

    >>> readings_days(10_000), readings_days(300), readings_days(5_000)
    (365, 31, 182)
    """
    return max(31, min(365, round(365 * rows / FULL_YEAR_ROWS)))


def monitor_demo(ws: Workspace, data_dir: Path, exports: Path, *, seed: int, rows: int = FULL_YEAR_ROWS) -> dict[str, Any]:
    dc = demo_dc(ws, data_dir, seed=seed, days=readings_days(rows))
    found = alerts(ws, DC_PERIOD)
    province = provincial(ws, DC_PERIOD)["province"]
    indicators = demo_indicators(ws, data_dir, seed)
    industry = demo_industry(ws, data_dir, seed)
    reports = {
        "dc": write_dc_report(ws, DC_PERIOD, html=exports / f"dc-{DC_PERIOD}.html", xlsx=exports / f"dc-{DC_PERIOD}.xlsx"),
        "indicators": write_indicator_report(ws, INDICATOR_PERIOD, html=exports / f"plan-indicators-{INDICATOR_PERIOD}.html",
                                              xlsx=exports / f"plan-indicators-{INDICATOR_PERIOD}.xlsx"),
        "industry": write_industry_report(ws, html=exports / "industry.html", xlsx=exports / "industry.xlsx"),
    }
    return {"dc": {**dc, "province_pue": province["pue"] if province else None,
                   "alerts": [{"kind": a["kind"], "dc": a["dc"]} for a in found["alerts"]]},
            "indicators": indicators, "industry": industry,
            "reports": [p for r in reports.values() for p in (r.get("html"), r.get("xlsx")) if p]}
