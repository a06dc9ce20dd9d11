"""Anonymization (匿名化) by full-domain generalization with record suppression, as ARX does it.

Every quasi-identifier (QI) is generalized to one level of its :class:`Hierarchy` for the
whole table; a *node* is the vector of those levels and the nodes form a lattice. A node is
*feasible* when the records of the equivalence classes that break the privacy model (size
< k; distinct or entropy ℓ < l; t-distance > t) number at most ``suppress_limit × rows``:
those records are removed and the rest is published.

Search. The table is reduced once to its *frequency set* (one row per distinct QI
combination, plus the sensitive value when ℓ or t is asked, with its count), with each QI
replaced by an integer code per level; it is cached in the engine and each node is one
GROUP BY of it. The optimum is the feasible node with the least precision loss, ties broken
by discernibility. As in Flash (Kohlmayer et al. 2012) and OLA (El Emam et al., JAMIA 2009),
each evaluation tags others: a feasible node's generalizations are feasible, an infeasible
one's specializations infeasible; nodes costlier than the best found are dropped. The next
node is the open one whose answer settles the most open nodes in the worst case (if
infeasible, the open nodes below it; if feasible, the open nodes costlier than it), a
binary search over the lattice where OLA's is over heights and Flash's along paths. On
sparse data most nodes suppress nearly every record; a *probe* first counts the records
suppressed by a slice of the classes (those whose label of one QI is 0 mod P), a lower
bound, and drops the node without the full GROUP BY when that already exceeds the limit.

Tagging is exact for k-anonymity and distinct ℓ-diversity with suppression (a class merged
with one that meets the model meets it too); for entropy ℓ and t it is the usual
assumption, so the result is optimal only up to it, but the chosen node is always one that
was evaluated, and the output always meets the model.

t-closeness compares each class with the distribution of the *published* records, as
:func:`shuzhi.masking.privacy.measure` does on the output: removing a class moves that
distribution, so a node's classes are checked again until none more is removed.

Information loss (reported for the chosen node):

- ``precision_loss``: mean over QIs of level / height (Sweeney's precision loss, ARX's
  "generalization intensity"); the optimum minimizes it;
- ``discernibility``: Σ f_j² over published classes + suppressed × rows (Bayardo & Agrawal
  2005, as in ARX); it breaks ties;
- ``suppressed_share``: suppressed / rows.

>>> import ibis
>>> from shuzhi.config import Settings
>>> from shuzhi.masking.hierarchy import hierarchy_from_spec
>>> from shuzhi.workspace import Workspace
>>> t = ibis.memtable({"age": [31, 33, 37, 38, 52], "sex": ["F", "M", "F", "M", "F"]})
>>> h = {"age": hierarchy_from_spec({"kind": "age"}), "sex": hierarchy_from_spec({"kind": "suppress"})}
>>> with Workspace(Settings(home="/tmp/shuzhi-doctest-anonymize")) as ws:
...     a = anonymize(ws.engine, t, ["age", "sex"], h, k=2, suppress_limit=0.2)
...     rows = ws.engine.to_pyarrow(a.table.order_by(["age", "sex"])).to_pylist()
>>> a.levels, a.suppressed, a.info_loss["precision_loss"], rows[0]
({'age': 2, 'sex': 0}, 1, 0.25, {'age': '30-39', 'sex': 'F'})
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import ibis
import ibis.expr.types as ir
import numpy as np

from shuzhi.engine import Engine
from shuzhi.errors import ConfigError
from shuzhi.masking.hierarchy import Hierarchy
from shuzhi.masking.privacy import PrivacyMeasures, measure, qi_columns

# Working column names; the prefix keeps them apart from the user's columns.
_CNT, _S, _ONE = "_shuzhi_cnt", "_shuzhi_s", "_shuzhi_one"
_C, _N, _D, _E, _T, _R, _Q, _M, _OK = (f"_shuzhi_{x}" for x in ("c", "n", "d", "e", "t", "r", "q", "m", "ok"))


def _code(i: int, level: int) -> str:
    return f"_shuzhi_q{i}_{level}"


def _label(i: int, level: int) -> str:
    return f"_shuzhi_q{i}_g{level}"


@dataclass(frozen=True)
class Anonymization:
    """The anonymized table and how it was found."""

    #: the input with each QI replaced by its generalized text and the suppressed records removed
    table: ir.Table
    qi: tuple[str, ...]
    #: chosen generalization level of each QI (0 = original, height = *)
    levels: dict[str, int]
    #: the chosen level's name in each QI's hierarchy (e.g. "city")
    level_names: dict[str, str]
    rows: int
    suppressed: int
    #: precision_loss, discernibility, suppressed_share
    info_loss: dict[str, float]
    #: nodes whose classes were computed, of ``lattice_size``
    evaluated: int
    lattice_size: int
    #: k, ℓ and t of the output, measured independently of the search
    measures: PrivacyMeasures
    #: the requirements: k, l, l_kind, t, sensitive, suppress_limit
    model: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """Everything but the table, as plain JSON-ready values."""
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "table"}
        return {**out, "qi": list(self.qi), "measures": self.measures.to_dict()}


@dataclass(frozen=True)
class _Model:
    k: int
    l: float | None
    entropy: bool
    t: float | None
    #: t by the ordered distance (numbers, dates), as privacy.measure chooses it
    ordered: bool
    rows: int = 0
    #: most records that may be suppressed
    limit: int = 0
    #: number of labels of each QI at each level below its top
    cards: tuple[tuple[int, ...], ...] = ()
    #: probe a 1/probe slice of the classes first (1: never)
    probe: int = 1


@dataclass(frozen=True)
class _Outcome:
    suppressed: int
    discernibility: int
    #: key columns of the published classes, when some are suppressed
    kept: ir.Table | None


def anonymize(
    engine: Engine,
    table: ir.Table,
    qi: Sequence[str],
    hierarchies: Mapping[str, Hierarchy],
    *,
    k: int,
    l: float | None = None,
    l_kind: Literal["distinct", "entropy"] = "distinct",
    t: float | None = None,
    sensitive: str | None = None,
    suppress_limit: float = 0.05,
    max_nodes: int = 100_000,
) -> Anonymization:
    """Generalize ``qi`` by ``hierarchies`` and suppress records so the table meets k (and ℓ, t).

    Returns the feasible node with the least precision loss (ties: discernibility); see
    the module docstring. ``ConfigError`` when no node is feasible, even everything at ``*``.

    >>> import ibis
    >>> from shuzhi.config import Settings
    >>> from shuzhi.masking.hierarchy import hierarchy_from_spec
    >>> from shuzhi.workspace import Workspace
    >>> t = ibis.memtable({"zip": ["210008", "210009", "210018", "210019"], "d": ["a", "b", "a", "b"]})
    >>> h = {"zip": hierarchy_from_spec({"kind": "mask", "length": 6})}
    >>> with Workspace(Settings(home="/tmp/shuzhi-doctest-anonymize")) as ws:
    ...     a = anonymize(ws.engine, t, ["zip"], h, k=2, l=2, sensitive="d", suppress_limit=0)
    >>> a.levels, a.measures.k, a.measures.l_distinct, a.info_loss["discernibility"]
    ({'zip': 1}, 2, 2, 8)
    """
    names = qi_columns(table, qi)
    heights = _check(table, names, hierarchies, k, l, l_kind, t, sensitive, suppress_limit, max_nodes)
    dtype = table[sensitive].type() if sensitive is not None else None
    model = _Model(k, l, l_kind == "entropy", t, dtype is not None and (dtype.is_numeric() or dtype.is_temporal()))
    s = sensitive if l is not None or t is not None else None
    dicts = [_dictionary(table, name, hierarchies[name], i) for i, name in enumerate(names)]
    model, node, outcome, evaluated, lattice = _optimum(engine, table, names, dicts, heights, s, model, suppress_limit)
    if node is None or outcome is None:
        raise _infeasible(model.rows, k, l, t, suppress_limit)
    kept = _published(engine, _frequency_set(table, names, dicts, heights, s), node, heights, model) if outcome.suppressed else None
    out = _output(table, names, hierarchies, dicts, node, kept)
    kinds = ["k", *(["l"] if l is not None else []), *(["t"] if t is not None else [])]
    measures = measure(engine, out, names, sensitive=sensitive if len(kinds) > 1 else None, kinds=kinds)
    precision = sum(level / h for level, h in zip(node, heights, strict=True)) / len(heights)
    return Anonymization(
        table=out, qi=tuple(names), levels=dict(zip(names, node, strict=True)),
        level_names={q: hierarchies[q].names[level] for q, level in zip(names, node, strict=True)},
        rows=model.rows, suppressed=outcome.suppressed,
        info_loss={"precision_loss": precision, "discernibility": outcome.discernibility,
                   "suppressed_share": outcome.suppressed / model.rows},
        evaluated=evaluated, lattice_size=lattice, measures=measures,
        model={"k": k, "l": l, "l_kind": l_kind, "t": t, "sensitive": sensitive, "suppress_limit": suppress_limit},
    )


def _optimum(engine: Engine, table: ir.Table, names: list[str], dicts: list[ir.Table], heights: list[int],
             sensitive: str | None, model: _Model, suppress_limit: float
             ) -> tuple[_Model, tuple[int, ...] | None, _Outcome | None, int, int]:
    """Cache the QI dictionaries and the frequency set, search the lattice, release them."""
    cached = [engine.cache(d) for d in dicts]
    freq = engine.cache(_frequency_set(table, names, cached, heights, sensitive))
    try:
        size = engine.to_pyarrow(freq.aggregate(rows=freq[_CNT].sum(), cells=freq.count())).to_pylist()[0]
        rows = int(size["rows"] or 0)
        limit = math.floor(suppress_limit * rows + 1e-9)
        cards = tuple(_cards(engine, d, i, heights[i]) for i, d in enumerate(cached))
        model = dataclasses.replace(model, rows=rows, limit=limit, cards=cards, probe=_probe(int(size["cells"]), rows, limit))
        return (model, *_search(heights, lambda node: _evaluate(engine, freq, node, heights, model)))
    finally:
        for c in (freq, *cached):
            engine.uncache(c)


def _published(engine: Engine, freq: ir.Table, node: tuple[int, ...], heights: list[int], m: _Model) -> ir.Table:
    """The chosen node's published classes once more, from the input table alone: the search's
    cached tables are gone, and the output stays valid as long as the input is."""
    keys = _keys(node, heights)
    flagged, cells = _flagged(freq, keys, m)
    if m.t is None:
        return flagged.filter(flagged[_OK]).select(keys)
    outcome = _closeness(engine, cells, flagged, keys, m, cache=False)
    assert outcome is not None and outcome.kept is not None, "anonymize: the chosen node no longer meets t"
    return outcome.kept


def _check(table: ir.Table, names: list[str], hierarchies: Mapping[str, Hierarchy], k: int, l: float | None, l_kind: str,
           t: float | None, sensitive: str | None, suppress_limit: float, max_nodes: int) -> list[int]:
    """The heights of the QIs' hierarchies, after checking every option."""
    missing = [q for q in names if q not in hierarchies]
    if missing:
        raise ConfigError(f"准标识符没有泛化层次：{', '.join(missing)}", f"no hierarchy for quasi-identifier: {', '.join(missing)}")
    extra = sorted(set(hierarchies) - set(names))
    if extra:
        raise ConfigError(f"这些列不是准标识符，却给了泛化层次：{', '.join(extra)}",
                          f"hierarchy given for a column that is not a quasi-identifier: {', '.join(extra)}")
    if any(c.startswith("_shuzhi_") for c in table.columns):
        raise ConfigError("列名不能以 _shuzhi_ 开头", "column names may not start with _shuzhi_")
    if k < 1:
        raise ConfigError(f"k 必须至少为 1，而不是 {k}", f"k must be at least 1, not {k}")
    if l is not None and l < 1:
        raise ConfigError(f"l 必须至少为 1，而不是 {l}", f"l must be at least 1, not {l}")
    if l_kind not in ("distinct", "entropy"):
        raise ConfigError(f"未知的 l 类型：{l_kind}（distinct 或 entropy）", f"unknown l kind: {l_kind} (distinct or entropy)")
    if t is not None and not 0 <= t <= 1:
        raise ConfigError(f"t 必须在 0 到 1 之间，而不是 {t}", f"t must be between 0 and 1, not {t}")
    if not 0 <= suppress_limit <= 1:
        raise ConfigError(f"隐藏比例上限必须在 0 到 1 之间，而不是 {suppress_limit}",
                          f"the suppression limit must be between 0 and 1, not {suppress_limit}")
    if (l is not None or t is not None) and sensitive is None:
        raise ConfigError("l 多样性和 t 接近需要指定敏感属性", "l-diversity and t-closeness need a sensitive attribute")
    if sensitive is not None and sensitive not in table.columns:
        raise ConfigError(f"未知列：{sensitive}", f"unknown column: {sensitive}")
    if sensitive in names:
        raise ConfigError(f"敏感属性 {sensitive} 不能同时是准标识符", f"the sensitive attribute {sensitive} cannot also be a quasi-identifier")
    heights = [hierarchies[q].height for q in names]
    flat = [q for q, h in zip(names, heights, strict=True) if h < 1]
    if flat:
        raise ConfigError(f"泛化层次没有原值以上的层级：{', '.join(flat)}", f"hierarchy with no level above the original: {', '.join(flat)}")
    size = math.prod(h + 1 for h in heights)
    if size > max_nodes:
        raise ConfigError(f"泛化格有 {size} 个节点，超过上限 {max_nodes}：请减少准标识符或层级",
                          f"the generalization lattice has {size} nodes, more than the limit of {max_nodes}: use fewer quasi-identifiers or levels")
    return heights


