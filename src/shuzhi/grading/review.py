"""Machine + human labelling (机器+人工): stored scans, a steward's accept or override per column, audited.

After ``shuzhi scan CODE`` (a catalog dataset) every column has a label per template:

- ``pending``: the machine's label, not yet reviewed — or reviewed, accepted, and the machine's
  label has changed since (a re-scan re-asks only about such columns);
- ``accepted``: the steward confirmed the machine's label;
- ``overridden``: the steward set the category and level, with a reason. An override outlives
  re-scans of new versions; when the machine's label changes under it, ``changed`` says so.

Every decision is written with an audit event (``shuzhi.security.audit``) in the same transaction.
:func:`level_of` is the one function other modules ask for a dataset's or a column's level.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa

from shuzhi.errors import ConfigError, NotFoundError
from shuzhi.grading.engine import DEFAULT_TEMPLATE, raise_level
from shuzhi.grading.templates import Template, load_template
from shuzhi.security.audit import record
from shuzhi.store.models import Dataset, GradingLabel, GradingScan, utcnow
from shuzhi.workspace import Workspace

STATUSES = ("pending", "accepted", "overridden")


def fingerprint(column: dict[str, Any]) -> str:
    """What a decision is about: the entities found, the machine's category and level."""
    key = {"entities": sorted(e["type"] for e in column["entities"]), "category": column["category"], "level": column["level"]}
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()


@dataclass
class Label:
    column: str
    title: str | None
    entities: list[dict[str, Any]]
    machine_category: str
    machine_level: str
    evidence: list[str]
    status: str
    category: str
    level: str
    #: the machine's label changed since the steward decided
    changed: bool
    reason: str | None
    reviewer: str | None
    decided_at: str | None
    version: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _dataset_id(s: sa.orm.Session, code: str) -> int:
    found = s.scalar(sa.select(Dataset.id).where(Dataset.code == code))
    if found is None:
        raise NotFoundError(f"目录中没有资源 {code!r}", f"no dataset {code!r} in the catalog")
    return found


def save_scan(ws: Workspace, code: str, result: dict[str, Any]) -> None:
    """Store a dataset scan (the ``assess`` result) and bring the column labels up to date."""
    with ws.writer_lock(), ws.store.session() as s:
        ds = _dataset_id(s, code)
        template = result["template"]
        s.add(GradingScan(dataset_id=ds, version=result["version"], template=template,
                          template_version=result["template_version"], dataset_level=result["dataset_level"],
                          rows_scanned=result["rows_scanned"], sampled=result["sampled"], result=result))
        stored = {lab.column: lab for lab in s.scalars(
            sa.select(GradingLabel).where(GradingLabel.dataset_id == ds, GradingLabel.template == template))}
        for col in result["columns"]:
            fp = fingerprint(col)
            machine = {k: col[k] for k in ("title", "entities", "category", "category_path", "level", "level_name", "evidence")}
            lab = stored.pop(col["name"], None)
            if lab is None:
                s.add(GradingLabel(dataset_id=ds, template=template, column=col["name"], version=result["version"], machine=machine,
                                   fingerprint=fp, status="pending", category=col["category"], level=col["level"]))
                continue
            lab.machine, lab.fingerprint, lab.version = machine, fp, result["version"]
            if lab.status == "overridden":
                continue  # the steward's label stands; `changed` shows a new machine label
            if lab.status == "accepted" and lab.reviewed_fingerprint == fp:
                continue
            lab.status, lab.category, lab.level = "pending", col["category"], col["level"]
        for gone in stored.values():  # columns the new version no longer has
            s.delete(gone)


