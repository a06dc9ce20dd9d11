"""Plan indicators: the registry, exact progress math, import validation and replace semantics, live values, CLI, report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from shuzhi.demo.monitor_indicators import demo_indicators, demo_rows
from shuzhi.errors import ConfigError, NotFoundError, SourceError
from shuzhi.monitor.indicators import load_registry
from shuzhi.monitor.indicators_evaluate import assess, evaluate
from shuzhi.monitor.indicators_live import LIVE_SOURCES
from shuzhi.monitor.indicators_progress import (
    STATUS,
    Obs,
    cagr,
    compound_projection,
    linear_fit,
    meets,
    progress,
    project,
    status,
    year_fraction,
)
from shuzhi.monitor.indicators_report import write_indicator_report
from shuzhi.monitor.indicators_values import (
    import_values,
    load_values,
    period_end,
    record_value,
)
from shuzhi.security.audit import events

REG = load_registry()
HEAD = "指标,地区,期间,数值,来源\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def obs(*pairs: tuple[str, float]) -> list[Obs]:
    return [Obs(p, period_end(p), v) for p, v in pairs]


# ---- the registry ----------------------------------------------------------------------------------

PLAN = [  # code, baseline, target, kind, cumulative_new — the numbers of the plan text
    ("bigdata_revenue", 1300, 2500, "at_least", False), ("base_stations_5g", 7.1, 25.5, "at_least", False),
    ("dc_racks", 35, 70, "at_least", False), ("new_large_dc_pue", None, 1.3, "at_most", False),
    ("national_green_dcs", None, 10, "at_least", False), ("provincial_dc_bases", None, 4, "exact", False),
    ("backbone_bandwidth", None, 100, "at_least", False), ("urban_fiber_coverage", None, 100, "at_least", False),
    ("rural_fiber_coverage", None, 95, "at_least", False), ("dcmm_participants", 15, 200, "at_least", False),
    ("dcmm_level3", None, 100, "at_least", False), ("data_trading_institutions", None, 2, "at_least", False),
    ("bigdata_leading_enterprises", None, 3, "at_least", False), ("bigdata_specialised_enterprises", None, 50, "at_least", False),
    ("industrial_bigdata_demo_zones", 3, 10, "at_least", False), ("open_sharing_pilot_zones", 5, 5, "at_least", False),
    ("bigdata_demo_projects", 0, 200, "at_least", True), ("industrial_bigdata_scenarios", 0, 15, "at_least", True),
    ("industrial_bigdata_demo_projects", 0, 100, "at_least", True), ("industrial_data_spaces", None, 2, "at_least", False),
    ("software_tech_centers", 0, 20, "at_least", True), ("innovation_centers", 0, 15, "at_least", True),
    ("training_datasets", 0, 1000, "at_least", True), ("data_classification_benchmarks", 0, 30, "at_least", True),
    ("fixed_broadband_users", 4319, None, "at_least", False),
]


@pytest.mark.parametrize(("code", "baseline", "target", "kind", "new"), PLAN)
def test_registry_has_the_plan_numbers(code: str, baseline: float | None, target: float | None, kind: str, new: bool) -> None:
    ind = REG.get(code)
    assert (ind.baseline.value if ind.baseline else None) == baseline
    assert (ind.target.value if ind.target else None) == target
    assert (ind.target_kind, ind.cumulative_new) == (kind, new)
    assert ind.source and all(c.quote for c in ind.source.values())


def test_registry_details() -> None:
    assert REG.get("new_large_dc_pue").direction == "decrease" and REG.get("new_large_dc_pue").strict
    assert REG.get("data_trading_institutions").target.range == (2, 3)
    assert REG.get("software_tech_centers").stock_at_baseline == 52
    assert REG.get("innovation_centers").stock_at_baseline == 36
    assert REG.get("urban_fiber_coverage").maximum == 100 and REG.get("broadband_household_penetration").maximum is None
    assert {(i.indicator, i.year, i.value) for i in REG.interim} >= {("base_stations_5g", 2023, 20), ("dc_racks", 2023, 60)}
    assert [(o.period, o.value) for o in REG.observed] == [("2021", 13.0), ("2023-03", 20.2), ("2023-06", 21.6)]
    assert all(i.live is None or i.live in LIVE_SOURCES for i in REG.indicators.values())
    assert all(set(i.confidence.values()) <= {"✅", "❓"} for i in REG.indicators.values())
    with pytest.raises(NotFoundError):
        REG.get("gdp")


ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "src/shuzhi/monitor/data/indicators.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "where"), [
    ("live: open_datasets", "live: open_data", "indicators.public_open_datasets.live: unknown live source 'open_data'"),
    ("    unit: 亿元\n", "", "indicators.bigdata_revenue.unit: Field required"),
    ("code: dc_racks", "code: dc-racks", "code must be snake_case"),
    ("code: dc_racks", "code: base_stations_5g", "indicator codes repeat: ['base_stations_5g']"),
    ("{indicator: dc_racks,", "{indicator: racks,", "interim names an unknown indicator 'racks'"),
    ("at_risk_ratio: 0.9", "at_risk_ratio: 1.5", "status.at_risk_ratio"),
    ("    unit: ratio\n    direction: decrease", "    unit: ratio\n    direction: increase", "contradicts direction"),
    ("    stock_at_baseline: 52\n", "    stock_at_baseline: 52\n    colour: red\n", "software_tech_centers.colour: Extra inputs"),
])
def test_registry_errors_say_where(tmp_path: Path, old: str, new: str, where: str) -> None:
    assert old in TEXT
    with pytest.raises(ConfigError) as e:
        load_registry(write(tmp_path, "x.yaml", TEXT.replace(old, new, 1)))
    assert where in e.value.en and "x.yaml" in e.value.zh


def test_registry_rejects_bad_yaml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_registry(write(tmp_path, "x.yaml", "a: ["))


# ---- the math --------------------------------------------------------------------------------------

def test_year_fraction_uses_year_end() -> None:
    assert year_fraction(dt.date(2023, 12, 31)) == 2023.0
    assert year_fraction(dt.date(2024, 6, 30)) == 2023 + 182 / 366
    assert year_fraction(dt.date(2021, 1, 1)) == 2020 + 1 / 365


@pytest.mark.parametrize(("args", "expected"), [
    ((2010, 2500, 1300, "increase"), 710 / 1200),
    ((2800, 2500, 1300, "increase"), 1500 / 1200),  # beyond the target: not clamped
    ((1.4, 1.3, 1.5, "decrease"), (1.4 - 1.5) / (1.3 - 1.5)),  # a decrease indicator with a baseline
    ((40, 200, None, "increase"), 0.2),  # no baseline: A / T
    ((1.35, 1.3, None, "decrease"), 1.3 / 1.35),  # no baseline, lower is better: T / A
    ((6, 5, 5, "increase"), 6 / 5),  # baseline equals target
    ((0, 1.3, None, "decrease"), None),
])
def test_progress(args: tuple, expected: float | None) -> None:  # type: ignore[type-arg]
    assert progress(*args) == pytest.approx(expected) if expected is not None else progress(*args) is None


def test_growth_rates_and_projections() -> None:
    assert cagr(1300, 2500, 5) == pytest.approx((2500 / 1300) ** 0.2 - 1)
    assert cagr(1300, 2010, 3) == pytest.approx((2010 / 1300) ** (1 / 3) - 1)
    assert cagr(0, 8, 3) is None and cagr(10, 8, 0) is None
    assert linear_fit([(2020, 1300), (2021, 1530), (2022, 1780), (2023, 2010)]) == pytest.approx((238, 1298 - 238 * 2020))  # fitted 1298 at 2020
    assert linear_fit([(2023, 5)]) is None and linear_fit([(2023, 5), (2023, 6)]) is None
    assert compound_projection(1300, 2020, 2010, 2023, 2025) == pytest.approx(1300 * (2010 / 1300) ** (5 / 3))
    assert compound_projection(0, 2020, 8, 2023, 2025) is None


def test_project_chooses_and_falls_back() -> None:
    revenue = obs(("2021", 1530), ("2022", 1780), ("2023", 2010))
    p = project(revenue, (2020.0, 1300), 2025, "compound")
    assert p["method"] == "compound" and p["value"] == pytest.approx(1300 * (2010 / 1300) ** (5 / 3))
    assert p["linear"] == pytest.approx(1655 + 238 * 3.5)  # least squares over baseline + 3 values: 2488
    assert project(revenue, (2020.0, 1300), 2025, "linear")["method"] == "linear"
    assert project(obs(("2023", 8)), (2020.0, 0.0), 2025, "compound")["method"] == "linear"  # no compound from 0
    flat = project(obs(("2023", 1.35)), None, 2025, "linear")
    assert (flat["method"], flat["value"]) == ("flat", 1.35)
    assert project(obs(("2025", 2600)), (2020.0, 1300), 2025, "compound")["method"] == "actual"
    assert project([], None, 2025, "linear") is None


@pytest.mark.parametrize(("value", "kind", "strict", "expected"), [
    (2500, "at_least", False, True), (2500, "at_least", True, False), (2500.01, "at_least", True, True),
    (1.3, "at_most", True, False), (1.29, "at_most", True, True), (1.3, "at_most", False, True),
    (4, "exact", False, True), (5, "exact", False, False),
])
def test_meets(value: float, kind: str, strict: bool, expected: bool) -> None:
    target = {"at_least": 2500, "at_most": 1.3, "exact": 4}[kind]
    assert meets(value, target, kind, strict) is expected


@pytest.mark.parametrize(("actual", "projected", "expected"), [
    (2500, None, "achieved"), (2000, 2500, "on_track"), (2000, 1300 + 0.9 * 1200, "at_risk"),
    (2000, 1300 + 0.8999 * 1200, "off_track"), (None, None, "no_data"),
])
def test_status_boundaries(actual: float | None, projected: float | None, expected: str) -> None:
    pp = None if projected is None else (projected - 1300) / 1200
    assert status(actual, projected, 2500, "at_least", False, "increase", pp, 0.9) == expected


def test_status_of_a_ceiling_and_without_target() -> None:
    # PUE < 1.3 (strict): 1.31 projected is at risk (1.3/1.31 ≥ 0.9), 1.29 on track, 1.3 exactly is not met
    assert status(1.35, 1.31, 1.3, "at_most", True, "decrease", 1.3 / 1.31, 0.9) == "at_risk"
    assert status(1.35, 1.29, 1.3, "at_most", True, "decrease", 1.3 / 1.29, 0.9) == "on_track"
    assert status(1.3, 1.3, 1.3, "at_most", True, "decrease", 1.0, 0.9) == "at_risk"
    assert status(5.0, None, None, "at_least", False, "increase", None, 0.9) == "no_target"


def test_assess_revenue_exactly() -> None:
    a = assess(REG.get("bigdata_revenue"), obs(("2021", 1530), ("2022", 1780), ("2023", 2010)), at_risk_ratio=0.9)
    assert a["progress"] == pytest.approx(710 / 1200)
    assert a["required_cagr"] == pytest.approx((2500 / 1300) ** 0.2 - 1)
    assert a["actual_cagr"] == pytest.approx((2010 / 1300) ** (1 / 3) - 1)
    assert a["required_cagr_from_now"] == pytest.approx((2500 / 2010) ** 0.5 - 1)
    assert a["projection"]["value"] == pytest.approx(1300 * (2010 / 1300) ** (5 / 3))  # 2687.6: on track
    assert a["projection"]["progress"] == pytest.approx((1300 * (2010 / 1300) ** (5 / 3) - 1300) / 1200)
    assert (a["status"], a["status_zh"], a["latest"]["period"]) == ("on_track", "正常推进", "2023")


def test_assess_pue_without_baseline() -> None:
    pue = REG.get("new_large_dc_pue")
    one = assess(pue, obs(("2023", 1.35)), at_risk_ratio=0.9)
    assert one["progress"] == pytest.approx(1.3 / 1.35) and one["projection"]["method"] == "flat"
    assert one["status"] == "at_risk" and one["required_cagr"] is None and one["actual_cagr"] is None
    two = assess(pue, obs(("2022", 1.40), ("2023", 1.35)), at_risk_ratio=0.9)
    assert two["projection"]["value"] == pytest.approx(1.25) and two["status"] == "on_track"
    assert assess(pue, obs(("2024", 1.28)), at_risk_ratio=0.9)["status"] == "achieved"


def test_assess_cumulative_new() -> None:
    a = assess(REG.get("software_tech_centers"), obs(("2023", 8)), at_risk_ratio=0.9)
    assert a["progress"] == pytest.approx(0.4) and a["actual_cagr"] is None and a["required_cagr"] is None
    assert a["projection"]["value"] == pytest.approx(40 / 3)  # the line through (2020, 0) and (2023, 8)
    assert a["status"] == "off_track"  # 13.3 of 20 = 0.667 < 0.9


def test_interim_targets() -> None:
    racks = REG.get("dc_racks")
    interim = [i for i in REG.interim if i.indicator == "dc_racks"]
    values = obs(("2023", 54))
    assert assess(racks, values, at_risk_ratio=0.9, interim=interim, as_of=dt.date(2024, 12, 31))["interim"][0]["met"] is False
    open_year = assess(racks, obs(("2023-06", 54)), at_risk_ratio=0.9, interim=interim, as_of=dt.date(2023, 6, 30))
    assert open_year["interim"][0]["met"] is None
    assert assess(racks, obs(("2023", 61)), at_risk_ratio=0.9, interim=interim)["interim"][0]["met"] is True


# ---- import and record -----------------------------------------------------------------------------

GOOD = HEAD + ("bigdata_revenue,江苏省,2021,1530,统计公报\n"
               "大数据核心业务收入,南京,2021,\"1,400.5\",\n"
               "base_stations_5g,320500,2023q2,3.2,\n"
               "urban_fiber_coverage,320000,2023-06,99.5%,\n")


def test_import_resolves_and_replaces(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = import_values(ws, write(tmp_path, "v.csv", GOOD), actor="alice")
    assert (r["rows"], r["inserted"], r["updated"], r["unchanged"]) == (4, 4, 0, 0)
    assert r["regions"] == ["320000", "320100", "320500"] and "2023Q2" in r["periods"]
    stored = {(v["indicator"], v["region"], v["period"]): v for v in load_values(ws)}
    assert stored[("bigdata_revenue", "320100", "2021")]["value"] == 1400.5
    assert stored[("base_stations_5g", "320500", "2023Q2")]["as_of"] == dt.date(2023, 6, 30)
    assert stored[("bigdata_revenue", "320000", "2021")]["source"] == "统计公报"
    again = import_values(ws, write(tmp_path, "v2.csv", GOOD.replace("1530", "1531")), actor="bob")
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 1, 3)
    assert next(v for v in load_values(ws, region="320000", indicator="bigdata_revenue"))["entered_by"] == "bob"
    assert import_values(ws, write(tmp_path, "v3.csv", GOOD.replace("1530", "1531")), actor="bob")["unchanged"] == 4
    with ws.store.session() as s:
        audit = events(s, action="monitor.indicator.values")
    assert len(audit) == 2  # the unchanged import changed nothing, so it records nothing
    assert audit[1]["details"]["changes"] == [
        {"indicator": "bigdata_revenue", "region": "320000", "period": "2021", "old": 1530.0, "new": 1531.0}]
    assert audit[1]["actor"] == "bob" and audit[1]["details"]["updated"] == 1


@pytest.mark.parametrize(("row", "check"), [
    ("gdp,江苏省,2021,1", "indicator"),
    ("bigdata_revenue,上海,2021,1", "region"),
    ("bigdata_revenue,310101,2021,1", "region"),
    ("bigdata_revenue,江苏省,2021-13,1", "period"),
    ("bigdata_revenue,江苏省,21,1", "period"),
    ("bigdata_revenue,江苏省,2045,1", "period"),
    ("bigdata_revenue,江苏省,2022,abc", "value"),
    ("bigdata_revenue,江苏省,2022,", "value"),
    ("bigdata_revenue,江苏省,2022,\"3,2\"", "value"),  # a decimal comma is not a thousands separator
    ("bigdata_revenue,江苏省,2022,-5", "negative"),
    ("urban_fiber_coverage,江苏省,2022,100.5", "range"),
    ("new_large_dc_pue,江苏省,2022,0.95", "range"),
    ("bigdata_revenue,320000,2021,1", "duplicate"),  # the same key as record 1, given by code
])
def test_import_rejects_bad_rows_and_writes_nothing(ws, tmp_path, row: str, check: str) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "bad.csv", HEAD + "bigdata_revenue,江苏省,2021,1530,\n" + row + "\n")
    with pytest.raises(SourceError) as e:
        import_values(ws, path, actor="t")
    found = {p["check"]: p for p in e.value.details["problems"]}
    assert found[check]["records"] == ([1, 2] if check == "duplicate" else [2])
    assert "nothing was imported" in e.value.en and "未导入任何数据" in e.value.zh
    assert load_values(ws) == []


def test_import_lists_every_problem_at_once(any_ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The checks are engine expressions: the same problems on DuckDB and on Spark."""
    ws = any_ws
    rows = "gdp,江苏省,2021,1\nbigdata_revenue,上海,2021,1\nbigdata_revenue,江苏省,2022,x\nbigdata_revenue,江苏省,2023,-1\n"
    with pytest.raises(SourceError) as e:
        import_values(ws, write(tmp_path, "bad.csv", HEAD + rows), actor="t")
    assert [(p["check"], p["records"]) for p in e.value.details["problems"]] == [
        ("indicator", [1]), ("region", [2]), ("value", [3]), ("negative", [4])]


