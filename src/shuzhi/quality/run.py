"""Run a rule set on a dataset version: the one place that executes quality work and stores it.

Example (on a workspace holding the demo data)::

    result = run_quality(ws, "population", rules=Path("population.rules.yaml"))
    result["score"], result["grade"]        # (97.8, '优')
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir
import sqlalchemy as sa

from shuzhi.catalog.ingest import version_segments
from shuzhi.catalog.queries import show_dataset
from shuzhi.engine import Engine
from shuzhi.engine.storage import probe
from shuzhi.errors import ConfigError, NotFoundError
from shuzhi.quality.anomaly import detect
from shuzhi.quality.compile import Plan, compile_rules
from shuzhi.quality.context import Ctx, DatasetRef, complete_shapes, ref_parts
from shuzhi.quality.registry import Outcome, Query
from shuzhi.quality.rules import Rule, RuleSet, check_columns, defaults, load_rules
from shuzhi.quality.samples import is_sensitive, sample_columns, shown
from shuzhi.quality.score import overall, score_dimensions
from shuzhi.quality.states import State, StateCache
from shuzhi.store import Dataset, DatasetVersion, QualityRun
from shuzhi.store.models import utcnow
from shuzhi.workspace import Workspace

Steps = Callable[[str, str], Callable[[float], None] | None]


def rules_path(ws: Workspace, code: str) -> Path:
    """Where a dataset's own rule file lives in the workspace (used when ``--rules`` is not given)."""
    return ws.home / "rules" / f"{code}.yaml"


def _entry(ws: Workspace, code: str, version: int | None) -> dict[str, Any]:
    entry = show_dataset(ws, code, version)
    entry["share_type"] = entry["share"]["type"]
    entry["open_type"] = entry["open"]["type"]
    return entry


def _open(ws: Workspace, entry: dict[str, Any]) -> DatasetRef:
    dtypes = {c["name"]: c["type"] for c in entry["items"]}
    shapes = {c["name"]: s for c in entry["items"] if (s := complete_shapes(c.get("profile"))) is not None}
    table = ws.engine.read_parquet(entry["storage_uri"])
    return DatasetRef(entry["code"], entry["shown_version"], table, dtypes, shapes)


def _refs(ws: Workspace, rs: RuleSet) -> dict[str, DatasetRef]:
    """Open every dataset a rule references (latest version) and check the referenced columns."""
    refs: dict[str, DatasetRef] = {}
    problems: list[tuple[Rule, str, str]] = []
    for rule in rs.rules:
        ref = getattr(rule.params, "ref", None)
        if not ref:
            continue
        code, column = ref_parts(ref)
        if code not in refs:
            try:
                refs[code] = _open(ws, _entry(ws, code, None))
            except NotFoundError:
                problems.append((rule, f"引用的资源 {code} 不在目录中", f"the referenced dataset {code} is not in the catalog"))
                continue
        extra = [column] + ([rule.params.ref_key] if getattr(rule.params, "ref_key", None) else [])  # type: ignore[attr-defined]
        if getattr(rule.params, "ref_key", None) is None and hasattr(rule.params, "key"):
            extra.append(rule.params.key)  # type: ignore[attr-defined]
        for col in extra:
            if col not in refs[code].dtypes:
                problems.append((rule, f"引用的资源 {code} 没有列 {col!r}", f"the referenced dataset {code} has no column {col!r}"))
    if problems:
        zh = "；".join(f"第 {r.line} 行（{r.id}）：{z}" for r, z, _ in problems)
        en = "; ".join(f"line {r.line} ({r.id}): {e}" for r, _, e in problems)
        raise ConfigError(f"规则文件 {rs.source} 的引用有误：{zh}", f"rule file {rs.source} has bad references: {en}")
    return refs


