"""Differential privacy: exact aggregates on both engines, noise that is really added, the budget ledger and its audit."""

from __future__ import annotations

import json
import math
import threading
from pathlib import Path
from typing import Any

import ibis
import pytest
import sqlalchemy as sa

from shuzhi.catalog import ingest, read_dataset
from shuzhi.errors import ConfigError, EngineError, NotFoundError
from shuzhi.masking.dp import (
    aggregate,
    budget,
    check_query,
    geometric,
    release,
    set_budget,
)
from shuzhi.security import audit
from shuzhi.store.models import PrivacySpend
from shuzhi.workspace import Workspace

# xb: 男 2, 女 2, 未知 1, NULL 1; nl: an outlier each way and a NULL; sr: decimal(7,2) with a NULL
CSV = "xb,nl,sr\n男,30,1000.50\n女,41,2000.25\n女,500,99999.99\n男,-300,0.10\n未知,,500.00\n,60,\n"
ROWS = 6


def people(ws: Workspace, folder: Path) -> str:
    path = folder / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    ingest(ws, str(path), flags={"code": "people"})
    return "people"


@pytest.fixture
def pws(ws: Workspace, tmp_path: Path) -> Workspace:
    """A DuckDB workspace holding ``people``."""
    people(ws, tmp_path)
    return ws


# --------------------------------------------------------------------------- exact aggregates, both engines

AGGREGATES = [
    # (query, expected exact aggregate, why)
    ({"kind": "count"}, {"_shuzhi_n": 6}, "every row"),
    ({"kind": "count", "column": "nl"}, {"_shuzhi_n": 5}, "non-NULL values only"),
    ({"kind": "sum", "column": "nl", "lower": 0, "upper": 120}, {"_shuzhi_n": 5, "_shuzhi_s": 30 + 41 + 120 + 0 + 60},
     "500 clamped to 120, -300 to 0, NULL dropped"),
    ({"kind": "sum", "column": "nl", "lower": 0, "upper": 120, "fill": 50}, {"_shuzhi_n": 6, "_shuzhi_s": 251 + 50},
     "NULL becomes the fill value"),
    ({"kind": "sum", "column": "nl", "lower": -10, "upper": 100}, {"_shuzhi_n": 5, "_shuzhi_s": 30 + 41 + 100 - 10 + 60},
     "negative lower bound"),
    ({"kind": "sum", "column": "nl", "lower": 0.5, "upper": 99.5}, {"_shuzhi_n": 5, "_shuzhi_s": 300 + 410 + 995 + 5 + 600},
     "bounds with a decimal: units of 0.1"),
    ({"kind": "mean", "column": "sr", "lower": 0, "upper": 5000}, {"_shuzhi_n": 5, "_shuzhi_s": 100050 + 200025 + 500000 + 10 + 50000},
     "decimal(7,2) summed exactly in cents"),
    ({"kind": "histogram", "column": "xb", "categories": ["男", "女"]}, {"_shuzhi_h0": 2, "_shuzhi_h1": 2, "_shuzhi_other": 2},
     "未知 and NULL are other"),
    ({"kind": "histogram", "column": "nl", "categories": [30, 41, 7]},
     {"_shuzhi_h0": 1, "_shuzhi_h1": 1, "_shuzhi_h2": 0, "_shuzhi_other": 4}, "integer categories; an empty bin is 0"),
]


def test_exact_aggregates_on_each_engine(any_ws: Workspace, tmp_path: Path) -> None:
    table = read_dataset(any_ws, people(any_ws, tmp_path))
    for query, expected, why in AGGREGATES:
        assert any_ws.engine.to_pyarrow(aggregate(table, check_query(table, query))).to_pylist() == [expected], why


# --------------------------------------------------------------------------------------------- validation

