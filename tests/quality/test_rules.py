"""Rule files: parsing, validation with line numbers, defaults; scoring and grade bands; where conditions."""

from __future__ import annotations

import pytest

from shuzhi.engine.condition import condition_columns, parse_condition
from shuzhi.errors import ConfigError
from shuzhi.quality.rules import check_columns, parse_rules
from shuzhi.quality.score import overall, score_dimensions

ISSUE_EXAMPLE = """\
dataset: population            # catalog code
rules:
  - {column: xm, check: not_null}
  - {column: xm, check: not_blank}
  - {column: sfzh, check: id_card}
  - {column: sfzh, check: unique}
  - {column: lxdh, check: mobile}
  - {column: tyshxydm, check: uscc}
  - {column: yhkh, check: bank_card}
  - {column: xb, check: code_list, code_list: GB/T 2261.1}
  - {column: mz, check: code_list, code_list: GB/T 3304}
  - {column: xzqh, check: code_list, code_list: GB/T 2260}
  - {column: age, check: range, min: 0, max: 150}
  - {column: zip, check: regex, pattern: '^\\d{6}$'}
  - {column: name, check: length, min: 2, max: 20}
  - {column: csrq, check: date_format, format: '%Y-%m-%d'}
  - {columns: [sfzh, csrq], check: id_birthdate_match}
  - {columns: [sfzh, xb], check: id_sex_match}
  - {check: compare, left: start_date, op: '<=', right: end_date}
  - {column: fr_uscc, check: foreign_key, ref: legal_person.tyshxydm}
  - {check: same_value, key: tyshxydm, column: qymc, ref: credit.qymc}
  - {column: updated_at, check: freshness, max_age: 30d}
  - {check: row_count, min: 1000}
"""

# check → default dimension, as the issue states them (and GB/T 36344's grouping for the rest)
DEFAULT_DIMENSIONS = {
    "not_null": "completeness", "not_blank": "completeness", "id_card": "normativity", "unique": "accuracy",
    "mobile": "normativity", "uscc": "normativity", "bank_card": "normativity", "code_list": "normativity",
    "range": "accuracy", "regex": "normativity", "length": "normativity", "date_format": "normativity",
    "id_birthdate_match": "consistency", "id_sex_match": "consistency", "compare": "consistency",
    "foreign_key": "consistency", "same_value": "consistency", "freshness": "timeliness", "row_count": "completeness",
}


def test_the_issue_example_parses_with_ids_lines_and_default_dimensions() -> None:
    rs = parse_rules(ISSUE_EXAMPLE, source="population.yaml")
    assert rs.dataset == "population"
    assert len(rs.rules) == 21
    assert [r.line for r in rs.rules] == list(range(3, 24))
    assert rs.rules[0].id == "xm.not_null"
    assert rs.rules[14].id == "sfzh.csrq.id_birthdate_match"
    assert rs.rules[16].id == "start_date.end_date.compare"
    assert {r.check.name: r.dimension for r in rs.rules} == DEFAULT_DIMENSIONS
    assert rs.samples == 10
    assert rs.scoring["weights"] == {k: 1.0 for k in ("normativity", "completeness", "accuracy", "consistency", "timeliness", "accessibility")}
    assert [g["grade"] for g in rs.scoring["grades"]] == ["优", "良", "中", "差"]


