"""Re-identification risk of a table, as ARX reports it (prosecutor, journalist, marketer).

The rows of the table are the sample; an equivalence class of size f_j gives each of
its records a re-identification risk of 1/f_j. The definitions follow ARX's
``RiskModelSampleSummary`` (after El Emam, *Guide to the De-Identification of
Personal Health Information*, 2013):

- prosecutor: highest = 1 / smallest class; average = classes / rows; records at
  risk = share of records whose 1/f_j exceeds the threshold;
- journalist: the same numbers computed with population class sizes F_j; with no
  population table ARX uses the sample's, so they equal the prosecutor's
  (``journalist_basis = "sample"``);
- marketer: Σ f_j/F_j / rows, which is classes / rows when the sample is the population.

When the table is a sample of a larger population (``population`` rows), F_j ≥ f_j,
so every number here is an upper bound of the population-based one. No
population-uniqueness model (Pitman, Zayatz, SNB) is estimated.

>>> import ibis
>>> from shuzhi.config import Settings
>>> from shuzhi.workspace import Workspace
>>> t = ibis.memtable({"age": ["30", "30", "40", "50"]})
>>> with Workspace(Settings(home="/tmp/shuzhi-doctest-risk")) as ws:
...     r = assess(ws.engine, t, ["age"], threshold=0.5)
>>> r.prosecutor.highest, r.prosecutor.average, r.prosecutor.records_at_risk_share, r.sample_uniques
(1.0, 0.75, 0.5, 2)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import ibis
import ibis.expr.types as ir

from shuzhi.engine import Engine
from shuzhi.errors import ConfigError
from shuzhi.masking.privacy import class_sizes

#: class-size buckets of the histogram: (label, smallest size, largest size or None)
BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("1", 1, 1), ("2", 2, 2), ("3-4", 3, 4), ("5-9", 5, 9), ("10-19", 10, 19), ("20+", 20, None),
)

_N = "_shuzhi_n"


@dataclass(frozen=True)
class AttackerRisk:
    """One attacker model's numbers."""

    #: largest record risk, 1 / smallest class size
    highest: float
    #: expected share of records re-identified, classes / rows
    average: float
    #: records whose risk 1/f_j is above the threshold
    records_at_risk: int
    records_at_risk_share: float


@dataclass(frozen=True)
class SizeBucket:
    label: str
    low: int
    high: int | None
    classes: int
    records: int


@dataclass(frozen=True)
class RiskReport:
    """Re-identification risk for one set of quasi-identifiers (shares are fractions of ``rows``)."""

    qi: tuple[str, ...]
    rows: int
    classes: int
    threshold: float
    k: int
    prosecutor: AttackerRisk
    journalist: AttackerRisk
    #: "sample": journalist numbers use the sample's class sizes (no population table)
    journalist_basis: Literal["sample"]
    #: marketer risk, classes / rows
    marketer: float
    population: int | None
    #: rows / population, when the population size is given
    sampling_fraction: float | None
    #: records alone in their class (f_j = 1)
    sample_uniques: int
    sample_uniques_share: float
    #: records in classes smaller than ``k``
    below_k: int
    below_k_share: float
    histogram: tuple[SizeBucket, ...]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def assess(
    engine: Engine,
    table: ir.Table,
    qi: Sequence[str],
    *,
    threshold: float = 0.2,
    population: int | None = None,
    k: int = 5,
) -> RiskReport:
    """Prosecutor, journalist and marketer risk, sample uniques and class sizes, in one query.

    ``threshold`` is the highest acceptable risk of one record (0.2: records in
    classes of 5 or more are not at risk); ``k`` sets the "records in classes
    smaller than k" count.

    >>> import ibis
    >>> from shuzhi.config import Settings
    >>> from shuzhi.workspace import Workspace
    >>> t = ibis.memtable({"sex": ["F"] * 5 + ["M"], "city": ["京"] * 6})
    >>> with Workspace(Settings(home="/tmp/shuzhi-doctest-risk")) as ws:
    ...     r = assess(ws.engine, t, ["sex", "city"], k=5)
    >>> r.below_k, r.marketer, [(b.label, b.records) for b in r.histogram if b.classes]
    (1, 0.3333333333333333, [('1', 1), ('5-9', 5)])
    """
    if not 0 < threshold <= 1:
        raise ConfigError(f"风险阈值必须在 0 与 1 之间（不含 0），而不是 {threshold}", f"the risk threshold must be in (0, 1], not {threshold}")
    if k < 1:
        raise ConfigError(f"k 必须至少为 1，而不是 {k}", f"k must be at least 1, not {k}")
    if population is not None and population < 1:
        raise ConfigError(f"总体规模必须至少为 1，而不是 {population}", f"the population size must be at least 1, not {population}")
    sizes = class_sizes(table, qi, name=_N)
    row = engine.to_pyarrow(_summary_expr(sizes, threshold, k)).to_pylist()[0]
    row = {key: int(value or 0) for key, value in row.items()}
    rows, classes = row["rows"], row["classes"]
    if population is not None and population < rows:
        raise ConfigError(f"总体规模 {population} 小于样本的 {rows} 行", f"the population size {population} is smaller than the sample's {rows} rows")

    def share(count: int) -> float:
        return count / rows if rows else 0.0

    sample = AttackerRisk(
        highest=1 / row["smallest"] if rows else 0.0,
        average=share(classes),
        records_at_risk=row["at_risk"],
        records_at_risk_share=share(row["at_risk"]),
    )
    return RiskReport(
        qi=tuple(qi), rows=rows, classes=classes, threshold=threshold, k=k,
        prosecutor=sample, journalist=sample, journalist_basis="sample", marketer=share(classes),
        population=population, sampling_fraction=rows / population if population else None,
        sample_uniques=row["uniques"], sample_uniques_share=share(row["uniques"]),
        below_k=row["below_k"], below_k_share=share(row["below_k"]),
        histogram=tuple(
            SizeBucket(label, low, high, row[f"classes_{i}"], row[f"records_{i}"])
            for i, (label, low, high) in enumerate(BUCKETS)
        ),
    )


def _summary_expr(sizes: ir.Table, threshold: float, k: int) -> ir.Table:
    n = sizes[_N]

    def records(cond: ir.BooleanValue) -> ir.IntegerScalar:
        return ibis.ifelse(cond, n, 0).sum()

    def count(cond: ir.BooleanValue) -> ir.IntegerScalar:
        return ibis.ifelse(cond, 1, 0).sum()

    buckets: dict[str, ir.Scalar] = {}
    for i, (_, low, high) in enumerate(BUCKETS):
        inside = n >= low if high is None else n.between(low, high)
        buckets[f"classes_{i}"] = count(inside)
        buckets[f"records_{i}"] = records(inside)
    return sizes.aggregate(
        rows=n.sum(),
        classes=sizes.count(),
        smallest=n.min(),
        # ARX counts a record at risk when 1/f_j > threshold (strictly)
        at_risk=records(1.0 / n > threshold),
        uniques=records(n == 1),
        below_k=records(n < k),
        **buckets,
    )
