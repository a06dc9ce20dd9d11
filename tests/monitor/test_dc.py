"""Data-centre monitor: registry, readings import, exact metrics on crafted readings, gaps, anomalies, alerts."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from shuzhi.errors import NotFoundError, SourceError
from shuzhi.monitor import dc
from shuzhi.monitor.dc_readings import import_readings, push_readings
from shuzhi.monitor.dc_registry import (
    import_registry,
    list_sites,
    register_site,
    size_class,
)
from shuzhi.store.models import AuditEvent, DcSite

USCC = "91110000600037341L"  # GB 32100's own example
HEAD = "数据中心代码,数据中心名称,所在地,运营单位,统一社会信用代码,标准机架数,在用机架数,设计IT容量,枢纽集群,投产日期,新建\n"
SITES = HEAD + (
    f"A,甲数据中心,南京,甲公司,{USCC},4000,3000,10000,,2024-05-01,是\n"
    f"B,乙数据中心,320506,乙公司,{USCC},1000,500,2500,,2019-01-01,否\n"
    f"H,丙数据中心,无锡市,丙公司,{USCC},12000,11000,30000,长三角枢纽,2024-01-01,是\n"
)
READINGS = "数据中心代码,时间,总耗电量,IT耗电量,测量类别,用水量,可再生能源电量\n" + (
    "A,2024-12-31 23:45,1100,1000,3,400,0\n"
    "A,2025-01-01 00:00,1300,1000,3,500,100\n"
    "A,2025-01-01 00:15,1300,1000,3,500,100\n"
    "A,2025-01-01 00:30,1400,1000,3,500,100\n"
    "A,2025-01-01 00:45,1200,1000,3,500,100\n"
    "B,2025-01-01 00:00,260,200,2,,\n"
    "B,2025-01-01 00:15,300,200,1,,\n"
    "H,2025-01-01 00:00,3780,3000,3,,\n"
    "H,2025-01-01 00:15,3780,3000,3,,\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load(w, tmp_path):  # type: ignore[no-untyped-def]
    import_registry(w, write(tmp_path, "sites.csv", SITES), actor="t")
    import_readings(w, write(tmp_path, "r.csv", READINGS), actor="t")
    return w


@pytest.fixture
def loaded(ws, tmp_path):  # type: ignore[no-untyped-def]
    return load(ws, tmp_path)


def test_same_results_on_both_engines(any_ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The import (staging, checks, append) and every metric expression, on DuckDB and on Spark."""
    w = load(any_ws, tmp_path)
    rows = by_dc(dc.metrics(w, "2025")["rows"])
    assert {k: round(v["pue"], 6) for k, v in rows.items()} == {"A": 1.3, "B": 1.4, "H": 1.26}
    assert (rows["A"]["category"], rows["A"]["wue"], rows["A"]["it_load"], rows["B"]["wue"]) == (3, 0.5, 0.4, None)
    assert rows["A"]["coverage"] == pytest.approx(60 / 1440)
    rolled = by_dc(dc.metrics(w, "2025-01", rolling=True)["rows"])
    assert rolled["A"]["months"] == 2 and rolled["A"]["pue"] == pytest.approx(6300 / 5000)
    assert dc.provincial(w, "2025")["province"]["pue"] == pytest.approx(13320 / 10400)
    alerts = {(a["kind"], a["dc"]): a["threshold"] for a in dc.alerts(w, "2025")["alerts"]}
    assert alerts[("pue_new_large", "A")] == 1.3 and alerts[("pue_new_large", "H")] == 1.25
    assert dc.alerts(w, "2025")["gaps"] == []


def by_dc(rows):  # type: ignore[no-untyped-def]
    return {r["dc"]: r for r in rows}


def test_size_classes() -> None:
    assert [size_class(n) for n in (10000, 9999, 3000, 2999, 0)] == ["hyperscale", "large", "large", "small", "small"]


