"""Ingest: a source becomes an immutable dataset version (Parquet + catalog entry + column profiles).

The order of operations is what makes a crash or Ctrl-C harmless:

1. metadata is validated before anything is read;
2. the source is staged as Parquet in a private scratch folder and profiled;
3. under the workspace writer lock, one metadata transaction inserts the version;
   just before it commits, the staged folder is renamed into the data area.
   If the process dies before the commit, the catalog still shows the previous
   state; a folder renamed but never committed is an orphan that the next ingest
   removes. Identical content (same checksum as the latest version) creates
   nothing.

With a URI storage location (Spark on HDFS or an object store) nothing can be
renamed atomically: the version is written in place under a fresh name, the
catalog row is the commit, and a failed or interrupted ingest deletes what it
wrote (abandoned folders of killed processes are swept after a grace period,
see :mod:`shuzhi.engine.storage`).

End-to-end examples: tests/catalog/test_ingest_files.py, test_bad_input.py, test_interrupt.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from shuzhi.catalog.metadata import (
    CODE_PATTERN,
    DatasetMeta,
    load_sidecar,
    merge_meta,
    validate_meta,
)
from shuzhi.catalog.profile import ColumnProfile, profile
from shuzhi.catalog.search import index_terms, search_text
from shuzhi.errors import MetadataError, SourceError
from shuzhi.sources.database import is_db_url, parse_db_url
from shuzhi.sources.stage import SourceOptions, Staged, Steps, stage
from shuzhi.store import Dataset, DatasetVersion, SearchTerm, VersionColumn
from shuzhi.workspace import Workspace


@dataclass
class IngestResult:
    code: str
    version: int
    status: str  # "created" | "unchanged"
    rows: int
    columns: int
    checksum: str
    source: str
    format: str
    encoding: str | None
    duration_s: float
    warnings: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _no_steps(_zh: str, _en: str) -> None:
    return None


def default_code(spec: str) -> str | None:
    """A code derived from the file name or table name when it is a valid code."""
    stem = parse_db_url(spec).table if is_db_url(spec) else Path(spec).stem
    return stem if CODE_PATTERN.match(stem) else None


def resolve_meta(spec: str, flags: dict[str, Any], meta_file: Path | None) -> DatasetMeta:
    """Merge sidecar and flags, fill defaults and validate — before any data is touched."""
    sidecar = load_sidecar(meta_file) if meta_file else {}
    merged = merge_meta(sidecar, flags)
    if not merged.get("code"):
        code = default_code(spec)
        if code is None:
            raise MetadataError(
                f"无法从 {Path(spec).name} 得出资源代码，请用 --code 指定（字母、数字、下划线）",
                f"cannot derive a dataset code from {Path(spec).name}; pass --code (letters, digits, underscores)",
            )
        merged["code"] = code
    source = str(meta_file) if meta_file else ("命令行参数", "command-line options")
    return validate_meta(merged, source=source)


def _default_title(spec: str) -> str:
    return parse_db_url(spec).table if is_db_url(spec) else Path(spec).stem


def ingest(
    ws: Workspace,
    spec: str,
    *,
    flags: dict[str, Any] | None = None,
    meta_file: Path | None = None,
    options: SourceOptions | None = None,
    append: bool = False,
    steps: Steps = _no_steps,
    audit: Callable[[sa.orm.Session, int], None] | None = None,
    expect_latest: int | None = None,
) -> IngestResult:
    """Read ``spec`` and register it as the next version of its dataset.

    ``flags`` are metadata fields given on the command line (``title``, ``share``…);
    they override the YAML sidecar ``meta_file``. With ``append`` (增量) the source
    holds only new rows: the version is the latest one plus these rows, sharing its
    Parquet parts (see :func:`_combine`); appending the increment the latest version
    ended with again changes nothing. ``audit(session, version)`` records the action in the
    transaction that registers the version.

    ``expect_latest`` is for callers that decided what to write from the stored data (e.g. which
    rows are new): the latest version they read (0: none yet). If another writer registered a
    version since, nothing is written and the caller is told to try again.
    """
    started = time.monotonic()
    meta = resolve_meta(spec, flags or {}, meta_file)
    options = options or SourceOptions()
    storage = ws.storage
    ws.sweep_staging()
    with ws.staging() as work:
        # a local version is staged and renamed into place; a URI version is written in place
        out = storage.new_location(meta.code) if storage.is_uri else str(work / "data")
        committed = False
        try:
            staged = stage(spec, ws.engine, work, out, options, steps)
            with ws.writer_lock():
                latest = _latest(ws, meta.code)
                base = _append_base(latest, meta.code) if append else None
                if _same_content(latest, staged, append):
                    _save_meta(ws, meta, _default_title(spec))
                    return _unchanged(meta, latest, staged, started)  # type: ignore[arg-type]
                _expected(latest, expect_latest, meta.code)
            segments = _combine(ws, base, staged, out) if base is not None else None
            report = steps("统计列概况", "profiling columns")
            rows, profiles = profile(ws.engine, ws.engine.read_parquet(out))
            if report is not None:
                report(1.0)
            if segments is not None:
                segments[-1]["rows"] = rows - sum(int(g["rows"]) for g in segments[:-1])
            added = rows if segments is None else segments[-1]["rows"]
            if added == 0 and staged.is_file:
                raise SourceError(f"{spec} 只有表头，没有数据行", f"{spec} has a header but no data rows")
            if segments is None:
                segments = [{"id": uuid.uuid4().hex[:12], "files": storage.parts(out), "rows": rows, "checksum": staged.checksum}]
            _apply_source_names(profiles, staged)
            if not storage.is_uri:
                _fsync_tree(out)
            steps("登记到目录", "registering in the catalog")
            with ws.writer_lock():
                _sweep_orphans(ws)
                latest = _latest(ws, meta.code)
                if _same_content(latest, staged, append):  # another writer got here first
                    return _unchanged(meta, latest, staged, started)  # type: ignore[arg-type]
                _expected(latest, expect_latest, meta.code)
                if base is not None and (latest is None or latest.id != base.id):
                    raise SourceError(
                        f"追加期间资源 {meta.code} 有了新版本，请重试", f"dataset {meta.code} got a new version while appending; try again"
                    )
                also = None if audit is None else (lambda s, _ds, number: audit(s, number))
                version = _register(ws, meta, staged, out, rows, profiles, time.monotonic() - started, _default_title(spec),
                                    segments, base, also)
                committed = True
        finally:
            if storage.is_uri and not committed:
                storage.remove(out)
    return IngestResult(meta.code, version, "created", rows, len(profiles), staged.checksum, staged.source,
                        staged.format, staged.encoding, round(time.monotonic() - started, 3), _warnings(meta))


def version_segments(v: DatasetVersion, storage: Any) -> list[dict[str, Any]]:
    """The segments of a version; a version stored before segments existed is one segment of all its parts."""
    if v.segments:
        return v.segments
    return [{"id": f"v{v.id}-{v.checksum}"[:64], "files": storage.parts(v.storage_uri), "rows": v.row_count, "checksum": v.checksum}]


def _expected(latest: DatasetVersion | None, expected: int | None, code: str) -> None:
    if expected is not None and (latest.version if latest is not None else 0) != expected:
        have = f"v{latest.version}" if latest is not None else "无版本 / none"
        raise SourceError(f"资源 {code} 在读取后有了新版本（读取时 v{expected}，现在 {have}），未写入任何数据，请重试",
                          f"dataset {code} changed after it was read (read v{expected}, now {have}); nothing was written, try again")


def _append_base(latest: DatasetVersion | None, code: str) -> DatasetVersion:
    if latest is None:
        raise SourceError(f"资源 {code} 还没有版本，不能追加（先不带 --append 导入全量数据）",
                          f"dataset {code} has no version to append to (ingest the full data first, without --append)")
    return latest


def _same_content(latest: DatasetVersion | None, staged: Staged, append: bool) -> bool:
    """A full source equal to the latest version, or the increment the latest version ended with."""
    if latest is None:
        return False
    if not append:
        return latest.checksum == staged.checksum
    last = (latest.segments or [{"checksum": latest.checksum}])[-1]
    return last["checksum"] == staged.checksum


def _combine(ws: Workspace, base: DatasetVersion, staged: Staged, out: str) -> list[dict[str, Any]]:
    """Turn the staged increment ``out`` into the appended version: the base's parts plus the new ones."""
    delta = ws.engine.read_parquet(out)
    if staged.is_file and ws.engine.execute(delta.count()) == 0:  # before profiling the whole version
        raise SourceError(f"{staged.source} 只有表头，没有数据行", f"{staged.source} has a header but no data rows")
    have = delta.columns
    want = [c.name for c in base.columns]
    if list(have) != want:
        raise SourceError(
            f"追加的数据列与 v{base.version} 不同：应为 {want}，实为 {list(have)}",
            f"the appended columns differ from v{base.version}: expected {want}, got {list(have)}",
        )
    previous = version_segments(base, ws.storage)
    seg = uuid.uuid4().hex[:12]
    files = ws.storage.combine(base.storage_uri, [f for g in previous for f in g["files"]], out, f"s{seg}-")
    return [*previous, {"id": seg, "files": files, "rows": 0, "checksum": staged.checksum}]


