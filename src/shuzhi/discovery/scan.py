"""Scan a table for sensitive data: every recognizer on every column in one engine aggregate.

1. The rows: a seeded sample of ``sample`` rows (cached by the engine), or every row with ``sample=None``.
2. A first aggregate, regexes only: per column the non-blank values, their average length (free
   text or not) and how many pass each recognizer's prefilter.
3. A second aggregate over the (column, recognizer) pairs the prefilters left plausible: how many
   non-blank values match and validate, and, for free-text columns, how many rows hold a
   validated span.
4. For free-text columns where the spans did not establish names or addresses, a bounded number of
   values (``segment.rows``) go through word segmentation, a vectorized UDF
   (:mod:`shuzhi.discovery.segment`): a weak signal for the looser forms.
5. :mod:`shuzhi.discovery.evidence` turns the counts, the headers and the neighbouring columns
   into findings. Only counts leave the engine.

A full scan of a large table reads it once: 2 runs on its first rows to guess the validators of 3, and
one aggregate over all rows computes both; what the counts of all rows plan and the guess missed runs
after (:func:`_full_scan`).

>>> import ibis
>>> from shuzhi.engine.duckdb import DuckDBEngine
>>> t = ibis.memtable({"sfzh": ["11010519491231002X", "110105194912310021"], "c1": ["13912345678", "15012345678"]})
>>> found = scan_table(DuckDBEngine(), t, sample=None)
>>> [(c.name, [(e.type, e.ratio) for e in c.entities]) for c in found.columns]
[('sfzh', [('CN_RESIDENT_ID', 0.5)]), ('c1', [('CN_MOBILE', 1.0)])]
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import ibis
import ibis.expr.types as ir

from shuzhi.catalog.dtypes import blank_regex
from shuzhi.discovery.evidence import ColumnCounts, ColumnFindings, decide
from shuzhi.discovery.headers import header_hints, is_text_header
from shuzhi.discovery.recognizer import HAN, PREPARE, Recognizer, registry
from shuzhi.discovery.segment import ENTITIES as SEGMENTED
from shuzhi.discovery.segment import segment
from shuzhi.discovery.tuning import tuning
from shuzhi.engine.base import Engine
from shuzhi.sources.stage import Steps


@dataclass
class ScanResult:
    """Findings of one table: per column, in table order."""

    rows_scanned: int
    rows_total: int | None
    columns: list[ColumnFindings]
    duration_s: float
    sampled: bool
    dataset: str | None = None
    version: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def entities(self) -> set[str]:
        return {e.type for c in self.columns for e in c.entities}


def _text(v: ir.Value) -> ir.StringValue:
    return v if v.type().is_string() else v.cast("string")


def _rows(engine: Engine, table: ir.Table, sample: int | None, total: int | None, seed: int) -> tuple[ir.Table, int | None]:
    """The rows to scan and, when they are a sample, the table's row count."""
    if sample is None:
        return table, None
    n = total if total is not None else int(engine.to_pyarrow(table.aggregate(n=table.count())).to_pylist()[0]["n"])
    if n <= sample:
        return table, None
    # well over the fraction, so that the limit, not chance, decides the size (a Bernoulli sample of
    # 1.5 N + 100 rows falls short of N with negligible probability); the limit keeps the first N
    return engine.sample(table, min(1.0, (sample * 1.5 + 100) / n), seed).limit(sample), n


def _present(v: ir.StringValue, blank: str) -> ir.BooleanValue:
    return v.notnull() & ~v.re_search(blank)


def _share(flag: ir.BooleanValue, present: ir.BooleanValue) -> ir.IntegerScalar:
    # SUM(CASE WHEN present AND flag THEN 1 ELSE 0 END): the engines evaluate the conjunction lazily, and on
    # DuckDB this form costs 9 % fewer instructions than a COALESCE in a CASE cast to an integer
    return ibis.ifelse(present & flag, 1, 0).sum()


def _wordy(engine: Engine, v: ir.StringValue, length: ir.IntegerValue) -> ir.BooleanValue:
    """Whether ``v`` holds a Han character or a space (half-width or U+3000). A Han character or U+3000
    takes more than one byte, so the regex runs only on values with more bytes than characters; the
    rest need a space, which ``contains`` finds without a regex."""
    return ibis.ifelse(engine.byte_length(v) > length, v.re_search(f"{HAN}|[ \u3000]"), v.contains(" "))


