"""Spark: local (``SHUZHI_ENGINE=spark``) or Spark Connect (``SHUZHI_ENGINE=sc://host:port``)."""

from __future__ import annotations

import contextlib
import os
import sys
import weakref
from contextlib import AbstractContextManager
from functools import cached_property
from typing import Any

import ibis
import ibis.expr.types as ir

from shuzhi.engine.base import EXTRA_FIELDS, CsvLayout, Engine, Progress, polling, wide_row_error
from shuzhi.errors import EngineError, SourceError


@ibis.udf.scalar.builtin(name="raise_error")
def _raise_error(message: str) -> bool:  # type: ignore[empty-body]
    """Spark's ``raise_error(message)``: aborts the query."""


@ibis.udf.scalar.builtin(name="octet_length")
def _octet_length(v: str) -> int:  # type: ignore[empty-body]
    """Spark's ``octet_length(text)``: the length in UTF-8 bytes."""


def spark_session(master: str | None = None, remote: str | None = None) -> Any:
    """Build (or reuse) the Spark session shuzhi runs on."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EngineError(
            "未安装 PySpark：请执行 pip install 'shuzhi[spark]'",
            "PySpark is not installed: pip install 'shuzhi[spark]'",
        ) from None
    builder = SparkSession.builder.appName("shuzhi")
    if remote:
        builder = builder.remote(remote)
    else:
        builder = (
            builder.master(master or "local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.memory", "2g")
        )
        if (master or "local").startswith("local"):
            # vectorized UDFs (word segmentation) run in Python workers: this interpreter, where shuzhi is
            # installed (on a cluster, every worker's Python needs shuzhi, as for any PySpark UDF)
            # (PySpark reads the environment, not spark.pyspark.python, when it starts the context)
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = builder.config("spark.sql.session.timeZone", "UTC").getOrCreate()
    if not remote:
        session.sparkContext.setLogLevel("ERROR")
    return session


class SparkEngine(Engine):
    """Ibis over a Spark session."""

    name = "spark"

    def __init__(self, session: Any, *, compression: str = "snappy") -> None:
        self.session = session
        self.compression = compression
        self.con = ibis.pyspark.connect(session)

    def sample(self, table: ir.Table, fraction: float, seed: int) -> ir.Table:
        # Ibis cannot seed Spark's sample of a query (it lowers it to a filter on rand())
        return table.sample(fraction)

    def read_parquet(self, path: str) -> ir.Table:
        return self.con.read_parquet(path)

    def read_parquet_files(self, location: str, names: list[str]) -> ir.Table:
        return self._register(self.session.read.parquet(*(f"{location.rstrip('/')}/{n}" for n in names)))

    def csv_to_parquet(self, layout: CsvLayout, out_dir: str, progress: Progress | None = None) -> None:
        from pyspark.sql.types import StringType, StructField, StructType

        names = [*layout.names, EXTRA_FIELDS]
        schema = StructType([StructField(n, StringType(), True) for n in names])
        frame = self.session.read.csv(
            layout.path,
            schema=schema,
            header=True,
            enforceSchema=True,
            sep=layout.delimiter,
            quote=layout.quote,
            escape=layout.escape,
            multiLine=True,  # quoted fields may hold newlines; correctness over split reads
            mode="PERMISSIVE",
            encoding="UTF-8",
            emptyValue="",
            ignoreLeadingWhiteSpace=False,
            ignoreTrailingWhiteSpace=False,
            maxCharsPerColumn=-1,
        )
        table = self._register(frame)
        extra = table[EXTRA_FIELDS]
        too_many = extra.notnull() & (extra != "")
        checked = table.filter(ibis.ifelse(too_many, _raise_error(f"{EXTRA_FIELDS}: row has more fields than the header"), True))
        try:
            self.write_parquet(checked.drop(EXTRA_FIELDS), out_dir, progress)
        except Exception as err:  # Spark raises many JVM-wrapped types
            if EXTRA_FIELDS in str(err):
                raise wide_row_error(layout) from None
            raise

    def json_to_parquet(self, path: str, *, lines: bool, out_dir: str, progress: Progress | None = None) -> list[str]:
        from pyspark.sql import functions as F
        from pyspark.sql.types import StringType

        frame = self.session.read.json(path, multiLine=not lines, primitivesAsString=True, mode="FAILFAST")
        if "_corrupt_record" in frame.columns:
            raise SourceError(f"JSON 文件格式错误：{path}", f"malformed JSON file: {path}")
        columns = [
            F.col(f"`{f.name}`") if isinstance(f.dataType, StringType) else F.to_json(F.col(f"`{f.name}`")).alias(f.name)
            for f in frame.schema.fields
        ]
        table = self._register(frame.select(*columns))
        try:
            self.write_parquet(table, out_dir, progress)
        except Exception as err:  # noqa: BLE001
            raise SourceError(f"JSON 文件无法读取：{path}", f"cannot read JSON file {path}: {str(err).splitlines()[0]}") from None
        return list(frame.columns)

    def write_parquet(self, table: ir.Table, out_dir: str, progress: Progress | None = None) -> None:
        with polling(self._poll, progress):
            self.con.to_parquet(table, out_dir, mode="error", compression=self.compression)

    def byte_length(self, v: ir.StringValue) -> ir.IntegerValue:
        return _octet_length(v)

    def watching(self, progress: Progress | None) -> AbstractContextManager[None]:
        return polling(self._poll, progress)

    @cached_property
    def _tracker(self) -> Any:
        """Spark's status tracker, or None on Spark Connect (the client has no SparkContext)."""
        try:
            return self.session.sparkContext.statusTracker()
        except Exception:  # noqa: BLE001 - Connect raises its own not-implemented types
            return None

    def _poll(self) -> float | None:
        """Tasks done among all tasks of the running jobs' stages, as Spark's UI counts them; None when no
        job runs or no tracker is available."""
        tracker = self._tracker
        if tracker is None:
            return None
        stages = [tracker.getStageInfo(stage) for job in tracker.getActiveJobsIds()
                  if (info := tracker.getJobInfo(job)) is not None for stage in info.stageIds]
        counted = [s for s in stages if s is not None and s.numTasks > 0]
        total = sum(s.numTasks for s in counted)
        return sum(s.numCompletedTasks for s in counted) / total if total else None

    def _register(self, frame: Any) -> ir.Table:
        """``frame`` as an Ibis table over a temporary view, dropped once no expression uses the table any
        more (a long-running process would otherwise collect one view per file it ever read)."""
        name = ibis.util.gen_name("shuzhi_src")
        frame.createOrReplaceTempView(name)
        table = self.con.table(name)
        weakref.finalize(table.op(), _drop_view, self.session, name)
        return table

    def close(self) -> None:
        """The Spark session is shared by the process; it stops at exit."""


def _drop_view(session: Any, name: str) -> None:
    # the session may be stopped already (at exit): its views went with it
    with contextlib.suppress(Exception):
        session.catalog.dropTempView(name)
