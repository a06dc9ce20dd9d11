"""The SQL a rule set compiles to, per engine, kept under review: a change of plan shows up as a diff.

Run with SHUZHI_TEST_UPDATE_SNAPSHOTS=1 to rewrite the snapshots after an intended change, and read the diff.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import ibis
import pytest

from shuzhi.engine.duckdb import to_sql as duckdb_sql
from shuzhi.quality.compile import compile_rules
from shuzhi.quality.context import Ctx, DatasetRef
from shuzhi.quality.rules import defaults, parse_rules

SNAPSHOTS = Path(__file__).parent / "snapshots"
RULES = """\
rules:
  - {column: xm, check: not_null}
  - {column: xm, check: not_blank}
  - {column: sfzh, check: id_card}
  - {column: mz, check: code_list, code_list: GB/T 3304}
  - {column: xzqh, check: code_list, code_list: GB/T 2260}
  - {columns: [sfzh, csrq], check: id_birthdate_match}
  - {columns: [sfzh, xb], check: id_sex_match}
  - {column: yhkh, check: bank_card}
  - {column: age, check: range, min: 0, max: 150, where: "xb = '1'"}
  - {check: compare, left: start_date, op: '<=', right: end_date}
  - {check: row_count, min: 1}
"""
COLUMNS = ("xm", "sfzh", "mz", "xzqh", "csrq", "xb", "yhkh", "age", "start_date", "end_date")


def compiled(dialect: str) -> str:
    if dialect == "pyspark":
        pytest.importorskip("pyspark")
        ibis.pyspark  # noqa: B018 - loading the backend registers the options its compiler reads
    table = ibis.table({c: "string" for c in COLUMNS}, name="people")
    ctx = Ctx(data=DatasetRef("people", 1, table, {"start_date": "date", "end_date": "date"}),
              as_of=dt.datetime(2026, 6, 30), entry={}, defaults=defaults())
    aggregate = compile_rules(ctx, parse_rules(RULES).rules).aggregate
    # DuckDB: what the engine runs, its anchored patterns as full matches
    sql = duckdb_sql(aggregate) if dialect == "duckdb" else ibis.to_sql(aggregate, dialect=dialect)
    # in-memory code tables get random names: number them in order of appearance
    names: dict[str, str] = {}
    return re.sub(r"ibis_[a-z]+_memtable_[a-z0-9]+", lambda m: names.setdefault(m.group(0), f"code_table_{len(names)}"), sql) + "\n"


@pytest.mark.parametrize("dialect", ["duckdb", "pyspark"])
def test_compiled_sql_matches_the_snapshot(dialect: str) -> None:
    path = SNAPSHOTS / f"rules_{dialect}.sql"
    sql = compiled(dialect)
    if os.environ.get("SHUZHI_TEST_UPDATE_SNAPSHOTS") == "1":
        path.write_bytes(sql.encode("utf-8"))  # bytes: the blank pattern holds a carriage return
    assert path.read_bytes().decode("utf-8") == sql, f"compiled SQL changed; review and rerun with SHUZHI_TEST_UPDATE_SNAPSHOTS=1 ({path})"


def test_the_snapshot_is_one_scan() -> None:
    sql = (SNAPSHOTS / "rules_duckdb.sql").read_bytes().decode("utf-8")
    assert sql.count('FROM "people"') == 1  # the stored table is read once
    # code lists longer than 16 codes are joins: GB/T 3304 on mz, GB/T 2260 on xzqh and on the ID's area code
    assert sql.count("JOIN") == 3
    assert "GROUP BY" not in sql
    # the joins read the stored row, keyed by expressions over its columns, before any derived column exists
    joins = sql[sql.index('FROM "people"'):]
    assert '"__d_' not in joins and "SUBSTRING(" in joins and '"mz" = ' in joins
