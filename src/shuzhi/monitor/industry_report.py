"""The industry report (大数据产业运行监测报告): facts, the 产业地图, revenue by city, chain coverage,
the 长短板清单 and the enterprise list, as an HTML page and/or an xlsx workbook.

>>> [s.name for s in _board_sheets({"short_board": [], "long_board": []})]
['长短板清单 Boards']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shuzhi.monitor.charts import bar_chart
from shuzhi.monitor.industry import industry_config, list_enterprises
from shuzhi.monitor.industry_chain import chain
from shuzhi.monitor.industry_map import industry_map, map_section
from shuzhi.monitor.report import Report, Section, Sheet, write_report
from shuzhi.workspace import Workspace


def _facts(data: dict[str, Any], enterprises: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    facts: list[tuple[str, Any]] = [
        ("企业数 Enterprises", len(enterprises)),
        ("大数据业务收入（亿元）Revenue (100 million yuan)", round(sum(c["revenue"] for c in data["cities"]), 2)),
    ]
    for seg in data["segments"]:
        cells = [c for c in data["cells"] if c["segment"] == seg["key"]]
        facts.append((f"{seg['zh']} {seg['en']}", f"{sum(c['count'] for c in cells)} 家，{round(sum(c['revenue'] for c in cells), 2):g} 亿元"))
    years = sorted({e["revenue_year"] for e in enterprises if e["revenue_year"] is not None})
    if years:
        facts.append(("收入年度 Revenue year", f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])))
    facts += [("短板 Short boards", len(data["short_board"])), ("长板 Long boards", len(data["long_board"])),
              ("依据 Source", industry_config().source)]
    return facts


def _coverage_sheet(data: dict[str, Any]) -> Sheet:
    segs = data["segments"]
    rows = []
    for city in data["cities"]:
        counts = [c["count"] for c in data["cells"] if c["city"] == city["city"]]
        rows.append([city["city_name"], *counts, city["count"], city["revenue"]])
    return Sheet("覆盖 Coverage", [("城市 City", "text"), *((f"{s['zh']} {s['en']}", "int") for s in segs),
                                   ("合计 Total", "int"), ("收入（亿元）Revenue", "num")], rows)


def _board_sheets(data: dict[str, Any]) -> list[Sheet]:
    rows: list[list[Any]] = [[b["city_name"], b["segment_name"], "短板 short", "；".join(r["zh"] for r in b["reasons"]), None]
                             for b in data["short_board"]]
    rows += [[b["city_name"], b["segment_name"], "长板 long", f"占全省该环节收入 {b['province_share']:.1%}", b["province_share"]]
             for b in data["long_board"]]
    return [Sheet("长短板清单 Boards", [("城市 City", "text"), ("环节 Segment", "text"), ("类型 Kind", "text"),
                                     ("原因 Reason", "text"), ("全省占比 Province share", "pct")], rows)]


def _enterprise_sheet(enterprises: list[dict[str, Any]]) -> Sheet:
    return Sheet("企业名录 Enterprises", [("统一社会信用代码 USCC", "text"), ("企业名称 Name", "text"), ("城市 City", "text"),
                                        ("环节 Segment", "text"), ("收入（亿元）Revenue", "num"), ("年度 Year", "int"),
                                        ("标签 Tags", "text"), ("园区 Parks", "text")],
                 [[e["uscc"], e["name"], e["city_name"], e["segment_name"], e["revenue"], e["revenue_year"],
                   "、".join(e["tags"]), "、".join(e["parks"])] for e in enterprises])


def build_report(ws: Workspace) -> Report:
    """The report of the whole 企业库 as a :class:`~shuzhi.monitor.report.Report`."""
    data, enterprises = chain(ws), list_enterprises(ws)
    rules = data["rules"]
    by_revenue = sorted(data["cities"], key=lambda c: -c["revenue"])
    note = (f"短板：企业少于 {rules['min_count']} 家，或收入低于全市大数据收入的 {rules['min_share']:.0%}"
            + ("，或没有骨干企业（" + "、".join(rules["leading_tags"]) + "）" if rules["need_leading"] else "")
            + f"；长板：占全省该环节收入不低于 {rules['min_province_share']:.0%}。")
    return Report("江苏省大数据产业运行监测报告", "Jiangsu big-data industry report", facts=_facts(data, enterprises), sections=[
        map_section(industry_map(ws, metric="count", coverage=data)),
        map_section(industry_map(ws, metric="revenue", coverage=data)),
        Section("各市大数据业务收入", "Revenue by city",
                charts=[("营业收入（亿元）Revenue", bar_chart([(c["city_name"], c["revenue"]) for c in by_revenue], unit=" 亿元"))]),
        Section("产业链覆盖", "Chain coverage (enterprises by city and segment)", tables=[_coverage_sheet(data)]),
        Section("长短板清单", "Long and short boards", tables=_board_sheets(data), note=note),
        Section("企业名录", "Enterprises", tables=[_enterprise_sheet(enterprises)]),
    ])


def write_industry_report(ws: Workspace, *, html: Path | None = None, xlsx: Path | None = None) -> dict[str, Any]:
    """Write the report; returns the facts and the files written."""
    report = build_report(ws)
    write_report(report, html=html, xlsx=xlsx)
    return {"facts": [[k, v] for k, v in report.facts], "html": None if html is None else str(html),
            "xlsx": None if xlsx is None else str(xlsx)}
