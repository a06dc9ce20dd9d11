"""Real-world files through the whole ingest path, on DuckDB and on Spark."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from pathlib import Path

import pytest
from corpus import (
    HEADER,
    ROWS,
    csv_text,
    records,
    write_json,
    write_parquet,
    write_text,
    write_xls,
    write_xlsx,
)

from shuzhi.catalog import ingest, read_dataset, show_dataset
from shuzhi.errors import SourceError
from shuzhi.sources.stage import SourceOptions
from shuzhi.workspace import Workspace


def stored(ws: Workspace, code: str) -> list[dict[str, object]]:
    """Rows exactly as stored (text), in file order."""
    return ws.engine.to_pyarrow(read_dataset(ws, code, typed=False)).to_pylist()


def types(ws: Workspace, code: str) -> dict[str, str]:
    return {c["name"]: c["type"] for c in show_dataset(ws, code)["items"]}


EXPECTED_TYPES = {
    "姓名": "string", "公民身份号码": "string", "联系电话": "string", "行政区划代码": "string", "邮编": "string",
    "民族": "string", "出生日期": "date", "年龄": "int64", "注册资本": "decimal(5,2)",
}


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8-BOM"), ("gbk", "GBK"), ("gb18030", "GBK"), ("utf-16", "UTF-16LE")],
)
def test_encodings_detected_and_identifiers_round_trip(any_ws: Workspace, tmp_path: Path, encoding: str, label: str) -> None:
    path = write_text(tmp_path / "people.csv", csv_text(), encoding)
    result = ingest(any_ws, str(path))
    assert (result.encoding, result.rows, result.columns) == (label, 4, 9)
    assert stored(any_ws, "people") == records()  # byte-exact: X check chars, leading zeros, +86 phones
    assert types(any_ws, "people") == EXPECTED_TYPES


def test_gb18030_only_characters(ws: Workspace, tmp_path: Path) -> None:
    rows = [["𠀀鿿", "320102199001011234"], ["䶮", "320102199001011242"]]  # outside GBK
    path = write_text(tmp_path / "rare.csv", csv_text(rows, ["名称", "证件号码"]), "gb18030")
    result = ingest(ws, str(path))
    assert result.encoding == "GB18030"
    assert [r["名称"] for r in stored(ws, "rare")] == ["𠀀鿿", "䶮"]


def test_typed_view_values(any_ws: Workspace, tmp_path: Path) -> None:
    ingest(any_ws, str(write_text(tmp_path / "people.csv", csv_text())))
    typed = any_ws.engine.to_pyarrow(read_dataset(any_ws, "people")).to_pylist()
    assert [r["年龄"] for r in typed] == [36, 76, 26, 44]
    assert [r["注册资本"] for r in typed] == [decimal.Decimal(x) for x in ("500.00", "1.50", "0.00", "12.00")]
    assert typed[2]["出生日期"] == dt.date(2000, 2, 29)
    assert typed[0]["公民身份号码"] == "32010219900101123X"


def test_forced_encoding(ws: Workspace, tmp_path: Path) -> None:
    path = write_text(tmp_path / "people.csv", csv_text(), "gbk")
    assert ingest(ws, str(path), options=SourceOptions(encoding="gb18030")).encoding == "GB18030"


def test_wrong_forced_encoding_names_the_line(ws: Workspace, tmp_path: Path) -> None:
    path = write_text(tmp_path / "people.csv", csv_text(), "gbk")
    with pytest.raises(SourceError) as info:
        ingest(ws, str(path), options=SourceOptions(encoding="utf-8"))
    assert info.value.details["line"] == 1  # the Chinese header is the first non-UTF-8 byte
    assert "people.csv" in info.value.zh and "UTF-8" in info.value.en


@pytest.mark.parametrize("delimiter", [",", "\t", ";", "|"])
def test_delimiter_sniffing(any_ws: Workspace, tmp_path: Path, delimiter: str) -> None:
    path = write_text(tmp_path / "people.txt", csv_text(delimiter=delimiter))
    ingest(any_ws, str(path))
    assert stored(any_ws, "people") == records()
    assert show_dataset(any_ws, "people")["read_options"]["delimiter"] == delimiter


def test_tsv_extension(ws: Workspace, tmp_path: Path) -> None:
    ingest(ws, str(write_text(tmp_path / "people.tsv", csv_text(delimiter="\t"))))
    assert stored(ws, "people") == records()


def test_quoted_newlines_and_ragged_rows(any_ws: Workspace, tmp_path: Path) -> None:
    text = 'id,备注,金额\n1,"第一行\n第二行, 含逗号",10\n2,"他说""好""",20\n3,短行\n4,,\n'
    ingest(any_ws, str(write_text(tmp_path / "notes.csv", text)))
    assert stored(any_ws, "notes") == [
        {"id": "1", "备注": "第一行\n第二行, 含逗号", "金额": "10"},
        {"id": "2", "备注": '他说"好"', "金额": "20"},
        {"id": "3", "备注": "短行", "金额": None},
        {"id": "4", "备注": None, "金额": None},
    ]


