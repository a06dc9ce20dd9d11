"""Meter readings of data centres: imported from files, checked as a whole, appended to one catalog dataset.

A reading is the energy of one metering interval starting at ``ts`` (local time): total facility energy
and IT energy (kWh), the PUE measurement category (1/2/3, ISO/IEC 30134-2), optionally water (L) and
renewable energy (kWh). The interval (``minutes``) is given per row or inferred per data centre as the
smallest step between its readings in the file.

Every row is checked through the engine before anything is written, and a file with any bad row changes
nothing (the error lists every problem with record numbers): unknown data centre, bad time or number,
negative energy, IT energy above total, renewable above total, unknown category, a time given twice,
average power implausible for the site's design capacity (a unit mistake: Wh or MWh given as kWh), and a
reading already stored with different values. Readings already stored with the same values are skipped
and counted, so importing a file twice adds nothing. Good files are appended as a new version of the
catalog dataset ``dc_readings`` (crash-safe, like any ingest), which the metrics read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow.parquet as pq
from sqlalchemy.orm import Session

from shuzhi.catalog import ingest
from shuzhi.catalog.queries import latest_version, read_dataset
from shuzhi.errors import NotFoundError
from shuzhi.monitor.checks import Check, blank, number, problems, raise_problems
from shuzhi.monitor.dc_registry import dc_config, registry_table
from shuzhi.monitor.files import Field, read_file, read_rows
from shuzhi.security.audit import record
from shuzhi.workspace import Workspace

#: the catalog dataset holding every reading
READINGS = "dc_readings"
META = {"code": READINGS, "title": "数据中心能耗计量数据", "summary": "数据中心监测平台汇集的分时能耗计量数据（总耗电、IT 耗电、水、可再生能源）",
        "provider": "数据中心监测平台", "domain": "工业和信息化", "update_cycle": "实时", "tags": ["数据中心", "PUE", "能耗监测"]}
FIELDS = (
    Field("dc", ("数据中心代码", "数据中心", "代码", "dc_code")),
    Field("ts", ("时间", "计量时间", "开始时间", "timestamp", "time")),
    Field("total_kwh", ("总耗电量", "总能耗", "总耗电量kWh", "total_energy_kwh", "total")),
    Field("it_kwh", ("IT耗电量", "IT设备耗电量", "IT能耗", "IT耗电量kWh", "it_energy_kwh", "it")),
    Field("category", ("测量类别", "PUE类别", "类别", "measurement_category"), required=False),
    Field("minutes", ("计量间隔", "间隔分钟", "计量间隔(分钟)", "interval_minutes"), required=False),
    Field("water_l", ("用水量", "用水量L", "water", "water_litres"), required=False),
    Field("renewable_kwh", ("可再生能源电量", "绿电", "可再生能源", "renewable", "renewable_energy_kwh"), required=False),
)
COLUMNS = ("dc", "ts", "minutes", "total_kwh", "it_kwh", "category", "water_l", "renewable_kwh")


def readings_table(ws: Workspace) -> ir.Table:
    """All stored readings (the latest version of ``dc_readings``); NotFoundError before the first import."""
    try:
        return read_dataset(ws, READINGS)
    except NotFoundError:
        raise NotFoundError("还没有导入任何计量数据（shuzhi monitor dc readings FILE）",
                            "no meter readings have been imported yet (shuzhi monitor dc readings FILE)") from None


def _stored(ws: Workspace) -> tuple[ir.Table | None, int]:
    """The stored readings and their version number (None and 0 before the first import)."""
    version = latest_version(ws, READINGS)
    return (None, 0) if version is None else (read_dataset(ws, READINGS, version), version)


def _parsed(raw: ir.Table) -> ir.Table:
    t = raw.mutate(**{f.name: ibis.null("string") for f in FIELDS if f.name not in raw.columns})
    stamp = t.ts.try_cast("timestamp").coalesce(t.ts.strip().replace("/", "-").replace("T", " ").try_cast("timestamp"))
    return t.mutate(
        dc=t.dc.strip(), ts=stamp, total=number(t.total_kwh), it=number(t.it_kwh),
        cat=ibis.ifelse(blank(t.category), "1", t.category.strip()).try_cast("int64"),
        min_given=number(t.minutes), water=number(t.water_l), renewable=number(t.renewable_kwh),
    )


def _with_interval(t: ir.Table) -> ir.Table:
    """``step``: the interval in minutes, given or the smallest step between a site's readings in the file."""
    w = ibis.window(group_by=t.dc, order_by=t.ts)
    gap = (t.ts.epoch_seconds() - t.ts.lag().over(w).epoch_seconds()) / 60
    t = t.mutate(_gap=ibis.ifelse(gap > 0, gap, ibis.null("float64")))
    t = t.mutate(_inferred=t._gap.min().over(ibis.window(group_by=t.dc)))
    return t.mutate(step=t.min_given.fill_null(t._inferred)).drop("_gap", "_inferred")


