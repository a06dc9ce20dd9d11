"""Small test tables written as Parquet and opened by an engine, as stored versions are.

Ibis' PySpark memtables turn None into 'NaN' in string columns and read int64 columns as NULL,
so engine tests on both backends build their tables through a Parquet file instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.parquet as pq

from shuzhi.engine import Engine

ARROW = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "date": pa.date32()}
Make = Callable[..., ir.Table]


def parquet_maker(engine: Engine, folder: Path) -> Make:
    """``make(columns, types=None)``: a table of ``columns`` (name → values), text unless ``types`` says otherwise."""

    def make(columns: dict[str, list[Any]], types: dict[str, str] | None = None) -> ir.Table:
        path = folder / f"{uuid.uuid4().hex}.parquet"
        kinds = types or {}
        pq.write_table(pa.table({c: pa.array(v, type=ARROW[kinds.get(c, "string")]) for c, v in columns.items()}), path)
        return engine.read_parquet(str(path))

    return make
