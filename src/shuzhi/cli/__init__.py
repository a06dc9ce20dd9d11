"""The ``shuzhi`` command: a thin adapter over the library (one module per domain)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from shuzhi import __version__
from shuzhi.cli import catalog, demo, dp, grade, key, monitor, quality
from shuzhi.cli.common import State
from shuzhi.cli.ingest import ingest_command
from shuzhi.cli.mask import (
    anonymize_command,
    mask_command,
    risk_command,
    unmask_command,
)
from shuzhi.cli.scan import scan_command

app = typer.Typer(
    name="shuzhi",
    help="数治 shuzhi — 公共数据治理与流通平台 · public-data governance platform.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command("ingest")(ingest_command)
app.add_typer(catalog.app, name="catalog")
app.add_typer(quality.app, name="quality")
app.command("scan")(scan_command)
app.add_typer(grade.app, name="grade")
app.command("mask")(mask_command)
app.command("unmask")(unmask_command)
app.command("risk")(risk_command)
app.command("anonymize")(anonymize_command)
app.add_typer(key.app, name="key")
app.add_typer(dp.app, name="dp")
app.add_typer(monitor.app, name="monitor")
app.command("demo")(demo.demo_command)
app.command("demo-data")(demo.demo_data_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"shuzhi {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    home: Annotated[Path | None, typer.Option(help="工作区目录 workspace folder [env SHUZHI_HOME, default ./shuzhi-data]")] = None,
    db: Annotated[str | None, typer.Option(help="元数据库 URL metadata database [env SHUZHI_DB, default SQLite in the workspace]")] = None,
    engine: Annotated[str | None, typer.Option(help="计算引擎 duckdb|spark|sc://host:port [env SHUZHI_ENGINE]")] = None,
    lang: Annotated[str | None, typer.Option(help="消息语言 zh|en|both [env SHUZHI_LANG]")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本 show the version")] = False,
) -> None:
    """数治 shuzhi: catalog, quality, discovery and sharing of public data."""
    ctx.obj = State(overrides={"home": home, "db": db, "engine": engine, "lang": lang})


def main() -> None:
    app()
