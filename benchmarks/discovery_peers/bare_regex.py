"""The reference of the full-scan comparison: one bare DuckDB SELECT over the Parquet file that counts,
for every column, its non-blank values and how many values match each entity's shape regex (the
``PREFILTER`` of every shuzhi recognizer that has one) — the least any regex-based scanner must do.

    python bare_regex.py SPEC   # SPEC: {"parquet", "columns", "blank", "shapes": {entity: regex}}

Anchored patterns (``^…$``) run as ``regexp_full_match`` of their body, the rest as ``regexp_matches``
(a search): the same rewrite shuzhi's DuckDB compiler applies, so neither side gets a cheaper regex.
Standard library and duckdb only. Prints ``@@RESULT {json}`` with the seconds of the query (from the
connection on) and the counts.
"""

from __future__ import annotations

import json
import sys
import time

import duckdb


def _quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _ident(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def regex_call(col: str, pattern: str, body: str | None) -> str:
    return f"regexp_full_match({col}, {_quote(body)})" if body is not None else f"regexp_matches({col}, {_quote(pattern)})"


def select_sql(spec: dict) -> str:
    aggs = ["count(*) AS rows"]
    blank, blank_body = spec["blank"]
    for c in spec["columns"]:
        col = _ident(c)
        aggs.append(f"count_if(NOT {regex_call(col, blank, blank_body)}) AS {_ident('n:' + c)}")
        for entity, (pattern, body) in spec["shapes"].items():
            aggs.append(f"count_if({regex_call(col, pattern, body)}) AS {_ident(f'p:{c}:{entity}')}")
    return f"SELECT {', '.join(aggs)} FROM read_parquet({_quote(spec['parquet'])})"


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    sql = select_sql(spec)
    started = time.perf_counter()
    con = duckdb.connect()
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    seconds = time.perf_counter() - started
    counts = dict(zip(names, row))
    out = {"tool": "bare-regex", "seconds": seconds, "rows": counts.pop("rows"), "columns": len(spec["columns"]),
           "regexes": len(spec["columns"]) * (len(spec["shapes"]) + 1), "counts": counts,
           "versions": {"duckdb": duckdb.__version__}}
    print("@@RESULT " + json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
