"""Engines and Parquet-backed tables for the masking tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from parquet_tables import Make, parquet_maker

from shuzhi.config import Settings
from shuzhi.engine import Engine
from shuzhi.workspace import Workspace


@pytest.fixture
def engine(tmp_path: Path, engine_name: str) -> Iterator[Engine]:
    """A fresh engine of each kind (DuckDB, Spark)."""
    with Workspace(Settings(home=tmp_path / "ws", engine=engine_name)) as w:
        yield w.engine


@pytest.fixture
def make(engine: Engine, tmp_path: Path) -> Make:
    return parquet_maker(engine, tmp_path)


@pytest.fixture(scope="module")
def duck(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Make]]:
    """One DuckDB engine per module, for property tests and error tables."""
    folder = tmp_path_factory.mktemp("masking")
    with Workspace(Settings(home=folder / "ws", engine="duckdb")) as w:
        yield w.engine, parquet_maker(w.engine, folder)
