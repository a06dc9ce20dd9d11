"""Documentation cannot drift: generated CLI reference, every command, setting and catalog field documented."""

from __future__ import annotations

from pathlib import Path

import typer

from shuzhi.catalog.metadata import (
    BASE_LIBRARIES,
    CATEGORIES,
    OPEN_TYPES,
    SHARE_TYPES,
    UPDATE_CYCLES,
    DatasetMeta,
)
from shuzhi.cli import app
from shuzhi.cli.docs import render
from shuzhi.config import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    """Every command, nested groups included (``monitor dc register``)."""
    root = typer.main.get_command(app)
    ctx = root.context_class(root, info_name="shuzhi")

    def walk(group, prefix: str) -> list[str]:  # type: ignore[no-untyped-def]
        out = []
        for name in group.list_commands(ctx):
            sub = group.get_command(ctx, name)
            out += walk(sub, f"{prefix}{name} ") if hasattr(sub, "list_commands") else [f"{prefix}{name}"]
        return out

    return walk(root, "")


def test_cli_reference_is_generated_from_help() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == render(), "run `make docs`"


def test_every_command_in_readme() -> None:
    assert commands()  # the walk found something
    for command in commands():
        assert f"shuzhi {command}" in README, command


def test_quick_start_is_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = quick.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make demo", "make test"]


def test_every_setting_documented() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"`{name}`" in doc, name
        assert f"SHUZHI_{name.upper()}" in doc, name


def test_every_catalog_field_and_value_documented() -> None:
    doc = (ROOT / "docs" / "catalog.md").read_text(encoding="utf-8")
    for name, field in DatasetMeta.model_fields.items():
        assert f"`{name}" in doc and field.alias in doc, name
    for value in (*CATEGORIES, *BASE_LIBRARIES, *SHARE_TYPES, *OPEN_TYPES, *UPDATE_CYCLES):
        assert value in doc, value


def test_docs_links_resolve() -> None:
    import re

    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+\.md)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} → {target}"


def test_every_quality_check_and_parameter_documented() -> None:
    from shuzhi.quality import get_checks

    doc = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8")
    table = doc.split("## Checks", 1)[1].split("## How a run executes", 1)[0]
    for name, check in get_checks().items():
        row = next((line for line in table.splitlines() if line.startswith(f"| `{name}` |")), None)
        assert row is not None, name
        for param in check.params.model_json_schema(by_alias=True).get("properties", {}):
            assert f"`{param}" in row or f"{param}:" in row, (name, param)


def test_every_entity_type_and_template_documented() -> None:
    from shuzhi.discovery.recognizer import registry
    from shuzhi.grading.templates import template_names

    doc = (ROOT / "docs" / "discovery.md").read_text(encoding="utf-8")
    for entity, r in registry().items():
        assert f"| `{entity}` | {r.LABEL} |" in doc, entity
    for name in template_names():
        assert f"`{name}`" in doc, name
