"""``shuzhi grade review | export | levels``: machine + human labelling, and the exports."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from shuzhi.cli.common import emit, handle_errors, out, text, workspace
from shuzhi.errors import ConfigError

app = typer.Typer(help="分类分级复核与导出 · review and export of classification and grading", no_args_is_help=True)

TemplateOpt = Annotated[str, typer.Option("--template", help="分级模板 grading template: gov|general|industrial|financial")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")]
STATUS = {"pending": ("待复核", "pending"), "accepted": ("已确认", "accepted"), "overridden": ("人工改定", "overridden")}


def _overrides(values: list[str]) -> dict[str, tuple[str, str | None]]:
    found: dict[str, tuple[str, str | None]] = {}
    for v in values:
        column, sep, label = v.rpartition("=")
        if not sep or not column or not label:
            raise ConfigError(f"--set {v!r} 应写作 列名=级别[:类别]（如 sfzh=L4:personal.identity）",
                              f"--set {v!r} must be COLUMN=LEVEL[:CATEGORY] (e.g. sfzh=L4:personal.identity)")
        level, _, category = label.partition(":")
        found[column] = (level, category or None)
    return found


@app.command("review")
@handle_errors
def review_command(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="资源代码 dataset code")],
    accept: Annotated[list[str] | None, typer.Option("--accept", help="接受该列的机器标签 accept the machine label of this column")] = None,
    accept_all: Annotated[bool, typer.Option("--accept-all", help="接受全部待复核列 accept every pending column")] = False,
    set_: Annotated[list[str] | None, typer.Option("--set", help="改定 COLUMN=LEVEL[:CATEGORY] override a column's level (and category)")] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="改定理由（改定时必填）reason, required with --set")] = None,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="复核人 reviewer [default: the login name]")] = None,
    pending: Annotated[bool, typer.Option("--pending", help="只列出待复核的列 list only the columns awaiting review")] = False,
    template: TemplateOpt = "gov",
    json_: JsonOpt = False,
) -> None:
    """List machine labels with their confidence, and accept or override them. 复核机器标签：接受或改定。

    Without --accept/--accept-all/--set it only lists. Decisions are stored and audited; an
    override outlives re-scans of new versions, and a re-scan re-asks only about columns whose
    machine label changed.

    Example:

    \b
        shuzhi grade review population --pending
        shuzhi grade review population --accept sfzh --accept lxdh
        shuzhi grade review population --set jtzz=L3 --reason "含门牌号，可定位到户"
    """
    from shuzhi.grading.review import labels, review

    with workspace(ctx) as ws:
        if accept or accept_all or set_:
            found = review(ws, code, template=template, accept=accept, accept_all=accept_all, overrides=_overrides(set_ or []),
                           reason=reason, reviewer=reviewer or getpass.getuser())
        else:
            found = labels(ws, code, template=template)
    shown = [lab for lab in found if not pending or lab.status == "pending" or lab.changed]
    data = {"dataset": code, "template": template, "columns": [lab.as_dict() for lab in shown],
            "pending": sum(1 for lab in found if lab.status == "pending")}

    def render() -> None:
        table = Table(title=text(ctx, f"分类分级复核：{code}（模板 {template}）", f"grading review: {code} (template {template})"))
        for zh, en in [("列", "column"), ("识别实体 (置信度)", "entities (confidence)"), ("机器标签", "machine label"),
                       ("当前标签", "current label"), ("状态", "status"), ("复核人 / 理由", "reviewer / reason")]:
            table.add_column(text(ctx, zh, en), overflow="fold")
        for lab in shown:
            ents = "\n".join(f"{e['type']} ({e['confidence']:.2f})" for e in lab.entities) or "—"
            status = text(ctx, *STATUS[lab.status]) + (text(ctx, "（机器标签已变）", " (machine label changed)") if lab.changed else "")
            who = " / ".join(x for x in (lab.reviewer, lab.reason) if x) or "—"
            table.add_row(lab.column, ents, f"{lab.machine_category} {lab.machine_level}", f"{lab.category} {lab.level}", status, who)
        out.print(table)
        out.print(text(ctx, f"待复核 {data['pending']} 列", f"{data['pending']} column(s) pending"))

    emit(ctx, data, render)


@app.command("export")
@handle_errors
def export_command(
    ctx: typer.Context,
    codes: Annotated[list[str] | None, typer.Argument(help="资源代码（默认全部已扫描资源）dataset codes [default: every dataset scanned with the template]")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="输出目录 output folder")] = Path("."),
    template: TemplateOpt = "gov",
    json_: JsonOpt = False,
) -> None:
    """Write 分类分级清单 (xlsx, CSV) and 重要数据目录 (xlsx). 导出分类分级清单和重要数据目录。

    Example:

    \b
        shuzhi grade export --out exports/
        shuzhi grade export population legal_person --out exports/ --template general
    """
    from shuzhi.grading.export import export

    with workspace(ctx) as ws:
        data = export(ws, out_dir, codes or None, template=template)

    def render() -> None:
        out.print(text(ctx, f"分类分级清单 {data['columns']} 列；重要数据目录 {data['important']} 项", f"inventory: {data['columns']} columns; important-data catalogue: {data['important']} dataset(s)"))
        for path in data["files"].values():
            out.print(f"  {path}")

    emit(ctx, data, render)


@app.command("level")
@handle_errors
def level_command(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="资源代码 dataset code")],
    column: Annotated[str | None, typer.Option("--column", help="列名 a column [default: the dataset]")] = None,
    template: TemplateOpt = "gov",
    json_: JsonOpt = False,
) -> None:
    """The reviewed level of a dataset or a column (what masking and sharing use). 查询资源或列的级别。

    Example:

    \b
        shuzhi grade level population --column sfzh
    """
    from shuzhi.grading.review import level_of

    with workspace(ctx) as ws:
        data = level_of(ws, code, column, template=template)
    emit(ctx, data, lambda: out.print(f"{code}{'.' + column if column else ''}: {data['level']} {data['level_name']} ({data['status']})"))