def test_open_bounds_on_both_engines(any_ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An indicator with no lower bound takes negative values; the bounds of the others still hold
    (on Spark too, where a NULL float of an in-memory table would come back as NaN)."""
    open_low = REG.indicators["bigdata_revenue"].model_copy(update={"minimum": None})
    reg = REG.model_copy(update={"indicators": {**REG.indicators, "bigdata_revenue": open_low}})
    rows = "bigdata_revenue,江苏省,2023,-1\nbigdata_revenue,江苏省,2022,1e12\ndc_racks,江苏省,2022,-2\n"
    with pytest.raises(SourceError) as e:
        import_values(any_ws, write(tmp_path, "v.csv", HEAD + rows), actor="t", registry=reg)
    assert [(p["check"], p["records"]) for p in e.value.details["problems"]] == [("negative", [3])]
    done = import_values(any_ws, write(tmp_path, "v.csv", HEAD + rows.rsplit("dc_racks", 1)[0]), actor="t", registry=reg)
    assert done["inserted"] == 2


def test_record_value_without_source_on_both_engines(any_ws) -> None:  # type: ignore[no-untyped-def]
    done = record_value(any_ws, "dc_racks", "苏州", "2023", 12.5, actor="api")
    assert (done["action"], done["value"], done["source"]) == ("inserted", 12.5, None)
    assert load_values(any_ws)[0]["source"] is None


def test_import_reads_xlsx(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["指标代码", "行政区划", "年份", "值"])
    sheet.append(["dc_racks", 320000, 2022, 47.5])
    wb.save(tmp_path / "v.xlsx")
    assert import_values(ws, tmp_path / "v.xlsx", actor="t")["inserted"] == 1
    assert load_values(ws)[0]["value"] == 47.5


def test_record_value(ws) -> None:  # type: ignore[no-untyped-def]
    first = record_value(ws, "dc_racks", "苏州", "2023", 12.5, "省通信管理局", actor="api")
    assert (first["action"], first["region"], first["as_of"]) == ("inserted", "320500", "2023-12-31")
    assert record_value(ws, "dc_racks", "320500", "2023", 12.5, "省通信管理局", actor="api")["action"] == "unchanged"
    assert record_value(ws, "dc_racks", "320500", "2023", 13.0, actor="api")["action"] == "updated"
    with pytest.raises(SourceError, match="unknown indicator"):
        record_value(ws, "racks", "320500", "2023", 1.0, actor="api")
    with ws.store.session() as s:
        assert [e["target"] for e in events(s, action="monitor.indicator.values")] == ["indicator:dc_racks"] * 2
    assert load_values(ws)[0]["value"] == 13.0


# ---- live values and the evaluation ----------------------------------------------------------------

def test_live_sources(ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    day = dt.date(2024, 12, 31)
    assert LIVE_SOURCES["open_datasets"](ws, day).value == 0
    dcmm = LIVE_SOURCES["dcmm_assessments"](ws, day)
    assert dcmm.value is None and "not available yet" in dcmm.reason_en
    assert "no monitored PUE" in LIVE_SOURCES["monitored_dc_pue"](ws, day).reason_en  # nothing imported yet
    monkeypatch.setattr("shuzhi.monitor.dc.provincial_pue", lambda _ws, year: 1.25 if year == 2024 else None)
    assert LIVE_SOURCES["monitored_dc_pue"](ws, day).value == 1.25
    assert LIVE_SOURCES["monitored_dc_pue"](ws, dt.date(2023, 12, 31)).value is None
    pue = next(i for i in evaluate(ws, as_of=day)["indicators"] if i["code"] == "new_large_dc_pue")
    assert (pue["latest"]["value"], pue["latest"]["source"], pue["status"]) == (1.25, "live", "achieved")
    dcmm_row = next(i for i in evaluate(ws, as_of=day)["indicators"] if i["code"] == "dcmm_level3")
    assert dcmm_row["status"] == "no_data" and "DCMM" in dcmm_row["reason"]["en"]


def test_evaluate_province_and_city(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = ("bigdata_revenue,江苏省,2021,1530\nbigdata_revenue,江苏省,2023,2010\n"
            "bigdata_revenue,南京,2021,400\nbigdata_revenue,南京,2023,484\nbigdata_revenue,江苏省,2024,2300\n")
    import_values(ws, write(tmp_path, "v.csv", HEAD + rows), actor="t")
    ev = evaluate(ws, as_of=dt.date(2023, 12, 31))
    revenue = ev["indicators"][0]
    assert (ev["region"], revenue["code"], revenue["latest"]["value"], revenue["values"]) == ("320000", "bigdata_revenue", 2010, 2)
    city = evaluate(ws, region="南京市", as_of=dt.date(2023, 12, 31))
    nj = city["indicators"][0]
    assert city["region"] == "320100" and nj["status"] == "no_target"
    assert nj["growth"] == pytest.approx((484 / 400) ** 0.5 - 1) and nj["share_of_province"] == pytest.approx(484 / 2010)
    with pytest.raises(ConfigError):
        evaluate(ws, region="上海")


# ---- CLI, report, demo -----------------------------------------------------------------------------

def test_cli_list_import_progress(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    listed = cli.json("monitor", "indicators", "list")
    revenue = next(i for i in listed["indicators"] if i["code"] == "bigdata_revenue")
    assert (revenue["target"]["value"], revenue["unit"], revenue["department"]) == (2500, "亿元", "省工业和信息化厅")
    assert "大数据核心业务收入" in cli("monitor", "indicators", "list").stdout
    done = cli.json("monitor", "indicators", "import", str(write(tmp_path, "v.csv", GOOD)), "--actor", "alice")
    assert (done["inserted"], done["updated"]) == (4, 0)
    bad = cli.json("monitor", "indicators", "import", str(write(tmp_path, "b.csv", HEAD + "gdp,江苏省,2021,1\n")), expect=1)
    assert bad["error"]["problems"][0]["check"] == "indicator"
    data = cli.json("monitor", "indicators", "progress", "--as-of", "2023-12-31")
    assert set(data) >= {"as_of", "region", "indicators"} and data["as_of"] == "2023-12-31"
    first = data["indicators"][0]
    assert set(first) >= {"code", "latest", "baseline", "target", "progress", "required_cagr", "actual_cagr",
                          "required_cagr_from_now", "projection", "status"}
    assert first["progress"] == pytest.approx(230 / 1200)
    city = cli.json("monitor", "indicators", "progress", "--region", "南京", "--as-of", "2023-12-31")
    assert city["region"] == "320100" and city["indicators"][0]["latest"]["value"] == 1400.5
    assert "大数据核心业务收入" in cli("monitor", "indicators", "progress", "--as-of", "2023-12-31").stdout
    cli("monitor", "indicators", "progress", "--as-of", "2023-13-01", expect=1)


def test_report_and_demo(ws, cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    summary = demo_indicators(ws, tmp_path / "demo", seed=7)
    assert summary["inserted"] == summary["rows"] > 100 and summary["status"]["on_track"] >= 1
    html, xlsx = tmp_path / "r.html", tmp_path / "r.xlsx"
    result = write_indicator_report(ws, "2024", html=html, xlsx=xlsx)
    assert result["as_of"] == "2024-12-31" and result["status"]["at_risk"] + result["status"]["on_track"] >= 1
    page = html.read_text(encoding="utf-8")
    assert "规划实施评估报告" in page and "大数据核心业务收入" in page and "<svg" in page
    wb = openpyxl.load_workbook(xlsx)
    assert {"指标进度 Progress", "设区市 Cities", "预警 Alerts", "来源 Sources"} <= set(wb.sheetnames)
    names = [r[1] for r in wb["指标进度 Progress"].iter_rows(min_row=2, values_only=True)]
    assert "大数据核心业务收入" in names and "5G基站数" in names
    cities = list(wb["设区市 Cities"].iter_rows(min_row=2, values_only=True))
    assert any(r[1] == "南京市" for r in cities)
    with pytest.raises(ConfigError):
        write_indicator_report(ws, "2024")


def test_cli_report(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = cli.json("monitor", "indicators", "report", "--period", "2024-06", "--xlsx", str(tmp_path / "r.xlsx"))
    assert data["as_of"] == "2024-06-30" and (tmp_path / "r.xlsx").exists()


def test_demo_rows_are_deterministic_and_add_up() -> None:
    rows = demo_rows(7)
    assert rows == demo_rows(7) and rows != demo_rows(8)
    province = {(r[0], r[2]): r[3] for r in rows if r[1] in ("江苏省", "320000")}
    assert abs(province[("bigdata_revenue", "2021")] / 1530 - 1) <= 0.01
    assert province[("base_stations_5g", "2021")] == 13.0  # the published value
    cities = [r[3] for r in rows if r[0] == "dcmm_participants" and r[2] == "2024" and r[1] not in ("江苏省", "320000")]
    assert len(cities) == 13 and sum(cities) == province[("dcmm_participants", "2024")]
    revenue = sum(r[3] for r in rows if r[0] == "bigdata_revenue" and r[2] == "2023" and r[1] != "江苏省")
    assert revenue == pytest.approx(province[("bigdata_revenue", "2023")], rel=0.01)


def test_docs_cover_registry_commands_statuses_and_sources() -> None:
    doc = (ROOT / "docs" / "monitor-indicators.md").read_text(encoding="utf-8")
    for ind in REG.indicators.values():
        row = next((line for line in doc.splitlines() if line.startswith(f"| `{ind.code}` |")), None)
        assert row is not None and ind.name in row and ind.unit in row, ind.code
        for point in (ind.baseline, ind.target):
            assert point is None or f"{point.value:g}" in row, ind.code
    for command in ("list", "import", "progress", "report"):
        assert f"shuzhi monitor indicators {command}" in doc
    assert all(f"| `{s}` |" in doc for s in STATUS) and all(f"`{name}`" in doc for name in LIVE_SOURCES)
