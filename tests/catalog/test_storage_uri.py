"""SHUZHI_STORAGE as a URI (Spark): versions written in place, the catalog row as the commit, abandoned writes swept."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from corpus import HEADER, ROWS, csv_text, records, write_text, write_xlsx

from shuzhi.catalog import ingest, list_datasets, read_dataset, show_dataset
from shuzhi.config import Settings
from shuzhi.engine.storage import GRACE_SECONDS, Storage
from shuzhi.errors import ConfigError, SourceError
from shuzhi.workspace import Workspace


def folders(root: Path) -> set[str]:
    return {f"{c.name}/{v.name}" for c in root.iterdir() if c.is_dir() for v in c.iterdir()} if root.exists() else set()


@pytest.mark.spark
def test_versions_written_in_place_under_a_uri(tmp_path: Path) -> None:
    root = tmp_path / "lake"
    with Workspace(Settings(home=tmp_path / "ws", engine="spark", storage=f"file://{root}")) as ws:
        first = ingest(ws, str(write_text(tmp_path / "people.csv", csv_text(), "gbk")))
        assert (first.version, first.rows, first.encoding) == (1, 4, "GBK")
        uri = show_dataset(ws, "people")["storage_uri"]
        assert uri.startswith(f"file://{root}/people/")
        assert ws.engine.to_pyarrow(read_dataset(ws, "people", typed=False)).to_pylist() == records()

        # identical content: nothing new is left behind in the lake
        assert ingest(ws, str(tmp_path / "people.csv")).status == "unchanged"
        # a failing ingest deletes what it wrote
        with pytest.raises(SourceError):
            ingest(ws, str(write_text(tmp_path / "people.csv", csv_text() + "a,b,c,d,e,f,g,h,i,j,k\n", "gbk")))
        # Python-side writers (Excel) write to the URI too
        ingest(ws, str(write_xlsx(tmp_path / "grid.xlsx", [HEADER, *ROWS])))
        assert ws.engine.to_pyarrow(read_dataset(ws, "grid", typed=False)).to_pylist() == records()
        assert {e["code"]: e["version"] for e in list_datasets(ws)} == {"grid": 1, "people": 1}
    assert len(folders(root)) == 2  # exactly the two committed versions


def test_sweep_removes_only_old_uncommitted_folders(tmp_path: Path) -> None:
    root = tmp_path / "lake"
    storage = Storage(f"file://{root}")
    for name in ("people/committed", "people/abandoned", "people/in-progress"):
        (root / name).mkdir(parents=True)
        (root / name / "part-0.parquet").write_bytes(b"x")
    old = time.time() - GRACE_SECONDS - 60
    for path in [root / "people/abandoned", root / "people/abandoned/part-0.parquet", root / "people/committed"]:
        os.utime(path, (old, old))
    removed = storage.sweep({f"file://{root}/people/committed"})
    assert removed == 1
    assert folders(root) == {"people/committed", "people/in-progress"}


def test_uri_storage_needs_spark(tmp_path: Path) -> None:
    with Workspace(Settings(home=tmp_path / "ws", storage="hdfs://namenode:8020/shuzhi")) as ws:
        with pytest.raises(ConfigError, match="needs the Spark engine"):
            ingest(ws, str(write_text(tmp_path / "people.csv", csv_text())))
