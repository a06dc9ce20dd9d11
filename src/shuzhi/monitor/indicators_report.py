"""The 规划评估 report: the plan's indicators evaluated at the end of a period, as HTML and/or xlsx.

Facts (period, counts by status), a bar chart of progress per indicator with the 100 % line, a line
chart per key indicator (actual values, the straight path from baseline to target, the target line),
then the tables: progress and status, interim targets, alerts (at risk, off track), cities, tracked
indicators without a target, every value used, and where each number of the registry comes from.

>>> rows = [{"period": "2021", "as_of": "2021-12-31"}, {"period": "2023-06", "as_of": "2023-06-30"}]
>>> [_label(r, monthly=True) for r in rows], _label(rows[0], monthly=False)
(['2021-12', '2023-06'], '2021')
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from markupsafe import Markup

from shuzhi.errors import ConfigError
from shuzhi.monitor.charts import Series, bar_chart, line_chart
from shuzhi.monitor.indicators import Registry, load_registry
from shuzhi.monitor.indicators_evaluate import evaluate, evaluate_cities
from shuzhi.monitor.indicators_progress import STATUS
from shuzhi.monitor.indicators_values import load_values, period_end
from shuzhi.monitor.regions import PROVINCE, region_name
from shuzhi.monitor.report import Report, Section, Sheet, write_report
from shuzhi.workspace import Workspace

#: bar colour per status (Okabe–Ito, as the charts)
COLOURS = {"achieved": "#009E73", "on_track": "#0072B2", "at_risk": "#E69F00", "off_track": "#D55E00"}
PROGRESS_NOTE = ("进度 =（最新值 − 基期值）/（目标值 − 基期值），不截断；无基期时为 最新值/目标值（越低越好的指标为 目标值/最新值）。"
                 "预测：收入类按复合增长，其余按含基期的线性拟合，仅一个值时按持平。"
                 " Progress = (latest − baseline) / (target − baseline), unclamped; see docs/monitor-indicators.md.")
CITY_NOTE = "规划只设全省目标：地市列出数值、自首个值以来的年均增速和占全省比重（可加总的指标）。The plan sets provincial targets only."


def _short(name: str, width: int = 12) -> str:
    """A bar label that fits the chart's label column (about 12 Chinese characters)."""
    return name if len(name) <= width else name[: width - 1] + "…"


def _label(row: dict[str, Any], *, monthly: bool) -> str:
    return str(row["as_of"])[:7] if monthly else str(row["period"])[:4]


def _trend(item: dict[str, Any]) -> Markup:
    """Actual values, the linear path from baseline to target, and the target as a guide line."""
    b, t = item["baseline"], item["target"]
    points = list(item["series"])
    if b is not None and not any(p["as_of"] <= f"{b['year']}-12-31" for p in points):
        points.insert(0, {"period": str(b["year"]), "as_of": f"{b['year']}-12-31", "value": b["value"]})
    monthly = any(len(p["period"]) > 4 for p in points)
    actual = Series("实际 Actual", [(_label(p, monthly=monthly), p["value"]) for p in points])
    series, guides = [actual], []
    if t is not None:
        guides.append((t["value"], f"目标 {t['value']:g}"))
    if b is not None and t is not None:
        span = t["year"] - b["year"]
        path = [(_label({"period": str(y), "as_of": f"{y}-12-31"}, monthly=monthly),
                 b["value"] + (t["value"] - b["value"]) * (y - b["year"]) / span) for y in range(b["year"], t["year"] + 1)]
        series.append(Series("规划路径 Planned path", path))
    return line_chart(series, guides=guides, y_label=item["unit"])


def _progress_rows(items: list[dict[str, Any]]) -> list[list[Any]]:
    rows = []
    for i in items:
        latest, proj = i["latest"] or {}, i["projection"] or {}
        rows.append([i["code"], i["name"], i["unit"], (i["baseline"] or {}).get("value"), (i["target"] or {}).get("value"),
                     latest.get("value"), latest.get("period"), i["progress"], i["required_cagr"], i["actual_cagr"],
                     i["required_cagr_from_now"], proj.get("value"), proj.get("method"), STATUS[i["status"]][0],
                     i["department"]])
    return rows


