"""Privacy models measured on a table: k-anonymity, ℓ-diversity and t-closeness.

An equivalence class is the set of rows sharing the same quasi-identifier (QI)
values; NULL is a value like any other, so rows with a NULL QI form their own class.
GB/T 37964-2019 describes the K-anonymity model in an informative annex; the ℓ and
t definitions follow ARX and the papers cited on each measure below.

>>> import ibis
>>> from shuzhi.config import Settings
>>> from shuzhi.workspace import Workspace
>>> t = ibis.memtable({"age": ["30", "30", "40", "40"], "disease": ["flu", "cold", "flu", "flu"]})
>>> with Workspace(Settings(home="/tmp/shuzhi-doctest-privacy")) as ws:
...     m = measure(ws.engine, t, ["age"], sensitive="disease")
>>> m.k, m.l_distinct, m.t, satisfies(m, k=2, l=2)
(2, 1, 0.25, False)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import ibis
import ibis.expr.types as ir

from shuzhi.engine import Engine
from shuzhi.errors import ConfigError

Kind = Literal["k", "l", "t"]
KINDS: tuple[Kind, ...] = ("k", "l", "t")

# Working column names; the prefix keeps them apart from the user's columns.
_N, _C, _T, _R = "_shuzhi_n", "_shuzhi_c", "_shuzhi_t", "_shuzhi_rows"
_V, _H, _D = "_shuzhi_values", "_shuzhi_entropy", "_shuzhi_distance"


@dataclass(frozen=True)
class PrivacyMeasures:
    """k, ℓ and t of a table for a set of quasi-identifiers (None: not measured)."""

    qi: tuple[str, ...]
    rows: int
    #: number of equivalence classes
    classes: int
    #: size of the smallest class (0 for an empty table)
    k: int
    sensitive: str | None = None
    #: fewest distinct sensitive values in a class
    l_distinct: int | None = None
    #: smallest exp(entropy) of a class's sensitive values: its effective number of values
    l_entropy: float | None = None
    #: largest distance between a class's sensitive distribution and the whole table's
    t: float | None = None
    #: "equal" (categorical) or "ordered" (numbers, dates) earth mover's distance
    t_distance: Literal["equal", "ordered"] | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def qi_columns(table: ir.Table, qi: Sequence[str]) -> list[str]:
    """The QI list checked against the table: not empty, no repeats, every column present.

    >>> import ibis
    >>> qi_columns(ibis.table({"a": "string", "b": "int64"}, name="x"), ["b", "a"])
    ['b', 'a']
    """
    names = list(qi)
    if not names:
        raise ConfigError("准标识符列表为空", "the quasi-identifier list is empty")
    for name in names:
        if name not in table.columns:
            raise ConfigError(f"未知列：{name}", f"unknown column: {name}")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ConfigError(f"准标识符重复：{', '.join(repeated)}", f"repeated quasi-identifier: {', '.join(repeated)}")
    return names


def class_sizes(table: ir.Table, qi: Sequence[str], *, name: str = "n") -> ir.Table:
    """Equivalence classes: one row per distinct QI combination, with its size in ``name``.

    >>> import ibis
    >>> t = ibis.memtable({"sex": ["F", "F", None]})
    >>> sorted(class_sizes(t, ["sex"]).to_pyarrow().to_pylist(), key=lambda c: -c["n"])
    [{'sex': 'F', 'n': 2}, {'sex': None, 'n': 1}]
    """
    names = qi_columns(table, qi)
    if name in names:
        raise ConfigError(f"类大小列名 {name} 与准标识符重名", f"the class-size column {name} clashes with a quasi-identifier")
    return table.group_by(names).aggregate(**{name: table.count()})


def measure(
    engine: Engine,
    table: ir.Table,
    qi: Sequence[str],
    *,
    sensitive: str | None = None,
    kinds: Collection[Kind] | None = None,
) -> PrivacyMeasures:
    """Measure k-anonymity and, for a sensitive attribute, ℓ-diversity and t-closeness.

    ``kinds`` defaults to k, plus ℓ and t when ``sensitive`` is given; rows, classes and
    k are always reported. A NULL sensitive value counts as one more value (sorted
    below all others for the ordered distance). One query, plus one for an ordered t.

    >>> import ibis
    >>> from shuzhi.config import Settings
    >>> from shuzhi.workspace import Workspace
    >>> t = ibis.memtable({"zip": ["476", "476", "479"], "salary": [3, 4, 5]})
    >>> with Workspace(Settings(home="/tmp/shuzhi-doctest-privacy")) as ws:
    ...     m = measure(ws.engine, t, ["zip"], sensitive="salary")
    >>> m.k, m.l_distinct, m.t_distance, m.t
    (1, 1, 'ordered', 0.5)
    """
    wanted = _kinds(kinds, sensitive)
    names = qi_columns(table, qi)
    if sensitive is not None and sensitive not in table.columns:
        raise ConfigError(f"未知列：{sensitive}", f"unknown column: {sensitive}")
    if sensitive in names:
        raise ConfigError(f"敏感属性 {sensitive} 不能同时是准标识符", f"the sensitive attribute {sensitive} cannot also be a quasi-identifier")
    if sensitive is None or not {"l", "t"} & wanted:
        row = _first(engine, _k_expr(class_sizes(table, names, name=_N)))
        return PrivacyMeasures(tuple(names), int(row["rows"] or 0), int(row["classes"]), int(row["k"] or 0), sensitive)
    counts = table.group_by([*names, sensitive]).aggregate(**{_C: table.count()})
    row = _first(engine, _diversity_expr(counts, names, sensitive))
    rows = int(row["rows"] or 0)
    result = PrivacyMeasures(tuple(names), rows, int(row["classes"]), int(row["k"] or 0), sensitive)
    if "l" in wanted:
        result = dataclasses.replace(result, l_distinct=int(row["l_distinct"] or 0), l_entropy=float(row["l_entropy"] or 0.0))
    if "t" in wanted:
        dtype = table[sensitive].type()
        if dtype.is_numeric() or dtype.is_temporal():
            t = _first(engine, _ordered_expr(counts, names, sensitive))["t"] if rows else None
            result = dataclasses.replace(result, t=float(t or 0.0), t_distance="ordered")
        else:
            result = dataclasses.replace(result, t=float(row["t_equal"] or 0.0), t_distance="equal")
    return result


def satisfies(
    m: PrivacyMeasures,
    k: int | None = None,
    l: float | None = None,
    t: float | None = None,
    l_kind: Literal["distinct", "entropy"] = "distinct",
) -> bool:
    """True when the measures meet every given requirement: k ≥ ``k``, ℓ ≥ ``l``, t ≤ ``t``.

    >>> m = PrivacyMeasures(("age",), rows=10, classes=3, k=3, sensitive="d", l_distinct=2, l_entropy=1.9, t=0.2)
    >>> satisfies(m, k=3, l=2), satisfies(m, l=2, l_kind="entropy"), satisfies(m, t=0.15)
    (True, False, False)
    """
    if k is None and l is None and t is None:
        raise ConfigError("没有给出要检查的 k、l 或 t", "no k, l or t requirement given")
    if l_kind not in ("distinct", "entropy"):
        raise ConfigError(f"未知的 l 类型：{l_kind}（distinct 或 entropy）", f"unknown l kind: {l_kind} (distinct or entropy)")
    if k is not None and k < 1:
        raise ConfigError(f"k 必须至少为 1，而不是 {k}", f"k must be at least 1, not {k}")
    if l is not None and l < 1:
        raise ConfigError(f"l 必须至少为 1，而不是 {l}", f"l must be at least 1, not {l}")
    if t is not None and not 0 <= t <= 1:
        raise ConfigError(f"t 必须在 0 到 1 之间，而不是 {t}", f"t must be between 0 and 1, not {t}")
    ok = k is None or m.k >= k
    if l is not None:
        found = m.l_distinct if l_kind == "distinct" else m.l_entropy
        if found is None:
            raise ConfigError("没有测量 l（需要敏感属性）", "l was not measured (it needs a sensitive attribute)")
        # exp(ln ℓ) may come back one rounding step below ℓ
        ok = ok and found >= l * (1 - 1e-12)
    if t is not None:
        if m.t is None:
            raise ConfigError("没有测量 t（需要敏感属性）", "t was not measured (it needs a sensitive attribute)")
        ok = ok and m.t <= t
    return ok


def _kinds(kinds: Collection[str] | None, sensitive: str | None) -> set[str]:
    if kinds is None:
        return set(KINDS) if sensitive is not None else {"k"}
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ConfigError(f"未知的隐私度量：{', '.join(unknown)}（可选 k、l、t）", f"unknown privacy measure: {', '.join(unknown)} (k, l or t)")
    if sensitive is None and {"l", "t"} & set(kinds):
        raise ConfigError("测量 l 和 t 需要指定敏感属性", "measuring l or t needs a sensitive attribute")
    return set(kinds)


def _first(engine: Engine, expr: ir.Table) -> dict[str, Any]:
    return engine.to_pyarrow(expr).to_pylist()[0]


def _k_expr(sizes: ir.Table) -> ir.Table:
    n = sizes[_N]
    return sizes.aggregate(rows=n.sum(), classes=sizes.count(), k=n.min())


def _diversity_expr(counts: ir.Table, names: list[str], sensitive: str) -> ir.Table:
    """k, distinct ℓ, entropy ℓ and equal-distance t in one pass over the (class, value) counts."""
    c = counts[_C]
    # the row total joins as a one-row table: a window over the whole table would put
    # every row in one Spark partition
    total = counts.aggregate(**{_R: c.sum()})
    x = counts.mutate(**{_N: c.sum().over(group_by=names), _T: c.sum().over(group_by=[sensitive])}).cross_join(total)
    p, q, rows = x[_C] / x[_N], x[_T] / x[_R], x[_R].max()
    per_class = x.group_by(names).aggregate(**{
        _N: x[_N].max(),
        _V: x.count(),
        # Shannon entropy of the class (Machanavajjhala et al., ℓ-Diversity, ICDE 2006: entropy ℓ-diversity)
        _H: -(p * p.ln()).sum(),
        # equal-distance EMD = ½ Σ|p_i − q_i| (Li, Li & Venkatasubramanian, t-Closeness, ICDE 2007);
        # each value absent from the class adds its whole q_i: together (rows − Σ present t_i) / rows
        _D: 0.5 * ((p - q).abs().sum() + (rows - x[_T].sum()) / rows),
    })
    return per_class.aggregate(
        rows=per_class[_N].sum(),
        classes=per_class.count(),
        k=per_class[_N].min(),
        l_distinct=per_class[_V].min(),
        l_entropy=per_class[_H].exp().min(),
        t_equal=per_class[_D].max(),
    )


def _ordered_expr(counts: ir.Table, names: list[str], sensitive: str) -> ir.Table:
    """Ordered-distance EMD (Li, Li & Venkatasubramanian, t-Closeness, ICDE 2007):
    (1/(m−1)) Σ_i |Σ_{j≤i} (p_j − q_j)| over the m distinct values in order.

    Every class is paired with every value (absent ones with count 0), so the
    running sums see all m values; that grid has classes × m rows. The union and
    GROUP BY, rather than an outer join, keep NULL keys matched on both engines.
    """
    zero = ibis.literal(0, "int64")
    values = counts.group_by(sensitive).aggregate(**{_T: counts[_C].sum()})
    classes = counts.group_by(names).aggregate(**{_C: zero})
    grid = classes.cross_join(values).select(*names, sensitive, _C, _T)
    cells = counts.select(*names, sensitive, _C, **{_T: zero})
    both = grid.union(cells, distinct=False)
    full = both.group_by([*names, sensitive]).aggregate(**{_C: both[_C].sum(), _T: both[_T].sum()})
    s = full[sensitive]
    # NULL first on both engines (DuckDB and Spark default to opposite ends)
    running = ibis.cumulative_window(group_by=names, order_by=[s.notnull(), s])
    whole = ibis.window(group_by=names)
    cp = full[_C].sum().over(running) / full[_C].sum().over(whole)
    cq = full[_T].sum().over(running) / full[_T].sum().over(whole)
    cum = full.mutate(**{_D: (cp - cq).abs(), _V: full.count().over(whole)})
    per_class = cum.group_by(names).aggregate(**{_D: cum[_D].sum(), _V: cum[_V].max()})
    m = per_class[_V]
    return per_class.aggregate(t=ibis.ifelse(m > 1, per_class[_D] / (m - 1), 0.0).max())
