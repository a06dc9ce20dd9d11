"""shuzhi's scanner called as a library on a Parquet file (project venv): ``scan_table(engine,
engine.read_parquet(path), sample=None)`` — every row, no staging copy, no grading.

    python shuzhi_scan.py SPEC   # SPEC: {"parquet": path}

Prints ``@@RESULT {json}``: seconds of ``scan_table`` (from after the imports and the engine's start),
the seconds of each engine query it ran (``Engine.to_pyarrow`` calls, timed by wrapping the method
on this instance), rows scanned and the entities found per column.
"""

from __future__ import annotations

import json
import sys
import time
from importlib import metadata

from shuzhi.discovery import scan_table
from shuzhi.engine.duckdb import DuckDBEngine


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    engine = DuckDBEngine()
    queries: list[float] = []
    to_pyarrow = engine.to_pyarrow

    def timed(expr):
        t = time.perf_counter()
        try:
            return to_pyarrow(expr)
        finally:
            queries.append(time.perf_counter() - t)

    engine.to_pyarrow = timed  # type: ignore[method-assign]
    started = time.perf_counter()
    result = scan_table(engine, engine.read_parquet(spec["parquet"]), sample=None)
    seconds = time.perf_counter() - started
    labels = {c.name: sorted(e.type for e in c.entities) for c in result.columns}
    ratios = {c.name: {e.type: e.ratio for e in c.entities} for c in result.columns}
    out = {"tool": "shuzhi-lib", "seconds": seconds, "duration_s": result.duration_s, "queries": queries,
           "rows": result.rows_scanned, "columns": len(result.columns), "labels": labels, "ratios": ratios,
           "versions": {"shuzhi": metadata.version("shuzhi"), "duckdb": metadata.version("duckdb")}}
    print("@@RESULT " + json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
