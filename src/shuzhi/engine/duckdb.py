"""DuckDB, the embedded default engine."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path

import duckdb
import ibis
import ibis.expr.datatypes as dt
import ibis.expr.operations as ops
import ibis.expr.types as ir
import pyarrow as pa
import sqlglot.expressions as sge
from ibis.backends.sql.compilers.duckdb import DuckDBCompiler
from ibis.formats.pyarrow import PyArrowData

from shuzhi.engine.base import (
    EXTRA_FIELDS,
    CsvLayout,
    Engine,
    Progress,
    polling,
    wide_row_error,
)
from shuzhi.errors import EngineError, SourceError


@ibis.udf.scalar.builtin(name="error")
def _raise_error(message: str) -> bool:  # type: ignore[empty-body]
    """DuckDB's ``error(message)``: aborts the query."""


@ibis.udf.scalar.builtin(name="strlen")
def _strlen(v: str) -> int:  # type: ignore[empty-body]
    """DuckDB's ``strlen(text)``: the length in bytes, read from the string's header."""


def full_match_body(pattern: str) -> str | None:
    r"""``X`` of an anchored pattern ``^X\z`` (or ``^X$``) when RE2's full match of ``X`` is the same test.

    DuckDB runs ``regexp_full_match(s, X)`` about five times faster than ``regexp_matches(s, '^X\z')``
    (an anchored match instead of a search). The two agree unless ``X`` has an alternation at its
    top level (``^a|b\z`` is ``(^a)|(b\z)``), or a quoted ``\Q…\E`` span this scan does not follow:
    those, and patterns that are not anchored at both ends, give None. (RE2's ``$`` is the end of
    the text without the multi-line flag, like ``\z``.)

    >>> full_match_body(r"^[0-9]{17}[0-9X]\z"), full_match_body("^(a|b)c$"), full_match_body(r"^a|b\z")
    ('[0-9]{17}[0-9X]', '(a|b)c', None)
    >>> full_match_body(r"^a\\z"), full_match_body(r"^a\$"), full_match_body(r"^[|]\z")
    (None, None, '[|]')
    """
    if not pattern.startswith("^") or "\\Q" in pattern:
        return None
    for end in ("\\z", "$"):
        if pattern.endswith(end):
            body = pattern[1 : len(pattern) - len(end)]
            break
    else:
        return None
    if (len(body) - len(body.rstrip("\\"))) % 2:
        return None  # the end is escaped: a literal 'z' or '$'
    depth, i, in_class = 0, 0, False
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 1
            if body[i : i + 1] == "^":
                i += 1
            if body[i : i + 1] == "]":  # a ']' first in a class is a literal
                i += 1
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None
        i += 1
    return body


class _Compiler(DuckDBCompiler):
    """Ibis's DuckDB compiler, with anchored regular expressions run as full matches (:func:`full_match_body`)."""


def _visit_regex_search(self: DuckDBCompiler, op: ops.RegexSearch, *, arg: sge.Expression, pattern: sge.Expression) -> sge.Expression:
    if isinstance(op.pattern, ops.Literal) and (body := full_match_body(op.pattern.value)) is not None:
        return self.f.regexp_full_match(arg, sge.convert(body))
    return self.f.regexp_like(arg, pattern)


# assigned after the class is built: Ibis generates visit methods of simple operations in __init_subclass__
_Compiler.visit_RegexSearch = _visit_regex_search  # type: ignore[method-assign]
_COMPILER = _Compiler()


def to_sql(expr: ir.Expr, *, pretty: bool = True) -> str:
    """``expr`` as the SQL a :class:`DuckDBEngine` runs (with :class:`_Compiler`'s rewrites), bound or not."""
    return _COMPILER.to_sqlglot(expr.unbind()).sql(dialect=_COMPILER.dialect, pretty=pretty)


class _ArrowResult(PyArrowData):
    """Ibis' Arrow result mapping, with columns and scalars of Ibis' null type as nulls (DuckDB types them)."""

    @classmethod
    def convert_scalar(cls, scalar: pa.Scalar, dtype: dt.DataType) -> pa.Scalar:
        return pa.scalar(None) if dtype.is_null() else super().convert_scalar(scalar, dtype)

    @classmethod
    def convert_column(cls, column: pa.Array, dtype: dt.DataType) -> pa.Array:
        return pa.nulls(len(column)) if dtype.is_null() else super().convert_column(column, dtype)


