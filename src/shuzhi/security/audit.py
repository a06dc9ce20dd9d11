"""The audit trail: every sensitive action, chained by hash so that a changed or removed entry shows.

Each event's ``hash`` is the SHA-256 of the previous event's hash and the event's own fields
(canonical JSON); the first event follows ``GENESIS``. Write events in the same transaction as
the action they record, under the workspace writer lock (one writer, so the chain cannot fork).

>>> from shuzhi.config import Settings
>>> from shuzhi.store import open_store
>>> store = open_store(Settings(home="/tmp/shuzhi-doctest-audit"))
>>> with store.session() as s:
...     e = record(s, actor="steward", action="doctest", target="nothing", details={"n": 1})
...     verify(s)
[]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from shuzhi.store.models import AuditEvent, utcnow

GENESIS = "0" * 64


def _digest(prev: str, at: dt.datetime, actor: str, action: str, target: str, details: dict[str, Any]) -> str:
    payload = {"prev": prev, "at": at.isoformat(timespec="microseconds"), "actor": actor, "action": action,
               "target": target, "details": details}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(session: Session, *, actor: str, action: str, target: str, details: dict[str, Any]) -> AuditEvent:
    """Append one event to the chain (flushed, committed with the caller's transaction)."""
    prev = session.scalar(sa.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or GENESIS
    at = utcnow()
    event = AuditEvent(at=at, actor=actor, action=action, target=target, details=details, prev_hash=prev,
                       hash=_digest(prev, at, actor, action, target, details))
    session.add(event)
    session.flush()
    return event


def verify(session: Session) -> list[str]:
    """Problems in the chain, in order (empty: intact): an edited event, or a gap where one was removed."""
    problems = []
    prev = GENESIS
    for e in session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id)):
        if e.prev_hash != prev:
            problems.append(f"event {e.id}: does not follow the event before it (one was removed or reordered)")
        if _digest(e.prev_hash, e.at, e.actor, e.action, e.target, e.details) != e.hash:
            problems.append(f"event {e.id}: its content does not match its hash (edited)")
        prev = e.hash
    return problems


def events(session: Session, *, target_prefix: str | None = None, action: str | None = None) -> list[dict[str, Any]]:
    """Events oldest first, optionally of one action or whose target starts with ``target_prefix``."""
    q = sa.select(AuditEvent).order_by(AuditEvent.id)
    if action:
        q = q.where(AuditEvent.action == action)
    if target_prefix:
        q = q.where(AuditEvent.target.startswith(target_prefix, autoescape=True))
    return [{"id": e.id, "at": e.at.isoformat(timespec="seconds") + "Z", "actor": e.actor, "action": e.action,
             "target": e.target, "details": e.details, "hash": e.hash} for e in session.scalars(q)]
