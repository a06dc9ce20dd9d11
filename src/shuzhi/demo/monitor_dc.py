"""Demo data of the data-centre monitor: a registry of sites across Jiangsu and a year of 15-minute
meter readings, with planted problems the alerts must find.

Readings are generated as whole numpy arrays (one per column), never row by row, so the same code makes
the 17.5M-reading benchmark table. Planted, and documented in the demo's summary:

- ``NJ-002``, a new large site, runs at PUE ≈ 1.37 over the year: above the 1.3 target;
- ``XZ-001`` has five days of missing readings (2025-03-10 to 03-14): 1.4% of its year;
- ``SZ-002`` has one interval with a spiked total meter (PUE ≈ 4): a meter anomaly;
- ``LYG-001`` has 上架率 45%: low utilisation.

>>> sites = demo_sites(4)
>>> [s["数据中心代码"] for s in sites], sites[0]["operator_uscc"][-1] == gb32100_check_char(sites[0]["operator_uscc"][:17])
(['NJ-001', 'NJ-002', 'SZ-001', 'SZ-002'], True)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from shuzhi.monitor.dc_readings import import_readings
from shuzhi.monitor.dc_registry import import_registry
from shuzhi.standards.checksums import gb11714_check_char, gb32100_check_char
from shuzhi.workspace import Workspace

# (code, name, city code, racks, in service, new build, hub) — the demo registry
SITES: list[tuple[str, str, str, int, int, bool, str | None]] = [
    ("NJ-001", "南京江北新区云计算中心", "320100", 12000, 9800, True, "长三角枢纽"),
    ("NJ-002", "南京智谷人工智能算力中心", "320100", 4000, 3100, True, None),
    ("SZ-001", "苏州吴江数据中心", "320500", 9000, 7700, True, "长三角枢纽"),
    ("SZ-002", "昆山花桥数据中心", "320500", 5000, 3600, False, None),
    ("WX-001", "无锡太湖云计算基地", "320200", 6000, 4500, False, None),
    ("NT-001", "南通国际数据中心产业园一期", "320600", 15000, 11000, True, "长三角枢纽"),
    ("NT-002", "南通国际数据中心产业园二期", "320600", 8000, 5200, True, None),
    ("XZ-001", "徐州淮海数据中心", "320300", 3500, 2300, False, None),
    ("CZ-001", "常州西太湖数据中心", "320400", 2500, 1700, False, None),
    ("YZ-001", "仪征东升云计算数据中心", "321000", 10000, 7100, True, None),
    ("YC-001", "盐城大数据产业园数据中心", "320900", 4500, 2900, False, None),
    ("HA-001", "淮安政务云数据中心", "320800", 1200, 900, False, None),
    ("LYG-001", "连云港数据中心", "320700", 2000, 900, False, None),
    ("ZJ-001", "镇江数据中心", "321100", 1500, 1000, False, None),
    ("TZ-001", "泰州医药城数据中心", "321200", 1000, 700, False, None),
    ("SQ-001", "宿迁京东云数据中心", "321300", 6000, 4300, True, None),
]
START = dt.datetime(2025, 1, 1)
MINUTES = 15
GAP_SITE, GAP_DAY, GAP_DAYS = "XZ-001", dt.date(2025, 3, 10), 5
SPIKE_SITE = "SZ-002"


def _uscc(city: str, serial: int) -> str:
    org = f"{serial:08d}"
    org += gb11714_check_char(org)
    body = f"91{city}{org}"
    return body + gb32100_check_char(body)


def demo_sites(n: int | None = None) -> list[dict[str, Any]]:
    chosen = SITES if n is None else SITES[:n]
    return [{"数据中心代码": code, "数据中心名称": name, "所在地": city, "运营单位": f"{name[:4]}数据科技有限公司",
             "统一社会信用代码": _uscc(city, 70000000 + i * 137), "标准机架数": racks, "在用机架数": used,
             "设计IT容量": racks * 2.5, "枢纽集群": hub or "", "投产日期": f"{2018 + i % 6}-0{1 + i % 9}-01",
             "新建": "是" if new else "否", "operator_uscc": _uscc(city, 70000000 + i * 137)}
            for i, (code, name, city, racks, used, new, hub) in enumerate(chosen)]


def readings(codes: list[str], kw: np.ndarray, base_pue: np.ndarray, *, start: dt.datetime, days: int,
             seed: int, minutes: int = MINUTES) -> pa.Table:
    """``days`` of readings every ``minutes`` for each site, as one Arrow table (vectorized)."""
    rng = np.random.default_rng(seed)
    steps = days * 24 * 60 // minutes
    n_sites = len(codes)
    t = np.arange(steps, dtype=np.int64)
    hours = t * minutes / 60.0
    day_of_year = hours / 24.0
    daily = 1 + 0.06 * np.sin(2 * np.pi * (hours % 24) / 24 - np.pi / 2)
    summer = 0.10 * np.clip(np.sin(2 * np.pi * (day_of_year - 80) / 365), 0, None)  # cooling load, June–September
    load = rng.uniform(0.35, 0.75, n_sites)[:, None] * daily[None, :] * (1 + rng.normal(0, 0.02, (n_sites, steps)))
    it = np.round(kw[:, None] * load * minutes / 60, 2)
    pue = base_pue[:, None] + summer[None, :] + rng.normal(0, 0.01, (n_sites, steps))
    total = np.round(it * np.maximum(pue, 1.02), 2)
    wue = rng.uniform(0.2, 1.6, n_sites)[:, None] * (1 + summer[None, :] * 3)
    share = rng.uniform(0.0, 0.35, n_sites)[:, None]
    stamps = np.datetime64(start, "m") + (t * minutes).astype("timedelta64[m]")
    return pa.table({
        "数据中心代码": np.repeat(np.array(codes, dtype=object), steps),
        "时间": np.tile(stamps.astype("datetime64[s]"), n_sites),
        "总耗电量": total.ravel(), "IT耗电量": it.ravel(),
        "测量类别": np.repeat(rng.choice([1, 2, 3], n_sites), steps),
        "用水量": np.round(it * wue, 1).ravel(), "可再生能源电量": np.round(total * share, 2).ravel(),
    })


def demo_dc(ws: Workspace, out_dir: Path, *, seed: int = 7, days: int = 365) -> dict[str, Any]:
    """Write the registry and a year of readings under ``out_dir``, import both, return what was planted."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sites = demo_sites()
    registry = out_dir / "dc_sites.csv"
    cols = [k for k in sites[0] if k != "operator_uscc"]
    pacsv.write_csv(pa.table({k: [s[k] for s in sites] for k in cols}), registry)
    codes = [s["数据中心代码"] for s in sites]
    kw = np.array([s["设计IT容量"] for s in sites], dtype=float)
    spread = np.random.default_rng(seed + 1).uniform(0, 1, len(codes))
    new = np.array([s["新建"] == "是" for s in sites])
    base = np.where(new, 1.15 + 0.08 * spread, 1.32 + 0.2 * spread)  # new builds below the target, older sites above
    base[codes.index("NJ-002")] = 1.34
    table = readings(codes, kw, base, start=START, days=days, seed=seed)
    table = _plant(table, codes)
    path = out_dir / "dc_readings.csv"
    pacsv.write_csv(table, path, pacsv.WriteOptions(include_header=True))
    actor = "demo"
    registered = import_registry(ws, registry, actor=actor)
    imported = import_readings(ws, path, actor=actor)
    return {"registry": str(registry), "readings": str(path), "sites": registered["rows"], "rows": imported["rows"],
            "planted": {"pue_new_large": "NJ-002", "gaps": f"{GAP_SITE} {GAP_DAY} +{GAP_DAYS}d", "anomaly": SPIKE_SITE,
                        "utilisation": "LYG-001"}}


def _plant(table: pa.Table, codes: list[str]) -> pa.Table:
    code = table.column("数据中心代码").to_numpy(zero_copy_only=False)
    when = table.column("时间").to_numpy()
    day = when.astype("datetime64[D]")
    first = np.datetime64(GAP_DAY)
    keep = ~((code == GAP_SITE) & (day >= first) & (day < first + np.timedelta64(GAP_DAYS, "D")))
    total = table.column("总耗电量").to_numpy().copy()
    spike = np.flatnonzero(code == SPIKE_SITE)[len(when) // len(codes) // 3]
    total[spike] = total[spike] * 3
    table = table.set_column(table.schema.get_field_index("总耗电量"), "总耗电量", pa.array(total))
    return table.filter(pa.array(keep))