def _label(lab: GradingLabel) -> Label:
    m = lab.machine
    return Label(
        column=lab.column, title=m.get("title"), entities=m["entities"], machine_category=m["category"], machine_level=m["level"],
        evidence=list(m.get("evidence", [])), status=lab.status, category=lab.category, level=lab.level,
        changed=lab.status != "pending" and lab.reviewed_fingerprint != lab.fingerprint,
        reason=lab.reason, reviewer=lab.reviewer,
        decided_at=lab.decided_at.isoformat(timespec="seconds") + "Z" if lab.decided_at else None, version=lab.version,
    )


def _latest_scan(s: sa.orm.Session, ds: int, template: str) -> GradingScan | None:
    return s.scalars(sa.select(GradingScan).where(GradingScan.dataset_id == ds, GradingScan.template == template)
                     .order_by(GradingScan.id.desc()).limit(1)).first()


def scanned_codes(ws: Workspace, *, template: str = DEFAULT_TEMPLATE) -> list[str]:
    """Codes of the datasets scanned with ``template``, in catalog order."""
    with ws.store.session() as s:
        return list(s.scalars(sa.select(Dataset.code).where(Dataset.id.in_(
            sa.select(GradingScan.dataset_id).where(GradingScan.template == template))).order_by(Dataset.code)))


def labels(ws: Workspace, code: str, *, template: str = DEFAULT_TEMPLATE) -> list[Label]:
    """The current labels of a dataset's columns under ``template``, in the order of the latest scan."""
    load_template(template)
    with ws.store.session() as s:
        ds = _dataset_id(s, code)
        scan = _latest_scan(s, ds, template)
        if scan is None:
            raise ConfigError(f"资源 {code} 尚未以模板 {template} 扫描，请先运行 shuzhi scan {code} --template {template}",
                              f"dataset {code} has not been scanned with template {template}: run shuzhi scan {code} --template {template}")
        order = {c["name"]: i for i, c in enumerate(scan.result["columns"])}
        found = s.scalars(sa.select(GradingLabel).where(GradingLabel.dataset_id == ds, GradingLabel.template == template)).all()
        return sorted((_label(lab) for lab in found), key=lambda lab: order.get(lab.column, len(order)))


def _check_columns(names: list[str], known: dict[str, GradingLabel], code: str) -> None:
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ConfigError(f"资源 {code} 没有列 {'、'.join(unknown)}；可用：{'、'.join(known)}",
                          f"dataset {code} has no column {', '.join(unknown)}; known: {', '.join(known)}")


def _check_override(t: Template, column: str, level: str, category: str | None) -> None:
    if level not in t.level_ids:
        raise ConfigError(f"列 {column}：模板 {t.template} 没有级别 {level!r}；可用：{'、'.join(t.level_ids)}",
                          f"column {column}: template {t.template} has no level {level!r}; known: {', '.join(t.level_ids)}")
    if category is not None and category not in t.category_ids:
        raise ConfigError(f"列 {column}：模板 {t.template} 没有类别 {category!r}；可用：{'、'.join(t.category_ids)}",
                          f"column {column}: template {t.template} has no category {category!r}; known: {', '.join(t.category_ids)}")


