"""Re-assessing an appended version: stored per-rule states are reused, only the new segment is scanned,
and the counts equal those of a full assessment of the same rows."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from shuzhi.catalog import ingest, show_dataset
from shuzhi.config import Settings
from shuzhi.demo.generate import generate_demo_data
from shuzhi.demo.run import sidecar
from shuzhi.quality import run_quality, states
from shuzhi.quality.rules import RuleSet
from shuzhi.quality.suggest import suggest_rules
from shuzhi.store import DatasetVersion, QualityState
from shuzhi.workspace import Workspace

AS_OF = dt.datetime(2026, 6, 30)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo 人口综合库 (GBK CSV, 800 rows, with its planted defects) as a whole, and split into a first
    delivery (the first 600 rows) and an increment (the other 200)."""
    out = tmp_path_factory.mktemp("states")
    generate_demo_data(out / "demo", rows=800, seed=11)
    with (out / "demo" / "population.csv").open(encoding="gbk", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert len(rows) == 800
    parts = {"whole": rows, "first": rows[:600], "increment": rows[600:]}
    for name, chunk in parts.items():
        with (out / f"{name}.csv").open("w", encoding="gbk", newline="") as f:
            csv.writer(f).writerows([header, *chunk])
    return {name: out / f"{name}.csv" for name in parts}


def counts(result: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {r["id"]: (r["evaluated"], r["passed"], len(r["samples"])) for r in result["rules"]}


def delta_reads(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record the part files every segment-only read opens."""
    seen: list[list[str]] = []
    real = ws.engine.read_parquet_files

    def spy(location: str, names: list[str]):  # type: ignore[no-untyped-def]
        seen.append(list(names))
        return real(location, names)

    monkeypatch.setattr(ws.engine, "read_parquet_files", spy)
    return seen


def segments(ws: Workspace) -> list[dict[str, Any]]:
    with ws.store.session() as s:
        return s.scalars(sa.select(DatasetVersion.segments).order_by(DatasetVersion.version.desc())).first()  # type: ignore[return-value]


def first_then_append(ws: Workspace, files: dict[str, Path]) -> tuple[RuleSet, dict[str, Any]]:
    ingest(ws, str(files["first"]), flags={"code": "population"}, meta_file=sidecar("population.yaml"))
    rs = suggest_rules(ws, "population", as_of=AS_OF)
    first = run_quality(ws, "population", rules=rs, as_of=AS_OF)
    before = {c["name"]: c["type"] for c in show_dataset(ws, "population")["items"]}
    ingest(ws, str(files["increment"]), flags={"code": "population"}, append=True)
    assert {c["name"]: c["type"] for c in show_dataset(ws, "population")["items"]} == before  # same types: states apply
    return rs, first


def test_appended_version_scans_only_the_increment_and_counts_as_a_full_run(
    any_ws: Workspace, files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws = any_ws
    rs, first = first_then_append(ws, files)
    assert first["rows"] == 600 and any(r["failed"] for r in first["rules"])
    reads = delta_reads(ws, monkeypatch)
    second = run_quality(ws, "population", rules=rs, as_of=AS_OF)
    assert reads == [segments(ws)[-1]["files"]]  # only the increment's parts were read for row rules

    # the reference is a full assessment on DuckDB: on Spark this also checks that both engines agree
    with Workspace(Settings(home=tmp_path / "whole", engine="duckdb")) as full_ws:
        ingest(full_ws, str(files["whole"]), flags={"code": "population"}, meta_file=sidecar("population.yaml"))
        full = run_quality(full_ws, "population", rules=rs, as_of=AS_OF)
    assert second["rows"] == full["rows"] == 800
    # storage_readable counts Parquet files: the appended version has one more
    assert counts(second).pop("storage_readable") == (2, 2, 0)
    assert {**counts(second), "storage_readable": None} == {**counts(full), "storage_readable": None}
    assert (second["score"], second["grade"]) == (full["score"], full["grade"])

    # a third run of the same version reads no segment at all
    third = run_quality(ws, "population", rules=rs, as_of=AS_OF)
    assert reads == [segments(ws)[-1]["files"]]
    assert counts(third) == counts(second)


def test_stored_states_are_what_gets_reused(ws: Workspace, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    rs, first = first_then_append(ws, files)
    with ws.store.session() as s:
        states = list(s.scalars(sa.select(QualityState)))
        # one state per row rule (uniqueness, row count, freshness and catalog rules are recomputed each run)
        assert len(states) == len({st.fingerprint for st in states}) >= 10
        for st in states:  # tamper: every stored count is off by 1,000
            st.state = {**st.state, "evaluated": st.state["evaluated"] + 1000, "passed": st.state["passed"] + 1000}
    second = run_quality(ws, "population", rules=rs, as_of=AS_OF)
    by_id = {r["id"]: r for r in second["rules"]}
    reused = [r for r in first["rules"] if by_id[r["id"]]["evaluated"] is not None and by_id[r["id"]]["evaluated"] >= 1000]
    assert len(reused) == len(states)

    # another day: the ID check (birth date not after the assessment date) and row freshness read the
    # assessment time, so only their states are not reused
    reads = delta_reads(ws, monkeypatch)
    later = run_quality(ws, "population", rules=rs, as_of=AS_OF + dt.timedelta(days=1))
    stale = [r for r in later["rules"] if r["evaluated"] is not None and r["evaluated"] < 1000 and r["id"] in {x["id"] for x in reused}]
    assert {r["check"] for r in stale} == {"id_card", "freshness"}
    assert reads == [[f for g in segments(ws) for f in g["files"]]]

    # --recompute looks nothing up: the true counts again (and they replace the tampered ones)
    fresh = run_quality(ws, "population", rules=rs, as_of=AS_OF, recompute=True)
    assert all(r["evaluated"] is None or r["evaluated"] <= 800 for r in fresh["rules"])
    assert counts(run_quality(ws, "population", rules=rs, as_of=AS_OF)) == counts(fresh)


def test_samples_asked_beyond_what_was_stored_are_recomputed(ws: Workspace, files: dict[str, Path]) -> None:
    ingest(ws, str(files["whole"]), flags={"code": "population"}, meta_file=sidecar("population.yaml"))
    rs = suggest_rules(ws, "population", as_of=AS_OF)
    none = run_quality(ws, "population", rules=rs, as_of=AS_OF, samples=0)
    assert all(r["samples"] == [] for r in none["rules"])
    some = run_quality(ws, "population", rules=rs, as_of=AS_OF, samples=3)
    failing = [r for r in some["rules"] if r["failed"] and r["check"] not in ("unique", "row_count", "freshness")]
    assert failing and all(len(r["samples"]) == min(3, r["failed"]) for r in failing)
    assert counts(run_quality(ws, "population", rules=rs, as_of=AS_OF, samples=2)) == {
        k: (e, p, min(n, 2)) for k, (e, p, n) in counts(some).items()
    }


def test_only_the_last_runs_keep_their_states(ws: Workspace, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Daily runs would add the day-dependent states (the ID check's) without end: the table keeps what the
    dataset's last KEEP_RUNS runs wrote, and the newest run's states are all still reused."""
    keep = 3  # fewer runs than the default, same logic
    monkeypatch.setattr(states, "KEEP_RUNS", keep)
    ingest(ws, str(files["whole"]), flags={"code": "population"}, meta_file=sidecar("population.yaml"))
    rs = suggest_rules(ws, "population", as_of=AS_OF)

    def stored() -> list[tuple[str, dt.datetime]]:
        with ws.store.session() as s:
            return [(fp, at) for fp, at in s.execute(sa.select(QualityState.fingerprint, QualityState.created_at))]

    run_quality(ws, "population", rules=rs, as_of=AS_OF)
    first = len(stored())
    run_quality(ws, "population", rules=rs, as_of=AS_OF + dt.timedelta(days=1))
    daily = len(stored()) - first  # states whose key holds the day: a new one each day
    assert daily >= 1 and first > daily
    last = AS_OF + dt.timedelta(days=keep + 1)
    for day in range(2, keep + 2):
        run_quality(ws, "population", rules=rs, as_of=AS_OF + dt.timedelta(days=day))
    rows = stored()
    assert len({at for _, at in rows}) == keep
    assert len(rows) == first - daily + keep * daily

    reads = delta_reads(ws, monkeypatch)
    again = run_quality(ws, "population", rules=rs, as_of=last)
    assert reads == []  # every row rule reused the newest states: no segment read
    assert counts(again) == counts(run_quality(ws, "population", rules=rs, as_of=last, recompute=True))


# one rule per row-level check; a new check must be added here, so that the test below covers it
EXAMPLES = {
    "bank_card": "{column: yhkh, check: bank_card}",
    "code_list": "{column: xzqh, check: code_list, code_list: GB/T 2260}",
    "compare": "{check: compare, left: start_date, op: '<=', right: end_date}",
    "date_format": "{column: csrq, check: date_format, format: '%Y-%m-%d'}",
    "freshness": "{column: updated_at, check: freshness, max_age: 30d, scope: rows}",
    "id_birthdate_match": "{columns: [sfzh, csrq], check: id_birthdate_match}",
    "id_card": "{column: sfzh, check: id_card}",
    "id_sex_match": "{columns: [sfzh, xb], check: id_sex_match}",
    "length": "{column: xm, check: length, min: 2, max: 20}",
    "mobile": "{column: lxdh, check: mobile}",
    "not_blank": "{column: xm, check: not_blank}",
    "not_null": "{column: xm, check: not_null}",
    "range": "{column: age, check: range, min: 0, max: 150}",
    "regex": "{column: zip, check: regex, pattern: '^\\d{6}$'}",
    "row_count": "{check: row_count, min: 1}",
    "uscc": "{column: tyshxydm, check: uscc}",
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_checks_that_read_the_assessment_time_say_so(name: str) -> None:
    """A check whose compiled SQL changes with as_of must declare ``as_of``, or stale states would be reused."""
    import re

    import ibis

    from shuzhi.quality.compile import compile_rules
    from shuzhi.quality.context import Ctx, DatasetRef
    from shuzhi.quality.registry import get_checks
    from shuzhi.quality.rules import defaults, parse_rules

    assert set(EXAMPLES) == {n for n, c in get_checks().items() if c.kind == "expr"}
    cols = ("xm", "sfzh", "csrq", "xb", "lxdh", "yhkh", "tyshxydm", "xzqh", "age", "zip", "start_date", "end_date", "updated_at")
    table = ibis.table({c: "string" for c in cols}, name="t")
    rules = parse_rules(f"rules:\n  - {EXAMPLES[name]}\n").rules

    def sql(when: dt.datetime) -> str:
        ctx = Ctx(data=DatasetRef("t", 1, table, {"start_date": "date", "end_date": "date", "updated_at": "datetime"}),
                  as_of=when, entry={}, defaults=defaults())
        text = ibis.to_sql(compile_rules(ctx, rules).aggregate, dialect="duckdb")
        return re.sub(r"ibis_[a-z]+_memtable_[a-z0-9]+", "memtable", text)

    day, hour = sql(dt.datetime(2026, 6, 30, 8)), sql(dt.datetime(2026, 6, 30, 9))
    declared = get_checks()[name].as_of
    if day != sql(dt.datetime(2026, 7, 1, 8)):
        assert declared in ("date", "time"), f"{name} reads the assessment date: declare as_of"
    if day != hour:
        assert declared == "time", f"{name} reads the assessment time of day: declare as_of='time'"
