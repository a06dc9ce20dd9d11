"""Derived versions: a table computed from a stored version (masked, anonymized) becomes a version of
another dataset, with a lineage record saying where it came from and how.

The same crash-safe path as :func:`shuzhi.catalog.ingest.ingest`: the table is written to private
scratch space and profiled, then one transaction registers the version, its lineage and the
caller's audit event, and the folder is renamed into place just before the commit. Deriving again
with the same source version and the same recipe (``recipe_digest``) creates nothing.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable
from typing import Any

import ibis.expr.types as ir
import sqlalchemy as sa

from shuzhi.catalog.ingest import (
    IngestResult,
    _fsync_tree,
    _latest,
    _register,
    _sweep_orphans,
)
from shuzhi.catalog.metadata import DatasetMeta, validate_meta
from shuzhi.catalog.profile import profile
from shuzhi.errors import MetadataError
from shuzhi.sources.stage import Staged
from shuzhi.store import Dataset
from shuzhi.store.models import Lineage
from shuzhi.workspace import Workspace


def derive(
    ws: Workspace,
    table: ir.Table,
    *,
    meta: DatasetMeta,
    source: tuple[str, int],
    kind: str,
    recipe_digest: str,
    details: dict[str, Any],
    actor: str,
    audit: Callable[[sa.orm.Session, int], None] | None = None,
) -> IngestResult:
    """Write ``table`` as the next version of ``meta.code``, derived from ``source`` (code, version).

    ``details`` (policy, per-column transforms, key ids — never key material) go to the lineage
    record; ``audit(session, version)`` records the action in the same transaction.
    """
    started = time.monotonic()
    src_code, src_version = source
    if meta.code == src_code:
        raise MetadataError(f"派生资源不能覆盖源资源 {src_code}：请用 --out 指定另一个资源代码",
                            f"a derived dataset cannot overwrite its source {src_code}: give another code with --out")
    checksum = f"derived:{recipe_digest}"
    label = f"{kind}:{src_code}@v{src_version}"
    latest = _latest(ws, meta.code)
    if latest is not None and latest.checksum == checksum:
        return IngestResult(meta.code, latest.version, "unchanged", latest.row_count, len(latest.columns), checksum, label,
                            "parquet", None, round(time.monotonic() - started, 3))
    storage = ws.storage
    ws.sweep_staging()
    with ws.staging() as work:
        out = storage.new_location(meta.code) if storage.is_uri else str(work / "data")
        committed = False
        try:
            ws.engine.write_parquet(table, out)
            rows, profiles = profile(ws.engine, ws.engine.read_parquet(out))
            names = [p.name for p in profiles]
            staged = Staged(label, "parquet", checksum, None, names, names, is_file=False,
                            options={"derived_from": {"code": src_code, "version": src_version, "kind": kind}})
            segments = [{"id": uuid.uuid4().hex[:12], "files": storage.parts(out), "rows": rows, "checksum": checksum}]
            if not storage.is_uri:
                _fsync_tree(out)

            def also(s: sa.orm.Session, ds: Dataset, number: int) -> None:
                source_id = s.scalar(sa.select(Dataset.id).where(Dataset.code == src_code))
                s.add(Lineage(dataset_id=ds.id, version=number, source_dataset_id=source_id, source_version=src_version,
                              kind=kind, details=details, created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                              created_by=actor))
                s.flush()
                if audit is not None:
                    audit(s, number)

            with ws.writer_lock():
                _sweep_orphans(ws)
                version = _register(ws, meta, staged, out, rows, profiles, time.monotonic() - started, meta.code,
                                    segments, None, also)
                committed = True
        finally:
            if storage.is_uri and not committed:
                storage.remove(out)
    return IngestResult(meta.code, version, "created", rows, len(profiles), checksum, label, "parquet", None,
                        round(time.monotonic() - started, 3))



def derived_meta(source: dict[str, Any], *, code: str, title: str, summary: str) -> DatasetMeta:
    """Catalog metadata of a dataset derived from the entry ``source`` (``show_dataset``): what the data is
    (资源分类, 基础库, 业务领域, 提供方, 更新周期, 标签) is inherited, the source is listed as related."""
    return validate_meta({"code": code, "title": title, "summary": summary, "provider": source.get("provider"),
                          "provider_code": source.get("provider_code"), "category": source.get("category"),
                          "base_library": source.get("base_library"), "domain": source.get("domain"),
                          "update_cycle": source.get("update_cycle"), "tags": source.get("tags") or [],
                          "related": [source["code"]]})
