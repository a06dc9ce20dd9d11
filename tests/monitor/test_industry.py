"""The big-data industry database: import checks, upsert, chain coverage and boards, the map, the report, the CLI."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from shuzhi.demo.monitor_industry import demo_industry
from shuzhi.errors import ConfigError, SourceError
from shuzhi.monitor.industry import list_enterprises
from shuzhi.monitor.industry_chain import chain
from shuzhi.monitor.industry_import import import_enterprises, upsert_enterprise
from shuzhi.monitor.industry_map import SCALE, class_breaks, industry_map, map_svg
from shuzhi.monitor.industry_report import write_industry_report
from shuzhi.monitor.regions import cities
from shuzhi.security.audit import events
from shuzhi.standards.checksums import (
    gb11714_check_char,
    gb32100_check_char,
    gb32100_valid,
)
from shuzhi.workspace import Workspace

VALID_USCC = "91110000600037341L"  # GB 32100's own example (organisation code 60003734-1)
HEADER = ["统一社会信用代码", "企业名称", "所在城市", "产业链环节", "营业收入(亿元)", "年度", "标签", "园区"]


def uscc(serial: int, region: str = "320100", head: str = "91") -> str:
    """A valid code: GB 11714 organisation code of ``serial``, then the GB 32100 check character."""
    body = f"{serial:08d}"
    code17 = head + region + body + gb11714_check_char(body)
    return code17 + gb32100_check_char(code17)


def bad_org(code: str) -> str:
    """The organisation-code check (character 17) changed and character 18 recomputed: only GB 11714 fails."""
    c17 = code[:16] + ("1" if code[16] != "1" else "2")
    return c17 + gb32100_check_char(c17)


def write(path: Path, rows: list[list[Any]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *rows])
    return path


def row(code: str, name: str = "南京甲数据科技有限公司", city: str = "南京", segment: str = "通用软件层",
        revenue: Any = "1.5", year: Any = "2025", tags: str = "", parks: str = "") -> list[Any]:
    return [code, name, city, segment, revenue, year, tags, parks]


def problems_of(ws: Workspace, path: Path) -> list[tuple[str, int, list[int]]]:
    with pytest.raises(SourceError) as info:
        import_enterprises(ws, path, actor="t")
    assert list_enterprises(ws) == []  # nothing written
    return [(p["check"], p["count"], p["records"]) for p in info.value.details["problems"]]


# --- import: USCC checks --------------------------------------------------------------------------------

USCCS = [
    (bad := VALID_USCC[:-1] + "M", "uscc_check", "wrong check character 18"),
    (bad_org(VALID_USCC), "uscc_org_code", "embedded organisation code fails GB 11714"),
    (VALID_USCC.lower(), "uscc_lower_case", "lower case"),
    (VALID_USCC[:-1], "uscc_length", "17 characters"),
    (VALID_USCC + "0", "uscc_length", "19 characters"),
    (VALID_USCC[:10] + "I" + VALID_USCC[11:], "uscc_charset", "forbidden letter I"),
    ("91ABCDEF600037341L", "uscc_charset", "characters 3-8 not digits"),
    ("", "uscc_blank", "blank"),
]


@pytest.mark.parametrize(("code", "check", "reason"), USCCS, ids=[u[2] for u in USCCS])
def test_invalid_uscc_is_named_with_its_record(ws: Workspace, tmp_path: Path, code: str, check: str, reason: str) -> None:
    path = write(tmp_path / "e.csv", [row(VALID_USCC), row(code, name="乙")])
    assert problems_of(ws, path) == [(check, 1, [2])]


def test_valid_codes_including_letter_first(ws: Workspace, tmp_path: Path) -> None:
    letter_first = uscc(12345678, head="N2")
    assert gb32100_valid(letter_first) and not gb32100_valid(bad_org(VALID_USCC))
    path = write(tmp_path / "e.csv", [row(VALID_USCC), row(letter_first, name="乙合作社")])
    assert import_enterprises(ws, path, actor="t")["inserted"] == 2


# --- import: other checks, spellings ------------------------------------------------------------------------

def test_every_other_error_with_record_numbers_and_nothing_written(ws: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", [
        row(uscc(1)),                                      # 1 good
        row(uscc(2), name="  "),                           # 2 blank name
        row(uscc(3), city="上海"),                          # 3 unknown city
        row(uscc(4), segment="区块链层"),                    # 4 unknown segment
        row(uscc(5), tags="龙头、明星企业"),                  # 5 unknown tag
        row(uscc(6), revenue="-1"),                        # 6 negative revenue
        row(uscc(7), revenue="很多", year="二〇二五"),         # 7 revenue and year not numbers
        row(uscc(1), name="重复"),                           # 8 repeats record 1
    ])
    with pytest.raises(SourceError) as info:
        import_enterprises(ws, path, actor="t")
    found = {p["check"]: (p["count"], p["records"]) for p in info.value.details["problems"]}
    assert found == {"name": (1, [2]), "city": (1, [3]), "segment": (1, [4]), "tag": (1, [5]), "revenue": (2, [6, 7]),
                     "revenue_year": (1, [7]), "uscc_duplicate": (2, [1, 8])}
    assert "明星企业" in info.value.zh and "专精特新小巨人" in info.value.zh and "上海" in info.value.en
    assert list_enterprises(ws) == []


def test_missing_required_column(ws: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", [[VALID_USCC, "甲"]], header=["统一社会信用代码", "企业名称"])
    with pytest.raises(SourceError, match="required column"):
        import_enterprises(ws, path, actor="t")


def test_spellings_are_normalised(ws: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", [
        row(uscc(1), city="320102", segment="Security", revenue="1,200.5", tags="Unicorn|龙头企业; 龙头", parks="南京软件谷、南京软件谷"),
        row(uscc(2), city="苏州市", segment="安全保障", revenue="", year="", tags=""),
    ])
    import_enterprises(ws, path, actor="t")
    got = {e["uscc"]: e for e in list_enterprises(ws)}
    assert {k: got[uscc(1)][k] for k in ("city", "segment", "revenue", "revenue_year", "tags", "parks")} == {
        "city": "320100", "segment": "security", "revenue": 1200.5, "revenue_year": 2025, "tags": ["龙头", "独角兽"],
        "parks": ["南京软件谷"]}
    assert (got[uscc(2)]["city"], got[uscc(2)]["revenue"], got[uscc(2)]["tags"]) == ("320500", None, [])


# --- upsert ---------------------------------------------------------------------------------------------------

def test_upsert_counts_and_one_audit_event(ws: Workspace, tmp_path: Path) -> None:
    first = write(tmp_path / "a.csv", [row(uscc(1)), row(uscc(2), name="乙"), row(uscc(3), name="丙")])
    assert import_enterprises(ws, first, actor="alice") == {"source": str(first), "rows": 3, "inserted": 3, "updated": 0, "unchanged": 0}
    second = write(tmp_path / "b.csv", [row(uscc(1)), row(uscc(2), name="乙改"), row(uscc(4), name="丁")])
    assert import_enterprises(ws, second, actor="bob") == {"source": str(second), "rows": 3, "inserted": 1, "updated": 1, "unchanged": 1}
    with ws.store.session() as s:
        log = events(s, action="monitor.industry.import")
    assert [(e["actor"], e["details"]["inserted"], e["details"]["updated"], e["details"]["unchanged"]) for e in log] == [
        ("alice", 3, 0, 0), ("bob", 1, 1, 1)]
    assert log[1]["details"]["changed"] == [uscc(2), uscc(4)]
    assert len(list_enterprises(ws)) == 4


def test_absent_column_keeps_stored_values(ws: Workspace, tmp_path: Path) -> None:
    import_enterprises(ws, write(tmp_path / "a.csv", [row(uscc(1), revenue="9", tags="上市")]), actor="t")
    slim = write(tmp_path / "b.csv", [[uscc(1), "甲改名", "南京", "software"]], header=HEADER[:4])
    assert import_enterprises(ws, slim, actor="t")["updated"] == 1
    (e,) = list_enterprises(ws)
    assert (e["name"], e["revenue"], e["tags"]) == ("甲改名", 9.0, ["上市"])


def test_upsert_one_enterprise(ws: Workspace) -> None:
    values = {"uscc": uscc(1), "name": "甲", "city": "南京", "segment": "software", "tags": ["龙头", "listed"]}
    assert upsert_enterprise(ws, values, actor="api") == {"uscc": uscc(1), "status": "inserted"}
    assert upsert_enterprise(ws, {**values, "tags": ["上市", "龙头"]}, actor="api")["status"] == "unchanged"
    assert upsert_enterprise(ws, {**values, "revenue": 3}, actor="api")["status"] == "updated"
    with pytest.raises(SourceError) as info:
        upsert_enterprise(ws, {**values, "uscc": VALID_USCC[:-1] + "M"}, actor="api")
    assert info.value.details["problems"][0]["check"] == "uscc_check"
    with pytest.raises(ConfigError, match="unknown enterprise field"):
        upsert_enterprise(ws, {**values, "colour": "red"}, actor="api")
    with ws.store.session() as s:
        assert len(events(s, action="monitor.industry.upsert")) == 3


def test_upsert_keeps_missing_values_missing_on_both_engines(any_ws: Workspace) -> None:
    """A value not given is missing, not the text 'NaN' (what Spark makes of a NULL in an in-memory table)."""
    values = {"uscc": uscc(1), "name": "甲", "city": "南京", "segment": "software", "revenue": None, "tags": None}
    assert upsert_enterprise(any_ws, values, actor="api")["status"] == "inserted"
    (e,) = list_enterprises(any_ws)
    assert (e["revenue"], e["tags"], e["parks"]) == (None, [], [])
    with pytest.raises(SourceError) as info:
        upsert_enterprise(any_ws, {**values, "uscc": uscc(2), "name": None}, actor="api")
    assert [p["check"] for p in info.value.details["problems"]] == ["name"]


def test_list_filters(ws: Workspace, tmp_path: Path) -> None:
    import_enterprises(ws, write(tmp_path / "a.csv", [row(uscc(1), tags="龙头"), row(uscc(2), city="苏州", segment="security")]), actor="t")
    assert [e["uscc"] for e in list_enterprises(ws, city="320500")] == [uscc(2)]
    assert [e["uscc"] for e in list_enterprises(ws, segment="通用软件层", tag="leading")] == [uscc(1)]
    with pytest.raises(ConfigError, match="unknown segment"):
        list_enterprises(ws, segment="区块链")


# --- chain coverage and boards ------------------------------------------------------------------------------------

def craft(ws: Workspace, tmp_path: Path) -> Workspace:
    import_enterprises(ws, write(tmp_path / "c.csv", [
        row(uscc(1), revenue="10", tags="龙头"), row(uscc(2), revenue="20"), row(uscc(3), revenue="30"),
        row(uscc(4), segment="security", revenue="1"),
        row(uscc(5), city="苏州", revenue="15", tags="上市"), row(uscc(6), city="苏州", revenue="25"),
        row(uscc(7), city="无锡", segment="application", revenue=""),
    ]), actor="t")
    return ws


@pytest.fixture
def crafted(ws: Workspace, tmp_path: Path) -> Workspace:
    return craft(ws, tmp_path)


def test_chain_counts_and_boards(any_ws: Workspace, tmp_path: Path) -> None:
    """The import's checks and the coverage aggregate, on DuckDB and on Spark."""
    data = chain(craft(any_ws, tmp_path))
    cell = {(c["city"], c["segment"]): c for c in data["cells"]}
    assert len(cell) == 65
    soft = cell["320100", "software"]
    assert (soft["count"], soft["revenue"], soft["leading"], soft["short"], soft["long"]) == (3, 60.0, 1, False, True)
    assert soft["share_in_city"] == pytest.approx(60 / 61) and soft["province_share"] == pytest.approx(0.6)
    sec = cell["320100", "security"]
    assert [r["rule"] for r in sec["reasons"]] == ["min_count", "min_share", "need_leading"] and sec["long"]
    assert "1.6%" in sec["reasons"][1]["zh"]
    assert [r["rule"] for r in cell["320500", "software"]["reasons"]] == ["min_count"]
    assert cell["320500", "software"]["province_share"] == pytest.approx(0.4)
    app = cell["320200", "application"]  # revenue unknown: the share rule does not apply
    assert (app["count"], app["share_in_city"], [r["rule"] for r in app["reasons"]]) == (1, None, ["min_count", "need_leading"])
    assert len(data["short_board"]) == 64
    assert [(b["city"], b["segment"]) for b in data["long_board"]] == [("320100", "software"), ("320100", "security"), ("320500", "software")]
    nanjing = data["cities"][0]
    assert (nanjing["count"], nanjing["revenue"], nanjing["segments_covered"], nanjing["short"], nanjing["long"]) == (4, 61.0, 2, 4, 2)


