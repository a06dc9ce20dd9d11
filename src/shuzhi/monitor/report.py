"""Monitoring reports: one model, rendered as a self-contained HTML page or an xlsx workbook.

Each part of the monitor (data centres, plan indicators, industry) builds a :class:`Report` — facts,
then sections of charts and tables — and calls :func:`write_report`; the later web pages render the
same model. The page inlines its stylesheet and its charts are inline SVG (:mod:`shuzhi.monitor.charts`),
so it opens offline; every value is escaped.

>>> rep = Report("数据中心监测报告", "Data-centre monitoring report", facts=[("期间 Period", "2025-01")],
...              sections=[Section("排名", "Ranking", tables=[Sheet("排名 Ranking", [("名称 Name", "text")], [["<x>"]])])])
>>> page = render_html(rep)
>>> "数据中心监测报告" in page and "&lt;x&gt;" in page and "http" not in page.replace("http://www.w3.org", "")
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from shuzhi.errors import ConfigError
from shuzhi.xlsx import Sheet, write_workbook

__all__ = ["Report", "Section", "Sheet", "render_html", "write_report"]


@dataclass
class Section:
    """A heading, optional charts (inline SVG) with captions, an optional note, and tables."""

    title: str
    title_en: str
    charts: list[tuple[str, Markup]] = field(default_factory=list)
    tables: list[Sheet] = field(default_factory=list)
    note: str | None = None


@dataclass
class Report:
    title: str
    title_en: str
    facts: list[tuple[str, Any]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def render_html(report: Report) -> str:
    """The report as one HTML page (Chinese first, English beside it)."""
    return _template().render(r=report, css=Markup(_read("report.css")), cell=_cell)


def write_report(report: Report, *, html: Path | None = None, xlsx: Path | None = None) -> None:
    """Write the HTML page and/or the workbook (a 概览 sheet of the facts, then every table), each whole or not at all.

    >>> write_report(Report("t", "t"), html=Path("/no/such/dir/r.html"))
    Traceback (most recent call last):
    shuzhi.errors.ConfigError: folder does not exist: /no/such/dir (writing /no/such/dir/r.html)
    """
    from shuzhi.atomic import write_text

    if html is not None:
        write_text(Path(html), render_html(report))
    if xlsx is not None:
        facts = Sheet("概览 Summary", [("项目 Field", "text"), ("值 Value", "text")], [[k, v] for k, v in report.facts])
        sheets = [facts, *(t for s in report.sections for t in s.tables)]
        names = [s.name for s in sheets]
        if len(set(names)) != len(names):
            raise ConfigError(f"报告工作表重名：{names}", f"report sheet names repeat: {names}")
        write_workbook(Path(xlsx), f"{report.title} {report.title_en}", sheets)


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if kind == "pct" and isinstance(value, (int, float)):
        return f"{value * 100:.1f}%"
    if kind == "int" and isinstance(value, (int, float)):
        return f"{value:,.0f}"
    if kind == "num" and isinstance(value, (int, float)):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return str(value)


def _read(name: str) -> str:
    return (resources.files("shuzhi.monitor") / "templates" / name).read_text(encoding="utf-8")


@functools.cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(_read("report.html.j2"))
