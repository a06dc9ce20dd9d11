"""The engine contract: everything else in shuzhi sees only this, never DuckDB or Spark directly."""

from __future__ import annotations

import abc
import csv
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from shuzhi.errors import SourceError

#: name of the sentinel column that catches fields beyond the header in a CSV row
EXTRA_FIELDS = "__shuzhi_extra__"

#: progress callback: fraction done in [0, 1]
Progress = Callable[[float], None]


@dataclass(frozen=True)
class CsvLayout:
    """How to read one UTF-8 CSV file whose first line is the header.

    ``names`` are the cleaned column names, in order; every field is read as text.
    """

    path: str
    names: tuple[str, ...]
    delimiter: str = ","
    quote: str = '"'
    escape: str = '"'
    #: physical lines dropped before ``path`` was written (for error line numbers)
    line_offset: int = 0
    options: dict[str, Any] = field(default_factory=dict)


class Engine(abc.ABC):
    """A compute engine reached through Ibis.

    Subclasses implement the few operations whose options differ by engine
    (reading text formats, writing Parquet); all analysis is plain Ibis on
    ``self.con`` and runs unchanged on either engine.
    """

    name: str
    con: ibis.BaseBackend
    #: the engine rejects bytes that are not UTF-8 when it reads text (else shuzhi checks them itself)
    checks_utf8: bool = False
    #: Parquet compression of written versions
    compression: str = "snappy"

    @abc.abstractmethod
    def read_parquet(self, path: str) -> ir.Table:
        """Open a Parquet file or a folder of Parquet parts as a table."""

    @abc.abstractmethod
    def read_parquet_files(self, location: str, names: list[str]) -> ir.Table:
        """Open some part files of a version folder (a segment of an appended version) as one table."""

    @abc.abstractmethod
    def csv_to_parquet(self, layout: CsvLayout, out_dir: str, progress: Progress | None = None) -> None:
        """Copy a CSV into Parquet parts under ``out_dir`` (created), every column as text.

        Raises ``SourceError`` naming the line for malformed rows, including rows
        with more fields than the header.
        """

    @abc.abstractmethod
    def json_to_parquet(self, path: str, *, lines: bool, out_dir: str, progress: Progress | None = None) -> list[str]:
        """Copy a JSON array or JSON Lines file to Parquet, every value as text; return the column names."""

    @abc.abstractmethod
    def write_parquet(self, table: ir.Table, out_dir: str, progress: Progress | None = None) -> None:
        """Execute ``table`` and write it as Parquet parts under ``out_dir`` (created)."""

    def execute(self, expr: ir.Expr) -> Any:
        return self.con.execute(expr)

    @abc.abstractmethod
    def byte_length(self, v: ir.StringValue) -> ir.IntegerValue:
        """The length of ``v`` in UTF-8 bytes (``length()`` counts characters): Ibis has no operation for it."""

    def to_pyarrow(self, expr: ir.Expr) -> pa.Table:
        return self.con.to_pyarrow(expr)

    def watching(self, progress: Progress | None) -> AbstractContextManager[None]:
        """While the body runs, report the fraction done of the engine's running query to ``progress``,
        where the engine can tell (DuckDB, Spark with a driver in this process); elsewhere nothing is reported."""
        return nullcontext()

    def code_table(self, codes: Sequence[str]) -> ir.Table:
        """A one-column table of ``codes`` (``code``, text), the build side of a join against a long code list."""
        return ibis.memtable({"code": list(codes)}, schema={"code": "string"})

    def sample(self, table: ir.Table, fraction: float, seed: int) -> ir.Table:
        """About ``fraction`` of the rows, the same ones on every call where the engine can repeat a sample."""
        return table.sample(fraction, seed=seed)

    def cache(self, table: ir.Table) -> ir.Table:
        """Compute ``table`` once and keep it (a temporary table, or a cached Spark frame) for the next queries.

        ``Table.cache()`` would cache unbound tables (memtables) in Ibis' default backend;
        the backend's own method keeps them on this engine. Ibis' PySpark backend does not
        register the in-memory tables a cached query reads (e.g. a code list), so that is
        done first.
        """
        self.con._run_pre_execute_hooks(table)
        return self.con._cached_table(table)

    def uncache(self, table: ir.Table) -> None:
        """Drop a table kept by :meth:`cache`."""
        table.release()  # type: ignore[attr-defined]

    def close(self) -> None:  # an optional hook
        """Release engine resources."""


def wide_row_error(layout: CsvLayout) -> SourceError:
    """The error for a row with more fields than the header, naming its line.

    Engines only report that such a row exists; finding its line rereads the file
    with Python's csv module, which is acceptable on this error path only.
    """
    line, found = 0, 0
    with open(layout.path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=layout.delimiter, quotechar=layout.quote, doublequote=True)
        next(reader, None)
        start = reader.line_num
        for row in reader:
            if any(cell != "" for cell in row[len(layout.names):]):
                line, found = start + 1 + layout.line_offset, len(row)
                break
            start = reader.line_num
    return SourceError(
        f"{layout.path} 第 {line} 行有 {found} 个字段，多于表头的 {len(layout.names)} 列",
        f"{layout.path} line {line}: {found} fields, but the header has {len(layout.names)} columns",
        line=line,
    )


@contextmanager
def polling(poll: Callable[[], float | None], progress: Progress | None, interval: float = 0.25) -> Iterator[None]:
    """Call ``progress(poll())`` from a background thread while the body runs. Values below 0 or None
    (nothing running) are skipped, and what is reported never goes back: a body that runs several
    queries (or Spark jobs) in turn holds the furthest fraction reached until the next one passes it."""
    if progress is None:
        yield
        return
    stop = threading.Event()

    def run() -> None:
        furthest = 0.0
        while not stop.wait(interval):
            value = poll()
            if value is not None and value >= 0:
                furthest = max(furthest, min(value, 1.0))
                progress(furthest)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
