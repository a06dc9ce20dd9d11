"""Static masking: a dataset version → a masked version of another dataset, in one engine pass.

The plan comes first and touches nothing: each column's reviewed level and entities (from grading,
through :func:`shuzhi.grading.review.labels` / ``level_of``), the audience, and the policy decide
(:func:`shuzhi.masking.policy.decide`) keep, deny (the column is left out) or a transform. Then one
``SELECT`` of transform expressions is written as a new version (:func:`shuzhi.catalog.derive.derive`)
with its lineage — source version, audience, policy, per column the transform and key ids — and an
audit event, in one transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir

from shuzhi.catalog.derive import derive, derived_meta
from shuzhi.catalog.ingest import IngestResult
from shuzhi.catalog.queries import read_dataset, show_dataset
from shuzhi.errors import ConfigError
from shuzhi.grading.review import labels, level_of
from shuzhi.masking.keyed import DEFAULT_KEYS
from shuzhi.masking.policy import (
    DENY,
    KEEP,
    Decision,
    PolicyFile,
    decide,
    load_policy,
    refuses_dataset,
)
from shuzhi.masking.transforms import SHUFFLE_KEY, Context, apply, parse
from shuzhi.security import audit, keyring
from shuzhi.workspace import Workspace

AUDIENCE_NAMES = {"share": ("共享", "share"), "open": ("开放", "open"), "internal": ("内部", "internal")}


@dataclass
class ColumnPlan:
    column: str
    level: str | None
    category: str | None
    entities: list[str]
    decision: Decision

    def to_dict(self) -> dict[str, Any]:
        return {"column": self.column, "level": self.level, "category": self.category, "entities": self.entities,
                **self.decision.to_dict()}


@dataclass
class Plan:
    code: str
    version: int
    audience: str
    template: str
    dataset_level: str
    policy: str | None
    columns: list[ColumnPlan]
    out: str
    result: IngestResult | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {"dataset": self.code, "version": self.version, "audience": self.audience, "template": self.template,
                "dataset_level": self.dataset_level, "policy": self.policy, "out": self.out,
                "columns": [c.to_dict() for c in self.columns]}
        if self.result is not None:
            data["result"] = self.result.to_dict()
        return data


def plan(ws: Workspace, code: str, *, audience: str, template: str = "gov", policy: Path | None = None,
         out: str | None = None) -> Plan:
    """What masking ``code`` for ``audience`` would do to each column; reads nothing but metadata."""
    entry = show_dataset(ws, code)
    pf: PolicyFile | None = load_policy(policy) if policy else None
    if pf is not None and pf.dataset not in (None, code):
        raise ConfigError(f"策略文件 {pf.path} 是为资源 {pf.dataset} 写的，不是 {code}",
                          f"policy file {pf.path} is for dataset {pf.dataset}, not {code}")
    found = {lab.column: lab for lab in labels(ws, code, template=template)}
    columns = [c["name"] for c in entry["items"]]
    if pf is not None:
        unknown = sorted(set(pf.columns) - set(columns))
        if unknown:
            raise ConfigError(f"策略文件 {pf.path}：资源 {code} 没有列 {unknown}", f"policy file {pf.path}: dataset {code} has no columns {unknown}")
    dataset_level = level_of(ws, code, template=template)["level"]
    if refuses_dataset(template=template, level=dataset_level, audience=audience):
        zh, en = AUDIENCE_NAMES[audience]
        raise ConfigError(f"资源 {code} 的级别为 {dataset_level}，按模板 {template} 的策略不予{zh}",
                          f"dataset {code} is graded {dataset_level}: template {template}'s policy does not deliver it to {en}")
    plans = []
    for name in columns:
        lab = found.get(name)
        entities = [e["type"] for e in lab.entities] if lab else []
        level = lab.level if lab else None
        override = pf.override(name, lab.category if lab else None) if pf else None
        if lab is None and override is None:
            # a column the scan has not seen (a newer version than the scan): never pass it unexamined
            raise ConfigError(f"列 {name} 没有分级结果：请重新运行 shuzhi scan {code}",
                              f"column {name} has no grade: run shuzhi scan {code} again")
        plans.append(ColumnPlan(name, level, lab.category if lab else None, entities,
                                decide(template=template, level=level, entities=entities, audience=audience, override=override)))
    if all(p.decision.action == DENY for p in plans):
        raise ConfigError(f"按策略，资源 {code} 的所有列都不予提供", f"the policy denies every column of {code}")
    return Plan(code, entry["version"], audience, template, dataset_level, pf.path if pf else None, plans,
                out or f"{code}_{audience}")


def _keys(ws: Workspace, actor: str) -> Any:
    """A resolver for the transforms: a default-named key is created on first use; a named one must exist."""
    master = keyring.MasterKey.from_settings(ws.settings)
    cache: dict[str, keyring.Key] = {}

    def resolve(name: str, purpose: str) -> keyring.Key:
        if name not in cache:
            with ws.store.session() as s:
                if name in DEFAULT_KEYS.values():
                    keyring.ensure(s, master, name=name, purpose=purpose, actor=actor)
                key = keyring.active(s, master, name)
            if key.purpose != purpose:
                raise ConfigError(f"密钥 {name} 的用途是 {key.purpose}，不能用于 {purpose}", f"key {name} is for {key.purpose}, not {purpose}")
            cache[name] = key
        return cache[name]

    return resolve


def mask_table(engine: str, table: ir.Table, columns: list[ColumnPlan], keys: Any = None) -> tuple[ir.Table, dict[str, Any]]:
    """``table`` with each planned column kept, left out (deny) or transformed: one ``SELECT``, nothing
    executed. ``keys(name, purpose)`` resolves keyring keys for the keyed transforms. Returns the
    expression and, per transformed column, what it used (transform, options, key ids)."""
    if any(c.decision.action == "shuffle" for c in columns):
        table = table.mutate(**{SHUFFLE_KEY: ibis.random()})  # one random key per row, shared by the windows
    exprs, used = [], {}
    for c in columns:
        if c.decision.action == DENY:
            continue
        if c.decision.action == KEEP:
            exprs.append(table[c.column])
            continue
        _, params = parse(c.decision.action, c.decision.options, where=f"column {c.column}")
        ctx = Context(engine, table, c.column, entity=c.entities[0] if c.entities else None, keys=keys)
        expr = apply(c.decision.action, params, table[c.column], ctx)
        if expr.type() != table[c.column].type() and table[c.column].type().is_string():
            expr = expr.cast("string")
        exprs.append(expr.name(c.column))
        used[c.column] = {"transform": c.decision.action, "options": c.decision.options, **ctx.used}
    return table.select(*exprs), used


def masked_table(ws: Workspace, p: Plan, *, actor: str) -> tuple[ir.Table, dict[str, Any]]:
    """The masked table of a plan over the stored version, with keys from the workspace keyring."""
    table = read_dataset(ws, p.code, p.version, typed=False)
    keys = _keys(ws, actor) if any(c.decision.action in _KEYED for c in p.columns) else None
    return mask_table(ws.engine.name, table, p.columns, keys)


#: the transforms that need a key (every one with a default key name)
_KEYED = frozenset(DEFAULT_KEYS)


def mask_dataset(ws: Workspace, code: str, *, audience: str, template: str = "gov", policy: Path | None = None,
                 out: str | None = None, actor: str, dry_run: bool = False) -> Plan:
    """Mask the latest version of ``code`` for ``audience`` into dataset ``out`` (default ``<code>_<audience>``).

    With ``dry_run`` only the plan is returned. The same source version and plan (transforms, options,
    key ids) again gives ``unchanged``; ``encrypt`` draws fresh data keys, so its runs always differ.
    End-to-end examples: tests/masking/test_static.py.
    """
    p = plan(ws, code, audience=audience, template=template, policy=policy, out=out)
    if dry_run:
        return p
    table, used = masked_table(ws, p, actor=actor)
    recipe = {"source": [code, p.version], "audience": audience, "template": template,
              "columns": [c.to_dict() for c in p.columns], "keys": {k: v.get("keys") for k, v in used.items()}}
    # encryption draws a fresh data key per run: such a run is never "the same" as an earlier one
    fresh = any("data_key" in v for v in used.values())
    digest = hashlib.sha256(json.dumps(recipe, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    if fresh:
        digest = hashlib.sha256((digest + json.dumps(used, sort_keys=True)).encode()).hexdigest()
    source = show_dataset(ws, code)
    zh, en = AUDIENCE_NAMES[audience]
    meta = derived_meta(source, code=p.out, title=f"{source.get('title') or code}（{zh}脱敏版）",
                        summary=f"由 {code} v{p.version} 按{zh}策略脱敏生成 (masked for {en})")
    details = {"audience": audience, "template": template, "dataset_level": p.dataset_level, "policy": p.policy,
               "columns": {c.column: used.get(c.column, {"transform": c.decision.action}) for c in p.columns}}

    def record(s: Any, version: int) -> None:
        audit.record(s, actor=actor, action="mask", target=f"{p.out}@v{version}",
                     details={"source": f"{code}@v{p.version}", "audience": audience, "policy": p.policy,
                              "columns": {c: v["transform"] for c, v in details["columns"].items()}})

    p.result = derive(ws, table, meta=meta, source=(code, p.version), kind="mask", recipe_digest=digest, details=details,
                      actor=actor, audit=record)
    return p
