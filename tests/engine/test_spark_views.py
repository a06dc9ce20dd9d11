"""Spark: the temporary views behind tables read from files go away with the tables."""

from __future__ import annotations

import gc
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from shuzhi.config import Settings
from shuzhi.workspace import Workspace


@pytest.mark.spark
def test_views_are_dropped_when_their_tables_are_gone(tmp_path: Path) -> None:
    pq.write_table(pa.table({"a": ["x", "y"]}), tmp_path / "part-0.parquet")
    with Workspace(Settings(home=tmp_path / "ws", engine="spark")) as ws:
        engine = ws.engine
        views = lambda: {t.name for t in engine.session.catalog.listTables() if t.isTemporary and "shuzhi_src" in t.name}  # noqa: E731
        before = views()
        table = engine.read_parquet_files(str(tmp_path), ["part-0.parquet"])
        derived = table.filter(table.a == "y")
        (name,) = views() - before
        del table
        gc.collect()
        assert name in views()  # still used by ``derived``
        assert engine.to_pyarrow(derived).to_pylist() == [{"a": "y"}]
        del derived
        gc.collect()
        assert name not in views()
