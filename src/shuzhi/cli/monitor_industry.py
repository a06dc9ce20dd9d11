"""``shuzhi monitor industry``: the big-data industry database (企业库), chain coverage and the 产业地图."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from shuzhi.cli.common import emit, handle_errors, out, text, workspace
from shuzhi.errors import ConfigError

app = typer.Typer(help="大数据产业运行监测：企业库、产业链长短板、产业地图 · big-data industry: enterprises, chain, map",
                  no_args_is_help=True)
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="操作人 [default: the login name]")]
CityOpt = Annotated[str | None, typer.Option("--city", help="设区市代码或名称 city code or name")]


@app.command("import")
@handle_errors
def import_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="企业名单 CSV/Excel/JSON enterprise file")],
    actor: ActorOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Add or update enterprises from a file; one bad row and nothing changes. 导入企业库。

    Columns: 统一社会信用代码, 企业名称, 所在城市, 产业链环节, and optionally 营业收入(亿元),
    年度, 标签 (separated by 、 , ; or |), 园区. Enterprises are matched by 统一社会信用代码.

    Example:

    \b
        shuzhi monitor industry import enterprises.csv
    """
    from shuzhi.monitor.industry_import import import_enterprises

    with workspace(ctx) as ws:
        data = import_enterprises(ws, file, actor=actor or getpass.getuser())
    emit(ctx, data, lambda: out.print(escape(text(
        ctx, f"{file}：{data['rows']} 家企业，新增 {data['inserted']}，更新 {data['updated']}，未变 {data['unchanged']}",
        f"{file}: {data['rows']} enterprises, {data['inserted']} inserted, {data['updated']} updated, {data['unchanged']} unchanged"))))


@app.command("list")
@handle_errors
def list_command(
    ctx: typer.Context,
    city: CityOpt = None,
    segment: Annotated[str | None, typer.Option("--segment", help="产业链环节 segment (key or name)")] = None,
    tag: Annotated[str | None, typer.Option("--tag", help="企业标签 tag, e.g. 龙头")] = None,
    json_: JsonOpt = False,
) -> None:
    """List the enterprises of the database, by city, segment and revenue. 列出企业。

    Example:

    \b
        shuzhi monitor industry list --city 南京 --segment 通用软件层
        shuzhi monitor industry list --tag 独角兽 --json
    """
    from shuzhi.monitor.industry import list_enterprises

    with workspace(ctx) as ws:
        rows = list_enterprises(ws, city=city, segment=segment, tag=tag)

    def render() -> None:
        table = Table("统一社会信用代码 USCC", "企业名称 Name", "城市 City", "环节 Segment", "收入 Revenue", "标签 Tags")
        for r in rows:
            table.add_row(escape(r["uscc"]), escape(r["name"]), r["city_name"], r["segment_name"],
                          "" if r["revenue"] is None else f"{r['revenue']:g}", escape("、".join(r["tags"])))
        out.print(table)
        out.print(text(ctx, f"共 {len(rows)} 家", f"{len(rows)} enterprise(s)"))

    emit(ctx, rows, render)


@app.command("chain")
@handle_errors
def chain_command(ctx: typer.Context, city: CityOpt = None, json_: JsonOpt = False) -> None:
    """Chain coverage by city and segment, with the 长短板清单 (rules in data/industry.yaml). 产业链覆盖与长短板。

    Example:

    \b
        shuzhi monitor industry chain
        shuzhi monitor industry chain --city 宿迁 --json
    """
    from shuzhi.monitor.industry_chain import chain

    with workspace(ctx) as ws:
        data = chain(ws, city=city)

    def render() -> None:
        table = Table("城市 City", *(f"{s['zh']}" for s in data["segments"]), "合计 Total", "收入 Revenue")
        for c in data["cities"]:
            cells = [x for x in data["cells"] if x["city"] == c["city"]]
            marks = [f"{x['count']}{' ▲' if x['long'] else ''}{' ▼' if x['short'] else ''}" for x in cells]
            table.add_row(c["city_name"], *marks, str(c["count"]), f"{c['revenue']:g}")
        out.print(table)
        out.print(text(ctx, "▲ 长板 ▼ 短板", "▲ long board ▼ short board"))
        for b in data["short_board"]:
            out.print(f"  ▼ {b['city_name']} {b['segment_name']}：" + text(ctx, "；".join(r["zh"] for r in b["reasons"]),
                                                                         "; ".join(r["en"] for r in b["reasons"])))

    emit(ctx, data, render)


@app.command("map")
@handle_errors
def map_command(
    ctx: typer.Context,
    html: Annotated[Path, typer.Option("--html", help="输出 HTML 文件 output page")],
    metric: Annotated[str, typer.Option("--metric", help="指标 count|revenue")] = "count",
    json_: JsonOpt = False,
) -> None:
    """Write the 产业地图: a cartogram of the 13 cities coloured by enterprises or revenue. 产业地图。

    Example:

    \b
        shuzhi monitor industry map --metric revenue --html map.html
    """
    from shuzhi.monitor.industry_map import write_map

    with workspace(ctx) as ws:
        data = write_map(ws, metric=metric, html=html)
    emit(ctx, data, lambda: out.print(escape(text(ctx, f"已写出 {html}", f"wrote {html}"))))


@app.command("report")
@handle_errors
def report_command(
    ctx: typer.Context,
    html: Annotated[Path | None, typer.Option("--html", help="输出 HTML 文件 output page")] = None,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="输出 Excel 文件 output workbook")] = None,
    json_: JsonOpt = False,
) -> None:
    """Write the industry report: facts, the map, revenue by city, coverage, the 长短板清单, the enterprise list. 产业报告。

    Example:

    \b
        shuzhi monitor industry report --html industry.html --xlsx industry.xlsx
    """
    from shuzhi.monitor.industry_report import write_industry_report

    if html is None and xlsx is None:
        raise ConfigError("请至少给出 --html 或 --xlsx", "give --html, --xlsx or both")
    with workspace(ctx) as ws:
        data = write_industry_report(ws, html=html, xlsx=xlsx)
    files = ", ".join(str(p) for p in (html, xlsx) if p)
    emit(ctx, data, lambda: out.print(escape(text(ctx, f"已写出 {files}", f"wrote {files}"))))
