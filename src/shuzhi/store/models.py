"""Metadata tables (SQLAlchemy 2). Schema changes go through Alembic migrations in ``migrations/``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Dataset(Base):
    """A catalog entry (政务信息资源): descriptive metadata shared by all its versions."""

    __tablename__ = "dataset"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str | None] = mapped_column(String(200))
    provider_code: Mapped[str | None] = mapped_column(String(64))
    summary: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(16))
    base_library: Mapped[str | None] = mapped_column(String(32))
    #: business domain (业务领域, e.g. 卫生健康, 生产): free text that grading templates resolve
    domain: Mapped[str | None] = mapped_column(String(64))
    share_type: Mapped[str] = mapped_column(String(16))
    share_condition: Mapped[str | None] = mapped_column(Text)
    share_method: Mapped[str | None] = mapped_column(String(200))
    open_type: Mapped[str] = mapped_column(String(16))
    open_condition: Mapped[str | None] = mapped_column(Text)
    update_cycle: Mapped[str] = mapped_column(String(16))
    publish_date: Mapped[dt.date | None] = mapped_column(Date)
    related: Mapped[list[str]] = mapped_column(JSON, default=list)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    column_meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    search_text: Mapped[str] = mapped_column(Text, default="")  # for substring fallback in search
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    versions: Mapped[list[DatasetVersion]] = relationship(
        back_populates="dataset", order_by="DatasetVersion.version", cascade="all, delete-orphan"
    )


class DatasetVersion(Base):
    """One immutable version: a Parquet folder plus what was read and how."""

    __tablename__ = "dataset_version"
    __table_args__ = (UniqueConstraint("dataset_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)  # path or URL with the password masked
    format: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(32))
    checksum: Mapped[str] = mapped_column(String(80))
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    row_count: Mapped[int] = mapped_column(BigInteger)
    storage_uri: Mapped[str] = mapped_column(Text)
    engine: Mapped[str] = mapped_column(String(16))
    read_options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: the Parquet parts by segment, oldest first: ``[{"id", "files", "rows", "checksum"}]``; an appended
    #: version repeats its predecessor's segments and adds one. NULL (versions before 0003): one segment.
    segments: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    duration_s: Mapped[float] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    dataset: Mapped[Dataset] = relationship(back_populates="versions")
    columns: Mapped[list[VersionColumn]] = relationship(
        back_populates="version", order_by="VersionColumn.position", cascade="all, delete-orphan"
    )


class VersionColumn(Base):
    """信息项 of a version: name, the header it came from, its type and its profile."""

    __tablename__ = "version_column"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("dataset_version.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    source_name: Mapped[str] = mapped_column(String(200))
    storage_type: Mapped[str] = mapped_column(String(64))  # type in the Parquet file
    dtype: Mapped[str] = mapped_column(String(64))  # logical type after inference
    profile: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    version: Mapped[DatasetVersion] = relationship(back_populates="columns")


class SearchTerm(Base):
    """Words of a dataset's title, summary, provider and columns, for Chinese word search."""

    __tablename__ = "search_term"
    __table_args__ = (Index("ix_search_term_term", "term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"), index=True)
    term: Mapped[str] = mapped_column(String(100))
    field: Mapped[str] = mapped_column(String(16))
    weight: Mapped[float] = mapped_column(Float)


