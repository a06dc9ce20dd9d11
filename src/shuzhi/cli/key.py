"""``shuzhi key``: the keyring (create, list, rotate) and a fresh master key."""

from __future__ import annotations

import getpass
from typing import Annotated

import typer
from rich.table import Table

from shuzhi.cli.common import emit, handle_errors, out, text, workspace

app = typer.Typer(help="密钥管理 · keys for hashing, tokens, FPE and encryption", no_args_is_help=True)
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON machine-readable output")]


@app.command("new-master")
@handle_errors
def new_master_command(ctx: typer.Context) -> None:
    """Print a fresh random master key (keep it in a secret store, never in the workspace). 生成主密钥。

    Example:

    \b
        shuzhi key new-master > /etc/shuzhi/master.key && chmod 600 /etc/shuzhi/master.key
        export SHUZHI_MASTER_KEY_FILE=/etc/shuzhi/master.key
    """
    from shuzhi.security.keyring import new_master_key

    typer.echo(new_master_key())


@app.command("create")
@handle_errors
def create_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="密钥名 key name, e.g. gov-hash")],
    purpose: Annotated[str, typer.Option("--purpose", help="用途 hash|tokenize|fpe|encrypt")],
    algorithm: Annotated[str | None, typer.Option("--algorithm", help="算法 [default: 国密] hmac-sm3|hmac-sha256|sm4-cmac-siv|sm4-siv|aes-siv|ff1-sm4|ff1-aes|sm4-gcm|aes-gcm")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="操作人 [default: the login name]")] = None,
    json_: JsonOpt = False,
) -> None:
    """Create a key in the keyring, wrapped by the master key; audited. 创建密钥。

    Example:

    \b
        shuzhi key create gov-hash --purpose hash
    """
    from shuzhi.security import keyring

    with workspace(ctx) as ws:
        master = keyring.MasterKey.from_settings(ws.settings)
        with ws.store.session() as s:
            info = keyring.create(s, master, name=name, purpose=purpose, algorithm=algorithm, actor=actor or getpass.getuser())
    emit(ctx, info.to_dict(), lambda: out.print(f"{info.id} {info.purpose} {info.algorithm}"))


@app.command("rotate")
@handle_errors
def rotate_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="密钥名 key name")],
    actor: Annotated[str | None, typer.Option("--actor", help="操作人 [default: the login name]")] = None,
    json_: JsonOpt = False,
) -> None:
    """Make a new generation of a key; the old one is retired but kept for reversal. 轮换密钥。

    Example:

    \b
        shuzhi key rotate tokenize
    """
    from shuzhi.security import keyring

    with workspace(ctx) as ws:
        master = keyring.MasterKey.from_settings(ws.settings)
        with ws.store.session() as s:
            info = keyring.rotate(s, master, name, actor=actor or getpass.getuser())
    emit(ctx, info.to_dict(), lambda: out.print(text(ctx, f"{info.id} 已启用，上一代已停用", f"{info.id} active, the previous generation retired")))


@app.command("list")
@handle_errors
def list_command(ctx: typer.Context, json_: JsonOpt = False) -> None:
    """List the keys (never their material). 列出密钥。

    Example:

    \b
        shuzhi key list
    """
    from shuzhi.security import keyring

    with workspace(ctx) as ws, ws.store.session() as s:
        keys = keyring.list_keys(s)
    data = [k.to_dict() for k in keys]

    def render() -> None:
        table = Table(title=text(ctx, "密钥", "keys"))
        for zh, en in [("标识", "id"), ("用途", "purpose"), ("算法", "algorithm"), ("状态", "status"), ("创建", "created")]:
            table.add_column(text(ctx, zh, en))
        for k in keys:
            table.add_row(k.id, k.purpose, k.algorithm, k.status, f"{k.created_at:%Y-%m-%d %H:%M} {k.created_by}")
        out.print(table)

    emit(ctx, data, render)