def test_registry_resolves_cities_and_counties(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = import_registry(ws, write(tmp_path, "sites.csv", SITES), actor="t")
    assert result == {"source": str(tmp_path / "sites.csv"), "rows": 3, "inserted": 3, "updated": 0, "unchanged": 0}
    sites = by_dc([{**s, "dc": s["code"]} for s in list_sites(ws)])
    assert (sites["A"]["city"], sites["A"]["county"], sites["A"]["size"], sites["A"]["new_build"]) == ("320100", None, "large", True)
    assert (sites["B"]["city"], sites["B"]["county"], sites["B"]["utilisation"]) == ("320500", "320506", 0.5)
    assert sites["H"]["size"] == "hyperscale" and sites["H"]["hub"] == "长三角枢纽"
    again = import_registry(ws, write(tmp_path, "sites.csv", SITES.replace("4000,3000", "4000,3500")), actor="t")
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 1, 2)


@pytest.mark.parametrize(("row", "check", "zh"), [
    ("X,名,南京,公司,91110000600037341A,10,5,25,,,否", "uscc", "统一社会信用代码无效"),  # wrong check character
    (f"X,名,上海,公司,{USCC},10,5,25,,,否", "city", "不是江苏省"),
    (f"X,名,南京,公司,{USCC},10,11,25,,,否", "in_service", "在用机架数"),
    (f"X,名,南京,公司,{USCC},10.5,5,25,,,否", "racks", "标准机架数"),
    (f"X,名,南京,公司,{USCC},10,5,0,,,否", "capacity", "设计IT容量"),
    (f"X,名,南京,公司,{USCC},10,5,25,,2024-02-30,否", "date", "投产日期"),
    (f"X,名,南京,公司,{USCC},10,5,25,,,也许", "new_build", "新建标志"),
])
def test_registry_rejects_bad_rows(ws, tmp_path, row, check, zh) -> None:  # type: ignore[no-untyped-def]
    good = f"G,好,南京,公司,{USCC},10,5,25,,,否"
    with pytest.raises(SourceError) as err:
        import_registry(ws, write(tmp_path, "s.csv", HEAD + good + "\n" + row + "\n"), actor="t")
    found = {p["check"]: p for p in err.value.details["problems"]}
    assert found[check]["records"] == [2] and found[check]["count"] == 1
    assert zh in err.value.zh
    with ws.store.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(DcSite)) == 0


def test_metrics_exact(loaded) -> None:  # type: ignore[no-untyped-def]
    rows = by_dc(dc.metrics(loaded, "2025")["rows"])
    a = rows["A"]
    assert (a["total_kwh"], a["it_kwh"], a["readings"], a["minutes"], a["category"]) == (5200, 4000, 4, 60, 3)
    assert a["pue"] == pytest.approx(1.3) and a["wue"] == pytest.approx(0.5) and a["ref"] == pytest.approx(400 / 5200)
    assert a["it_load"] == pytest.approx(0.4)  # 4000 kWh over 1 h ÷ 10000 kW
    assert a["utilisation"] == pytest.approx(0.75)
    assert a["coverage"] == pytest.approx(60 / 1440)  # the period is clipped to the day after the last reading
    b = rows["B"]
    assert b["pue"] == pytest.approx(560 / 400) and b["category"] == 1 and b["wue"] is None and b["ref"] is None


def test_rolling_and_monthly(loaded) -> None:  # type: ignore[no-untyped-def]
    monthly = [r for r in dc.metrics(loaded, "2024", grain="month")["rows"] if r["dc"] == "A"]
    assert len(monthly) == 1 and monthly[0]["pue"] == pytest.approx(1.1)
    rolled = by_dc(dc.metrics(loaded, "2025-01", rolling=True)["rows"])
    assert rolled["A"]["months"] == 2 and rolled["A"]["pue"] == pytest.approx(6300 / 5000)
    days = by_dc(dc.metrics(loaded, "2025-01-01", grain="day")["rows"])
    assert days["A"]["coverage"] == pytest.approx(60 / 1440)


