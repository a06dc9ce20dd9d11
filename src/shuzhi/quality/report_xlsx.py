"""The Excel quality report: five sheets (概览, 规则, 样本, 异常, 趋势), written atomically.

Numbers are written as numbers (pass ratios with a percent format), every other value
as text with ``write_string`` — identifiers keep their leading zeros and a sample such as
``=HYPERLINK(...)`` stays text, never a formula. ``None`` is an empty cell. The workbook is
written to a temporary file in the target folder and moved into place with
``os.replace``, so a failure never leaves a half-written report behind.

>>> import pathlib, tempfile
>>> dims = {k: {"label": k, "label_en": k, "score": None, "assessable": False, "reason": "no rule",
...             "rules": 0, "weight": 1.0}
...         for k in ("normativity", "completeness", "accuracy", "consistency", "timeliness", "accessibility")}
>>> result = {"dataset": "d", "title": "示例", "version": 1, "rows": 0, "engine": "duckdb", "run_id": 1,
...           "started_at": "2026-01-01T00:00:00Z", "as_of": None, "score": None, "grade": None,
...           "grades": [], "dimensions": dims, "rules": [], "anomalies": [], "duration_s": 0.1}
>>> path = pathlib.Path(tempfile.mkdtemp()) / "quality.xlsx"
>>> write_xlsx(result, [], path)
>>> path.stat().st_size > 0
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.workbook import Workbook

from shuzhi.atomic import replacing
from shuzhi.xlsx import Column, Formats, Kind, new_workbook, rows_at, table
from shuzhi.xlsx import formats as _formats

DIMENSIONS = ("normativity", "completeness", "accuracy", "consistency", "timeliness", "accessibility")
STATUS = {"pass": "通过 pass", "fail": "未通过 fail", "not_assessable": "不可评估 not assessable"}
NULL_TEXT = "(空值 null)"  # a None inside a sample's joined text, where an empty cell is impossible

RULE_COLUMNS: list[Column] = [
    ("规则 Rule", "text"), ("检查 Check", "text"), ("维度 Dimension", "text"), ("列 Columns", "text"),
    ("严重性 Severity", "text"), ("阈值 Threshold", "num"), ("状态 Status", "text"),
    ("评估数 Evaluated", "int"), ("通过数 Passed", "int"), ("未通过数 Failed", "int"), ("通过率 Pass ratio", "pct"),
    ("原因 Reason", "text"), ("指标 Metrics", "text"), ("说明 Description", "text"),
]
DIMENSION_COLUMNS: list[Column] = [
    ("维度 Dimension", "text"), ("Dimension (en)", "text"), ("得分 Score", "num"), ("规则数 Rules", "int"),
    ("权重 Weight", "num"), ("原因 Reason", "text"),
]
SAMPLE_COLUMNS: list[Column] = [("规则 Rule", "text"), ("序号 No.", "int"), ("样本 Sample (列: 值 column: value)", "text")]
ANOMALY_COLUMNS: list[Column] = [
    ("指标 Metric", "text"), ("规则 Rule", "text"), ("方法 Method", "text"), ("值 Value", "num"),
    ("期望 Expected", "num"), ("说明 Message", "text"), ("Message (en)", "text"),
]


def write_xlsx(result: dict[str, Any], history: list[dict[str, Any]], path: Path) -> None:
    """Write the run ``result`` and the score ``history`` (oldest first) as an xlsx workbook at ``path``.

    The folder must exist; an existing file is replaced only once the new one is complete.

    >>> write_xlsx({}, [], Path("/no/such/folder/q.xlsx"))
    Traceback (most recent call last):
    shuzhi.errors.ConfigError: folder does not exist: /no/such/folder (writing /no/such/folder/q.xlsx)
    """
    with replacing(Path(path), errors=(FileCreateError,)) as tmp:
        _write_workbook(result, history, tmp)


def _write_workbook(result: dict[str, Any], history: list[dict[str, Any]], path: Path) -> None:
    wb = new_workbook(path, f"数据质量评估报告 Data quality report — {result['title']} ({result['dataset']})")
    wb.set_properties({"title": f"数据质量评估报告 Data quality report — {result['title']} ({result['dataset']})",
                       "author": "shuzhi (数治)", **_created(result.get("started_at"))})
    fmts = _formats(wb)
    _summary(wb, fmts, result)
    table(wb, fmts, "规则 Rules", RULE_COLUMNS, (_rule_row(rule, result["dimensions"]) for rule in result["rules"]))
    table(wb, fmts, "样本 Samples", SAMPLE_COLUMNS, _sample_rows(result["rules"]))
    table(wb, fmts, "异常 Anomalies", ANOMALY_COLUMNS, (
        [a["metric"], a.get("rule"), a.get("method"), a.get("value"), a.get("expected"), a.get("message_zh"),
         a.get("message_en")] for a in result["anomalies"]))
    history_columns: list[Column] = [
        ("运行 Run", "int"), ("开始时间 Started at", "text"), ("版本 Version", "int"), ("行数 Rows", "int"),
        ("得分 Score", "num"), ("等级 Grade", "text"),
        *((f"{d['label']} {d['label_en']}", "num") for d in (result["dimensions"][k] for k in DIMENSIONS)),
    ]
    table(wb, fmts, "趋势 History", history_columns, (
        [run["run_id"], run.get("started_at"), run.get("version"), run.get("rows"), run.get("score"), run.get("grade"),
         *(run.get("dimensions", {}).get(k) for k in DIMENSIONS)] for run in history))
    wb.close()  # in memory until here: a failure above writes nothing


def _created(stamp: str | None) -> dict[str, dt.datetime]:
    """The run's start as the workbook's creation time, so one run always gives the same properties."""
    try:
        return {"created": dt.datetime.fromisoformat(stamp).replace(tzinfo=None)} if stamp else {}
    except ValueError:
        return {}


def _summary(wb: Workbook, fmts: Formats, result: dict[str, Any]) -> None:
    """Key facts (one per row, each value with its own kind), a blank row, then the six dimensions."""
    bands = "; ".join(f"{g['grade']} ≥ {g['min']}" for g in result["grades"])
    facts: list[tuple[str, Any, Kind]] = [
        ("数据集 Dataset", result["dataset"], "text"), ("名称 Title", result["title"], "text"),
        ("版本 Version", result["version"], "int"), ("行数 Rows", result["rows"], "int"),
        ("引擎 Engine", result["engine"], "text"), ("运行 Run", result["run_id"], "int"),
        ("开始时间 Started at", result["started_at"], "text"), ("数据截至 As of", result.get("as_of"), "text"),
        ("得分 Score", result["score"], "num"), ("等级 Grade", result["grade"], "text"),
        ("等级划分 Grade bands", bands, "text"), ("耗时(秒) Duration (s)", result.get("duration_s"), "num"),
    ]
    if result["score"] is None:
        facts.append(("说明 Note", "不可评估：没有可评估的维度 / not assessable: no dimension was assessable", "text"))
    dims = [result["dimensions"][k] for k in DIMENSIONS]
    ws = wb.add_worksheet("概览 Summary")
    widths = rows_at(ws, fmts, 0, [("项目 Field", "text"), ("值 Value", "text")], [[f[0], f[1]] for f in facts],
                   kinds=[["text", f[2]] for f in facts])
    widths2 = rows_at(ws, fmts, len(facts) + 2, DIMENSION_COLUMNS,
                    [[d["label"], d["label_en"], d["score"], d["rules"], d["weight"], d.get("reason")] for d in dims])
    ws.freeze_panes(1, 0)
    for c, width in enumerate(widths2):
        ws.set_column(c, c, max(width, widths[c] if c < len(widths) else 0))


def _rule_row(rule: dict[str, Any], dimensions: dict[str, Any]) -> list[Any]:
    if rule["status"] not in STATUS:
        raise ValueError(f"rule {rule['id']!r}: unknown status {rule['status']!r}, expected one of {sorted(STATUS)}")
    dim = dimensions[rule["dimension"]]
    metrics = "; ".join(f"{k}={v}" for k, v in (rule.get("metrics") or {}).items())
    return [rule["id"], rule["check"], f"{dim['label']} {dim['label_en']}", ", ".join(rule["columns"]),
            rule.get("severity"), rule.get("threshold"), STATUS[rule["status"]], rule.get("evaluated"),
            rule.get("passed"), rule.get("failed"), rule.get("pass_ratio"), rule.get("reason"), metrics or None,
            rule.get("description")]


def _sample_rows(rules: list[dict[str, Any]]) -> Iterable[list[Any]]:
    for rule in rules:
        for i, sample in enumerate(rule.get("samples") or [], start=1):
            text = "; ".join(f"{col}: {NULL_TEXT if v is None else v}" for col, v in sample.items())
            yield [rule["id"], i, text]
