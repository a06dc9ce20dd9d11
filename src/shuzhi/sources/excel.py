"""Excel workbooks (.xlsx, .xlsm, .xls) read with calamine into an all-text Arrow table.

Government spreadsheets put a title row (often merged across the table) above
the header, and group columns under merged header cells; both are handled:

- rows above the header — empty, or with a single filled cell while the table is
  wider — are skipped;
- a header cell merged across several columns, with sub-headers on the next row,
  gives names ``上级_下级``; a header cell merged downwards keeps its own name.

Excel is not a big-data format (≤ 1,048,576 rows), so reading the cells in
Python is acceptable here; every value becomes text so that identifiers stored
as numbers keep their digits (1.3912345678E10 → ``13912345678``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import python_calamine as calamine

from shuzhi.errors import SourceError
from shuzhi.sources.headers import clean_headers


@dataclass(frozen=True)
class Sheet:
    table: pa.Table
    source_names: list[str]
    sheet: str
    header_row: int  # 1-based row number of the (last) header row


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d") if value.time() == dt.time() else value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _pick_sheet(book: calamine.CalamineWorkbook, sheet: str | None, path: Path) -> calamine.CalamineSheet:
    names = book.sheet_names
    if sheet is None:
        for name in names:
            candidate = book.get_sheet_by_name(name)
            if candidate.height > 0:
                return candidate
        raise SourceError(f"{path} 中没有含数据的工作表", f"{path} has no sheet with data")
    if sheet in names:
        return book.get_sheet_by_name(sheet)
    if sheet.isdigit() and 1 <= int(sheet) <= len(names):
        return book.get_sheet_by_index(int(sheet) - 1)
    raise SourceError(
        f"{path} 中没有工作表 {sheet!r}，现有：{'、'.join(names)}",
        f"{path} has no sheet {sheet!r}; sheets: {', '.join(names)}",
    )


def read_excel(path: Path, sheet: str | None = None) -> Sheet:
    """Read one sheet (default: the first with data) as text columns."""
    try:
        book = calamine.load_workbook(str(path))
    except Exception as err:  # noqa: BLE001 - calamine raises several unrelated types
        raise SourceError(
            f"无法读取 Excel 文件 {path}：文件已损坏或不是 Excel 格式",
            f"cannot read Excel file {path}: damaged or not an Excel file ({err})",
        ) from None
    ws = _pick_sheet(book, sheet, path)
    rows = [[_text(v) for v in row] for row in ws.to_python(skip_empty_area=False)]
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise SourceError(f"{path} 的工作表 {ws.name} 为空", f"sheet {ws.name} of {path} is empty")
    width = max(len(r) for r in rows)
    while width and not any(len(r) >= width and r[width - 1] for r in rows):
        width -= 1
    rows = [(r + [None] * width)[:width] for r in rows]

    top = _header_row(rows, width)
    merges = _merges(ws)
    header, data_start = _header(rows, top, merges, width)
    data = rows[data_start:]
    if not data:
        raise SourceError(
            f"{path} 的工作表 {ws.name} 只有表头，没有数据行",
            f"sheet {ws.name} of {path} has a header but no data rows",
        )
    names = clean_headers(header)
    columns = [pa.array([r[i] for r in data], type=pa.string()) for i in range(width)]
    return Sheet(pa.table(columns, names=names), [h or "" for h in header], ws.name, data_start)


def _header_row(rows: list[list[str | None]], width: int) -> int:
    need = 2 if width >= 2 else 1
    for i, row in enumerate(rows[:20]):
        if sum(1 for c in row if c) >= need:
            return i
    return 0


def _merges(ws: calamine.CalamineSheet) -> list[tuple[int, int, int, int]]:
    """Merged ranges as 0-based (row0, col0, row1, col1), inclusive."""
    ranges = getattr(ws, "merged_cell_ranges", None) or []
    return [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges]


def _header(rows: list[list[str | None]], top: int, merges: list[tuple[int, int, int, int]], width: int) -> tuple[list[str | None], int]:
    header = list(rows[top])
    spans = [m for m in merges if m[0] == top and m[3] > m[1]]
    if not spans or top + 1 >= len(rows):
        return header, top + 1
    # a merged group cell: fill it across its columns and append the sub-header below
    group = list(header)
    for _, c0, _, c1 in spans:
        for c in range(c0, min(c1, width - 1) + 1):
            group[c] = header[c0]
    sub = rows[top + 1]
    down = {c for r0, c0, r1, c1 in merges if r0 == top and r1 > top for c in range(c0, c1 + 1)}
    combined: list[str | None] = []
    for c in range(width):
        if c in down or not sub[c]:
            combined.append(group[c])
        elif group[c] and any(c0 <= c <= c1 for _, c0, _, c1 in spans):
            combined.append(f"{group[c]}_{sub[c]}")
        else:
            combined.append(sub[c] or group[c])
    return combined, top + 2
