"""Demo values of the plan's indicators: the province and its 13 cities, 2021–2024, plus the published 5G counts.

The provincial paths are plausible, not official (big-data revenue 1300 in 2020 → about 1530, 1780,
2010, 2260 亿元); each is nudged by a seeded ±1 % so runs differ by seed and repeat exactly for one.
City values of additive indicators share the provincial value by fixed weights with seeded noise
(counts are whole and add up exactly). The ``observed`` values of the registry are included with
their source. The file goes through :func:`~shuzhi.monitor.indicators_values.import_values` like any
user file.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path
from typing import Any

from shuzhi.monitor.indicators import load_registry
from shuzhi.monitor.indicators_evaluate import evaluate
from shuzhi.monitor.indicators_values import import_values
from shuzhi.monitor.regions import PROVINCE_NAME
from shuzhi.workspace import Workspace

YEARS = (2021, 2022, 2023, 2024)
#: provincial path per indicator (one value per year of YEARS; None = taken from the registry's observed values)
PATHS: dict[str, tuple[float | None, ...]] = {
    "bigdata_revenue": (1530, 1780, 2010, 2260),
    "base_stations_5g": (None, 18.7, 23.2, 25.1),
    "dc_racks": (41.0, 47.5, 54.0, 61.0),
    "dcmm_participants": (42, 88, 137, 181),
    "new_large_dc_pue": (1.33, 1.31, 1.29, 1.28),
    "bigdata_demo_projects": (38, 81, 122, 163),
    "industrial_bigdata_demo_zones": (4, 6, 7, 9),
    "software_tech_centers": (5, 9, 14, 18),
    "bigdata_leading_enterprises": (1, 2, 2, 3),
    "bigdata_specialised_enterprises": (12, 21, 29, 36),
    "national_green_dcs": (2, 4, 6, 7),
    "provincial_dc_bases": (1, 2, 3, 3),
    "backbone_bandwidth": (52, 64, 78, 90),
    "urban_fiber_coverage": (96.5, 98.0, 99.2, 99.8),
    "rural_fiber_coverage": (78.0, 83.0, 88.5, 91.0),
    "dcmm_level3": (11, 27, 46, 63),
    "data_trading_institutions": (0, 1, 2, 2),
    "industrial_data_spaces": (0, 1, 1, 2),
    "industrial_bigdata_scenarios": (3, 7, 10, 13),
    "industrial_bigdata_demo_projects": (18, 42, 63, 81),
    "innovation_centers": (3, 6, 9, 12),
    "training_datasets": (120, 310, 520, 700),
    "data_classification_benchmarks": (4, 11, 19, 24),
}
#: indicators given for the cities too (the additive ones with enough units to share out)
CITY_INDICATORS = ("bigdata_revenue", "base_stations_5g", "dc_racks", "dcmm_participants", "bigdata_demo_projects")
#: rough shares of the province (big-data revenue), by city
WEIGHTS = {"南京市": 0.26, "苏州市": 0.22, "无锡市": 0.13, "常州市": 0.07, "南通市": 0.06, "徐州市": 0.04, "扬州市": 0.04,
           "盐城市": 0.04, "镇江市": 0.03, "泰州市": 0.03, "淮安市": 0.03, "连云港市": 0.025, "宿迁市": 0.025}
#: infrastructure is spread more evenly than revenue
EVENNESS = {"base_stations_5g": 0.6, "dc_racks": 0.3}
SOURCE = "演示数据 demo"


def _split(total: float, rng: random.Random, whole: bool, evenness: float) -> dict[str, float]:
    """``total`` shared out by noisy weights (``evenness`` 0: the revenue weights, 1: equal shares);
    whole numbers by largest remainder so they add up exactly."""
    raw = {c: ((1 - evenness) * w + evenness / len(WEIGHTS)) * (1 + rng.uniform(-0.08, 0.08)) for c, w in WEIGHTS.items()}
    scale = total / sum(raw.values())
    shares = {c: v * scale for c, v in raw.items()}
    if not whole:
        return {c: round(v, 2) for c, v in shares.items()}
    floors = {c: int(v) for c, v in shares.items()}
    left = round(total) - sum(floors.values())
    for c in sorted(shares, key=lambda c: shares[c] - floors[c], reverse=True)[:left]:
        floors[c] += 1
    return {c: float(v) for c, v in floors.items()}


def demo_rows(seed: int) -> list[list[Any]]:
    """The rows of the demo file: indicator, region (name), period, value, source."""
    rng = random.Random(seed)
    reg = load_registry()
    observed = {(o.indicator, o.period): o for o in reg.observed}
    rows: list[list[Any]] = [[o.indicator, o.region, o.period, o.value, o.source] for o in reg.observed]
    for code, path in PATHS.items():
        whole = reg.get(code).unit in ("家", "个")
        for year, planned in zip(YEARS, path, strict=True):
            value = planned if planned is not None else observed[(code, str(year))].value
            if planned is not None:
                value = value * (1 + rng.uniform(-0.01, 0.01))
                value = float(round(value)) if whole else round(value, 2 if value < 10 else 1)
                rows.append([code, PROVINCE_NAME, str(year), value, SOURCE])
            if code in CITY_INDICATORS:
                split = _split(value, rng, whole, EVENNESS.get(code, 0.0))
                rows += [[code, city, str(year), v, SOURCE] for city, v in split.items()]
    return rows


def demo_indicators(ws: Workspace, out_dir: Path, seed: int) -> dict[str, Any]:
    """Write ``indicator_values.csv`` under ``out_dir``, import it, and summarise the evaluation at the end of 2024."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "indicator_values.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["指标", "地区", "期间", "数值", "来源"])
        writer.writerows(demo_rows(seed))
    result = import_values(ws, path, actor="demo")
    as_of = dt.date(YEARS[-1], 12, 31)
    evaluation = evaluate(ws, as_of=as_of)
    statuses: dict[str, int] = {}
    for item in evaluation["indicators"]:
        statuses[item["status"]] = statuses.get(item["status"], 0) + 1
    return {"file": str(path), "rows": result["rows"], "inserted": result["inserted"], "updated": result["updated"],
            "unchanged": result["unchanged"], "indicators": result["indicators"], "as_of": as_of.isoformat(),
            "status": statuses}
