"""Machine + human labelling: stored scans, accept and override, re-scans of new versions, the audit chain, level_of, exports."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from shuzhi.catalog import ingest
from shuzhi.errors import ConfigError
from shuzhi.grading.assess import assess
from shuzhi.grading.export import IMPORTANT, INVENTORY, export
from shuzhi.grading.review import labels, level_of, review
from shuzhi.security.audit import events, verify
from shuzhi.standards.checksums import gb11643_check_char
from shuzhi.store.models import AuditEvent
from shuzhi.workspace import Workspace


def people_csv(path: Path, n: int = 30, *, address: bool = False) -> Path:
    lines = ["xm,sfzh,lxdh,bz" + (",jtzz" if address else "")]
    for i in range(n):
        body = f"3201021990{1 + i % 12:02d}{1 + i % 28:02d}{i:03d}"
        row = f"张{'伟芳娜敏静'[i % 5]},{body}{gb11643_check_char(body)},139{i:08d},正常"
        lines.append(row + (f",江苏省南京市玄武区中山路{i + 1}号" if address else ""))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def scanned(ws: Workspace, tmp_path: Path) -> Workspace:
    ingest(ws, str(people_csv(tmp_path / "p.csv")), flags={"code": "people", "title": "人口测试"})
    assess(ws, "people", store=True)
    return ws


def by_column(ws: Workspace) -> dict[str, object]:
    return {lab.column: lab for lab in labels(ws, "people")}


def test_a_scan_stores_pending_machine_labels(scanned: Workspace) -> None:
    labs = by_column(scanned)
    assert list(labs) == ["xm", "sfzh", "lxdh", "bz"]
    sfzh = labs["sfzh"]
    assert (sfzh.status, sfzh.level, sfzh.machine_level, sfzh.changed) == ("pending", "L3", "L3", False)  # type: ignore[attr-defined]
    assert [e["type"] for e in sfzh.entities] == ["CN_RESIDENT_ID"]  # type: ignore[attr-defined]
    assert level_of(scanned, "people")["status"] == "pending"


def test_accept_and_override_are_stored_and_audited(scanned: Workspace) -> None:
    review(scanned, "people", accept=["sfzh"], overrides={"bz": ("L2", None)}, reason="备注含联系方式", reviewer="王审核")
    labs = by_column(scanned)
    assert (labs["sfzh"].status, labs["sfzh"].reviewer) == ("accepted", "王审核")  # type: ignore[attr-defined]
    assert (labs["bz"].status, labs["bz"].level, labs["bz"].reason) == ("overridden", "L2", "备注含联系方式")  # type: ignore[attr-defined]
    assert level_of(scanned, "people", "bz")["level"] == "L2"
    with scanned.store.session() as s:
        found = events(s, target_prefix="dataset:people/")
        assert [(e["action"], e["target"]) for e in found] == [
            ("grade.accept", "dataset:people/column:sfzh"), ("grade.override", "dataset:people/column:bz")]
        assert found[1]["details"]["before"]["level"] == "L1" and found[1]["details"]["after"]["level"] == "L2"
        assert verify(s) == []
        first = s.get(AuditEvent, found[0]["id"])
        assert first is not None
        first.details = {**first.details, "reason": "changed later"}  # tampering shows
        s.flush()
        assert any("edited" in p for p in verify(s))
        s.rollback()


def test_bad_decisions_change_nothing(scanned: Workspace) -> None:
    for kwargs, words in [
        ({"overrides": {"bz": ("L2", None)}}, "reason"),
        ({"overrides": {"bz": ("L9", None)}, "reason": "x"}, "L9"),
        ({"overrides": {"bz": ("L2", "no.such")}, "reason": "x"}, "no.such"),
        ({"accept": ["nothing"]}, "nothing"),
        ({"accept": ["bz"], "overrides": {"bz": ("L2", None)}, "reason": "x"}, "both"),
    ]:
        with pytest.raises(ConfigError) as err:
            review(scanned, "people", reviewer="王审核", **kwargs)  # type: ignore[arg-type]
        assert words in str(err.value) or words in err.value.zh
    assert {lab.status for lab in labels(scanned, "people")} == {"pending"}
    with scanned.store.session() as s:
        assert events(s) == []


def test_rescans_keep_decisions_and_reask_only_changed_columns(scanned: Workspace, tmp_path: Path) -> None:
    review(scanned, "people", accept=["sfzh", "lxdh"], overrides={"xm": ("L3", None)}, reason="姓名与身份证同表", reviewer="王审核")
    ingest(scanned, str(people_csv(tmp_path / "p2.csv", 40, address=True)), flags={"code": "people"})  # v2, one more column
    assess(scanned, "people", store=True)
    labs = by_column(scanned)
    assert labs["sfzh"].status == "accepted" and labs["sfzh"].version == 2  # type: ignore[attr-defined]
    assert (labs["xm"].status, labs["xm"].level) == ("overridden", "L3")  # type: ignore[attr-defined]
    assert labs["jtzz"].status == "pending"  # type: ignore[attr-defined]
    pending = [lab.column for lab in labels(scanned, "people") if lab.status == "pending" or lab.changed]
    assert pending == ["bz", "jtzz"]


def test_level_of_the_dataset_uses_reviewed_levels(scanned: Workspace) -> None:
    before = level_of(scanned, "people")
    review(scanned, "people", overrides={"bz": ("L4", None)}, reason="含敏感备注", reviewer="王审核")
    after = level_of(scanned, "people")
    assert (before["level"], after["level"]) == ("L3", "L4")
    assert after["top"] == 3 and after["rank"] == 3


def test_no_scan_no_labels(ws: Workspace, tmp_path: Path) -> None:
    ingest(ws, str(people_csv(tmp_path / "p.csv")), flags={"code": "people"})
    with pytest.raises(ConfigError, match="shuzhi scan people"):
        labels(ws, "people")


def test_exports(scanned: Workspace, tmp_path: Path) -> None:
    review(scanned, "people", overrides={"bz": ("L4", None)}, reason="含敏感备注", reviewer="王审核")
    out = tmp_path / "out"
    out.mkdir()
    data = export(scanned, out)
    assert (data["columns"], data["important"]) == (4, 1)
    with open(data["files"]["inventory_csv"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == INVENTORY
    bz = next(r for r in rows if r["列名"] == "bz")
    assert (bz["级别"], bz["状态"], bz["复核人"], bz["理由"]) == ("L4", "人工改定", "王审核", "含敏感备注")
    sfzh = next(r for r in rows if r["列名"] == "sfzh")
    assert sfzh["识别实体"].startswith("CN_RESIDENT_ID(100%)") and "个人信息" in sfzh["类别路径"]
    book = openpyxl.load_workbook(data["files"]["inventory_xlsx"])
    sheet = book.active
    assert [c.value for c in sheet[1]] == INVENTORY and sheet.max_row == 5
    imp = openpyxl.load_workbook(data["files"]["important_xlsx"]).active
    assert [c.value for c in imp[1]] == IMPORTANT
    assert imp["A2"].value == "人口测试" and imp["K2"].value == "待填写"  # 处理目的和方式: never invented


def test_export_of_every_dataset_skips_the_unscanned(scanned: Workspace, tmp_path: Path) -> None:
    ingest(scanned, str(people_csv(tmp_path / "other.csv")), flags={"code": "other"})  # not scanned
    out = tmp_path / "out"
    out.mkdir()
    assert export(scanned, out)["columns"] == 4  # people only
    with pytest.raises(ConfigError, match="shuzhi scan other"):
        export(scanned, out, ["other"])


def test_the_catalog_domain_reaches_grading_review_and_export(ws: Workspace, tmp_path: Path) -> None:
    ingest(ws, str(people_csv(tmp_path / "p.csv")), flags={"code": "patients", "title": "门诊病人", "domain": "卫健"})
    data = assess(ws, "patients", store=True)
    assert data["domain"] == {"given": "卫健", "id": "health", "name": "卫生健康"}
    cols = {c["name"]: c for c in data["columns"]}
    assert (cols["xm"]["level"], cols["sfzh"]["level"], cols["bz"]["category"]) == ("L4", "L4", "personal.health")
    assert data["dataset_level"] == "L4" and data["important_data_candidate"]
    # the stored result keeps the domain, so the reviewed level applies the same domain rules
    review(ws, "patients", overrides={"xm": ("L2", None)}, reason="仅挂号姓名", reviewer="王审核")
    assert level_of(ws, "patients")["level"] == "L4"  # sfzh is still L4 in the health domain
    out = tmp_path / "out"
    out.mkdir()
    files = export(ws, out, ["patients"])["files"]
    imp = openpyxl.load_workbook(files["important_xlsx"]).active
    assert imp.cell(2, IMPORTANT.index("所属行业领域") + 1).value == "卫健"


def test_the_base_library_stands_in_for_the_domain_and_scan_may_name_one(ws: Workspace, tmp_path: Path) -> None:
    ingest(ws, str(people_csv(tmp_path / "p.csv")), flags={"code": "pop", "category": "基础库", "base_library": "人口"})
    data = assess(ws, "pop")
    assert data["domain"]["id"] == "population"
    assert {c["name"]: c["category"] for c in data["columns"]}["bz"] == "personal.basic"
    police = assess(ws, "pop", domain="公安")  # --domain overrides the catalog
    assert police["domain"]["id"] == "public_security" and police["dataset_level"] == "L4"
    assert assess(ws, str(tmp_path / "p.csv"))["domain"] is None  # a file has no catalog domain
    assert assess(ws, str(tmp_path / "p.csv"), domain="法人")["domain"]["id"] == "legal_person"
