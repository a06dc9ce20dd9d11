"""Soda Core 4 (data contracts) on an in-memory DuckDB with a view over the Parquet file.

Built-in checks where Soda has one (missing, invalid with valid_format / valid_values /
valid_reference_data / valid_length, duplicate); ``failed_rows`` with a SQL ``expression`` (the same
predicate as the hand-written query) for ID card, bank card, dates and the cross-column rules.
"""

from __future__ import annotations

import json
import logging
import time

import duckdb
from common import duckdb_setup, emit, load_spec, version
from soda_core.common.yaml import ContractYamlSource
from soda_core.contracts.contract_verification import ContractVerificationSession
from soda_duckdb.common.data_sources.duckdb_data_source import DuckDBDataSourceImpl
from soda_duckdb.common.data_sources.duckdb_data_source_connection import (
    DuckDBDataSource,
)
from sqlrules import (
    AGE_REGEX,
    BLANK_REGEX,
    MOBILE_REGEX,
    TS_REGEX,
    XB_CODES,
    ZIP_REGEX,
    fail_predicate,
)

logging.disable(logging.WARNING)


def contract(codes: dict) -> tuple[str, dict[str, str]]:
    """The contract YAML and, per rule id, how it is expressed."""
    fr = lambda rid: {"failed_rows": {"qualifier": rid, "expression": fail_predicate(codes, rid)}}
    inv = lambda rid, **kw: {"invalid": {"qualifier": rid, **kw}}
    ref = lambda table: {"dataset": f"duck/main/{table}", "column": "code"}
    columns = {
        "xm": [{"missing": {"qualifier": "xm_not_null"}},
               inv("xm_not_blank", invalid_format={"regex": BLANK_REGEX, "name": "blank"}),
               inv("xm_length", valid_min_length=2, valid_max_length=20)],
        "sfzh": [{"missing": {"qualifier": "sfzh_not_null"}}, fr("sfzh_id_card"),
                 inv("sfzh_length", valid_length=18), {"duplicate": {"qualifier": "sfzh_unique"}}],
        "lxdh": [{"missing": {"qualifier": "lxdh_not_null"}},
                 inv("lxdh_mobile", valid_format={"regex": MOBILE_REGEX, "name": "mobile"})],
        "csrq": [{"missing": {"qualifier": "csrq_not_null"}}, fr("csrq_date_format")],
        "yhkh": [fr("yhkh_bank_card")],
        "xb": [inv("xb_code_list", valid_values=list(XB_CODES))],
        "mz": [inv("mz_code_list", valid_reference_data=ref("gb3304"))],
        "xzqh": [inv("xzqh_code_list", valid_reference_data=ref("gb2260"))],
        "age": [inv("age_range", valid_format={"regex": AGE_REGEX, "name": "age 0-150"})],
        "zip": [inv("zip_regex", valid_format={"regex": ZIP_REGEX, "name": "zip"})],
        "updated_at": [inv("updated_at_regex", valid_format={"regex": TS_REGEX, "name": "timestamp"})],
    }
    checks = [fr("id_birthdate_match"), fr("id_sex_match"), fr("start_end_compare")]
    doc = {"dataset": "duck/main/bench", "columns": [{"name": c, "checks": ch} for c, ch in columns.items()],
           "checks": checks}
    how = {"age_range": "regex 0..150 (valid_min/max need a numeric column)",
           "sfzh_unique": "duplicate (extra copies)"}
    for rid in ("sfzh_id_card", "csrq_date_format", "yhkh_bank_card", "id_birthdate_match", "id_sex_match",
                "start_end_compare"):
        how[rid] = "failed_rows SQL expression"
    return json.dumps(doc, ensure_ascii=False), how  # JSON is YAML


def main() -> None:
    spec = load_spec()
    started = time.perf_counter()
    con = duckdb.connect()
    duckdb_setup(con, spec)
    ds = DuckDBDataSourceImpl(data_source_model=DuckDBDataSource(name="duck", connection={"duckdb_connection": con}))
    yaml_str, how = contract(spec["codes"])
    result = ContractVerificationSession.execute(contract_yaml_sources=[ContractYamlSource.from_str(yaml_str)],
                                                 data_source_impls=[ds])
    failed, evaluated, raw = {}, {}, {}
    for cr in result.contract_verification_results:
        for r in cr.check_results:
            rid = r.check.qualifier
            dm = r.diagnostic_metric_values or {}
            raw[rid] = {k: v for k, v in dm.items() if isinstance(v, (int, float))}
            value = dm.get("failed_rows_count", dm.get("duplicate_count", dm.get("invalid_count",
                           dm.get("missing_count", r.threshold_value))))
            failed[rid] = None if value is None else int(value)
            if "rows_tested" in dm or "check_rows_tested" in dm:
                evaluated[rid] = int(dm.get("rows_tested", dm.get("check_rows_tested")))
    emit("Soda Core", "DuckDB", started, failed, evaluated=evaluated, notes=how,
         versions={"soda-core": version("soda-core"), "soda-duckdb": version("soda-duckdb"), "duckdb": duckdb.__version__},
         diagnostics=raw, errors=[str(e) for e in getattr(result, "get_errors", list)()][:5])


if __name__ == "__main__":
    main()
