"""cuallee on DuckDB: one Check, validated against a DuckDB connection with a view over the Parquet file.

cuallee's own regex / membership checks count NULLs as failures, and its ``is_unique`` counts
rows − distinct (NULLs included); so every format rule is a ``satisfies`` SQL predicate that lets NULL
pass (the same predicate as the hand-written query), and unique is reported both as cuallee gives it and
derived as (its violations − is_complete(sfzh)'s violations).
"""

from __future__ import annotations

import time

import duckdb
from common import duckdb_setup, emit, load_spec, version
from cuallee import Check, CheckLevel
from sqlrules import RULE_IDS, pass_predicate


def main() -> None:
    spec = load_spec()
    started = time.perf_counter()
    con = duckdb.connect()
    duckdb_setup(con, spec)
    check = Check(CheckLevel.WARNING, "bench", table_name="bench")
    order, how = [], {}
    for rid in RULE_IDS:
        if rid.endswith("_not_null"):
            check.is_complete(rid.removesuffix("_not_null"))
        elif rid == "sfzh_unique":
            check.is_unique("sfzh")
            how[rid] = "is_unique counts rows − distinct incl. NULLs; compared as violations − NULLs"
        else:
            check.satisfies(rid, pass_predicate(spec["codes"], rid))
            how[rid] = "satisfies (SQL predicate)"
        order.append(rid)
    summary = check.validate(con)
    violations = dict(zip(order, (int(v) for v in summary["violations"])))
    failed = dict(violations)
    failed["sfzh_unique"] = violations["sfzh_unique"] - violations["sfzh_not_null"]
    emit("cuallee", "DuckDB", started, failed, notes=how, queries=2,
         versions={"cuallee": version("cuallee"), "duckdb": duckdb.__version__},
         native={"sfzh_unique": violations["sfzh_unique"]})


if __name__ == "__main__":
    main()
