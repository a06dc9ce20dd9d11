"""Bad input: a clear error naming the file (and line), and nothing registered or left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from corpus import csv_text, write_text, write_xlsx

from shuzhi.catalog import ingest, list_datasets, show_dataset
from shuzhi.errors import (
    ConfigError,
    MetadataError,
    NotFoundError,
    ShuzhiError,
    SourceError,
)
from shuzhi.sources.stage import SourceOptions
from shuzhi.workspace import Workspace


def assert_untouched(ws: Workspace, *, versions: int = 0) -> None:
    """The catalog and the data area are exactly as before the failed ingest."""
    entries = list_datasets(ws)
    assert sum(e["version"] or 0 for e in entries) == versions
    data = ws.home / "data"
    parts = [p for p in data.rglob("*.parquet")] if data.exists() else []
    assert len({p.parent for p in parts}) == versions
    staging = ws.settings.staging_dir
    assert not staging.exists() or not any(staging.iterdir())


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
ZIP = b"PK\x03\x04" + b"\x00" * 64

CASES = [
    # (file name, content bytes, exception type, words the English message must contain)
    ("missing.csv", None, SourceError, "file not found"),
    ("empty.csv", b"", SourceError, "empty file"),
    ("blank.csv", b"\n\n  \n", SourceError, "empty file"),
    ("image.csv", PNG, SourceError, "PNG data"),
    ("archive.csv", ZIP, SourceError, "ZIP/XLSX data, not csv"),
    ("nul.csv", b"a,b\n1,\x00\n", SourceError, "not a text file"),
    ("header_only.csv", "姓名,身份证号\n".encode(), SourceError, "header but no data rows"),
    ("header_only_crlf.csv", "姓名,身份证号\r\n".encode("gbk"), SourceError, "header but no data rows"),
    ("broken.xlsx", b"PK\x03\x04garbage", SourceError, "cannot read Excel file"),
    ("not.json", b"hello", SourceError, "not a JSON array"),
    ("bad.json", b'[{"a": 1}, {"a": ', SourceError, "JSON"),
    ("unterminated.csv", b'a,b\n1,"never closed\n', SourceError, "line 2"),
]


@pytest.mark.parametrize(("name", "content", "exc", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_files(ws: Workspace, tmp_path: Path, name: str, content: bytes | None, exc: type[ShuzhiError], words: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(exc) as info:
        ingest(ws, str(path))
    assert words in info.value.en
    assert name in info.value.zh and name in info.value.en  # names the file, in both languages
    assert_untouched(ws)


def test_header_only_xlsx(ws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "h.xlsx", [["姓名", "身份证号"]])
    with pytest.raises(SourceError, match="header but no data rows"):
        ingest(ws, str(path))
    assert_untouched(ws)


def test_unknown_sheet(ws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [["a"], ["1"]])
    with pytest.raises(SourceError) as info:
        ingest(ws, str(path), options=SourceOptions(sheet="人口"))
    assert "数据" in info.value.zh  # lists the sheets that exist
    assert_untouched(ws)


def test_directory_is_not_a_file(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not a file"):
        ingest(ws, str(tmp_path), flags={"code": "x"})


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(ws: Workspace, tmp_path: Path) -> None:
    path = write_text(tmp_path / "secret.csv", csv_text())
    path.chmod(0)
    with pytest.raises(SourceError, match="permission denied"):
        ingest(ws, str(path))


def test_wrong_forced_encoding_keeps_previous_version(ws: Workspace, tmp_path: Path) -> None:
    path = write_text(tmp_path / "people.csv", csv_text(), "gbk")
    ingest(ws, str(path))
    before = show_dataset(ws, "people")
    write_text(path, csv_text() + "王五,320102199001011234,1,2,3,4,2001-01-01,25,1\n", "gbk")
    with pytest.raises(SourceError, match="not valid UTF-8"):
        ingest(ws, str(path), options=SourceOptions(encoding="utf-8"))
    assert show_dataset(ws, "people") == before
    assert_untouched(ws, versions=1)


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"encoding": "klingon"}, "unknown encoding"),
        ({"format": "docx"}, "unknown format"),
        ({"delimiter": "::"}, "one character"),
    ],
)
def test_bad_options(ws: Workspace, tmp_path: Path, options: dict[str, str], words: str) -> None:
    path = write_text(tmp_path / "people.csv", csv_text())
    with pytest.raises(ConfigError, match=words):
        ingest(ws, str(path), options=SourceOptions(**options))
    assert_untouched(ws)


def test_bad_metadata_is_checked_before_reading(ws: Workspace, tmp_path: Path) -> None:
    path = write_text(tmp_path / "people.csv", csv_text())
    with pytest.raises(MetadataError, match="share.type"):
        ingest(ws, str(path), flags={"share": {"type": "随便共享"}})
    assert_untouched(ws)


def test_code_cannot_be_derived_from_chinese_file_name(ws: Workspace, tmp_path: Path) -> None:
    path = write_text(tmp_path / "人口.csv", csv_text())
    with pytest.raises(MetadataError, match="--code"):
        ingest(ws, str(path))
    assert ingest(ws, str(path), flags={"code": "population"}).version == 1
    assert show_dataset(ws, "population")["title"] == "人口"


def test_database_unreachable(ws: Workspace) -> None:
    with pytest.raises(SourceError) as info:
        ingest(ws, "postgresql://steward:s3cret@127.0.0.1:9/gov#person")
    assert "cannot connect" in info.value.en
    assert "s3cret" not in info.value.en + info.value.zh  # the password never appears
    assert "steward:***@" in info.value.en
    assert_untouched(ws)


def test_database_file_missing(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="database file not found"):
        ingest(ws, f"sqlite:///{tmp_path}/nope.db#person")
    assert not (tmp_path / "nope.db").exists()  # not created as a side effect


def test_table_missing(ws: Workspace, tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "src.db"
    with sqlite3.connect(db) as c:
        c.execute("create table other (a text)")
    with pytest.raises(NotFoundError, match="table person not found"):
        ingest(ws, f"sqlite:///{db}#person")
    assert_untouched(ws)


@pytest.mark.parametrize("fragment", ["", "a;drop table x", "a.b.c", "t--"])
def test_table_name_is_validated_not_spliced(ws: Workspace, tmp_path: Path, fragment: str) -> None:
    with pytest.raises(ConfigError):
        ingest(ws, f"sqlite:///{tmp_path}/x.db#{fragment}", flags={"code": "x"})