def _least_ratio(r: Recognizer, hinted: bool) -> float:
    """The lowest share of values at which ``r`` could be reported in a column (see evidence.py)."""
    th = tuning()["ratio"]
    if r.WEAK:
        return float(th["weak_with_header"])  # identity columns beside it may lower the bar to this
    return float(th["with_header"] if hinted else th["values_alone"])


def _counted(r: Recognizer, entity: str, hinted: Mapping[str, str]) -> bool:
    """Whether the first pass counts ``r``'s prefilter in a column with these header hints (a recognizer whose
    values do not decide alone, a birth date, only where the header points to it)."""
    return r.PREFILTER is not None and (r.VALUES_DECIDE or entity in hinted)


# one or two literal alternatives (``@``, ``教|信仰``): searched with ``contains``, which on DuckDB costs a third of
# the regex on the benchmark table; with more alternatives the regex's one scan of the value is cheaper
_LITERALS = re.compile(r"(?:\(\?:)?([^\\.^$*+?{}\[\]()|]+(?:\|[^\\.^$*+?{}\[\]()|]+)?)\)?")


@functools.cache
def _shortest(pattern: str) -> int:
    """Characters in the shortest text ``pattern`` matches, as Python's parser reads it; 0 where it cannot."""
    try:
        return int(re._parser.parse(pattern).getwidth()[0])  # type: ignore[attr-defined]
    except (AttributeError, re.error, TypeError, ValueError):
        return 0


def _prefilter(engine: Engine, v: ir.StringValue, pattern: str) -> ir.BooleanValue:
    """``v.re_search(pattern)``, cheaper where the pattern allows: one or two literal alternatives are
    searched with ``contains``, and a value with fewer UTF-8 bytes than the shortest match has characters
    is not searched at all (a CASE, lazy in the engines: on DuckDB the length is stored with the value,
    and an anchored regex that fails at once still costs a call)."""
    if (m := _LITERALS.fullmatch(pattern)) is not None:
        return ibis.or_(*(v.contains(word) for word in m.group(1).split("|")))
    shortest, found = _shortest(pattern), v.re_search(pattern)
    return ibis.ifelse(engine.byte_length(v) >= shortest, found, False) if shortest > 1 else found


def _base(engine: Engine, t: ir.Table, names: list[str], blank: str, hints: list[Mapping[str, str]],
          known: dict[str, Recognizer]) -> ir.Table:
    """Each column as text (``t0`` …), whether it holds a value (``q0`` …) and whether it passes each counted
    prefilter (``f0_CN_MOBILE`` …), computed once per row: the first pass counts the flags, the second
    runs a validator only where its flag is set."""
    text = t.select(**{f"t{i}": _text(t[name]) for i, name in enumerate(names)})
    return text.select(*text.columns, **{f"q{i}": _present(text[f"t{i}"], blank) for i in range(len(names))},
                       **{f"f{i}_{e}": _prefilter(engine, text[f"t{i}"], r.PREFILTER)
                          for i, hinted in enumerate(hints) for e, r in known.items() if _counted(r, e, hinted)})


def _first_aggs(engine: Engine, base: ir.Table, hints: list[Mapping[str, str]], known: dict[str, Recognizer]) -> dict[str, ir.Scalar]:
    """Per column: non-blank values, their average length, how many look like words (Han or spaces),
    and how many pass each counted prefilter."""
    aggs: dict[str, ir.Scalar] = {"__rows": base.count()}
    for i, hinted in enumerate(hints):
        v, present = base[f"t{i}"], base[f"q{i}"]
        length = v.length()
        aggs[f"n{i}"] = present.cast("int64").sum()
        aggs[f"l{i}"] = ibis.ifelse(present, length, ibis.null("int64")).mean()
        aggs[f"w{i}"] = _share(_wordy(engine, v, length), present)
        for entity, r in known.items():
            if _counted(r, entity, hinted):
                aggs[f"p{i}:{entity}"] = _share(base[f"f{i}_{entity}"], present)
    return aggs


