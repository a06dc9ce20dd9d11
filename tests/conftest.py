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

# The Spark tests run on tables of a few rows, where Spark spends its time planning and generating
# code, not computing: without whole-stage code generation and adaptive re-planning they take a quarter
# less time (test_checks' Spark cases: 158 s -> 122 s), which keeps CI within its budget. Results do not
# depend on it (Spark itself falls back to the non-whole-stage path when generated code is too large);
# shuzhi's own sessions keep Spark's defaults. (Spark's internal NO_CODEGEN factory mode would save more,
# but breaks Spark's own catalog listing: EXPRESSION_DECODING_FAILED.)
SPARK_TEST_CONF = {
    "spark.sql.codegen.wholeStage": "false",
    "spark.sql.adaptive.enabled": "false",
}
_spark_configured: list[bool] = []


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before the first Spark test: start the shared local session and set :data:`SPARK_TEST_CONF`."""
    if _spark_configured or item.get_closest_marker("spark") is None:
        return
    from shuzhi.engine.spark import spark_session

    session = spark_session()
    for key, value in SPARK_TEST_CONF.items():
        session.conf.set(key, value)
    _spark_configured.append(True)


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
