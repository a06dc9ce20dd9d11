"""``shuzhi demo`` and ``shuzhi demo-data``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from shuzhi.cli.catalog import catalog_table
from shuzhi.cli.common import emit, handle_errors, out, progress_steps, text, workspace

RowsOpt = Annotated[int, typer.Option(help="人口综合库行数，其余按比例 rows of 人口综合库; the others scale")]
SeedOpt = Annotated[int, typer.Option(help="随机种子 random seed (same seed, same files)")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")]


@handle_errors
def demo_command(ctx: typer.Context, rows: RowsOpt = 10_000, seed: SeedOpt = 20211231, json_: JsonOpt = False) -> None:
    """Generate sample data for the five base libraries, ingest it and show the catalog. 生成五大基础库示例数据并导入。

    Example:

    \b
        shuzhi demo --rows 10000
    """
    from shuzhi.demo.run import run_demo

    with workspace(ctx) as ws, progress_steps(ctx) as steps:
        report = run_demo(ws, rows=rows, seed=seed, steps=steps)

    def render() -> None:
        out.print(catalog_table(ctx, report["catalog"]))
        created = sum(1 for r in report["ingested"] if r["status"] == "created")
        out.print(text(ctx, f"示例数据目录：{report['data_dir']}；新建版本 {created} 个",
                       f"demo data in {report['data_dir']}; {created} new version(s)"))
        out.print(_quality_table(ctx, report["quality"]))
        out.print(text(ctx, "详细结果：shuzhi quality run <资源代码> --html report.html",
                       "details: shuzhi quality run <code> --html report.html"))
        out.print(_grading_table(ctx, report["grading"]))
        out.print(text(ctx, "逐列结果与复核：shuzhi scan <资源代码>；shuzhi grade review <资源代码>",
                       "per column and review: shuzhi scan <code>; shuzhi grade review <code>"))
        ex = report["exports"]
        out.print(text(ctx, f"分类分级清单（{ex['columns']} 列）与重要数据目录（{ex['important']} 项）：", f"inventory ({ex['columns']} columns) "
                            f"and important-data catalogue ({ex['important']} candidates):"))
        for path in ex["files"].values():
            out.print(f"  {path}")
        out.print(_masking_table(ctx, report["masking"]))
        _monitoring(ctx, report["monitoring"])

    emit(ctx, report, render)


def _monitoring(ctx: typer.Context, m: dict[str, Any]) -> None:
    """The monitoring demo in a few lines: sites and readings, alerts found, indicator status, the industry."""
    dc, ind, industry = m["dc"], m["indicators"], m["industry"]
    pue = "—" if dc["province_pue"] is None else f"{dc['province_pue']:.3f}"
    alerts = "、".join(sorted({f"{a['kind']}:{a['dc']}" for a in dc["alerts"]})) or "—"
    out.print(text(ctx, f"数据中心监测：{dc['sites']} 个数据中心，{dc['rows']:,} 条 15 分钟读数，全省 PUE {pue}；告警 {alerts}",
                   f"data-centre monitor: {dc['sites']} sites, {dc['rows']:,} 15-minute readings, province PUE {pue}; alerts {alerts}"))
    status = "、".join(f"{k} {v}" for k, v in sorted(ind["status"].items()))
    out.print(text(ctx, f"规划指标：导入 {ind['rows']} 个数值，截至 {ind['as_of']}：{status}",
                   f"plan indicators: {ind['rows']} values imported, as of {ind['as_of']}: {status}"))
    out.print(text(ctx, f"产业企业库：{industry['rows']} 家企业，短板 {industry['short_board']} 项，长板 {industry['long_board']} 项",
                   f"industry database: {industry['rows']} enterprises, {industry['short_board']} short and {industry['long_board']} long boards"))
    out.print(text(ctx, "监测报告：", "monitoring reports:"))
    for path in m["reports"]:
        out.print(f"  {path}")


def _masking_table(ctx: typer.Context, masking: dict[str, Any]) -> Table:
    """Per dataset and audience: the masked version, or why it was refused."""
    table = Table(title=text(ctx, "脱敏版本（默认策略）", "masked versions (default policies)"))
    for zh, en in [("资源", "dataset"), ("对象", "audience"), ("脱敏版本", "masked version"), ("处理的列", "transformed columns"),
                   ("不提供", "left out")]:
        table.add_column(text(ctx, zh, en), overflow="fold")
    for v in masking["versions"]:
        if "refused" in v:
            table.add_row(v["dataset"], v["audience"], text(ctx, v["refused"]["zh"], v["refused"]["en"]), "", "")
            continue
        done = ", ".join(f"{c}:{a}" for c, a in v["transformed"].items()) or "—"
        table.add_row(v["dataset"], v["audience"], f"{v['out']} v{v['version']}", done, str(v["denied"]))
    if masking["demo_master_key_file"]:
        table.caption = text(ctx, f"演示用主密钥：{masking['demo_master_key_file']}（生产环境请用 SHUZHI_MASTER_KEY_FILE 指向工作区外的密钥）",
                             f"demo master key: {masking['demo_master_key_file']} (in production point SHUZHI_MASTER_KEY_FILE outside the workspace)")
    return table


def _grading_table(ctx: typer.Context, grading: list[dict[str, Any]]) -> Table:
    """Per dataset: its level, and the sensitive columns with what was found in them."""
    table = Table(title=text(ctx, "敏感数据识别与分级（公共数据模板）", "discovery and grading (public-data template)"),
                  header_style="bold")
    for zh, en in [("资源代码", "code"), ("资源级别", "dataset level"), ("敏感列", "sensitive columns")]:
        table.add_column(text(ctx, zh, en), overflow="fold")
    for g in grading:
        found = [f"{c['name']}: {'/'.join(e['type'] for e in c['entities'])} → {c['level']}" for c in g["columns"] if c["entities"]]
        table.add_row(g["dataset"], g["dataset_level_name"], "\n".join(found) or "—")
    return table


def _quality_table(ctx: typer.Context, quality: list[dict[str, Any]]) -> Table:
    """Per dataset: score, and each planted defect with what the suggested rules found."""
    table = Table(title=text(ctx, "数据质量（建议规则）与预置缺陷", "data quality (suggested rules) and planted defects"),
                  header_style="bold")
    for zh, en in [("资源代码", "code"), ("得分", "score"), ("缺陷", "defect"), ("预置", "planted"), ("发现", "found"), ("规则", "rule")]:
        table.add_column(text(ctx, zh, en), overflow="fold")
    for q in quality:
        score = "—" if q["score"] is None else f"{q['score']:.2f} {q['grade']}"
        for i, d in enumerate(q["defects"]):
            found = "、".join(str(n) for n in d["found"]) or "—"
            style = "green" if d["found"] and sum(d["found"]) >= d["planted"] else "yellow"
            table.add_row(q["code"] if i == 0 else "", score if i == 0 else "", text(ctx, d["description_zh"], d["description_en"]),
                          str(d["planted"]), f"[{style}]{found}[/]", "、".join(d["rules"]))
    return table


@handle_errors
def demo_data_command(
    ctx: typer.Context,
    out_dir: Annotated[Path, typer.Argument(help="输出目录 output folder")],
    rows: RowsOpt = 10_000,
    seed: SeedOpt = 20211231,
    json_: JsonOpt = False,
) -> None:
    """Write the sample data files (GBK CSV, XLSX, CSV, JSONL, CSV with BOM) and their defect manifest. 生成示例数据文件。

    Example:

    \b
        shuzhi demo-data ./demo --rows 100000
    """
    from shuzhi.demo.generate import generate_demo_data

    manifest = generate_demo_data(out_dir, rows=rows, seed=seed)

    def render() -> None:
        table = Table(title=text(ctx, "示例数据", "demo data"), header_style="bold")
        for zh, en in [("资源代码", "code"), ("文件", "file"), ("格式", "format"), ("编码", "encoding"), ("行数", "rows"), ("缺陷", "defects")]:
            table.add_column(text(ctx, zh, en))
        for d in manifest["datasets"]:
            defects = sum(x["count"] for x in d["defects"])
            table.add_row(d["code"], d["file"], d["format"], d.get("encoding") or "", f"{d['rows']:,}", f"{defects:,}")
        out.print(table)

    emit(ctx, manifest, render)
