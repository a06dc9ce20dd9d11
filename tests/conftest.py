"""Shared fixtures: a temporary workspace, engine parametrization (DuckDB and Spark), the CLI."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shuzhi.cli import app
from shuzhi.config import Settings
from shuzhi.workspace import Workspace

ENGINES = [pytest.param("duckdb", id="duckdb"), pytest.param("spark", id="spark", marks=pytest.mark.spark)]


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("SHUZHI_") and not key.startswith("SHUZHI_TEST_"):
            monkeypatch.delenv(key)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def ws(home: Path) -> Iterator[Workspace]:
    """A DuckDB workspace in a temporary folder."""
    with Workspace(Settings(home=home)) as w:
        yield w


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def any_ws(home: Path, engine_name: str) -> Iterator[Workspace]:
    """A workspace on each engine (the Spark session is shared by the whole run)."""
    with Workspace(Settings(home=home, engine=engine_name)) as w:
        yield w


class Cli:
    """Runs ``shuzhi`` in-process on a temporary workspace."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.runner = CliRunner()

    def __call__(self, *args: str, expect: int | None = 0):  # type: ignore[no-untyped-def]
        result = self.runner.invoke(app, ["--home", str(self.home), *args])
        if expect is not None and result.exit_code != expect:
            raise AssertionError(f"exit {result.exit_code} != {expect}\nstdout: {result.stdout}\nstderr: {result.stderr}\n{result.exception!r}")
        return result

    def json(self, *args: str, expect: int = 0):  # type: ignore[no-untyped-def]
        return json.loads(self(*args, "--json", expect=expect).stdout)


@pytest.fixture
def cli(home: Path) -> Cli:
    return Cli(home)


@pytest.fixture
def cli_at():  # type: ignore[no-untyped-def]
    """``cli_at(home)``: the CLI on another workspace (e.g. a module-scoped one)."""
    return Cli