def test_chain_of_one_city(crafted: Workspace) -> None:
    data = chain(crafted, city="苏州市")
    assert [c["city"] for c in data["cities"]] == ["320500"] and len(data["cells"]) == 5
    with pytest.raises(ConfigError):
        chain(crafted, city="上海")


# --- map and report --------------------------------------------------------------------------------------------------

def test_map_classes_and_names() -> None:
    values = {code: 0.0 for code in cities()} | {"320100": 100.0, "320500": 61.0, "320200": 40.0, "321300": None}
    assert class_breaks(list(values.values())) == [20.0, 40.0, 60.0, 80.0, 100.0]
    svg = map_svg(values, unit="亿元", title="<t>")
    for name in cities().values():
        assert name.removesuffix("市") in svg
    groups = dict(re.findall(r'data-code="(\d{6})" data-class="(\d?)"', svg))
    assert (groups["320100"], groups["320500"], groups["320200"], groups["320300"], groups["321300"]) == ("4", "3", "1", "0", "")
    assert f'fill="{SCALE[3]}"' in svg.split('data-code="320500"')[1].split("</g>")[0]
    assert "&lt;t&gt;" in svg and "<script" not in svg


def test_map_of_workspace(crafted: Workspace) -> None:
    data = industry_map(crafted, metric="count")
    by_city = {c["city"]: c for c in data["cities"]}
    assert data["breaks"] == [0.8, 1.6, 2.4, 3.2, 4.0] and (by_city["320100"]["value"], by_city["320100"]["class"]) == (4.0, 4)
    with pytest.raises(ConfigError, match="unknown map metric"):
        industry_map(crafted, metric="profit")


