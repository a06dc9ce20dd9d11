"""Mergeable per-rule counts, so that re-assessing an appended version scans only the new rows.

A version is a list of segments (:func:`shuzhi.catalog.ingest.version_segments`): a full
ingest has one, each ``--append`` adds one and keeps the earlier ones. For every row rule
a run stores a *state* — evaluated (B), passed (A) and up to N failing samples — for the
prefix of segments it covered. Counts of row rules add up over disjoint rows, so the next
run looks up the longest stored prefix of its version, evaluates the rule only on the
segments after it, and adds.

A state is keyed by a fingerprint of everything its counts depend on: the check and its
parameters, the ``where`` filter, the catalog types of the columns, the declared update
cycle, the assessment time where the check reads it (its day for ``id_card``, the instant
for row freshness), the engine, and a digest of shuzhi's own quality code and reference
data — a changed rule, type or release never reuses old counts.

Dataset-level aggregates (row count, the latest update time), uniqueness, cross-dataset
and catalog rules are not states: they are computed on the whole version each run
(uniqueness and joins read only their key columns; the aggregates are cheap).

>>> prefix_keys(["a", "b"]) == [prefix_keys(["a"])[0], prefix_keys(["a", "b"])[1]]
True
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

import shuzhi
from shuzhi.errors import StoreError
from shuzhi.quality.context import Ctx
from shuzhi.quality.rules import Rule
from shuzhi.store import QualityState
from shuzhi.store.models import utcnow
from shuzhi.workspace import Workspace

#: bump when the meaning of a stored state changes
STATE_FORMAT = 1

#: a dataset keeps the states written by its last this many runs; older ones are deleted when a run saves
KEEP_RUNS = 8

#: shuzhi's code and data that counts depend on (a change invalidates every state)
_SOURCES = ("quality", "standards", "catalog/dtypes.py", "engine/condition.py")


@functools.cache
def code_digest() -> str:
    """Digest of the installed quality checks, validators and reference data."""
    h = hashlib.sha256(f"{shuzhi.__version__}/{STATE_FORMAT}".encode())
    root = resources.files("shuzhi")
    stack = [root.joinpath(p) for p in _SOURCES]
    files = []
    while stack:
        node = stack.pop()
        if node.is_dir():
            stack.extend(c for c in node.iterdir() if c.name != "__pycache__")
        elif node.name.endswith((".py", ".csv", ".yaml", ".json")):
            files.append(node)
    for f in sorted(files, key=str):
        h.update(str(f).removeprefix(str(root)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def prefix_keys(segment_ids: list[str]) -> list[str]:
    """Key of each prefix ``segment_ids[:1]``, ``[:2]``, … (a running digest)."""
    keys, h = [], hashlib.sha256()
    for sid in segment_ids:
        h.update(sid.encode() + b"\0")
        keys.append(h.copy().hexdigest())
    return keys


def fingerprint(rule: Rule, *, engine: str, dtypes: dict[str, str], entry: dict[str, Any], as_of: dt.datetime) -> str:
    when = {"date": as_of.date().isoformat(), "time": as_of.isoformat()}.get(rule.check.as_of or "")
    key = {
        "code": code_digest(), "engine": engine, "check": rule.check.name, "params": rule.params.model_dump(mode="json"),
        "where": rule.where, "dtypes": sorted(dtypes.items()), "cycle": entry.get("update_cycle"), "as_of": when,
    }
    return hashlib.sha256(json.dumps(key, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


@dataclass
class State:
    evaluated: int
    passed: int
    samples: list[dict[str, Any]]
    #: how many samples were asked for when these were collected
    limit: int

    def serves(self, limit: int) -> bool:
        """Its samples are enough for a run asking for ``limit``."""
        return self.limit >= limit or len(self.samples) >= self.evaluated - self.passed

    def plus(self, other: State, limit: int) -> State:
        return State(self.evaluated + other.evaluated, self.passed + other.passed,
                     (self.samples + other.samples)[:limit], limit)


@dataclass
class StateCache:
    """The stored states of one dataset version, and the new ones a run computes."""

    ws: Workspace
    dataset_id: int
    segments: list[dict[str, Any]]
    #: the version's storage folder
    location: str
    engine: str
    #: False: look nothing up (a full recompute), but still store the new states
    reuse: bool = True
    keys: list[str] = field(init=False)
    new: dict[str, State] = field(default_factory=dict)  # fingerprint → state of the whole version

    def __post_init__(self) -> None:
        self.keys = prefix_keys([str(g["id"]) for g in self.segments])

    def fingerprint(self, rule: Rule, ctx: Ctx) -> str:
        return fingerprint(rule, engine=self.engine, dtypes=ctx.data.dtypes, entry=ctx.entry, as_of=ctx.as_of)

    def files_after(self, covered: int) -> list[str]:
        """Part files of the segments after the first ``covered`` ones."""
        return [f for g in self.segments[covered:] for f in g["files"]]

    def longest(self, fingerprints: list[str], limit: int) -> dict[str, tuple[int, State | None]]:
        """fingerprint → (segments covered by the longest usable stored state, that state)."""
        if not self.reuse:
            return {fp: (0, None) for fp in fingerprints}
        with self.ws.store.session() as s:
            rows = s.execute(
                sa.select(QualityState.prefix, QualityState.fingerprint, QualityState.state).where(
                    QualityState.dataset_id == self.dataset_id, QualityState.prefix.in_(self.keys),
                    QualityState.fingerprint.in_(fingerprints),
                )
            ).all()
        depth = {k: i + 1 for i, k in enumerate(self.keys)}
        best: dict[str, tuple[int, State | None]] = {fp: (0, None) for fp in fingerprints}
        for prefix, fp, raw in rows:
            state = State(**raw)
            if depth[prefix] > best[fp][0] and state.serves(limit):
                best[fp] = (depth[prefix], state)
        return best

    def save(self) -> None:
        """Store the states computed by this run (a cache: a concurrent run storing the same ones is fine),
        and delete the dataset's states that none of its last :data:`KEEP_RUNS` runs wrote.

        Every run rewrites the states it used, so what the next run on this version or an appended
        one needs is always among the newest. Without pruning the table would grow with every run:
        the ID check's states change with the assessment day, row freshness's with the instant.
        """
        if not self.new:
            return
        key = self.keys[-1]
        now = utcnow()
        try:
            with self.ws.store.session() as s:
                s.execute(sa.delete(QualityState).where(
                    QualityState.dataset_id == self.dataset_id, QualityState.prefix == key,
                    QualityState.fingerprint.in_(list(self.new)),
                ))
                s.add_all(
                    QualityState(dataset_id=self.dataset_id, prefix=key, fingerprint=fp, created_at=now,
                                 state={"evaluated": st.evaluated, "passed": st.passed, "samples": st.samples, "limit": st.limit})
                    for fp, st in self.new.items()
                )
                s.flush()
                oldest_kept = s.scalar(
                    sa.select(QualityState.created_at).where(QualityState.dataset_id == self.dataset_id).distinct()
                    .order_by(QualityState.created_at.desc()).offset(KEEP_RUNS - 1).limit(1)
                )
                if oldest_kept is not None:
                    s.execute(sa.delete(QualityState).where(
                        QualityState.dataset_id == self.dataset_id, QualityState.created_at < oldest_kept,
                    ))
        except (IntegrityError, StoreError):
            pass