def _unchanged(meta: DatasetMeta, latest: DatasetVersion, staged: Staged, started: float) -> IngestResult:
    return IngestResult(meta.code, latest.version, "unchanged", latest.row_count, len(latest.columns), staged.checksum,
                        staged.source, staged.format, staged.encoding, round(time.monotonic() - started, 3), _warnings(meta))


def _warnings(meta: DatasetMeta) -> list[dict[str, str]]:
    return [{"zh": zh, "en": en} for zh, en in meta.warnings()]


def _latest(ws: Workspace, code: str) -> DatasetVersion | None:
    with ws.store.session() as s:
        return s.scalars(
            sa.select(DatasetVersion).join(Dataset).where(Dataset.code == code)
            .order_by(DatasetVersion.version.desc()).limit(1).options(sa.orm.selectinload(DatasetVersion.columns))
        ).first()


def _apply_source_names(profiles: list[ColumnProfile], staged: Staged) -> None:
    names = dict(zip(staged.columns, staged.source_names, strict=False))
    for p in profiles:
        p.stats["source_name"] = names.get(p.name, p.name)


def _fsync_tree(path: str) -> None:
    for root, _, files in os.walk(path):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _storage_dir(ws: Workspace, code: str, version: int) -> Path:
    return Path(ws.storage.root) / code / f"v{version}-{uuid.uuid4().hex[:8]}"


