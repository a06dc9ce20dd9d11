"""Workbooks written safely: typed cells, frozen bold headers, columns as wide as their content.

Numbers are written as numbers (ratios with a percent format), every other value as text with
``write_string`` — identifiers keep their leading zeros and a value such as ``=HYPERLINK(...)``
stays text, never a formula. ``None`` is an empty cell. :func:`write_workbook` builds the file in
memory and moves it into place whole (:mod:`shuzhi.atomic`), so a failure never leaves half a file.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "t.xlsx"
>>> write_workbook(path, "示例 Example", [Sheet("表 Sheet", [("代码 Code", "text"), ("值 Value", "num")], [["001", 1.5]])])
>>> path.stat().st_size > 0
True
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from shuzhi.atomic import replacing

Kind = Literal["text", "int", "num", "pct"]
Column = tuple[str, Kind]  # header, cell kind
Formats = dict[str, Format]

NUM_FORMATS: dict[Kind, str] = {"text": "@", "int": "#,##0", "num": "0.00", "pct": "0.00%"}
MIN_WIDTH, MAX_WIDTH = 8, 60


@dataclass
class Sheet:
    """One worksheet: a header row of ``columns`` and ``rows`` under it."""

    name: str
    columns: Sequence[Column]
    rows: list[list[Any]] = field(default_factory=list)


def write_workbook(path: Path, title: str, sheets: Sequence[Sheet]) -> None:
    """Write ``sheets`` as an xlsx workbook at ``path`` (the folder must exist), whole or not at all."""
    with replacing(Path(path), errors=(FileCreateError,)) as tmp:
        wb = new_workbook(tmp, title)
        fmts = formats(wb)
        for sheet in sheets:
            table(wb, fmts, sheet.name, sheet.columns, sheet.rows)
        wb.close()


def new_workbook(path: Path, title: str) -> Workbook:
    """An in-memory workbook that never turns text into numbers, formulas or links."""
    wb = xlsxwriter.Workbook(str(path), {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False, "nan_inf_to_errors": True})
    wb.set_properties({"title": title, "author": "shuzhi (数治)"})
    return wb


def formats(wb: Workbook) -> Formats:
    fmts: Formats = {kind: wb.add_format({"num_format": code}) for kind, code in NUM_FORMATS.items()}
    fmts["head"] = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1})
    return fmts


def table(wb: Workbook, fmts: Formats, name: str, columns: Sequence[Column], rows: Iterable[list[Any]]) -> None:
    """A sheet: a bold, frozen header row, then ``rows``, columns as wide as their content."""
    ws = wb.add_worksheet(name)
    for c, width in enumerate(rows_at(ws, fmts, 0, columns, list(rows))):
        ws.set_column(c, c, width)
    ws.freeze_panes(1, 0)


def rows_at(ws: Worksheet, fmts: Formats, top: int, columns: Sequence[Column], rows: list[list[Any]], *,
            kinds: list[list[Kind]] | None = None) -> list[int]:
    """Write a header at row ``top`` and ``rows`` under it; ``kinds`` overrides the column kinds row by row.

    Returns the display width of each column.
    """
    for c, (header, _) in enumerate(columns):
        ws.write_string(top, c, header, fmts["head"])
    for r, row in enumerate(rows):
        row_kinds = kinds[r] if kinds else [kind for _, kind in columns]
        for c, (value, kind) in enumerate(zip(row, row_kinds, strict=True)):
            if value is None:
                continue
            if kind != "text" and isinstance(value, (int, float)) and not isinstance(value, bool):
                whole = kind == "num" and isinstance(value, int)  # 1500, not 1500.00
                ws.write_number(top + 1 + r, c, value, fmts["int" if whole else kind])
            else:
                ws.write_string(top + 1 + r, c, str(value))
    return widths(columns, rows)


def widths(columns: Sequence[Column], rows: list[list[Any]]) -> list[int]:
    """Display width per column (a CJK character counts two), between MIN_WIDTH and MAX_WIDTH."""
    out = []
    for c, (header, kind) in enumerate(columns):
        texts = [header] + [_shown(row[c], kind) for row in rows if row[c] is not None]
        out.append(min(MAX_WIDTH, max(MIN_WIDTH, max(map(_display_width, texts)) + 2)))
    return out


def _shown(value: Any, kind: Kind) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and kind != "text":
        return f"{value * 100:.2f}%" if kind == "pct" else f"{value:,.2f}"
    return str(value)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
