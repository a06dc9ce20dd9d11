"""``shuzhi monitor dc``: the data-centre registry, meter readings, metrics, rankings, alerts and reports."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

from shuzhi.cli.common import emit, handle_errors, out, text, workspace

app = typer.Typer(help="数据中心能效监测 · data-centre energy efficiency (PUE, WUE, 上架率)", no_args_is_help=True)
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="操作人 [default: the login name]")]
PeriodArg = Annotated[str, typer.Argument(help="期间 period: YYYY, YYYY-MM or YYYY-MM-DD")]


def _say(line: str) -> None:
    """Print a line of user data (site names) literally: never read as Rich markup."""
    out.print(line, markup=False, highlight=False)


def _f(v: float | None, digits: int = 3) -> str:
    return "—" if v is None else f"{v:.{digits}f}"


def _p(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


@app.command("register")
@handle_errors
def register_command(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="登记文件 CSV/XLSX registry file")],
                     actor: ActorOpt = None, json_: JsonOpt = False) -> None:
    """Add or update data centres from a CSV/XLSX file (one row each). 登记数据中心。

    Every row is checked first (codes, Jiangsu city or county, the operator's 统一社会信用代码, racks,
    capacity, dates); a file with any bad row changes nothing.

    Example:

    \b
        shuzhi monitor dc register dc_sites.csv
    """
    from shuzhi.monitor.dc_registry import import_registry

    with workspace(ctx) as ws:
        data = import_registry(ws, file, actor=actor or getpass.getuser())
    emit(ctx, data, lambda: _say(text(ctx, f"登记 {data['rows']} 个：新增 {data['inserted']}，更新 {data['updated']}，未变 {data['unchanged']}",
                                           f"{data['rows']} site(s): {data['inserted']} added, {data['updated']} updated, {data['unchanged']} unchanged")))


@app.command("list")
@handle_errors
def list_command(ctx: typer.Context, city: Annotated[str | None, typer.Option("--city", help="城市 city code or name")] = None,
                 json_: JsonOpt = False) -> None:
    """List registered data centres with size class and 上架率. 列出数据中心。

    Example:

    \b
        shuzhi monitor dc list --city 南京
    """
    from shuzhi.monitor.dc_registry import list_sites

    with workspace(ctx) as ws:
        sites = list_sites(ws, city=city)

    def render() -> None:
        for s in sites:
            _say(f"{s['code']}  {s['name']}  {s['city_name']}  {s['size_label']}  racks {s['racks_in_service']}/{s['racks_installed']}"
                      f" ({_p(s['utilisation'])})  {s['design_it_kw']:g} kW" + ("  新建 new" if s["new_build"] else ""))

    emit(ctx, {"sites": sites}, render)


@app.command("readings")
@handle_errors
def readings_command(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="计量数据文件 CSV/XLSX readings file")],
                     actor: ActorOpt = None, json_: JsonOpt = False) -> None:
    """Import meter readings (total and IT kWh per interval, category, water, renewable). 导入能耗计量数据。

    The whole file is checked first (unknown site, bad time or number, negative values, IT above total,
    repeated times, unit mistakes, readings stored before with other values) and a bad file changes
    nothing; readings already stored with the same values are skipped and counted.

    Example:

    \b
        shuzhi monitor dc readings readings-2025-01.csv
    """
    from shuzhi.monitor.dc_readings import import_readings

    with workspace(ctx) as ws:
        data = import_readings(ws, file, actor=actor or getpass.getuser())
    emit(ctx, data, lambda: _say(text(
        ctx, f"读数 {data['rows']} 条（{data['sites']} 个数据中心，{data['first']} 至 {data['last']}）：新增 {data['added']}，已存在 {data['skipped_known']}",
        f"{data['rows']} reading(s) ({data['sites']} site(s), {data['first']} to {data['last']}): {data['added']} added, "
        f"{data['skipped_known']} already stored")))


@app.command("metrics")
@handle_errors
def metrics_command(
    ctx: typer.Context, period: PeriodArg,
    grain: Annotated[str | None, typer.Option("--grain", help="按日/月拆分 split by day|month")] = None,
    rolling: Annotated[bool, typer.Option("--rolling", help="每月的滚动 12 个月 rolling 12 months ending each month")] = False,
    dc: Annotated[str | None, typer.Option("--dc", help="只看一个数据中心 one site")] = None,
    json_: JsonOpt = False,
) -> None:
    """PUE (with its category), WUE, REF, IT 负载率, 上架率 and coverage per site. 能效指标。

    Example:

    \b
        shuzhi monitor dc metrics 2025
        shuzhi monitor dc metrics 2025 --grain month --dc NJ-001
        shuzhi monitor dc metrics 2025-12 --rolling
    """
    from shuzhi.monitor.dc import metrics

    with workspace(ctx) as ws:
        data = metrics(ws, period, grain=grain, rolling=rolling, dc=dc)

    def render() -> None:
        for r in data["rows"]:
            when = f"{str(r['bucket'])[:10]}  " if "bucket" in r else ""
            _say(f"{when}{r['dc']}  {r['name']}  PUE {_f(r['pue'])} (cat {r['category']})  WUE {_f(r['wue'], 2)}  REF {_p(r['ref'])}"
                      f"  IT load {_p(r['it_load'])}  racks {_p(r['utilisation'])}  coverage {_p(r['coverage'])}")

    emit(ctx, data, render)


@app.command("rank")
@handle_errors
def rank_command(ctx: typer.Context, period: PeriodArg,
                 by: Annotated[str, typer.Option("--by", help="pue|wue|ref|it_load|utilisation")] = "pue",
                 json_: JsonOpt = False) -> None:
    """Rank sites best first (PUE and WUE ascending, the others descending). 排名。

    Example:

    \b
        shuzhi monitor dc rank 2025 --by pue
    """
    from shuzhi.monitor.dc import ranking

    with workspace(ctx) as ws:
        data = ranking(ws, period, by=by)
    def render() -> None:
        for r in data["rows"]:
            _say(f"{r['rank']:>3}. {r['dc']}  {r['name']}  {r['city_name']}  {by} {_f(r[by])}")

    emit(ctx, data, render)


@app.command("rollup")
@handle_errors
def rollup_command(ctx: typer.Context, period: PeriodArg, json_: JsonOpt = False) -> None:
    """Energy-weighted PUE, 上架率 and IT load per city and for the province. 全省及各市汇总。

    Example:

    \b
        shuzhi monitor dc rollup 2025
    """
    from shuzhi.monitor.dc import provincial

    with workspace(ctx) as ws:
        data = provincial(ws, period)

    def render() -> None:
        rows = [*data["cities"], *([data["province"]] if data["province"] else [])]
        for c in rows:
            _say(f"{c['city_name']}  {c['sites']}  PUE {_f(c['pue'])}  racks {_p(c['utilisation'])}  IT load {_p(c['it_load'])}")

    emit(ctx, data, render)


@app.command("alerts")
@handle_errors
def alerts_command(ctx: typer.Context, period: PeriodArg, json_: JsonOpt = False) -> None:
    """Alerts: new large sites at or above the PUE target, the retrofit line, low 上架率, missing data, meter anomalies. 告警。

    Thresholds are data (``monitor/data/dc.yaml``). Exits 0 whether or not there are alerts.

    Example:

    \b
        shuzhi monitor dc alerts 2025-06
    """
    from shuzhi.monitor.dc import alerts

    with workspace(ctx) as ws:
        data = alerts(ws, period)

    def render() -> None:
        if not data["alerts"]:
            _say(text(ctx, "没有告警", "no alerts"))
        for a in data["alerts"]:
            value = _f(a["value"]) if a["kind"] != "anomaly" else f"{a['value']:g}"
            _say(f"{text(ctx, a['zh'], a['en'])}: {a['dc']} {a['name'] or ''} {value} / {a['threshold']:g} {a['detail']}")

    emit(ctx, data, render)


@app.command("report")
@handle_errors
def report_command(ctx: typer.Context, period: PeriodArg,
                   html: Annotated[Path | None, typer.Option("--html", help="HTML 报告 report file")] = None,
                   xlsx: Annotated[Path | None, typer.Option("--xlsx", help="Excel 报告 report file")] = None,
                   json_: JsonOpt = False) -> None:
    """Write the monitoring report of a period (offline HTML with charts, and/or xlsx). 运行监测报告。

    Example:

    \b
        shuzhi monitor dc report 2025 --html dc-2025.html --xlsx dc-2025.xlsx
    """
    from shuzhi.errors import ConfigError
    from shuzhi.monitor.dc_report import write_dc_report

    if html is None and xlsx is None:
        raise ConfigError("请至少给出 --html 或 --xlsx", "give --html or --xlsx (or both)")
    with workspace(ctx) as ws:
        data = write_dc_report(ws, period, html=html, xlsx=xlsx)
    emit(ctx, data, lambda: _say(text(ctx, f"已写入 {', '.join(p for p in (data['html'], data['xlsx']) if p)}",
                                           f"written: {', '.join(p for p in (data['html'], data['xlsx']) if p)}")))
