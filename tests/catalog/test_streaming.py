"""Large files stream: Python never holds the file, whatever its encoding."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import duckdb
import pytest

from shuzhi.catalog import ingest
from shuzhi.catalog.search import words
from shuzhi.workspace import Workspace

MB = 1 << 20


@pytest.mark.slow
def test_gbk_file_is_transcoded_and_ingested_in_bounded_memory(ws: Workspace, tmp_path: Path) -> None:
    utf8 = tmp_path / "big.utf8.csv"
    duckdb.sql(f"""
        COPY (SELECT '江苏省南京市玄武区中山路' || CAST(i AS VARCHAR) || '号' AS 地址,
                     '3201021990' || lpad(CAST(i % 100000000 AS VARCHAR), 8, '0') AS 身份证号,
                     CAST(i % 97 AS VARCHAR) AS 年龄
              FROM range(1200000) t(i)) TO '{utf8}' (HEADER)
    """)
    gbk = tmp_path / "big.csv"
    with utf8.open(encoding="utf-8") as src, gbk.open("w", encoding="gbk") as dst:
        while block := src.read(4 * MB):
            dst.write(block)
    size = gbk.stat().st_size
    assert size > 60 * MB

    # fixed costs first, outside the measurement: jieba's dictionary, the engine, the metadata schema
    words("人口综合库")
    assert ws.engine and ws.store
    tracemalloc.start()
    try:
        result = ingest(ws, str(gbk))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (result.rows, result.encoding) == (1_200_000, "GBK")
    assert peak < 16 * MB < size, f"Python peak {peak / MB:.0f} MiB for a {size / MB:.0f} MiB file"
