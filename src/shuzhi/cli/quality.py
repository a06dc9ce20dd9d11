"""``shuzhi quality suggest | run | history | checks``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from shuzhi.cli.common import (
    emit,
    err,
    handle_errors,
    out,
    progress_steps,
    state,
    text,
    workspace,
)
from shuzhi.errors import ConfigError

app = typer.Typer(help="数据质量评估（GB/T 36344 六个维度）· data quality along the six GB/T 36344 dimensions",
                  no_args_is_help=True)

JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")]
CodeArg = Annotated[str, typer.Argument(help="资源代码 dataset code")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="评估时点（时效性）assessment time for timeliness, e.g. 2026-06-30 [default: now]")]


def _as_of(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--as-of {value!r} 不是日期或时间（如 2026-06-30）", f"--as-of {value!r} is not a date or time (e.g. 2026-06-30)") from None


@app.command("suggest")
@handle_errors
def suggest_command(
    ctx: typer.Context,
    code: CodeArg,
    out_file: Annotated[Path | None, typer.Option("--out", help="写入规则文件 write the rules to this file")] = None,
    save: Annotated[bool, typer.Option("--save", help="保存为该资源的规则（工作区 rules/<code>.yaml）save as the dataset's own rules")] = False,
    as_of: AsOfOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Propose rules from the catalog profile and column semantics. 根据目录概况和列语义建议质量规则。

    Example:

    \b
        shuzhi quality suggest population --out population.rules.yaml
    """
    from shuzhi.atomic import write_text
    from shuzhi.quality import parse_rules, rules_path, suggest_yaml

    with workspace(ctx) as ws:
        yaml_text = suggest_yaml(ws, code, as_of=_as_of(as_of))
        rs = parse_rules(yaml_text, source=f"<suggested for {code}>")
        targets = [p for p in (out_file, rules_path(ws, code) if save else None) if p is not None]
        if save:
            rules_path(ws, code).parent.mkdir(parents=True, exist_ok=True)
        for target in targets:
            write_text(target, yaml_text)
    data = {"dataset": code, "rules": len(rs.rules), "written": [str(p) for p in targets], "yaml": yaml_text}

    def render() -> None:
        if targets:
            out.print(text(ctx, f"已写入 {len(rs.rules)} 条建议规则：{'、'.join(map(str, targets))}",
                           f"wrote {len(rs.rules)} suggested rules to {', '.join(map(str, targets))}"))
        else:
            out.file.write(yaml_text)

    emit(ctx, data, render)


@app.command("run")
@handle_errors
def run_command(
    ctx: typer.Context,
    code: CodeArg,
    rules: Annotated[Path | None, typer.Option(help="规则文件 rule file [default: rules/<code>.yaml in the workspace, else suggested rules]")] = None,
    version: Annotated[int | None, typer.Option(help="版本号 version (default: latest)")] = None,
    engine: Annotated[str | None, typer.Option(help="计算引擎 duckdb|spark|sc://host:port (overrides --engine/SHUZHI_ENGINE)")] = None,
    as_of: AsOfOpt = None,
    samples: Annotated[int | None, typer.Option(help="每条规则的失败样本数 failing samples per rule [default 10]")] = None,
    html: Annotated[Path | None, typer.Option(help="写入 HTML 报告 write an HTML report")] = None,
    xlsx: Annotated[Path | None, typer.Option(help="写入 Excel 报告 write an Excel report")] = None,
    fail_under: Annotated[float | None, typer.Option("--fail-under", help="得分低于此值时以 2 退出 exit 2 when the score is below this")] = None,
    recompute: Annotated[bool, typer.Option("--recompute", help="不复用已存的分段计数，全量扫描 ignore stored per-segment counts and scan everything")] = False,
    json_: JsonOpt = False,
) -> None:
    """Assess a dataset version: all rules in one scan, scored by GB/T 36344 dimension. 评估数据质量并保存结果。

    On a version made by `ingest --append`, row rules scan only the segments that earlier
    runs have not counted (see docs/quality.md, "Appended versions").

    Example:

    \b
        shuzhi quality run population --rules population.rules.yaml --html report.html
    """
    from shuzhi.quality import quality_history, render_html, run_quality, write_xlsx

    if samples is not None and not 0 <= samples <= 1000:
        raise ConfigError("--samples 应为 0 到 1000", "--samples must be between 0 and 1000")
    if engine:
        state(ctx).overrides["engine"] = engine
    with workspace(ctx) as ws, progress_steps(ctx) as steps:
        result = run_quality(ws, code, rules=rules, version=version, as_of=_as_of(as_of), samples=samples, steps=steps,
                             recompute=recompute)
        history = quality_history(ws, code, limit=30) if html or xlsx else []
    if html:
        from shuzhi.atomic import write_text

        write_text(html, render_html(result, history))
    if xlsx:
        write_xlsx(result, history, xlsx)
    emit(ctx, result, lambda: _render_result(ctx, result))
    if fail_under is not None and (result["score"] is None or result["score"] < fail_under):
        err.print(text(ctx, f"得分 {result['score']} 低于 {fail_under}", f"score {result['score']} is below {fail_under}"))
        raise typer.Exit(2)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.2f}%"