def test_row_with_extra_fields_is_an_error_naming_the_line(any_ws: Workspace, tmp_path: Path) -> None:
    text = "a,b,c\n1,2,3\n4,5,6,7\n"
    with pytest.raises(SourceError) as info:
        ingest(any_ws, str(write_text(tmp_path / "wide.csv", text)))
    assert info.value.details["line"] == 3
    assert "4 fields" in info.value.en


def test_trailing_delimiters_are_tolerated(any_ws: Workspace, tmp_path: Path) -> None:
    ingest(any_ws, str(write_text(tmp_path / "trail.csv", "a,b\n1,2,\n3,4,\n")))
    assert stored(any_ws, "trail") == [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]


def test_messy_headers(any_ws: Workspace, tmp_path: Path) -> None:
    text = "姓　名,,ＩＤ,id, 电话 \n张三,x,1,2,3\n"
    ingest(any_ws, str(write_text(tmp_path / "messy.csv", text)))
    items = show_dataset(any_ws, "messy")["items"]
    assert [c["name"] for c in items] == ["姓名", "col_2", "ID", "id_2", "电话"]
    assert [c["source_name"] for c in items] == ["姓　名", "", "ＩＤ", "id", " 电话 "]


def test_title_lines_above_header(any_ws: Workspace, tmp_path: Path) -> None:
    text = "江苏省人口信息表（2021年）\n\n" + csv_text()
    ingest(any_ws, str(write_text(tmp_path / "titled.csv", text, "gbk")))
    assert stored(any_ws, "titled") == records()
    assert show_dataset(any_ws, "titled")["read_options"]["skip_lines"] == 2


def test_dates_in_four_formats(any_ws: Workspace, tmp_path: Path) -> None:
    text = "rq\n2021-03-05\n2021/3/5\n2021年3月5日\n20210305\n"
    ingest(any_ws, str(write_text(tmp_path / "dates.csv", text)))
    assert types(any_ws, "dates") == {"rq": "date"}
    values = any_ws.engine.to_pyarrow(read_dataset(any_ws, "dates")).column("rq").to_pylist()
    assert values == [dt.date(2021, 3, 5)] * 4


def test_invalid_date_keeps_text(ws: Workspace, tmp_path: Path) -> None:
    ingest(ws, str(write_text(tmp_path / "d.csv", "rq\n2021-02-28\n2021-02-29\n")))
    assert types(ws, "d") == {"rq": "string"}


def test_xlsx_title_row_and_text_cells(any_ws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "people.xlsx", [HEADER, *ROWS], title="江苏省人口信息（示例）")
    result = ingest(any_ws, str(path))
    assert (result.format, result.rows) == ("xlsx", 4)
    assert stored(any_ws, "people") == records()
    assert show_dataset(any_ws, "people")["read_options"] == {"sheet": "数据", "header_row": 2}