#: frequency sets smaller than this are searched without probes (each query is cheap already)
PROBE_MIN_CELLS = 20_000


def _probe(cells: int, rows: int, limit: int) -> int:
    """The slice count P: a power of two up to 64 with P ≤ 0.4 × rows / limit, so a node that
    suppresses 80 % of the records or more shows about twice the limit within 1/P of its classes."""
    if cells < PROBE_MIN_CELLS:
        return 1
    return 2 ** max(0, min(6, int(math.log2(max(1.0, 0.4 * rows / (limit + 1))))))


def _infeasible(rows: int, k: int, l: float | None, t: float | None, limit: float) -> ConfigError:
    if rows < k:
        return ConfigError(f"无法匿名化：表只有 {rows} 行，少于 k={k}", f"cannot anonymize: the table has {rows} rows, fewer than k={k}")
    asked = ", ".join(f"{n}={v}" for n, v in (("k", k), ("l", l), ("t", t)) if v is not None)
    return ConfigError(
        f"无法匿名化：即使所有准标识符都泛化为 *，在隐藏上限 {limit:.0%} 内也达不到 {asked}（例如敏感属性的不同取值少于 l）",
        f"cannot anonymize: even with every quasi-identifier generalized to *, {asked} cannot be met within the "
        f"suppression limit of {limit:.0%} (e.g. the sensitive attribute has fewer than l distinct values)")