SCHEMA = ibis.table({"nl": "int64", "xb": "string", "sr": "decimal(7,2)"}, name="people")
BAD_QUERIES = [
    # (query, part of the English message, why)
    ({"kind": "median", "column": "nl"}, "unknown query kind", "unsupported kind"),
    ({"column": "nl"}, "unknown query kind", "no kind"),
    ({"kind": "count", "column": "age"}, "unknown column: age", "column not in the dataset"),
    ({"kind": "count", "where": "nl > 3"}, "unknown keys ['where']", "an unsupported option is an error, not ignored"),
    ({"kind": "sum", "column": "nl", "lower": 0}, "missing ['upper']", "bound missing"),
    ({"kind": "sum", "column": "nl", "lower": 5, "upper": 5}, "must be below upper", "lower = upper"),
    ({"kind": "mean", "column": "nl", "lower": 9, "upper": 1}, "must be below upper", "lower > upper"),
    ({"kind": "sum", "column": "xb", "lower": 0, "upper": 1}, "not numeric", "text column"),
    ({"kind": "sum", "column": "nl", "lower": True, "upper": 2}, "finite number", "a boolean is not a bound"),
    ({"kind": "sum", "column": "nl", "lower": 0, "upper": math.inf}, "finite number", "infinite bound"),
    ({"kind": "sum", "column": "nl", "lower": 0, "upper": 1, "fill": "x"}, "finite number", "fill must be a number"),
    ({"kind": "sum", "column": "nl", "lower": 0, "upper": 1e-12}, "more than 9 decimals", "too fine a grid"),
    ({"kind": "sum", "column": "nl", "lower": 0, "upper": 1e17}, "exceeds 2^53", "bound too large"),
    ({"kind": "histogram", "column": "xb", "categories": []}, "non-empty list", "empty categories"),
    ({"kind": "histogram", "column": "xb", "categories": "男"}, "non-empty list", "categories not a list"),
    ({"kind": "histogram", "column": "xb", "categories": ["男", "男"]}, "repeated", "duplicate category"),
    ({"kind": "histogram", "column": "nl", "categories": [1, "1"]}, "repeated", "same text twice"),
    ({"kind": "histogram", "column": "xb", "categories": ["男"], "other": "男"}, "not among the categories", "other collides"),
]


@pytest.mark.parametrize(("query", "message", "why"), BAD_QUERIES, ids=[b[2] for b in BAD_QUERIES])
def test_bad_query_is_refused_in_both_languages(query: dict[str, Any], message: str, why: str) -> None:
    with pytest.raises(ConfigError) as err:
        check_query(SCHEMA, query)
    assert message in err.value.en and err.value.zh and err.value.zh != err.value.en, why


@pytest.mark.parametrize("epsilon", [0, -1.0, math.nan, math.inf, True])
def test_epsilon_must_be_positive_and_finite(pws: Workspace, epsilon: float) -> None:
    with pytest.raises(ConfigError, match="epsilon"):
        set_budget(pws, "people", epsilon=epsilon, actor="steward")
    set_budget(pws, "people", epsilon=1.0, actor="steward")
    with pytest.raises(ConfigError, match="epsilon"):
        release(pws, "people", {"kind": "count"}, epsilon=epsilon, actor="analyst")
    assert budget(pws, "people")["spent"] == 0


