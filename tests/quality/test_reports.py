"""Quality reports: the HTML page (content, escaping, offline, charts, languages) and the Excel workbook."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from shuzhi.errors import ConfigError
from shuzhi.quality import report_xlsx
from shuzhi.quality.report_html import render_html
from shuzhi.quality.report_xlsx import write_xlsx

EVIL = "<script>alert(1)</script>"
NO_RULE = "不可评估：没有规则 / not assessable: no rule"
NO_REFERENCE = "不可评估：没有参照数据 / not assessable: no reference data"


def _dim(label: str, label_en: str, score: float | None, rules: int, reason: str | None = None) -> dict[str, Any]:
    return {"label": label, "label_en": label_en, "score": score, "assessable": score is not None,
            "reason": reason, "rules": rules, "weight": 1.0}


def _result() -> dict[str, Any]:
    return {
        "dataset": "population", "title": "人口综合库", "version": 1, "rows": 2000,
        "engine": "duckdb", "run_id": 3, "started_at": "2026-11-28T20:30:00Z", "as_of": "2026-06-30T00:00:00",
        "score": 93.25, "grade": "优",
        "grades": [{"grade": "优", "min": 90}, {"grade": "良", "min": 80}, {"grade": "中", "min": 60}, {"grade": "差", "min": 0}],
        "dimensions": {
            "normativity": _dim("规范性", "Normativity", 98.1, 2),
            "completeness": _dim("完整性", "Completeness", 95.5, 1),
            "accuracy": _dim("准确性", "Accuracy", None, 0, NO_REFERENCE),
            "consistency": _dim("一致性", "Consistency", 79.4, 1),
            "timeliness": _dim("时效性", "Timeliness", None, 1, NO_RULE),
            "accessibility": _dim("可访问性", "Accessibility", 100.0, 0),
        },
        "rules": [
            {"id": "sfzh.id_card", "check": "id_card", "dimension": "normativity", "columns": ["sfzh"],
             "severity": "error", "threshold": None, "status": "fail",
             "evaluated": 1994, "passed": 1986, "failed": 8, "pass_ratio": 0.995988, "reason": None,
             "description": "公民身份号码 符合 GB 11643 / sfzh conforms to GB 11643", "metrics": {},
             "samples": [{"sfzh": "320***********3591", "bz": "A<B & C"}, {"sfzh": None, "bz": EVIL},
                         {"sfzh": "0032***********12X", "bz": "=1+1"}]},
            {"id": "xm.not_blank", "check": "not_blank", "dimension": "completeness", "columns": ["xm"],
             "severity": "warn", "threshold": 0.99, "status": "pass",
             "evaluated": 2000, "passed": 1910, "failed": 90, "pass_ratio": 0.955, "reason": None,
             "description": "姓名 不为空 / xm is not blank", "metrics": {}, "samples": [{"xm": None}]},
            {"id": "sfzh.unique", "check": "unique", "dimension": "consistency", "columns": ["sfzh", EVIL],
             "severity": "error", "threshold": None, "status": "fail",
             "evaluated": 2000, "passed": 1588, "failed": 412, "pass_ratio": 0.794, "reason": None,
             "description": "sfzh 唯一 / sfzh is unique",
             "metrics": {"duplicate_groups": 6, "rows_in_duplicate_groups": 12}, "samples": []},
            {"id": "table.freshness", "check": "freshness", "dimension": "timeliness", "columns": [],
             "severity": "error", "threshold": None, "status": "not_assessable",
             "evaluated": None, "passed": None, "failed": None, "pass_ratio": None,
             "reason": "不定期更新，没有周期 / irregular update cycle, no period",
             "description": "数据新鲜 / data is fresh", "metrics": {}, "samples": []},
        ],
        "anomalies": [{"metric": "rows", "rule": None, "method": "rate_of_change", "value": 1500, "expected": 2000,
                       "message_zh": "行数较上次下降 25.0%", "message_en": "row count dropped 25.0% since the last run"}],
        "duration_s": 1.23,
    }


def _run(run_id: int, day: str, score: float | None, grade: str | None) -> dict[str, Any]:
    dims = {"normativity": 97.0, "completeness": 99.0, "accuracy": None, "consistency": 90.0,
            "timeliness": None, "accessibility": 100.0}
    return {"run_id": run_id, "started_at": f"2026-11-{day}T10:00:00Z", "version": 1, "rows": 2000,
            "score": score, "grade": grade, "dimensions": dims}


def _history() -> list[dict[str, Any]]:
    return [_run(1, "20", 91.0, "优"), _run(2, "24", 88.5, "良"), _run(3, "28", 93.25, "优")]


HISTORY = _history()  # read-only; a test that changes history builds its own


class _Tables(HTMLParser):
    """Cells of every <table class=...> as text (pieces between tags joined by one space): {class: [[cell, ...], ...]}."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._stack: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._stack.append(dict(attrs).get("class") or "")
            self.tables.setdefault(self._stack[-1], [])
        elif tag == "tr" and self._stack:
            self.tables[self._stack[-1]].append([])
        elif tag in ("td", "th") and self._stack:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._stack.pop()
        elif tag in ("td", "th") and self._cell is not None and self._stack:
            self.tables[self._stack[-1]][-1].append(" ".join(" ".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(page: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(page)
    return parser.tables


def svg(page: str, cls: str) -> str:
    found = re.findall(rf'<svg class="{cls}".*?</svg>', page, flags=re.DOTALL)
    assert len(found) == 1, cls
    return found[0]


# ---- HTML ----------------------------------------------------------------------------------------------


def test_html_header_score_and_grade() -> None:
    page = render_html(_result(), HISTORY)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in page
    assert '<h1>数据质量评估报告<span class="alt"> Data quality report</span></h1>' in page
    assert "人口综合库 <code>population</code>" in page
    for shown in ("2,000", "duckdb", "#3", "2026-11-28 20:30:00Z", "2026-06-30 00:00:00", "1.23 秒"):
        assert shown in page, shown
    assert '<div class="value">93.25</div>' in page
    assert '<div class="value grade">优</div>' in page
    assert '<li class="current">优 ≥ 90</li>' in page and "<li>差 ≥ 0</li>" in page


def test_html_dimensions_table_and_not_assessable() -> None:
    page = render_html(_result(), HISTORY)
    rows = {row[0]: row for row in tables(page)["dims"][1:]}
    assert list(rows) == ["规范性 Normativity", "完整性 Completeness", "准确性 Accuracy", "一致性 Consistency",
                          "时效性 Timeliness", "可访问性 Accessibility"]
    assert rows["规范性 Normativity"] == ["规范性 Normativity", "98.10", "2", "1.0", ""]
    # not assessable: the words and the reason, never a number
    assert rows["时效性 Timeliness"] == ["时效性 Timeliness", "不可评估", "1", "1.0", NO_RULE]
    assert rows["准确性 Accuracy"] == ["准确性 Accuracy", "不可评估", "0", "1.0", NO_REFERENCE]


def test_html_dimension_chart_marks_not_assessable() -> None:
    bars = svg(render_html(_result(), HISTORY), "bars")
    assert bars.count('class="bar"') == 4
    assert bars.count('class="bar-na"') == 2
    assert bars.count("不可评估 not assessable") == 2
    assert ">98.10<" in bars and ">100.00<" in bars
    for label in ("规范性", "完整性", "准确性", "一致性", "时效性", "可访问性"):
        assert f">{label}<" in bars
    assert "<script" not in bars and "foreignObject" not in bars  # pure SVG


def test_html_rules_table() -> None:
    page = render_html(_result(), HISTORY)
    rows = [row for row in tables(page)["rules"][1:] if len(row) == 9]
    assert [row[0] for row in rows] == ["sfzh.id_card 公民身份号码 符合 GB 11643 / sfzh conforms to GB 11643",
                                        "xm.not_blank 姓名 不为空 / xm is not blank", "sfzh.unique sfzh 唯一 / sfzh is unique",
                                        "table.freshness 数据新鲜 / data is fresh"]
    first, _, unique, fresh = rows
    assert first[1:] == ["id_card", "规范性", "sfzh", "1,994", "1,986", "8", "99.60%", "未通过 fail"]
    assert unique[3] == f"sfzh , {EVIL}"  # the column name, as text
    assert fresh[4:] == ["—", "—", "—", "不可评估", "不可评估 not assessable 不定期更新，没有周期 / irregular update cycle, no period"]
    assert '<tr class="st-fail">' in page and '<tr class="st-pass">' in page and '<tr class="st-not_assessable">' in page


def test_html_samples_are_escaped_in_details() -> None:
    page = render_html(_result(), HISTORY)
    assert page.count("<details>") == 3  # two rules with samples, one with metrics only
    assert "<td>320***********3591</td>" in page
    assert "<td>A&lt;B &amp; C</td>" in page
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in page  # sample value
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in page  # column name
    assert EVIL not in page
    assert '<span class="null">空值</span>' in page
    assert "<code>duplicate_groups</code> = 6" in page
    samples = tables(page)["samples"]
    assert samples[0] == ["sfzh", "bz"] and len(samples) == 1 + 3 + 1 + 1  # two headers, four samples


def test_html_anomalies_highlighted() -> None:
    page = render_html(_result(), HISTORY)
    section = page.split('<section class="anomalies">', 1)[1].split("</section>", 1)[0]
    assert "行数较上次下降 25.0%" in section and "row count dropped 25.0% since the last run" in section
    assert "rate_of_change" in section and "1500 / 2000" in section
    quiet = _result() | {"anomalies": []}
    assert 'class="anomalies"' not in render_html(quiet, HISTORY)


def test_html_trend_has_one_point_per_run() -> None:
    page = render_html(_result(), HISTORY)
    trend = svg(page, "trend")
    assert trend.count("<circle") == 3
    assert len(re.findall(r'<polyline class="line" points="([^"]+)"', trend)[0].split()) == 3
    for date in ("2026-11-20", "2026-11-24", "2026-11-28"):
        assert f">{date}<" in trend
    assert "仅一次运行" not in page
    history = tables(page)["history"]
    assert [row[0] for row in history[1:]] == ["#1", "#2", "#3 本次"]
    assert history[2][4:6] == ["88.50", "良"] and history[1][8] == "不可评估"  # accuracy of run 1


def test_html_trend_breaks_at_a_run_without_score() -> None:
    history = [_run(1, "20", 91.0, "优"), _run(2, "22", None, None), _run(3, "24", 90.0, "优"), *_history()[1:]]
    history[-1]["run_id"] = 5
    trend = svg(render_html(_result() | {"run_id": 5}, history), "trend")
    assert trend.count("<circle") == 5
    assert trend.count('class="pt pt-na"') == 1
    assert [len(p.split()) for p in re.findall(r'points="([^"]+)"', trend)] == [3]  # run 1 alone draws no line


def test_html_single_run() -> None:
    page = render_html(_result(), HISTORY[-1:])
    assert "仅一次运行" in page and "only one run" in page
    assert svg(page, "trend").count("<circle") == 1
    assert render_html(_result(), []).count("仅一次运行") == 1  # no history given: this run alone


def test_html_not_assessable_score() -> None:
    result = _result() | {"score": None, "grade": None}
    page = render_html(result, HISTORY)
    big = page.split('<div class="value">', 1)[1].split("</div>", 1)[0]
    assert "不可评估" in big and "没有可评估的维度" in big
    assert '<div class="value grade">—</div>' in page


def test_html_offline_and_self_contained() -> None:
    page = render_html(_result(), HISTORY)
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "src=" not in page and "@import" not in page and "url(" not in page.replace("url(#hatch)", "")
    assert "<style>" in page and ".bar-na" in page  # the stylesheet is inlined, unescaped
    assert "&gt;" not in page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "GB/T 36344-2018" in page and "X = A/B" in page and "数治" in page


def test_html_english_first() -> None:
    page = render_html(_result(), HISTORY, lang="en")
    assert '<html lang="en">' in page
    assert '<h1>Data quality report<span class="alt"> 数据质量评估报告</span></h1>' in page
    assert tables(page)["dims"][1][0] == "Normativity 规范性"
    assert "<strong>row count dropped 25.0% since the last run</strong>" in page
    assert "Generated by shuzhi (数治)" in page and EVIL not in page


def test_html_rejects_unknown_language_and_status() -> None:
    with pytest.raises(ConfigError, match="fr") as info:
        render_html(_result(), HISTORY, lang="fr")
    assert "不支持的报告语言" in info.value.zh
    bad = _result()
    bad["rules"][0]["status"] = "ok"
    with pytest.raises(ValueError, match="sfzh.id_card.*'ok'"):
        render_html(bad, HISTORY)


# ---- Excel ---------------------------------------------------------------------------------------------

SHEETS = ["概览 Summary", "规则 Rules", "样本 Samples", "异常 Anomalies", "趋势 History"]


def _records(ws: Any) -> list[dict[str, Any]]:
    """Rows of a sheet as {header: cell}, from row 2 on."""
    rows = list(ws.iter_rows())
    headers = [c.value for c in rows[0]]
    return [dict(zip(headers, row, strict=False)) for row in rows[1:]]


@pytest.fixture
def workbook(tmp_path: Path) -> Any:
    path = tmp_path / "quality.xlsx"
    write_xlsx(_result(), HISTORY, path)
    assert [p.name for p in tmp_path.iterdir()] == ["quality.xlsx"]  # no temporary file left
    return openpyxl.load_workbook(path)


def test_xlsx_sheets_and_frozen_bold_headers(workbook: Any) -> None:
    assert workbook.sheetnames == SHEETS
    for ws in workbook.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert all(c.font.b for c in ws[1] if c.value is not None), ws.title
        assert ws.column_dimensions["A"].width >= 8, ws.title


def test_xlsx_summary(workbook: Any) -> None:
    ws = workbook["概览 Summary"]
    facts = {row[0].value: row[1].value for row in ws.iter_rows(min_row=2, max_row=13)}
    assert facts["数据集 Dataset"] == "population" and facts["名称 Title"] == "人口综合库"
    assert facts["版本 Version"] == 1 and facts["行数 Rows"] == 2000
    assert facts["得分 Score"] == 93.25 and facts["等级 Grade"] == "优"
    assert facts["耗时(秒) Duration (s)"] == 1.23 and facts["数据截至 As of"] == "2026-06-30T00:00:00"
    assert facts["等级划分 Grade bands"] == "优 ≥ 90; 良 ≥ 80; 中 ≥ 60; 差 ≥ 0"
    header = [c.value for c in ws[15]]
    assert header == ["维度 Dimension", "Dimension (en)", "得分 Score", "规则数 Rules", "权重 Weight", "原因 Reason"]
    dims = {row[0].value: row for row in ws.iter_rows(min_row=16, max_row=21)}
    assert list(dims) == ["规范性", "完整性", "准确性", "一致性", "时效性", "可访问性"]
    assert dims["规范性"][2].value == 98.1 and dims["规范性"][3].value == 2
    assert dims["时效性"][2].value is None and dims["时效性"][5].value == NO_RULE


def test_xlsx_rules(workbook: Any) -> None:
    records = _records(workbook["规则 Rules"])
    assert [r["规则 Rule"].value for r in records] == ["sfzh.id_card", "xm.not_blank", "sfzh.unique", "table.freshness"]
    first, second, unique, fresh = records
    for key, expected in (("评估数 Evaluated", 1994), ("通过数 Passed", 1986), ("未通过数 Failed", 8)):
        assert first[key].value == expected and first[key].data_type == "n", key
    assert first["通过率 Pass ratio"].value == pytest.approx(0.995988)
    assert "%" in first["通过率 Pass ratio"].number_format
    assert first["状态 Status"].value == "未通过 fail" and first["维度 Dimension"].value == "规范性 Normativity"
    assert second["阈值 Threshold"].value == 0.99 and first["阈值 Threshold"].value is None
    assert unique["列 Columns"].value == f"sfzh, {EVIL}"
    assert unique["指标 Metrics"].value == "duplicate_groups=6; rows_in_duplicate_groups=12"
    assert unique["未通过数 Failed"].value == 412
    for key in ("评估数 Evaluated", "通过数 Passed", "未通过数 Failed", "通过率 Pass ratio"):
        assert fresh[key].value is None, key  # not assessable: empty, never 0
    assert fresh["状态 Status"].value == "不可评估 not assessable"
    assert fresh["原因 Reason"].value == "不定期更新，没有周期 / irregular update cycle, no period"


def test_xlsx_samples_are_text(workbook: Any) -> None:
    records = _records(workbook["样本 Samples"])
    assert [(r["规则 Rule"].value, r["序号 No."].value) for r in records] == [
        ("sfzh.id_card", 1), ("sfzh.id_card", 2), ("sfzh.id_card", 3), ("xm.not_blank", 1)]
    texts = [r["样本 Sample (列: 值 column: value)"] for r in records]
    assert texts[0].value == "sfzh: 320***********3591; bz: A<B & C"
    assert texts[1].value == f"sfzh: (空值 null); bz: {EVIL}"
    assert texts[2].value == "sfzh: 0032***********12X; bz: =1+1" and texts[2].data_type == "s"  # not a formula
    assert texts[3].value == "xm: (空值 null)"


def test_xlsx_anomalies_and_history(workbook: Any) -> None:
    (anomaly,) = _records(workbook["异常 Anomalies"])
    assert anomaly["指标 Metric"].value == "rows" and anomaly["规则 Rule"].value is None
    assert anomaly["值 Value"].value == 1500 and anomaly["期望 Expected"].value == 2000
    assert anomaly["说明 Message"].value == "行数较上次下降 25.0%"
    runs = _records(workbook["趋势 History"])
    assert [r["运行 Run"].value for r in runs] == [1, 2, 3]
    assert [r["得分 Score"].value for r in runs] == [91.0, 88.5, 93.25]
    assert runs[0]["准确性 Accuracy"].value is None and runs[0]["规范性 Normativity"].value == 97.0


def test_xlsx_missing_folder_is_a_config_error(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "quality.xlsx"
    with pytest.raises(ConfigError) as info:
        write_xlsx(_result(), HISTORY, target)
    assert str(target.parent) in info.value.zh and str(target.parent) in info.value.en
    assert "目录不存在" in info.value.zh and "does not exist" in info.value.en
    assert list(tmp_path.iterdir()) == []


def test_xlsx_failure_while_building_keeps_previous_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "quality.xlsx"
    write_xlsx(_result(), HISTORY, path)
    before = path.read_bytes()

    def broken(rules: list[dict[str, Any]]) -> Any:
        raise RuntimeError("bug in a sheet")

    monkeypatch.setattr(report_xlsx, "_sample_rows", broken)  # after two sheets are built
    with pytest.raises(RuntimeError, match="bug in a sheet"):
        write_xlsx(_result() | {"score": 12.0}, HISTORY, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["quality.xlsx"]


def test_xlsx_failure_while_saving_keeps_previous_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "quality.xlsx"
    write_xlsx(_result(), HISTORY, path)
    before = path.read_bytes()
    calls = []
    writestr = zipfile.ZipFile.writestr

    def disk_full(self: zipfile.ZipFile, *args: Any, **kwargs: Any) -> None:
        calls.append(args)
        if len(calls) > 3:  # some parts of the zip are already on disk
            raise OSError(28, "No space left on device")
        writestr(self, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", disk_full)
    with pytest.raises(ConfigError, match="No space left") as info:
        write_xlsx(_result() | {"score": 12.0}, HISTORY, path)
    assert str(path) in info.value.zh and "无法写入文件" in info.value.zh
    assert len(calls) == 4
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["quality.xlsx"]


def test_xlsx_replaces_previous_report(tmp_path: Path) -> None:
    path = tmp_path / "quality.xlsx"
    write_xlsx(_result(), HISTORY, path)
    write_xlsx(_result() | {"score": None, "grade": None}, HISTORY, path)
    facts = {row[0].value: row[1].value for row in openpyxl.load_workbook(path)["概览 Summary"].iter_rows(min_row=2, max_row=14)}
    assert facts["得分 Score"] is None and facts["等级 Grade"] is None
    assert facts["说明 Note"].startswith("不可评估")
