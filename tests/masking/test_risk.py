"""Re-identification risk: hand-computed class-size tables on both engines and a pandas cross-check."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from parquet_tables import Make

from shuzhi.engine import Engine
from shuzhi.errors import ConfigError
from shuzhi.masking.risk import BUCKETS, RiskReport, assess


def classes_of(*sizes: int) -> dict[str, list[Any]]:
    """One QI column holding a class of each given size."""
    return {"g": [f"c{i}" for i, size in enumerate(sizes) for _ in range(size)]}


# --- class-size tables ------------------------------------------------------------------------
# (id, columns, qi, threshold, k, expected fields, expected histogram (classes, records) per bucket)
CASES: list[tuple[str, dict[str, list[Any]], list[str], float, int, dict[str, Any], list[tuple[int, int]]]] = [
    (
        # sizes 1,1,2,3,5,10,20: 42 rows, 7 classes; 1/f > 0.2 for f < 5: 1+1+2+3 = 7 records
        "sizes-1-to-20",
        classes_of(1, 1, 2, 3, 5, 10, 20), ["g"], 0.2, 5,
        {"rows": 42, "classes": 7, "highest": 1.0, "average": 7 / 42, "at_risk": 7, "at_risk_share": 7 / 42,
         "uniques": 2, "uniques_share": 2 / 42, "below_k": 7, "below_k_share": 7 / 42},
        [(2, 2), (1, 2), (1, 3), (1, 5), (1, 10), (1, 20)],
    ),
    (
        # a class of 2 has risk exactly 0.5: not above the threshold (ARX compares strictly)
        "threshold-is-strict",
        classes_of(2, 2, 3), ["g"], 0.5, 3,
        {"rows": 7, "classes": 3, "highest": 0.5, "average": 3 / 7, "at_risk": 0, "at_risk_share": 0.0,
         "uniques": 0, "uniques_share": 0.0, "below_k": 4, "below_k_share": 4 / 7},
        [(0, 0), (2, 4), (1, 3), (0, 0), (0, 0), (0, 0)],
    ),
    (
        # NULLs are values: (F, NULL) ×2, (NULL, NULL) ×2, (NULL, 京), (F, 京) → 4 classes
        "null-qi",
        {"sex": ["F", "F", None, None, None, "F"], "city": [None, None, None, None, "京", "京"]}, ["sex", "city"], 0.2, 2,
        {"rows": 6, "classes": 4, "highest": 1.0, "average": 4 / 6, "at_risk": 6, "at_risk_share": 1.0,
         "uniques": 2, "uniques_share": 2 / 6, "below_k": 2, "below_k_share": 2 / 6},
        [(2, 2), (2, 4), (0, 0), (0, 0), (0, 0), (0, 0)],
    ),
    (
        "empty",
        {"g": []}, ["g"], 0.2, 5,
        {"rows": 0, "classes": 0, "highest": 0.0, "average": 0.0, "at_risk": 0, "at_risk_share": 0.0,
         "uniques": 0, "uniques_share": 0.0, "below_k": 0, "below_k_share": 0.0},
        [(0, 0)] * 6,
    ),
]


def flat(r: RiskReport) -> dict[str, Any]:
    p = r.prosecutor
    return {"rows": r.rows, "classes": r.classes, "highest": p.highest, "average": p.average, "at_risk": p.records_at_risk,
            "at_risk_share": p.records_at_risk_share, "uniques": r.sample_uniques, "uniques_share": r.sample_uniques_share,
            "below_k": r.below_k, "below_k_share": r.below_k_share}


@pytest.mark.parametrize(("columns", "qi", "threshold", "k", "expected", "histogram"), [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_assess(engine: Engine, make: Make, columns: dict[str, list[Any]], qi: list[str], threshold: float, k: int,
                expected: dict[str, Any], histogram: list[tuple[int, int]]) -> None:
    r = assess(engine, make(columns), qi, threshold=threshold, k=k)
    assert flat(r) == pytest.approx(expected, abs=1e-12)
    assert [(b.classes, b.records) for b in r.histogram] == histogram
    # no population table: the journalist sees the sample's classes, the marketer classes / rows
    assert (r.journalist, r.journalist_basis, r.marketer) == (r.prosecutor, "sample", r.prosecutor.average)
    assert (r.population, r.sampling_fraction) == (None, None)
    json.dumps(r.to_dict())


def test_histogram_buckets() -> None:
    assert [(label, low, high) for label, low, high in BUCKETS] == [
        ("1", 1, 1), ("2", 2, 2), ("3-4", 3, 4), ("5-9", 5, 9), ("10-19", 10, 19), ("20+", 20, None),
    ]


def test_population(duck: tuple[Engine, Make]) -> None:
    engine, make = duck
    r = assess(engine, make(classes_of(1, 3)), ["g"], population=40)
    # sample values stay (upper bounds of the population-based ones); the fraction is reported
    assert (r.population, r.sampling_fraction, r.marketer, r.journalist_basis) == (40, 0.1, 0.5, "sample")


# (id, qi, options, expected English message)
ERRORS: list[tuple[str, list[str], dict[str, Any], str]] = [
    ("unknown-qi", ["nope"], {}, "unknown column: nope"),
    ("empty-qi", [], {}, "the quasi-identifier list is empty"),
    ("threshold-zero", ["g"], {"threshold": 0}, "the risk threshold must be in (0, 1], not 0"),
    ("threshold-above-one", ["g"], {"threshold": 1.5}, "the risk threshold must be in (0, 1], not 1.5"),
    ("k-zero", ["g"], {"k": 0}, "k must be at least 1, not 0"),
    ("population-zero", ["g"], {"population": 0}, "the population size must be at least 1, not 0"),
    ("population-below-rows", ["g"], {"population": 3}, "the population size 3 is smaller than the sample's 4 rows"),
]


@pytest.mark.parametrize(("qi", "options", "message"), [pytest.param(*e[1:], id=e[0]) for e in ERRORS])
def test_errors(duck: tuple[Engine, Make], qi: list[str], options: dict[str, Any], message: str) -> None:
    engine, make = duck
    with pytest.raises(ConfigError) as err:
        assess(engine, make(classes_of(1, 3)), qi, **options)
    assert err.value.en == message
    assert err.value.zh


# --- independent computation on random tables (DuckDB) ---------------------------------------
VALUE = st.sampled_from(["a", "b", "c", None])


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(VALUE, VALUE), min_size=1, max_size=60), threshold=st.sampled_from([0.1, 0.2, 1 / 3, 0.5, 1.0]),
       k=st.integers(1, 6))
def test_matches_pandas(duck: tuple[Engine, Make], rows: list[tuple[Any, Any]], threshold: float, k: int) -> None:
    engine, make = duck
    columns = {"q1": [r[0] for r in rows], "q2": [r[1] for r in rows]}
    sizes = pd.DataFrame(columns).groupby(["q1", "q2"], dropna=False).size()
    r = assess(engine, make(columns), ["q1", "q2"], threshold=threshold, k=k)
    n = len(rows)
    assert (r.rows, r.classes, r.sample_uniques, r.below_k) == (n, len(sizes), int(sizes[sizes == 1].sum()), int(sizes[sizes < k].sum()))
    assert r.prosecutor.highest == pytest.approx(1 / sizes.min())
    assert r.prosecutor.average == pytest.approx(len(sizes) / n)
    assert r.prosecutor.records_at_risk == int(sizes[1 / sizes > threshold].sum())
    for bucket in r.histogram:
        inside = sizes[(sizes >= bucket.low) & (sizes <= (bucket.high or n))]
        assert (bucket.classes, bucket.records) == (len(inside), int(inside.sum()))
