"""Writers for the demo files: RFC 4180 CSV in any encoding, xlsx with a title row, JSON Lines.

All values are text. CSV and JSON Lines are assembled column-wise with Arrow compute
(quoting and escaping included) and written in batches; only xlsx goes cell by cell,
because xlsxwriter works that way.

CSV conventions: CRLF line ends; a null is an empty field; a field is quoted when it
holds a comma, a double quote, a line break, or starts or ends with a space (doubled
quotes inside). The empty string is never written to CSV (it would read as null).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import xlsxwriter

BATCH_ROWS = 200_000
# Fixed workbook properties, so that the same data always gives the same bytes.
XLSX_CREATED = dt.datetime(2021, 12, 31, 0, 0, 0)
XLSX_MAX_ROWS = 1_048_576  # Excel's sheet limit, header and title rows included

_NEEDS_QUOTES = r'[",\r\n]|^[ \t\x{3000}]|[ \t\x{3000}]$'


def _joined_bytes(lines: pa.Array) -> memoryview:
    """The concatenated UTF-8 bytes of a string array without nulls (zero-copy slice of its data buffer)."""
    lines = lines.cast(pa.large_string()) if lines.type != pa.large_string() else lines
    off = np.frombuffer(lines.buffers()[1], dtype=np.int64)[lines.offset:lines.offset + len(lines) + 1]
    return memoryview(lines.buffers()[2])[off[0]:off[-1]]


def _csv_field(values: pa.Array) -> pa.Array:
    values = values.cast(pa.string())
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(values, '"', '""'), '"', "")
    needs = pc.match_substring_regex(values, _NEEDS_QUOTES)
    return pc.fill_null(pc.if_else(needs, quoted, values), "")


def write_csv(path: Path, table: pa.Table, *, encoding: str = "utf-8", bom: bool = False) -> None:
    """Write ``table`` as RFC 4180 CSV in ``encoding`` (every character must be encodable)."""
    with path.open("wb") as f:
        if bom:
            f.write("\ufeff".encode(encoding))
        f.write((",".join(table.column_names) + "\r\n").encode(encoding))
        for start in range(0, table.num_rows, BATCH_ROWS):
            batch = table.slice(start, BATCH_ROWS)
            fields = [_csv_field(batch[name].combine_chunks()) for name in table.column_names]
            lines = pc.binary_join_element_wise(*fields, ",")
            data = _joined_bytes(pc.binary_join_element_wise(lines, "\r\n", ""))
            f.write(data if encoding.replace("-", "").lower() == "utf8" else bytes(data).decode("utf-8").encode(encoding))


def _json_value(values: pa.Array) -> pa.Array:
    values = values.cast(pa.string())
    for raw, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        values = pc.replace_substring(values, raw, escaped)
    return pc.fill_null(pc.binary_join_element_wise('"', values, '"', ""), "null")


def write_jsonl(path: Path, table: pa.Table) -> None:
    """Write ``table`` as JSON Lines (UTF-8): one object per row, every value a string or null."""
    with path.open("wb") as f:
        for start in range(0, table.num_rows, BATCH_ROWS):
            batch = table.slice(start, BATCH_ROWS)
            parts: list[pa.Array | str] = []
            for i, name in enumerate(table.column_names):
                parts += [("{" if i == 0 else ",") + f'"{name}":', _json_value(batch[name].combine_chunks())]
            lines = pc.binary_join_element_wise(*parts, "}\n", "")
            f.write(_joined_bytes(lines))


def write_xlsx(path: Path, table: pa.Table, *, title: str, sheet: str) -> None:
    """Write ``table`` as xlsx: a merged title row, then the header row, then text cells only."""
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    wb.set_properties({"title": title, "author": "shuzhi", "created": XLSX_CREATED})
    ws = wb.add_worksheet(sheet)
    title_fmt = wb.add_format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"})
    head_fmt = wb.add_format({"bold": True, "num_format": "@", "bg_color": "#DDEBF7", "border": 1})
    text_fmt = wb.add_format({"num_format": "@"})
    n_cols = table.num_columns
    ws.set_column(0, n_cols - 1, 20, text_fmt)
    ws.merge_range(0, 0, 0, n_cols - 1, title, title_fmt)
    ws.set_row(0, 24)
    for c, name in enumerate(table.column_names):
        ws.write_string(1, c, name, head_fmt)
    ws.freeze_panes(2, 0)
    columns = [table[name].to_pylist() for name in table.column_names]
    write = ws.write_string
    for r, row in enumerate(zip(*columns), start=2):  # xlsxwriter takes one cell at a time
        for c, value in enumerate(row):
            if value is not None:
                write(r, c, value, text_fmt)
    wb.close()
