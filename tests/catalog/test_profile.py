"""Column profiles: exact counts, lengths, ranges, top values, formats and the type decision."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ibis
import pytest
from corpus import csv_text, write_text

from shuzhi.catalog import ingest, show_dataset
from shuzhi.catalog.profile import ColumnProfile, profile, shape_pattern
from shuzhi.config import Settings
from shuzhi.engine import Engine
from shuzhi.sources.stage import SourceOptions
from shuzhi.workspace import Workspace

Columns = dict[str, list[str | None]]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One DuckDB engine for the module (the profiles below are read-only)."""
    with Workspace(Settings(home=tmp_path_factory.mktemp("profile"), engine="duckdb")) as w:
        yield w.engine


def profiled(engine: Engine, columns: Columns) -> tuple[int, dict[str, ColumnProfile]]:
    table = ibis.memtable(columns, schema={name: "string" for name in columns})
    rows, profiles = profile(engine, table)
    return rows, {p.name: p for p in profiles}


# --- the type decision -----------------------------------------------------------------------
# (column name, values (≤ 4, padded with nulls), expected type, reason)
TYPES: list[tuple[str, list[str | None], str, str]] = [
    ("年龄", ["36", "7", "100", "-5"], "int64", "signed integers"),
    ("人数", ["+3", "0", "-2", None], "int64", "explicit plus, zero, a null"),
    ("最大值", ["999999999999999999", "1", "22", "333"], "int64", "18 digits fit int64"),
    ("大数", ["1234567890123456789", "1", "22", "333"], "string", "19 digits may not fit int64"),
    ("数量", ["10001", "20002", "30003", "40004"], "int64", "fixed width 5 is below the code threshold"),
    ("面积", ["100000", "2000000", "30", "4"], "int64", "six or more digits of varying width are numbers"),
    ("温度", ["-100000", "-200000", "-300000", "-400000"], "int64", "negative numbers are not digit codes"),
    ("注册资本", ["500.00", "1.5", "-12.125", "0"], "decimal(6,3)", "3 integer digits + scale 3"),
    ("比例", ["1.10", "2.5", None, None], "decimal(3,2)", "scale of 1.10 is kept"),
    ("金额", ["1", "2.50", "30", None], "decimal(4,2)", "integers mixed with decimals"),
    ("单价", ["0.5", "-0.25", None, None], "decimal(3,2)", "a sign is not a digit"),
    ("余额", ["-12345", "1.5", None, None], "decimal(6,1)", "5 integer digits (the minus is no digit) + scale 1"),
    ("系数", ["0.0", "1.0", None, None], "decimal(2,1)", "zero scale digits still give scale 1"),
    ("千分位", ["1,000", "2,000", None, None], "string", "thousands separators are not numbers"),
    ("科学计数", ["1e5", "2", None, None], "string", "exponents are not numbers"),
    ("出生日期", ["1990-01-01", "1949/12/31", "2000年2月29日", "20240101"], "date", "mixed date formats"),
    ("开始日期", ["19900101", "20000229", "20240101", None], "date", "compact dates win over fixed-width codes"),
    ("登记时间", ["2021-03-05 12:30", "2020-02-29", "2021-03-05T08:00:59", None], "timestamp", "one time makes a timestamp"),
    ("截止日期", ["2021-03-05", "2021-02-29", None, None], "string", "one impossible date"),
    ("混合", ["1", "2021-03-05", None, None], "string", "numbers and dates"),
    ("排序", ["007", "12", "3", "45"], "string", "a leading zero would be lost"),
    ("地区", ["110105", "320102", "440304", "999999"], "string", "fixed-width digit code of 6"),
    ("lxdh", ["1", "2", "3", "4"], "string", "pinyin identifier name"),
    ("联系电话", ["1", "22", "333", "4444"], "string", "Chinese identifier name"),
    ("user_id", ["1", "2", "3", "4"], "string", "English identifier name"),
    ("zzbh", ["20210305", "20210306", "20210307", None], "string", "an identifier name keeps date-like codes as text"),
    ("分数", ["1", "2", " ", "3"], "string", "one blank among numbers"),
    ("空白", ["", " ", "\u3000", "\t"], "string", "all blank"),
    ("备注", [None, None, None, None], "string", "all null"),
]


@pytest.fixture(scope="module")
def typed(engine: Engine) -> dict[str, ColumnProfile]:
    rows, profiles = profiled(engine, {name: values + [None] * (4 - len(values)) for name, values, _, _ in TYPES})
    assert rows == 4
    return profiles


