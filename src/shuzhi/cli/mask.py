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


def _qi(text_: str | None) -> list[str] | None:
    return [c.strip() for c in text_.split(",") if c.strip()] if text_ else None


@handle_errors
def risk_command(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="资源代码 dataset code")],
    qi: Annotated[str | None, typer.Option("--qi", help="准标识符列，逗号分隔 quasi-identifier columns, comma-separated [default: those found by grading]")] = None,
    k: Annotated[int, typer.Option("--k", help="统计小于 k 的等价类 count records in classes smaller than k")] = 5,
    threshold: Annotated[float, typer.Option("--threshold", help="可接受的单条记录最高风险 highest acceptable risk of one record")] = 0.2,
    population: Annotated[int | None, typer.Option("--population", help="总体规模（样本时）population size when the data is a sample")] = None,
    template: Annotated[str, typer.Option("--template", help="分级模板 grading template")] = "gov",
    version: Annotated[int | None, typer.Option("--version", help="资源版本 dataset version [default: latest]")] = None,
    json_: JsonOpt = False,
) -> None:
    """Re-identification risk and the GB/T 37964 de-identification report. 重识别风险与去标识化报告。

    Prosecutor, journalist and marketer risk over the quasi-identifiers, sample uniques and
    records in small classes, laid out as GB/T 37964's steps: 确定目标 → 识别标识 → 处理标识
    → 验证审批, with the identifiers grading found and the transforms the lineage records.

    Example:

    \b
        shuzhi risk population_open --qi xb,csrq,xzqh --k 5
    """
    from shuzhi.masking.deid import report

    with workspace(ctx) as ws:
        data = report(ws, code, qi=_qi(qi), k=k, threshold=threshold, population=population, template=template, version=version)

    def render() -> None:
        steps = data["steps"]
        goal = steps["确定目标 determine the goal"]
        src = goal["derived_from"]
        out.print(text(ctx, "1 确定目标", "1 determine the goal") + f": {code} v{goal['version']}, {goal['rows']} "
                  + text(ctx, "行", "rows") + (f" ← {src['code']} v{src['version']}" + (f" ({goal['audience']})" if goal["audience"] else "") if src else ""))
        table = Table(title=text(ctx, "2 识别标识 · 3 处理标识", "2 identify · 3 process"))
        for zh, en in [("列", "column"), ("角色", "role"), ("实体", "entities"), ("处理", "transform")]:
            table.add_column(text(ctx, zh, en))
        processed = {p["column"]: p["transform"] for p in steps["处理标识 process"]}
        for c in steps["识别标识 identify"]:
            table.add_row(c["column"], text(ctx, *c["role_name"]), ", ".join(c["entities"]) or "—", processed[c["column"]])
        out.print(table)
        verify = steps["验证审批 verify and approve"]
        r = verify["risk"]
        out.print(text(ctx, "4 验证审批", "4 verify and approve") + f": QI {', '.join(verify['qi'])}; "
                  + text(ctx, f"等价类 {r['classes']}，最高风险 {r['prosecutor']['highest']:.3f}，平均风险 {r['prosecutor']['average']:.3f}，"
                              f"样本唯一 {r['sample_uniques']} 条，小于 k={r['k']} 的记录 {r['below_k']} 条",
                         f"classes {r['classes']}, highest risk {r['prosecutor']['highest']:.3f}, average {r['prosecutor']['average']:.3f}, "
                         f"sample uniques {r['sample_uniques']}, records below k={r['k']}: {r['below_k']}"))
        for c in verify["checks"]:
            out.print(f"  {'✓' if c['passed'] else '✗'} {c['check']}: {c['detail']}")
        passed = verify["verdict"] == "pass"
        out.print(text(ctx, f"结论：{'通过' if passed else '不通过'}（待人工审批）", f"verdict: {'pass' if passed else 'fail'} (approval pending)"))

    emit(ctx, data, render)