def test_xlsx_numbers_keep_their_digits(ws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "nums.xlsx", [["手机", "金额", "日期"], [13912345678, 12.5, dt.datetime(2021, 3, 5)]])
    ingest(ws, str(path))
    assert stored(ws, "nums") == [{"手机": "13912345678", "金额": "12.5", "日期": "2021-03-05"}]


def test_xlsx_merged_group_header(ws: Workspace, tmp_path: Path) -> None:
    rows = [["姓名", "手机", "座机", "身份证号"], ["张三", "13912345678", "025-1", "32010219900101123X"]]
    ingest(ws, str(write_xlsx(tmp_path / "grouped.xlsx", rows, merged_group=True)))
    assert [c["name"] for c in show_dataset(ws, "grouped")["items"]] == ["姓名", "联系方式_手机", "联系方式_座机", "身份证号"]
    assert stored(ws, "grouped")[0]["身份证号"] == "32010219900101123X"


def test_legacy_xls(ws: Workspace, tmp_path: Path) -> None:
    path = write_xls(tmp_path / "old.xls", [["姓名", "邮编"], ["张三", "012345"], ["李四", "210000"]])
    result = ingest(ws, str(path))
    assert result.format == "xls"
    assert stored(ws, "old") == [{"姓名": "张三", "邮编": "012345"}, {"姓名": "李四", "邮编": "210000"}]


@pytest.mark.parametrize("lines", [False, True], ids=["array", "lines"])
def test_json(any_ws: Workspace, tmp_path: Path, lines: bool) -> None:
    data = [{"sfzh": "32010219900101123X", "n": 1, "nested": {"a": 1}}, {"sfzh": "320102199001011234", "n": 2, "extra": "x"}]
    result = ingest(any_ws, str(write_json(tmp_path / ("d.jsonl" if lines else "d.json"), data, lines=lines)))
    assert result.format == ("jsonl" if lines else "json")
    rows = stored(any_ws, "d")
    assert [r["sfzh"] for r in rows] == ["32010219900101123X", "320102199001011234"]
    assert [r["n"] for r in rows] == ["1", "2"]
    assert rows[1]["extra"] == "x" and rows[0]["extra"] is None
    # nested values are kept as JSON text; Spark's string mode also quotes nested numbers
    assert json.loads(rows[0]["nested"]) == ({"a": "1"} if any_ws.engine.name == "spark" else {"a": 1})


def test_parquet_keeps_types(any_ws: Workspace, tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "p.parquet", {"code": ["007", "010"], "n": [1, 2], "x": [1.5, None]})
    ingest(any_ws, str(path))
    assert types(any_ws, "p") == {"code": "string", "n": "int64", "x": "float64"}
    assert stored(any_ws, "p") == [{"code": "007", "n": 1, "x": 1.5}, {"code": "010", "n": 2, "x": None}]


def test_sqlite_and_duckdb_tables(any_ws: Workspace, tmp_path: Path) -> None:
    import sqlite3

    import duckdb

    db = tmp_path / "src.db"
    with sqlite3.connect(db) as c:
        c.execute("create table person (sfzh text, age integer)")
        c.executemany("insert into person values (?, ?)", [("32010219900101123X", 36), ("012345", 7)])
    result = ingest(any_ws, f"sqlite:///{db}#person")
    assert (result.code, result.format, result.rows) == ("person", "sqlite", 2)
    assert stored(any_ws, "person") == [{"sfzh": "32010219900101123X", "age": 36}, {"sfzh": "012345", "age": 7}]

    dpath = tmp_path / "src.duckdb"
    with duckdb.connect(str(dpath)) as c:
        c.execute("create schema gov; create table gov.org (uscc varchar); insert into gov.org values ('91320000MA1234567X')")
    ingest(any_ws, f"duckdb:///{dpath}#gov.org", flags={"code": "org"})
    assert stored(any_ws, "org") == [{"uscc": "91320000MA1234567X"}]
