"""Generalization hierarchies: every level of every kind as a truth table, spec errors, defaults."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import ibis
import pytest
from parquet_tables import Make

from shuzhi.engine import Engine
from shuzhi.errors import ConfigError
from shuzhi.masking.hierarchy import default_hierarchy, hierarchy_from_spec

EDU = {"本科": ["高等", "*"], "硕士": ["高等", "*"], "小学": ["基础", "*"]}

# (id, spec, column type, values, expected labels at levels 0..top, one list per value)
LEVELS: list[tuple[str, dict[str, Any], str, list[Any], list[list[Any]]]] = [
    ("area", {"kind": "area"}, "string", ["320102", "110101", "abc", None], [
        ["320102", "320100", "320000", "*"],
        ["110101", "110100", "110000", "*"],
        ["abc", "*", "*", "*"],          # not a GB/T 2260 code
        [None, "*", "*", "*"],           # NULL stays NULL only at level 0
    ]),
    ("age-default-widths", {"kind": "age"}, "int64", [37, 0, None], [
        ["37", "35-39", "30-39", "20-39", "*"],
        ["0", "0-4", "0-9", "0-19", "*"],
        [None, "*", "*", "*", "*"],
    ]),
    ("number-text", {"kind": "number", "widths": [5, 10]}, "string", ["37.5", "abc", "nan", "inf", "1e30"], [
        ["37.5", "35-39", "30-39", "*"],
        ["abc", "*", "*", "*"],          # not a number
        ["nan", "*", "*", "*"],          # NaN, ±inf and huge values have no band
        ["inf", "*", "*", "*"],
        ["1e30", "*", "*", "*"],
    ]),
    ("date-text", {"kind": "date"}, "string", ["1990-05-17", "1989-12-31", "bad", None], [
        ["1990-05-17", "1990-05", "1990", "1990s", "*"],
        ["1989-12-31", "1989-12", "1989", "1980s", "*"],
        ["bad", "*", "*", "*", "*"],
        [None, "*", "*", "*", "*"],
    ]),
    ("date-typed", {"kind": "date", "levels": ["year"]}, "date", [dt.date(2001, 2, 3)], [
        ["2001-02-03", "2001", "*"],
    ]),
    ("mask", {"kind": "mask", "length": 4}, "string", ["2100", "210", None], [
        ["2100", "210*", "21**", "2***", "*"],
        ["210", "*", "*", "*", "*"],     # not of the declared length
        [None, "*", "*", "*", "*"],
    ]),
    ("values", {"kind": "values", "mapping": EDU}, "string", ["本科", "小学", "大专", None], [
        ["本科", "高等", "*"],
        ["小学", "基础", "*"],
        ["大专", "*", "*"],              # not in the hierarchy
        [None, "*", "*"],
    ]),
    ("suppress", {"kind": "suppress"}, "string", ["男", None], [["男", "*"], [None, "*"]]),
]

BOTH_ENGINES = {"area", "age-default-widths", "date-text", "values"}


def levels(engine: Engine, make: Make, spec: dict[str, Any], dtype: str, values: list[Any]) -> list[list[Any]]:
    h = hierarchy_from_spec(spec)
    t = make({"i": list(range(len(values))), "v": values}, {"i": "int64", "v": dtype})
    cols = {f"l{i}": h.generalize(t.v, i) for i in range(h.height + 1)}
    got = engine.to_pyarrow(t.select("i", **cols).order_by("i")).to_pylist()
    return [[row[f"l{i}"] for i in range(h.height + 1)] for row in got]


@pytest.mark.parametrize(("spec", "dtype", "values", "expected"), [pytest.param(*c[1:], id=c[0]) for c in LEVELS if c[0] in BOTH_ENGINES])
def test_levels(engine: Engine, make: Make, spec: dict[str, Any], dtype: str, values: list[Any], expected: list[list[Any]]) -> None:
    assert levels(engine, make, spec, dtype, values) == expected


@pytest.mark.parametrize(("spec", "dtype", "values", "expected"), [pytest.param(*c[1:], id=c[0]) for c in LEVELS if c[0] not in BOTH_ENGINES])
def test_levels_duckdb(duck: tuple[Engine, Make], spec: dict[str, Any], dtype: str, values: list[Any], expected: list[list[Any]]) -> None:
    assert levels(*duck, spec, dtype, values) == expected


# (spec, expected names)
NAMES = [
    ({"kind": "area"}, ("county", "city", "province", "*")),
    ({"kind": "number", "widths": [10, 20]}, ("value", "bands of 10", "bands of 20", "*")),
    ({"kind": "date", "levels": ["day", "year"]}, ("time", "day", "year", "*")),
    ({"kind": "mask", "length": 3}, ("value", "last 1 masked", "last 2 masked", "*")),
    ({"kind": "suppress"}, ("value", "*")),
]


@pytest.mark.parametrize(("spec", "names"), NAMES)
def test_names(spec: dict[str, Any], names: tuple[str, ...]) -> None:
    h = hierarchy_from_spec(spec)
    assert (h.names, h.height) == (names, len(names) - 1)


def test_values_from_csv(duck: tuple[Engine, Make], tmp_path: Path) -> None:
    # ARX-style rows; the last column of * is the top and is dropped
    path = tmp_path / "edu.csv"
    path.write_text("\ufeff本科;高等;*\n硕士;高等;*\n\n小学;基础;*\n", encoding="utf-8")
    spec = {"kind": "values", "path": str(path), "delimiter": ";"}
    assert hierarchy_from_spec(spec).height == 2
    assert levels(*duck, spec, "string", ["硕士", "小学"]) == [["硕士", "高等", "*"], ["小学", "基础", "*"]]


# (spec, expected English message)
ERRORS: list[tuple[Any, str]] = [
    ({}, "a hierarchy needs a kind"),
    ({"kind": "zip"}, "unknown hierarchy kind 'zip'; use one of age, area, date, mask, number, suppress, values"),
    ({"kind": "area", "to": "city"}, "bad options for hierarchy area: to: Extra inputs are not permitted"),
    ({"kind": "number"}, "bad options for hierarchy number: widths: Field required"),
    ({"kind": "number", "widths": [5, 12]}, "band widths must increase, each a multiple of the one before: [5, 12]"),
    ({"kind": "number", "widths": [10, 5]}, "band widths must increase, each a multiple of the one before: [10, 5]"),
    ({"kind": "number", "widths": [0, 5]}, "band widths must be positive integers: [0, 5]"),
    ({"kind": "date", "levels": ["year", "month"]},
     "date levels must go from fine to coarse without repeats (day, month, year, decade): ['year', 'month']"),
    ({"kind": "mask", "length": 0}, "bad options for hierarchy mask: length: Input should be greater than or equal to 1"),
    ({"kind": "values"}, "a values hierarchy needs exactly one of path or mapping"),
    ({"kind": "values", "mapping": {}}, "the values hierarchy has no rows"),
    ({"kind": "values", "mapping": {"a": ["x", "*"], "b": ["y"]}},
     "every row of a values hierarchy needs the same number of columns: 'b' has 2, the first row 3"),
    ({"kind": "values", "mapping": {"a": ["*"]}}, "a values hierarchy needs at least one level above the value"),
    # x would have two parents, splitting a group on the way up
    ({"kind": "values", "mapping": {"a": ["x", "p"], "b": ["x", "q"]}},
     "'x' at level 1 of the values hierarchy has two parents: 'p' and 'q'"),
    ({"kind": "values", "path": "/nonexistent/h.csv"}, "cannot read hierarchy file /nonexistent/h.csv: No such file or directory"),
]


@pytest.mark.parametrize(("spec", "message"), ERRORS)
def test_spec_errors(spec: Any, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        hierarchy_from_spec(spec)
    assert err.value.en == message
    assert err.value.zh


def test_level_out_of_range() -> None:
    with pytest.raises(ConfigError, match="outside 0–1"):
        hierarchy_from_spec({"kind": "suppress"}).generalize(ibis.literal("x"), 2)


# (column name, entity types, expected kind or None)
DEFAULTS: list[tuple[str, list[str], str | None]] = [
    ("出生日期", ["DATE_OF_BIRTH"], "date"),
    ("c7", ["DATE_OF_BIRTH"], "date"),               # the entity decides, not the name
    ("民族", ["CN_ETHNICITY"], "suppress"),
    ("住址", ["CN_ADDRESS"], None),                   # free text: no hierarchy
    ("age", ["CN_ADDRESS"], None),                    # an unsupported entity wins over the name
    ("性别", [], "suppress"),
    ("Gender", [], "suppress"),
    ("患者年龄", [], "age"),
    ("area code", [], "area"),
    ("行政区划代码", [], "area"),
    ("邮政编码", [], "mask"),
    ("page", [], None),                               # English names match whole, not inside words
    ("备注", [], None),
]


@pytest.mark.parametrize(("name", "entities", "kind"), DEFAULTS)
def test_default_hierarchy(name: str, entities: list[str], kind: str | None) -> None:
    h = default_hierarchy(name, entities)
    assert (h.kind if h else None) == kind