def test_options_override_dimension_severity_threshold_weight_and_where() -> None:
    rs = parse_rules("""
rules:
  - {column: xm, check: not_null, dimension: 准确性, severity: warning, threshold: 0.95, weight: 2, where: "xb = '1'"}
  - {column: xm, check: not_null, dimension: timeliness}
""")
    a, b = rs.rules
    assert (a.dimension, a.severity, a.threshold, a.weight, a.where) == ("accuracy", "warning", 0.95, 2.0, "xb = '1'")
    assert b.dimension == "timeliness"
    assert (a.id, b.id) == ("xm.not_null", "xm.not_null#2")  # same check twice: ids stay unique


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("rules:\n  - {column: a, check: not_null}\n  - {column: a, check: nope}\n", 3, ["未知的检查 'nope'", "unknown check 'nope'", "not_null"]),
        ("rules:\n  - {column: a, check: range}\n", 2, ["range", "needs min or max"]),
        ("rules:\n  - {column: a, check: range, min: 5, max: 1}\n", 2, ["min is greater than max"]),
        ("rules:\n  - {column: a, check: not_null, colour: red}\n", 2, ["colour", "Extra inputs"]),
        ("rules:\n  - {column: a, check: not_null, dimension: beauty}\n", 2, ["未知的维度 'beauty'", "规范性"]),
        ("rules:\n  - {column: a, check: not_null, threshold: 2}\n", 2, ["threshold"]),
        ("rules:\n  - {column: a, check: not_null, severity: fatal}\n", 2, ["severity"]),
        ("rules:\n  - {column: a, check: code_list, code_list: GB/T 9999}\n", 2, ["unknown code list 'GB/T 9999'", "GB/T 2260"]),
        ("rules:\n  - {column: a, check: regex, pattern: '([a-z'}\n", 2, ["invalid regular expression"]),
        ("rules:\n  - {column: a, check: date_format, format: '%Y-%b-%d'}\n", 2, ["unsupported directive %b"]),
        ("rules:\n  - {column: a, check: freshness, max_age: 3 months}\n", 2, ["not a duration"]),
        ("rules:\n  - {column: a, check: foreign_key, ref: nodot}\n", 2, ["<dataset code>.<column>"]),
        ("rules:\n  - {columns: [a], check: id_sex_match}\n", 2, ["columns: [<ID column>, <other column>]"]),
        ("rules:\n  - {column: a, check: not_null, where: 'a = 1; DROP TABLE t'}\n", 2, ["where"]),
        ("rules:\n  - {column: a, check: not_null, where: \"a IN (SELECT b FROM t)\"}\n", 2, ["unsupported"]),
        ("rules:\n  - just a string\n", 2, ["映射", "mapping"]),
        ("rules:\n  - {column: a, check: not_null\n", 3, ["YAML"]),
        ("dataset: x\nrules:\n\t- {column: a}\n", 3, ["YAML"]),
        ("rules: not-a-list\n", 1, ["rules"]),
        ("", 1, ["rules"]),
    ],
)
def test_malformed_rule_files_are_rejected_with_the_line(text: str, line: int, words: list[str]) -> None:
    with pytest.raises(ConfigError) as info:
        parse_rules(text, source="bad.yaml")
    err = info.value
    assert err.details["errors"][0]["line"] == line, err.details
    message = err.zh + err.en
    assert "bad.yaml" in err.zh and "bad.yaml" in err.en
    for w in words:
        assert w in message, (w, message)


def test_every_error_is_reported_at_once() -> None:
    text = "rules:\n  - {column: a, check: nope}\n  - {column: b, check: range}\n  - {column: c, check: not_null}\nsurprise: 1\n"
    with pytest.raises(ConfigError) as info:
        parse_rules(text)
    assert [e["line"] for e in info.value.details["errors"]] == [2, 3, None]


def test_unknown_columns_are_reported_with_lines_before_anything_runs() -> None:
    rs = parse_rules("rules:\n  - {column: xm, check: not_null}\n  - {columns: [sfzh, birth], check: id_birthdate_match}\n"
                     "  - {column: xm, check: not_blank, where: \"sex = '1'\"}\n")
    check_columns(rs, ["xm", "sfzh", "birth", "sex"], dataset="population")  # all present: no error
    with pytest.raises(ConfigError) as info:
        check_columns(rs, ["xm", "sfzh"], dataset="population")
    errors = info.value.details["errors"]
    assert [(e["line"], "'birth'" in e["en"] or "'sex'" in e["en"]) for e in errors] == [(3, True), (4, True)]
    assert "没有列 'birth'" in errors[0]["zh"] and "columns: xm, sfzh" in errors[0]["en"]