# ---- frequency set ---------------------------------------------------------------------------------------


def _text(v: ir.Value) -> ir.StringValue:
    return v if v.type().is_string() else v.cast("string")


def _dictionary(table: ir.Table, name: str, h: Hierarchy, i: int) -> ir.Table:
    """One row per distinct value of a QI: its text, its label at each level below the top, and an
    integer code per level (equal codes, equal labels)."""
    d = table.select(**{_label(i, 0): _text(table[name])}).distinct()
    d = d.mutate(**{_label(i, lv): h.generalize(d[_label(i, 0)], lv) for lv in range(1, h.height)})
    codes = {_code(i, 0): ibis.row_number().over(order_by=d[_label(i, 0)])}
    codes |= {_code(i, lv): ibis.dense_rank().over(order_by=d[_label(i, lv)]) for lv in range(1, h.height)}
    return d.mutate(**{c: e.cast("int32") for c, e in codes.items()})


def _cards(engine: Engine, d: ir.Table, i: int, height: int) -> tuple[int, ...]:
    """The number of labels at each level of a QI below its top: its codes run from 0 up."""
    row = engine.to_pyarrow(d.aggregate(**{str(lv): d[_code(i, lv)].max() for lv in range(height)})).to_pylist()[0]
    return tuple(int(row[str(lv)]) + 1 for lv in range(height))


