"""MySQL/MariaDB tables as sources (needs SHUZHI_TEST_MYSQL_URL and the mysql extra; .ci/run provides both)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from shuzhi.catalog import ingest, read_dataset
from shuzhi.errors import NotFoundError, SourceError
from shuzhi.workspace import Workspace


@pytest.fixture(scope="module")
def mysql_url() -> str:
    url = os.environ.get("SHUZHI_TEST_MYSQL_URL")
    if not url:
        if os.environ.get("SHUZHI_TEST_REQUIRE_MYSQL"):
            pytest.fail("SHUZHI_TEST_MYSQL_URL is not set; .ci/run starts a MariaDB server for these tests")
        pytest.skip("SHUZHI_TEST_MYSQL_URL not set (run .ci/run, or start MySQL/MariaDB and set it)")
    return url


@pytest.fixture
def mysql_db(mysql_url: str) -> Iterator[str]:
    """A fresh database with a table of identifiers, dropped afterwards; yields its URL."""
    import MySQLdb

    name = f"t_{uuid.uuid4().hex[:8]}"
    host, port = mysql_url.split("@", 1)[1].split("/", 1)[0].split(":")
    user = mysql_url.split("://", 1)[1].split("@", 1)[0]
    con = MySQLdb.connect(host=host, port=int(port), user=user, charset="utf8mb4")
    try:
        cur = con.cursor()
        cur.execute(f"create database {name} character set utf8mb4")
        cur.execute(f"create table {name}.person (sfzh varchar(18), xm varchar(20), xzqh char(6), age int, zczb decimal(12,2))")
        cur.execute(f"insert into {name}.person values ('32010219900101123X', '欧阳娜娜', '012345', 36, 500.00),"
                    " ('320102199001011234', '张三', '320102', 7, 0.50)")
        con.commit()
        yield mysql_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        con.cursor().execute(f"drop database if exists {name}")
        con.close()


def test_mysql_table_as_source(ws: Workspace, mysql_db: str) -> None:
    result = ingest(ws, f"{mysql_db}#person", flags={"code": "my_person"})
    assert (result.format, result.rows, result.columns) == ("mysql", 2, 5)
    rows = ws.engine.to_pyarrow(read_dataset(ws, "my_person")).to_pylist()
    assert [(r["sfzh"], r["xm"], r["xzqh"], r["age"]) for r in rows] == [
        ("32010219900101123X", "欧阳娜娜", "012345", 36), ("320102199001011234", "张三", "320102", 7)]
    assert ingest(ws, f"{mysql_db}#person", flags={"code": "my_person"}).status == "unchanged"


def test_mysql_missing_table(ws: Workspace, mysql_db: str) -> None:
    with pytest.raises(NotFoundError, match="table nobody not found"):
        ingest(ws, f"{mysql_db}#nobody")


def test_mysql_unreachable(ws: Workspace, mysql_url: str) -> None:
    with pytest.raises(SourceError, match="cannot connect"):
        ingest(ws, "mysql://steward:s3cret@127.0.0.1:9/gov#person")