def review(ws: Workspace, code: str, *, template: str = DEFAULT_TEMPLATE, accept: list[str] | None = None,
           accept_all: bool = False, overrides: dict[str, tuple[str, str | None]] | None = None,
           reason: str | None = None, reviewer: str) -> list[Label]:
    """Accept machine labels (``accept``, or every pending one with ``accept_all``) and override others
    (``overrides``: column → (level, category or None to keep the current one), with a ``reason``).

    Everything is checked before anything is written; all decisions and their audit events are
    one transaction. Returns the labels afterwards.
    """
    t = load_template(template)
    accept, overrides = list(accept or []), dict(overrides or {})
    if overrides and not (reason and reason.strip()):
        raise ConfigError("人工改定级别须填写理由（--reason）", "an override needs a reason (--reason)")
    if not reviewer.strip():
        raise ConfigError("须填写复核人（--reviewer）", "a reviewer is required (--reviewer)")
    both = set(accept) & set(overrides)
    if both:
        raise ConfigError(f"列 {'、'.join(sorted(both))} 不能同时接受和改定", f"column(s) {', '.join(sorted(both))} cannot be both accepted and overridden")
    for column, (level, category) in overrides.items():
        _check_override(t, column, level, category)
    labels(ws, code, template=template)  # a scan must exist
    with ws.writer_lock(), ws.store.session() as s:
        ds = _dataset_id(s, code)
        known = {lab.column: lab for lab in s.scalars(
            sa.select(GradingLabel).where(GradingLabel.dataset_id == ds, GradingLabel.template == template))}
        _check_columns([*accept, *overrides], known, code)
        chosen = [*accept, *(c for c, lab in known.items() if accept_all and lab.status == "pending" and c not in accept and c not in overrides)]
        now = utcnow()
        for column in chosen:
            lab = known[column]
            before = {"status": lab.status, "category": lab.category, "level": lab.level}
            lab.status, lab.category, lab.level = "accepted", lab.machine["category"], lab.machine["level"]
            _decided(s, lab, code, template, "grade.accept", before, None, reviewer, now)
        for column, (level, category) in overrides.items():
            lab = known[column]
            before = {"status": lab.status, "category": lab.category, "level": lab.level}
            lab.status, lab.level, lab.category = "overridden", level, category or lab.category
            _decided(s, lab, code, template, "grade.override", before, reason, reviewer, now)
    return labels(ws, code, template=template)


def _decided(s: sa.orm.Session, lab: GradingLabel, code: str, template: str, action: str, before: dict[str, str],
             reason: str | None, reviewer: str, now: dt.datetime) -> None:
    lab.reviewed_fingerprint, lab.reason, lab.reviewer, lab.decided_at = lab.fingerprint, reason, reviewer, now
    record(s, actor=reviewer, action=action, target=f"dataset:{code}/column:{lab.column}",
           details={"template": template, "version": lab.version, "before": before,
                    "after": {"status": lab.status, "category": lab.category, "level": lab.level},
                    "machine": {"category": lab.machine["category"], "level": lab.machine["level"],
                                "entities": [e["type"] for e in lab.machine["entities"]]},
                    "reason": reason})


def level_of(ws: Workspace, code: str, column: str | None = None, *, template: str = DEFAULT_TEMPLATE) -> dict[str, Any]:
    """The level of a dataset (``column=None``) or of one column, as reviewed: a steward's override or
    acceptance where there is one, the machine's label otherwise. The one function masking and
    sharing call.

    Returns ``level`` (the template's level id), ``rank`` (0 = lowest) and ``top`` (the highest rank),
    ``level_name``, ``category`` (a column's) and ``status``.
    """
    t = load_template(template)
    found = labels(ws, code, template=template)
    if column is not None:
        lab = next((x for x in found if x.column == column), None)
        if lab is None:
            raise ConfigError(f"资源 {code} 没有列 {column!r}", f"dataset {code} has no column {column!r}")
        return {"level": lab.level, "rank": t.rank(lab.level), "top": len(t.level_ids) - 1, "level_name": t.level(lab.level).name,
                "category": lab.category, "status": lab.status, "template": template}
    with ws.store.session() as s:
        scan = _latest_scan(s, _dataset_id(s, code), template)
        assert scan is not None
        result = scan.result
    present = {e["type"] for lab in found for e in lab.entities}
    domain = t.domain((result.get("domain") or {}).get("given"))
    rank, raises = raise_level(t, max((t.rank(x.level) for x in found), default=t.rank(t.default_level)), present, result.get("rows"),
                               domain=domain)
    level = t.level_ids[rank]
    pending = sum(1 for x in found if x.status == "pending")
    return {"level": level, "rank": rank, "top": len(t.level_ids) - 1, "level_name": t.level(level).name, "raises": raises,
            "status": "pending" if pending else "reviewed", "pending_columns": pending, "template": template}