def _counts(first: Mapping[str, Any], names: list[str], titles: Mapping[str, str], known: dict[str, Recognizer]) -> list[ColumnCounts]:
    """The first pass's counts per column, and whether the column is free text."""
    cfg = tuning()
    counts = []
    for i, name in enumerate(names):
        present = int(first[f"n{i}"] or 0)
        avg = float(first[f"l{i}"] or 0.0)
        wordy = int(first[f"w{i}"] or 0) >= present / 2 > 0
        passed = {e: int(first[f"p{i}:{e}"] or 0) for e in known if f"p{i}:{e}" in first}
        # long values in words are free text, unless most of them have the shape of an entity whose
        # values decide alone (addresses; not a birth date's loose shape, four digits anywhere)
        shaped = present > 0 and any(n >= present * cfg["ratio"]["weak_pattern"]
                                     for e, n in passed.items() if known[e].VALUES_DECIDE)
        text = is_text_header(name, titles.get(name)) or (avg >= cfg["text"]["min_avg_length"] and wordy and not shaped)
        counts.append(ColumnCounts(name, titles.get(name), present, avg, text, {}, {}, passed))
    return counts


Plan = tuple[dict[str, tuple[str, Recognizer, bool]], dict[str, tuple[Recognizer, str]]]


def _plan(i: int, hints: Mapping[str, str], c: ColumnCounts, known: dict[str, Recognizer], margin: float = 1.0) -> Plan:
    """Which recognizers to run on column ``i``: on its values (those the prefilter left plausible, at
    ``margin`` times the lowest share that could be reported) and, for free text, on the first
    candidate span of each row."""
    values, spans = {}, {}
    text, passed, n = c.text, c.prefilter, c.present
    for entity, r in known.items():
        hinted = entity in hints
        plausible = entity not in passed or (n > 0 and passed[entity] / n >= _least_ratio(r, hinted) * margin)
        if (r.VALUES_DECIDE or hinted) and plausible and not r.header_only:
            values[entity] = (f"a{i}_{r.PREPARE}", r, hinted)
        if text and r.SPAN:
            spans[entity] = (r, f"c{i}_{len(spans)}")
    return values, spans


def _with_pieces(t: ir.Table, wanted: list[tuple[str, Recognizer, str]]) -> ir.Table:
    """``t`` plus, for each (column ``alias``, ``r``, ``prefix``), the pieces of ``r`` (:meth:`Recognizer.parts`)
    of that column, named ``prefix`` + key."""
    pieces = {f"{prefix}{k}": e for alias, r, prefix in wanted for k, e in (r.parts(t[alias]) or {}).items()}
    return t.select(*t.columns, **pieces) if pieces else t


def _test(t: ir.Table, r: Recognizer, alias: str, prefix: str, hinted: bool) -> ir.BooleanValue:
    """``r``'s test of column ``alias``, on its pieces (columns named ``prefix`` + key) where it has them."""
    keys = [c for c in t.columns if c.startswith(prefix)]
    if keys:
        return r.match_parts({c[len(prefix):]: t[c] for c in keys}, hinted=hinted)
    return r.match(t[alias], hinted=hinted)


def _tested(t: ir.Table, i: int, planned: tuple[str, Recognizer, bool], prefix: str) -> ir.BooleanValue:
    """Column ``i``'s value passes ``planned``'s recognizer; the validator runs only on the rows its prefilter
    lets through (the flag of :func:`_base`; the engines evaluate CASE lazily)."""
    alias, r, hinted = planned
    m = _test(t, r, alias, prefix, hinted)
    return ibis.ifelse(t[f"f{i}_{r.ENTITY}"], m, False) if r.PREFILTER else m


def _yielded(r: Recognizer, values: Mapping[str, Any]) -> list[str]:
    """The entities planned on the same column (``values``) that ``r`` yields to (:attr:`Recognizer.YIELDS_TO`)."""
    return [o for o in r.YIELDS_TO if o in values]


