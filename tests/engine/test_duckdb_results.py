"""DuckDB results without pandas: code tables kept as temporary tables, Arrow results converted by Ibis' Arrow mapper."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import ibis
import pyarrow as pa

from shuzhi.engine.duckdb import DuckDBEngine


def test_code_table_holds_the_codes_as_given_and_is_created_once() -> None:
    engine = DuckDBEngine()
    codes = ["320102", "O'Brien", "", "a\u3000b", "x\\y", "'; DROP TABLE t; --"]
    table = engine.code_table(codes)
    assert table.schema() == ibis.schema({"code": "string"})
    assert sorted(engine.to_pyarrow(table)["code"].to_pylist()) == sorted(codes)
    again = engine.code_table(list(codes))
    assert again.get_name() == table.get_name() and len(engine._code_tables) == 1
    other = engine.code_table(["1"])
    assert other.get_name() != table.get_name()
    assert engine.to_pyarrow(engine.code_table([])).num_rows == 0
    # the join the quality staging builds: a key column against the codes
    t = ibis.memtable(pa.table({"k": ["O'Brien", "320102", "zzz", None]}))
    joined = t.left_join(table, t.k == table.code).select(t.k, hit=table.code.notnull())
    assert sorted(engine.to_pyarrow(joined).to_pylist(), key=str) == sorted(
        [{"k": "O'Brien", "hit": True}, {"k": "320102", "hit": True}, {"k": "zzz", "hit": False}, {"k": None, "hit": False}], key=str)


def test_to_pyarrow_types_match_ibis() -> None:
    engine = DuckDBEngine()
    t = ibis.memtable(pa.table({"n": pa.array([1, 2], pa.int64())}))
    out = engine.to_pyarrow(t.select(n=t.n.cast("int8"), none=ibis.null(), s=t.n.cast("string"), x=t.n.sum().over()))
    assert out.schema.field("n").type == pa.int8()
    assert out["none"].type == pa.null() and out["none"].to_pylist() == [None, None]
    assert out["s"].to_pylist() == ["1", "2"] and out["x"].to_pylist() == [3, 3]
    assert engine.to_pyarrow(t.n.sum()).as_py() == 3  # a scalar expression gives a scalar
    assert engine.to_pyarrow(t.n).to_pylist() == [1, 2]  # a column gives an array


SCRIPT = """
import json, sys
from pathlib import Path
from shuzhi.catalog import ingest
from shuzhi.config import Settings
from shuzhi.quality import run_quality
from shuzhi.quality.rules import parse_rules
from shuzhi.workspace import Workspace
with Workspace(Settings(home=Path(sys.argv[1]))) as ws:
    ingest(ws, sys.argv[2], flags={"code": "people"})
    rules = parse_rules("dataset: people\\nrules:\\n  - {column: xzqh, check: code_list, code_list: GB/T 2260}\\n"
                        "  - {column: sfzh, check: id_card}\\n")
    result = run_quality(ws, "people", rules=rules)
print(json.dumps({"pandas": "pandas" in sys.modules, "failed": [r["failed"] for r in result["rules"]]}))
"""


def test_a_quality_run_does_not_import_pandas(tmp_path: Path) -> None:
    """Importing pandas costs a CLI command half a second or more; a DuckDB quality run has no use for it."""
    source = tmp_path / "people.csv"
    source.write_text("xzqh,sfzh\n320102,11010519491231002X\n999999,110105194912310021\n320102,\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "ws"), str(source)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"pandas": False, "failed": [1, 1]}


def test_watching_reports_the_running_query_fraction(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``watching`` polls the connection's query progress while its body runs, and stops after it."""
    engine = DuckDBEngine()
    # nothing known yet, nothing running, running, a second query starting: what is shown never goes back
    polls = iter([None, -1.0, 0.3, 0.7, 0.2, 1.4] + [1.0] * 100)
    monkeypatch.setattr(engine, "_poll", lambda: next(polls))
    seen: list[float] = []
    with engine.watching(seen.append):
        time.sleep(1.6)
    after = len(seen)
    time.sleep(0.6)
    assert seen[:4] == [0.3, 0.7, 0.7, 1.0] and all(0 <= f <= 1 for f in seen) and len(seen) == after
    with engine.watching(None):  # no display: nothing polled
        pass
    assert next(polls) == 1.0
    # the real poll: DuckDB's progress of the running query as a fraction, None between queries
    assert DuckDBEngine()._poll() is None