def _sweep_orphans(ws: Workspace) -> None:
    """Remove version folders that no catalog entry references (a crash before the commit)."""
    with ws.store.session() as s:
        known = set(s.scalars(sa.select(DatasetVersion.storage_uri)))
    storage = ws.storage
    if storage.is_uri:
        storage.sweep(known)
        return
    root = Path(storage.root)
    if not root.is_dir():
        return
    resolved = {Path(u).resolve() for u in known if "://" not in u}
    for code_dir in root.iterdir():
        if not code_dir.is_dir():
            continue
        for version_dir in code_dir.iterdir():
            if version_dir.resolve() not in resolved:
                shutil.rmtree(version_dir, ignore_errors=True)


def _meta_columns(meta: DatasetMeta) -> dict[str, Any]:
    return {name: col.model_dump(exclude_none=True) for name, col in meta.columns.items()}


def _apply_meta(ds: Dataset, meta: DatasetMeta, default_title: str) -> None:
    """Set the entry's metadata: everything for a new entry, only the fields given for an existing one."""
    new = ds.id is None
    given = set(DatasetMeta.model_fields) if new else meta.model_fields_set
    simple = ("provider", "provider_code", "summary", "category", "base_library", "domain", "update_cycle", "related", "tags")
    for name in simple:
        if name in given:
            value = getattr(meta, name)
            setattr(ds, name, list(value) if isinstance(value, list) else value)
    if "category" in given and meta.category != "基础库":
        ds.base_library = None
    ds.title = meta.title or ds.title or default_title
    ds.publish_date = meta.publish_date or ds.publish_date or dt.date.today()
    for prefix in ("share", "open"):
        attr = getattr(meta, prefix)
        names = type(attr).model_fields if new else attr.model_fields_set if prefix in given else ()
        for name in names:
            setattr(ds, f"{prefix}_{name}", getattr(attr, name))
    ds.column_meta = {**(ds.column_meta or {}), **_meta_columns(meta)}
    ds.updated_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _reindex(s: sa.orm.Session, ds: Dataset, column_names: list[str]) -> None:
    fields: list[tuple[str, str | None]] = [("code", ds.code), ("title", ds.title), ("provider", ds.provider), ("summary", ds.summary)]
    fields += [("tag", t) for t in ds.tags]
    for name in column_names:
        fields.append(("column", name))
        fields.append(("column", (ds.column_meta.get(name) or {}).get("title")))
    s.execute(sa.delete(SearchTerm).where(SearchTerm.dataset_id == ds.id))
    s.add_all(SearchTerm(dataset_id=ds.id, term=t, field=f, weight=w) for t, f, w in index_terms(fields))
    ds.search_text = search_text(fields)