def _second_aggs(base: ir.Table, plans: list[Plan]) -> tuple[ir.Table, dict[str, ir.Scalar], dict[str, tuple[int, str]]]:
    """The second pass over ``base``: the staged table (``base``'s columns and more), its aggregates and, per
    aggregate, the (column, ``v:``/``s:`` entity) it counts the matching values of. The cleaned values and span
    candidates are projected first, so each is computed once per row and the validators refer to them by name."""
    if not any(values or spans for values, spans in plans):
        return base, {}, {}
    # free text: first whether a row holds any candidate at all (one search for every span type: most
    # remarks hold none), then each type's first candidate, searched, and captured only where found
    # (a capture costs ten times a search on DuckDB; CASE is evaluated lazily)
    anyspan = {f"y{i}": base[f"t{i}"].re_search("|".join(f"(?:{r.SPAN})" for r, _ in spans.values()))
               for i, (_, spans) in enumerate(plans) if spans}
    flagged = base.select(*base.columns, **anyspan) if anyspan else base
    found = {f"r{alias}": ibis.ifelse(flagged[f"y{i}"] & flagged[f"t{i}"].re_search(r.SPAN),
                                      flagged[f"t{i}"].re_extract(r.SPAN, 1).nullif(""), ibis.null("string"))
             for i, (_, spans) in enumerate(plans) for r, alias in spans.values()}
    text = flagged.select(*base.columns, **found) if found else base
    cleaned: dict[str, ir.Value] = {}
    for i, (values, spans) in enumerate(plans):
        for alias, r, _ in values.values():
            cleaned.setdefault(alias, PREPARE[r.PREPARE](text[f"t{i}"]))
        for r, alias in spans.values():
            cleaned[alias] = PREPARE[r.PREPARE](text[f"r{alias}"])
    staged = text.select(*base.columns, **cleaned)
    # a recognizer that yields to another planned on the same column (Recognizer.YIELDS_TO) is tested
    # after it, on its own copy of the value, kept only where the other's test failed
    yielding = {(i, e): _yielded(r, values) for i, (values, _) in enumerate(plans) for e, (_, r, _) in values.items()}
    yielding = {k: v for k, v in yielding.items() if v}
    decided = {(i, o): f"x{i}_{o}" for (i, _), others in yielding.items() for o in others}
    # pieces a validator uses many times (digits as integers, a birth date), one more projection
    staged = _with_pieces(staged, [(alias, r, f"{alias}_{entity}_") for i, (values, _) in enumerate(plans)
                                   for entity, (alias, r, _) in values.items() if (i, entity) not in yielding]
                          + [(alias, r, f"{alias}_") for _, spans in plans for r, alias in spans.values()])
    if yielding:
        staged = staged.select(*staged.columns, **{name: _tested(staged, i, plans[i][0][entity], f"{plans[i][0][entity][0]}_{entity}_")
                                                   for (i, entity), name in decided.items()})
        kept: dict[str, ir.Value] = {}
        for (i, entity), others in yielding.items():
            alias, r, _ = plans[i][0][entity]
            free = ~ibis.or_(*(staged[decided[i, o]] for o in others))
            gate = free & staged[f"f{i}_{entity}"] if r.PREFILTER else free
            kept[f"k{i}_{entity}"] = ibis.ifelse(gate, staged[alias], ibis.null("string"))
        staged = staged.select(*staged.columns, **kept)
        staged = _with_pieces(staged, [(f"k{i}_{entity}", plans[i][0][entity][1], f"k{i}_{entity}_") for i, entity in yielding])

    aggs: dict[str, ir.Scalar] = {}
    keys: dict[str, tuple[int, str]] = {}
    for i, (values, spans) in enumerate(plans):
        present = staged[f"q{i}"]
        for entity, (alias, r, hinted) in values.items():
            keys[key := f"m{len(keys)}"] = (i, f"v:{entity}")
            if (i, entity) in decided:
                m = staged[decided[i, entity]]
            elif (i, entity) in yielding:
                name = f"k{i}_{entity}"
                m = ibis.ifelse(staged[name].notnull(), _test(staged, r, name, f"{name}_", hinted), False)
            else:
                m = _tested(staged, i, values[entity], f"{alias}_{entity}_")
            aggs[key] = _share(m, present)
        for entity, (r, alias) in spans.items():
            keys[key := f"m{len(keys)}"] = (i, f"s:{entity}")
            aggs[key] = _share(ibis.ifelse(staged[alias].notnull(), _test(staged, r, alias, f"{alias}_", False), False), present)
    return staged, aggs, keys