def _frequency_set(table: ir.Table, names: list[str], dicts: list[ir.Table], heights: list[int], sensitive: str | None) -> ir.Table:
    """Counts per distinct (QI values[, sensitive value]), the QIs as level codes, the sensitive value
    as its rank (NULL first, as :mod:`~shuzhi.masking.privacy` orders it)."""
    keys = {_label(i, 0): _text(table[q]) for i, q in enumerate(names)}
    if sensitive is not None:
        keys[_S] = table[sensitive]
    counts = table.group_by(**keys).aggregate(**{_CNT: table.count()})
    joined = counts
    for i, d in enumerate(dicts):
        # IS NOT DISTINCT FROM: NULL is a QI value like any other
        joined = joined.join(d, joined[_label(i, 0)].identical_to(d[_label(i, 0)]))
    codes = [_code(i, lv) for i, h in enumerate(heights) for lv in range(h)]
    if sensitive is None:
        return joined.select(*codes, _CNT, **{_ONE: ibis.literal(0, "int8")})
    values = table.select(**{_S: table[sensitive]}).distinct()
    ranks = values.mutate(**{_R: ibis.row_number().over(order_by=[values[_S].notnull(), values[_S]]).cast("int32")})
    joined = joined.join(ranks, joined[_S].identical_to(ranks[_S])).drop(_S).rename({_S: _R})
    return joined.select(*codes, _S, _CNT, **{_ONE: ibis.literal(0, "int8")})