class QualityRun(Base):
    """One quality assessment of a dataset version: the scores, and the whole result as JSON."""

    __tablename__ = "quality_run"
    __table_args__ = (Index("ix_quality_run_dataset", "dataset_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    engine: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    duration_s: Mapped[float] = mapped_column(Float)
    rows: Mapped[int | None] = mapped_column(BigInteger)
    score: Mapped[float | None] = mapped_column(Float)
    grade: Mapped[str | None] = mapped_column(String(16))
    rules_source: Mapped[str] = mapped_column(Text)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)


class QualityState(Base):
    """Mergeable counts of one quality rule over a prefix of a version's segments (see quality.states)."""

    __tablename__ = "quality_state"
    __table_args__ = (UniqueConstraint("dataset_id", "prefix", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"))
    #: digest of the segment ids the state covers, in order
    prefix: Mapped[str] = mapped_column(String(64))
    #: digest of everything the counts depend on (check, parameters, types, shuzhi version…)
    fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class GradingScan(Base):
    """One discovery and grading scan of a dataset version with one template: the whole result as JSON."""

    __tablename__ = "grading_scan"
    __table_args__ = (Index("ix_grading_scan_dataset", "dataset_id", "template", "scanned_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    template: Mapped[str] = mapped_column(String(32))
    template_version: Mapped[str] = mapped_column(String(32))
    scanned_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    dataset_level: Mapped[str] = mapped_column(String(16))
    rows_scanned: Mapped[int] = mapped_column(BigInteger)
    sampled: Mapped[bool] = mapped_column(Boolean)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)


class GradingLabel(Base):
    """A column's current label under one template: the machine's, and the steward's decision on it.

    ``status``: ``pending`` (not reviewed, or the machine label changed since an acceptance),
    ``accepted`` or ``overridden``. ``category``/``level`` are the effective label (the override's,
    or the machine's). An override outlives re-scans; ``reviewed_fingerprint`` tells whether the
    machine label has changed since the decision.
    """

    __tablename__ = "grading_label"
    __table_args__ = (UniqueConstraint("dataset_id", "template", "column"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"))
    template: Mapped[str] = mapped_column(String(32))
    column: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    #: the machine label: entities (with ratio and confidence), category, level, evidence
    machine: Mapped[dict[str, Any]] = mapped_column(JSON)
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))
    reviewed_fingerprint: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class AuditEvent(Base):
    """One sensitive action, chained to the one before by hash (see shuzhi.security.audit)."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(300))
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class KeyRecord(Base):
    """One generation of a named key, its material wrapped (SM4-GCM) by the workspace master key.

    ``status``: ``active`` (used for new output; one per name) or ``retired`` (kept so that what it
    produced can still be reversed). ``master`` is the master key's fingerprint, so that a wrong
    master key is reported as such rather than as a corrupt key.
    """

    __tablename__ = "key_record"
    __table_args__ = (UniqueConstraint("name", "generation"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    purpose: Mapped[str] = mapped_column(String(16))
    algorithm: Mapped[str] = mapped_column(String(32))
    generation: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    wrapped: Mapped[str] = mapped_column(Text)
    master: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Lineage(Base):
    """How a version was derived from another (static masking, anonymization): the policy, per column
    the transform and the key id used (never key material)."""

    __tablename__ = "lineage"
    __table_args__ = (UniqueConstraint("dataset_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    source_dataset_id: Mapped[int | None] = mapped_column(ForeignKey("dataset.id", ondelete="SET NULL"))
    source_version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))


class PrivacyBudget(Base):
    """A dataset's total differential-privacy budget (ε, δ) for published aggregates."""

    __tablename__ = "privacy_budget"

    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"), primary_key=True)
    epsilon: Mapped[float] = mapped_column(Float)
    delta: Mapped[float] = mapped_column(Float)
    set_by: Mapped[str] = mapped_column(String(100))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PrivacySpend(Base):
    """One differentially private release: what was asked and the (ε, δ) it spent of the dataset's budget."""

    __tablename__ = "privacy_spend"
    __table_args__ = (Index("ix_privacy_spend_dataset", "dataset_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    query: Mapped[dict[str, Any]] = mapped_column(JSON)
    epsilon: Mapped[float] = mapped_column(Float)
    delta: Mapped[float] = mapped_column(Float)


class DcSite(Base):
    """A data centre in the monitoring registry (数据中心监测平台). Racks are standard racks (2.5 kW each);
    ``city`` is the 设区市 (GB/T 2260 prefecture code), ``county`` the district where known."""

    __tablename__ = "dc_site"
    __table_args__ = (Index("ix_dc_site_city", "city"),)

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(6))
    county: Mapped[str | None] = mapped_column(String(6))
    operator: Mapped[str] = mapped_column(String(200))
    operator_uscc: Mapped[str] = mapped_column(String(18))
    racks_installed: Mapped[int] = mapped_column(Integer)
    racks_in_service: Mapped[int] = mapped_column(Integer)
    design_it_kw: Mapped[float] = mapped_column(Float)
    hub: Mapped[str | None] = mapped_column(String(64))
    commissioned: Mapped[dt.date | None] = mapped_column(Date)
    new_build: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100))


class IndicatorValue(Base):
    """One reported value of a plan indicator (规划指标) for a region (320000 = the province, or a 设区市)
    and a period (``2023``, ``2023-06``, ``2023Q2``), ``as_of`` the period's last day."""

    __tablename__ = "indicator_value"
    __table_args__ = (UniqueConstraint("indicator", "region", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator: Mapped[str] = mapped_column(String(64))
    region: Mapped[str] = mapped_column(String(6))
    period: Mapped[str] = mapped_column(String(10))
    as_of: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(Text)
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    entered_by: Mapped[str] = mapped_column(String(100))


class Enterprise(Base):
    """An enterprise of the big-data industry database (企业库), keyed by its 统一社会信用代码.
    ``segment`` is its layer of the industry chain; ``revenue`` its big-data revenue in 亿元."""

    __tablename__ = "enterprise"
    __table_args__ = (Index("ix_enterprise_city", "city"),)

    uscc: Mapped[str] = mapped_column(String(18), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(6))
    segment: Mapped[str] = mapped_column(String(16))
    revenue: Mapped[float | None] = mapped_column(Float)
    revenue_year: Mapped[int | None] = mapped_column(Integer)
    tags: Mapped[list[str]] = mapped_column(JSON)
    parks: Mapped[list[str]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100))
