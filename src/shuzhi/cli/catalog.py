"""``shuzhi catalog list | show | search``."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from shuzhi.cli.common import emit, handle_errors, out, text, workspace

app = typer.Typer(help="数据资源目录 · the data resource catalog", no_args_is_help=True)

JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")]


def catalog_table(ctx: typer.Context, entries: list[dict[str, Any]], *, score: bool = False) -> Table:
    """The summary table shown by ``catalog list``, ``catalog search`` and ``demo``."""
    table = Table(title=text(ctx, "数据资源目录", "data resource catalog"), header_style="bold")
    for zh, en in [("资源代码", "code"), ("资源名称", "title"), ("资源分类", "category"), ("提供方", "provider"),
                   ("共享", "share"), ("开放", "open"), ("更新周期", "cycle"), ("版本", "ver"), ("行数", "rows"), ("列", "cols")]:
        table.add_column(text(ctx, zh, en), overflow="fold")
    if score:
        table.add_column(text(ctx, "匹配", "match"))
    for e in entries:
        category = f"{e['category']}·{e['base_library']}" if e["base_library"] else e["category"]
        row = [e["code"], e["title"], category, e["provider"] or "", e["share"]["type"], e["open"]["type"],
               e["update_cycle"], f"v{e['version']}", f"{e['rows']:,}", str(e["columns"])]
        if score:
            row.append(f"{e['score']:g} ({'、'.join(e['matched'])})")
        table.add_row(*row)
    return table


@app.command("list")
@handle_errors
def list_command(ctx: typer.Context, json_: JsonOpt = False) -> None:
    """List catalog entries. 列出目录中的资源。

    Example:

    \b
        shuzhi catalog list --json
    """
    with workspace(ctx) as ws:
        from shuzhi.catalog import list_datasets

        entries = list_datasets(ws)
    emit(ctx, entries, lambda: out.print(catalog_table(ctx, entries)))


@app.command("show")
@handle_errors
def show_command(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="资源代码 dataset code")],
    version: Annotated[int | None, typer.Option(help="版本号 version number (default: latest)")] = None,
    json_: JsonOpt = False,
) -> None:
    """Show one entry: metadata, versions and column profiles. 查看资源的元数据、版本和信息项概况。

    Example:

    \b
        shuzhi catalog show population --version 1
    """
    with workspace(ctx) as ws:
        from shuzhi.catalog import show_dataset

        entry = show_dataset(ws, code, version)
    emit(ctx, entry, lambda: _render_entry(ctx, entry))


@app.command("search")
@handle_errors
def search_command(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="检索词，空格分隔 words, space-separated")],
    limit: Annotated[int, typer.Option(help="最多返回条数 maximum results")] = 50,
    json_: JsonOpt = False,
) -> None:
    """Search titles, summaries and column names by words. 按词检索资源名称、摘要和信息项。

    Example:

    \b
        shuzhi catalog search "人口 身份"
    """
    with workspace(ctx) as ws:
        from shuzhi.catalog import search_datasets

        hits = search_datasets(ws, query, limit=limit)
    emit(ctx, hits, lambda: out.print(catalog_table(ctx, hits, score=True)))


def _render_entry(ctx: typer.Context, e: dict[str, Any]) -> None:
    meta = Table(show_header=False, box=None, title=f"{e['title']} ({e['code']})", title_style="bold")
    rows = [
        (("资源分类", "category"), f"{e['category']}" + (f" · {e['base_library']}" if e["base_library"] else "")),
        (("业务领域", "domain"), e.get("domain") or ""),
        (("提供方", "provider"), " ".join(x for x in (e["provider"], e["provider_code"]) if x)),
        (("摘要", "summary"), e["summary"] or ""),
        (("共享属性", "share"), " · ".join(x for x in (e["share"]["type"], e["share"]["condition"], e["share"]["method"]) if x)),
        (("开放属性", "open"), " · ".join(x for x in (e["open"]["type"], e["open"]["condition"]) if x)),
        (("更新周期", "update cycle"), e["update_cycle"]),
        (("发布日期", "published"), e["publish_date"] or ""),
        (("关联资源代码", "related"), "、".join(e["related"])),
        (("格式", "format"), f"{e['format']} · {e['versions'][-1]['encoding'] or ''}"),
        (("校验和", "checksum"), e["checksum"]),
    ]
    if e.get("lineage"):
        lin = e["lineage"]
        src = lin["source"]
        how = lin["kind"] + (f" · {lin['details']['audience']}" if lin["details"].get("audience") else "")
        rows.append((("派生自", "derived from"), f"{src['code']} v{src['version']} ({how}; {lin['created_by']} {lin['created_at'][:19]})"))
    for (zh, en), value in rows:
        meta.add_row(text(ctx, zh, en), value)
    out.print(meta)

    versions = Table(title=text(ctx, "版本", "versions"), header_style="bold")
    for zh, en in [("版本", "ver"), ("行数", "rows"), ("来源", "source"), ("登记时间", "created")]:
        versions.add_column(text(ctx, zh, en), overflow="fold")
    for v in e["versions"]:
        versions.add_row(f"v{v['version']}", f"{v['rows']:,}", v["source"], v["created_at"])
    out.print(versions)

    items = Table(title=text(ctx, f"信息项（v{e['shown_version']}）", f"columns (v{e['shown_version']})"), header_style="bold")
    for zh, en in [("列名", "name"), ("中文名称", "title"), ("类型", "type"), ("空值", "nulls"), ("空白", "blank"),
                   ("不同值", "distinct"), ("最小", "min"), ("最大", "max"), ("长度", "length"), ("格式", "format"), ("常见值", "top")]:
        items.add_column(text(ctx, zh, en), overflow="fold")
    for c in e["items"]:
        p = c["profile"]
        fmt = p.get("formats") or []
        top_fmt = f"{fmt[0]['pattern']} {fmt[0]['share']:.0%}" if fmt else ""
        length = f"{p['min_length']}–{p['max_length']}" if p.get("min_length") is not None else ""
        tops = "、".join(f"{t['value']}({t['count']})" for t in p.get("top", [])[:3])
        items.add_row(c["name"], c["title"] or "", c["type"], f"{p['nulls']:,}", f"{p.get('blanks', 0):,}",
                      f"{p['distinct']:,}", _short(p.get("min")), _short(p.get("max")), length, top_fmt, _short(tops, 40))
    out.print(items)


def _short(value: Any, width: int = 24) -> str:
    s = "" if value is None else str(value)
    return s if len(s) <= width else s[: width - 1] + "…"