# ---- one node --------------------------------------------------------------------------------------------


def _keys(node: Sequence[int], heights: Sequence[int]) -> list[str]:
    # a QI at its top is * everywhere and groups nothing; the constant keeps the key list non-empty
    return [_ONE, *(_code(i, lv) for i, (lv, h) in enumerate(zip(node, heights, strict=True)) if lv < h)]


def _evaluate(engine: Engine, freq: ir.Table, node: tuple[int, ...], heights: list[int], m: _Model, *,
              cache: bool = True) -> _Outcome | None:
    """The node's suppression and discernibility, or None when it is infeasible. ``cache``: keep the
    t-closeness rounds' tables in the engine (the outcome's ``kept`` then dies with them)."""
    keys = _keys(node, heights)
    labels, i = max((m.cards[i][lv], i) for i, lv in enumerate(node) if lv < heights[i]) if len(keys) > 1 else (0, 0)
    # (a QI with few labels would cut uneven slices; such nodes have few classes and are cheap anyway)
    if m.probe > 1 and labels >= 8 * m.probe:
        # first the classes whose label of the QI with most labels is 0 mod probe: whole classes, so
        # the records they suppress are a lower bound of the node's (t only adds to it); on sparse
        # data most nodes the search meets suppress nearly everything and fail here for 1/probe of the work
        part, _ = _flagged(freq.filter(freq[_code(i, node[i])] % m.probe == 0), keys, m)
        if int(engine.execute(ibis.ifelse(part[_OK], 0, part[_N]).sum()) or 0) > m.limit:
            return None
    flagged, cells = _flagged(freq, keys, m)
    outcome, _ = _tally(engine, flagged, keys, m)
    if outcome is None or m.t is None:
        return outcome
    return _closeness(engine, cells, flagged, keys, m, cache)


def _flagged(freq: ir.Table, keys: list[str], m: _Model) -> tuple[ir.Table, ir.Table]:
    """The node's classes with their size and whether they meet k and ℓ; and its (class, sensitive
    value) counts when ℓ or t is asked."""
    if m.l is None and m.t is None:
        classes = freq.group_by(keys).aggregate(**{_N: freq[_CNT].sum()})
        return classes.mutate(**{_OK: classes[_N] >= m.k}), freq
    cells = freq.group_by([*keys, _S]).aggregate(**{_C: freq[_CNT].sum()})
    c = cells[_C]
    classes = cells.group_by(keys).aggregate(**{_N: c.sum(), _D: cells.count(), _E: (c * c.ln()).sum()})
    n = classes[_N]
    ok = n >= m.k
    if m.l is not None and m.entropy:
        # −Σ p ln p with p = c/n is ln n − Σ c ln c / n (Machanavajjhala et al., ICDE 2006);
        # exp(ln ℓ) may come back one rounding step below ℓ, as in privacy.satisfies
        ok &= n.ln() - classes[_E] / n >= math.log(m.l) - 1e-12
    elif m.l is not None:
        ok &= classes[_D] >= m.l
    return classes.mutate(**{_OK: ok}), cells


