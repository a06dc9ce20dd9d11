"""The metadata store's schema: created and upgraded by Alembic, opened without it once current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory

from shuzhi.config import Settings
from shuzhi.store import HEAD, _alembic_config, _revision, open_store


def test_head_is_alembics_head() -> None:
    assert ScriptDirectory.from_config(_alembic_config()).get_current_head() == HEAD


def test_a_new_store_is_created_at_head(tmp_path: Path) -> None:
    store = open_store(Settings(home=tmp_path))
    with store.engine.connect() as conn:
        assert _revision(conn) == HEAD
        assert {"dataset", "dataset_version", "quality_run", "quality_state", "grading_scan", "grading_label", "audit_event"} <= set(
            sa.inspect(conn).get_table_names())


def test_an_older_store_is_upgraded_on_open(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shuzhi.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")  # before segments and quality states
    with engine.connect() as conn:
        assert _revision(conn) == "0002" and "quality_state" not in sa.inspect(conn).get_table_names()
    store = open_store(Settings(home=tmp_path, db=url))
    with store.engine.connect() as conn:
        assert _revision(conn) == HEAD and "quality_state" in sa.inspect(conn).get_table_names()
        assert "segments" in {c["name"] for c in sa.inspect(conn).get_columns("dataset_version")}


def test_a_current_store_opens_without_alembic(tmp_path: Path) -> None:
    open_store(Settings(home=tmp_path))  # created (with Alembic) in this process
    code = ("import sys; from shuzhi.config import Settings; from shuzhi.store import open_store; "
            f"open_store(Settings(home={str(tmp_path)!r})); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
