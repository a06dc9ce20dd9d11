"""The only package that knows DuckDB from Spark: connect, read sources, write Parquet.

>>> from shuzhi.config import Settings
>>> engine = connect(Settings(home="/tmp/shuzhi-doctest"))
>>> engine.name
'duckdb'
"""

from __future__ import annotations

from shuzhi.config import Settings
from shuzhi.engine.base import EXTRA_FIELDS, CsvLayout, Engine, Progress

__all__ = ["EXTRA_FIELDS", "CsvLayout", "Engine", "Progress", "connect"]


def connect(settings: Settings) -> Engine:
    """Open the engine named by ``settings.engine``."""
    kind = settings.engine_kind
    if kind == "duckdb":
        from shuzhi.engine.duckdb import DuckDBEngine

        return DuckDBEngine(threads=settings.threads, temp_dir=settings.home.resolve() / "tmp", compression=settings.compression)
    from shuzhi.engine.spark import SparkEngine, spark_session

    if kind == "spark":
        return SparkEngine(spark_session(master=settings.spark_master), compression=settings.compression)
    return SparkEngine(spark_session(remote=settings.engine), compression=settings.compression)