def _save_meta(ws: Workspace, meta: DatasetMeta, default_title: str) -> None:
    """Identical content: keep the version, but apply changed metadata."""
    with ws.store.session() as s:
        ds = s.scalars(sa.select(Dataset).where(Dataset.code == meta.code)).one()
        _apply_meta(ds, meta, default_title)
        latest = ds.versions[-1]
        _reindex(s, ds, [c.name for c in latest.columns])


def _register(ws: Workspace, meta: DatasetMeta, staged: Staged, data_dir: str, rows: int,
              profiles: list[ColumnProfile], duration: float, default_title: str,
              segments: list[dict[str, Any]], base: DatasetVersion | None,
              also: Callable[[sa.orm.Session, Dataset, int], None] | None = None) -> int:
    """Register the version; ``also`` writes more rows (lineage, audit) in the same transaction."""
    moved: Path | None = None
    try:
        with ws.store.session() as s:
            ds = s.scalars(sa.select(Dataset).where(Dataset.code == meta.code)).first()
            if ds is None:
                ds = Dataset(code=meta.code)
                s.add(ds)
            _apply_meta(ds, meta, default_title)
            s.flush()
            number = (s.scalar(sa.select(sa.func.max(DatasetVersion.version)).where(DatasetVersion.dataset_id == ds.id)) or 0) + 1
            in_place = ws.storage.is_uri
            target = data_dir if in_place else _storage_dir(ws, meta.code, number)
            checksum, size, options = staged.checksum, staged.size_bytes, staged.options
            if base is not None:  # the version's content is the base's followed by the increment
                checksum = "sha256:" + hashlib.sha256(f"{base.checksum}+{staged.checksum}".encode()).hexdigest()
                size = None if base.size_bytes is None or size is None else base.size_bytes + size
                options = {**options, "appended_to": base.version}
            version = DatasetVersion(
                dataset_id=ds.id, version=number, source=staged.source, format=staged.format, encoding=staged.encoding,
                checksum=checksum, size_bytes=size, row_count=rows, storage_uri=str(target),
                engine=ws.engine.name, read_options=options, segments=segments, duration_s=round(duration, 3),
            )
            version.columns = [
                VersionColumn(position=i, name=p.name, source_name=str(p.stats.pop("source_name", p.name)),
                              storage_type=p.storage_type, dtype=p.dtype, profile=p.stats)
                for i, p in enumerate(profiles)
            ]
            s.add(version)
            _reindex(s, ds, [p.name for p in profiles])
            s.flush()
            if also is not None:
                also(s, ds, number)
            if not in_place:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(data_dir, target)  # the last step before COMMIT; see the module docstring
                moved = target
                _fsync_dir(target.parent)
    except BaseException:
        if moved is not None and moved.exists():
            os.replace(moved, data_dir)  # back into scratch space, which is removed
        raise
    return number


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