def test_report_files(crafted: Workspace, tmp_path: Path) -> None:
    html, xlsx = tmp_path / "r.html", tmp_path / "r.xlsx"
    write_industry_report(crafted, html=html, xlsx=xlsx)
    page = html.read_text(encoding="utf-8")
    assert "产业地图" in page and "长短板清单" in page and "<script" not in page
    assert all(name in page for name in cities().values())
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["概览 Summary", "地图 Map count", "地图 Map revenue", "覆盖 Coverage", "长短板清单 Boards", "企业名录 Enterprises"]
    facts = {r[0]: r[1] for r in wb["概览 Summary"].iter_rows(min_row=2, values_only=True)}
    assert facts["企业数 Enterprises"] in (7, "7") and str(facts["短板 Short boards"]) == "64"
    coverage = list(wb["覆盖 Coverage"].iter_rows(min_row=2, values_only=True))
    assert coverage[0][:7] == ("南京市", 0, 0, 3, 0, 1, 4)
    assert wb["长短板清单 Boards"].max_row == 1 + 64 + 3 and wb["企业名录 Enterprises"].max_row == 1 + 7


# --- CLI and demo ----------------------------------------------------------------------------------------------------

def test_cli_json(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "a.csv", [row(uscc(1), tags="龙头"), row(uscc(2), city="无锡")])
    assert cli.json("monitor", "industry", "import", str(path), "--actor", "alice") == {
        "source": str(path), "rows": 2, "inserted": 2, "updated": 0, "unchanged": 0}
    listed = cli.json("monitor", "industry", "list", "--tag", "龙头")
    assert [(e["uscc"], e["city_name"], e["segment_name"], e["updated_by"]) for e in listed] == [(uscc(1), "南京市", "通用软件层", "alice")]
    data = cli.json("monitor", "industry", "chain", "--city", "无锡")
    assert set(data) == {"rules", "segments", "cities", "cells", "short_board", "long_board"} and len(data["cells"]) == 5
    mapped = cli.json("monitor", "industry", "map", "--metric", "revenue", "--html", str(tmp_path / "m.html"))
    assert mapped["unit"] == "亿元" and len(mapped["cities"]) == 13 and (tmp_path / "m.html").exists()
    report = cli.json("monitor", "industry", "report", "--xlsx", str(tmp_path / "r.xlsx"))
    assert report["xlsx"] == str(tmp_path / "r.xlsx") and report["html"] is None
    bad = write(tmp_path / "b.csv", [row(uscc(3), city="上海")])
    assert cli.json("monitor", "industry", "import", str(bad), expect=1)["error"]["problems"][0]["records"] == [1]
    assert cli.json("monitor", "industry", "list", "--segment", "nope", expect=1)["error"]["code"] == "config"


def test_demo(ws: Workspace, tmp_path: Path) -> None:
    summary = demo_industry(ws, tmp_path, seed=3)
    assert summary["inserted"] == summary["rows"] == 360 and summary["short_board"] > 0 and summary["long_board"] > 0
    rows = list_enterprises(ws)
    assert all(gb32100_valid(e["uscc"]) and e["uscc"][2:6] == e["city"][:4] for e in rows)
    counts = {c: sum(e["city"] == c for e in rows) for c in cities()}
    assert max(counts, key=counts.__getitem__) in ("320100", "320500") and min(counts.values()) > 0
    assert demo_industry(ws, tmp_path, seed=3)["unchanged"] == 360  # same seed, same data