PROGRESS_COLUMNS = [("代码 Code", "text"), ("指标 Indicator", "text"), ("单位 Unit", "text"), ("基期 Baseline", "num"),
                    ("目标 Target", "num"), ("最新值 Latest", "num"), ("期间 Period", "text"), ("进度 Progress", "pct"),
                    ("要求年均增速 Required CAGR", "pct"), ("实际年均增速 Actual CAGR", "pct"),
                    ("此后所需增速 Needed from now", "pct"), ("目标年预测 Projection", "num"), ("方法 Method", "text"),
                    ("状态 Status", "text"), ("责任部门 Department", "text")]


def build_report(ws: Workspace, period: str, *, registry: Registry | None = None) -> tuple[Report, dict[str, Any]]:
    """The report model for ``period`` (YYYY, YYYY-MM or YYYYQn) and the evaluation it shows."""
    reg = registry or load_registry()
    as_of = period_end(period)
    ev = evaluate(ws, as_of=as_of, registry=reg)
    items = ev["indicators"]
    targeted = [i for i in items if i["target"] is not None]
    counts = {k: sum(1 for i in items if i["status"] == k) for k in STATUS}
    values = load_values(ws, until=as_of)
    for i in items:
        i["series"] = [{"period": v["period"], "as_of": v["as_of"].isoformat(), "value": v["value"]}
                       for v in values if v["indicator"] == i["code"] and v["region"] == PROVINCE]
        if i["latest"] and i["latest"]["source"] == "live":
            i["series"].append(i["latest"])
    facts: list[tuple[str, Any]] = [
        ("规划 Plan", f"{reg.document.get('title')} {reg.document.get('title_en')}"),
        ("评估期 Period", period), ("截至 As of", as_of.isoformat()),
        ("有目标的指标 Indicators with a target", f"{len(targeted)} / {len(items)}"),
        *((f"{zh} {en}", counts[k]) for k, (zh, en) in STATUS.items()),
        ("指标登记版本 Registry version", reg.document.get("version")),
    ]
    shown = [i for i in targeted if i["progress"] is not None]
    bars = [(_short(i["name"]), i["progress"] * 100) for i in shown]
    colours = [COLOURS.get(i["status"], "#999999") for i in shown]
    overview = Section("总体进度", "Overall progress",
                       charts=[("各指标进度（%，有数据的指标） Progress per indicator with values (%)",
                                bar_chart(bars, unit="%", guide=(100.0, "目标 100%"), colours=colours))],
                       tables=[Sheet("指标进度 Progress", PROGRESS_COLUMNS, _progress_rows(targeted))], note=PROGRESS_NOTE)
    trends = Section("重点指标走势", "Key indicators",
                     charts=[(f"{i['name']}（{i['unit']}） {i['name_en']}", _trend(i)) for i in targeted if i["key"]])
    sections = [overview, trends, _interim(items), _alerts(targeted), _cities(ws, as_of, reg), _tracked(items),
                _values(values, reg), _sources(reg)]
    report = Report("规划实施评估报告", "Plan implementation evaluation", facts=facts, sections=sections)
    return report, {"period": period, "as_of": as_of.isoformat(), "indicators": len(items), "status": counts}


def _interim(items: list[dict[str, Any]]) -> Section:
    rows = [[i["name"], m["year"], m["target"], (m["actual"] or {}).get("value"), (m["actual"] or {}).get("period"),
             None if m["met"] is None else ("是" if m["met"] else "否"), m["source"]] for i in items for m in i["interim"]]
    cols = [("指标 Indicator", "text"), ("年份 Year", "int"), ("目标 Target", "num"), ("实际 Actual", "num"),
            ("期间 Period", "text"), ("是否达到 Met", "text"), ("来源 Source", "text")]
    return Section("中期目标", "Interim targets", tables=[Sheet("中期目标 Interim", cols, rows)])


