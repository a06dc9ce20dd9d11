"""What every command shares: the workspace from global options, output (Rich or JSON), error mapping."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)

from shuzhi.errors import ConfigError, ShuzhiError

if TYPE_CHECKING:  # imported where a command needs them: `shuzhi --help` should not load the engines
    from shuzhi.config import Settings
    from shuzhi.workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])

# off a terminal (pipes, files, tests) lay tables out wide rather than folding Chinese text at 80 columns
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True, width=None if sys.stderr.isatty() else 200)


@dataclass
class State:
    """Global options, resolved into settings when the first command needs them."""

    overrides: dict[str, Any]
    json: bool = False

    def settings(self) -> Settings:
        from shuzhi.config import Settings

        try:
            return Settings(**{k: v for k, v in self.overrides.items() if v is not None})
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ConfigError(f"配置项 {where} 无效：{first['msg']}", f"invalid setting {where}: {first['msg']}") from None

    @property
    def lang(self) -> str:
        lang = self.overrides.get("lang") or os.environ.get("SHUZHI_LANG") or "both"
        return lang if lang in ("zh", "en", "both") else "both"


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State(overrides={})
    return root.obj


@contextmanager
def workspace(ctx: typer.Context) -> Iterator[Workspace]:
    from shuzhi.workspace import Workspace

    ws = Workspace(state(ctx).settings())
    try:
        yield ws
    finally:
        ws.close()


def emit(ctx: typer.Context, data: Any, render: Callable[[], None]) -> None:
    """JSON on stdout with ``--json``, otherwise the Rich rendering."""
    if state(ctx).json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        render()


def text(ctx: typer.Context, zh: str, en: str) -> str:
    lang = state(ctx).lang
    return zh if lang == "zh" else en if lang == "en" else f"{zh} ({en})"


def handle_errors(func: F) -> F:
    """Map domain errors to a one-line message and exit code 1; Ctrl-C to exit code 130."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = kwargs.get("ctx") or next(a for a in args if isinstance(a, typer.Context))
        st = state(ctx)
        st.json = st.json or bool(kwargs.get("json_"))
        try:
            return func(*args, **kwargs)
        except ShuzhiError as e:
            if st.json:
                sys.stdout.write(json.dumps({"error": e.to_dict()}, ensure_ascii=False) + "\n")
            err.print(f"[bold red]错误 error:[/] {escape(e.render(st.lang))}", highlight=False)  # type: ignore[arg-type]
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            _interrupted()
        except (typer.Exit, typer.Abort):
            raise  # a command's own exit code
        except Exception as e:
            if _caused_by_interrupt(e):  # engines wrap Ctrl-C in their own errors ("Query interrupted")
                _interrupted()
            if os.environ.get("SHUZHI_DEBUG"):
                raise
            # a bug, not bad input: one line, and the traceback on request
            reason = escape(f"{type(e).__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}")
            err.print(f"[bold red]内部错误 internal error:[/] {reason} — 请报告此问题 please report it (SHUZHI_DEBUG=1 shows the traceback)")
            raise typer.Exit(70) from None

    return wrapper  # type: ignore[return-value]


def _caused_by_interrupt(e: BaseException) -> bool:
    seen: set[int] = set()
    cur: BaseException | None = e
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, KeyboardInterrupt):
            return True
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return False


def _interrupted() -> None:
    err.print("[yellow]已中断，未做任何更改 (interrupted, nothing was changed)[/]")
    raise typer.Exit(130) from None


@contextmanager
def progress_steps(ctx: typer.Context) -> Iterator[Callable[[str, str], Callable[[float], None] | None]]:
    """A Rich progress display for multi-step jobs (on a terminal, and not with ``--json``)."""
    if state(ctx).json or not err.is_terminal:
        yield lambda _zh, _en: None
        return
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
                   TimeElapsedColumn(), console=err, transient=True)
    current: list[int] = []

    def step(zh: str, en: str) -> Callable[[float], None]:
        if current:
            bar.update(current[-1], completed=1.0)
        task = bar.add_task(text(ctx, zh, en), total=1.0)
        current.append(task)
        return lambda fraction: bar.update(task, completed=fraction)

    with bar:
        yield step
