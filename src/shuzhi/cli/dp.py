"""``shuzhi dp``: differentially private aggregates with a privacy budget per dataset."""

from __future__ import annotations

import getpass
import json
from typing import Annotated, Any

import typer

from shuzhi.cli.common import emit, handle_errors, out, text, workspace
from shuzhi.errors import ConfigError

app = typer.Typer(help="差分隐私统计发布 · differentially private aggregates with a privacy budget", no_args_is_help=True)
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="操作人 [default: the login name]")]


@app.command("budget")
@handle_errors
def budget_command(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="资源代码 dataset code")],
    epsilon: Annotated[float | None, typer.Option("--epsilon", help="设定总预算 ε set the total budget")] = None,
    delta: Annotated[float, typer.Option("--delta", help="总 δ total δ")] = 0.0,
    actor: ActorOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Show or set a dataset's privacy budget and list its releases. 查看或设定隐私预算。

    Example:

    \b
        shuzhi dp budget population --epsilon 2
        shuzhi dp budget population
    """
    from shuzhi.masking.dp import budget, set_budget

    with workspace(ctx) as ws:
        if epsilon is not None:
            set_budget(ws, code, epsilon=epsilon, delta=delta, actor=actor or getpass.getuser())
        data = budget(ws, code)

    def render() -> None:
        total = "—" if data["total"] is None else f"{data['total']:g}"
        out.print(text(ctx, f"{code}：总预算 ε={total}，已用 {data['spent']:g}，剩余 {data['remaining']:g}，发布 {len(data['releases'])} 次",
                       f"{code}: budget ε={total}, spent {data['spent']:g}, remaining {data['remaining']:g}, {len(data['releases'])} release(s)"))
        for r in data["releases"]:
            out.print(f"  #{r['id']} {r['at']} {r['actor']} ε={r['epsilon']:g} {json.dumps(r['query'], ensure_ascii=False)}")

    emit(ctx, data, render)


def _query(kind: str, column: str | None, lower: float | None, upper: float | None, categories: str | None,
           other: str | None) -> dict[str, Any]:
    query: dict[str, Any] = {"kind": kind}
    for key, value in (("column", column), ("lower", lower), ("upper", upper), ("other", other)):
        if value is not None:
            query[key] = value
    if categories is not None:
        query["categories"] = [c.strip() for c in categories.split(",") if c.strip()]
    return query


@app.command("release")
@handle_errors
def release_command(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="资源代码 dataset code")],
    kind: Annotated[str, typer.Option("--kind", help="统计 count|sum|mean|histogram")],
    epsilon: Annotated[float, typer.Option("--epsilon", help="本次消耗的 ε epsilon spent by this release")],
    column: Annotated[str | None, typer.Option("--column", help="列 column")] = None,
    lower: Annotated[float | None, typer.Option("--lower", help="下界（sum/mean 截断）lower bound")] = None,
    upper: Annotated[float | None, typer.Option("--upper", help="上界 upper bound")] = None,
    categories: Annotated[str | None, typer.Option("--categories", help="直方图类别，逗号分隔 histogram categories, comma-separated")] = None,
    other: Annotated[str | None, typer.Option("--other", help="其余值归入的类别名 a bin for values outside the categories")] = None,
    version: Annotated[int | None, typer.Option("--version", help="资源版本 [default: latest]")] = None,
    actor: ActorOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Publish a count, bounded sum, mean or histogram with differential privacy (OpenDP). 差分隐私统计发布。

    The exact aggregate is computed by the engine, OpenDP's discrete Laplace (geometric)
    mechanism adds the noise, and the ε spent is recorded against the dataset's budget
    (refused when it would overspend) together with an audit event.

    Example:

    \b
        shuzhi dp release population --kind histogram --column xb --categories 男,女 --epsilon 0.5
        shuzhi dp release population --kind mean --column nl --lower 0 --upper 120 --epsilon 0.5
    """
    from shuzhi.masking.dp import release

    if categories is not None and kind != "histogram":
        raise ConfigError("--categories 只用于 histogram", "--categories applies to --kind histogram only")
    with workspace(ctx) as ws:
        r = release(ws, code, _query(kind, column, lower, upper, categories, other), epsilon=epsilon,
                    actor=actor or getpass.getuser(), version=version)
    data = r.to_dict()

    def render() -> None:
        value = r.value if not isinstance(r.value, dict) else ", ".join(f"{k}: {v}" for k, v in r.value.items())
        out.print(f"{code} v{r.version} {kind}: {value}")
        for n in r.noise:
            out.print("  " + text(ctx, f"{n.statistic}：ε={n.epsilon:g}，敏感度 {n.sensitivity:g}，噪声尺度 {n.scale:.3g}，95% 误差界 ±{n.accuracy:.3g}",
                           f"{n.statistic}: ε={n.epsilon:g}, sensitivity {n.sensitivity:g}, scale {n.scale:.3g}, 95% accuracy ±{n.accuracy:.3g}"))

    emit(ctx, data, render)
