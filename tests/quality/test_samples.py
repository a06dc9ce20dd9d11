"""Failing-row samples: every failing rule gets ``min(samples, failed)`` of them, from the first rows where
failures are common and from full scans where they are rare, on both engines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from shuzhi.quality import run as qrun
from shuzhi.quality.context import DatasetRef
from shuzhi.quality.rules import parse_rules
from shuzhi.quality.run import evaluate
from shuzhi.workspace import Workspace

AS_OF = dt.datetime(2024, 6, 30, 12, 0, 0)
ROWS = 3000
RULES = """
dataset: t
samples: 10
rules:
  - {id: xzqh_null, column: xzqh, check: not_null}
  - {id: xzqh_code, column: xzqh, check: code_list, code_list: GB/T 2260}
  - {id: xb_code, column: xb, check: code_list, code_list: GB/T 2261.1}
  - {id: sjhm_mobile, column: sjhm, check: mobile}
  - {id: sjhm_null, column: sjhm, check: not_null}
"""


def stored(path: Path) -> Path:
    """A Parquet table whose failures sit where the first-rows scan must find them.

    ``xzqh`` (a GB/T 2260 code: a hash join on a long code list) is NULL in rows 0–59 and an
    unknown code in rows 60–119: NULL and unmatched join keys at the very start, the rows a
    limit placed after the join would lose. ``xb`` fails 3 times near the end (rare), ``sjhm``
    fails in every other row (common) and is never NULL.
    """
    xzqh = [None if i < 60 else "999999" if i < 120 else "320102" for i in range(ROWS)]
    xb = ["7" if i in (2500, 2700, 2900) else "1" for i in range(ROWS)]
    sjhm = [f"1391234{i:04d}" if i % 2 else f"2{i:010d}" for i in range(ROWS)]
    pq.write_table(pa.table({"xzqh": xzqh, "xb": xb, "sjhm": sjhm}), path, row_group_size=1000)
    return path


def assess(ws: Workspace, path: Path) -> dict[str, dict[str, Any]]:
    data = DatasetRef("t", 1, ws.engine.read_parquet(str(path)), {})
    _, results = evaluate(ws.engine, data, parse_rules(RULES), as_of=AS_OF)
    return {r["id"]: r for r in results}


def sampled(ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            prefix_rows: int) -> tuple[list[list[str]], dict[str, dict[str, Any]]]:
    """Assess the table with a first-rows scan of at most ``prefix_rows``: the rules each full-scan fallback
    was asked for, and the results by rule id."""
    calls: list[list[str]] = []
    real = qrun._scanned_samples

    def spy(engine, ctx, rules, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(sorted(r.id for r in rules))
        return real(engine, ctx, rules, *args, **kwargs)

    monkeypatch.setattr(qrun, "_scanned_samples", spy)
    monkeypatch.setattr(qrun, "PREFIX_ROWS", prefix_rows)
    return calls, assess(ws, stored(tmp_path / "t.parquet"))


def test_common_failures_come_from_the_first_rows_and_rare_ones_from_a_full_scan(
    any_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the first rows scan may read 2,000 rows: enough for the rules failing 60 times or more (3 × 10 × 3,000 / 60 = 1,500)
    calls, results = sampled(any_ws, tmp_path, monkeypatch, 2000)
    assert calls == [["xb_code"]]  # 3 failures in 3,000 rows: only it takes a full scan
    failed = {rid: r["failed"] for rid, r in results.items()}
    assert failed == {"xzqh_null": 60, "xzqh_code": 60, "xb_code": 3, "sjhm_mobile": 1500, "sjhm_null": 0}
    assert results["xzqh_null"]["samples"] == [{"xzqh": None}] * 10
    assert results["xzqh_code"]["samples"] == [{"xzqh": "9*****"}] * 10  # a code column is shown partially masked
    assert results["xb_code"]["samples"] == [{"xb": "7"}] * 3
    mobiles = results["sjhm_mobile"]["samples"]
    assert len(mobiles) == 10 and all(s["sjhm"].startswith("2") and s["sjhm"][3:7] == "****" for s in mobiles)  # masked
    assert results["sjhm_null"]["samples"] == []


def test_without_a_first_rows_scan_every_rule_is_sampled_by_full_scans(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls, results = sampled(ws, tmp_path, monkeypatch, 0)
    assert calls == [["sjhm_mobile", "xb_code", "xzqh_code", "xzqh_null"]]
    assert {rid: len(r["samples"]) for rid, r in results.items()} == {
        "xzqh_null": 10, "xzqh_code": 10, "xb_code": 3, "sjhm_mobile": 10, "sjhm_null": 0}
