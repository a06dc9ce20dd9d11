"""``shuzhi mask`` and ``shuzhi unmask``: static masking by policy, and audited reversal."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from shuzhi.cli.common import emit, handle_errors, out, text, workspace

JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")]
ACTION = {"keep": ("保留", "keep"), "deny": ("不提供", "not delivered")}


@handle_errors
def mask_command(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="资源代码 dataset code")],
    audience: Annotated[str, typer.Option("--audience", help="使用对象 share（共享）| open（开放）| internal（内部）")],
    policy: Annotated[Path | None, typer.Option("--policy", help="策略文件（按列覆盖默认策略）policy file: per-column overrides (YAML)")] = None,
    out_code: Annotated[str | None, typer.Option("--out", help="输出资源代码 output dataset code [default: CODE_AUDIENCE]")] = None,
    template: Annotated[str, typer.Option("--template", help="分级模板 grading template: gov|general|industrial|financial")] = "gov",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只显示每列的处理计划 show the plan per column, change nothing")] = False,
    actor: Annotated[str | None, typer.Option("--actor", help="操作人 who masks [default: the login name]")] = None,
    json_: JsonOpt = False,
) -> None:
    """Mask a dataset for an audience by policy, as a new dataset version. 按策略脱敏，生成新的资源版本。

    Each column's reviewed level (shuzhi grade review) and entities decide, through the
    template's default policy and an optional policy file, whether it is kept, left out or
    transformed (mask, generalize, hash, tokenize, fpe, encrypt, …). One engine pass writes the
    masked version; its lineage (source version, policy, transforms, key ids) and an audit event
    are recorded with it. Keyed transforms need the master key (SHUZHI_MASTER_KEY).

    Example:

    \b
        shuzhi mask population --audience open --dry-run
        shuzhi mask population --audience share --policy share.yaml --out population_share
    """
    from shuzhi.masking.static import mask_dataset

    with workspace(ctx) as ws:
        plan = mask_dataset(ws, code, audience=audience, template=template, policy=policy, out=out_code,
                            actor=actor or getpass.getuser(), dry_run=dry_run)
    data = plan.to_dict()

    def render() -> None:
        table = Table(title=text(ctx, f"脱敏计划：{code} v{plan.version} → {plan.out}（{audience}，资源级别 {plan.dataset_level}）",
                                 f"masking plan: {code} v{plan.version} → {plan.out} ({audience}, dataset level {plan.dataset_level})"))
        for zh, en in [("列", "column"), ("级别", "level"), ("实体", "entities"), ("处理", "action"), ("依据", "from")]:
            table.add_column(text(ctx, zh, en), overflow="fold")
        for c in plan.columns:
            d = c.decision
            action = text(ctx, *ACTION[d.action]) if d.action in ACTION else d.action
            if d.options:
                action += " " + ", ".join(f"{k}={v}" for k, v in d.options.items())
            table.add_row(c.column, c.level or "—", ", ".join(c.entities) or "—", action,
                          text(ctx, "策略文件", "policy file") if d.source == "policy" else text(ctx, "默认策略", "default policy"))
        out.print(table)
        if plan.result is not None:
            r = plan.result
            status = text(ctx, "已生成", "created") if r.status == "created" else text(ctx, "未变（同一来源和策略）", "unchanged (same source and policy)")
            out.print(f"{r.code} v{r.version}: {status}, {r.rows} {text(ctx, '行', 'rows')}, {r.columns} {text(ctx, '列', 'columns')}")

    emit(ctx, data, render)


@handle_errors
def unmask_command(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="脱敏后的资源代码 masked dataset code")],
    column: Annotated[list[str], typer.Option("--column", help="要还原的列（可多次）column to reverse (repeatable)")],
    out_code: Annotated[str, typer.Option("--out", help="输出资源代码 output dataset code")],
    reason: Annotated[str, typer.Option("--reason", help="还原理由（记入审计）reason, recorded in the audit trail")],
    actor: Annotated[str | None, typer.Option("--actor", help="操作人 who unmasks [default: the login name]")] = None,
    json_: JsonOpt = False,
) -> None:
    """Reverse tokenized, FPE or encrypted columns of a masked dataset. 还原令牌化、保形加密或加密的列。

    Needs the master key and the keys the masked version's lineage names (retired key
    generations still work); every reversal is audited with its reason.

    Example:

    \b
        shuzhi unmask population_share --column sfzh --out population_traced --reason "案件协查 2026-118"
    """
    from shuzhi.masking.unmask import unmask_dataset

    with workspace(ctx) as ws:
        result = unmask_dataset(ws, code, columns=column, out=out_code, reason=reason, actor=actor or getpass.getuser())
    emit(ctx, result.to_dict(), lambda: out.print(f"{result.code} v{result.version}: {result.rows} {text(ctx, '行', 'rows')} ({result.status})"))