def _checks(t: ir.Table, stored: ir.Table | None) -> tuple[list[Check], ir.Table]:
    cfg = dc_config()["readings"]
    hours = t.step / 60
    power_ratio = t.total / hours / t.design_it_kw
    dup = t.filter(t.ts.notnull()).group_by(["dc", "ts"]).aggregate(n=lambda g: g.count()).filter(lambda g: g.n > 1)
    t = t.left_join(dup, ["dc", "ts"]).drop("dc_right", "ts_right")
    checks = [
        Check("dc", "数据中心未登记（先用 shuzhi monitor dc register 登记）", "data centre not registered (register it first)",
              t.design_it_kw.isnull()),
        Check("ts", "时间不是 YYYY-MM-DD HH:MM[:SS]", "time is not YYYY-MM-DD HH:MM[:SS]", t.ts.isnull()),
        Check("number", "总耗电量或 IT 耗电量不是数字", "total or IT energy is not a number", t.total.isnull() | t.it.isnull()),
        Check("negative", "耗电量、用水量或可再生能源电量为负数", "negative energy, water or renewable energy",
              (t.total < 0) | (t.it < 0) | (t.water < 0) | (t.renewable < 0)),
        Check("it_above_total", "IT 耗电量大于总耗电量", "IT energy above total energy", t.it > t.total),
        Check("renewable_above_total", "可再生能源电量大于总耗电量", "renewable energy above total energy", t.renewable > t.total),
        Check("optional_number", "用水量、可再生能源电量或计量间隔不是数字", "water, renewable energy or interval is not a number",
              (~blank(t.water_l) & t.water.isnull()) | (~blank(t.renewable_kwh) & t.renewable.isnull())
              | (~blank(t.minutes) & (t.min_given.isnull() | (t.min_given <= 0)))),
        Check("category", "测量类别只能是 1、2、3", "the measurement category must be 1, 2 or 3",
              ~t.cat.isin(cfg["categories"]).fill_null(False)),
        Check("duplicate", "同一数据中心同一时间出现多次", "the same data centre and time appear more than once", t.n.notnull()),
        Check("interval", "无法推断计量间隔：该数据中心只有一条读数，请给出计量间隔(分钟)",
              "cannot infer the interval: the site has one reading; give interval_minutes",
              t.step.isnull() & t.ts.notnull() & t.design_it_kw.notnull()),
        Check("unit_high", f"平均功率超过设计 IT 容量的 {cfg['max_power_ratio']:g} 倍（单位是否误用 Wh？）",
              f"average power above {cfg['max_power_ratio']:g}× the design IT capacity (Wh given as kWh?)",
              power_ratio > cfg["max_power_ratio"]),
        Check("unit_low", f"平均功率低于设计 IT 容量的 {cfg['min_power_ratio']:g} 倍（单位是否误用 MWh？）",
              f"average power below {cfg['min_power_ratio']:g}× the design IT capacity (MWh given as kWh?)",
              (t.total > 0) & (power_ratio < cfg["min_power_ratio"])),
    ]
    if stored is None:
        return checks, t.mutate(_known=False)
    old = stored.select(dc_old="dc", ts_old="ts", total_old="total_kwh", it_old="it_kwh", cat_old="category",
                        water_old="water_l", renewable_old="renewable_kwh", minutes_old="minutes")
    t = t.left_join(old, (t.dc == old.dc_old) & (t.ts == old.ts_old)).drop("dc_old", "ts_old")
    same = ((t.total_old == t.total) & (t.it_old == t.it) & (t.cat_old == t.cat) & (t.minutes_old == t.step)
            & (t.water_old.identical_to(t.water)) & (t.renewable_old.identical_to(t.renewable)))
    t = t.mutate(_known=t.total_old.notnull(), _same=same.fill_null(False))
    checks.append(Check("conflict", "该时间的读数已导入且数值不同", "a reading for this time is already stored with other values",
                        t._known & ~t._same))
    return checks, t


