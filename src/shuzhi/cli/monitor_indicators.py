"""``shuzhi monitor indicators``: the plan's indicators, their reported values, progress and the evaluation report."""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from shuzhi.cli.common import emit, handle_errors, out, text, workspace
from shuzhi.errors import ConfigError

app = typer.Typer(help="规划指标监测与定期评估 · plan indicators: values, progress, evaluation report", no_args_is_help=True)
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="操作人 [default: the login name]")]


def _n(v: float | None) -> str:
    return "—" if v is None else f"{v:,.4g}" if abs(v) < 1000 else f"{v:,.0f}"


def _p(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def _point(p: dict[str, Any] | None) -> str:
    return "—" if p is None else f"{_n(p['value'])} ({p['year']})"


@app.command("list")
@handle_errors
def list_command(ctx: typer.Context, json_: JsonOpt = False) -> None:
    """List the plan's indicators: baseline, target, direction, department, source clause. 列出规划指标。

    Example:

    \b
        shuzhi monitor indicators list
        shuzhi monitor indicators list --json
    """
    from shuzhi.monitor.indicators import list_indicators

    data = list_indicators()

    def render() -> None:
        table = Table(title=data["document"]["title"], header_style="bold")
        for zh, en in [("代码", "code"), ("指标", "indicator"), ("单位", "unit"), ("基期", "baseline"), ("目标", "target"),
                       ("方向", "direction"), ("责任部门", "department"), ("来源", "source")]:
            table.add_column(text(ctx, zh, en), overflow="fold")
        for i in data["indicators"]:
            kind = {"at_least": "≥", "at_most": "≤", "exact": "="}[i["target_kind"]]
            target = "—" if i["target"] is None else f"{kind}{_point(i['target'])}" + (" 新增 new" if i["cumulative_new"] else "")
            clause = i["source"].get("target") or i["source"].get("baseline") or {}
            table.add_row(i["code"], i["name"], i["unit"], _point(i["baseline"]), target, i["direction"],
                          f"{i['department']} {i['confidence'].get('department', '')}", clause.get("section", ""))
        out.print(table)

    emit(ctx, data, render)


@app.command("import")
@handle_errors
def import_command(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="指标值文件 CSV/XLSX values file")],
                   actor: ActorOpt = None, json_: JsonOpt = False) -> None:
    """Import indicator values (indicator, region, period, value, source) from CSV/XLSX. 导入指标值。

    Every row is checked first — unknown indicator or region, bad period (YYYY, YYYY-MM, YYYYQn),
    missing, non-numeric, negative or out-of-range value, a key given twice — and a file with any bad
    row changes nothing. A value for a key already stored replaces it.

    Example:

    \b
        shuzhi monitor indicators import values.csv
        shuzhi monitor indicators import 指标值.xlsx --actor 省工信厅
    """
    from shuzhi.monitor.indicators_values import import_values

    with workspace(ctx) as ws:
        data = import_values(ws, file, actor=actor or getpass.getuser())
    emit(ctx, data, lambda: out.print(text(
        ctx, f"{data['rows']} 个值：新增 {data['inserted']}，更新 {data['updated']}，未变 {data['unchanged']}",
        f"{data['rows']} value(s): {data['inserted']} inserted, {data['updated']} updated, {data['unchanged']} unchanged")))


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--as-of {value!r} 不是日期（YYYY-MM-DD）", f"--as-of {value!r} is not a date (YYYY-MM-DD)") from None


@app.command("progress")
@handle_errors
def progress_command(
    ctx: typer.Context,
    region: Annotated[str | None, typer.Option("--region", help="地区 region code or name [default: 320000 the province]")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="截至日期 YYYY-MM-DD [default: today]")] = None,
    json_: JsonOpt = False,
) -> None:
    """Progress of every indicator: latest value, progress, growth needed vs achieved, projection, status. 指标进度。

    For a 设区市 (the plan's targets are provincial) it lists values, growth and share of the province.

    Example:

    \b
        shuzhi monitor indicators progress
        shuzhi monitor indicators progress --as-of 2024-12-31 --json
        shuzhi monitor indicators progress --region 南京
    """
    from shuzhi.monitor.indicators_evaluate import evaluate

    with workspace(ctx) as ws:
        data = evaluate(ws, region=region, as_of=_as_of(as_of))

    def render() -> None:
        city = data["region"] != "320000"
        table = Table(title=f"{data['region_name']} {data['as_of']}", header_style="bold")
        heads = [("指标", "indicator"), ("最新值", "latest"), ("期间", "period")]
        heads += ([("年均增速", "growth"), ("占全省", "share")] if city else
                  [("目标", "target"), ("进度", "progress"), ("要求增速", "required"), ("实际增速", "actual"),
                   ("预测", "projection"), ("状态", "status")])
        for zh, en in heads:
            table.add_column(text(ctx, zh, en), overflow="fold")
        for i in data["indicators"]:
            latest = i["latest"] or {}
            row = [f"{i['name']}（{i['unit']}）", _n(latest.get("value")), latest.get("period", "—")]
            if city:
                row += [_p(i["growth"]), _p(i["share_of_province"])]
            else:
                proj = i["projection"]
                row += [_point(i["target"]), _p(i["progress"]), _p(i["required_cagr"]), _p(i["actual_cagr"]),
                        "—" if proj is None else f"{_n(proj['value'])} {proj['method']}", text(ctx, i["status_zh"], i["status_en"])]
            table.add_row(*row)
        out.print(table)

    emit(ctx, data, render)


@app.command("report")
@handle_errors
def report_command(
    ctx: typer.Context,
    period: Annotated[str, typer.Option("--period", help="评估期 YYYY or YYYY-MM (evaluated at its last day)")],
    html: Annotated[Path | None, typer.Option("--html", help="HTML 报告 report file")] = None,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="Excel 报告 workbook file")] = None,
    json_: JsonOpt = False,
) -> None:
    """Write the plan evaluation report (规划评估): progress chart, trends, status, cities, alerts. 规划评估报告。

    Example:

    \b
        shuzhi monitor indicators report --period 2024 --html 评估.html --xlsx 评估.xlsx
    """
    from shuzhi.monitor.indicators_report import write_indicator_report

    with workspace(ctx) as ws:
        data = write_indicator_report(ws, period, html=html, xlsx=xlsx)
    files = " ".join(f for f in (data["html"], data["xlsx"]) if f)
    emit(ctx, data, lambda: out.print(text(ctx, f"已写出 {files}", f"written: {files}")))