def _render_result(ctx: typer.Context, r: dict[str, Any]) -> None:
    score = "不可评估 not assessable" if r["score"] is None else f"{r['score']:.2f} {r['grade'] or ''}"
    out.print(text(ctx, f"[bold]{r['title']}（{r['dataset']} v{r['version']}）数据质量得分：{score}[/]",
                   f"[bold]{r['dataset']} v{r['version']} quality score: {score}[/]"))
    dims = Table(title=text(ctx, "GB/T 36344 维度", "GB/T 36344 dimensions"), header_style="bold")
    for zh, en in [("维度", "dimension"), ("得分", "score"), ("规则", "rules"), ("说明", "note")]:
        dims.add_column(text(ctx, zh, en))
    for d in r["dimensions"].values():
        dims.add_row(text(ctx, d["label"], d["label_en"]), "—" if d["score"] is None else f"{d['score']:.2f}",
                     str(d["rules"]), d["reason"] or "")
    out.print(dims)
    rules = Table(title=text(ctx, "规则", "rules"), header_style="bold")
    for zh, en in [("规则", "rule"), ("维度", "dim."), ("评估", "evaluated"), ("失败", "failed"), ("通过率", "pass"), ("状态", "status"), ("样本", "sample")]:
        rules.add_column(text(ctx, zh, en), overflow="fold")
    labels = {"pass": ("通过", "pass"), "fail": ("未通过", "fail"), "not_assessable": ("不可评估", "n/a")}
    for x in r["rules"]:
        sample = "; ".join(", ".join(f"{v}" for v in s.values()) for s in x["samples"][:2])
        status = text(ctx, *labels[x["status"]])
        style = {"pass": "green", "fail": "red"}.get(x["status"], "yellow")
        rules.add_row(x["id"], r["dimensions"][x["dimension"]]["label"], "—" if x["evaluated"] is None else f"{x['evaluated']:,}",
                      "—" if x["failed"] is None else f"{x['failed']:,}", _pct(x["pass_ratio"]), f"[{style}]{status}[/]",
                      sample or (x["reason"] or ""))
    out.print(rules)
    for a in r["anomalies"]:
        out.print(f"[yellow]⚠ {text(ctx, a['message_zh'], a['message_en'])}[/]")
    out.print(text(ctx, f"用时 {r['duration_s']} 秒，运行编号 {r['run_id']}", f"took {r['duration_s']} s, run {r['run_id']}"))


@app.command("history")
@handle_errors
def history_command(
    ctx: typer.Context,
    code: CodeArg,
    limit: Annotated[int | None, typer.Option(help="最近几次 the last N runs")] = None,
    json_: JsonOpt = False,
) -> None:
    """Earlier runs of a dataset: score trend and anomalies. 查看历次评估的得分趋势和异常。

    Example:

    \b
        shuzhi quality history population --limit 10
    """
    from shuzhi.quality import quality_history

    with workspace(ctx) as ws:
        runs = quality_history(ws, code, limit=limit)

    def render() -> None:
        table = Table(title=text(ctx, f"{code} 质量评估历史", f"quality history of {code}"), header_style="bold")
        from shuzhi.quality.rules import defaults

        dims = defaults()["dimensions"]
        for zh, en in [("运行", "run"), ("时间", "time"), ("版本", "ver"), ("行数", "rows"), ("得分", "score"), ("等级", "grade")]:
            table.add_column(text(ctx, zh, en))
        for key in dims:
            table.add_column(text(ctx, dims[key]["zh"], dims[key]["en"]))
        table.add_column(text(ctx, "异常", "anomalies"))
        for h in runs:
            table.add_row(str(h["run_id"]), h["started_at"], f"v{h['version']}", "—" if h["rows"] is None else f"{h['rows']:,}",
                          "—" if h["score"] is None else f"{h['score']:.2f}", h["grade"] or "—",
                          *("—" if h["dimensions"][k] is None else f"{h['dimensions'][k]:.1f}" for k in dims),
                          str(len(h["anomalies"])))
        out.print(table)
        if not runs:
            out.print(text(ctx, "还没有评估记录", "no runs yet"))

    emit(ctx, runs, render)


@app.command("checks")
@handle_errors
def checks_command(ctx: typer.Context, json_: JsonOpt = False) -> None:
    """List the available checks with their default dimension and parameters. 列出可用的检查。

    Example:

    \b
        shuzhi quality checks --json
    """
    from shuzhi.quality import get_checks
    from shuzhi.quality.rules import defaults

    dims = defaults()["dimensions"]
    found = [
        {"check": c.name, "dimension": c.dimension, "label": dims[c.dimension]["zh"], "kind": c.kind,
         "parameters": list(c.params.model_json_schema(by_alias=True).get("properties", {})), "zh": c.zh, "en": c.en}
        for c in sorted(get_checks().values(), key=lambda c: (list(dims).index(c.dimension), c.name))
    ]

    def render() -> None:
        table = Table(title=text(ctx, "可用检查", "checks"), header_style="bold")
        for zh, en in [("检查", "check"), ("默认维度", "dimension"), ("参数", "parameters"), ("说明", "description")]:
            table.add_column(text(ctx, zh, en), overflow="fold")
        for c in found:
            table.add_row(c["check"], c["label"], ", ".join(c["parameters"]), text(ctx, c["zh"], c["en"]))
        out.print(table)

    emit(ctx, found, render)
