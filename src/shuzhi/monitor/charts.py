"""Charts for the monitoring reports, as inline SVG computed here: no script, no font, no network.

Every label is escaped (names of data centres and enterprises are user data). Each function returns
``Markup`` ready to drop into a page.

>>> svg = line_chart([Series("南京一号", [("2025-01", 1.42), ("2025-02", 1.38)])], guides=[(1.3, "目标 1.3")])
>>> svg.startswith("<svg") and "南京一号" in svg and "目标 1.3" in svg
True
>>> "&lt;b&gt;" in bar_chart([("<b>", 3.0)], unit="亿元")
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

#: series colours (colour-blind safe, Okabe–Ito)
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
WIDTH = 640
MAX_X_LABELS = 8
LEGEND_COLUMNS = 3


@dataclass(frozen=True)
class Series:
    """A named line: ``points`` are (x label, value or None for a gap), in order; all series share the x labels."""

    name: str
    points: Sequence[tuple[str, float | None]]


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / max(ticks, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.2f}".rstrip("0").rstrip(".")


def line_chart(series: Sequence[Series], *, guides: Sequence[tuple[float, str]] = (), height: int = 240,
               y_label: str = "") -> Markup:
    """Lines over shared x labels, with horizontal guide lines (targets, thresholds) labelled at the right,
    and a legend under the plot."""
    left, right, top, bottom = 56, 70, 16, 40
    labels: list[str] = []
    for s in series:
        labels += [x for x, _ in s.points if x not in labels]
    labels.sort()
    values = [v for s in series for _, v in s.points if v is not None] + [g for g, _ in guides]
    if not labels or not values:
        return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="40" role="img"><text x="8" y="24">—</text></svg>')
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.1 or abs(hi) * 0.1 or 1.0
    step = _nice_step(hi - lo + 2 * pad)
    lo, hi = math.floor((lo - pad) / step) * step, math.ceil((hi + pad) / step) * step
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    named = [s for s in series if s.name]
    legend_rows = math.ceil(len(named) / LEGEND_COLUMNS)
    total_h = height + legend_rows * 16

    def x(i: int) -> float:
        return round(left + (plot_w * i / (len(labels) - 1) if len(labels) > 1 else plot_w / 2), 1)

    def y(v: float) -> float:
        return round(top + plot_h * (hi - v) / (hi - lo), 1)

    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {total_h}" width="{WIDTH}" height="{total_h}" '
              f'role="img" aria-label="{escape(y_label)}" font-size="11">')]
    tick = lo
    while tick <= hi + step / 2:
        parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(tick)}" y2="{y(tick)}" stroke="#e5e5e5"/>'
                     f'<text x="{left - 6}" y="{y(tick) + 4}" text-anchor="end" fill="#555">{_fmt(tick)}</text>')
        tick += step
    for i in _x_ticks(len(labels)):
        parts.append(f'<text x="{x(i)}" y="{height - bottom + 16}" text-anchor="middle" fill="#555">{escape(labels[i])}</text>')
    for value, text in guides:
        parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(value)}" y2="{y(value)}" stroke="#D55E00" '
                     f'stroke-dasharray="5 3"/><text x="{WIDTH - right + 4}" y="{y(value) + 4}" fill="#D55E00">{escape(text)}</text>')
    index = {label: i for i, label in enumerate(labels)}
    for n, s in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        run: list[str] = []
        for label, value in [*s.points, ("", None)]:
            if value is None:
                if len(run) > 1:
                    parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(run)}"/>')
                elif run:
                    cx, cy = run[0].split(",")
                    parts.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="{colour}"/>')
                run = []
            else:
                run.append(f"{x(index[label])},{y(value)}")
    column_w = (WIDTH - left) // LEGEND_COLUMNS
    for n, s in enumerate(named):
        lx, ly = left + (n % LEGEND_COLUMNS) * column_w, height + (n // LEGEND_COLUMNS) * 16
        colour = PALETTE[series.index(s) % len(PALETTE)]
        parts.append(f'<rect x="{lx}" y="{ly - 6}" width="12" height="3" fill="{colour}"/>'
                     f'<text x="{lx + 16}" y="{ly - 1}" fill="#333">{escape(s.name)}</text>')
    parts.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="#999"/></svg>')
    return Markup("".join(parts))


def _x_ticks(n: int) -> list[int]:
    """Indexes of the x labels drawn: every k-th, and the last one unless it would crowd the one before.

    >>> _x_ticks(12), _x_ticks(5)
    ([0, 2, 4, 6, 8, 10], [0, 1, 2, 3, 4])
    """
    every = max(1, math.ceil(n / MAX_X_LABELS))
    ticks = list(range(0, n, every))
    if ticks and ticks[-1] != n - 1 and n - 1 - ticks[-1] >= every:
        ticks.append(n - 1)
    return ticks


def bar_chart(rows: Sequence[tuple[str, float | None]], *, unit: str = "", maximum: float | None = None,
              guide: tuple[float, str] | None = None, colours: Sequence[str] | None = None) -> Markup:
    """Horizontal bars, one row per (label, value); a None value is drawn as "—". ``guide`` is a vertical line."""
    label_w, row_h, bar_len, top = 150, 24, WIDTH - 150 - 90, 8
    values = [v for _, v in rows if v is not None] + ([guide[0]] if guide else [])
    top_value = maximum if maximum is not None else max([*values, 0.0]) or 1.0
    height = top + row_h * len(rows) + 20
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
              'role="img" font-size="11">')]
    for i, (label, value) in enumerate(rows):
        y = top + i * row_h
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" fill="#333">{escape(label)}</text>')
        if value is None:
            parts.append(f'<text x="{label_w + 4}" y="{y + 15}" fill="#999">—</text>')
            continue
        width = round(bar_len * max(0.0, min(value, top_value)) / top_value, 1)
        colour = colours[i] if colours else PALETTE[0]
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{width}" height="{row_h - 8}" fill="{colour}"/>'
                     f'<text x="{label_w + width + 4}" y="{y + 15}" fill="#333">{_fmt(value)}{escape(unit)}</text>')
    if guide is not None:
        gx = round(label_w + bar_len * min(guide[0], top_value) / top_value, 1)
        parts.append(f'<line x1="{gx}" x2="{gx}" y1="{top}" y2="{height - 16}" stroke="#D55E00" stroke-dasharray="5 3"/>'
                     f'<text x="{gx}" y="{height - 4}" text-anchor="middle" fill="#D55E00">{escape(guide[1])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
