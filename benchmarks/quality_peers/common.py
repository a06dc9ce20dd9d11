"""What every runner shares (standard library only): reading the spec, timing, printing the result line."""

from __future__ import annotations

import json
import sys
import time
from importlib import metadata


def load_spec() -> dict:
    with open(sys.argv[1], encoding="utf-8") as f:
        return json.load(f)


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def emit(tool: str, engine: str, started: float, failed: dict, *, evaluated: dict | None = None,
         notes: dict | None = None, versions: dict | None = None, queries: int | None = None, **extra) -> None:
    """Print the one JSON line the orchestrator reads. ``started``: time.perf_counter() after the imports."""
    out = {"tool": tool, "engine": engine, "seconds": time.perf_counter() - started, "failed": failed,
           "evaluated": evaluated or {}, "notes": notes or {}, "versions": versions or {}, "queries": queries}
    out.update(extra)
    print("@@RESULT " + json.dumps(out, ensure_ascii=False), flush=True)


def duckdb_setup(con, spec: dict, *, view: str = "bench") -> None:
    """Same DuckDB settings and objects for every DuckDB-based tool: threads, the Parquet view, the GB/T 2260 and GB/T 3304 code tables."""
    con.execute(f"SET threads = {int(spec['threads'])}")
    con.execute(f"CREATE OR REPLACE VIEW {view} AS SELECT * FROM read_parquet('{spec['parquet']}')")
    for table in ("gb2260", "gb3304"):
        con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT unnest(?::VARCHAR[]) AS code", [spec["codes"][table]])