@pytest.mark.parametrize(("name", "expected", "reason"), [pytest.param(n, t, r, id=n) for n, _, t, r in TYPES])
def test_type_decision(typed: dict[str, ColumnProfile], name: str, expected: str, reason: str) -> None:
    assert typed[name].dtype == expected, reason


# (column of TYPES, min, max): typed by the inferred type
RANGES: list[tuple[str, Any, Any]] = [
    ("年龄", -5, 100),
    ("人数", -2, 3),
    ("最大值", 1, 999_999_999_999_999_999),
    ("大数", "1", "333"),  # string: text order
    ("注册资本", -12.125, 500.0),
    ("金额", 1.0, 30.0),
    ("出生日期", "1949-12-31", "2024-01-01"),
    ("开始日期", "1990-01-01", "2024-01-01"),
    ("登记时间", "2020-02-29 00:00:00", "2021-03-05 12:30:00"),
    ("截止日期", "2021-02-29", "2021-03-05"),
    ("排序", "007", "45"),
    ("地区", "110105", "999999"),
    ("lxdh", "1", "4"),
    ("空白", "", "\u3000"),
    ("备注", None, None),
]


@pytest.mark.parametrize(("name", "low", "high"), RANGES, ids=[r[0] for r in RANGES])
def test_min_max_by_type(typed: dict[str, ColumnProfile], name: str, low: Any, high: Any) -> None:
    stats = typed[name].stats
    assert (stats["min"], stats["max"]) == (low, high)
    assert (type(stats["min"]), type(stats["max"])) == (type(low), type(high))


# --- counts, lengths, top values, formats on one 8-row table ---------------------------------
MEASURED: Columns = {
    "名称": ["张三", "欧阳娜娜", "张三", None, "龍\u3000飛", "李", None, "张三"],
    "空白": ["", " ", "\u3000", "\t", "\u3000\u3000", "a", None, " a "],
    "等级": ["b", "a", "c", "a", "d", "e", "f", "b"],
    "带空": ["a", "a", "b", "c", "d", "e", None, None],
    "证号": ["110105194912310021", None, "32010219900101123X", "320102199001011234", None, "440304198207150011", None, None],
    "小写x": ["32010219900101123x", "110105194912310021", None, None, None, None, None, None],
    "说明": ["中" * 14, "中" * 41, "a" * 40, "a" * 41, "第3号", "ab-12.x", "A1b", "中" * 41],
    "生僻字": ["䶮", "𠀀鿿", "张", None, None, None, None, None],
    "全空": [None] * 8,
}


@pytest.fixture(scope="module")
def measured(engine: Engine) -> dict[str, ColumnProfile]:
    rows, profiles = profiled(engine, MEASURED)
    assert rows == 8
    return profiles


def counts(count: int, nulls: int, blanks: int, distinct: int, unique: bool, lengths: tuple[int | None, int | None]) -> dict[str, Any]:
    return {"count": count, "nulls": nulls, "blanks": blanks, "distinct": distinct, "unique": unique,
            "min_length": lengths[0], "max_length": lengths[1]}


# (column, expected measures, reason)
COUNTS: list[tuple[str, dict[str, Any], str]] = [
    ("名称", counts(6, 2, 0, 4, False, (1, 4)), "characters, not bytes: 欧阳娜娜 is 4 (12 bytes)"),
    ("空白", counts(7, 1, 5, 7, True, (0, 3)), "'', ' ', U+3000, tab and U+3000×2 are blank; ' a ' is not"),
    ("等级", counts(8, 0, 0, 6, False, (1, 1)), "exact distinct"),
    ("带空", counts(6, 2, 0, 5, False, (1, 1)), "nulls are not a distinct value"),
    ("证号", counts(4, 4, 0, 4, True, (18, 18)), "half null, all different"),
    ("说明", counts(8, 0, 0, 7, False, (3, 41)), "41 Chinese characters are 41 long"),
    ("生僻字", counts(3, 5, 0, 3, True, (1, 2)), "a character outside the BMP counts once"),
    ("全空", counts(0, 8, 0, 0, False, (None, None)), "all null: not unique"),
]


@pytest.mark.parametrize(("name", "expected", "reason"), COUNTS, ids=[c[0] for c in COUNTS])
def test_counts_and_lengths(measured: dict[str, ColumnProfile], name: str, expected: dict[str, Any], reason: str) -> None:
    stats = measured[name].stats
    assert {k: stats[k] for k in expected} == expected, reason


def top(*pairs: tuple[str, int]) -> list[dict[str, Any]]:
    return [{"value": v, "count": n} for v, n in pairs]


