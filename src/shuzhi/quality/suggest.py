"""Propose rules for a dataset from its catalog entry, its column profiles and a few small queries.

- column semantics from names and titles (公民身份号码 → id_card, 统一社会信用代码 → uscc,
  手机/联系电话 → mobile, 银行卡号 → bank_card, 性别 / 民族 / 行政区划 / 行业代码 → their code lists);
- ``unique`` for near-unique identifiers (distinct ≥ 99 % of the non-null values);
- ``not_null`` / ``not_blank`` for columns that are almost always filled;
- ``date_format`` from the dominant date shape, ``range`` for ages, amounts and coordinates,
  ``regex`` from a dominant value shape, ``code_list`` of the frequent values of a
  low-cardinality text column;
- pairs: ID ↔ birth date and sex, start ≤ end dates;
- across datasets (declared 关联资源): ``foreign_key`` to a unique key with the same
  semantics and ``same_value`` for columns both share — kept only when at least 90 % of
  the values already agree, so that a rule describes the data's intent, not an accident;
- ``freshness`` from the declared 更新周期 plus a one-year row staleness rule,
  ``row_count`` ≥ 1, and the two 可访问性 rules.

The result is a rule file (YAML text, one rule per line with the reason as a comment).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import ibis
import yaml

from shuzhi.catalog.dtypes import looks_like_identifier
from shuzhi.catalog.queries import list_datasets, show_dataset
from shuzhi.quality.rules import RuleSet, parse_rules
from shuzhi.workspace import Workspace

_AGREE = 0.9  # cross-dataset candidates are kept when at least this share already agrees
_SHAPE_RE = re.compile(r"^(\\d(\{\d+\})?|\[A-Z\](\{\d+\})?|[-_/.:, ]|[a-zA-Z])+$")


@cache
def semantics() -> dict[str, Any]:
    """Column semantics by name and title (data/suggest.yaml)."""
    with (resources.files("shuzhi.quality") / "data" / "suggest.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def _kind(item: dict[str, Any]) -> str | None:
    """The semantic kind of a column from its name and title, first match in data/suggest.yaml order."""
    name, title = item["name"].lower(), item.get("title") or ""
    for kind, spec in semantics()["kinds"].items():
        if any(w in title or w in item["name"] for w in spec.get("zh", [])) or any(
            re.search(p, name) for p in spec.get("names", [])
        ):
            return kind
    return None


@dataclass
class _Draft:
    rules: list[tuple[dict[str, Any], str]] = field(default_factory=list)

    def add(self, rule: dict[str, Any], why: str) -> None:
        self.rules.append((rule, why))


def _share(p: dict[str, Any], key: str) -> float:
    return (p.get(key) or 0) / max(p.get("count") or 0, 1) if key != "nulls" else (p.get("nulls") or 0) / max(
        (p.get("count") or 0) + (p.get("nulls") or 0), 1)


def _filled(d: _Draft, item: dict[str, Any]) -> None:
    p = item["profile"]
    rows = (p.get("count") or 0) + (p.get("nulls") or 0)
    if rows and p.get("nulls", 0) / rows <= 0.05:
        d.add({"column": item["name"], "check": "not_null"}, f"空值占 {p.get('nulls', 0) / rows:.1%}")
    validated = any(r.get("column") == item["name"] and r["check"] not in ("not_null", "unique") for r, _ in d.rules)
    if item["type"] == "string" and not validated and p.get("count") and (p.get("blanks") or 0) / p["count"] <= 0.05:
        d.add({"column": item["name"], "check": "not_blank"}, "文本列，不应为空白或占位符")


_DATE_FORMATS = {r"\d{4}-\d{2}-\d{2}": "%Y-%m-%d", r"\d{4}/\d{2}/\d{2}": "%Y/%m/%d", r"\d{8}": "%Y%m%d",
                 r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}": "%Y-%m-%d %H:%M:%S", r"\d{4}年\d{2}月\d{2}日": "%Y年%m月%d日"}


def _dominant(p: dict[str, Any]) -> dict[str, Any] | None:
    formats = p.get("formats") or []
    return formats[0] if formats and formats[0]["share"] >= 0.95 else None


def _single(d: _Draft, item: dict[str, Any], kind: str | None, region: str | None) -> None:
    name, p, dtype = item["name"], item["profile"], item["type"]
    spec = semantics()["kinds"].get(kind or "", {})
    for rule in spec.get("rules", []):
        d.add({"column": name, **rule}, spec["why"])
    if kind == "coordinate":
        box = semantics()["extents"].get(region or "", semantics()["extents"]["china"])
        axis = "lon" if re.search(semantics()["longitude"], f"{name}{item.get('title') or ''}") else "lat"
        lo, hi = box[axis]
        d.add({"column": name, "check": "range", "min": lo, "max": hi}, f"{'经度' if axis == 'lon' else '纬度'}范围（{box['name']}）")
    identifier = spec.get("unique") or (kind is None and dtype == "string" and (
        looks_like_identifier(name) or any(w in (item.get("title") or "") for w in semantics()["identifier_words"])))
    if identifier and p.get("count") and (p.get("distinct") or 0) >= 0.99 * p["count"]:
        d.add({"column": name, "check": "unique"}, f"标识列，{p['distinct']}/{p['count']} 个值互不相同")
    shape = _dominant(p)
    if dtype in ("date", "timestamp") and shape and shape["pattern"] in _DATE_FORMATS:
        d.add({"column": name, "check": "date_format", "format": _DATE_FORMATS[shape["pattern"]]}, f"{shape['share']:.1%} 的值形如 {shape['pattern']}")
    elif not spec.get("rules") and shape and dtype == "string" and _SHAPE_RE.match(shape["pattern"]) and p.get("distinct", 0) > 1:
        d.add({"column": name, "check": "regex", "pattern": f"^{shape['pattern']}$"}, f"{shape['share']:.1%} 的值形如 {shape['pattern']}")


def _code_values(ws: Workspace, entry: dict[str, Any], item: dict[str, Any]) -> list[str] | None:
    """The frequent values (≥ 1 %) of a low-cardinality text column, when they cover ≥ 95 % of it."""
    p = item["profile"]
    if item["type"] != "string" or not p.get("count") or not 2 <= (p.get("distinct") or 0) <= 30 or p["count"] < 50:
        return None
    t = ws.engine.read_parquet(entry["storage_uri"])
    col = t[item["name"]]
    counts = ws.engine.to_pyarrow(t.filter(col.notnull()).group_by(v=col).aggregate(n=ibis._.count())).to_pylist()
    frequent = sorted(r["v"] for r in counts if r["n"] >= 0.01 * p["count"])
    if len(frequent) == len(counts):  # no rare value to suspect: a closed set only when it is small
        return frequent if len(frequent) <= 10 else None
    covered = sum(r["n"] for r in counts if r["v"] in frequent)
    return frequent if covered >= 0.95 * p["count"] else None


def _pairs(d: _Draft, items: list[dict[str, Any]], kinds: dict[str, str | None]) -> None:
    ids = [i["name"] for i in items if kinds[i["name"]] == "id_card"]
    births = [i["name"] for i in items if kinds[i["name"]] == "birth_date"]
    sexes = [i["name"] for i in items if kinds[i["name"]] == "sex"]
    if len(ids) == 1 and len(births) == 1:
        d.add({"columns": [ids[0], births[0]], "check": "id_birthdate_match"}, "出生日期应与公民身份号码第 7–14 位一致")
    if len(ids) == 1 and len(sexes) == 1:
        d.add({"columns": [ids[0], sexes[0]], "check": "id_sex_match"}, "性别应与公民身份号码第 17 位奇偶一致")
    dates = [i for i in items if i["type"] in ("date", "timestamp")]
    starts = [i["name"] for i in dates if kinds[i["name"]] == "start_date"]
    ends = [i["name"] for i in dates if kinds[i["name"]] == "end_date"]
    if len(starts) == 1 and len(ends) == 1:
        d.add({"check": "compare", "left": starts[0], "op": "<=", "right": ends[0]}, "起始日期不晚于截止日期")


def _agree(ws: Workspace, rule: dict[str, Any], code: str) -> float | None:
    """Pass ratio of a candidate cross-dataset rule on the current data (one small query)."""
    rs = parse_rules(yaml.safe_dump({"dataset": code, "rules": [rule]}, allow_unicode=True))
    from shuzhi.quality.compile import compile_rules
    from shuzhi.quality.context import Ctx
    from shuzhi.quality.rules import defaults
    from shuzhi.quality.run import _entry, _open

    entry = _entry(ws, code, None)
    ref_code = rule["ref"].partition(".")[0]
    ref = _open(ws, _entry(ws, ref_code, None))
    ctx = Ctx(data=_open(ws, entry), as_of=dt.datetime.now(), entry=entry, defaults=defaults(), open_ref=lambda _c: ref,
              code_table=ws.engine.code_table)
    query = compile_rules(ctx, rs.rules).queries[rs.rules[0].id]
    counts = ws.engine.to_pyarrow(query.counts).to_pylist()[0]
    return (counts["passed"] or 0) / counts["evaluated"] if counts["evaluated"] else None


def _cross(ws: Workspace, d: _Draft, entry: dict[str, Any], kinds: dict[str, str | None]) -> None:
    others = {e["code"] for e in list_datasets(ws)} & set(entry.get("related") or [])
    for ref_code in sorted(others):
        ref = show_dataset(ws, ref_code)
        ref_items = {i["name"]: i for i in ref["items"]}
        keys = [i for i in ref["items"] if _kind(i) in ("id_card", "uscc") and i["profile"].get("count")
                and (i["profile"].get("distinct") or 0) >= 0.99 * i["profile"]["count"]]
        for item in entry["items"]:
            for key in keys:
                same_kind = kinds[item["name"]] == _kind(key) or (kinds[item["name"]] in (None, "code") and (
                    item["profile"].get("min_length") == item["profile"].get("max_length") == key["profile"].get("max_length")))
                if not same_kind:
                    continue
                fk = {"column": item["name"], "check": "foreign_key", "ref": f"{ref_code}.{key['name']}"}
                ratio = _agree(ws, fk, entry["code"])
                if ratio is None or ratio < _AGREE:
                    continue
                d.add(fk, f"{ratio:.1%} 的值见于 {ref_code}.{key['name']}（关联资源）")
                for other in entry["items"]:
                    if other["name"] == item["name"] or other["name"] not in ref_items or other["type"] != "string":
                        continue
                    if kinds[other["name"]] in ("update_time", "region"):
                        continue
                    sv = {"check": "same_value", "key": item["name"], "column": other["name"], "ref": f"{ref_code}.{other['name']}",
                          "ref_key": key["name"]}
                    if key["name"] == item["name"]:
                        del sv["ref_key"]
                    agree = _agree(ws, sv, entry["code"])
                    if agree is not None and agree >= _AGREE:
                        d.add(sv, f"同一主体在 {ref_code} 中的 {other['name']} 有 {agree:.1%} 一致")


def _region(items: list[dict[str, Any]], kinds: dict[str, str | None]) -> str | None:
    """Province (2-digit GB/T 2260 prefix) shared by every value of the region column, from its min and max."""
    for item in items:
        p = item["profile"]
        if kinds[item["name"]] == "region" and p.get("min") and p.get("max") and str(p["min"])[:2] == str(p["max"])[:2]:
            return str(p["min"])[:2]
    return None


def suggest_rules(ws: Workspace, code: str, *, as_of: dt.datetime | None = None) -> RuleSet:
    """Suggested rules for ``code`` as a validated rule set (see :func:`suggest_yaml` for the file)."""
    return parse_rules(suggest_yaml(ws, code, as_of=as_of), source=f"<suggested for {code}>")


def suggest_yaml(ws: Workspace, code: str, *, as_of: dt.datetime | None = None) -> str:
    """The suggested rule file for ``code``: YAML, one rule per line with why it was proposed."""
    entry = show_dataset(ws, code)
    items = entry["items"]
    kinds = {i["name"]: _kind(i) for i in items}
    region = _region(items, kinds)
    d = _Draft()
    d.add({"check": "row_count", "min": 1}, "资源应有记录")
    for item in items:
        _single(d, item, kinds[item["name"]], region)
        if kinds[item["name"]] is None and not any(r.get("column") == item["name"] and r["check"] in ("regex", "code_list") for r, _ in d.rules):
            values = _code_values(ws, entry, item)
            if values:
                d.add({"column": item["name"], "check": "code_list", "values": values}, f"低基数列，常见取值 {len(values)} 个")
        _filled(d, item)
    _pairs(d, items, kinds)
    _cross(ws, d, entry, kinds)
    updates = [i for i in items if kinds[i["name"]] == "update_time" and i["type"] in ("date", "timestamp")]
    for item in updates[:1]:
        d.add({"column": item["name"], "check": "freshness"}, f"最新记录应在更新周期（{entry['update_cycle']}）内")
        d.add({"column": item["name"], "check": "freshness", "scope": "rows", "max_age": "365d"}, "记录一年内应至少更新或核验一次")
    d.add({"check": "storage_readable"}, "可访问性：数据文件可读")
    d.add({"check": "metadata_complete"}, "可访问性：目录元数据完整")
    return _render(code, entry, d, as_of)


def _render(code: str, entry: dict[str, Any], d: _Draft, as_of: dt.datetime | None) -> str:
    lines = [
        f"# {entry['title']}（{code}）的建议质量规则 — shuzhi quality suggest 生成，请审阅后使用",
        f"# suggested quality rules for {code}; review before use. Checks and options: docs/quality.md",
        f"dataset: {code}",
    ]
    if as_of is not None:
        lines.append(f"as_of: '{as_of.isoformat(timespec='seconds')}'")
    lines.append("rules:")
    for rule, why in d.rules:
        flow = yaml.safe_dump(rule, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10_000).strip()
        lines.append(f"  - {flow}  # {why}")
    return "\n".join(lines) + "\n"
