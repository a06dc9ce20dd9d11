"""Great Expectations 1.x, on DuckDB through SQLAlchemy (duckdb_engine; not an officially supported
backend) or on pandas: ``gx_runner.py SPEC duckdb|pandas``.

Built-in Expectations where GX has one. GX has no built-in for the ID card, the bank card or the
cross-column ID rules: on DuckDB these are ``UnexpectedRowsExpectation`` SQL (the hand-written
predicate; one query each), on pandas they are not expressible without writing custom Expectation
classes, so they are left out and reported as such. Uniqueness: GX's ExpectColumnValuesToBeUnique
counts every row of a duplicated value, so failures are derived as non-NULL rows (from the not-null
expectation) − ExpectColumnUniqueValueCountToBeBetween's observed distinct count.
"""

from __future__ import annotations

import os
import sys
import time

import great_expectations as gx
import great_expectations.expectations as gxe
from common import emit, load_spec, version
from sqlrules import (
    AGE_REGEX,
    BLANK_REGEX,
    MOBILE_REGEX,
    TS_REGEX,
    XB_CODES,
    ZIP_REGEX,
    fail_predicate,
)

SQL_ONLY = ("sfzh_id_card", "yhkh_bank_card", "id_birthdate_match", "id_sex_match")


def expectations(codes: dict, engine: str) -> tuple[dict, dict]:
    e = {
        "xm_not_null": gxe.ExpectColumnValuesToNotBeNull(column="xm"),
        "sfzh_not_null": gxe.ExpectColumnValuesToNotBeNull(column="sfzh"),
        "lxdh_not_null": gxe.ExpectColumnValuesToNotBeNull(column="lxdh"),
        "csrq_not_null": gxe.ExpectColumnValuesToNotBeNull(column="csrq"),
        "xm_not_blank": gxe.ExpectColumnValuesToNotMatchRegex(column="xm", regex=BLANK_REGEX),
        "xm_length": gxe.ExpectColumnValueLengthsToBeBetween(column="xm", min_value=2, max_value=20),
        "sfzh_length": gxe.ExpectColumnValueLengthsToEqual(column="sfzh", value=18),
        "sfzh_unique": gxe.ExpectColumnUniqueValueCountToBeBetween(column="sfzh", min_value=0),
        "lxdh_mobile": gxe.ExpectColumnValuesToMatchRegex(column="lxdh", regex=MOBILE_REGEX),
        "xb_code_list": gxe.ExpectColumnValuesToBeInSet(column="xb", value_set=list(XB_CODES)),
        "mz_code_list": gxe.ExpectColumnValuesToBeInSet(column="mz", value_set=codes["gb3304"]),
        "xzqh_code_list": gxe.ExpectColumnValuesToBeInSet(column="xzqh", value_set=codes["gb2260"]),
        "age_range": gxe.ExpectColumnValuesToMatchRegex(column="age", regex=AGE_REGEX),
        "zip_regex": gxe.ExpectColumnValuesToMatchRegex(column="zip", regex=ZIP_REGEX),
        "updated_at_regex": gxe.ExpectColumnValuesToMatchRegex(column="updated_at", regex=TS_REGEX),
        "start_end_compare": gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="end_date", column_B="start_date", or_equal=True, ignore_row_if="either_value_is_missing"),
    }
    how = {"sfzh_unique": "derived: non-NULL − distinct (ExpectColumnUniqueValueCountToBeBetween)",
           "age_range": "regex 0..150 (between needs a numeric column)",
           "start_end_compare": "column pair A ≥ B on ISO date text"}
    sql = lambda rid: gxe.UnexpectedRowsExpectation(
        unexpected_rows_query=f"SELECT * FROM {{batch}} WHERE {fail_predicate(codes, rid)}", description=rid)
    if engine == "duckdb":
        for rid in SQL_ONLY + ("csrq_date_format",):
            e[rid] = sql(rid)
            how[rid] = "UnexpectedRowsExpectation (SQL)"
    else:
        e["csrq_date_format"] = gxe.ExpectColumnValuesToMatchStrftimeFormat(column="csrq", strftime_format="%Y-%m-%d")
        for rid in SQL_ONLY:
            how[rid] = "not expressible (no built-in; needs a custom Expectation class)"
    return e, how


