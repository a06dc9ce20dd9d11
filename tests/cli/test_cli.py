"""The ``shuzhi`` command: JSON output, one-line errors and exit codes, catalog commands, demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import Cli
from corpus import csv_text, write_text


@pytest.fixture
def people(tmp_path: Path) -> Path:
    return write_text(tmp_path / "people.csv", csv_text(), "gbk")


def test_ingest_json_and_versions(cli: Cli, people: Path) -> None:
    first = cli.json("ingest", str(people), "--code", "population", "--title", "人口综合库", "--category", "基础库",
                     "--base-library", "人口", "--share", "有条件共享", "--share-condition", "依申请", "--cycle", "每日")
    assert first["status"] == "created" and first["version"] == 1
    assert (first["rows"], first["columns"], first["encoding"]) == (4, 9, "GBK")
    assert first["checksum"].startswith("sha256:") and len(first["checksum"]) == 71
    assert first["warnings"] == []

    again = cli.json("ingest", str(people), "--code", "population")
    assert (again["status"], again["version"]) == ("unchanged", 1)

    write_text(people, csv_text() + "新人,320102200101011230,13900000000,320102,210000,01,2001-01-01,25,1\n", "gbk")
    third = cli.json("ingest", str(people), "--code", "population")
    assert (third["status"], third["version"], third["rows"]) == ("created", 2, 5)

    shown = cli.json("catalog", "show", "population")
    assert [v["version"] for v in shown["versions"]] == [1, 2]
    assert shown["title"] == "人口综合库"  # kept from the first ingest's flags
    assert shown["share"] == {"type": "有条件共享", "condition": "依申请", "method": None}
    assert cli.json("catalog", "show", "population", "--version", "1")["shown_version"] == 1


def test_unchanged_content_still_updates_metadata(cli: Cli, people: Path) -> None:
    cli("ingest", str(people), "--code", "population")
    result = cli.json("ingest", str(people), "--code", "population", "--title", "新名称")
    assert result["status"] == "unchanged"
    assert cli.json("catalog", "show", "population")["title"] == "新名称"


def test_sidecar_and_flags(cli: Cli, people: Path, tmp_path: Path) -> None:
    meta = tmp_path / "meta.yaml"
    meta.write_text(yaml.safe_dump({
        "资源代码": "population", "资源名称": "人口综合库", "提供方": "江苏省公安厅", "资源分类": "基础库", "基础库": "人口",
        "共享属性": {"共享类型": "有条件共享", "共享条件": "依申请", "共享方式": "接口"}, "更新周期": "每日",
        "发布日期": "2021-06-30", "关联资源代码": ["legal_person"],
        "信息项": {"公民身份号码": {"中文名称": "公民身份号码", "描述": "GB 11643"}},
    }, allow_unicode=True), encoding="utf-8")
    cli("ingest", str(people), "--meta", str(meta), "--cycle", "每月")
    e = cli.json("catalog", "show", "population")
    assert (e["provider"], e["update_cycle"], e["publish_date"], e["related"]) == ("江苏省公安厅", "每月", "2021-06-30", ["legal_person"])
    assert e["share"] == {"type": "有条件共享", "condition": "依申请", "method": "接口"}
    item = next(i for i in e["items"] if i["name"] == "公民身份号码")
    assert (item["title"], item["description"], item["type"]) == ("公民身份号码", "GB 11643", "string")
    assert item["profile"]["formats"][0] == {"pattern": r"\d{18}", "count": 2, "share": 0.5}


def test_profile_shown_in_catalog_show(cli: Cli, people: Path) -> None:
    cli("ingest", str(people), "--code", "population")
    items = {i["name"]: i for i in cli.json("catalog", "show", "population")["items"]}
    age = items["年龄"]
    assert (age["type"], age["profile"]["min"], age["profile"]["max"], age["profile"]["nulls"]) == ("int64", 26, 76, 0)
    assert items["出生日期"]["profile"]["min"] == "1949-12-31"
    text = cli("catalog", "show", "population").stdout
    assert "信息项" in text and "公民身份号码" in text and "int64" in text


def test_catalog_list_and_search(cli: Cli, people: Path, tmp_path: Path) -> None:
    cli("ingest", str(people), "--code", "population", "--title", "人口综合库", "--category", "基础库", "--base-library", "人口")
    credit = write_text(tmp_path / "credit.csv", "tyshxydm,qymc\n91320000MA1234567X,南京某某科技有限公司\n")
    cli("ingest", str(credit), "--title", "信用信息库", "--category", "基础库", "--base-library", "社会信用")
    assert [e["code"] for e in cli.json("catalog", "list")] == ["credit", "population"]
    hits = cli.json("catalog", "search", "人口 身份")
    assert [h["code"] for h in hits] == ["population"]
    assert set(hits[0]["matched"]) == {"人口", "身份"}
    assert cli.json("catalog", "search", "信用") and cli.json("catalog", "search", "信用")[0]["code"] == "credit"
    assert cli.json("catalog", "search", "不存在的词") == []
    assert "人口综合库" in cli("catalog", "list").stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["ingest", "{missing}"], "file not found"),
        (["ingest", "{people}", "--share", "随便"], "无条件共享、有条件共享、不予共享"),
        (["ingest", "{people}", "--open", "全部开放"], "无条件开放"),
        (["ingest", "{people}", "--cycle", "每旬"], "每季度"),
        (["ingest", "{people}", "--encoding", "utf-8"], "line 1"),
        (["ingest", "{people}", "--format", "docx"], "unknown format"),
        (["ingest", "{people}", "--category", "基础库"], "base_library"),
        (["catalog", "show", "nothing"], "no dataset 'nothing'"),
        (["--engine", "oracle", "catalog", "list"], "unknown engine"),
    ],
)
def test_errors_are_one_line_with_exit_1(cli: Cli, people: Path, tmp_path: Path, args: list[str], words: str) -> None:
    args = [a.format(people=people, missing=tmp_path / "missing.csv") for a in args]
    result = cli(*args, expect=1)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("错误 error:"), result.stderr
    assert words in lines[0]
    assert result.stdout == ""
    as_json = cli(*args, "--json", expect=1) if args[0] != "--engine" else None
    if as_json is not None:
        assert json.loads(as_json.stdout)["error"]["en"]
    assert cli.json("catalog", "list") == []


def test_demo_data_command(cli: Cli, tmp_path: Path) -> None:
    manifest = cli.json("demo-data", str(tmp_path / "demo"), "--rows", "200")
    files = {d["code"]: d["file"] for d in manifest["datasets"]}
    assert files == {"population": "population.csv", "legal_person": "legal_person.xlsx", "credit": "credit.csv",
                     "e_license": "e_license.jsonl", "geo_parcel": "geo_parcel.csv"}
    assert all((tmp_path / "demo" / f).is_file() for f in files.values())


def test_demo_ingests_five_base_libraries(cli: Cli) -> None:
    report = cli.json("demo", "--rows", "300")
    catalog = {e["code"]: e for e in report["catalog"]}
    assert {e["base_library"] for e in catalog.values()} - {None} == {"人口", "法人", "社会信用", "电子证照", "自然资源和空间地理"}
    assert catalog["dc_readings"]["category"] == "部门库"  # the monitoring demo's meter readings
    assert catalog["population"]["rows"] == 300
    formats = {r["code"]: (r["format"], r["encoding"]) for r in report["ingested"]}
    assert formats["population"] == ("csv", "GBK")
    assert formats["legal_person"] == ("xlsx", None)
    assert formats["geo_parcel"] == ("csv", "UTF-8-BOM")
    assert formats["e_license"] == ("jsonl", "UTF-8")
    again = cli("demo", "--rows", "300").stdout  # same seed, same files: nothing new
    assert "数据资源目录" in again and "0 new version(s)" in again and "data-centre monitor: 16 sites" in again


def test_version_and_help(cli: Cli) -> None:
    assert cli("--version").stdout.startswith("shuzhi ")
    assert "ingest" in cli("--help").stdout


def test_error_text_is_not_read_as_markup(cli: Cli, tmp_path: Path) -> None:
    path = write_text(tmp_path / "wide.csv", "a,b\n1,2,[bold]3[/bold]\n")
    result = cli("ingest", str(path), expect=1)
    assert "line 2: 3 fields" in result.stderr


def test_internal_errors_are_one_line_with_exit_70(cli: Cli, people: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shuzhi.catalog

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire [x]")

    monkeypatch.setattr(shuzhi.catalog, "ingest", broken)  # the command imports it when it runs
    result = cli("ingest", str(people), expect=70)
    assert "internal error" in result.stderr and "RuntimeError: disk on fire [x]" in result.stderr
    monkeypatch.setenv("SHUZHI_DEBUG", "1")
    with pytest.raises(AssertionError, match="disk on fire"):
        cli("ingest", str(people), expect=0)


def test_help_and_version_load_no_engine() -> None:
    """``shuzhi --help`` and ``--version`` answer without importing the engines, Arrow or the metadata
    store (that took 2 s a call); commands import what they use when they run."""
    import subprocess
    import sys

    heavy = ("ibis", "duckdb", "pyarrow", "sqlalchemy", "pandas", "pyspark", "shuzhi.workspace", "shuzhi.catalog")
    code = ("import json, sys; from shuzhi.cli import app; from typer.testing import CliRunner; "
            "h = CliRunner().invoke(app, ['--help']); v = CliRunner().invoke(app, ['--version']); "
            "print(json.dumps([h.exit_code, v.exit_code, v.output.strip(), 'ingest' in h.output, "
            f"[m for m in {heavy!r} if m in sys.modules]]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    exit_help, exit_version, version, lists_ingest, loaded = json.loads(done.stdout)
    assert (exit_help, exit_version, lists_ingest, loaded) == (0, 0, True, [])
    assert version.startswith("shuzhi ")