_LINE = re.compile(r"CSV Error on Line: (\d+)")
_NEEDS_SERIAL = "does not support null_padding in conjunction with quoted new lines"
_LONG_LINE = "Maximum line size"


class DuckDBEngine(Engine):
    """Ibis over an in-process DuckDB connection."""

    name = "duckdb"
    checks_utf8 = True

    def __init__(self, *, threads: int | None = None, temp_dir: Path | None = None, compression: str = "snappy") -> None:
        self.compression = compression
        # settings as connection options: a bound query parameter would import pandas (half a second)
        config: dict[str, object] = {}
        if threads:
            config["threads"] = int(threads)
        if temp_dir is not None:
            temp_dir.mkdir(parents=True, exist_ok=True)
            config["temp_directory"] = str(temp_dir)
        self.con = ibis.duckdb.connect(**config)
        self.con.compiler = _COMPILER  # type: ignore[misc]
        self._raw: duckdb.DuckDBPyConnection = self.con.con
        self._raw.execute("SET enable_progress_bar = true")
        self._raw.execute("SET enable_progress_bar_print = false")
        self._code_tables: set[str] = set()
        self._lock = threading.Lock()

    def read_parquet(self, path: str) -> ir.Table:
        return self.con.read_parquet(_parts(path))

    def code_table(self, codes: Sequence[str]) -> ir.Table:
        """The codes as a temporary table, created once per list and connection.

        Not an in-memory Arrow table: DuckDB imports pandas when it registers one (half a
        second or more per process), and every plan naming the list would register its own
        copy. The values are SQL literals built by sqlglot, never text spliced into SQL.
        """
        codes = tuple(codes)
        name = "shuzhi_codes_" + hashlib.sha1("\0".join(codes).encode()).hexdigest()[:20]
        with self._lock:
            if name not in self._code_tables:
                # nodes built directly: sqlglot's builders copy their arguments (0.1 s for GB/T 2260's 6,900 codes)
                values = sge.Cast(this=sge.Array(expressions=[sge.Literal.string(c) for c in codes]),
                                  to=sge.DataType.build("VARCHAR[]", dialect="duckdb"))
                select = sge.Select(expressions=[sge.Alias(this=sge.Unnest(expressions=[values]), alias=sge.to_identifier("code"))])
                create = sge.Create(this=sge.to_table(name), kind="TABLE", expression=select, replace=True,
                                    properties=sge.Properties(expressions=[sge.TemporaryProperty()]))
                self._raw.execute(create.sql(dialect="duckdb"))
                self._code_tables.add(name)
        return self.con.table(name)

    def read_parquet_files(self, location: str, names: list[str]) -> ir.Table:
        return self.con.read_parquet([f"{location.rstrip('/')}/{n}" for n in names])

    def csv_to_parquet(self, layout: CsvLayout, out_dir: str, progress: Progress | None = None) -> None:
        # the fast reader first; fall back to the settings that the file turns out to need
        options: dict[str, object] = {"parallel": True}
        while True:
            try:
                return self._csv_to_parquet(layout, out_dir, progress, **options)
            except duckdb.Error as err:
                text = str(err)
                if _NEEDS_SERIAL in text and options["parallel"]:
                    options["parallel"] = False  # quoted newlines + short rows: only the serial reader pads them
                elif _LONG_LINE in text and "max_line_size" not in options:
                    options["max_line_size"] = 256 * 1024 * 1024  # long free-text fields
                else:
                    raise _csv_error(layout, err) from None
                _clear(out_dir)

    def _csv_to_parquet(self, layout: CsvLayout, out_dir: str, progress: Progress | None, **options: object) -> None:
        names = [*layout.names, EXTRA_FIELDS]
        table = self.con.read_csv(
            layout.path,
            columns={n: "VARCHAR" for n in names},
            header=True,
            auto_detect=False,
            delim=layout.delimiter,
            quote=layout.quote,
            escape=layout.escape,
            null_padding=True,
            allow_quoted_nulls=False,
            **options,
        )
        extra = table[EXTRA_FIELDS]
        too_many = extra.notnull() & (extra != "")
        checked = table.filter(ibis.ifelse(too_many, _raise_error(f"{EXTRA_FIELDS}: row has more fields than the header"), True))
        self.write_parquet(checked.drop(EXTRA_FIELDS), out_dir, progress)

    def json_to_parquet(self, path: str, *, lines: bool, out_dir: str, progress: Progress | None = None) -> list[str]:
        fmt = "newline_delimited" if lines else "array"
        try:
            probe = self.con.read_json(path, format=fmt, sample_size=-1, maximum_object_size=64 * 1024 * 1024)
            names = list(probe.columns)
            table = self.con.read_json(
                path, format=fmt, columns={n: "VARCHAR" for n in names}, maximum_object_size=64 * 1024 * 1024
            )
            self.write_parquet(table, out_dir, progress)
        except duckdb.Error as err:
            raise SourceError(
                f"JSON 文件无法读取：{path}：{_first_line(err)}",
                f"cannot read JSON file {path}: {_first_line(err)}",
            ) from None
        return names

    def write_parquet(self, table: ir.Table, out_dir: str, progress: Progress | None = None) -> None:
        os.makedirs(out_dir, exist_ok=False)
        with polling(self._poll, progress):
            self.con.to_parquet(table, os.path.join(out_dir, "part-0.parquet"), compression=self.compression)

    def watching(self, progress: Progress | None) -> AbstractContextManager[None]:
        return polling(self._poll, progress)

    def _poll(self) -> float | None:
        try:
            value = self._raw.query_progress()
        except duckdb.Error:
            return None
        return value / 100.0 if value >= 0 else None

    def to_pyarrow(self, expr: ir.Expr) -> pa.Table:
        """Ibis' ``to_pyarrow`` without its result converter module, which imports pandas (half a second a process)."""
        table = self.con._to_duckdb_relation(expr).to_arrow_table()
        return expr.__pyarrow_result__(table, data_mapper=_ArrowResult)  # type: ignore[union-attr]

    def byte_length(self, v: ir.StringValue) -> ir.IntegerValue:
        return _strlen(v)

    def execute(self, expr: ir.Expr):  # type: ignore[no-untyped-def]
        try:
            return self.con.execute(expr)
        except duckdb.Error as err:
            raise EngineError(f"DuckDB 执行失败：{_first_line(err)}", f"DuckDB query failed: {_first_line(err)}") from err

    def close(self) -> None:
        self.con.disconnect()