def _tally(engine: Engine, flagged: ir.Table, keys: list[str], m: _Model) -> tuple[_Outcome | None, bool]:
    """The outcome of publishing the classes flagged ok (None: infeasible), and whether all are."""
    ok, n = flagged[_OK], flagged[_N]
    expr = flagged.aggregate(kept=ibis.ifelse(ok, n, 0).sum(), dm=ibis.ifelse(ok, n * n, 0).sum(),
                             bad=ibis.ifelse(ok, 0, 1).sum())
    row = engine.to_pyarrow(expr).to_pylist()[0]
    kept = int(row["kept"] or 0)
    suppressed = m.rows - kept
    if suppressed > m.limit or kept == 0:
        return None, False
    return _Outcome(suppressed, int(row["dm"] or 0) + suppressed * m.rows,
                    flagged.filter(ok).select(keys) if suppressed else None), not row["bad"]


def _closeness(engine: Engine, cells: ir.Table, flagged: ir.Table, keys: list[str], m: _Model, cache: bool) -> _Outcome | None:
    """Drop classes too far from the published distribution until none is (see the module docstring)."""
    assert m.t is not None
    held: list[ir.Table] = []

    def keep(table: ir.Table) -> ir.Table:
        if cache:
            held.append(engine.cache(table))
            return held[-1]
        return table

    try:
        cells, kept = keep(cells), flagged.filter(flagged[_OK]).select(keys)
        while True:
            per_class = (_ordered if m.ordered else _equal)(cells.semi_join(kept, keys), keys)
            # a distance within rounding of t counts as above it, so the output's own t never exceeds t
            final = per_class.mutate(**{_OK: per_class[_T] <= m.t * (1 - 1e-12)})
            outcome, done = _tally(engine, final, keys, m)
            if outcome is None or done:
                return outcome
            kept = keep(final.filter(final[_OK]).select(keys))
    finally:
        for table in held:
            engine.uncache(table)


def _equal(published: ir.Table, keys: list[str]) -> ir.Table:
    """Equal-distance EMD per class: ½(Σ_present |p − q| + Σ_absent q) (Li, Li & Venkatasubramanian,
    ICDE 2007), computed as :func:`shuzhi.masking.privacy.measure` does."""
    c = published[_C]
    totals = published.group_by(_S).aggregate(**{_T: c.sum()})
    rows = published.aggregate(**{_R: c.sum()})
    x = published.join(totals, _S).cross_join(rows)
    x = x.mutate(**{_N: x[_C].sum().over(group_by=[x[k] for k in keys])})
    p, q, r = x[_C] / x[_N], x[_T] / x[_R], x[_R].max()
    return x.group_by(keys).aggregate(**{_N: x[_N].max(), _T: 0.5 * ((p - q).abs().sum() + (r - x[_T].sum()) / r)})


def _ordered(published: ir.Table, keys: list[str]) -> ir.Table:
    """Ordered-distance EMD per class: Σ_i |Σ_{j≤i} (p_j − q_j)| / (m − 1) over the m published values
    in order; each class is paired with every value (classes × m rows), as in privacy.measure."""
    c = published[_C]
    totals = published.group_by(_S).aggregate(**{_T: c.sum()})
    whole = ibis.window()
    values = totals.mutate(**{_Q: totals[_T].sum().over(ibis.cumulative_window(order_by=totals[_S])) / totals[_T].sum().over(whole),
                              _M: totals.count().over(whole)}).drop(_T)
    classes = published.group_by(keys).aggregate(**{_N: c.sum()})
    grid = classes.cross_join(values).left_join(published, [*keys, _S])
    grid = grid.select(*keys, _S, _N, _Q, _M, **{_C: grid[_C].fill_null(0)})
    running = ibis.cumulative_window(group_by=keys, order_by=grid[_S])
    x = grid.mutate(**{_D: (grid[_C].sum().over(running) / grid[_N] - grid[_Q]).abs()})
    m = x[_M].max()
    return x.group_by(keys).aggregate(**{_N: x[_N].max(), _T: ibis.ifelse(m > 1, x[_D].sum() / (m - 1), 0.0)})


