"""k-anonymity, ℓ-diversity and t-closeness: hand-computed tables on both engines, pandas and pycanon cross-checks."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from typing import Any

import ibis
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from parquet_tables import Make

from shuzhi.engine import Engine
from shuzhi.errors import ConfigError
from shuzhi.masking.privacy import PrivacyMeasures, class_sizes, measure, satisfies

SALARY = [3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 11000]
D1, D2, D3 = dt.date(2024, 1, 1), dt.date(2024, 1, 2), dt.date(2024, 1, 3)

# --- measured tables --------------------------------------------------------------------------
# (id, columns, types, qi, sensitive, expected (rows, classes, k, l_distinct, l_entropy, t, t_distance))
CASES: list[tuple[str, dict[str, list[Any]], dict[str, str], list[str], str | None, tuple[Any, ...]]] = [
    (
        # classes a (3), b (3), NULL (2); no sensitive attribute: only k
        "k-only-null-qi",
        {"zip": ["a", "a", "a", "b", "b", "b", None, None]}, {"zip": "string"}, ["zip"], None,
        (8, 3, 2, None, None, None, None),
    ),
    (
        # whole table: flu 4/8, cold 3/8, hiv 1/8
        # a = {flu, flu, cold}: ℓ=2, exp(H) = exp(ln 3 − ⅔ ln 2) = 3 / 2^(2/3), t = ½(1/6 + 1/24 + 1/8) = 1/6
        # b = {flu, cold, hiv}: ℓ=3, exp(H) = 3, t = ½(1/6 + 1/24 + 5/24) = 5/24
        # NULL = {flu, cold}:   ℓ=2, exp(H) = 2, t = ½(0 + 1/8 + 1/8) = 1/8
        "categorical-null-qi",
        {"zip": ["a", "a", "a", "b", "b", "b", None, None],
         "disease": ["flu", "flu", "cold", "flu", "cold", "hiv", "flu", "cold"]},
        {"zip": "string", "disease": "string"}, ["zip"], "disease",
        (8, 3, 2, 2, 3 / 2 ** (2 / 3), 5 / 24, "equal"),
    ),
    (
        # NULL is a sensitive value: x = {NULL, a} has 2 values; whole NULL ¼, a ½, b ¼
        # x: t = ½(¼ + 0 + ¼) = ¼; y = {a, b}: t = ½(¼ + 0 + ¼) = ¼
        "categorical-null-value",
        {"g": ["x", "x", "y", "y"], "s": [None, "a", "a", "b"]}, {"g": "string", "s": "string"}, ["g"], "s",
        (4, 2, 2, 2, 2.0, 0.25, "equal"),
    ),
    (
        # one class holding everything: its distribution is the table's
        "one-class",
        {"g": ["x"] * 4, "s": ["a", "a", "b", "c"]}, {"g": "string", "s": "string"}, ["g"], "s",
        (4, 1, 4, 3, math.exp(-(0.5 * math.log(0.5) + 2 * 0.25 * math.log(0.25))), 0.0, "equal"),
    ),
    (
        # Li, Li & Venkatasubramanian 2007, §4.2 (salary example): EMD({3k,4k,5k}) = 3/8;
        # cumulative p − q over 3k..11k is 2,4,6,5,4,3,2,1,0 (/9): 27/9 / 8 = 0.375
        "salary-paper-375",
        {"g": ["a", "a", "a", "b", "c", "b", "c", "c", "b"], "salary": SALARY},
        {"g": "string", "salary": "int64"}, ["g"], "salary",
        (9, 3, 3, 3, 3.0, 0.375, "ordered"),
    ),
    (
        # same paper: EMD({6k,8k,11k}) = 1/6 (cumulative −1,−2,−3,−1,−2,0,−1,−2,0 (/9): 12/9 / 8);
        # the other class {3k,4k,5k,7k,9k,10k}: cumulative 1,2,3,1,2,0,1,2,0 (/18): 12/18 / 8 = 1/12
        "salary-paper-167",
        {"g": ["a", "a", "a", "b", "a", "b", "a", "a", "b"], "salary": SALARY},
        {"g": "string", "salary": "int64"}, ["g"], "salary",
        (9, 2, 3, 3, 3.0, 1 / 6, "ordered"),
    ),
    (
        # NULL sorts below every number: order NULL, 1, 2, each ⅓ of the table
        # x = {NULL, 1}: cumulative ⅙, ⅓, 0 → ½ / 2 = ¼; y = {2}: −⅓, −⅔, 0 → 1 / 2 = ½
        # (NULL last would give ⅓)
        "ordered-null-first",
        {"g": ["x", "x", "y"], "v": [None, 1.5, 2.5]}, {"g": "string", "v": "float64"}, ["g"], "v",
        (3, 2, 1, 1, 1.0, 0.5, "ordered"),
    ),
    (
        # dates are ordered too: same shape as above without NULL
        "ordered-dates",
        {"g": ["x", "x", "y"], "d": [D1, D2, D3]}, {"g": "string", "d": "date"}, ["g"], "d",
        (3, 2, 1, 1, 1.0, 0.5, "ordered"),
    ),
    (
        # one distinct value: m = 1, every class equals the table
        "ordered-single-value",
        {"g": ["x", "y"], "v": [7, 7]}, {"g": "string", "v": "int64"}, ["g"], "v",
        (2, 2, 1, 1, 1.0, 0.0, "ordered"),
    ),
    (
        # two QIs with NULLs: (F, NULL) ×2, (NULL, NULL), (F, 30)
        "two-qi-nulls",
        {"sex": ["F", "F", None, "F"], "age": [None, None, None, 30], "s": ["a", "b", "a", "a"]},
        {"sex": "string", "age": "int64", "s": "string"}, ["sex", "age"], "s",
        # whole a ¾, b ¼; (F,NULL) = {a,b}: ½(¼+¼) = ¼; the others = {a}: ½(¼+¼) = ¼
        (4, 3, 1, 1, 1.0, 0.25, "equal"),
    ),
    (
        "empty",
        {"g": [], "v": []}, {"g": "string", "v": "int64"}, ["g"], "v",
        (0, 0, 0, 0, 0.0, 0.0, "ordered"),
    ),
]


# each code path and NULL rule runs on Spark too; the remaining cases only on DuckDB (Spark starts slowly)
BOTH_ENGINES = {"k-only-null-qi", "categorical-null-qi", "categorical-null-value", "salary-paper-375", "ordered-null-first",
                "two-qi-nulls", "empty"}


def check(m: PrivacyMeasures, expected: tuple[Any, ...]) -> None:
    rows, classes, k, l_distinct, l_entropy, t, t_distance = expected
    assert (m.rows, m.classes, m.k, m.l_distinct, m.t_distance) == (rows, classes, k, l_distinct, t_distance)
    assert m.l_entropy == (None if l_entropy is None else pytest.approx(l_entropy, abs=1e-9))
    assert m.t == (None if t is None else pytest.approx(t, abs=1e-12))
    json.dumps(m.to_dict())


@pytest.mark.parametrize(("columns", "types", "qi", "sensitive", "expected"),
                         [pytest.param(*c[1:], id=c[0]) for c in CASES if c[0] in BOTH_ENGINES])
def test_measure(engine: Engine, make: Make, columns: dict[str, list[Any]], types: dict[str, str], qi: list[str],
                 sensitive: str | None, expected: tuple[Any, ...]) -> None:
    check(measure(engine, make(columns, types), qi, sensitive=sensitive), expected)


@pytest.mark.parametrize(("columns", "types", "qi", "sensitive", "expected"),
                         [pytest.param(*c[1:], id=c[0]) for c in CASES if c[0] not in BOTH_ENGINES])
def test_measure_duckdb(duck: tuple[Engine, Make], columns: dict[str, list[Any]], types: dict[str, str], qi: list[str],
                        sensitive: str | None, expected: tuple[Any, ...]) -> None:
    engine, make = duck
    check(measure(engine, make(columns, types), qi, sensitive=sensitive), expected)


def test_class_sizes_null_is_a_class(engine: Engine, make: Make) -> None:
    t = make({"sex": ["F", "F", None, None, None], "city": ["京", "京", "沪", None, None]}, {"sex": "string", "city": "string"})
    got = engine.to_pyarrow(class_sizes(t, ["sex", "city"])).to_pylist()
    assert sorted(got, key=lambda c: (-c["n"], repr(c["sex"]), repr(c["city"]))) == [
        {"sex": "F", "city": "京", "n": 2}, {"sex": None, "city": None, "n": 2}, {"sex": None, "city": "沪", "n": 1},
    ]


# (kinds, expected which of l_distinct / l_entropy / t are measured)
KINDS = [
    (None, (True, True, True)),
    (["k"], (False, False, False)),
    (["k", "l"], (True, True, False)),
    (["t"], (False, False, True)),
]


@pytest.mark.parametrize(("kinds", "measured"), KINDS)
def test_kinds(duck: tuple[Engine, Make], kinds: list[str] | None, measured: tuple[bool, bool, bool]) -> None:
    engine, make = duck
    t = make({"g": ["x", "x", "y"], "s": ["a", "b", "a"]}, {"g": "string", "s": "string"})
    m = measure(engine, t, ["g"], sensitive="s", kinds=kinds)  # type: ignore[arg-type]
    assert (m.l_distinct is not None, m.l_entropy is not None, m.t is not None) == measured
    assert (m.rows, m.classes, m.k) == (3, 2, 1)


# --- errors -----------------------------------------------------------------------------------
# (id, qi, sensitive, kinds, expected English message)
ERRORS: list[tuple[str, list[str], str | None, list[str] | None, str]] = [
    ("unknown-qi", ["g", "nope"], None, None, "unknown column: nope"),
    ("empty-qi", [], None, None, "the quasi-identifier list is empty"),
    ("repeated-qi", ["g", "g"], None, None, "repeated quasi-identifier: g"),
    ("unknown-sensitive", ["g"], "nope", None, "unknown column: nope"),
    ("unknown-sensitive-k-only", ["g"], "nope", ["k"], "unknown column: nope"),
    ("sensitive-is-qi", ["g", "s"], "s", None, "the sensitive attribute s cannot also be a quasi-identifier"),
    ("unknown-kind", ["g"], "s", ["k", "x"], "unknown privacy measure: x (k, l or t)"),
    ("l-without-sensitive", ["g"], None, ["l"], "measuring l or t needs a sensitive attribute"),
]


@pytest.mark.parametrize(("qi", "sensitive", "kinds", "message"), [pytest.param(*e[1:], id=e[0]) for e in ERRORS])
def test_measure_errors(duck: tuple[Engine, Make], qi: list[str], sensitive: str | None, kinds: list[str] | None,
                        message: str) -> None:
    engine, make = duck
    t = make({"g": ["x"], "s": ["a"]}, {"g": "string", "s": "string"})
    with pytest.raises(ConfigError) as err:
        measure(engine, t, qi, sensitive=sensitive, kinds=kinds)  # type: ignore[arg-type]
    assert err.value.en == message
    assert err.value.zh


def test_class_sizes_name_clash() -> None:
    with pytest.raises(ConfigError, match="clashes"):
        class_sizes(ibis.table({"n": "int64"}, name="x"), ["n"])


# --- satisfies --------------------------------------------------------------------------------
M = PrivacyMeasures(("g",), rows=10, classes=3, k=3, sensitive="s", l_distinct=2, l_entropy=1.9, t=0.2, t_distance="equal")
K_ONLY = PrivacyMeasures(("g",), rows=10, classes=3, k=3)

# (requirements, expected, reason)
SATISFIES: list[tuple[dict[str, Any], bool, str]] = [
    ({"k": 3}, True, "k equal to the requirement"),
    ({"k": 4}, False, "smallest class of 3"),
    ({"k": 3, "l": 2}, True, "distinct ℓ of 2"),
    ({"l": 3}, False, "distinct ℓ of 2 < 3"),
    ({"l": 2, "l_kind": "entropy"}, False, "entropy ℓ 1.9 < 2"),
    ({"l": 1.9, "l_kind": "entropy"}, True, "entropy ℓ equal"),
    ({"t": 0.2}, True, "t equal to the bound"),
    ({"t": 0.19}, False, "t above the bound"),
    ({"k": 2, "l": 2, "t": 0.3}, True, "all three met"),
    ({"k": 2, "l": 2, "t": 0.1}, False, "t fails"),
]


@pytest.mark.parametrize(("req", "expected", "reason"), SATISFIES)
def test_satisfies(req: dict[str, Any], expected: bool, reason: str) -> None:
    assert satisfies(M, **req) is expected, reason


def test_satisfies_entropy_rounding() -> None:
    # exp(ln 2) computed by an engine may land one rounding step below 2
    m = PrivacyMeasures(("g",), rows=4, classes=2, k=2, sensitive="s", l_distinct=2, l_entropy=2 - 2 ** -52, t=0.0)
    assert satisfies(m, l=2, l_kind="entropy")


# (measures, requirements, expected English message)
SATISFIES_ERRORS: list[tuple[PrivacyMeasures, dict[str, Any], str]] = [
    (M, {}, "no k, l or t requirement given"),
    (M, {"k": 0}, "k must be at least 1, not 0"),
    (M, {"l": 0}, "l must be at least 1, not 0"),
    (M, {"t": 1.5}, "t must be between 0 and 1, not 1.5"),
    (M, {"l": 2, "l_kind": "recursive"}, "unknown l kind: recursive (distinct or entropy)"),
    (K_ONLY, {"l": 2}, "l was not measured (it needs a sensitive attribute)"),
    (K_ONLY, {"t": 0.2}, "t was not measured (it needs a sensitive attribute)"),
]


@pytest.mark.parametrize(("m", "req", "message"), SATISFIES_ERRORS)
def test_satisfies_errors(m: PrivacyMeasures, req: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError) as err:
        satisfies(m, **req)
    assert err.value.en == message


# --- independent computation on random tables (DuckDB) ---------------------------------------
def reference(df: pd.DataFrame, qi: list[str], s: str, ordered: bool) -> tuple[int, int, int, float, float]:
    """k, distinct ℓ, entropy ℓ and t straight from the definitions, one class at a time."""
    key = lambda v: (v is not None, v)  # NULL first, as documented
    whole = Counter(None if pd.isna(v) else v for v in df[s])
    values = sorted(whole, key=key)
    q = [whole[v] / len(df) for v in values]
    ks, ls, es, ts = [], [], [], []
    for _, group in df.groupby(qi, dropna=False):
        here = Counter(None if pd.isna(v) else v for v in group[s])
        p = [here[v] / len(group) for v in values]
        ks.append(len(group))
        ls.append(len(here))
        es.append(math.exp(-sum(x * math.log(x) for x in p if x)))
        if ordered:
            running, total = 0.0, 0.0
            for pi, qi_ in zip(p, q, strict=True):
                running += pi - qi_
                total += abs(running)
            ts.append(total / (len(values) - 1) if len(values) > 1 else 0.0)
        else:
            ts.append(0.5 * sum(abs(pi - qi_) for pi, qi_ in zip(p, q, strict=True)))
    return min(ks), min(ls), min(es), max(ts), len(ks)


NAMES = ["q1", "q2", "cat", "num"]
TYPES = {"q1": "string", "q2": "string", "cat": "string", "num": "int64"}
QI_VALUE = st.sampled_from(["a", "b", "c", None])
ROWS = st.lists(st.tuples(QI_VALUE, QI_VALUE, st.sampled_from(["x", "y", "z", None]), st.integers(0, 6)), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(rows=ROWS, ordered=st.booleans())
def test_matches_reference(duck: tuple[Engine, Make], rows: list[tuple[Any, ...]], ordered: bool) -> None:
    engine, make = duck
    columns = dict(zip(NAMES, map(list, zip(*rows, strict=True)), strict=True))
    t, df = make(columns, TYPES), pd.DataFrame(columns)
    s = "num" if ordered else "cat"
    m = measure(engine, t, ["q1", "q2"], sensitive=s)
    k, l_distinct, l_entropy, t_max, classes = reference(df, ["q1", "q2"], s, ordered)
    assert (m.rows, m.classes, m.k, m.l_distinct) == (len(df), classes, k, l_distinct)
    assert m.l_entropy == pytest.approx(l_entropy, abs=1e-9)
    assert m.t == pytest.approx(t_max, abs=1e-9)


# --- pycanon (IFCA-CSIC) cross-check ----------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["a", "b"]), st.sampled_from(["c", "d"]), st.sampled_from(["x", "y", "z"]),
                               st.integers(0, 6)), min_size=1, max_size=40))
def test_matches_pycanon(duck: tuple[Engine, Make], rows: list[tuple[Any, ...]]) -> None:
    # installed by make (without its pins, see the Makefile)
    from pycanon import anonymity

    engine, make = duck
    columns = dict(zip(NAMES, map(list, zip(*rows, strict=True)), strict=True))
    t, df = make(columns, TYPES), pd.DataFrame(columns)
    qi = ["q1", "q2"]
    m = measure(engine, t, qi, sensitive="cat")
    assert m.k == anonymity.k_anonymity(df, qi)
    assert m.l_distinct == anonymity.l_diversity(df, qi, ["cat"])
    # pycanon truncates exp(H) to an integer; allow the truncation to fall either side of a whole number
    assert anonymity.entropy_l_diversity(df, qi, ["cat"]) in {math.floor(m.l_entropy - 1e-9), math.floor(m.l_entropy + 1e-9)}
    assert m.t == pytest.approx(anonymity.t_closeness(df, qi, ["cat"]), abs=1e-9)
    if df["num"].nunique() > 1:  # pycanon divides by m − 1 unguarded
        assert measure(engine, t, qi, sensitive="num").t == pytest.approx(anonymity.t_closeness(df, qi, ["num"]), abs=1e-9)