def test_rollup_is_energy_weighted(loaded) -> None:  # type: ignore[no-untyped-def]
    roll = dc.provincial(loaded, "2025")
    cities = {c["city"]: c for c in roll["cities"]}
    assert set(cities) == {"320100", "320500", "320200"}
    province = roll["province"]
    assert province["total_kwh"] == 5200 + 560 + 7560 and province["it_kwh"] == 4000 + 400 + 6000
    assert province["pue"] == pytest.approx((5200 + 560 + 7560) / (4000 + 400 + 6000))  # not the mean of 1.3, 1.4, 1.26
    assert province["utilisation"] == pytest.approx((3000 + 500 + 11000) / (4000 + 1000 + 12000))


def test_ranking_and_alerts(loaded) -> None:  # type: ignore[no-untyped-def]
    assert [r["dc"] for r in dc.ranking(loaded, "2025")["rows"]] == ["H", "A", "B"]
    found = {(a["kind"], a["dc"]): a for a in dc.alerts(loaded, "2025")["alerts"]}
    assert found[("pue_new_large", "A")]["threshold"] == 1.3  # PUE 1.30 ≥ 1.3: the target is "below 1.3"
    assert found[("pue_new_large", "H")]["threshold"] == 1.25  # a hub site: 1.26 ≥ 1.25
    assert ("pue_new_large", "B") not in found  # not a new large site
    assert found[("utilisation", "B")]["value"] == 0.5
    assert ("pue_retrofit", "A") not in found


def test_provincial_pue_of_new_large_sites(loaded) -> None:  # type: ignore[no-untyped-def]
    assert dc.provincial_pue(loaded, 2025) == pytest.approx((5200 + 7560) / (4000 + 6000))
    assert dc.provincial_pue(loaded, 2019) is None


