"""``shuzhi scan``: sensitive-data discovery and grading of a dataset or a file."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from shuzhi.cli.common import emit, handle_errors, out, progress_steps, text, workspace


def _entities(col: dict[str, Any]) -> str:
    return "\n".join(f"{e['type']} {e['ratio']:.0%} ({e['confidence']:.2f})" if e["source"] != "header"
                     else f"{e['type']} (表头 header, {e['confidence']:.2f})" for e in col["entities"]) or "—"


@handle_errors
def scan_command(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="资源代码或文件 dataset code, or a file (CSV/XLSX/JSON/Parquet) not in the catalog")],
    sample: Annotated[int | None, typer.Option("--sample", help="抽样行数 rows sampled [default 20000]")] = None,
    full: Annotated[bool, typer.Option("--full", help="扫描全部行 scan every row")] = False,
    template: Annotated[str, typer.Option("--template", help="分级模板 grading template: gov|general|industrial|financial")] = "gov",
    version: Annotated[int | None, typer.Option("--version", help="资源版本 dataset version [default: latest]")] = None,
    domain: Annotated[str | None, typer.Option("--domain", help="业务领域 business domain [default: the catalog's 业务领域, else its 基础库]")] = None,
    json_: Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")] = False,
) -> None:
    """Find sensitive data per column and grade it. 识别敏感数据并分类分级。

    Every column is checked against every entity type (居民身份证号码, 手机号码, 银行卡号, 统一社会信用代码 …)
    on a sample of rows (--sample N, default 20000) or on every row (--full): values that
    match and validate, the header (Chinese, pinyin abbreviations such as sfzh/lxdh, English),
    the columns beside it, and spans in free text. The column's category and level come from
    the grading template; the dataset level is the highest column level, raised by the
    template's aggregation rules. Rules for a business domain (卫生健康, 生产 …) apply when the
    dataset's 业务领域 (catalog), its 基础库, or --domain names one of the template's domains.

    Example:

    \b
        shuzhi scan population
        shuzhi scan 人口.csv --full --template general --json
    """
    from shuzhi.grading.assess import assess

    with workspace(ctx) as ws, progress_steps(ctx) as steps:
        data = assess(ws, target, sample=sample, full=full, template=template, version=version, store=True, domain=domain,
                      steps=steps)

    def render() -> None:
        table = Table(title=text(ctx, f"敏感数据识别与分级：{data['dataset']}", f"discovery and grading: {data['dataset']}"))
        for head in (text(ctx, "列", "column"), text(ctx, "实体 比例 (置信度)", "entities ratio (confidence)"),
                     text(ctx, "类别", "category"), text(ctx, "级别", "level")):
            table.add_column(head)
        for col in data["columns"]:
            name = col["name"] if not col["title"] else f"{col['name']}\n{col['title']}"
            table.add_row(name, _entities(col), col["category_path"], col["level_name"])
        out.print(table)
        scanned = f"{data['rows_scanned']:,}" + (text(ctx, "（抽样）", " (sample)") if data["sampled"] else "")
        out.print(text(ctx, f"扫描行数 {scanned}；模板 {data['template']} {data['template_version']}；"
                            f"资源级别 {data['dataset_level_name']}；耗时 {data['duration_s']} 秒",
                       f"rows scanned {scanned}; template {data['template']} {data['template_version']}; "
                       f"dataset level {data['dataset_level']}; {data['duration_s']} s"))
        d = data["domain"]
        if d and d["id"]:
            out.print(text(ctx, f"  业务领域 {d['given']} → 模板领域 {d['name']}（{d['id']}）", f"  business domain {d['given']} → template domain {d['id']}"))
        elif d:
            out.print(text(ctx, f"  业务领域 {d['given']} 不是模板 {data['template']} 的领域，领域规则未适用",
                                f"  business domain {d['given']} is not a domain of template {data['template']}: no domain rule applied"))
        for r in data["raises"]:
            out.print(text(ctx, f"  升级 {r['from']} → {r['to']}：{r['why']}", f"  raised {r['from']} → {r['to']}: {r['why']}"))
        if data["important_data_candidate"]:
            out.print(text(ctx, "  可能属于重要数据，请人工确认", "  a candidate for the important-data catalogue: confirm by review"))

    emit(ctx, data, render)
