"""``shuzhi scan``: the JSON object the issue specifies, files not in the catalog, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Cli
from corpus import HEADER, csv_text, write_text

from shuzhi.standards.checksums import gb11643_check_char


@pytest.fixture
def people(tmp_path: Path) -> Path:
    """The corpus' people table (GBK), with valid 公民身份号码 and 20 rows."""
    rows = []
    for i in range(20):
        body = f"3201021990{1 + i % 12:02d}{1 + i:02d}{i:03d}"
        rows.append(["张三", body + gb11643_check_char(body), f"139{i:08d}", "320102", "210000", "01", "1990-01-01", "36", "5.00"])
    return write_text(tmp_path / "people.csv", csv_text(rows, HEADER), "gbk")


def test_scan_a_dataset_json_shape(cli: Cli, people: Path) -> None:
    cli("ingest", str(people), "--code", "people")
    data = cli.json("scan", "people")
    assert {"dataset", "rows_scanned", "columns", "dataset_level", "duration_s"} <= set(data)
    assert data["dataset"] == "people" and data["rows_scanned"] == 20 and data["template"] == "gov"
    col = next(c for c in data["columns"] if c["name"] == "公民身份号码")
    assert {"name", "entities", "category", "level", "evidence"} <= set(col)
    assert [e["type"] for e in col["entities"]] == ["CN_RESIDENT_ID"]
    assert set(col["entities"][0]) >= {"type", "ratio", "confidence"}
    assert col["level"] == "L3" and col["category"].startswith("personal")
    assert data["dataset_level"] in ("L3", "L4")
    general = cli.json("scan", "people", "--template", "general", "--full")
    assert general["template"] == "general" and not general["sampled"]


def test_scan_a_file_registers_nothing(cli: Cli, people: Path) -> None:
    data = cli.json("scan", str(people))
    assert data["kind"] == "file" and data["dataset"] == "people.csv"
    assert "CN_MOBILE" in next(e["type"] for c in data["columns"] if c["name"] == "联系电话" for e in c["entities"])
    assert cli.json("catalog", "list") == []
    out = cli("scan", str(people)).stdout
    assert "公民身份号码" in out and "CN_RESIDENT_ID" in out


def test_domain_from_ingest_and_from_the_command_line(cli: Cli, people: Path) -> None:
    cli("ingest", str(people), "--code", "people", "--domain", "公安")
    assert cli.json("catalog", "show", "people")["domain"] == "公安"
    assert "业务领域" in cli("catalog", "show", "people").stdout
    data = cli.json("scan", "people")
    assert data["domain"]["id"] == "public_security" and data["dataset_level"] == "L4"
    assert "public_security_personal" in [r["rule"] for r in data["raises"]]
    out = cli("scan", str(people), "--domain", "交通").stdout  # not a gov domain: said, and nothing applied
    assert "交通" in out and "领域规则未适用" in out


@pytest.mark.parametrize(("args", "words"), [
    (["scan", "nothing"], "nothing"),
    (["scan", "{people}", "--template", "hospital"], "hospital"),
    (["scan", "{people}", "--sample", "10", "--full"], "--full"),
    (["scan", "{people}", "--sample", "0"], "--sample"),
])
def test_bad_input(cli: Cli, people: Path, args: list[str], words: str) -> None:
    args = [a.format(people=people) for a in args]
    result = cli(*args, expect=1)
    assert words in result.stderr and result.stdout == ""
    assert json.loads(cli(*args, "--json", expect=1).stdout)["error"]["zh"]


def test_grade_review_export_and_level(cli: Cli, people: Path, tmp_path: Path) -> None:
    cli("ingest", str(people), "--code", "people")
    scan = cli.json("scan", "people")
    col = next(c for c in scan["columns"] if c["name"] == "公民身份号码")
    assert col["review"]["status"] == "pending" and scan["reviewed_level"] == scan["dataset_level"]
    listed = cli.json("grade", "review", "people", "--pending")
    assert listed["pending"] == len(scan["columns"])
    done = cli.json("grade", "review", "people", "--accept", "公民身份号码", "--set", "邮编=L2", "--reason", "邮编可定位小区",
                    "--reviewer", "王审核")
    by = {c["column"]: c for c in done["columns"]}
    assert by["公民身份号码"]["status"] == "accepted" and (by["邮编"]["status"], by["邮编"]["level"]) == ("overridden", "L2")
    assert cli.json("grade", "level", "people", "--column", "邮编")["level"] == "L2"
    again = cli.json("scan", "people")  # a re-scan keeps the decisions
    assert next(c for c in again["columns"] if c["name"] == "邮编")["review"]["status"] == "overridden"
    assert "邮编" not in [c["column"] for c in cli.json("grade", "review", "people", "--pending")["columns"]]
    out = tmp_path / "exports"
    out.mkdir()
    exported = cli.json("grade", "export", "--out", str(out))
    assert exported["columns"] == len(scan["columns"]) and Path(exported["files"]["inventory_csv"]).exists()
    assert "分类分级清单" in cli("grade", "export", "--out", str(out)).stdout


@pytest.mark.parametrize(("args", "words"), [
    (["grade", "review", "people", "--set", "邮编"], "COLUMN=LEVEL"),
    (["grade", "review", "people", "--set", "邮编=L2"], "--reason"),
    (["grade", "review", "people", "--accept", "nothing"], "nothing"),
    (["grade", "review", "nobody"], "nobody"),
    (["grade", "export", "--out", "/no/such/folder"], "/no/such/folder"),
])
def test_grade_bad_input(cli: Cli, people: Path, args: list[str], words: str) -> None:
    cli("ingest", str(people), "--code", "people")
    cli("scan", "people")
    result = cli(*args, expect=1)
    assert words in result.stderr and result.stdout == ""
