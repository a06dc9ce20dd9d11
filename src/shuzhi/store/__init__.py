"""The only package that talks to the metadata database.

SQLite (WAL, synchronous=FULL) by default, PostgreSQL for multi-user production;
the schema is created and upgraded by Alembic when the store opens.

>>> from shuzhi.config import Settings
>>> store = open_store(Settings(home="/tmp/shuzhi-doctest-store"))
>>> with store.session() as s:
...     s.scalar(sa.select(sa.func.count()).select_from(Dataset))
0
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine as SAEngine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from shuzhi.config import Settings
from shuzhi.errors import StoreError
from shuzhi.store.models import (
    AuditEvent,
    Base,
    Dataset,
    DatasetVersion,
    GradingLabel,
    GradingScan,
    QualityRun,
    QualityState,
    SearchTerm,
    VersionColumn,
)

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["AuditEvent", "Base", "Dataset", "DatasetVersion", "GradingLabel", "GradingScan", "QualityRun", "QualityState", "SearchTerm", "Store", "VersionColumn", "open_store"]


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Store:
    """Sessions over the metadata database; each ``session()`` is one transaction."""

    def __init__(self, engine: SAEngine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any exception."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except OperationalError as err:
            raise StoreError(f"元数据库操作失败：{err.orig}", f"metadata database error: {err.orig}") from err
        finally:
            session.close()


#: the latest migration (tests/catalog/test_metadata.py checks it against Alembic's scripts): a store
#: already at this revision opens without importing Alembic, a quarter of a second of every command
HEAD = "0007"


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("shuzhi.store") / "migrations"))
    return cfg


def _revision(conn: sa.Connection) -> str | None:
    """The store's migration revision (Alembic's version table), None for a new database."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def open_store(settings: Settings) -> Store:
    """Connect to ``settings.db_url`` and bring its schema to the latest migration."""
    url = settings.db_url
    for plain in ("postgresql://", "postgres://"):  # psycopg 3 is the driver we install
        if url.startswith(plain):
            url = "postgresql+psycopg://" + url.removeprefix(plain)
    if url.startswith("sqlite:///"):
        settings.home.mkdir(parents=True, exist_ok=True)
    try:
        engine = sa.create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        with engine.begin() as conn:
            if _revision(conn) != HEAD:
                from alembic import command

                cfg = _alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
    except SQLAlchemyError as err:
        shown = sa.engine.make_url(url).render_as_string(hide_password=True)
        raise StoreError(f"无法打开元数据库 {shown}：{err}", f"cannot open metadata database {shown}: {err}") from err
    return Store(engine)
