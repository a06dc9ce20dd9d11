"""The 产业地图 (industry map) of Jiangsu: a grid cartogram of the 13 cities coloured by a metric.

There is no boundary data in shuzhi and no network at run time, so the map is a tile-free grid
cartogram: one rounded square per city, hand-laid on a 4 × 5 grid that keeps the cities' real
arrangement (徐州 and 连云港 in the north, 宿迁 淮安 盐城 in the middle band, 南京 in the west and
苏州 in the south-east). The layout is data (``data/jiangsu_map.json``, with each seat's approximate
coordinates and a note that it is not a survey boundary). Squares are coloured on a five-class
sequential scale with equal-interval breaks up to a round maximum; the legend shows the classes.

>>> class_breaks([0, 37, 88])
[20.0, 40.0, 60.0, 80.0, 100.0]
>>> [colour_class(v, [20.0, 40.0, 60.0, 80.0, 100.0]) for v in (0, 20, 20.5, 88, None)]
[0, 0, 1, 4, None]
>>> svg = map_svg({"320100": 12, "320500": None}, unit="家")
>>> "南京" in svg and "苏州" in svg and "<script" not in svg
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from shuzhi.errors import ConfigError
from shuzhi.monitor.industry_chain import chain
from shuzhi.monitor.report import Report, Section, Sheet, write_report
from shuzhi.workspace import Workspace

#: ColorBrewer "Blues", 5 classes (sequential, colour-blind safe), light to dark
SCALE = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
NO_DATA = "#e0e0e0"
METRICS = {"count": ("企业数", "enterprises", "家"), "revenue": ("营业收入", "revenue", "亿元")}
CELL, GAP, MARGIN, LEGEND = 104, 10, 16, 190


@cache
def layout() -> dict[str, Any]:
    """``data/jiangsu_map.json``: grid position, name and approximate seat coordinates of each city."""
    with (resources.files("shuzhi.monitor") / "data" / "jiangsu_map.json").open(encoding="utf-8") as f:
        return json.load(f)


def class_breaks(values: Sequence[float | None], classes: int = len(SCALE)) -> list[float]:
    """Upper bounds of ``classes`` equal intervals from 0 to a round number at or above the largest value."""
    top = max([v for v in values if v is not None] + [0.0])
    if top <= 0:
        return [float(i + 1) for i in range(classes)]
    magnitude = 10 ** math.floor(math.log10(top))
    nice = next(m * magnitude for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * magnitude >= top)
    return [round(nice * (i + 1) / classes, 10) for i in range(classes)]


def colour_class(value: float | None, breaks: Sequence[float]) -> int | None:
    """The class of ``value``: the first break it does not exceed (None: no data)."""
    if value is None:
        return None
    return next((i for i, b in enumerate(breaks) if value <= b), len(breaks) - 1)


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def map_svg(values: Mapping[str, float | None], *, unit: str, title: str = "") -> Markup:
    """The cartogram as inline SVG: every city's square coloured by its value (a missing city: no data)."""
    spec = layout()
    breaks = class_breaks(list(values.values()))
    cols, rows = spec["grid"]["columns"], spec["grid"]["rows"]
    width, height = 2 * MARGIN + cols * (CELL + GAP) + LEGEND, 2 * MARGIN + rows * (CELL + GAP)
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
              f'role="img" aria-label="{escape(title)}" font-size="12">')]
    for code, city in spec["cities"].items():
        value = values.get(code)
        k = colour_class(value, breaks)
        x, y = MARGIN + city["column"] * (CELL + GAP), MARGIN + city["row"] * (CELL + GAP)
        ink = "#ffffff" if k is not None and k >= 3 else "#222222"
        shown = "—" if value is None else f"{_fmt(value)} {unit}"
        parts.append(f'<g class="city" data-code="{escape(code)}" data-class="{"" if k is None else k}">'
                     f'<title>{escape(city["name"])}：{escape(shown)}</title>'
                     f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="14" fill="{NO_DATA if k is None else SCALE[k]}" '
                     f'stroke="#ffffff" stroke-width="2"/>'
                     f'<text x="{x + CELL / 2}" y="{y + CELL / 2 - 4}" text-anchor="middle" font-size="17" font-weight="bold" '
                     f'fill="{ink}">{escape(city["short"])}</text>'
                     f'<text x="{x + CELL / 2}" y="{y + CELL / 2 + 18}" text-anchor="middle" fill="{ink}">{escape(shown)}</text></g>')
    lx = 2 * MARGIN + cols * (CELL + GAP)
    parts.append(f'<text x="{lx}" y="{MARGIN + 12}" fill="#333" font-weight="bold">{escape(unit)}</text>')
    lower = 0.0
    for i, (b, colour) in enumerate(zip(breaks, SCALE, strict=True)):
        ly = MARGIN + 24 + i * 24
        parts.append(f'<rect x="{lx}" y="{ly}" width="18" height="16" rx="3" fill="{colour}" stroke="#999"/>'
                     f'<text x="{lx + 26}" y="{ly + 12}" fill="#333">{_fmt(lower)} – {_fmt(b)}</text>')
        lower = b
    ly = MARGIN + 24 + len(breaks) * 24
    parts.append(f'<rect x="{lx}" y="{ly}" width="18" height="16" rx="3" fill="{NO_DATA}" stroke="#999"/>'
                 f'<text x="{lx + 26}" y="{ly + 12}" fill="#333">无数据 no data</text>'
                 f'<text x="{lx}" y="{height - MARGIN}" fill="#777" font-size="10">示意网格图，非测绘边界</text>'
                 f'<text x="{lx}" y="{height - MARGIN + 12}" fill="#777" font-size="10">cartogram, not a boundary map</text></svg>')
    return Markup("".join(parts))