def _alerts(targeted: list[dict[str, Any]]) -> Section:
    bad = [i for i in targeted if i["status"] in ("at_risk", "off_track")]
    rows = [[i["name"], STATUS[i["status"]][0], (i["latest"] or {}).get("value"), i["target"]["value"], i["progress"],
             (i["projection"] or {}).get("value"), i["required_cagr_from_now"], i["department"]] for i in bad]
    cols = [("指标 Indicator", "text"), ("状态 Status", "text"), ("最新值 Latest", "num"), ("目标 Target", "num"),
            ("进度 Progress", "pct"), ("预测 Projection", "num"), ("此后所需增速 Needed from now", "pct"),
            ("责任部门 Department", "text")]
    return Section("预警", "At risk and off track", tables=[Sheet("预警 Alerts", cols, rows)],
                   note=None if bad else "无 None")


def _cities(ws: Workspace, as_of: dt.date, reg: Registry) -> Section:
    rows = [[c["name"], c["region_name"], (c["latest"] or {}).get("period"), (c["latest"] or {}).get("value"), c["unit"],
             c["growth"], c["share_of_province"]] for c in evaluate_cities(ws, as_of=as_of, registry=reg)]
    cols = [("指标 Indicator", "text"), ("设区市 City", "text"), ("期间 Period", "text"), ("数值 Value", "num"),
            ("单位 Unit", "text"), ("年均增速 Growth", "pct"), ("占全省 Share", "pct")]
    return Section("设区市", "Cities", tables=[Sheet("设区市 Cities", cols, rows)], note=CITY_NOTE)


def _tracked(items: list[dict[str, Any]]) -> Section:
    rows = [[i["name"], i["unit"], (i["baseline"] or {}).get("value"), (i["latest"] or {}).get("value"),
             (i["latest"] or {}).get("period")] for i in items if i["target"] is None]
    cols = [("指标 Indicator", "text"), ("单位 Unit", "text"), ("2020 基期 Baseline", "num"), ("最新值 Latest", "num"),
            ("期间 Period", "text")]
    return Section("仅跟踪的指标（规划无目标）", "Tracked without a target", tables=[Sheet("仅跟踪 Tracked", cols, rows)])


def _values(values: list[dict[str, Any]], reg: Registry) -> Section:
    rows = [[reg.get(v["indicator"]).name, region_name(v["region"]), v["period"], v["value"], v["source"], v["entered_by"]]
            for v in values if v["indicator"] in reg.indicators]
    cols = [("指标 Indicator", "text"), ("地区 Region", "text"), ("期间 Period", "text"), ("数值 Value", "num"),
            ("来源 Source", "text"), ("录入人 Entered by", "text")]
    return Section("报送数值", "Reported values", tables=[Sheet("数值 Values", cols, rows)])


def _sources(reg: Registry) -> Section:
    rows = [[i.code, i.name, what, c.section, c.quote, i.confidence.get(what, "")]
            for i in reg.indicators.values() for what, c in i.source.items()]
    cols = [("代码 Code", "text"), ("指标 Indicator", "text"), ("数值 Value", "text"), ("条款 Clause", "text"),
            ("原文 Quote", "text"), ("可信度 Confidence", "text")]
    return Section("数据来源", "Sources", tables=[Sheet("来源 Sources", cols, rows)],
                   note=f"{reg.document.get('title')}；✅ 摘自规划原文，❓ 为我们的理解。✅ quoted, ❓ our reading.")


def write_indicator_report(ws: Workspace, period: str, *, html: Path | None = None, xlsx: Path | None = None,
                           registry: Registry | None = None) -> dict[str, Any]:
    """Evaluate at the end of ``period`` and write the report; returns the summary with the files written."""
    if html is None and xlsx is None:
        raise ConfigError("请至少给出 --html 或 --xlsx", "give --html and/or --xlsx")
    report, summary = build_report(ws, period, registry=registry)
    write_report(report, html=html, xlsx=xlsx)
    return {**summary, "html": str(html) if html else None, "xlsx": str(xlsx) if xlsx else None}