def _rule_result(rule: Rule, evaluated: int | None, passed: int | None, *, reason: tuple[str, str] | None = None,
                 metrics: dict[str, Any] | None = None) -> dict[str, Any]:
    zh, en = rule.describe()
    ratio = None if not evaluated or passed is None else passed / evaluated
    if ratio is None:
        status = "not_assessable"
        if reason is None and evaluated == 0:
            reason = ("没有可评估的值（全部为空值或被条件排除）", "no values to evaluate (all NULL or filtered out)")
    else:
        status = "pass" if ratio >= (rule.threshold if rule.threshold is not None else 1.0) else "fail"
    return {
        "id": rule.id, "check": rule.check.name, "dimension": rule.dimension, "columns": rule.columns(),
        "severity": rule.severity, "threshold": rule.threshold, "weight": rule.weight, "where": rule.where,
        "description": f"{zh} / {en}" if zh != en else zh, "line": rule.line,
        "status": status, "evaluated": evaluated, "passed": passed,
        "failed": None if evaluated is None or passed is None else evaluated - passed,
        "pass_ratio": ratio, "reason": f"{reason[0]} / {reason[1]}" if reason else None,
        "metrics": metrics or {}, "samples": [],
    }


def _samples(engine: Engine, table: Any, check: str, limit: int) -> list[dict[str, Any]]:
    shown = table.select(**sample_columns(table, check)).limit(limit)
    return engine.to_pyarrow(shown).to_pylist()


#: a rule failing at most this many times ``samples`` has its failures collected in the shared pass
RARE = 100
#: the first rows scan reads enough rows to expect this many times ``samples`` failures of each rule it serves
PREFIX_MARGIN = 3
#: … and at most this many rows (rarer failures take full scans); it returns at most that many rows too
PREFIX_ROWS = 200_000


