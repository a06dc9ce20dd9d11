r"""Differential privacy for published aggregates, with a per-dataset privacy-budget ledger.

A steward gives a dataset a total budget ε (:func:`set_budget`); each :func:`release` of a
count, bounded sum, mean or histogram spends part of it, and is refused once ε would run out.
The exact aggregate is computed by the engine (Ibis) and never leaves this module: OpenDP
adds the noise, and only the noisy value, the ε spent and the noise scale are returned or
recorded. Spend and audit event ("dp.release") are written in one transaction after the
noise is drawn, under the workspace writer lock, so a failed computation spends nothing
and two processes cannot overspend.

Neighbouring datasets differ by adding or removing one record (OpenDP's symmetric distance
1); every dataset version shares its dataset's budget. Sensitivities (ℓ1, per statistic):

- count: 1 (Dwork & Roth, *The Algorithmic Foundations of Differential Privacy*, 2014, §3.3 Example 3.1);
- histogram over a declared category list: 1 — one record falls in exactly one bin, or in
  none when undeclared values are dropped (ibid. Example 3.2). The declared list, not the
  data, names the bins, so the set of keys cannot leak a value;
- bounded sum, each value clamped to [lower, upper]: max(|lower|, |upper|) — the record
  added or removed contributes at most that (OpenDP ``make_sum`` under ``SymmetricDistance``;
  Dwork, McSherry, Nissim & Smith, "Calibrating Noise to Sensitivity", TCC 2006);
- mean: a noisy bounded sum and a noisy count, each with ε/2 (sequential composition, Dwork &
  Roth Theorem 3.16), divided and clamped to [lower, upper] (post-processing, ibid. Prop. 2.1).
  OpenDP's own ``make_mean`` needs a known dataset size, which would itself be unprotected.

All noise is OpenDP's ``make_geometric`` (the discrete Laplace / two-sided geometric mechanism of
Ghosh, Roughgarden & Sundararajan, STOC 2009, OpenDP's "GRS12") on 64-bit integers, with the smallest scale whose
privacy map gives at most the ε asked for. Sums are computed in integer units of 10^-d (d: the
decimals of the column type and of the bounds) so the engine adds integers exactly: float sums
in any summation order can exceed the nominal sensitivity (Casacuberta, Shoemate, Vadhan &
Wagaman, CCS 2022, "Widespread Underestimation of Sensitivity in DP Libraries"). OpenDP's
constructors are "contrib" features; this module calls ``dp.enable_features("contrib")``.

>>> import tempfile
>>> from pathlib import Path
>>> from shuzhi.catalog import ingest
>>> from shuzhi.config import Settings
>>> from shuzhi.workspace import Workspace
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "people.csv").write_text("xb,nl\n男,30\n女,41\n女,200\n", encoding="utf-8")
>>> with Workspace(Settings(home=folder / "ws")) as ws:
...     _ = ingest(ws, str(folder / "people.csv"), flags={"code": "people"})
...     _ = set_budget(ws, "people", epsilon=1.0, actor="steward")
...     r = release(ws, "people", {"kind": "histogram", "column": "xb", "categories": ["男", "女"]}, epsilon=0.5, actor="analyst")
...     sorted(r.value), r.noise[0].scale, budget(ws, "people")["remaining"]
(['女', '男'], 2.0, 0.5)
"""

from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import ibis
import ibis.expr.types as ir
import opendp.prelude as dp
import sqlalchemy as sa
from sqlalchemy.orm import Session

from shuzhi.catalog import read_dataset
from shuzhi.errors import ConfigError, NotFoundError
from shuzhi.security import audit
from shuzhi.store.models import (
    Dataset,
    DatasetVersion,
    PrivacyBudget,
    PrivacySpend,
    utcnow,
)
from shuzhi.workspace import Workspace

Kind = Literal["count", "sum", "mean", "histogram"]