def test_gaps_and_anomalies(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import_registry(ws, write(tmp_path, "sites.csv", SITES), actor="t")
    lines = ["数据中心代码,时间,总耗电量,IT耗电量"]
    for i in range(96):
        if 10 <= i < 14:
            continue  # four intervals missing: 02:30 to 03:15
        total = 4000 if i == 50 else 1250
        lines.append(f"A,2025-02-01 {i // 4:02d}:{i % 4 * 15:02d},{total},1000")
    import_readings(ws, write(tmp_path, "r.csv", "\n".join(lines) + "\n"), actor="t")
    result = dc.alerts(ws, "2025-02-01")
    assert result["gaps"] == [{"dc": "A", "after": "2025-02-01 02:15:00", "before": "2025-02-01 03:30:00", "missing": 4}]
    kinds = {(a["kind"], a["dc"]): a for a in result["alerts"]}
    assert kinds[("gaps", "A")]["value"] == pytest.approx(4 / 96)
    assert kinds[("anomaly", "A")]["value"] == 1 and "2025-02-01 12:30:00 PUE=4.000" in kinds[("anomaly", "A")]["detail"]


@pytest.mark.parametrize(("row", "check"), [
    ("A,2025-01-02 00:00,900,1000,3", "it_above_total"),
    ("Z,2025-01-02 00:00,900,800,3", "dc"),
    ("A,2025-13-02 00:00,900,800,3", "ts"),
    ("A,2025-01-02 00:00,-1,800,3", "negative"),
    ("A,2025-01-02 00:00,abc,800,3", "number"),
    ("A,2025-01-02 00:00,900,800,4", "category"),
    ("A,2025-01-02 00:00,13000000,10000000,3", "unit_high"),  # Wh given as kWh
    ("A,2025-01-02 00:00,0.0013,0.001,3", "unit_low"),  # MWh given as kWh
    ("A,2025-01-01 00:00,1301,1000,3", "conflict"),  # stored before with 1300
    ("A,2025-01-02 00:15,900,800,3", "duplicate"),
])
def test_readings_rejects(ws, tmp_path, row, check) -> None:  # type: ignore[no-untyped-def]
    import_registry(ws, write(tmp_path, "sites.csv", SITES), actor="t")
    import_readings(ws, write(tmp_path, "r.csv", READINGS), actor="t")
    head = "数据中心代码,时间,总耗电量,IT耗电量,测量类别\n"
    body = "A,2025-01-02 00:15,900,800,3\nA,2025-01-02 00:30,900,800,3\n" + row + "\n"
    with pytest.raises(SourceError) as err:
        import_readings(ws, write(tmp_path, "bad.csv", head + body), actor="t")
    found = {p["check"]: p for p in err.value.details["problems"]}
    assert 3 in found[check]["records"], found
    assert "nothing was imported" in err.value.en
    assert ws.engine.execute(dc.readings_table(ws).count()) == 9


def test_reimport_skips_stored_readings_and_audits(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import_registry(ws, write(tmp_path, "sites.csv", SITES), actor="t")
    first = import_readings(ws, write(tmp_path, "r.csv", READINGS), actor="t")
    assert (first["added"], first["skipped_known"], first["version"]) == (9, 0, 1)
    more = READINGS + "A,2025-01-01 01:00,1300,1000,3,500,100\n"
    second = import_readings(ws, write(tmp_path, "r2.csv", more), actor="t")
    assert (second["added"], second["skipped_known"], second["version"]) == (1, 9, 2)
    third = import_readings(ws, write(tmp_path, "r2.csv", more), actor="t")
    assert (third["added"], third["version"]) == (0, None)
    assert ws.engine.execute(dc.readings_table(ws).count()) == 10
    with ws.store.session() as s:
        actions = s.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions.count("monitor.dc.readings") == 2 and actions.count("monitor.dc.register") == 1


def test_an_import_racing_another_writes_nothing(ws, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """New rows are decided against the stored readings: if another import lands in between, the
    later one fails (try again) instead of dropping the other's rows or appending duplicates."""
    import shuzhi.monitor.dc_readings as readings

    import_registry(ws, write(tmp_path, "sites.csv", SITES), actor="t")
    real = readings._stored
    monkeypatch.setattr(readings, "_stored", lambda w: (None, 0))  # read before the first import landed
    import_readings(ws, write(tmp_path, "r.csv", READINGS), actor="t")
    head = READINGS.splitlines()[0]
    other = write(tmp_path, "other.csv", head + "\nB,2025-01-01 00:30,300,200,1,,\nB,2025-01-01 00:45,300,200,1,,\n")
    with pytest.raises(SourceError, match="changed after it was read"):
        import_readings(ws, other, actor="t")
    assert ws.engine.execute(dc.readings_table(ws).count()) == 9
    v1 = real(ws)
    monkeypatch.setattr(readings, "_stored", real)
    assert import_readings(ws, other, actor="t")["version"] == 2
    monkeypatch.setattr(readings, "_stored", lambda w: v1)  # read v1; v2 landed since
    more = write(tmp_path, "more.csv", head + "\nB,2025-01-01 01:00,300,200,1,,\nB,2025-01-01 01:15,300,200,1,,\n")
    with pytest.raises(SourceError, match=r"read v1, now v2"):
        import_readings(ws, more, actor="t")
    assert ws.engine.execute(dc.readings_table(ws).count()) == 11
    with ws.store.session() as s:
        assert s.scalar(sa.select(sa.func.count()).where(AuditEvent.action == "monitor.dc.readings")) == 2


def test_no_readings_is_a_clear_error(ws) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError, match="no meter readings"):
        dc.metrics(ws, "2025")


def test_cli_and_report(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli("monitor", "dc", "register", str(write(tmp_path, "sites.csv", SITES)))
    cli("monitor", "dc", "readings", str(write(tmp_path, "r.csv", READINGS)))
    data = cli.json("monitor", "dc", "metrics", "2025")
    assert {r["dc"]: round(r["pue"], 4) for r in data["rows"]} == {"A": 1.3, "B": 1.4, "H": 1.26}
    assert cli.json("monitor", "dc", "rank", "2025", "--by", "utilisation")["rows"][0]["dc"] == "H"
    assert cli.json("monitor", "dc", "rollup", "2025")["province"]["sites"] == 3
    assert {a["kind"] for a in cli.json("monitor", "dc", "alerts", "2025")["alerts"]} >= {"pue_new_large", "utilisation"}
    bad = cli("monitor", "dc", "metrics", "2025-1", expect=1)
    assert "invalid period" in bad.stderr
    html, xlsx = tmp_path / "dc.html", tmp_path / "dc.xlsx"
    cli("monitor", "dc", "report", "2025", "--html", str(html), "--xlsx", str(xlsx))
    page = html.read_text(encoding="utf-8")
    assert "数据中心运行监测报告" in page and "甲数据中心" in page and "<svg" in page and "<script" not in page
    book = openpyxl.load_workbook(xlsx)
    ranking = [row for row in book["排名 Ranking"].iter_rows(values_only=True)]
    assert ranking[1][1] == "H" and ranking[1][5] == pytest.approx(1.26)
    assert json.loads(cli("monitor", "dc", "list", "--json").stdout)["sites"][0]["code"] == "A"


def test_pushed_readings_and_sites_meet_the_same_checks(ws) -> None:  # type: ignore[no-untyped-def]
    site = {"code": "P", "name": "推送站", "city": "320102", "operator": "甲公司", "operator_uscc": USCC,
            "racks_installed": 4000, "racks_in_service": 3000, "design_it_kw": 10000, "new_build": "是"}
    assert register_site(ws, site, actor="api")["inserted"] == 1
    with pytest.raises(SourceError, match="USCC is invalid"):
        register_site(ws, {**site, "operator_uscc": "91110000600037341A"}, actor="api")
    rows = [{"dc": "P", "ts": f"2025-01-01 00:{m:02d}", "total_kwh": 1250, "it_kwh": 1000, "category": 3, "water_l": None}
            for m in (0, 15, 30)]
    pushed = push_readings(ws, rows, actor="gateway")
    assert (pushed["added"], pushed["version"], pushed["source"]) == (3, 1, "api")
    assert by_dc(dc.metrics(ws, "2025")["rows"])["P"]["pue"] == pytest.approx(1.25)
    with pytest.raises(SourceError) as err:
        push_readings(ws, [{**rows[0], "ts": "2025-01-01 00:45", "it_kwh": 2000}], actor="gateway")
    assert err.value.details["problems"][0]["check"] == "it_above_total"
    with pytest.raises(SourceError, match="unknown field 'pue'"):
        push_readings(ws, [{**rows[0], "pue": 1.2}], actor="gateway")
    with pytest.raises(SourceError, match="no rows"):
        push_readings(ws, [], actor="gateway")


def test_readings_from_xlsx_with_date_cells(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    import_registry(ws, write(tmp_path, "sites.csv", SITES), actor="t")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["数据中心代码", "时间", "总耗电量", "IT耗电量", "测量类别"])
    for minute in (0, 15, 30, 45):
        sheet.append(["A", dt.datetime(2025, 2, 1, 0, minute), 1250.5, 1000, 2])  # real date cells and numbers
    book.save(tmp_path / "r.xlsx")
    result = import_readings(ws, tmp_path / "r.xlsx", actor="t")
    assert (result["added"], result["first"], result["last"]) == (4, "2025-02-01 00:00:00", "2025-02-01 00:45:00")
    a = by_dc(dc.metrics(ws, "2025-02-01")["rows"])["A"]
    assert (a["pue"], a["category"], a["minutes"]) == (1.2505, 2, 60)


def test_cli_prints_names_literally(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli("monitor", "dc", "register", str(write(tmp_path, "sites.csv", SITES.replace("甲数据中心", "[bold]甲[/bold]"))))
    assert "[bold]甲[/bold]" in cli("monitor", "dc", "list").stdout
