"""The plain (unkeyed) transforms: truth tables on DuckDB and Spark, and the never-the-original property."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import ibis
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from parquet_tables import parquet_maker

from shuzhi.config import Settings
from shuzhi.engine import Engine
from shuzhi.errors import ConfigError
from shuzhi.masking.transforms import Context, apply, parse
from shuzhi.workspace import Workspace

ENGINES = [pytest.param("duckdb", id="duckdb"), pytest.param("spark", id="spark", marks=pytest.mark.spark)]


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    with Workspace(Settings(home=tmp_path_factory.mktemp("t"), engine=request.param)) as w:
        yield w.engine


def table(engine: Engine, values: list, dtype: str = "string") -> ibis.Table:
    return parquet_maker(engine, Path(tempfile.mkdtemp()))({"v": values}, {"v": dtype})


def run(engine: Engine, name: str, values: list, *, entity: str | None = None, dtype: str = "string", **options) -> list:
    t = table(engine, values, dtype)
    _, params = parse(name, options, where="test")
    expr = apply(name, params, t.v, Context(engine.name, t, "v", entity=entity))
    return engine.to_pyarrow(t.select(expr)).column("v").to_pylist()


# (transform, entity, options, input, expected, reason)
CASES = [
    ("mask", "CN_RESIDENT_ID", {}, "320102198501011234", "3201**********1234", "ID: first 4 and last 4"),
    ("mask", "CN_MOBILE", {}, "13812345678", "138****5678", "mobile: 3 and 4"),
    ("mask", "CN_MOBILE", {}, "138-1234-5678", "138-****-5678", "separators stay"),
    ("mask", "CN_MOBILE", {}, "+86 138 1234 5678", "+86 *** **** 5678", "a prefix and spaces"),
    ("mask", "BANK_CARD", {}, "6222 0202 0000 1234", "**** **** **** 1234", "bank card in groups"),
    ("mask", "CN_MOBILE", {}, "138--- 5678", "***--- ****", "only separators between the kept ends: masked whole"),
    ("mask", "CN_PERSON_NAME", {}, "张三", "张*", "single surname"),
    ("mask", "CN_PERSON_NAME", {}, "欧阳娜娜", "欧阳**", "compound surname"),
    ("mask", "CN_PERSON_NAME", {}, "欧阳", "欧*", "a two-character name that looks like a compound surname"),
    ("mask", "BANK_CARD", {}, "6222020200001234567", "***************4567", "bank card: last 4"),
    ("mask", "EMAIL", {}, "zhang.san@example.com", "z***@example.com", "email"),
    ("mask", "CN_ADDRESS", {}, "江苏省南京市玄武区中山路18号", "江苏省南京市玄武区", "address down to the district"),
    ("mask", None, {"keep_start": 1, "keep_end": 1, "char": "#"}, "abcdef", "a####f", "explicit positions"),
    ("mask", None, {"keep_start": 3, "keep_end": 4}, "12345", "*****", "too short: masked whole"),
    ("mask", None, {}, "", "", "empty stays empty"),
    ("mask", "CN_MOBILE", {}, None, None, "null stays null"),
    ("generalize", "CN_ADDRESS", {"to": "city"}, "江苏省南京市玄武区中山路18号", "江苏省南京市", "address to the city"),
    ("generalize", "CN_ADDRESS", {}, "南京市鼓楼区汉口路22号", "南京市鼓楼区", "no province"),
    ("generalize", "CN_ADDRESS", {}, "某某单位院内", None, "unreadable: nothing passes"),
    ("generalize", None, {"to": "city"}, "320102", "320100", "GB/T 2260 code to the city"),
    ("generalize", None, {"to": "province"}, "320102", "320000", "to the province"),
    ("generalize", "CN_RESIDENT_ID", {}, "32010219850101123X", "320100|1985|男", "ID to quasi-identifiers (17th digit 3: male)"),
    ("generalize", "CN_RESIDENT_ID", {"area": "province"}, "320102198501011224", "320000|1985|女", "even: female"),
    ("generalize", None, {"to": "month"}, "2024-03-15", "2024-03", "date text to the month"),
    ("generalize", None, {"to": "year"}, "2024-03-15 08:00:00", "2024", "timestamp text to the year"),
    ("generalize", None, {"to": "year"}, "not a date", None, "unreadable date"),
    ("generalize", None, {"width": 10}, "37", "30-39", "age band from text"),
    ("generalize", None, {"bins": [18, 60]}, "17", "<18", "below the first edge"),
    ("generalize", None, {"bins": [18, 60]}, "18", "18-59", "a middle bin"),
    ("generalize", None, {"bins": [18, 60]}, "75", "≥60", "above the last edge"),
    ("generalize", None, {"bins": [18, 60]}, None, None, "null"),
    ("suppress", None, {}, "秘密", None, "suppressed"),
    ("replace", None, {"value": "已脱敏"}, "秘密", "已脱敏", "replaced"),
    ("replace", None, {}, None, None, "null stays null"),
]


@pytest.mark.parametrize(("name", "entity", "options", "value", "expected", "reason"), CASES, ids=[c[5] for c in CASES])
def test_transform(engine: Engine, name: str, entity: str | None, options: dict, value: str | None, expected: str | None,
                   reason: str) -> None:
    assert run(engine, name, [value], entity=entity, **options) == [expected]


def test_numeric_bands_on_a_number_column(engine: Engine) -> None:
    assert run(engine, "generalize", [3, 17, 59, None], dtype="int64", width=10) == ["0-9", "10-19", "50-59", None]


def test_noise_is_bounded_and_rounded(engine: Engine) -> None:
    values = list(range(0, 1000, 7))
    noisy = run(engine, "noise", values, dtype="int64", scale=5, min=0)
    assert all(abs(a - b) <= 5 and b >= 0 for a, b in zip(values, noisy, strict=True))
    assert noisy != values


@pytest.mark.parametrize(("name", "options", "message"), [
    ("masks", {}, "unknown transform"),
    ("mask", {"keep_first": 3}, "bad options for mask"),
    ("mask", {"char": "**"}, "bad options for mask"),
    ("noise", {}, "bad options for noise"),
])
def test_bad_transform_options(name: str, options: dict, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse(name, options, where="policy.yaml line 3")
    assert message in err.value.en and "policy.yaml line 3" in err.value.en and err.value.zh


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="0123456789张王欧阳三-@. abc", min_size=1, max_size=20), min_size=1, max_size=20),
       st.sampled_from([None, "CN_MOBILE", "CN_RESIDENT_ID", "CN_PERSON_NAME", "EMAIL", "BANK_CARD"]))
def test_a_masked_value_is_never_the_original(values: list[str], entity: str | None) -> None:
    """Unless the value was all mask characters or separators already, masking changes it."""
    con = ibis.duckdb.connect()
    t = ibis.memtable({"v": values}, schema={"v": "string"})
    _, params = parse("mask", {}, where="test")
    masked = con.to_pyarrow(t.select(apply("mask", params, t.v, Context("duckdb", t, "v", entity=entity)))).column("v").to_pylist()
    for before, after in zip(values, masked, strict=True):
        if set(before) - set("*- .@"):
            assert after != before


def test_shuffle_permutes_a_column_among_the_rows(engine: Engine) -> None:
    from shuzhi.masking.policy import Decision
    from shuzhi.masking.static import ColumnPlan, mask_table

    ids = [str(i) for i in range(30)]
    values = [f"v{i}" if i % 7 else None for i in range(30)]
    t = parquet_maker(engine, Path(tempfile.mkdtemp()))({"id": ids, "v": values})
    plans = [ColumnPlan("id", None, None, [], Decision("keep")), ColumnPlan("v", None, None, [], Decision("shuffle"))]
    out = engine.to_pyarrow(mask_table(engine.name, t, plans)[0]).to_pylist()
    assert sorted(r["id"] for r in out) == sorted(ids) and set(out[0]) == {"id", "v"}
    assert sorted(map(str, (r["v"] for r in out))) == sorted(map(str, values))  # the same values, NULLs included
    moved = sum(dict(zip(ids, values, strict=True))[r["id"]] != r["v"] for r in out)
    assert moved >= 20  # a cyclic shift of a random order: values leave their rows


def test_shuffle_moves_nulls_like_values(engine: Engine) -> None:
    """The value the last row takes is the first of the order, NULL or not (Ibis' first() skips NULLs unless told)."""
    from shuzhi.masking.policy import Decision
    from shuzhi.masking.static import ColumnPlan, mask_table

    ids, values = [str(i) for i in range(30)], [None] * 29 + ["x"]
    t = parquet_maker(engine, Path(tempfile.mkdtemp()))({"id": ids, "v": values})
    plans = [ColumnPlan("id", None, None, [], Decision("keep")), ColumnPlan("v", None, None, [], Decision("shuffle"))]
    out = engine.to_pyarrow(mask_table(engine.name, t, plans)[0]).to_pylist()
    assert sorted(map(str, (r["v"] for r in out))) == sorted(map(str, values))  # one "x", 29 NULLs
