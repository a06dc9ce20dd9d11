"""``shuzhi monitor``: data-centre energy efficiency, the plan's indicators, the big-data industry."""

from __future__ import annotations

import typer

from shuzhi.cli import monitor_dc, monitor_indicators, monitor_industry

app = typer.Typer(help="运行监测：数据中心、规划指标、产业 · monitoring: data centres, plan indicators, industry",
                  no_args_is_help=True)
app.add_typer(monitor_dc.app, name="dc")
app.add_typer(monitor_indicators.app, name="indicators")
app.add_typer(monitor_industry.app, name="industry")