def industry_map(ws: Workspace, *, metric: str = "count", coverage: dict[str, Any] | None = None) -> dict[str, Any]:
    """Each city's value of ``metric`` (``count`` of enterprises or ``revenue`` in 亿元), its class, the breaks and the SVG.

    ``coverage``: the result of :func:`~shuzhi.monitor.industry_chain.chain` when the caller has it already.
    """
    if metric not in METRICS:
        raise ConfigError(f"未知的地图指标：{metric!r}（可用：{', '.join(METRICS)}）", f"unknown map metric: {metric!r} (known: {', '.join(METRICS)})")
    zh, en, unit = METRICS[metric]
    values = {c["city"]: float(c[metric]) for c in (coverage or chain(ws))["cities"]}
    breaks = class_breaks(list(values.values()))
    rows = [{"city": code, "name": city["name"], "value": values.get(code), "class": colour_class(values.get(code), breaks)}
            for code, city in layout()["cities"].items()]
    return {"metric": metric, "label": f"{zh} {en}", "unit": unit, "breaks": breaks, "cities": rows,
            "svg": map_svg(values, unit=unit, title=f"江苏省大数据产业地图：{zh}")}


def map_section(data: dict[str, Any]) -> Section:
    """A report section of one map (:func:`industry_map`) with its values as a table."""
    zh, en, _ = METRICS[data["metric"]]
    sheet = Sheet(f"地图 Map {data['metric']}", [("代码 Code", "text"), ("城市 City", "text"), (f"{zh} {en} ({data['unit']})", "num"),
                                                 ("色阶 Class", "int")],
                  [[r["city"], r["name"], r["value"], None if r["class"] is None else r["class"] + 1] for r in data["cities"]])
    return Section(f"产业地图：{zh}", f"Industry map: {en}", charts=[(f"{zh} {en}（{data['unit']}）", data["svg"])], tables=[sheet],
                   note=layout()["note"])


def write_map(ws: Workspace, *, metric: str = "count", html: Path) -> dict[str, Any]:
    """Write the map of ``metric`` as a self-contained HTML page; returns the map's data without the SVG."""
    data = industry_map(ws, metric=metric)
    write_report(Report("江苏省大数据产业地图", "Jiangsu big-data industry map", sections=[map_section(data)]), html=html)
    return {**{k: v for k, v in data.items() if k != "svg"}, "html": str(html)}
