"""Monitoring input files (meter readings, indicator values, enterprises) read as engine tables.

A file is staged exactly like an ingested source (CSV/TSV in any encoding and delimiter, Excel, JSON;
see :mod:`shuzhi.sources.stage`) into private scratch space, every value as text, then its headers
are mapped to the part's field names through aliases (``总耗电量`` / ``total_kwh``…). A missing
required field or an unknown column is an error before anything is read further. Each row keeps its
position (``record``, 1 = the first data row) so validation errors can point at it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import ibis
import ibis.expr.types as ir

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
