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


@pytest.mark.spark
def test_progress_is_the_running_jobs_tasks_done(tmp_path: Path) -> None:
    """``watching`` on Spark reports the share of the running jobs' tasks done, from the status tracker."""
    import threading
    import time

    with Workspace(Settings(home=tmp_path / "ws", engine="spark")) as ws:
        engine = ws.engine
        assert engine._poll() is None  # nothing runs
        frame = engine.session.range(0, 4_000_000, numPartitions=24).selectExpr("id % 97 AS k", "sha2(CAST(id AS STRING), 256) AS h")
        seen: list[float] = []
        job = threading.Thread(target=lambda: frame.groupBy("k").agg({"h": "max"}).collect())
        with engine.watching(seen.append):
            job.start()
            job.join()
            time.sleep(0.3)
        assert seen and all(0 <= a <= b <= 1 for a, b in zip(seen, seen[1:], strict=False))
        assert any(0 < f < 1 for f in seen)  # seen while the tasks ran, not only at the end
        assert engine._poll() is None
