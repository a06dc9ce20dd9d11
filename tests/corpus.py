"""Writers for the messy files that government departments actually send."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

HEADER = ["姓名", "公民身份号码", "联系电话", "行政区划代码", "邮编", "民族", "出生日期", "年龄", "注册资本"]
ROWS = [
    ["张三", "32010219900101123X", "13912345678", "320102", "210000", "01", "1990-01-01", "36", "500.00"],
    ["欧阳娜娜", "110105194912310021", "+86 139-1234-5678", "110105", "012345", "02", "1949-12-31", "76", "1.5"],
    ["李四,王五", "320106200002291234", "025-83245678", "320106", "210008", "03", "2000-02-29", "26", "0"],
    ["龍　飛", "44030419820715001X", "18612345678", "440304", "518000", "01", "1982-07-15", "44", "12"],
]


def csv_text(rows: list[list[str]] | None = None, header: list[str] | None = None, delimiter: str = ",") -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header or HEADER)
    writer.writerows(ROWS if rows is None else rows)
    return buf.getvalue()


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]], *, title: str | None = None, merged_group: bool = False) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("数据")
    text = wb.add_format({"num_format": "@"})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    r = 0
    width = len(rows[0])
    if title:
        ws.merge_range(0, 0, 0, width - 1, title)
        r = 1
    if merged_group:  # 联系方式 over 手机 | 座机
        ws.merge_range(r, 0, r + 1, 0, "姓名")
        ws.merge_range(r, 1, r, 2, "联系方式")
        ws.write(r + 1, 1, "手机")
        ws.write(r + 1, 2, "座机")
        for c in range(3, width):
            ws.merge_range(r, c, r + 1, c, str(rows[0][c]))
        rows = rows[1:]
        r += 2
    for row in rows:
        for c, value in enumerate(row):
            if isinstance(value, str):
                ws.write_string(r, c, value, text)
            elif isinstance(value, dt.datetime):
                ws.write_datetime(r, c, value, date)
            elif value is not None:
                ws.write(r, c, value)
        r += 1
    wb.close()
    return path


def write_xls(path: Path, rows: list[list[object]]) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    wb.save(str(path))
    return path


def write_json(path: Path, records: list[dict[str, object]], *, lines: bool) -> Path:
    if lines:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    else:
        text = json.dumps(records, ensure_ascii=False, indent=1)
    return write_text(path, text)


def write_parquet(path: Path, columns: dict[str, list[object]]) -> Path:
    pq.write_table(pa.table(columns), path)
    return path


def records() -> list[dict[str, str]]:
    return [dict(zip(HEADER, row, strict=True)) for row in ROWS]