#: keys each query kind accepts (besides "kind"); anything else is an error, never ignored
KEYS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # kind: (required, optional)
    "count": (frozenset(), frozenset({"column"})),
    "sum": (frozenset({"column", "lower", "upper"}), frozenset({"fill"})),
    "mean": (frozenset({"column", "lower", "upper"}), frozenset({"fill"})),
    "histogram": (frozenset({"column", "categories"}), frozenset({"other"})),
}
#: significance of the reported accuracy: the true value is within ±accuracy with 95% probability
ALPHA = 0.05
#: decimals a float column is rounded to before summing
FLOAT_DECIMALS = 6
MAX_DECIMALS = 9
# the spent ε is a float sum: allow this much rounding (1e-9 ε of overspend at most) so that
# 0.3 + 0.3 + 0.4 fits a budget of 1.0
_SLACK = 1e-9
# working column names of the aggregate
_N, _S = "_shuzhi_n", "_shuzhi_s"


@dataclass(frozen=True)
class Noise:
    """One noised statistic: its share of ε, sensitivity, noise scale and 95% accuracy (in the data's units)."""

    statistic: str
    epsilon: float
    sensitivity: float
    scale: float
    #: with probability 1 - ALPHA the noisy value is within ±accuracy of the exact one (per bin for a histogram)
    accuracy: float
    mechanism: str = "geometric"


@dataclass(frozen=True)
class Release:
    """A differentially private answer: the noisy value and what it cost."""

    dataset: str
    version: int
    query: dict[str, Any]
    value: int | float | dict[str, int]
    epsilon: float
    delta: float
    noise: tuple[Noise, ...]
    spend_id: int
    alpha: float = ALPHA

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# ---------------------------------------------------------------------------------------- queries