@handle_errors
def anonymize_command(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="资源代码 dataset code")],
    qi: Annotated[str, typer.Option("--qi", help="准标识符列，逗号分隔 quasi-identifier columns, comma-separated")],
    k: Annotated[int, typer.Option("--k", help="k-匿名 every class at least k records")] = 5,
    l_div: Annotated[float | None, typer.Option("--l", help="l-多样性 at least l sensitive values per class")] = None,
    l_kind: Annotated[str, typer.Option("--l-kind", help="distinct | entropy")] = "distinct",
    t: Annotated[float | None, typer.Option("--t", help="t-接近 a class's distribution within t of the whole")] = None,
    sensitive: Annotated[str | None, typer.Option("--sensitive", help="敏感属性列 sensitive column (for --l / --t)")] = None,
    suppress_limit: Annotated[float, typer.Option("--suppress-limit", help="最多删除的记录比例 largest share of records suppressed")] = 0.05,
    hierarchies: Annotated[Path | None, typer.Option("--hierarchies", help="泛化层次文件 hierarchies: YAML column → {kind: …}")] = None,
    out_code: Annotated[str | None, typer.Option("--out", help="输出资源代码 output dataset code [default: CODE_anon]")] = None,
    keep_direct: Annotated[bool, typer.Option("--keep-direct", help="保留直接标识符列（如已先脱敏）keep direct-identifier columns (e.g. masked first)")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只搜索，不写入 search only, write nothing")] = False,
    actor: Annotated[str | None, typer.Option("--actor", help="操作人 [default: the login name]")] = None,
    json_: JsonOpt = False,
) -> None:
    """k-anonymity, l-diversity and t-closeness by generalization and suppression. 匿名化（k/l/t）。

    Full-domain generalization of the quasi-identifiers over hierarchies (GB/T 2260 areas, age
    bands, dates, masking, value trees; defaults from the discovered entity types), with record
    suppression up to --suppress-limit, choosing the node with the least information loss by a
    pruned lattice search. Direct identifiers that grading found are left out (--keep-direct
    keeps them). The output is measured again, independently of the search, and written as a
    new version with its lineage and an audit event.

    Example:

    \b
        shuzhi anonymize population --qi xzqh,age,xb,csrq --k 5 --suppress-limit 0.05
        shuzhi anonymize population --qi xzqh,age --k 5 --l 2 --sensitive jkzk --hierarchies h.yaml
    """
    from shuzhi.masking.anonymized import anonymize_dataset

    columns = _qi(qi) or []
    with workspace(ctx) as ws:
        result, written = anonymize_dataset(ws, code, qi=columns, k=k, l=l_div, l_kind=l_kind, t=t, sensitive=sensitive,
                                            suppress_limit=suppress_limit, hierarchies=hierarchies, out=out_code,
                                            actor=actor or getpass.getuser(), keep_direct=keep_direct, dry_run=dry_run)
    data = {**result.to_dict(), "result": written.to_dict() if written else None}

    def render() -> None:
        levels = ", ".join(f"{c}→{result.level_names[c]}" for c in result.qi)
        loss = result.info_loss
        out.print(text(ctx, f"泛化：{levels}", f"generalization: {levels}"))
        out.print(text(ctx, f"删除 {result.suppressed} 条（{loss['suppressed_share']:.2%}）；精度损失 {loss['precision_loss']:.3f}；"
                            f"可区分度 {loss['discernibility']:.3g}；评估 {result.evaluated}/{result.lattice_size} 个格点",
                       f"suppressed {result.suppressed} ({loss['suppressed_share']:.2%}); precision loss {loss['precision_loss']:.3f}; "
                       f"discernibility {loss['discernibility']:.3g}; evaluated {result.evaluated} of {result.lattice_size} nodes"))
        m = result.measures
        out.print(text(ctx, "输出复核", "output measured") + f": k={m.k}" + (f", l={m.l_distinct}" if m.l_distinct is not None else "")
                  + (f", t={m.t:.3f}" if m.t is not None else ""))
        if written is not None:
            out.print(f"{written.code} v{written.version}: {written.rows} {text(ctx, '行', 'rows')} ({written.status})")

    emit(ctx, data, render)