# ---- the lattice -----------------------------------------------------------------------------------------


def _search(heights: list[int], evaluate: Callable[[tuple[int, ...]], _Outcome | None]
            ) -> tuple[tuple[int, ...] | None, _Outcome | None, int, int]:
    """(best node, its outcome, nodes evaluated, lattice size); see the module docstring."""
    shape = [h + 1 for h in heights]
    nodes = np.indices(shape).reshape(len(shape), -1).T
    # precision loss × lcm(heights): exact integers, so equal losses tie exactly
    scale = math.lcm(*heights)
    score = nodes @ np.array([scale // h for h in heights])
    state = np.zeros(len(nodes), dtype=np.int8)  # 1 feasible, −1 infeasible, 0 unknown
    best: tuple[int, int, int] | None = None  # (score, discernibility, index)
    outcome_of_best: _Outcome | None = None
    evaluated = 0
    idx = len(nodes) - 1  # the top first: if it fails, nothing is feasible
    while True:
        evaluated += 1
        outcome = evaluate(tuple(int(x) for x in nodes[idx]))
        # predictive tagging: generalizations of a feasible node are feasible, specializations of
        # an infeasible one infeasible
        related = (nodes >= nodes[idx]).all(axis=1) if outcome else (nodes <= nodes[idx]).all(axis=1)
        state[related & (state == 0)] = 1 if outcome else -1
        state[idx] = 1 if outcome else -1
        if outcome and (best is None or (int(score[idx]), outcome.discernibility, idx) < best):
            best, outcome_of_best = (int(score[idx]), outcome.discernibility, idx), outcome
        if best is None:
            return None, None, evaluated, len(nodes)
        # nodes costlier than the best found cannot be the optimum; equal ones may win on discernibility
        open_ = (state == 0) & (score <= best[0])
        if not open_.any():
            return tuple(int(x) for x in nodes[best[2]]), outcome_of_best, evaluated, len(nodes)
        idx = _next(open_, score, shape)


def _next(open_: np.ndarray, score: np.ndarray, shape: list[int]) -> int:
    """The open node whose evaluation settles the most open nodes in the worst case: if infeasible, the
    open nodes it dominates; if feasible, the open nodes costlier than it (a binary search over the
    lattice, in the spirit of OLA's over heights)."""
    below = open_.reshape(shape).astype(np.int64)
    for axis in range(len(shape)):  # counts of open nodes ≤ each node: prefix sums along every axis
        below = np.cumsum(below, axis=axis)
    costs = np.sort(score[open_])
    costlier = len(costs) - np.searchsorted(costs, score, side="right")
    gain = np.where(open_, np.minimum(below.reshape(-1), costlier + 1), -1)
    return int(np.argmax(gain))


# ---- output ----------------------------------------------------------------------------------------------


def _output(table: ir.Table, names: list[str], hierarchies: Mapping[str, Hierarchy], dicts: list[ir.Table],
            node: tuple[int, ...], kept: ir.Table | None) -> ir.Table:
    """The input with each QI at its level (text) and, when ``kept`` is given, only its classes' records."""
    if kept is None:
        gen = {q: hierarchies[q].generalize(table[q], lv) for q, lv in zip(names, node, strict=True)}
        return table.select(*(gen[c].name(c) if c in gen else table[c] for c in table.columns))
    # the codes of the published classes come from the QIs' dictionaries, as in the frequency set
    joined = table.mutate(**{_ONE: ibis.literal(0, "int8")})
    labels: dict[str, str] = {}
    for i, (q, lv) in enumerate(zip(names, node, strict=True)):
        if lv < hierarchies[q].height:
            d = dicts[i].select(_code(i, lv), **{f"_shuzhi_q{i}": dicts[i][_label(i, lv)], f"_shuzhi_q{i}_in": dicts[i][_label(i, 0)]})
            joined = joined.join(d, _text(joined[q]).identical_to(d[f"_shuzhi_q{i}_in"]))
            labels[q] = f"_shuzhi_q{i}"
    published = joined.semi_join(kept, _keys(node, [hierarchies[q].height for q in names]))
    return published.select(*(published[labels[c]].name(c) if c in labels else ibis.literal("*").name(c) if c in names
                              else published[c] for c in table.columns))
