"""The data-centre monitoring report (数据中心运行监测报告) of a period: HTML and xlsx.

Facts of the provincial roll-up, PUE trend per month (each large site and the province, with the 1.3
target), PUE by city, the ranking, the alerts, missing data and the registry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shuzhi.monitor import dc
from shuzhi.monitor.charts import Series, bar_chart, line_chart
from shuzhi.monitor.dc_period import parse_period
from shuzhi.monitor.dc_registry import dc_config, list_sites
from shuzhi.monitor.report import Report, Section, Sheet, write_report
from shuzhi.workspace import Workspace

#: sites drawn one line each in the trend chart (the largest by IT energy); the others only in the tables
TREND_SITES = 6

METRIC_COLUMNS: list[tuple[str, Any]] = [
    ("数据中心 DC", "text"), ("名称 Name", "text"), ("城市 City", "text"), ("规模 Size", "text"),
    ("PUE", "num"), ("类别 Category", "int"), ("WUE (L/kWh)", "num"), ("可再生占比 REF", "pct"),
    ("IT负载率 IT load", "pct"), ("上架率 Utilisation", "pct"), ("覆盖率 Coverage", "pct"),
    ("总耗电 Total kWh", "int"), ("IT耗电 IT kWh", "int"),
]


def _metric_row(r: dict[str, Any]) -> list[Any]:
    return [r["dc"], r.get("name"), r.get("city_name"), r.get("size_label"), r["pue"], r["category"], r["wue"], r["ref"],
            r["it_load"], r["utilisation"], r["coverage"], r["total_kwh"], r["it_kwh"]]


def build_report(ws: Workspace, period: str) -> Report:
    ranked = dc.ranking(ws, period)
    roll = dc.provincial(ws, period)
    grain = "month" if parse_period(period).grain == "year" else "day"  # a year by month, a month by day
    series_rows = dc.metrics(ws, period, grain=grain)["rows"]
    found = dc.alerts(ws, period)
    target = dc_config()["alerts"]["pue_new_large"]["max_pue"]
    prov = roll["province"] or {}
    facts = [("期间 Period", ranked["period"]), ("数据中心 Sites", found["sites"]),
             ("全省 PUE Province PUE", _fmt(prov.get("pue"))), ("全省上架率 Utilisation", _pct(prov.get("utilisation"))),
             ("告警 Alerts", len(found["alerts"])), ("新建大型 PUE 目标 Target", f"< {target:g}")]
    by_energy = sorted(ranked["rows"], key=lambda r: -(r["it_kwh"] or 0))[:TREND_SITES]
    width = 7 if grain == "month" else 10
    series = [Series(r["name"], [(str(x["bucket"])[:width], x["pue"]) for x in series_rows if x["dc"] == r["dc"]])
              for r in by_energy]
    trend = line_chart(series, guides=[(target, f"目标 {target:g}")], y_label="PUE")
    cities = bar_chart([(c["city_name"], c["pue"]) for c in roll["cities"]], guide=(target, f"{target:g}"),
                       maximum=max([2.0, *[c["pue"] or 0 for c in roll["cities"]]]))
    alert_rows = [[a["zh"], a["en"], a["dc"], a["name"], a["value"], a["threshold"], a["detail"]] for a in found["alerts"]]
    sites = list_sites(ws)
    return Report("数据中心运行监测报告", "Data-centre monitoring report", facts=facts, sections=[
        Section("能效趋势", "PUE trend", charts=[("主要数据中心 PUE（按 IT 耗电量取前几位） PUE of the largest sites", trend)]),
        Section("各市汇总", "By city", charts=[("各设区市 PUE（能耗加权） PUE by city, energy-weighted", cities)], tables=[
            Sheet("各市 By city", [("城市 City", "text"), ("数据中心 Sites", "int"), ("PUE", "num"), ("上架率 Utilisation", "pct"),
                                   ("IT负载率 IT load", "pct"), ("总耗电 Total kWh", "int")],
                  [[c["city_name"], c["sites"], c["pue"], c["utilisation"], c["it_load"], c["total_kwh"]] for c in roll["cities"]])]),
        Section("排名", "Ranking (PUE, best first)", tables=[
            Sheet("排名 Ranking", [("名次 Rank", "int"), *METRIC_COLUMNS], [[r["rank"], *_metric_row(r)] for r in ranked["rows"]])]),
        Section("告警", "Alerts", tables=[
            Sheet("告警 Alerts", [("告警 Alert", "text"), ("Alert", "text"), ("数据中心 DC", "text"), ("名称 Name", "text"),
                                  ("值 Value", "num"), ("阈值 Threshold", "num"), ("说明 Detail", "text")], alert_rows),
            Sheet("缺测 Gaps", [("数据中心 DC", "text"), ("之后 After", "text"), ("之前 Before", "text"), ("缺失间隔 Missing", "int")],
                  [[g["dc"], g["after"], g["before"], g["missing"]] for g in found["gaps"]])]),
        Section("登记信息", "Registry", tables=[
            Sheet("登记 Registry", [("代码 Code", "text"), ("名称 Name", "text"), ("城市 City", "text"), ("运营单位 Operator", "text"),
                                    ("统一社会信用代码 USCC", "text"), ("规模 Size", "text"), ("标准机架 Racks", "int"),
                                    ("在用 In service", "int"), ("设计IT kW", "num"), ("枢纽 Hub", "text"), ("新建 New", "text")],
                  [[s["code"], s["name"], s["city_name"], s["operator"], s["operator_uscc"], s["size_label"], s["racks_installed"],
                    s["racks_in_service"], s["design_it_kw"], s["hub"], "是" if s["new_build"] else "否"] for s in sites])]),
    ])


def write_dc_report(ws: Workspace, period: str, *, html: Path | None = None, xlsx: Path | None = None) -> dict[str, Any]:
    write_report(build_report(ws, period), html=html, xlsx=xlsx)
    return {"period": period, "html": str(html) if html else None, "xlsx": str(xlsx) if xlsx else None}


def _fmt(v: float | None) -> str:
    return "—" if v is None else f"{v:.3f}"


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"