def test_scoring_settings_are_validated_and_bands_sorted() -> None:
    rs = parse_rules("scoring:\n  weights: {规范性: 3, timeliness: 0}\n  grades: [{grade: 合格, min: 60}, {grade: 优秀, min: 95}, {grade: 不合格, min: 0}]\nrules: []\n")
    assert rs.scoring["weights"]["normativity"] == 3.0 and rs.scoring["weights"]["timeliness"] == 0.0
    assert [g["grade"] for g in rs.scoring["grades"]] == ["优秀", "合格", "不合格"]
    with pytest.raises(ConfigError, match="scoring"):
        parse_rules("scoring:\n  weights: {beauty: 1}\nrules: []\n")
    with pytest.raises(ConfigError, match="anomaly"):
        parse_rules("anomaly: {sensitivity: 1}\nrules: []\n")


# --- scores ----------------------------------------------------------------------------------

def _rule(dim: str, ratio: float | None, weight: float = 1.0, reason: str | None = None) -> dict:
    return {"dimension": dim, "pass_ratio": ratio, "weight": weight, "reason": reason}


def test_dimension_scores_are_weighted_means_and_missing_ones_are_not_assessable() -> None:
    rules = [_rule("completeness", 1.0), _rule("completeness", 0.5, weight=3), _rule("accuracy", 0.9),
             _rule("timeliness", None, reason="缺少输入：更新周期为“不定期” / missing input: update cycle")]
    dims = score_dimensions(rules, {"completeness": 1, "accuracy": 1, "timeliness": 1})
    assert dims["completeness"]["score"] == pytest.approx(62.5)  # (1·100 + 3·50) / 4
    assert dims["accuracy"]["score"] == pytest.approx(90.0)
    assert dims["timeliness"] == {**dims["timeliness"], "score": None, "assessable": False}
    assert "不定期" in dims["timeliness"]["reason"] and dims["timeliness"]["reason"].startswith("不可评估")
    assert dims["normativity"]["score"] is None and "no rule" in dims["normativity"]["reason"]
    assert list(dims) == ["normativity", "completeness", "accuracy", "consistency", "timeliness", "accessibility"]
    assert [d["label"] for d in dims.values()] == ["规范性", "完整性", "准确性", "一致性", "时效性", "可访问性"]
    bands = [{"grade": "优", "min": 90}, {"grade": "良", "min": 80}, {"grade": "中", "min": 60}, {"grade": "差", "min": 0}]
    # only assessable dimensions count: (62.5 + 90) / 2
    assert overall(dims, bands) == (pytest.approx(76.25), "中")
    dims["accuracy"]["weight"] = 3  # (62.5 + 3·90) / 4
    assert overall(dims, bands) == (pytest.approx(83.125), "良")


def test_nothing_assessable_gives_no_score_never_100() -> None:
    dims = score_dimensions([_rule("accuracy", None, reason="没有可评估的值")], {})
    assert all(d["score"] is None and not d["assessable"] for d in dims.values())
    assert overall(dims, [{"grade": "优", "min": 90}]) == (None, None)


# --- where conditions --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "a = 1; DROP TABLE t", "a IN (SELECT 1)", "upper(a) = 'X'", "t.a = 1", "a = (SELECT max(b) FROM t)",
    "read_csv('/etc/passwd') IS NULL", "a = 1 UNION SELECT 1", "EXISTS (SELECT 1)",
])
def test_hostile_or_unsupported_conditions_are_refused(text: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_condition(text)
    assert text in info.value.zh and text in info.value.en


def test_conditions_name_their_columns() -> None:
    cond = parse_condition("xb = '1' AND (age BETWEEN 18 AND 60 OR \"出生 日期\" IS NULL) AND mz IN ('01', '02') AND NOT xm LIKE '王%'")
    assert condition_columns(cond) == {"xb", "age", "出生 日期", "mz", "xm"}
