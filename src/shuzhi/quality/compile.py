"""Compile a rule set into engine work: one aggregate for every expr rule, one query per query rule.

Row rules become integer columns (1 pass, 0 fail, NULL not evaluated) projected
once, so each predicate is computed once per row; the aggregate counts and sums
them together with the dataset-level aggregates (row count, latest update) in a
single SELECT — one scan of the data however many rules there are.

Nothing here executes: :mod:`shuzhi.quality.run` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import ibis
import ibis.expr.types as ir

from shuzhi.engine.condition import parse_condition, to_ibis
from shuzhi.errors import ConfigError
from shuzhi.quality.context import Ctx, Staging
from shuzhi.quality.registry import NotAssessable, Query
from shuzhi.quality.rules import Rule


@dataclass
class Plan:
    #: one-row table: ``__rows`` plus ``<i>_e`` (evaluated) and ``<i>_p`` (passed) per expr rule
    aggregate: ir.Table
    #: rule id → aggregate column prefix
    slots: dict[str, str] = field(default_factory=dict)
    #: rule id → per-row predicate on ``table`` (for failing samples)
    predicates: dict[str, ir.BooleanValue] = field(default_factory=dict)
    #: the stored table staged for the checks (code-list joins, derived columns)
    table: ir.Table | None = None
    #: ``table`` plus one column per row rule (``slots``): 1 pass, 0 fail, NULL not evaluated
    projected: ir.Table | None = None
    queries: dict[str, Query] = field(default_factory=dict)
    #: query rule id → aggregate column counting the rows it evaluates (:attr:`Query.evaluates`)
    counted: dict[str, str] = field(default_factory=dict)
    meta: list[Rule] = field(default_factory=list)
    #: rule id → (zh, en) reason it cannot be assessed
    not_assessable: dict[str, tuple[str, str]] = field(default_factory=dict)


def where_of(ctx: Ctx, rule: Rule) -> ir.BooleanValue | None:
    if rule.where is None:
        return None
    return to_ibis(parse_condition(rule.where), ctx.typed).fill_null(False)


def _filtered(ctx: Ctx, where: ir.BooleanValue | None) -> Ctx:
    if where is None:
        return ctx
    return replace(ctx, data=replace(ctx.data, table=ctx.table.filter(where)))


def _plan_exprs(ctx: Ctx, rules: list[Rule], plan: Plan) -> dict[str, Any]:
    """Call every expr check once; returns rule id → its output (predicate or aggregate pair)."""
    outputs: dict[str, Any] = {}
    for rule in rules:
        if rule.check.kind != "expr" or rule.id in plan.not_assessable:
            continue
        try:
            outputs[rule.id] = rule.check.fn(ctx, rule.params)
        except NotAssessable as e:
            plan.not_assessable[rule.id] = (e.zh, e.en)
    return outputs


def compile_rules(ctx: Ctx, rules: list[Rule]) -> Plan:
    """Build the aggregate, the per-rule queries and the list of catalog-level rules."""
    plan = Plan(aggregate=ctx.table)
    for rule in rules:
        if rule.check.kind == "meta":
            plan.meta.append(rule)
        elif rule.check.kind == "query":
            try:
                plan.queries[rule.id] = rule.check.fn(_filtered(ctx, where_of(ctx, rule)), rule.params)
            except NotAssessable as e:
                plan.not_assessable[rule.id] = (e.zh, e.en)
    # the first pass records code-list lookups and derived columns; the second builds every predicate on the staged table
    staging = Staging(ctx.table, ctx.code_table)
    _plan_exprs(replace(ctx, staging=staging), rules, plan)
    t = staging.stage()
    bound = replace(ctx, data=replace(ctx.data, table=t), staging=staging)
    preds: dict[str, ir.BooleanValue] = {}
    aggregates: list[Rule] = []
    for rule in rules:
        out = _plan_exprs(bound, [rule], plan).get(rule.id)
        if out is None:
            continue
        where = where_of(bound, rule)
        if isinstance(out, tuple):
            if where is not None:
                raise ConfigError(f"规则 {rule.id}：检查 {rule.check.name} 不支持 where", f"rule {rule.id}: check {rule.check.name} does not support where")
            aggregates.append(rule)
            continue
        preds[rule.id] = out if where is None else ibis.ifelse(where, out, ibis.null("boolean"))
    names = {rid: f"__q{i}" for i, rid in enumerate(preds)}
    projected = t.mutate(**{names[rid]: pred.cast("int8") for rid, pred in preds.items()}) if preds else t
    metrics: dict[str, ir.Scalar] = {"__rows": projected.count()}
    for rid, name in names.items():
        metrics[f"{name}_e"] = projected[name].count()
        metrics[f"{name}_p"] = projected[name].cast("int64").sum()
        plan.slots[rid] = name
    final = replace(ctx, data=replace(ctx.data, table=projected))
    by_id = {r.id: r for r in rules}
    for i, (rid, query) in enumerate(plan.queries.items()):
        if query.evaluates is not None:
            where = where_of(final, by_id[rid])
            evaluated = query.evaluates(projected) if where is None else query.evaluates(projected) & where
            metrics[f"__c{i}"] = evaluated.cast("int64").sum().fill_null(0)
            plan.counted[rid] = f"__c{i}"
    for i, rule in enumerate(aggregates):
        evaluated, passed = rule.check.fn(final, rule.params)
        name = f"__a{i}"
        metrics[f"{name}_e"], metrics[f"{name}_p"] = evaluated, passed
        plan.slots[rule.id] = name
    plan.aggregate = projected.aggregate(**metrics)
    plan.predicates = preds
    plan.table = t
    plan.projected = projected
    return plan