def _matched(row: Mapping[str, Any], keys: Mapping[str, tuple[int, str]]) -> dict[tuple[int, str], int]:
    return {keys[k]: int(row[k] or 0) for k in keys}


def _second_pass(engine: Engine, base: ir.Table, plans: list[Plan]) -> dict[tuple[int, str], int]:
    """Matching values per (column, ``v:``/``s:`` entity), one aggregate (see :func:`_second_aggs`)."""
    staged, aggs, keys = _second_aggs(base, plans)
    return _matched(engine.to_pyarrow(staged.aggregate(**aggs)).to_pylist()[0], keys) if aggs else {}


def _unplanned(guessed: list[Plan], plans: list[Plan]) -> list[Plan]:
    """What ``plans`` hold that a pass run with ``guessed`` did not count as ``plans`` would: an entity not
    guessed, or one that yields to a different set of entities (its count depends on them; those are
    counted again with it)."""
    out: list[Plan] = []
    for (gv, gs), (values, spans) in zip(guessed, plans, strict=True):
        missing = {}
        for entity, planned in values.items():
            if entity not in gv or _yielded(planned[1], gv) != _yielded(planned[1], values):
                missing[entity] = planned
                missing.update({o: values[o] for o in _yielded(planned[1], values)})
        out.append((missing, {e: p for e, p in spans.items() if e not in gs}))
    return out


def _unsettled(c: ColumnCounts) -> list[int]:
    """The segmentation bits worth computing for a free-text column: entities its spans did not establish."""
    need = tuning()["ratio"]["text_span"] * c.present
    return [bit for bit, entity in SEGMENTED.items() if c.spans.get(entity, 0) < need or not c.present]


