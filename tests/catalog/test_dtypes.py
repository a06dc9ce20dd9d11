"""Logical types of text columns: identifier names, and the date/time truth table run through DuckDB."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

import ibis
import pytest

from shuzhi.catalog.dtypes import cast_text, date_parts, looks_like_identifier

# (column name, is an identifier, reason)
IDENTIFIER_NAMES: list[tuple[str, bool, str]] = [
    ("身份证号", True, "身份证"),
    ("公民身份号码", True, "号码"),
    ("联系电话", True, "电话"),
    ("行政区划代码", True, "代码 / 区划"),
    ("邮政编码", True, "邮政编码"),
    ("邮编", True, "邮编"),
    ("统一社会信用代码", True, "代码"),
    ("证照编号", True, "编号"),
    ("银行卡号", True, "卡号"),
    ("手机", True, "手机"),
    ("年龄", False, "a quantity"),
    ("注册资本", False, "an amount of money"),
    ("面积", False, "a measure"),
    ("金额", False, "an amount of money"),
    ("人数", False, "a count"),
    ("sfzh", True, "pinyin 身份证号"),
    ("zjhm", True, "pinyin 证件号码"),
    ("lxdh", True, "pinyin 联系电话"),
    ("sjhm", True, "pinyin 手机号码"),
    ("yhkh", True, "pinyin 银行卡号 (…kh = 卡号)"),
    ("tyshxydm", True, "pinyin 统一社会信用代码"),
    ("xzqh", True, "pinyin 行政区划"),
    ("dkbh", True, "pinyin 地块编号"),
    ("zzbh", True, "pinyin 证照编号"),
    ("SFZH", True, "pinyin, upper case"),
    ("xm", False, "pinyin 姓名"),
    ("nl", False, "pinyin 年龄"),
    ("age", False, "English quantity"),
    ("mj", False, "pinyin 面积"),
    ("zczb", False, "pinyin 注册资本"),
    ("user_id", True, "English _id"),
    ("ID", True, "English id"),
    ("phone", True, "English phone"),
    ("zip_code", True, "English code"),
    ("order_no", True, "English no"),
    ("mobile number", True, "English words separated by a space"),
    ("amount", False, "English quantity"),
    ("population", False, "English quantity"),
]


@pytest.mark.parametrize(("name", "expected", "reason"), [pytest.param(*case, id=case[0]) for case in IDENTIFIER_NAMES])
def test_looks_like_identifier(name: str, expected: bool, reason: str) -> None:
    assert looks_like_identifier(name) is expected, reason


D, TS = dt.date, dt.datetime
# (text, valid, has_time, as date, as timestamp, reason)
DATES: list[tuple[str | None, bool, bool, dt.date | None, dt.datetime | None, str]] = [
    ("2021-03-05", True, False, D(2021, 3, 5), TS(2021, 3, 5), "ISO"),
    ("2021/3/5", True, False, D(2021, 3, 5), TS(2021, 3, 5), "slashes, single-digit month and day"),
    ("2021.3.5", True, False, D(2021, 3, 5), TS(2021, 3, 5), "dots"),
    ("2021年3月5日", True, False, D(2021, 3, 5), TS(2021, 3, 5), "Chinese"),
    ("2021年03月05日 08:00:00", True, True, D(2021, 3, 5), TS(2021, 3, 5, 8), "Chinese with a time"),
    ("20210305", True, False, D(2021, 3, 5), TS(2021, 3, 5), "compact"),
    ("2020-02-29", True, False, D(2020, 2, 29), TS(2020, 2, 29), "leap year"),
    ("2000-02-29", True, False, D(2000, 2, 29), TS(2000, 2, 29), "divisible by 400: leap"),
    ("2021-02-29", False, False, None, None, "not a leap year"),
    ("1900-02-29", False, False, None, None, "divisible by 100, not by 400: not leap"),
    ("2021-04-31", False, False, None, None, "April has 30 days"),
    ("2021-06-31", False, False, None, None, "June has 30 days"),
    ("2021-09-31", False, False, None, None, "September has 30 days"),
    ("2021-11-31", False, False, None, None, "November has 30 days"),
    ("2021-11-30", True, False, D(2021, 11, 30), TS(2021, 11, 30), "the last of November"),
    ("2021-07-31", True, False, D(2021, 7, 31), TS(2021, 7, 31), "July has 31 days"),
    ("2021-12-31", True, False, D(2021, 12, 31), TS(2021, 12, 31), "December has 31 days"),
    ("2021-01-32", False, False, None, None, "no month has 32 days"),
    ("2021-13-01", False, False, None, None, "month 13"),
    ("20211301", False, False, None, None, "compact, month 13"),
    ("2021-03-00", False, False, None, None, "day 0"),
    ("1800-01-01", True, False, D(1800, 1, 1), TS(1800, 1, 1), "lowest accepted year"),
    ("1799-12-31", False, False, None, None, "before 1800"),
    ("2200-12-31", True, False, D(2200, 12, 31), TS(2200, 12, 31), "highest accepted year"),
    ("2201-01-01", False, False, None, None, "after 2200"),
    ("2021-03-05 12:30", True, True, D(2021, 3, 5), TS(2021, 3, 5, 12, 30), "hours and minutes"),
    ("2021-03-05T12:30:59", True, True, D(2021, 3, 5), TS(2021, 3, 5, 12, 30, 59), "ISO T separator, seconds"),
    ("2021-3-5 1:05", True, True, D(2021, 3, 5), TS(2021, 3, 5, 1, 5), "single-digit hour"),
    ("2021-03-05 00:00", True, True, D(2021, 3, 5), TS(2021, 3, 5), "midnight"),
    ("2021-03-05 23:59:59", True, True, D(2021, 3, 5), TS(2021, 3, 5, 23, 59, 59), "last second"),
    ("2021-03-05 24:00", False, True, None, None, "hour 24"),
    ("2021-03-05 12:60", False, True, None, None, "minute 60"),
    ("2021-03-05 12:30:60", False, True, None, None, "second 60"),
    ("2021-03-05 12:30:59.000", True, True, D(2021, 3, 5), TS(2021, 3, 5, 12, 30, 59), "zero fraction (database exports)"),
    ("2021-03-05 12:30:59.123", False, False, None, None, "non-zero fraction: a timestamp would lose it, so not a date"),
    ("2021-03-05T12:30:59.1234567", False, False, None, None, "seven fractional digits"),
    ("20210305 12:30", False, False, None, None, "compact dates take no time"),
    ("abc", False, False, None, None, "letters"),
    ("2021-3", False, False, None, None, "no day"),
    ("", False, False, None, None, "empty"),
    (" 2021-03-05", False, False, None, None, "leading space"),
    ("2021-03-05 ", False, False, None, None, "trailing space"),
    ("２０２１-03-05", False, False, None, None, "full-width digits"),
    (None, False, False, None, None, "null"),
]
TEXTS = [row[0] for row in DATES]


@pytest.fixture(scope="module")
def evaluated() -> dict[str | None, dict[str, Any]]:
    """Every row of DATES evaluated in one DuckDB query, keyed by the input text."""
    t = ibis.memtable({"v": TEXTS}, schema={"v": "string"})
    p = date_parts(t.v)
    expr = t.select(
        v=t.v, valid=p["valid"], has_time=p["has_time"], as_date=cast_text(t.v, "date"), as_ts=cast_text(t.v, "timestamp")
    )
    rows = ibis.duckdb.connect().to_pyarrow(expr).to_pylist()
    assert len(rows) == len(DATES)
    return {r["v"]: r for r in rows}


def _params(field: int) -> list[Any]:
    return [pytest.param(row[0], row[field], row[5], id=repr(row[0])) for row in DATES]


@pytest.mark.parametrize(("text", "expected", "reason"), _params(1))
def test_date_parts_valid(evaluated: dict[str | None, dict[str, Any]], text: str | None, expected: bool, reason: str) -> None:
    assert evaluated[text]["valid"] is expected, reason


@pytest.mark.parametrize(("text", "expected", "reason"), _params(2))
def test_date_parts_has_time(evaluated: dict[str | None, dict[str, Any]], text: str | None, expected: bool, reason: str) -> None:
    assert evaluated[text]["has_time"] is expected, reason


@pytest.mark.parametrize(("text", "expected", "reason"), _params(3))
def test_cast_text_date(evaluated: dict[str | None, dict[str, Any]], text: str | None, expected: dt.date | None, reason: str) -> None:
    assert evaluated[text]["as_date"] == expected, reason


@pytest.mark.parametrize(("text", "expected", "reason"), _params(4))
def test_cast_text_timestamp(evaluated: dict[str | None, dict[str, Any]], text: str | None, expected: dt.datetime | None, reason: str) -> None:
    assert evaluated[text]["as_ts"] == expected, reason


# (dtype, text, expected value)
OTHER_CASTS = [
    ("string", "007", "007"),
    ("int64", "-5", -5),
    ("int64", "+3", 3),
    ("int64", "999999999999999999", 999_999_999_999_999_999),
    ("decimal(5,2)", "1.5", decimal.Decimal("1.50")),
    ("decimal(5,2)", "-12.25", decimal.Decimal("-12.25")),
    ("decimal(3,2)", "1.10", decimal.Decimal("1.10")),
]


@pytest.mark.parametrize(("dtype", "text", "expected"), OTHER_CASTS)
def test_cast_text_numbers(dtype: str, text: str, expected: object) -> None:
    t = ibis.memtable({"v": [text]}, schema={"v": "string"})
    value = ibis.duckdb.connect().to_pyarrow(t.select(x=cast_text(t.v, dtype))).to_pylist()[0]["x"]
    assert (value, type(value)) == (expected, type(expected))


@pytest.mark.parametrize("dtype", ["float64", "boolean", "time", ""])
def test_cast_text_unsupported_type(dtype: str) -> None:
    t = ibis.memtable({"v": ["1"]}, schema={"v": "string"})
    with pytest.raises(ValueError, match="unsupported logical type"):
        cast_text(t.v, dtype)
