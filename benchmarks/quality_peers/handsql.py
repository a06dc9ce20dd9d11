"""The limit: one hand-written DuckDB SELECT computing every rule's evaluated and failed counts in one scan.

The ID body and the bank card are cast to BIGINT once in a projection (``b``, ``hi``/``lo``) and every
digit is taken from them by integer division; code lists are semi-joins on small tables. Uniqueness is
count(sfzh) − count(DISTINCT sfzh) in the same SELECT (``--unique-groupby`` in the spec: a separate
GROUP BY instead).
"""

from __future__ import annotations

import time

import duckdb
from common import duckdb_setup, emit, load_spec
from sqlrules import PROJECTION, RULE_IDS, rule_sql


def build_sql(codes: dict) -> str:
    rules = rule_sql(codes, projected=True)
    cols = ["count(*) AS n_rows"]
    for rid in RULE_IDS:
        ev, fail = rules[rid]
        if rid == "sfzh_unique":
            cols += ["count(sfzh) AS \"e:sfzh_unique\"", "count(sfzh) - count(DISTINCT sfzh) AS \"f:sfzh_unique\""]
            continue
        cols.append(f"count(*) AS \"e:{rid}\"" if ev == "true" else f"count_if({ev}) AS \"e:{rid}\"")
        cols.append(f"count_if({fail}) AS \"f:{rid}\"")
    body = ",\n  ".join(cols)
    return f"SELECT\n  {body}\nFROM (SELECT *, {PROJECTION} FROM bench)"


def main() -> None:
    spec = load_spec()
    started = time.perf_counter()
    con = duckdb.connect()
    duckdb_setup(con, spec)
    sql = build_sql(spec["codes"])
    cur = con.execute(sql)
    row = dict(zip([d[0] for d in cur.description], cur.fetchone()))
    failed = {rid: int(row[f"f:{rid}"]) for rid in RULE_IDS}
    evaluated = {rid: int(row[f"e:{rid}"]) for rid in RULE_IDS}
    emit("hand-written SQL", "DuckDB, one SELECT", started, failed, evaluated=evaluated, queries=1,
         versions={"duckdb": duckdb.__version__}, rows=int(row["n_rows"]), sql_chars=len(sql))


if __name__ == "__main__":
    main()
