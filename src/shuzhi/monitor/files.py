"""Monitoring input files (meter readings, indicator values, enterprises) read as engine tables.

A file is staged exactly like an ingested source (CSV/TSV in any encoding and delimiter, Excel, JSON;
see :mod:`shuzhi.sources.stage`) into private scratch space, every value as text, then its headers
are mapped to the part's field names through aliases (``总耗电量`` / ``total_kwh``…). A missing
required field or an unknown column is an error before anything is read further. Each row keeps its
position (``record``, 1 = the first data row) so validation errors can point at it.

Rows pushed through the API (:func:`read_rows`) take the same path: they are written to scratch space as
text and read back by the engine, so they meet exactly the checks a file meets.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.parquet as pq

from shuzhi.errors import SourceError
from shuzhi.sources.headers import clean_name
from shuzhi.sources.stage import SourceOptions, Steps, stage
from shuzhi.workspace import Workspace

RECORD = "record"


def _no_steps(_zh: str, _en: str) -> None:
    return None


@dataclass(frozen=True)
class Field:
    """A field of an input file: its name, the header texts that mean it, whether it must be present."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = True

    def matches(self, header: str) -> bool:
        key = clean_name(header).casefold()
        return key == self.name.casefold() or key in (a.casefold() for a in self.aliases)


@contextmanager
def read_file(ws: Workspace, path: Path, fields: Sequence[Field], *, options: SourceOptions | None = None,
              steps: Steps = _no_steps) -> Iterator[ir.Table]:
    """``path`` as a table with one text column per field present (named by :class:`Field`) plus ``record``.

    The scratch copy is removed when the block ends, so use the table inside it.
    """
    path = Path(path)
    with ws.staging() as work:
        out = str(work / "data")
        staged = stage(str(path), ws.engine, work, out, options or SourceOptions(), steps)
        mapping: dict[str, str] = {}
        unknown: list[str] = []
        for column, header in zip(staged.columns, staged.source_names, strict=True):
            field = next((f for f in fields if f.matches(header) or f.matches(column)), None)
            if field is None:
                unknown.append(header)
            elif field.name in mapping.values():
                raise SourceError(f"{path}：列 {header!r} 与另一列都表示 {field.name}", f"{path}: column {header!r} repeats the field {field.name}")
            else:
                mapping[column] = field.name
        if unknown:
            known = ", ".join(f.name for f in fields)
            raise SourceError(f"{path}：不认识的列 {unknown}（可用：{known}）", f"{path}: unknown column(s) {unknown} (known: {known})")
        missing = [f.name for f in fields if f.required and f.name not in mapping.values()]
        if missing:
            raise SourceError(f"{path}：缺少必需的列 {missing}", f"{path}: required column(s) missing: {missing}")
        table = ws.engine.read_parquet(out)
        table = table.select(**{name: table[column].cast("string") for column, name in mapping.items()})
        yield table.mutate(**{RECORD: ibis.row_number() + 1})


@contextmanager
def read_rows(ws: Workspace, rows: Sequence[Mapping[str, Any]], fields: Sequence[Field]) -> Iterator[ir.Table]:
    """Rows given as mappings (field name or alias → value) as the same table :func:`read_file` yields.

    Every value becomes text (``None`` stays missing); an unknown key, a missing required field or an
    empty list is an error before anything is read.
    """
    if not rows:
        raise SourceError("没有数据行", "no rows were given")
    mapping: dict[str, str] = {}
    for key in {k for row in rows for k in row}:
        field = next((f for f in fields if f.matches(str(key))), None)
        if field is None:
            known = ", ".join(f.name for f in fields)
            raise SourceError(f"不认识的字段 {key!r}（可用：{known}）", f"unknown field {key!r} (known: {known})")
        mapping[key] = field.name
    missing = [f.name for f in fields if f.required and f.name not in mapping.values()]
    if missing:
        raise SourceError(f"缺少必需的字段 {missing}", f"required field(s) missing: {missing}")
    columns: dict[str, list[str | None]] = {name: [None] * len(rows) for name in dict.fromkeys(mapping.values())}
    for i, row in enumerate(rows):
        for key, value in row.items():
            columns[mapping[key]][i] = None if value is None else str(value)
    with ws.staging() as work:
        path = work / "rows.parquet"
        pq.write_table(pa.table({k: pa.array(v, pa.string()) for k, v in columns.items()}), path)
        table = ws.engine.read_parquet(str(path))  # through a file: an engine's in-memory tables may not keep NULLs
        yield table.mutate(**{RECORD: ibis.row_number() + 1})