def _number(query: dict[str, Any], key: str) -> Decimal:
    value = query[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ConfigError(f"{key} 必须是有限的数：{value!r}", f"{key} must be a finite number: {value!r}")
    return Decimal(str(value))


def _decimals(*values: Decimal) -> int:
    return max(0, *(-int(v.as_tuple().exponent) for v in values))


def check_query(table: ir.Table, query: dict[str, Any]) -> dict[str, Any]:
    """The query checked against the table: known kind and keys, existing columns, sane bounds.

    >>> t = ibis.table({"nl": "int64", "xb": "string"}, name="people")
    >>> check_query(t, {"kind": "sum", "column": "nl", "lower": 0, "upper": 120})["upper"]
    120
    >>> check_query(t, {"kind": "sum", "column": "nl", "lower": 5, "upper": 5})
    Traceback (most recent call last):
    shuzhi.errors.ConfigError: lower (5) must be below upper (5)
    """
    if not isinstance(query, dict) or query.get("kind") not in KEYS:
        kind = query.get("kind") if isinstance(query, dict) else query
        raise ConfigError(f"未知的查询类型：{kind!r}（可用：{', '.join(KEYS)}）",
                          f"unknown query kind: {kind!r} (known: {', '.join(KEYS)})")
    required, optional = KEYS[query["kind"]]
    missing, unknown = required - query.keys(), query.keys() - required - optional - {"kind"}
    if missing or unknown:
        raise ConfigError(f"{query['kind']} 查询缺少 {sorted(missing)} 或有未知参数 {sorted(unknown)}",
                          f"a {query['kind']} query is missing {sorted(missing)} or has unknown keys {sorted(unknown)}")
    column = query.get("column")
    if column is not None and column not in table.columns:
        raise ConfigError(f"未知列：{column}", f"unknown column: {column}")
    if "lower" in required:
        if not table[column].type().is_numeric():
            raise ConfigError(f"列 {column} 不是数值，不能求和或平均", f"column {column} is not numeric: cannot sum or average it")
        lower, upper = _number(query, "lower"), _number(query, "upper")
        if lower >= upper:
            raise ConfigError(f"下界 lower ({query['lower']}) 必须小于上界 upper ({query['upper']})",
                              f"lower ({query['lower']}) must be below upper ({query['upper']})")
        if "fill" in query:
            _number(query, "fill")
        places = _places(table, query)
        if places > MAX_DECIMALS:
            raise ConfigError(f"界或填充值的小数位超过 {MAX_DECIMALS} 位", f"bounds or fill have more than {MAX_DECIMALS} decimals")
        if max(abs(lower), abs(upper)) * 10**places > 2**53:  # clamped values pass through float64 exactly
            raise ConfigError(f"界太大：|界| × 10^{places} 超过 2^53", f"bounds too large: |bound| × 10^{places} exceeds 2^53")
    if query["kind"] == "histogram":
        cats = query["categories"]
        if not isinstance(cats, list) or not cats or any(isinstance(c, bool) or not isinstance(c, str | int) for c in cats):
            raise ConfigError("categories 必须是非空的文本或整数列表", "categories must be a non-empty list of strings or integers")
        names = [str(c) for c in cats]
        if len(set(names)) != len(names):
            raise ConfigError("categories 有重复的类别", "categories has repeated categories")
        other = query.get("other")
        if other is not None and (not isinstance(other, str) or other in names):
            raise ConfigError(f"other 必须是不在类别列表中的文本：{other!r}", f"other must be a label not among the categories: {other!r}")
    return query


def _places(table: ir.Table, query: dict[str, Any]) -> int:
    dtype = table[query["column"]].type()
    own = 0 if dtype.is_integer() else (dtype.scale or 0) if dtype.is_decimal() else FLOAT_DECIMALS
    return max(own, _decimals(*(Decimal(str(query[k])) for k in ("lower", "upper", "fill") if k in query)))


def aggregate(table: ir.Table, query: dict[str, Any]) -> ir.Table:
    """The exact aggregate of a checked query, as a one-row Ibis expression of integers.

    Sums come in units of 10^-d (see the module docs): each value, NULL replaced by ``fill`` or
    dropped, is clamped to [lower, upper], scaled and rounded — a per-record map, so the sensitivity
    argument holds — and the integers are added exactly. A histogram has one column per declared
    category (``_shuzhi_h<i>``) and ``_shuzhi_other`` for values not declared and NULLs.

    >>> t = ibis.memtable({"nl": [30, 200, None, -5]}, schema={"nl": "int64"})
    >>> q = {"kind": "mean", "column": "nl", "lower": 0, "upper": 100}
    >>> ibis.duckdb.connect().to_pyarrow(aggregate(t, q)).to_pylist()
    [{'_shuzhi_n': 3, '_shuzhi_s': 130}]
    """
    kind, column = query["kind"], query.get("column")
    if kind == "count":
        return table.aggregate(**{_N: table.count() if column is None else table[column].count()})
    col = table[column]
    if kind == "histogram":
        names = [str(c) for c in query["categories"]]
        text = col.cast("string")
        bins = {f"_shuzhi_h{i}": ibis.ifelse(text == name, 1, 0).sum() for i, name in enumerate(names)}
        # NULL is not in the list: CASE WHEN NULL takes the ELSE branch, so it counts as other
        return table.aggregate(**bins, _shuzhi_other=ibis.ifelse(text.isin(names), 0, 1).sum())
    places = _places(table, query)
    factor = 10**places
    lo, hi = (int(Decimal(str(query[k])) * factor) for k in ("lower", "upper"))
    if col.type().is_floating():
        col = ibis.ifelse(col.isnan(), ibis.null(col.type()), col)  # engines disagree on NaN; treat it as missing
    if "fill" in query:
        col = col.fill_null(query["fill"])
    if col.type().is_integer() and places == 0:
        units = col.cast("int64").clip(lo, hi)
    else:
        # clamp before scaling so an outlier cannot overflow; the second clip keeps rounding inside the bounds
        units = (col.cast("float64").clip(float(query["lower"]), float(query["upper"])) * factor).round().cast("int64").clip(lo, hi)
    return table.aggregate(**{_N: units.count(), _S: units.sum()})


# ------------------------------------------------------------------------------------------ noise

@functools.lru_cache(maxsize=256)
def _scale(sensitivity: int, epsilon: float) -> float:
    """The smallest geometric scale whose OpenDP privacy map gives at most ε for this sensitivity."""
    dp.enable_features("contrib")
    space = dp.atom_domain(T="i64"), dp.absolute_distance(T="i64")
    return float(dp.binary_search_param(lambda s: dp.m.make_geometric(*space, scale=s), d_in=sensitivity, d_out=epsilon))


def geometric(values: list[int], *, sensitivity: int, epsilon: float, statistic: str = "count",
              unit: int = 1) -> tuple[list[int], Noise]:
    """``values`` with discrete Laplace noise from OpenDP, ε-DP for the given ℓ1 ``sensitivity``.

    ``unit`` is 10^d when the values are in units of 10^-d; the returned ``Noise`` is in the data's units.
    Calls ``dp.enable_features("contrib")``.

    >>> noisy, noise = geometric([10, 20], sensitivity=1, epsilon=1.0)
    >>> len(noisy), noise.scale, round(noise.accuracy, 2)
    (2, 1.0, 3.38)
    """
    scale = _scale(sensitivity, epsilon)
    dp.enable_features("contrib")
    space = dp.vector_domain(dp.atom_domain(T="i64")), dp.l1_distance(T="i64")
    measurement = dp.m.make_geometric(*space, scale=scale)
    if measurement.map(sensitivity) > epsilon:  # binary_search_param promises this; a release must never exceed ε
        raise ConfigError("噪声尺度校准失败", "the noise scale could not be calibrated", epsilon=epsilon)
    noisy = [int(v) for v in measurement([int(v) for v in values])]
    accuracy = float(dp.discrete_laplacian_scale_to_accuracy(scale, ALPHA))
    return noisy, Noise(statistic, epsilon, sensitivity / unit, scale / unit, accuracy / unit)


def _noisy(query: dict[str, Any], exact: dict[str, Any], epsilon: float, places: int) -> tuple[Any, tuple[Noise, ...]]:
    kind = query["kind"]
    if kind == "count":
        (n,), noise = geometric([exact[_N] or 0], sensitivity=1, epsilon=epsilon)
        return n, (noise,)
    if kind == "histogram":
        labels = [str(c) for c in query["categories"]]
        counts = [exact[f"_shuzhi_h{i}"] or 0 for i in range(len(labels))]
        if query.get("other") is not None:
            labels, counts = [*labels, query["other"]], [*counts, exact["_shuzhi_other"] or 0]
        noisy, noise = geometric(counts, sensitivity=1, epsilon=epsilon, statistic="histogram")
        return dict(zip(labels, noisy, strict=True)), (noise,)
    unit = 10**places
    bound = max(abs(int(Decimal(str(query[k])) * unit)) for k in ("lower", "upper"))
    share = epsilon if kind == "sum" else epsilon / 2
    (s,), sum_noise = geometric([exact[_S] or 0], sensitivity=bound, epsilon=share, statistic="sum", unit=unit)
    total = s if places == 0 else round(s / unit, places)
    if kind == "sum":
        return total, (sum_noise,)
    (n,), count_noise = geometric([exact[_N] or 0], sensitivity=1, epsilon=share)
    mean = min(max(s / unit / max(n, 1), float(query["lower"])), float(query["upper"]))
    return mean, (sum_noise, count_noise)


# ----------------------------------------------------------------------------------------- ledger

def _dataset_id(s: Session, code: str) -> int:
    found = s.scalar(sa.select(Dataset.id).where(Dataset.code == code))
    if found is None:
        raise NotFoundError(f"目录中没有资源 {code!r}", f"no dataset {code!r} in the catalog", dataset=code)
    return found


def _spent(s: Session, dataset_id: int) -> tuple[float, float]:
    rows = s.execute(sa.select(PrivacySpend.epsilon, PrivacySpend.delta).where(PrivacySpend.dataset_id == dataset_id)).all()
    return math.fsum(r[0] for r in rows), math.fsum(r[1] for r in rows)


def _check_epsilon(epsilon: float) -> None:
    if isinstance(epsilon, bool) or not isinstance(epsilon, int | float) or not (math.isfinite(epsilon) and epsilon > 0):
        raise ConfigError(f"ε 必须是大于 0 的有限数：{epsilon!r}", f"epsilon must be a finite number above 0: {epsilon!r}")


def set_budget(ws: Workspace, code: str, *, epsilon: float, delta: float = 0.0, actor: str) -> dict[str, Any]:
    """Set or change the total privacy budget (ε, δ) of dataset ``code``; audited as "dp.budget".

    Lowering it below what was already spent is an error. Returns :func:`budget`.

    >>> set_budget(ws, "people", epsilon=2.0, actor="steward")["remaining"]  # doctest: +SKIP
    2.0
    """
    _check_epsilon(epsilon)
    if isinstance(delta, bool) or not isinstance(delta, int | float) or not 0 <= delta < 1:
        raise ConfigError(f"δ 必须在 [0, 1) 内：{delta!r}", f"delta must be in [0, 1): {delta!r}")
    with ws.writer_lock(), ws.store.session() as s:
        dataset_id = _dataset_id(s, code)
        spent, spent_delta = _spent(s, dataset_id)
        if epsilon < spent - _SLACK or delta < spent_delta:
            raise ConfigError(f"资源 {code} 已花费 ε={spent:g}, δ={spent_delta:g}，预算不能低于此",
                              f"dataset {code} has already spent epsilon={spent:g}, delta={spent_delta:g}; the budget cannot go below that")
        row = s.get(PrivacyBudget, dataset_id)
        previous = None if row is None else {"epsilon": row.epsilon, "delta": row.delta}
        if row is None:
            row = PrivacyBudget(dataset_id=dataset_id, epsilon=epsilon, delta=delta, set_by=actor)
            s.add(row)
        row.epsilon, row.delta, row.set_by = float(epsilon), float(delta), actor
        row.set_at = utcnow()
        audit.record(s, actor=actor, action="dp.budget", target=code,
                     details={"epsilon": float(epsilon), "delta": float(delta), "previous": previous})
    return budget(ws, code)


def budget(ws: Workspace, code: str) -> dict[str, Any]:
    """Total, spent and remaining ε (δ alongside) of dataset ``code``, and its releases oldest first.

    With no budget set, ``total`` is None and ``remaining`` 0: nothing can be released.

    >>> budget(ws, "people")["remaining"]  # doctest: +SKIP
    2.0
    """
    with ws.store.session() as s:
        dataset_id = _dataset_id(s, code)
        row = s.get(PrivacyBudget, dataset_id)
        spends = s.scalars(sa.select(PrivacySpend).where(PrivacySpend.dataset_id == dataset_id).order_by(PrivacySpend.id)).all()
        spent, spent_delta = _spent(s, dataset_id)
    total, total_delta = (None, None) if row is None else (row.epsilon, row.delta)
    return {
        "dataset": code,
        "total": total,
        "spent": spent,
        "remaining": 0.0 if total is None else max(total - spent, 0.0),
        "delta": {"total": total_delta, "spent": spent_delta,
                  "remaining": 0.0 if total_delta is None else max(total_delta - spent_delta, 0.0)},
        "set_by": None if row is None else row.set_by,
        "set_at": None if row is None else row.set_at.isoformat(timespec="seconds") + "Z",
        "releases": [{"id": p.id, "at": p.at.isoformat(timespec="seconds") + "Z", "actor": p.actor, "query": p.query,
                      "epsilon": p.epsilon, "delta": p.delta} for p in spends],
    }


def _refuse_over(s: Session, code: str, dataset_id: int, epsilon: float) -> None:
    row = s.get(PrivacyBudget, dataset_id)
    if row is None:
        raise ConfigError(f"资源 {code} 没有设置隐私预算，不能发布差分隐私结果", f"dataset {code} has no privacy budget: set one first")
    remaining = row.epsilon - _spent(s, dataset_id)[0]
    if epsilon > remaining + _SLACK:
        raise ConfigError(f"资源 {code} 的隐私预算不足：需要 ε={epsilon:g}，剩余 ε={max(remaining, 0):g}",
                          f"dataset {code} has not enough privacy budget: asked epsilon={epsilon:g}, remaining {max(remaining, 0):g}",
                          epsilon=epsilon, remaining=max(remaining, 0.0))


def release(ws: Workspace, code: str, query: dict[str, Any], *, epsilon: float, actor: str,
            version: int | None = None) -> Release:
    """Publish one differentially private aggregate of dataset ``code``, spending ``epsilon`` of its budget.

    ``query`` is ``{"kind": "count"}`` (optional ``"column"``: its non-NULL values),
    ``{"kind": "sum" | "mean", "column", "lower", "upper"}`` (optional ``"fill"``: NULLs become
    it, else they are dropped) or ``{"kind": "histogram", "column", "categories"}`` (optional
    ``"other"``: the label of a bin for undeclared values and NULLs, else they are dropped;
    categories match the column's values as text). Counts are not clamped at 0, so they stay
    unbiased; a mean is the noisy sum over max(noisy count, 1), clamped to [lower, upper]. The budget is checked and spent before anything is computed (given back if the
    computation fails); the "dp.release" audit event follows the computation. The exact value is never
    stored or logged.

    >>> r = release(ws, "people", {"kind": "count"}, epsilon=0.5, actor="analyst")  # doctest: +SKIP
    >>> r.epsilon, r.noise[0].scale  # doctest: +SKIP
    (0.5, 2.0)
    """
    _check_epsilon(epsilon)
    with ws.store.session() as s:
        dataset_id = _dataset_id(s, code)
        latest = s.scalar(sa.select(sa.func.max(DatasetVersion.version)).where(DatasetVersion.dataset_id == dataset_id))
    # pin the version now, so a version ingested meanwhile cannot change what is read and recorded
    table = read_dataset(ws, code, latest if version is None else version, typed=True)
    chosen = latest if version is None else version
    check_query(table, query)
    places = _places(table, query) if query["kind"] in ("sum", "mean") else 0
    recorded = {**query, "version": chosen}
    # the budget is spent first, under the lock (a second process cannot overspend), and the lock is let go
    # before the computation, which may take long and must not hold up ingests; a computation that fails
    # gives the budget back (nothing was released), one that is killed leaves it spent (the safe side)
    with ws.writer_lock(), ws.store.session() as s:
        _refuse_over(s, code, dataset_id, epsilon)
        spend = PrivacySpend(dataset_id=dataset_id, actor=actor, query=recorded, epsilon=float(epsilon), delta=0.0)
        s.add(spend)
        s.flush()
        spend_id = spend.id
    try:
        exact = ws.engine.to_pyarrow(aggregate(table, query)).to_pylist()[0]
        value, noise = _noisy(query, exact, float(epsilon), places)
    except BaseException:
        with ws.store.session() as s:
            s.execute(sa.delete(PrivacySpend).where(PrivacySpend.id == spend_id))
        raise
    with ws.store.session() as s:
        audit.record(s, actor=actor, action="dp.release", target=code,
                     details={"spend": spend_id, "query": recorded, "epsilon": float(epsilon), "delta": 0.0,
                              "noise": [{"statistic": n.statistic, "epsilon": n.epsilon, "scale": n.scale,
                                         "mechanism": n.mechanism} for n in noise]})
    return Release(code, chosen, recorded, value, float(epsilon), 0.0, noise, spend_id)

