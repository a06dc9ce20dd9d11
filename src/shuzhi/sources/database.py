"""Database tables as sources: ``postgresql://…#table``, ``mysql://…#table``,
``sqlite:///path.db#table``, ``duckdb:///path.duckdb#schema.table``.

The table is read through Ibis and streamed in Arrow batches to Parquet, so it is
never held in memory whole. Passwords never leave this module: the catalog
records the URL with the password masked.

>>> src = parse_db_url("postgresql://steward:s3cret@db.gov:5432/pop#public.person")
>>> src.display, src.table, src.schema
('postgresql://steward:***@db.gov:5432/pop#public.person', 'person', 'public')
"""

from __future__ import annotations

import hashlib
import re
import urllib.parse
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
import pyarrow.parquet as pq

from shuzhi.engine import Progress
from shuzhi.errors import ConfigError, NotFoundError, SourceError

SCHEMES = ("postgresql", "postgres", "mysql", "sqlite", "duckdb")
_URL = re.compile(r"^(postgresql|postgres|mysql|sqlite|duckdb)://", re.IGNORECASE)
_IDENT = re.compile(r"^[\w$\u4e00-\u9fff]+$")
BATCH_ROWS = 100_000


def is_db_url(spec: str) -> bool:
    return bool(_URL.match(spec))


@dataclass(frozen=True)
class DbSource:
    url: str  # with credentials, never logged or stored
    scheme: str
    table: str
    schema: str | None
    display: str


def parse_db_url(spec: str) -> DbSource:
    """Split ``URL#[schema.]table``; the table part is validated as identifiers, never spliced into SQL."""
    url, _, fragment = spec.partition("#")
    parsed = urllib.parse.urlsplit(url)
    scheme = {"postgres": "postgresql"}.get(parsed.scheme.lower(), parsed.scheme.lower())
    if not fragment:
        raise ConfigError(
            f"数据库地址需要用 # 指明表名，例如 {url}#表名",
            f"a database URL needs the table after '#', e.g. {url}#table",
        )
    parts = fragment.split(".")
    if len(parts) > 2 or not all(_IDENT.match(p) for p in parts):
        raise ConfigError(f"表名 {fragment!r} 不合法", f"invalid table name {fragment!r}")
    schema, table = (parts[0], parts[1]) if len(parts) == 2 else (None, parts[0])
    netloc = parsed.netloc
    if parsed.password:
        netloc = netloc.replace(f":{parsed.password}@", ":***@")
    display = urllib.parse.urlunsplit((parsed.scheme, netloc, parsed.path, "", "")) + f"#{fragment}"
    return DbSource(url=url, scheme=scheme, table=table, schema=schema, display=display)


def _connect(src: DbSource) -> Any:
    parsed = urllib.parse.urlsplit(src.url)
    try:
        if src.scheme in ("sqlite", "duckdb"):
            path = Path(urllib.parse.unquote(parsed.netloc + parsed.path))
            if not path.is_file():
                raise SourceError(f"数据库文件不存在：{path}", f"database file not found: {path}")
            if src.scheme == "sqlite":
                return ibis.sqlite.connect(path)
            return ibis.duckdb.connect(path, read_only=True)
        if src.scheme == "postgresql":
            return ibis.connect(src.url, connect_timeout=10)
        with warnings.catch_warnings():
            # ibis asks MySQL/MariaDB for a UTC session and warns when the server has no time-zone tables
            warnings.simplefilter("ignore", UserWarning)
            return ibis.connect(src.url, connect_timeout=10)
    except SourceError:
        raise
    except ImportError:
        raise ConfigError(
            f"缺少 {src.scheme} 驱动：请执行 pip install 'shuzhi[{src.scheme}]'",
            f"no driver for {src.scheme}: pip install 'shuzhi[{src.scheme}]'",
        ) from None
    except Exception as err:  # noqa: BLE001 - drivers raise their own error types
        reason = str(err).replace(src.url, src.display).splitlines()[0] if str(err) else type(err).__name__
        raise SourceError(
            f"无法连接数据库 {src.display}：{reason}",
            f"cannot connect to database {src.display}: {reason}",
        ) from None


@dataclass(frozen=True)
class DbStaged:
    sha256: str
    rows: int
    columns: list[str]


def stage_table(src: DbSource, part: str, progress: Progress | None = None, *, compression: str = "snappy") -> DbStaged:
    """Copy the table to the Parquet file ``part`` in Arrow batches; hash the batches as they pass."""
    con = _connect(src)
    try:
        try:
            table = con.table(src.table, database=src.schema) if src.schema else con.table(src.table)
        except Exception:  # noqa: BLE001
            raise NotFoundError(
                f"数据库 {src.display} 中没有表 {src.table}",
                f"table {src.table} not found in {src.display}",
            ) from None
        total = int(con.execute(table.count())) or 1
        hasher = hashlib.sha256()
        rows = 0
        reader = con.to_pyarrow_batches(table, chunk_size=BATCH_ROWS)
        schema = reader.schema
        with pq.ParquetWriter(part, schema, compression=compression) as writer:
            for batch in reader:
                sink = pa.BufferOutputStream()
                with pa.ipc.new_stream(sink, schema) as ipc:
                    ipc.write_batch(batch)
                hasher.update(sink.getvalue())
                writer.write_batch(batch)
                rows += batch.num_rows
                if progress is not None:
                    progress(min(rows / total, 1.0))
        return DbStaged(sha256=hasher.hexdigest(), rows=rows, columns=list(schema.names))
    finally:
        con.disconnect()