def row_samples(engine: Engine, plan: Plan, ctx: Ctx, rules: list[Rule], failed: dict[str, int], rows: int,
                limit: int) -> dict[str, list[dict[str, Any]]]:
    """Up to ``limit`` failing rows of each row rule of ``plan`` (``failed``: its failure count; ``rows``: the table's).

    Failures are usually common enough to be found near the start of the table: one query
    runs ``plan``'s checks on its first rows only (about ``PREFIX_MARGIN × limit`` expected
    failures of each rule) and keeps the failing ones. Rules it found too few failures of
    fall back to scans of the whole table (:func:`_scanned_samples`). Either way a rule
    gets ``min(limit, failed)`` samples, failing rows from the start of the table.
    """
    wanted = {r.id: -(-PREFIX_MARGIN * limit * rows // failed[r.id]) for r in rules}
    early = [r for r in rules if wanted[r.id] <= PREFIX_ROWS]
    cols = ctx.table.columns
    names = {r.id: [c for c in r.columns() if c in cols] or list(cols[:3]) for r in rules}
    out = _first_rows_samples(engine, ctx, plan, early, names, max(wanted[r.id] for r in early), limit) if early else {}
    rest = [r for r in rules if len(out.get(r.id, [])) < min(limit, failed[r.id])]
    if rest:
        out.update(_scanned_samples(engine, ctx, rest, names, failed, limit))
    return out


def _union_samples(engine: Engine, branches: list[ir.Table], names: dict[str, list[str]]) -> dict[str, list[dict[str, Any]]]:
    """Run the per-rule branches (``__rule``, ``__v0``…) as one ``UNION ALL``; rule id → its rows by column name."""
    found = engine.to_pyarrow(ibis.union(*branches, distinct=False) if len(branches) > 1 else branches[0]).to_pylist()
    out: dict[str, list[dict[str, Any]]] = {}
    for row in found:
        out.setdefault(row["__rule"], []).append({c: row[f"__v{i}"] for i, c in enumerate(names[row["__rule"]])})
    return out


def _first_rows_samples(engine: Engine, ctx: Ctx, plan: Plan, rules: list[Rule], names: dict[str, list[str]], n: int,
                        limit: int) -> dict[str, list[dict[str, Any]]]:
    """Samples of ``rules`` (showing ``names``) from the first ``n`` rows: one scan keeps their failing rows.

    ``plan`` is rebuilt on the first ``n`` stored rows, limited before its code-list joins:
    a limit after them would not take the first rows (DuckDB's hash join passes a chunk's
    rows without a match, NULL keys included, after the matched ones).
    """
    assert plan.projected is not None
    base = ctx.table.op()
    head = plan.projected.op().replace({base: ctx.table.limit(n).op()}, filter=ops.Node).to_expr()
    outputs: dict[tuple[str, bool], str] = {}
    values: dict[str, ir.Value] = {}
    columns: dict[str, list[str]] = {}
    for rule in rules:
        for c in names[rule.id]:
            key = (c, is_sensitive(c, rule.check.name))
            if key not in outputs:
                outputs[key] = f"__s{len(outputs)}"
                values[outputs[key]] = shown(head[c], c, rule.check.name)
            columns.setdefault(rule.id, []).append(outputs[key])
    # one boolean a rule, true where it fails (filtering on them needs no Arrow scalar: building one imports pandas)
    failing = {f"__f{i}": (head[plan.slots[r.id]] == 0).fill_null(False) for i, r in enumerate(rules)}
    kept = engine.to_pyarrow(head.filter(ibis.or_(*failing.values())).select(**failing, **values))
    out: dict[str, list[dict[str, Any]]] = {}
    for i, rule in enumerate(rules):
        hit = kept.filter(kept[f"__f{i}"]).slice(0, limit)
        cells = [hit[c].to_pylist() for c in columns[rule.id]]
        if hit.num_rows:
            out[rule.id] = [dict(zip(names[rule.id], row, strict=True)) for row in zip(*cells, strict=True)]
    return out


def _scanned_samples(engine: Engine, ctx: Ctx, rules: list[Rule], names: dict[str, list[str]], failed: dict[str, int],
                     limit: int) -> dict[str, list[dict[str, Any]]]:
    """Samples of ``rules`` (showing ``names``) from the whole table, in one query (a UNION ALL of ``LIMIT`` branches).

    Each rule is compiled on its own, so that a branch computes only its rule's predicate and
    stops as soon as it has ``limit`` rows. Rules that fail rarely (at most ``RARE × limit``
    times) would each need a full scan to find their few failures: one scan keeps every row
    failing any of them (a small table, cached) and their branches read that.
    """
    width = max(len(names[r.id]) for r in rules)
    rare = [r for r in rules if failed[r.id] <= RARE * limit]
    sources: dict[str, tuple[ir.Table, str]] = {}
    kept = None
    if rare:
        plan = compile_rules(ctx, rare)
        pr = plan.projected
        assert pr is not None
        flags = [plan.slots[r.id] for r in rare]
        needed = sorted({c for r in rare for c in names[r.id]})
        kept = engine.cache(pr.filter(ibis.or_(*(pr[f] == 0 for f in flags))).select(*needed, *flags))
        sources.update({r.id: (kept, plan.slots[r.id]) for r in rare})
    for rule in rules:
        if rule.id not in sources:
            plan = compile_rules(ctx, [rule])
            assert plan.projected is not None
            sources[rule.id] = (plan.projected, plan.slots[rule.id])
    try:
        branches = []
        for rule in rules:
            source, flag = sources[rule.id]
            rows = source.filter(source[flag] == 0).select(names[rule.id])
            masked = sample_columns(rows, rule.check.name)
            values = [masked[c] for c in names[rule.id]] + [ibis.null("string")] * (width - len(names[rule.id]))
            branch = rows.select(__rule=ibis.literal(rule.id), **{f"__v{i}": v.cast("string") for i, v in enumerate(values)})
            branches.append(branch.limit(limit))
        return _union_samples(engine, branches, names)
    finally:
        if kept is not None:
            engine.uncache(kept)


def evaluate(
    engine: Engine, data: DatasetRef, rs: RuleSet, *, as_of: dt.datetime, entry: dict[str, Any] | None = None,
    refs: dict[str, DatasetRef] | None = None, steps: Steps | None = None, cache: StateCache | None = None,
) -> tuple[int, list[dict[str, Any]]]:
    """Evaluate ``rs`` on one table: the row count and one result per rule, in rule order (nothing stored).

    ``entry`` is the catalog entry (for timeliness and accessibility rules), ``refs`` the
    datasets that cross-dataset rules name, by code. With ``cache`` (the version's stored
    states) row rules are evaluated only on the segments no state covers, and the new states
    are collected in ``cache.new`` for the caller to save.
    """
    found = refs or {}

    def open_ref(code: str) -> DatasetRef:
        if code not in found:
            raise ConfigError(f"引用的资源 {code} 未打开", f"the referenced dataset {code} is not open")
        return found[code]

    ctx = Ctx(data=data, as_of=as_of, entry=entry or {}, defaults=defaults(), open_ref=open_ref, code_table=engine.code_table)
    rows, results = _execute(engine, ctx, rs, compile_rules(ctx, rs.rules), steps, cache)
    return rows, [results[r.id] for r in rs.rules]


def _execute(engine: Engine, ctx: Ctx, rs: RuleSet, plan: Plan, steps: Steps | None,
             cache: StateCache | None = None) -> tuple[int, dict[str, dict[str, Any]]]:
    by_id = {r.id: r for r in rs.rules}
    results: dict[str, dict[str, Any]] = {}
    for rid, reason in plan.not_assessable.items():
        results[rid] = _rule_result(by_id[rid], None, None, reason=reason)
    advance = steps("执行规则（一次扫描）", "evaluating rules (one scan)") if steps else None
    rows, counted = _row_rules(engine, ctx, rs, plan, results, cache)
    for n, (rid, query) in enumerate(plan.queries.items()):
        if advance:
            advance(n / max(len(plan.queries), 1))
        results[rid] = _query_result(engine, by_id[rid], query, rs.samples, counted.get(rid))
    for rule in plan.meta:
        out: Outcome = rule.check.fn(ctx, rule.params)
        results[rule.id] = _rule_result(rule, out.evaluated, out.passed, reason=out.reason, metrics=out.metrics)
        results[rule.id]["samples"] = out.samples[: rs.samples]
    return rows, results


def _query_result(engine: Engine, rule: Rule, query: Query, samples: int, evaluated: int | None = None) -> dict[str, Any]:
    if query.staged is not None:
        assert query.then is not None
        kept = engine.cache(query.staged)
        try:
            return _query_result(engine, rule, query.then(kept, evaluated), samples)
        finally:
            engine.uncache(kept)
    assert query.counts is not None
    counts = engine.to_pyarrow(query.counts).to_pylist()[0]
    evaluated, passed = int(counts.pop("evaluated") or 0), int(counts.pop("passed") or 0)
    result = _rule_result(rule, evaluated, passed, metrics={k: int(v or 0) for k, v in counts.items()})
    if result["failed"] and query.failures is not None and samples:
        result["samples"] = _samples(engine, query.failures, rule.check.name, samples)
    return result


def _counted(engine: Engine, ctx: Ctx, plan: Plan, rules: list[Rule], limit: int,
             counted: dict[str, int] | None = None) -> tuple[int, dict[str, State]]:
    """Run ``plan``'s aggregate: the row count and, per rule, its counts and failing samples.

    ``counted`` receives the rows each query rule evaluates, where the plan counts them (:attr:`Plan.counted`).
    """
    row = engine.to_pyarrow(plan.aggregate).to_pylist()[0]
    if counted is not None:
        counted.update({rid: int(row[col]) for rid, col in plan.counted.items()})
    found = {r.id: State(int(row[f"{plan.slots[r.id]}_e"] or 0), int(row[f"{plan.slots[r.id]}_p"] or 0), [], limit)
             for r in rules if r.id in plan.slots}
    failing = [r for r in rules if r.id in plan.predicates and found[r.id].evaluated > found[r.id].passed]
    if limit and failing:
        failed = {r.id: found[r.id].evaluated - found[r.id].passed for r in failing}
        for rid, rows_ in row_samples(engine, plan, ctx, failing, failed, int(row["__rows"]), limit).items():
            found[rid].samples = rows_
    return int(row["__rows"]), found


def _row_rules(engine: Engine, ctx: Ctx, rs: RuleSet, plan: Plan, results: dict[str, dict[str, Any]],
               cache: StateCache | None) -> tuple[int, dict[str, int]]:
    """Counts of every row rule and dataset aggregate into ``results``; returns the row count and
    the rows each query rule evaluates where the scan counted them (a full scan; see :attr:`Query.evaluates`).

    Without stored states: one scan of the whole version. With states covering earlier
    segments (an appended version): the dataset aggregates over the whole version, and each
    row rule only over the segments its stored state does not cover.
    """
    by_id = {r.id: r for r in rs.rules}
    rules = [by_id[rid] for rid in plan.slots]
    fps = {rid: cache.fingerprint(by_id[rid], ctx) for rid in plan.predicates} if cache else {}
    best = cache.longest(list(fps.values()), rs.samples) if cache else {}
    counted: dict[str, int] = {}
    if cache is None or all(best[fp][0] == 0 for fp in fps.values()):
        rows, found = _counted(engine, ctx, plan, rules, rs.samples, counted)
    else:
        pairs = [r for r in rules if r.id not in plan.predicates]
        rows, found = _counted(engine, ctx, compile_rules(ctx, pairs), pairs, rs.samples)
        by_depth: dict[int, list[Rule]] = {}
        for rid in plan.predicates:
            by_depth.setdefault(best[fps[rid]][0], []).append(by_id[rid])
        for depth, group in sorted(by_depth.items()):
            delta: dict[str, State] = {}
            if depth < len(cache.segments):
                table = engine.read_parquet_files(cache.location, cache.files_after(depth))
                dctx = replace(ctx, data=replace(ctx.data, table=table))
                _, delta = _counted(engine, dctx, compile_rules(dctx, group), group, rs.samples)
            for rule in group:
                stored = best[fps[rule.id]][1] or State(0, 0, [], rs.samples)
                found[rule.id] = stored.plus(delta.get(rule.id, State(0, 0, [], rs.samples)), rs.samples)
    for rule in rules:
        st = found[rule.id]
        results[rule.id] = _rule_result(rule, st.evaluated, st.passed)
        results[rule.id]["samples"] = st.samples[: rs.samples]
        if cache and rule.id in fps:
            cache.new[fps[rule.id]] = st
    return rows, counted


def _unreadable(rs: RuleSet, ctx: Ctx, bad: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Storage that cannot be read: catalog-level rules still run; data rules are not assessable."""
    reason = ("缺少输入：数据文件不可读", "missing input: the data files cannot be read")
    results = {}
    for rule in rs.rules:
        if rule.check.kind == "meta":
            out = rule.check.fn(ctx, rule.params)
            results[rule.id] = _rule_result(rule, out.evaluated, out.passed, metrics=out.metrics)
            results[rule.id]["samples"] = out.samples[: rs.samples]
        else:
            results[rule.id] = _rule_result(rule, None, None, reason=reason)
    return [results[r.id] for r in rs.rules]


def resolve_rules(ws: Workspace, code: str, rules: RuleSet | Path | None, *, as_of: dt.datetime | None = None) -> RuleSet:
    """The rule set to run: the one given, else the workspace's ``rules/<code>.yaml``, else the suggested rules."""
    if isinstance(rules, RuleSet):
        return rules
    if isinstance(rules, Path):
        return load_rules(rules)
    own = rules_path(ws, code)
    if own.exists():
        return load_rules(own)
    from shuzhi.quality.suggest import suggest_rules

    return suggest_rules(ws, code, as_of=as_of)


def run_quality(
    ws: Workspace, code: str, *, rules: RuleSet | Path | None = None, version: int | None = None,
    as_of: dt.datetime | None = None, samples: int | None = None, steps: Steps | None = None, recompute: bool = False,
) -> dict[str, Any]:
    """Assess a dataset version with a rule set, store the run, and return its result.

    Everything is validated first (rule file, columns, referenced datasets); a bad rule
    file runs nothing and stores nothing. Row rules reuse the counts stored for earlier
    segments of the version (:mod:`shuzhi.quality.states`) unless ``recompute``.
    """
    started = time.perf_counter()
    started_at = utcnow()
    entry = _entry(ws, code, version)
    rs = resolve_rules(ws, code, rules, as_of=as_of)
    if rs.dataset and rs.dataset != code:
        raise ConfigError(f"规则文件 {rs.source} 针对资源 {rs.dataset}，不是 {code}", f"rule file {rs.source} is for dataset {rs.dataset}, not {code}")
    if samples is not None:
        rs = replace(rs, samples=samples)
    check_columns(rs, [c["name"] for c in entry["items"]], dataset=code)
    refs = _refs(ws, rs)
    readable, files, bad = probe(entry["storage_uri"])
    entry["storage_probe"] = lambda: (readable, files, bad)
    when = (as_of or rs.as_of or dt.datetime.now()).replace(tzinfo=None)
    rows: int | None
    cache: StateCache | None = None
    if bad:
        ctx = Ctx(data=DatasetRef(code, entry["shown_version"], None, {}), as_of=when, entry=entry, defaults=defaults())  # type: ignore[arg-type]
        rows, rule_results = None, _unreadable(rs, ctx, bad)
    else:
        if steps:
            steps("编译规则", "compiling rules")
        cache = _state_cache(ws, code, entry, reuse=not recompute)
        rows, rule_results = evaluate(ws.engine, _open(ws, entry), rs, as_of=when, entry=entry, refs=refs, steps=steps, cache=cache)
    dims = score_dimensions(rule_results, rs.scoring["weights"])
    score, grade = overall(dims, rs.scoring["grades"])
    result = {
        "dataset": code, "title": entry["title"], "version": entry["shown_version"], "rows": rows,
        "engine": ws.engine.name, "run_id": None, "started_at": started_at.isoformat(timespec="seconds") + "Z",
        "as_of": when.isoformat(timespec="seconds"), "rules_source": rs.source,
        "score": score, "grade": grade, "grades": rs.scoring["grades"], "dimensions": dims,
        "rules": rule_results, "anomalies": [], "duration_s": 0.0,
    }
    previous = [h["result"] for h in _runs(ws, code)]
    result["anomalies"] = detect(result, previous, rs.anomaly)
    result["duration_s"] = round(time.perf_counter() - started, 3)
    result["run_id"] = _store(ws, code, result)
    if cache is not None:
        cache.save()
    return result


def _state_cache(ws: Workspace, code: str, entry: dict[str, Any], *, reuse: bool) -> StateCache:
    with ws.store.session() as s:
        v = s.scalars(
            sa.select(DatasetVersion).join(Dataset).where(Dataset.code == code, DatasetVersion.version == entry["shown_version"])
        ).one()
        segments = version_segments(v, ws.storage)
        return StateCache(ws, v.dataset_id, segments, entry["storage_uri"], ws.engine.name, reuse=reuse)


def _runs(ws: Workspace, code: str) -> list[dict[str, Any]]:
    with ws.store.session() as s:
        found = s.execute(
            sa.select(QualityRun.id, QualityRun.result).join(Dataset).where(Dataset.code == code).order_by(QualityRun.id)
        ).all()
    return [{"run_id": rid, "result": res} for rid, res in found]


def _store(ws: Workspace, code: str, result: dict[str, Any]) -> int:
    with ws.store.session() as s:
        dataset_id = s.scalar(sa.select(Dataset.id).where(Dataset.code == code))
        run = QualityRun(
            dataset_id=dataset_id, version=result["version"], engine=result["engine"],
            started_at=dt.datetime.fromisoformat(result["started_at"].removesuffix("Z")), duration_s=result["duration_s"],
            rows=result["rows"], score=result["score"], grade=result["grade"], rules_source=result["rules_source"], result=result,
        )
        s.add(run)
        s.flush()
        run.result = {**result, "run_id": run.id}
        return run.id


def quality_history(ws: Workspace, code: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Earlier runs of a dataset, oldest first: scores per dimension, rows, anomalies."""
    show_dataset(ws, code)  # NotFoundError for an unknown dataset
    runs = _runs(ws, code)
    if limit:
        runs = runs[-limit:]
    return [
        {"run_id": h["run_id"], "started_at": r["started_at"], "version": r["version"], "rows": r["rows"], "engine": r["engine"],
         "score": r["score"], "grade": r["grade"], "dimensions": {k: d["score"] for k, d in r["dimensions"].items()},
         "failed_rules": sum(1 for x in r["rules"] if x["status"] == "fail"), "anomalies": r.get("anomalies", [])}
        for h in runs
        for r in [h["result"]]
    ]
