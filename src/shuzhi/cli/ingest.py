"""``shuzhi ingest``: register a file or database table as a new dataset version."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from shuzhi.cli.common import (
    emit,
    err,
    handle_errors,
    out,
    progress_steps,
    text,
    workspace,
)


@handle_errors
def ingest_command(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="文件（CSV/TSV/XLSX/XLS/JSON/JSONL/Parquet）或数据库地址 URL#表名 · file or database URL#table")],
    code: Annotated[str | None, typer.Option(help="资源代码 dataset code (default: file or table name)")] = None,
    title: Annotated[str | None, typer.Option(help="资源名称 title")] = None,
    provider: Annotated[str | None, typer.Option(help="提供方 provider")] = None,
    provider_code: Annotated[str | None, typer.Option(help="提供方代码 provider code")] = None,
    summary: Annotated[str | None, typer.Option(help="摘要 summary")] = None,
    category: Annotated[str | None, typer.Option(help="资源分类 基础库|主题库|部门库")] = None,
    base_library: Annotated[str | None, typer.Option(help="基础库 人口|法人|自然资源和空间地理|社会信用|电子证照")] = None,
    domain: Annotated[str | None, typer.Option(help="业务领域（卫生健康、公安、生产…，分级模板按领域适用规则）business domain, for grading rules")] = None,
    share: Annotated[str | None, typer.Option(help="共享类型 无条件共享|有条件共享|不予共享")] = None,
    share_condition: Annotated[str | None, typer.Option(help="共享条件或依据 share condition / legal basis")] = None,
    open_: Annotated[str | None, typer.Option("--open", help="开放类型 无条件开放|有条件开放|不予开放")] = None,
    cycle: Annotated[str | None, typer.Option(help="更新周期 实时|每日|每周|每月|每季度|每半年|每年|不定期")] = None,
    meta: Annotated[Path | None, typer.Option(help="YAML 元数据文件 metadata sidecar")] = None,
    encoding: Annotated[str | None, typer.Option(help="强制字符编码 force the encoding (utf-8, gbk, gb18030…)")] = None,
    delimiter: Annotated[str | None, typer.Option(help="强制分隔符 force the delimiter (',' '\\t' ';' '|')")] = None,
    sheet: Annotated[str | None, typer.Option(help="Excel 工作表名或序号 sheet name or 1-based number")] = None,
    format_: Annotated[str | None, typer.Option("--format", help="强制格式 csv|tsv|excel|json|jsonl|parquet")] = None,
    append: Annotated[bool, typer.Option("--append", help="增量：数据源只含新增行，新版本 = 最新版本 + 这些行 · the source holds only new rows: the new version is the latest plus these")] = False,
    json_: Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")] = False,
) -> None:
    """Ingest a source as the next version of a dataset. 导入数据源，登记为资源的新版本。

    Identical content (same checksum as the latest version) creates no version. With
    --append the source is an increment (增量): the new version is the latest version
    followed by these rows, and it shares the latest version's files; appending the same
    increment twice in a row creates nothing the second time.

    Example:

    \b
        shuzhi ingest 人口.csv --code population --title 人口综合库 --category 基础库 --base-library 人口 --share 有条件共享
        shuzhi ingest 人口_20261128增量.csv --code population --append
    """
    flags = {
        "code": code, "title": title, "provider": provider, "provider_code": provider_code, "summary": summary,
        "category": category, "base_library": base_library, "domain": domain, "update_cycle": cycle,
        "share": {"type": share, "condition": share_condition} if share or share_condition else None,
        "open": {"type": open_} if open_ else None,
    }
    from shuzhi.catalog import ingest
    from shuzhi.sources.stage import SourceOptions

    options = SourceOptions(format=format_, encoding=encoding, delimiter=delimiter, sheet=sheet)
    with workspace(ctx) as ws, progress_steps(ctx) as steps:
        result = ingest(ws, source, flags=flags, meta_file=meta, options=options, append=append, steps=steps)

    def render() -> None:
        verb = text(ctx, "已登记", "registered") if result.status == "created" else text(ctx, "内容未变化，未新建版本", "unchanged, no new version")
        table = Table(show_header=False, box=None)
        table.add_row(text(ctx, "资源代码", "code"), f"[bold]{result.code}[/] v{result.version} — {verb}")
        table.add_row(text(ctx, "行数", "rows"), f"{result.rows:,}")
        table.add_row(text(ctx, "列数", "columns"), str(result.columns))
        table.add_row(text(ctx, "格式", "format"), f"{result.format} {result.encoding or ''}".strip())
        table.add_row(text(ctx, "校验和", "checksum"), result.checksum)
        table.add_row(text(ctx, "耗时", "time"), f"{result.duration_s:.2f}s")
        out.print(table)
        for w in result.warnings:
            err.print(f"[yellow]提示 warning:[/] {text(ctx, w['zh'], w['en'])}")

    emit(ctx, result.to_dict(), render)