def import_readings(ws: Workspace, path: Path, *, actor: str) -> dict[str, Any]:
    """Check the readings of ``path`` and append the new ones to ``dc_readings``; a bad file changes nothing."""
    with read_file(ws, path, FIELDS) as raw:
        return _import(ws, raw, (f"计量数据文件 {path}", f"meter-reading file {path}"), str(path), actor)


def push_readings(ws: Workspace, rows: Sequence[Mapping[str, Any]], *, actor: str, source: str = "api") -> dict[str, Any]:
    """Readings pushed by a meter gateway (the later HTTP API): the same checks and append as a file.

    Each row maps field names (or their aliases) to values: ``{"dc": "NJ-001", "ts": "2025-01-01 00:15",
    "total_kwh": 1300, "it_kwh": 1000, "category": 3}``.
    """
    with read_rows(ws, rows, FIELDS) as raw:
        return _import(ws, raw, (f"推送的计量数据（{source}）", f"pushed readings ({source})"), source, actor)


def _import(ws: Workspace, raw: ir.Table, what: tuple[str, str], source: str, actor: str) -> dict[str, Any]:
    stored, seen = _stored(ws)
    sites = registry_table(ws).select("code", "design_it_kw")
    t = _parsed(raw)
    t = t.left_join(sites, t.dc == sites.code).drop("code")
    checks, t = _checks(_with_interval(t), stored)
    # parsing, the interval windows and the joins are computed once, with every check as a column: the
    # checks, the counts and the new rows then read that (three passes over the file cost three times as much)
    checked = ws.engine.cache(t.mutate(**{f"_bad_{c.key}": c.bad for c in checks}))
    try:
        raise_problems(what, problems(ws.engine, checked, [Check(c.key, c.zh, c.en, checked[f"_bad_{c.key}"]) for c in checks]))
        c = ws.engine.to_pyarrow(checked.aggregate(rows=checked.count(), known=checked._known.cast("int64").sum(),
                                                   sites=checked.dc.nunique(), first=checked.ts.min(), last=checked.ts.max()))
        c = c.to_pylist()[0]
        result = {"source": source, "rows": int(c["rows"]), "skipped_known": int(c["known"] or 0), "sites": int(c["sites"]),
                  "first": str(c["first"]), "last": str(c["last"])}
        result["added"] = result["rows"] - result["skipped_known"]
        if result["added"] == 0:
            return {**result, "version": None}
        fresh = ws.engine.to_pyarrow(checked.filter(~checked._known).order_by(["dc", "ts"]).select(
            dc="dc", ts="ts", minutes=checked.step, total_kwh="total", it_kwh="it", category="cat", water_l="water",
            renewable_kwh="renewable"))
    finally:
        ws.engine.uncache(checked)

    def audit(s: Session, version: int) -> None:
        record(s, actor=actor, action="monitor.dc.readings", target=f"{READINGS}@v{version}", details=result)

    with ws.staging() as work:
        out = work / "readings.parquet"
        pq.write_table(fresh, out)
        # the new rows were decided against version ``seen``: another import since then fails this one (try again)
        done = ingest(ws, str(out), flags=dict(META), append=stored is not None, audit=audit, expect_latest=seen)
    return {**result, "version": done.version}
