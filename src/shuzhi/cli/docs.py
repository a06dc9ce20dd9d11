"""Generate docs/cli.md from the commands' own help (``make docs``); a test keeps the file in step."""

from __future__ import annotations

import typer

from shuzhi.cli import app

WIDTH = 110


def _walk(command, ctx, path: list[str]):  # type: ignore[no-untyped-def]
    yield path, command, ctx
    for name in getattr(command, "list_commands", lambda _ctx: [])(ctx):
        sub = command.get_command(ctx, name)
        sub_ctx = type(ctx)(sub, info_name=name, parent=ctx, terminal_width=WIDTH, max_content_width=WIDTH)
        yield from _walk(sub, sub_ctx, [*path, name])


def render() -> str:
    root = typer.main.get_command(app)
    ctx = root.context_class(root, info_name="shuzhi", terminal_width=WIDTH, max_content_width=WIDTH)
    out = [
        "# shuzhi 命令行 · CLI reference",
        "",
        "Generated from the commands' help by `make docs` (`python -m shuzhi.cli.docs`); do not edit by hand.",
        "Every command accepts `--json` for machine-readable output and exits non-zero with a one-line error on failure.",
        "",
    ]
    for path, command, cmd_ctx in _walk(root, ctx, ["shuzhi"]):
        out += [f"## `{' '.join(path)}`", "", "```text", command.get_help(cmd_ctx).rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
