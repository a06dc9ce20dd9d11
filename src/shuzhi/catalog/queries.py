"""Reading the catalog: list, show, search, and open a version as a typed Ibis table."""

from __future__ import annotations

from typing import Any

import ibis.expr.types as ir
import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from shuzhi.catalog.dtypes import typed_view
from shuzhi.catalog.search import search
from shuzhi.errors import NotFoundError
from shuzhi.store import Dataset, DatasetVersion
from shuzhi.store.models import Lineage
from shuzhi.workspace import Workspace


def _entry(ds: Dataset) -> dict[str, Any]:
    latest = ds.versions[-1] if ds.versions else None
    return {
        "code": ds.code,
        "title": ds.title,
        "provider": ds.provider,
        "provider_code": ds.provider_code,
        "summary": ds.summary,
        "category": ds.category,
        "base_library": ds.base_library,
        "domain": ds.domain,
        "share": {"type": ds.share_type, "condition": ds.share_condition, "method": ds.share_method},
        "open": {"type": ds.open_type, "condition": ds.open_condition},
        "update_cycle": ds.update_cycle,
        "publish_date": ds.publish_date.isoformat() if ds.publish_date else None,
        "related": list(ds.related or []),
        "tags": list(ds.tags or []),
        "version": latest.version if latest else None,
        "rows": latest.row_count if latest else None,
        "columns": len(latest.columns) if latest else 0,
        "format": latest.format if latest else None,
        "checksum": latest.checksum if latest else None,
        "updated_at": ds.updated_at.isoformat(timespec="seconds") + "Z",
    }


def _load(ws: Workspace, code: str) -> Dataset:
    with ws.store.session() as s:
        ds = s.scalars(
            sa.select(Dataset).where(Dataset.code == code)
            .options(selectinload(Dataset.versions).selectinload(DatasetVersion.columns))
        ).first()
    if ds is None:
        raise NotFoundError(f"目录中没有资源 {code!r}", f"no dataset {code!r} in the catalog", dataset=code)
    return ds


def list_datasets(ws: Workspace) -> list[dict[str, Any]]:
    """Every catalog entry with its latest version, by code."""
    with ws.store.session() as s:
        found = s.scalars(
            sa.select(Dataset).order_by(Dataset.code)
            .options(selectinload(Dataset.versions).selectinload(DatasetVersion.columns))
        ).all()
    return [_entry(ds) for ds in found]


def _version(ds: Dataset, version: int | None) -> DatasetVersion:
    if not ds.versions:
        raise NotFoundError(f"资源 {ds.code} 没有版本", f"dataset {ds.code} has no versions")
    if version is None:
        return ds.versions[-1]
    for v in ds.versions:
        if v.version == version:
            return v
    known = ", ".join(f"v{v.version}" for v in ds.versions)
    raise NotFoundError(f"资源 {ds.code} 没有版本 v{version}（现有 {known}）", f"dataset {ds.code} has no version v{version} (has {known})")


def show_dataset(ws: Workspace, code: str, version: int | None = None) -> dict[str, Any]:
    """Full entry: metadata, versions, and the 信息项 (columns with types and profiles) of one version."""
    ds = _load(ws, code)
    chosen = _version(ds, version)
    entry = _entry(ds)
    entry["versions"] = [
        {"version": v.version, "rows": v.row_count, "checksum": v.checksum, "format": v.format, "encoding": v.encoding,
         "source": v.source, "size_bytes": v.size_bytes, "engine": v.engine, "duration_s": v.duration_s,
         "created_at": v.created_at.isoformat(timespec="seconds") + "Z"}
        for v in ds.versions
    ]
    entry["shown_version"] = chosen.version
    entry["lineage"] = lineage_of(ws, code, chosen.version)
    entry["read_options"] = chosen.read_options
    entry["storage_uri"] = chosen.storage_uri
    entry["items"] = [
        {"name": c.name, "source_name": c.source_name, "title": (ds.column_meta.get(c.name) or {}).get("title"),
         "description": (ds.column_meta.get(c.name) or {}).get("description"), "type": c.dtype,
         "storage_type": c.storage_type, "profile": c.profile}
        for c in chosen.columns
    ]
    return entry


def search_datasets(ws: Workspace, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Catalog entries matching ``query`` by words (see :mod:`shuzhi.catalog.search`), best first."""
    with ws.store.session() as s:
        hits = search(s, query, limit=limit)
    entries = {e["code"]: e for e in list_datasets(ws)} if hits else {}
    return [{**entries[h.code], "score": h.score, "matched": h.matched} for h in hits]


def latest_version(ws: Workspace, code: str) -> int | None:
    """The number of the latest version of ``code``; None when there is no such dataset or no version."""
    with ws.store.session() as s:
        return s.scalar(sa.select(sa.func.max(DatasetVersion.version)).join(Dataset).where(Dataset.code == code))


def read_dataset(ws: Workspace, code: str, version: int | None = None, *, typed: bool = True) -> ir.Table:
    """The stored data of a version as an Ibis table, text columns converted to their catalog types."""
    chosen = _version(_load(ws, code), version)
    table = ws.engine.read_parquet(chosen.storage_uri)
    if not typed:
        return table
    return typed_view(table, {c.name: c.dtype for c in chosen.columns if c.storage_type == "string"})


def lineage_of(ws: Workspace, code: str, version: int | None = None) -> dict[str, Any] | None:
    """How a version (the latest by default) was derived, or None for an ingested one."""
    with ws.store.session() as s:
        ds = s.scalars(sa.select(Dataset).where(Dataset.code == code)).first()
        if ds is None:
            return None
        q = sa.select(Lineage).where(Lineage.dataset_id == ds.id)
        q = q.where(Lineage.version == version) if version is not None else q.order_by(Lineage.version.desc()).limit(1)
        row = s.scalars(q).first()
        if row is None:
            return None
        src = s.get(Dataset, row.source_dataset_id) if row.source_dataset_id is not None else None
        return {"code": code, "version": row.version, "source": {"code": src.code if src else None, "version": row.source_version},
                "kind": row.kind, "details": row.details, "created_at": row.created_at.isoformat(), "created_by": row.created_by}
