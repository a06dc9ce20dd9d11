"""Rule files: YAML in, validated rules out, every problem reported with its line before anything runs.

>>> rs = parse_rules('''
... dataset: population
... rules:
...   - {column: sfzh, check: id_card}
...   - {column: xm, check: not_null, dimension: 准确性, threshold: 0.99}
... ''')
>>> [(r.id, r.dimension, r.line) for r in rs.rules]
[('sfzh.id_card', 'normativity', 4), ('xm.not_null', 'accuracy', 5)]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from shuzhi.engine.condition import condition_columns, parse_condition
from shuzhi.errors import ConfigError
from shuzhi.quality.registry import Check, Params, get_checks

_COMMON = ("id", "check", "dimension", "severity", "threshold", "where", "weight", "description")
_TOP = ("dataset", "as_of", "samples", "scoring", "anomaly", "rules")
SEVERITIES = ("info", "warning", "error")


@cache
def defaults() -> dict[str, Any]:
    """The module's defaults (data/defaults.yaml): dimensions, weights, grade bands, placeholders …"""
    with (resources.files("shuzhi.quality") / "data" / "defaults.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def dimension_key(name: str) -> str | None:
    """``"规范性"`` or ``"normativity"`` → ``"normativity"``; None when unknown."""
    for key, labels in defaults()["dimensions"].items():
        if name in (key, labels["zh"], labels["en"], labels["en"].lower()):
            return key
    return None


@dataclass(frozen=True)
class Rule:
    id: str
    check: Check
    params: Params
    dimension: str
    severity: str = "error"
    #: minimum pass ratio for the rule's status to be "pass" (default: every evaluated element passes)
    threshold: float | None = None
    where: str | None = None
    weight: float = 1.0
    description: str | None = None
    line: int | None = None

    def columns(self) -> list[str]:
        return self.params.columns()

    def describe(self) -> tuple[str, str]:
        """The rule in words, zh and en (the rule's own description wins)."""
        if self.description:
            return self.description, self.description
        values = {k: ("" if v is None else v) for k, v in self.params.model_dump().items()}
        values.setdefault("columns_", "")

        def fill(template: str) -> str:
            try:
                return template.format(**values)
            except (KeyError, IndexError, ValueError):
                return template

        zh, en = fill(self.check.zh), fill(self.check.en)
        if self.where:
            zh, en = f"{zh}（条件：{self.where}）", f"{en} (where {self.where})"
        return zh, en


@dataclass(frozen=True)
class RuleSet:
    rules: list[Rule]
    dataset: str | None = None
    as_of: dt.datetime | None = None
    samples: int = 10
    scoring: dict[str, Any] = field(default_factory=dict)
    anomaly: dict[str, Any] = field(default_factory=dict)
    source: str = "<rules>"


class _Errors:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[tuple[int | None, str, str]] = []

    def add(self, line: int | None, zh: str, en: str) -> None:
        self.items.append((line, zh, en))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        self.items.sort(key=lambda item: (item[0] is None, item[0] or 0))  # by line; file-level errors last
        at = lambda line, zh: f"第 {line} 行：{zh}" if line else zh
        at_en = lambda line, en: f"line {line}: {en}" if line else en
        zh = "；".join(at(line, z) for line, z, _ in self.items)
        en = "; ".join(at_en(line, e) for line, _, e in self.items)
        raise ConfigError(
            f"规则文件 {self.source} 有 {len(self.items)} 处错误：{zh}",
            f"rule file {self.source} has {len(self.items)} error(s): {en}",
            errors=[{"line": line, "zh": z, "en": e} for line, z, e in self.items],
        )


def _rule_lines(text: str) -> list[int]:
    """Line (1-based) of each item of the top-level ``rules`` list."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "rules" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _pydantic_errors(e: ValidationError) -> str:
    parts = []
    for err in e.errors():
        where = ".".join(str(p) for p in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts)


def _rule(item: Any, line: int | None, n: int, errors: _Errors, seen: set[str]) -> Rule | None:
    checks = get_checks()
    if not isinstance(item, dict):
        errors.add(line, "每条规则应是一个映射（键: 值）", "each rule must be a mapping (key: value)")
        return None
    name = item.get("check")
    if name not in checks:
        known = ", ".join(sorted(checks))
        errors.add(line, f"未知的检查 {name!r}，可用：{known}", f"unknown check {name!r}; known: {known}")
        return None
    chk = checks[name]
    try:
        params = chk.params.model_validate({k: v for k, v in item.items() if k not in _COMMON})
    except ValidationError as e:
        detail = _pydantic_errors(e)
        errors.add(line, f"检查 {name} 的参数无效：{detail}", f"invalid parameters for {name}: {detail}")
        return None
    dim = dimension_key(str(item.get("dimension", chk.dimension)))
    if dim is None:
        known = "、".join(f"{v['zh']}/{k}" for k, v in defaults()["dimensions"].items())
        errors.add(line, f"未知的维度 {item['dimension']!r}，可用：{known}", f"unknown dimension {item['dimension']!r}; known: {known}")
        return None
    severity = item.get("severity", "error")
    if severity not in SEVERITIES:
        errors.add(line, f"severity 应为 {'/'.join(SEVERITIES)}", f"severity must be one of {'/'.join(SEVERITIES)}")
    threshold = item.get("threshold")
    if threshold is not None and (not isinstance(threshold, int | float) or isinstance(threshold, bool) or not 0 <= threshold <= 1):
        errors.add(line, "threshold 应为 0 到 1 之间的通过率", "threshold must be a pass ratio between 0 and 1")
    weight = item.get("weight", 1)
    if not isinstance(weight, int | float) or isinstance(weight, bool) or weight < 0:
        errors.add(line, "weight 应为非负数", "weight must be a non-negative number")
    where = item.get("where")
    if where is not None:
        try:
            parse_condition(str(where))
        except ConfigError as e:
            errors.add(line, f"where 条件无效：{e.zh}", f"invalid where condition: {e.en}")
    rule_id = str(item.get("id") or ".".join([*params.columns()[:2], name]))
    base, k = rule_id, 2
    while rule_id in seen:  # the same check twice on a column: suffix, so ids stay unique
        rule_id, k = f"{base}#{k}", k + 1
    seen.add(rule_id)
    return Rule(
        id=rule_id, check=chk, params=params, dimension=dim, severity=severity, threshold=threshold, where=where,
        weight=float(weight) if isinstance(weight, int | float) else 1.0, description=item.get("description"), line=line,
    )


def parse_rules(text: str, *, source: str = "<rules>") -> RuleSet:
    """Parse and validate a rule file's text (checks, parameters, dimensions; columns are checked by :func:`check_columns`)."""
    errors = _Errors(source)
    try:
        data = yaml.safe_load(text)
        lines = _rule_lines(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(e, "problem", None) or str(e)
        errors.add(line, f"YAML 格式错误：{problem}", f"malformed YAML: {problem}")
        errors.raise_if_any()
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        errors.add(1, "规则文件应是含 rules 列表的映射", "a rule file must be a mapping with a 'rules' list")
        errors.raise_if_any()
    for key in data:
        if key not in _TOP:
            errors.add(None, f"未知的顶层键 {key!r}，可用：{', '.join(_TOP)}", f"unknown top-level key {key!r}; known: {', '.join(_TOP)}")
    seen: set[str] = set()
    rules = []
    for n, item in enumerate(data["rules"]):
        rule = _rule(item, lines[n] if n < len(lines) else None, n, errors, seen)
        if rule is not None:
            rules.append(rule)
    as_of = _as_of(data.get("as_of"), errors)
    samples = data.get("samples", defaults()["samples"])
    if not isinstance(samples, int) or isinstance(samples, bool) or not 0 <= samples <= 1000:
        errors.add(None, "samples 应为 0 到 1000 的整数", "samples must be an integer from 0 to 1000")
    scoring = _scoring(data.get("scoring") or {}, errors)
    anomaly = {**defaults()["anomaly"], **(data.get("anomaly") or {})}
    unknown = set(anomaly) - set(defaults()["anomaly"])
    if unknown:
        errors.add(None, f"anomaly 中未知的键 {sorted(unknown)}", f"unknown anomaly settings {sorted(unknown)}")
    errors.raise_if_any()
    return RuleSet(rules=rules, dataset=data.get("dataset"), as_of=as_of, samples=samples, scoring=scoring, anomaly=anomaly, source=source)


def _as_of(value: Any, errors: _Errors) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        errors.add(None, f"as_of {value!r} 不是日期或时间", f"as_of {value!r} is not a date or time")
        return None


def _scoring(cfg: dict[str, Any], errors: _Errors) -> dict[str, Any]:
    base = defaults()["scoring"]
    weights = dict(base["weights"])
    for name, w in (cfg.get("weights") or {}).items():
        key = dimension_key(str(name))
        if key is None or not isinstance(w, int | float) or w < 0:
            errors.add(None, f"scoring.weights 中的 {name!r} 无效", f"invalid scoring weight {name!r}")
            continue
        weights[key] = float(w)
    grades = cfg.get("grades", base["grades"])
    if not isinstance(grades, list) or not all(isinstance(g, dict) and {"grade", "min"} <= set(g) for g in grades):
        errors.add(None, "scoring.grades 应为 {grade, min} 列表", "scoring.grades must be a list of {grade, min}")
        grades = base["grades"]
    return {"weights": weights, "grades": sorted(grades, key=lambda g: -float(g["min"]))}


def load_rules(path: Path) -> RuleSet:
    """Read and validate a rule file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"规则文件不存在：{path}", f"rule file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"无法读取规则文件 {path}：{e}", f"cannot read rule file {path}: {e}") from None
    return parse_rules(text, source=str(path))


def check_columns(rs: RuleSet, columns: list[str], *, dataset: str) -> None:
    """Every column a rule names (incl. in ``where``) exists in the dataset; else one error listing all."""
    errors = _Errors(rs.source)
    known = set(columns)
    for rule in rs.rules:
        used = list(rule.columns())
        if rule.where:
            used += sorted(condition_columns(parse_condition(rule.where)))
        for col in used:
            if col not in known:
                errors.add(rule.line, f"资源 {dataset} 没有列 {col!r}（规则 {rule.id}）；现有列：{', '.join(columns)}",
                           f"dataset {dataset} has no column {col!r} (rule {rule.id}); columns: {', '.join(columns)}")
    errors.raise_if_any()