# (column, top values: count desc, then value)
TOPS = [
    pytest.param("名称", top(("张三", 3), ("李", 1), ("欧阳娜娜", 1), ("龍\u3000飛", 1)), id="名称"),
    pytest.param("等级", top(("a", 2), ("b", 2), ("c", 1), ("d", 1), ("e", 1)), id="等级-top5"),
    pytest.param("带空", top(("a", 2), ("b", 1), ("c", 1), ("d", 1), ("e", 1)), id="带空-nulls-take-no-slot"),
    pytest.param("证号", [], id="证号-all-different-no-top"),
    pytest.param("空白", [], id="空白-all-different-no-top"),
    pytest.param("全空", [], id="全空"),
]


@pytest.mark.parametrize(("name", "expected"), TOPS)
def test_top_values(measured: dict[str, ColumnProfile], name: str, expected: list[dict[str, Any]]) -> None:
    assert measured[name].stats["top"] == expected


def fmt(*rows: tuple[str, int, float]) -> list[dict[str, Any]]:
    return [{"pattern": p, "count": n, "share": s} for p, n, s in rows]


# (column, formats: count desc, then shape; share of the non-null values examined)
FORMATS = [
    pytest.param("证号", fmt((r"\d{18}", 3, 0.75), (r"\d{17}[A-Z]", 1, 0.25)), id="证号"),
    pytest.param("小写x", fmt((r"\d{18}", 1, 0.5), (r"\d{17}[a-z]", 1, 0.5)), id="小写x"),
    pytest.param("名称", fmt((r"\p{Han}+", 5, 0.8333), ("\\p{Han}+\u3000\\p{Han}+", 1, 0.1667)), id="名称"),
    pytest.param("等级", fmt(("[a-z]", 8, 1.0)), id="等级"),
    pytest.param("说明", fmt(("长文本 (>40)", 3, 0.375), (r"[A-Z]\d[a-z]", 1, 0.125), (r"[a-z]{2}-\d{2}\.[a-z]", 1, 0.125),
                            ("[a-z]{40}", 1, 0.125), (r"\p{Han}+", 1, 0.125)), id="说明-long-text-top5"),
    pytest.param("生僻字", fmt((r"\p{Han}+", 3, 1.0)), id="生僻字-cjk-extensions"),
    pytest.param("全空", [], id="全空"),
]


@pytest.mark.parametrize(("name", "expected"), FORMATS)
def test_formats(measured: dict[str, ColumnProfile], name: str, expected: list[dict[str, Any]]) -> None:
    assert measured[name].stats["formats"] == expected


def test_top_formats_with_many_nulls(engine: Engine) -> None:
    # the null group (3) outnumbers every shape; it must not take one of the five places
    _, profiles = profiled(engine, {"混合": ["a", "A", "1", "a1", "A1", None, None, None]})
    assert [f["pattern"] for f in profiles["混合"].stats["formats"]] == [r"\d", "[A-Z]", r"[A-Z]\d", "[a-z]", r"[a-z]\d"]


def test_formats_are_exact_over_the_whole_column(engine: Engine) -> None:
    n = 150_000  # more rows than any sample would take; the odd values are at the very end
    rows, profiles = profiled(engine, {"代码": ["1"] * n + ["a", "12.50", None]})
    stats = profiles["代码"].stats
    assert (rows, stats["count"]) == (n + 3, n + 2)
    assert stats["formats"] == [
        {"pattern": r"\d", "count": n, "share": round(n / (n + 2), 4)},
        {"pattern": r"\d{2}\.\d{2}", "count": 1, "share": round(1 / (n + 2), 4)},
        {"pattern": "[a-z]", "count": 1, "share": round(1 / (n + 2), 4)},
    ]


@pytest.mark.parametrize(
    ("shape", "pattern"),
    [
        ("99999999999999999A", r"\d{17}[A-Z]"),
        ("999999999999999999", r"\d{18}"),
        ("汉", r"\p{Han}+"),
        ("999-9999.9", r"\d{3}-\d{4}\.\d"),
        ("AAa", "[A-Z]{2}[a-z]"),
        ("(9)", r"\(\d\)"),
        ("9+9", r"\d\+\d"),
        ("[A]", r"\[[A-Z]\]"),
        ("…", "长文本 (>40)"),
        ("", ""),
    ],
)
def test_shape_pattern(shape: str, pattern: str) -> None:
    assert shape_pattern(shape) == pattern


def test_empty_table(engine: Engine) -> None:
    rows, profiles = profiled(engine, {"名称": []})
    assert rows == 0
    assert (profiles["名称"].dtype, profiles["名称"].stats["count"], profiles["名称"].stats["top"]) == ("string", 0, [])