def _parts(path: str) -> str:
    return os.path.join(path, "*.parquet") if os.path.isdir(path) else path


def _clear(out_dir: str) -> None:
    if os.path.isdir(out_dir):
        for name in os.listdir(out_dir):
            os.unlink(os.path.join(out_dir, name))
        os.rmdir(out_dir)


def _first_line(err: BaseException) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


def _csv_error(layout: CsvLayout, err: duckdb.Error) -> SourceError:
    text = str(err)
    if EXTRA_FIELDS in text:
        return wide_row_error(layout)
    match = _LINE.search(text)
    line = int(match.group(1)) + layout.line_offset if match else None
    reason = _first_line(err).removeprefix("Invalid Input Error: ")
    if "unicode" in text.lower():
        zh_reason, en_reason = "含有非 UTF-8 字节（编码不符，请用 --encoding 指定）", "bytes that are not valid UTF-8 (wrong encoding? use --encoding)"
    elif "unterminated quote" in text.lower():
        zh_reason, en_reason = "引号未闭合", "unterminated quoted field"
    else:
        zh_reason, en_reason = f"无法解析：{reason}", f"cannot parse: {reason}"
    where_zh = f" 第 {line} 行" if line else ""
    where_en = f" line {line}" if line else ""
    return SourceError(f"{layout.path}{where_zh}{zh_reason}", f"{layout.path}{where_en}: {en_reason}", line=line)