def _segment_pass(engine: Engine, base: ir.Table, columns: list[tuple[int, list[int]]], counts: list[ColumnCounts]) -> None:
    """Segment at most ``segment.rows`` rows of the given free-text columns (one query, a vectorized UDF
    per column) and record per entity (rows with a hit, non-blank rows segmented)."""
    rows = base.limit(int(tuning()["segment"]["rows"]))
    bits = rows.select(*rows.columns, **{f"g{i}": ibis.ifelse(rows[f"q{i}"], segment(engine.name, rows[f"t{i}"]), ibis.null("int64"))
                                         for i, _ in columns})
    aggs: dict[str, ir.Scalar] = {}
    for i, wanted in columns:
        aggs[f"e{i}"] = bits[f"q{i}"].cast("int64").sum()
        for bit in wanted:
            aggs[f"g{i}_{bit}"] = ((bits[f"g{i}"] // bit) % 2 == 1).fill_null(False).cast("int64").sum()
    row = engine.to_pyarrow(bits.aggregate(**aggs)).to_pylist()[0]
    for i, wanted in columns:
        counts[i].segmented = {SEGMENTED[bit]: (int(row[f"g{i}_{bit}"] or 0), int(row[f"e{i}"] or 0)) for bit in wanted}


def _query(engine: Engine, t: ir.Table, aggs: dict[str, ir.Scalar]) -> dict[str, Any]:
    return engine.to_pyarrow(t.aggregate(**aggs)).to_pylist()[0]


def _full_scan(engine: Engine, kept: ir.Table, base: ir.Table, names: list[str], titles: Mapping[str, str],
               hints: list[Mapping[str, str]], known: dict[str, Recognizer], blank: str,
               step: Callable[[str, str], Any]) -> tuple[dict[str, Any], list[ColumnCounts], dict[tuple[int, str], int]]:
    """Every row, read once where the table is large: the first pass over the first rows guesses the plan, one
    pass over all rows counts the prefilters and runs the guessed validators, and a pass over all rows again
    runs only what the counts of all rows plan and the guess missed (none, unless the first rows misled).
    The counts are those of two passes over all rows: a guessed validator the plan drops is not reported.
    Returns the first pass's counts, the columns' counts and the second pass's (see :func:`_second_pass`)."""
    cfg = tuning()["full_scan"]
    head_rows = int(cfg["head_rows"])
    head = _base(engine, kept.limit(head_rows), names, blank, hints, known)
    with step(f"第一遍：前 {head_rows:,} 行的形状预筛", f"first pass: shapes and prefilters of the first {head_rows:,} rows"):
        first = _query(engine, head, _first_aggs(engine, head, hints, known))
    counts = _counts(first, names, titles, known)
    if int(first["__rows"]) < head_rows:  # that was every row
        with step("第二遍：校验与文本片段", "second pass: validators and free-text spans"):
            return first, counts, _second_pass(engine, base, [_plan(i, hints[i], c, known) for i, c in enumerate(counts)])
    guessed = [_plan(i, hints[i], c, known, margin=float(cfg["margin"])) for i, c in enumerate(counts)]
    staged, aggs, keys = _second_aggs(base, guessed)
    with step("全表：形状预筛、校验与文本片段", "all rows: prefilters, validators and free-text spans"):
        first = _query(engine, staged, {**_first_aggs(engine, staged, hints, known), **aggs})
    counts = _counts(first, names, titles, known)
    plans = [_plan(i, hints[i], c, known) for i, c in enumerate(counts)]
    second = {(i, key): n for (i, key), n in _matched(first, keys).items()
              if key.split(":", 1)[1] in plans[i][0 if key.startswith("v:") else 1]}
    missing = _unplanned(guessed, plans)
    if any(values or spans for values, spans in missing):
        with step("补充一遍：前几行未预见的校验", "one more pass: validators the first rows did not foresee"):
            second.update(_second_pass(engine, base, missing))
    return first, counts, second


def scan_table(
    engine: Engine,
    table: ir.Table,
    *,
    titles: Mapping[str, str] | None = None,
    sample: int | None = 20000,
    total_rows: int | None = None,
    seed: int | None = None,
    only: list[str] | None = None,
    steps: Steps | None = None,
) -> ScanResult:
    """Find the entities in each column of ``table`` (see the module doc).

    ``titles`` are the catalog's Chinese names of columns (used with the headers); ``sample`` the
    number of rows scanned (None: every row); ``only`` limits the scan to these columns; ``steps``
    is told each query as it starts, and its callback how far the query is (where the engine can tell).
    """
    started = time.monotonic()

    def step(zh: str, en: str) -> Any:
        return engine.watching(steps(zh, en) if steps else None)

    cfg = tuning()
    names = [c for c in table.columns if only is None or c in only]
    titles = titles or {}
    known = registry()
    blank = blank_regex([str(p) for p in cfg["placeholders"]])
    rows, sampled_from = _rows(engine, table, sample, total_rows, int(seed if seed is not None else cfg["seed"]))
    sampled = sampled_from is not None
    if sampled:
        with step(f"抽取 {sample:,} 行样本", f"sampling {sample:,} rows"):
            kept = engine.cache(rows)
    else:
        kept = rows
    try:
        hints = [header_hints(name, titles.get(name)) for name in names]
        base = _base(engine, kept, names, blank, hints, known)
        if sampled:
            with step("第一遍：形状预筛", "first pass: shapes and prefilters"):
                first = _query(engine, base, _first_aggs(engine, base, hints, known))
            counts = _counts(first, names, titles, known)
            with step("第二遍：校验与文本片段", "second pass: validators and free-text spans"):
                second = _second_pass(engine, base, [_plan(i, hints[i], c, known) for i, c in enumerate(counts)])
        else:
            first, counts, second = _full_scan(engine, kept, base, names, titles, hints, known, blank, step)
        for (i, key), matched in second.items():
            kind, entity = key.split(":", 1)
            (counts[i].values if kind == "v" else counts[i].spans)[entity] = matched
        unsettled = [(i, need) for i, c in enumerate(counts) if c.text and (need := _unsettled(c))]
        if unsettled:
            with step("分词（有限行数）", "word segmentation (a bounded number of rows)"):
                _segment_pass(engine, base, unsettled, counts)
    finally:
        if sampled:
            engine.uncache(kept)
    findings = decide(counts, dict(zip(names, hints, strict=True)))
    scanned = int(first["__rows"])
    return ScanResult(rows_scanned=scanned, rows_total=sampled_from if sampled else scanned, columns=findings,
                      duration_s=round(time.monotonic() - started, 3), sampled=sampled)