# --- parity: the whole ingest path gives the same profile on DuckDB and Spark ------------------
PARITY_HEADER = ["公民身份号码", "姓名", "年龄", "注册资本", "出生日期", "登记时间", "备注", "邮编"]
PARITY_ROWS = [
    ["110105194912310021", "张三", "36", "500.00", "1990-01-01", "2021-03-05 12:30", "好", "010000"],
    ["32010219900101123X", "欧阳娜娜", "7", "1.5", "1949/12/31", "2021-03-05T08:00:59", "\u3000", "210000"],
    ["320106200002291234", "张三", "100", "-12.125", "2000年2月29日", "2020-02-29", "长" * 41, "518000"],
    ["440304198207150011", "", "", "0", "20240101", "2021-03-05 12:30", " ", "012345"],
]


def _p(count: int, nulls: int, distinct: int, top_: list[dict[str, Any]], blanks: int, lengths: tuple[int, int],
       formats: list[dict[str, Any]], low: Any, high: Any) -> dict[str, Any]:
    return {"count": count, "nulls": nulls, "distinct": distinct, "unique": distinct == count, "top": top_, "blanks": blanks,
            "min_length": lengths[0], "max_length": lengths[1], "formats": formats, "min": low, "max": high}


ALL_DIFFERENT: list[dict[str, Any]] = []  # no top values when every value differs
PARITY_EXPECTED: dict[str, tuple[str, dict[str, Any]]] = {
    "公民身份号码": ("string", _p(4, 0, 4, ALL_DIFFERENT, 0, (18, 18),
                            fmt((r"\d{18}", 3, 0.75), (r"\d{17}[A-Z]", 1, 0.25)), "110105194912310021", "440304198207150011")),
    "姓名": ("string", _p(3, 1, 2, top(("张三", 2), ("欧阳娜娜", 1)), 0, (2, 4), fmt((r"\p{Han}+", 3, 1.0)), "张三", "欧阳娜娜")),
    "年龄": ("int64", _p(3, 1, 3, ALL_DIFFERENT, 0, (1, 3),
                       fmt((r"\d", 1, 0.3333), (r"\d{2}", 1, 0.3333), (r"\d{3}", 1, 0.3333)), 7, 100)),
    "注册资本": ("decimal(6,3)", _p(4, 0, 4, ALL_DIFFERENT, 0, (1, 7),
                                fmt((r"-\d{2}\.\d{3}", 1, 0.25), (r"\d", 1, 0.25), (r"\d\.\d", 1, 0.25), (r"\d{3}\.\d{2}", 1, 0.25)),
                                -12.125, 500.0)),
    "出生日期": ("date", _p(4, 0, 4, ALL_DIFFERENT, 0, (8, 10),
                          fmt((r"\d{4}-\d{2}-\d{2}", 1, 0.25), (r"\d{4}/\d{2}/\d{2}", 1, 0.25), (r"\d{8}", 1, 0.25),
                              (r"\d{4}\p{Han}+\d\p{Han}+\d{2}\p{Han}+", 1, 0.25)), "1949-12-31", "2024-01-01")),
    "登记时间": ("timestamp", _p(4, 0, 3, top(("2021-03-05 12:30", 2), ("2020-02-29", 1), ("2021-03-05T08:00:59", 1)), 0, (10, 19),
                               fmt((r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", 2, 0.5), (r"\d{4}-\d{2}-\d{2}", 1, 0.25),
                                   (r"\d{4}-\d{2}-\d{2}[A-Z]\d{2}:\d{2}:\d{2}", 1, 0.25)),
                               "2020-02-29 00:00:00", "2021-03-05 12:30:00")),
    "备注": ("string", _p(4, 0, 4, ALL_DIFFERENT, 2, (1, 41),
                        fmt((" ", 1, 0.25), ("长文本 (>40)", 1, 0.25), ("\u3000", 1, 0.25), (r"\p{Han}+", 1, 0.25)), " ", "长" * 41)),
    "邮编": ("string", _p(4, 0, 4, ALL_DIFFERENT, 0, (6, 6),
                        fmt((r"\d{6}", 4, 1.0)), "010000", "518000")),
}


def test_profile_parity(any_ws: Workspace, tmp_path: Path) -> None:
    path = write_text(tmp_path / "people.csv", csv_text(PARITY_ROWS, PARITY_HEADER))
    ingest(any_ws, str(path), options=SourceOptions(delimiter=","))
    got = {item["name"]: (item["type"], item["profile"]) for item in show_dataset(any_ws, "people")["items"]}
    assert got == PARITY_EXPECTED
