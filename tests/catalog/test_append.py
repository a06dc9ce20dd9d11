"""Incremental ingest (``--append``, 增量): the new version is the latest plus the new rows, sharing its files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from corpus import HEADER, ROWS, csv_text, records, write_text

from shuzhi.catalog import ingest, read_dataset, show_dataset
from shuzhi.config import Settings
from shuzhi.errors import SourceError
from shuzhi.store import DatasetVersion
from shuzhi.workspace import Workspace

MORE = [
    ["王小明", "320102200101011234", "13800001111", "320102", "210001", "01", "2001-01-01", "25", "3.5"],
    ["赵六", "320102198001011238", "13800002222", "320104", "210002", "02", "1980-01-01", "46", "7"],
]


def rows_of(ws: Workspace, code: str, version: int | None = None) -> list[dict[str, str]]:
    table = read_dataset(ws, code, version, typed=False)
    return sorted(ws.engine.to_pyarrow(table).to_pylist(), key=lambda r: r["公民身份号码"])


def versions(ws: Workspace) -> list[DatasetVersion]:
    import sqlalchemy as sa

    with ws.store.session() as s:
        return list(s.scalars(sa.select(DatasetVersion).order_by(DatasetVersion.version)))


def test_append_adds_rows_and_shares_the_previous_parts(any_ws: Workspace, tmp_path: Path) -> None:
    ws = any_ws
    ingest(ws, str(write_text(tmp_path / "people.csv", csv_text())))
    added = ingest(ws, str(write_text(tmp_path / "people_inc.csv", csv_text(MORE))), flags={"code": "people"}, append=True)
    assert (added.status, added.version, added.rows) == ("created", 2, 6)

    expected = sorted(records() + [dict(zip(HEADER, r, strict=True)) for r in MORE], key=lambda r: r["公民身份号码"])
    assert rows_of(ws, "people") == expected
    assert rows_of(ws, "people", 1) == sorted(records(), key=lambda r: r["公民身份号码"])  # v1 is unchanged
    entry = show_dataset(ws, "people")
    assert entry["rows"] == 6
    assert {c["name"]: c["profile"]["distinct"] for c in entry["items"]}["公民身份号码"] == 6  # profiled as a whole

    v1, v2 = versions(ws)
    assert [g["rows"] for g in v2.segments] == [4, 2]
    assert v2.segments[0] == v1.segments[0]
    assert v2.read_options["appended_to"] == 1
    assert v2.checksum not in (v1.checksum, added.checksum)
    for name in v1.segments[0]["files"]:  # the same immutable files, not copies
        assert os.stat(Path(v1.storage_uri) / name).st_ino == os.stat(Path(v2.storage_uri) / name).st_ino
    assert sorted(n for n in os.listdir(v2.storage_uri) if n.endswith(".parquet")) == sorted(f for g in v2.segments for f in g["files"])


def test_the_same_increment_twice_in_a_row_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    ingest(ws, str(write_text(tmp_path / "people.csv", csv_text())))
    inc = str(write_text(tmp_path / "inc.csv", csv_text(MORE)))
    assert ingest(ws, inc, flags={"code": "people"}, append=True).version == 2
    again = ingest(ws, inc, flags={"code": "people"}, append=True)
    assert (again.status, again.version, again.rows) == ("unchanged", 2, 6)
    # a different increment continues the chain: three segments
    third = ingest(ws, str(write_text(tmp_path / "inc2.csv", csv_text([ROWS[0]]))), flags={"code": "people"}, append=True)
    assert (third.version, third.rows) == (3, 7)
    assert [g["rows"] for g in versions(ws)[-1].segments] == [4, 2, 1]


def test_a_writer_that_read_an_older_version_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    """``expect_latest``: a caller that chose its rows from version n fails (and changes nothing) once
    another writer has registered a version; 0 stands for "no version yet"."""
    people = str(write_text(tmp_path / "people.csv", csv_text()))
    inc = str(write_text(tmp_path / "inc.csv", csv_text(MORE)))
    assert ingest(ws, people, expect_latest=0).version == 1
    with pytest.raises(SourceError, match=r"changed after it was read \(read v0, now v1\)") as err:
        ingest(ws, people.replace("people.csv", "inc.csv"), flags={"code": "people"}, expect_latest=0)
    assert "请重试" in err.value.zh
    with pytest.raises(SourceError, match=r"read v2, now v1"):
        ingest(ws, inc, flags={"code": "people"}, append=True, expect_latest=2)
    assert [v.version for v in versions(ws)] == [1]
    assert rows_of(ws, "people") == sorted(records(), key=lambda r: r["公民身份号码"])
    assert ingest(ws, inc, flags={"code": "people"}, append=True, expect_latest=1).version == 2
    # the increment already there: unchanged, whatever the caller read
    assert ingest(ws, inc, flags={"code": "people"}, append=True, expect_latest=1).status == "unchanged"


def test_bad_increments_change_nothing(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="has no version to append to"):
        ingest(ws, str(write_text(tmp_path / "people.csv", csv_text())), append=True)
    assert versions(ws) == []
    ingest(ws, str(tmp_path / "people.csv"))
    before = sorted(os.listdir(Path(versions(ws)[0].storage_uri).parent))

    other = [h if h != "邮编" else "邮政编码" for h in HEADER]
    with pytest.raises(SourceError, match="appended columns differ") as err:
        ingest(ws, str(write_text(tmp_path / "renamed.csv", csv_text(MORE, header=other))), flags={"code": "people"}, append=True)
    assert "追加的数据列" in err.value.zh
    with pytest.raises(SourceError, match="header but no data rows"):
        ingest(ws, str(write_text(tmp_path / "empty.csv", csv_text([]))), flags={"code": "people"}, append=True)
    assert [v.version for v in versions(ws)] == [1]
    assert sorted(os.listdir(Path(versions(ws)[0].storage_uri).parent)) == before


def test_cli_append(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", str(write_text(tmp_path / "people.csv", csv_text())))
    out = cli.json("ingest", str(write_text(tmp_path / "inc.csv", csv_text(MORE))), "--code", "people", "--append")
    assert (out["status"], out["version"], out["rows"]) == ("created", 2, 6)
    failed = cli("ingest", str(tmp_path / "inc.csv"), "--code", "nobody", "--append", expect=1)
    assert "ingest the full data first" in failed.stderr
    cli.json("quality", "run", "people", "--version", "1")
    reused = cli.json("quality", "run", "people")  # v2's first segment counted by the run of v1
    full = cli.json("quality", "run", "people", "--recompute")
    assert reused["rows"] == full["rows"] == 6
    assert [(r["id"], r["evaluated"], r["passed"]) for r in reused["rules"]] == [(r["id"], r["evaluated"], r["passed"]) for r in full["rules"]]


@pytest.mark.spark
def test_append_under_a_uri_copies_the_parts(tmp_path: Path) -> None:
    root = tmp_path / "lake"
    with Workspace(Settings(home=tmp_path / "ws", engine="spark", storage=f"file://{root}")) as ws:
        ingest(ws, str(write_text(tmp_path / "people.csv", csv_text())))
        ingest(ws, str(write_text(tmp_path / "inc.csv", csv_text(MORE))), flags={"code": "people"}, append=True)
        assert len(rows_of(ws, "people")) == 6
        assert len(rows_of(ws, "people", 1)) == 4
        v2 = versions(ws)[-1]
        assert v2.storage_uri.startswith(f"file://{root}/people/")
        assert [g["rows"] for g in v2.segments] == [4, 2]
