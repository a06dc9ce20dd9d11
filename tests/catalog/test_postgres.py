"""PostgreSQL as a source and as the metadata database (needs SHUZHI_TEST_PG_URL; .ci/run provides one)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from corpus import csv_text, write_text

from shuzhi.catalog import (
    ingest,
    list_datasets,
    read_dataset,
    search_datasets,
    show_dataset,
)
from shuzhi.config import Settings
from shuzhi.errors import NotFoundError
from shuzhi.workspace import Workspace

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_url() -> str:
    url = os.environ.get("SHUZHI_TEST_PG_URL")
    if not url:
        if os.environ.get("CI") or os.environ.get("SHUZHI_TEST_REQUIRE_PG"):
            pytest.fail("SHUZHI_TEST_PG_URL is not set; .ci/run starts a PostgreSQL server for these tests")
        pytest.skip("SHUZHI_TEST_PG_URL not set (run .ci/run, or start PostgreSQL and set it)")
    return url


@pytest.fixture
def pg_schema(pg_url: str) -> Iterator[tuple[str, str]]:
    """A fresh schema with a table of identifiers, dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as c:
        c.execute(sa.text(f"create schema {schema}"))
        c.execute(sa.text(f"create table {schema}.person (sfzh text, lxdh text, xzqh char(6), age integer, zczb numeric(12,2))"))
        c.execute(sa.text(f"insert into {schema}.person values ('32010219900101123X', '13912345678', '012345', 36, 500.00),"
                          " ('320102199001011234', null, '320102', 7, 0.5)"))
    yield pg_url, schema
    with engine.begin() as c:
        c.execute(sa.text(f"drop schema {schema} cascade"))
    engine.dispose()


def test_postgres_table_as_source(ws: Workspace, pg_schema: tuple[str, str]) -> None:
    url, schema = pg_schema
    with_password = url.replace("postgres@", "postgres:s3cret@")  # trust auth ignores it; the catalog must hide it
    result = ingest(ws, f"{with_password}#{schema}.person", flags={"code": "pg_person"})
    assert (result.format, result.rows, result.columns) == ("postgresql", 2, 5)
    assert "s3cret" not in result.source and ":***@" in result.source
    rows = ws.engine.to_pyarrow(read_dataset(ws, "pg_person")).to_pylist()
    assert [(r["sfzh"], r["lxdh"], r["xzqh"], r["age"]) for r in rows] == [
        ("32010219900101123X", "13912345678", "012345", 36), ("320102199001011234", None, "320102", 7)]
    assert show_dataset(ws, "pg_person")["versions"][0]["source"] == result.source
    assert ingest(ws, f"{url}#{schema}.person", flags={"code": "pg_person"}).status == "unchanged"


def test_postgres_missing_table(ws: Workspace, pg_schema: tuple[str, str]) -> None:
    url, schema = pg_schema
    with pytest.raises(NotFoundError, match="table nobody not found"):
        ingest(ws, f"{url}#{schema}.nobody")


def test_postgres_as_metadata_database(tmp_path: Path, pg_url: str) -> None:
    name = f"shuzhi_meta_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f"create database {name}"))
    db = pg_url.rsplit("/", 1)[0] + f"/{name}"  # a plain postgresql:// URL, as users write it
    try:
        with Workspace(Settings(home=tmp_path / "ws", db=db)) as ws:
            ingest(ws, str(write_text(tmp_path / "people.csv", csv_text())), flags={"title": "人口综合库"})
            assert [e["code"] for e in list_datasets(ws)] == ["people"]
            assert [h["code"] for h in search_datasets(ws, "人口 身份")] == ["people"]
            assert not (tmp_path / "ws" / "shuzhi.db").exists()
    finally:
        with admin.connect() as c:
            c.execute(sa.text(f"drop database {name} with (force)"))
        admin.dispose()
