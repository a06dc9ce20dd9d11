"""A workspace: settings plus the metadata store and the engine, opened on first use.

>>> from shuzhi.config import Settings
>>> with Workspace(Settings(home="/tmp/shuzhi-doctest-ws")) as ws:
...     ws.engine.name
'duckdb'
"""

from __future__ import annotations

import fcntl
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from shuzhi.config import Settings
from shuzhi.engine import Engine, connect
from shuzhi.engine.storage import Storage
from shuzhi.errors import ConfigError, StoreError
from shuzhi.store import Store, open_store


class Workspace:
    """Everything a domain function needs; adapters create one per command or app."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: Store | None = None
        self._engine: Engine | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.settings)
        return self._store

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = connect(self.settings)
        return self._engine

    @property
    def storage(self) -> Storage:
        storage = Storage(self.settings.storage_root)
        if storage.is_uri and self.settings.engine_kind == "duckdb":
            raise ConfigError(
                f"数据存储位置 {storage.root} 是 URI，需要 Spark 引擎（SHUZHI_ENGINE=spark 或 sc://…）；DuckDB 只写本地目录",
                f"the storage location {storage.root} is a URI, which needs the Spark engine (SHUZHI_ENGINE=spark or sc://…); "
                "DuckDB writes local folders only",
            )
        return storage

    @property
    def home(self) -> Path:
        return self.settings.home.resolve()

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Serialise writers (ingest) across processes on this workspace."""
        self.home.mkdir(parents=True, exist_ok=True)
        with (self.home / ".lock").open("a+") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fcntl.flock(f, fcntl.LOCK_EX)  # wait for the other writer
            except OSError as err:
                raise StoreError(f"无法锁定工作区 {self.home}：{err}", f"cannot lock workspace {self.home}: {err}") from err
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    @contextmanager
    def staging(self) -> Iterator[Path]:
        """A private scratch folder, removed afterwards whatever happens."""
        path = self.settings.staging_dir / f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
        path.mkdir(parents=True)
        try:
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)

    def sweep_staging(self) -> int:
        """Remove scratch folders left by killed processes; returns how many were removed."""
        root = self.settings.staging_dir
        removed = 0
        if not root.is_dir():
            return 0
        for entry in root.iterdir():
            pid = entry.name.split("-", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        return removed

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        if self._store is not None:
            self._store.engine.dispose()
            self._store = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