def test_unknown_dataset(ws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        set_budget(ws, "nobody", epsilon=1.0, actor="steward")
    with pytest.raises(NotFoundError):
        release(ws, "nobody", {"kind": "count"}, epsilon=1.0, actor="analyst")


# ------------------------------------------------------------------------------------------------ ledger

def test_ledger_sets_spends_and_refuses_overspending(pws: Workspace) -> None:
    assert budget(pws, "people")["total"] is None
    b = set_budget(pws, "people", epsilon=1.0, actor="steward")
    assert (b["total"], b["spent"], b["remaining"], b["releases"], b["set_by"]) == (1.0, 0.0, 1.0, [], "steward")
    for eps in (0.3, 0.3, 0.4):  # 0.3 + 0.3 + 0.4 > 1.0 in floating point; the slack lets it fit
        release(pws, "people", {"kind": "count"}, epsilon=eps, actor="analyst")
    b = budget(pws, "people")
    assert b["spent"] == pytest.approx(1.0) and b["remaining"] == pytest.approx(0.0, abs=1e-9)
    assert [r["epsilon"] for r in b["releases"]] == [0.3, 0.3, 0.4] and b["releases"][0]["actor"] == "analyst"
    with pytest.raises(ConfigError, match="not enough privacy budget") as err:
        release(pws, "people", {"kind": "count"}, epsilon=0.01, actor="analyst")
    assert "隐私预算不足" in err.value.zh
    with pytest.raises(ConfigError, match="cannot go below"):
        set_budget(pws, "people", epsilon=0.5, actor="steward")
    b = set_budget(pws, "people", epsilon=1.5, actor="steward")  # raising it is allowed, and audited
    assert b["remaining"] == pytest.approx(0.5)
    with pytest.raises(ConfigError, match="not enough"):
        release(pws, "people", {"kind": "count"}, epsilon=0.6, actor="analyst")
    release(pws, "people", {"kind": "count"}, epsilon=0.5, actor="analyst")
    assert len(budget(pws, "people")["releases"]) == 4


def test_no_budget_refuses(pws: Workspace) -> None:
    with pytest.raises(ConfigError, match="no privacy budget") as err:
        release(pws, "people", {"kind": "count"}, epsilon=0.1, actor="analyst")
    assert "没有设置隐私预算" in err.value.zh


def test_failed_query_spends_nothing(pws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    set_budget(pws, "people", epsilon=1.0, actor="steward")
    with pytest.raises(ConfigError):
        release(pws, "people", {"kind": "sum", "column": "nl", "lower": 1, "upper": 0}, epsilon=0.5, actor="analyst")

    def broken(expr: Any) -> Any:
        raise EngineError("引擎失败", "engine failed")

    monkeypatch.setattr(pws.engine, "to_pyarrow", broken)
    with pytest.raises(EngineError):
        release(pws, "people", {"kind": "count"}, epsilon=0.5, actor="analyst")
    assert budget(pws, "people")["spent"] == 0 and budget(pws, "people")["releases"] == []
    with pws.store.session() as s:
        assert audit.events(s, action="dp.release") == []


def test_the_computation_does_not_hold_the_writer_lock(pws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """The budget is spent under the lock; the (possibly long) aggregate runs without it, so ingests go on."""
    import fcntl

    set_budget(pws, "people", epsilon=1.0, actor="steward")
    held: list[bool] = []
    real = pws.engine.to_pyarrow

    def probing(expr: Any) -> Any:
        with (pws.home / ".lock").open("a+") as f:  # another open file: flock conflicts with a holder
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(f, fcntl.LOCK_UN)
                held.append(False)
            except BlockingIOError:
                held.append(True)
        with pws.store.session() as s:  # already spent while the aggregate runs
            assert s.scalar(sa.select(sa.func.sum(PrivacySpend.epsilon))) == pytest.approx(0.4)
        return real(expr)

    monkeypatch.setattr(pws.engine, "to_pyarrow", probing)
    release(pws, "people", {"kind": "count"}, epsilon=0.4, actor="analyst")
    assert held == [False]
    assert budget(pws, "people")["spent"] == pytest.approx(0.4)


def test_two_writers_cannot_overspend(pws: Workspace) -> None:
    set_budget(pws, "people", epsilon=1.0, actor="steward")
    outcomes: list[str] = []

    def spend() -> None:
        with Workspace(pws.settings) as other:
            try:
                release(other, "people", {"kind": "count"}, epsilon=0.6, actor="analyst")
                outcomes.append("released")
            except ConfigError:
                outcomes.append("refused")

    threads = [threading.Thread(target=spend) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["refused", "released"]
    assert budget(pws, "people")["spent"] == pytest.approx(0.6)


def test_audit_chain_and_no_exact_value_recorded(pws: Workspace) -> None:
    set_budget(pws, "people", epsilon=10.0, actor="steward")
    set_budget(pws, "people", epsilon=20.0, actor="steward")
    queries = [q for q, _, _ in AGGREGATES]
    for q in queries:
        release(pws, "people", q, epsilon=0.5, actor="analyst")
    with pws.store.session() as s:
        assert audit.verify(s) == []
        budgets = audit.events(s, action="dp.budget")
        releases = audit.events(s, action="dp.release")
    assert [e["details"]["epsilon"] for e in budgets] == [10.0, 20.0]
    assert budgets[1]["details"]["previous"] == {"epsilon": 10.0, "delta": 0.0}
    assert len(releases) == len(queries) and all(e["target"] == "people" and e["actor"] == "analyst" for e in releases)
    assert [e["details"]["query"] for e in releases] == [{**q, "version": 1} for q in queries]
    # what is recorded: the query, ε and the noise scale — never a value, exact or noisy
    recorded = json.dumps([e["details"] for e in releases] + budget(pws, "people")["releases"], ensure_ascii=False)
    for exact in ("251", "221", "2310", "850085", "8500.85"):
        assert exact not in recorded
    assert all(set(e["details"]) == {"spend", "query", "epsilon", "delta", "noise"} for e in releases)


# ------------------------------------------------------------------------------------------------- noise

SCALES = [
    # (sensitivity, ε, expected scale = sensitivity / ε)
    (1, 1.0, 1.0),
    (1, 0.5, 2.0),
    (120, 0.5, 240.0),
    (7, 0.1, 70.0),
]


@pytest.mark.parametrize(("sensitivity", "epsilon", "scale"), SCALES)
def test_scale_is_sensitivity_over_epsilon(sensitivity: int, epsilon: float, scale: float) -> None:
    _, noise = geometric([0], sensitivity=sensitivity, epsilon=epsilon)
    assert noise.scale == pytest.approx(scale) and noise.epsilon == epsilon and noise.sensitivity == sensitivity


def test_noise_has_the_laplace_scale_and_the_accuracy_bound_holds() -> None:
    exact, draws = 1000, 2000
    errors = []
    for _ in range(draws):  # 2,000 releases of a count with ε = 1
        (value,), noise = geometric([exact], sensitivity=1, epsilon=1.0)
        errors.append(abs(value - exact))
    # discrete Laplace with scale b: P(k) ∝ e^(-|k|/b), E|X| = 2p / (1 - p²) with p = e^(-1/b) (≈ 0.85 for b = 1);
    # the standard error of the mean of 2,000 draws is ≈ 0.02, so ±25% is over 10 standard errors
    p = math.exp(-1 / noise.scale)
    expected = 2 * p / (1 - p * p)
    assert 0.75 * expected < sum(errors) / draws < 1.25 * expected
    assert sum(e < noise.accuracy for e in errors) >= 0.9 * draws  # the 95% bound, with a margin of 10 standard errors


def test_releases_are_noisy(pws: Workspace) -> None:
    set_budget(pws, "people", epsilon=100.0, actor="steward")
    values = [release(pws, "people", {"kind": "count"}, epsilon=1.0, actor="analyst").value for _ in range(40)]
    # P(noise = 0) = tanh(1/2) ≈ 0.46 at ε = 1, so 40 equal values would happen with probability ≈ 1e-13
    assert len(set(values)) > 1


def test_sum_is_clamped(pws: Workspace) -> None:
    set_budget(pws, "people", epsilon=100.0, actor="steward")
    r = release(pws, "people", {"kind": "sum", "column": "nl", "lower": 0, "upper": 120}, epsilon=20.0, actor="analyst")
    (noise,) = r.noise
    assert (noise.sensitivity, noise.scale) == (120, 6.0) and isinstance(r.value, int)
    n = 5  # without clamping the sum would be 331 (500 and -300 included); 10× the 95% bound fails with p ≈ e^-30
    assert 0 * n - 10 * noise.accuracy <= r.value <= 120 * n + 10 * noise.accuracy
    cents = release(pws, "people", {"kind": "sum", "column": "sr", "lower": 0, "upper": 5000}, epsilon=50.0, actor="analyst")
    assert cents.noise[0].scale == pytest.approx(100.0) and abs(cents.value - 8500.85) < 10 * cents.noise[0].accuracy


def test_mean_splits_epsilon_and_stays_in_bounds(pws: Workspace) -> None:
    set_budget(pws, "people", epsilon=1.0, actor="steward")
    r = release(pws, "people", {"kind": "mean", "column": "nl", "lower": 0, "upper": 120}, epsilon=1.0, actor="analyst")
    assert [(n.statistic, n.epsilon, n.sensitivity) for n in r.noise] == [("sum", 0.5, 120), ("count", 0.5, 1)]
    assert 0 <= r.value <= 120 and r.epsilon == 1.0 and budget(pws, "people")["remaining"] == 0


HISTOGRAMS = [
    # (query, expected keys, why)
    ({"kind": "histogram", "column": "xb", "categories": ["男", "女"]}, ["男", "女"], "undeclared values dropped"),
    ({"kind": "histogram", "column": "xb", "categories": ["女", "男", "其他人"], "other": "其他"}, ["女", "男", "其他人", "其他"],
     "an empty declared bin is still published; other bin last"),
    ({"kind": "histogram", "column": "nl", "categories": [30, 41]}, ["30", "41"], "integer categories as text"),
]


@pytest.mark.parametrize(("query", "keys", "why"), HISTOGRAMS, ids=[h[2] for h in HISTOGRAMS])
def test_histogram_keys_are_the_declared_categories(pws: Workspace, query: dict[str, Any], keys: list[str], why: str) -> None:
    set_budget(pws, "people", epsilon=1.0, actor="steward")
    r = release(pws, "people", query, epsilon=1.0, actor="analyst")
    assert isinstance(r.value, dict) and list(r.value) == keys, why
    assert "未知" not in r.value and r.noise[0].sensitivity == 1


def test_version_is_pinned_and_recorded(pws: Workspace, tmp_path: Path) -> None:
    (tmp_path / "v2.csv").write_text("xb,nl,sr\n男,1,1.00\n", encoding="utf-8")
    ingest(pws, str(tmp_path / "v2.csv"), flags={"code": "people"})
    set_budget(pws, "people", epsilon=2.0, actor="steward")
    old = release(pws, "people", {"kind": "count"}, epsilon=1.0, actor="analyst", version=1)
    new = release(pws, "people", {"kind": "count"}, epsilon=1.0, actor="analyst")
    assert (old.version, new.version) == (1, 2)
    assert [r["query"]["version"] for r in budget(pws, "people")["releases"]] == [1, 2]  # one budget for all versions
    with pytest.raises(NotFoundError):
        release(pws, "people", {"kind": "count"}, epsilon=0.1, actor="analyst", version=9)