def main() -> None:
    spec, engine = load_spec(), sys.argv[2]
    started = time.perf_counter()
    context = gx.get_context(mode="ephemeral")
    extra = {}
    if engine == "duckdb":
        import duckdb
        from sqlalchemy.pool import StaticPool

        db = os.path.join(spec["work"], f"gx_{os.getpid()}.duckdb")
        con = duckdb.connect(db)
        con.execute(f"CREATE VIEW bench AS SELECT * FROM read_parquet('{spec['parquet']}')")
        for table in ("gb2260", "gb3304"):
            con.execute(f"CREATE TABLE {table} AS SELECT unnest(?::VARCHAR[]) AS code", [spec["codes"][table]])
        con.close()
        ds = context.data_sources.add_sql(name="duck", connection_string=f"duckdb:///{db}",
                                          kwargs={"connect_args": {"config": {"threads": int(spec["threads"])}},
                                                  "poolclass": StaticPool, "pool_reset_on_return": None})
        batch = ds.add_table_asset(name="bench", table_name="bench").add_batch_definition_whole_table("all").get_batch()
        label = "DuckDB via SQLAlchemy"
    else:
        import pandas as pd

        t = time.perf_counter()
        df = pd.read_parquet(spec["parquet"])
        extra["load_seconds"] = time.perf_counter() - t
        extra["pandas"] = pd.__version__
        ds = context.data_sources.add_pandas(name="pd")
        batch = (ds.add_dataframe_asset(name="bench").add_batch_definition_whole_dataframe("all")
                 .get_batch(batch_parameters={"dataframe": df}))
        label = "pandas"
    exps, how = expectations(spec["codes"], engine)
    suite = context.suites.add(gx.ExpectationSuite(name="bench"))
    for x in exps.values():
        suite.add_expectation(x)
    result = batch.validate(suite)
    by_id = {id(x): rid for rid, x in exps.items()}
    by_cfg = {}
    for rid, x in exps.items():
        by_cfg[x.id] = rid
    failed, evaluated, errors = {}, {}, []
    for r in result.results:
        rid = by_cfg.get(r.expectation_config.id)
        res = r.result or {}
        info = r.exception_info or {}
        infos = [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, dict)]
        raised = [i for i in infos if i.get("raised_exception")]
        if raised:
            errors.append(f"{rid}: {raised[0].get('exception_message')}")
            failed[rid] = None
            continue
        if rid == "sfzh_unique":
            failed[rid] = res.get("observed_value")
        elif "unexpected_count" in res:
            failed[rid] = int(res["unexpected_count"])
            if "element_count" in res:
                evaluated[rid] = int(res["element_count"]) - int(res.get("missing_count") or 0)
        else:
            ov = res.get("observed_value")
            failed[rid] = int(ov) if isinstance(ov, (int, float)) else None
            if failed[rid] is None:
                errors.append(f"{rid}: result {str(res)[:300]}")
    nonnull = evaluated.get("sfzh_length")  # element_count − missing_count of an sfzh expectation
    if failed.get("sfzh_unique") is not None and nonnull is not None:
        extra["sfzh_distinct"] = failed["sfzh_unique"]
        failed["sfzh_unique"] = nonnull - failed["sfzh_unique"]
    for rid in how:
        if rid not in exps:
            failed[rid] = None
    del by_id
    emit("Great Expectations", label, started, failed, evaluated=evaluated, notes=how, errors=errors[:5],
         versions={"great_expectations": version("great_expectations"), "duckdb": version("duckdb"),
                   "duckdb_engine": version("duckdb_engine"), "sqlalchemy": version("sqlalchemy")}, **extra)
    if engine == "duckdb":
        os.remove(db)
        if os.path.exists(db + ".wal"):
            os.remove(db + ".wal")


if __name__ == "__main__":
    main()
