"""Settings: one typed object, built at the edge (CLI, app factory) and passed down.

Environment variables (prefix ``SHUZHI_``) override defaults; nothing is read at
import time, so tests run on a temporary workspace.

>>> s = Settings(home="/tmp/ws")
>>> s.db_url
'sqlite:////tmp/ws/shuzhi.db'
>>> s.engine_kind
'duckdb'
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from shuzhi.errors import ConfigError

EngineKind = Literal["duckdb", "spark", "spark-connect"]


class Settings(BaseSettings):
    """Workspace, metadata database and compute engine.

    - ``home`` (``SHUZHI_HOME``): the workspace folder, default ``./shuzhi-data``.
    - ``db`` (``SHUZHI_DB``): metadata database URL; default SQLite inside the workspace.
    - ``engine`` (``SHUZHI_ENGINE``): ``duckdb`` (default), ``spark`` (local Spark) or
      ``sc://host:port`` (Spark Connect).
    - ``storage`` (``SHUZHI_STORAGE``): where dataset versions are written as Parquet: a
      folder (default ``<home>/data``) or, with Spark, a URI (``hdfs://…``, ``s3a://…``).
    - ``lang`` (``SHUZHI_LANG``): ``zh``, ``en`` or ``both`` for messages.
    - ``compression`` (``SHUZHI_COMPRESSION``): Parquet compression of stored versions.
    - ``master_key`` (``SHUZHI_MASTER_KEY``) or ``master_key_file`` (``SHUZHI_MASTER_KEY_FILE``): the
      key that wraps the keyring's keys (hex or base64 of 16–64 random bytes; ``shuzhi key
      new-master`` makes one). Never stored in the workspace; a file must be readable by its owner only.
    """

    model_config = SettingsConfigDict(env_prefix="SHUZHI_", extra="forbid")

    home: Path = Path("shuzhi-data")
    db: str | None = None
    engine: str = "duckdb"
    storage: str | None = None
    lang: Literal["zh", "en", "both"] = "both"
    spark_master: str = "local[2]"
    threads: int | None = None
    compression: Literal["snappy", "zstd", "gzip"] = "snappy"
    master_key: SecretStr | None = None
    master_key_file: Path | None = None

    @field_validator("engine")
    @classmethod
    def _check_engine(cls, value: str) -> str:
        if value in ("duckdb", "spark") or value.startswith("sc://"):
            return value
        raise ConfigError(
            f"未知的计算引擎 {value!r}：可选 duckdb、spark 或 sc://主机:端口",
            f"unknown engine {value!r}: use duckdb, spark or sc://host:port",
        )

    @property
    def engine_kind(self) -> EngineKind:
        if self.engine.startswith("sc://"):
            return "spark-connect"
        return self.engine  # type: ignore[return-value]

    @property
    def db_url(self) -> str:
        if self.db:
            return self.db
        return f"sqlite:///{self.home.resolve() / 'shuzhi.db'}"

    @property
    def storage_root(self) -> str:
        """A local folder (absolute) or, as given, a URI such as ``hdfs://nn:8020/shuzhi``."""
        if self.storage and "://" in self.storage:
            return self.storage
        return str(Path(self.storage).resolve()) if self.storage else str(self.home.resolve() / "data")

    @property
    def staging_dir(self) -> Path:
        return self.home.resolve() / "staging"
