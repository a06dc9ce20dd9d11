"""Importing enterprises into the 企业库: a file checked as a whole through the engine, then one upsert.

Every row is checked by engine expressions (:mod:`shuzhi.monitor.checks`): the 统一社会信用代码
(GB 32100 — length, character set, lower case, check character 18, the embedded GB 11714
organisation code; repeated within the file), a non-blank name, the city (a Jiangsu 设区市 or county,
by code or name), the segment and the tags (any spelling of ``data/industry.yaml``), the revenue
(a non-negative number, 亿元) and its year. One bad row and nothing is written; otherwise the rows
are upserted by USCC in one transaction with one audit event. A column absent from the file leaves
that field of existing enterprises as it was.

>>> sorted(f.name for f in FIELDS if f.required)
['city', 'name', 'segment', 'uscc']
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import sqlalchemy as sa

from shuzhi.errors import ConfigError
from shuzhi.monitor.checks import (
    Check,
    Problem,
    blank,
    number,
    problems,
    raise_problems,
)
from shuzhi.monitor.files import RECORD, Field, read_file, read_rows
from shuzhi.monitor.industry import industry_config
from shuzhi.monitor.regions import locations
from shuzhi.security.audit import record
from shuzhi.standards.validators import gb32100
from shuzhi.store.models import Enterprise, utcnow
from shuzhi.workspace import Workspace

FIELDS = (
    Field("uscc", ("统一社会信用代码", "社会信用代码", "信用代码", "tyshxydm", "credit_code")),
    Field("name", ("企业名称", "名称", "单位名称", "enterprise")),
    Field("city", ("所在城市", "城市", "设区市", "所在地", "地区", "region")),
    Field("segment", ("产业链环节", "环节", "产业链", "产业链层级", "层级", "layer")),
    Field("revenue", ("营业收入", "营业收入(亿元)", "大数据业务收入", "大数据业务收入(亿元)", "收入"), required=False),
    Field("revenue_year", ("年度", "收入年度", "year"), required=False),
    Field("tags", ("标签", "企业标签"), required=False),
    Field("parks", ("园区", "所在园区", "park"), required=False),
)
OPTIONAL = ("revenue", "revenue_year", "tags", "parks")
SEPARATORS = r"[、,，;；|]"
# GB 32100-2015 §4: 18 characters of 0-9 and A-Y without I, O, Z, S, V; characters 3-8 a region code
USCC_SHAPE = r"^[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}\z"
SHOW_VALUES = 5


def _memtable(pairs: Mapping[str, str], value: str) -> ir.Table:
    return ibis.memtable({"key": list(pairs), value: list(pairs.values())}, schema={"key": "string", value: "string"})


def _split(v: ir.StringValue) -> ir.ArrayValue:
    return v.re_split(SEPARATORS).map(lambda x: x.strip()).filter(lambda x: x != "")


def _prepared(raw: ir.Table) -> ir.Table:
    """The file with every field present, the city and segment resolved, the tags mapped to their stored form."""
    cfg = industry_config()
    t = raw.mutate(**{f.name: ibis.null("string") for f in FIELDS if f.name not in raw.columns})
    t = t.mutate(uscc=t.uscc.strip(), city_in=t.city.strip(), segment_in=t.segment.strip())
    city, seg = _memtable({k: city for k, (city, _county) in locations().items()}, "city_code"), _memtable(cfg.segment_aliases(), "segment_key")
    t = t.left_join(city, t.city_in == city.key).drop("key")
    t = t.left_join(seg, t.segment_in.lower() == seg.key).drop("key")
    aliases = cfg.tag_aliases()
    return t.mutate(tag_list=_split(t.tags).map(lambda x: x.lower().substitute(aliases, else_=x)),
                    park_list=_split(t.parks), revenue_num=number(t.revenue), year_num=number(t.revenue_year))


def _checks(t: ir.Table) -> list[Check]:
    cfg = industry_config()
    u, allowed = t.uscc, [tag.zh for tag in cfg.tags]
    shape = u.re_search(USCC_SHAPE)
    digits_ok = gb32100(u, org_code=False)
    dup = t.filter(~blank(u)).group_by("uscc").aggregate(n=lambda g: g.count()).filter(lambda g: g.n > 1)
    length18 = u.length() == 18
    segments, tags = "、".join(f"{s.zh} {s.key}" for s in cfg.segments), cfg.tag_list()
    return [
        Check("uscc_blank", "统一社会信用代码为空", "blank USCC", blank(u)),
        Check("uscc_length", "统一社会信用代码不是 18 位", "USCC is not 18 characters long", ~blank(u) & ~length18),
        Check("uscc_lower_case", "统一社会信用代码含小写字母（应大写）", "USCC has lower-case letters (write them in upper case)",
              length18 & ~shape & u.upper().re_search(USCC_SHAPE)),
        Check("uscc_charset", "统一社会信用代码含 GB 32100 字符集以外的字符（0-9 与除 I、O、Z、S、V 外的大写字母），或第 3–8 位不是数字",
              "USCC has characters outside GB 32100's set (0-9 and upper-case letters but I, O, Z, S, V), or characters 3-8 are not digits",
              length18 & ~u.upper().re_search(USCC_SHAPE)),
        Check("uscc_check", "统一社会信用代码校验码（第 18 位）错误（GB 32100）", "USCC check character (18th) is wrong (GB 32100)",
              shape & ~digits_ok),
        Check("uscc_org_code", "统一社会信用代码内的组织机构代码（第 9–17 位）校验不通过（GB 11714）",
              "the organisation code inside the USCC (characters 9-17) fails its GB 11714 check", digits_ok & ~gb32100(u)),
        Check("uscc_duplicate", "统一社会信用代码在文件中重复", "USCC repeated in the file", u.isin(dup.uscc)),
        Check("name", "企业名称为空", "blank enterprise name", blank(t["name"])),
        Check("city", "所在城市不是江苏省的设区市或区县", "city is not a Jiangsu city or county", t.city_code.isnull()),
        Check("segment", f"产业链环节未知（可用：{segments}）", f"unknown segment of the chain (known: {segments.replace('、', ', ')})",
              t.segment_key.isnull()),
        Check("tag", f"企业标签未知（可用：{tags}）", f"unknown tag (known: {tags.replace('、', ', ')})",
              t.tag_list.filter(lambda x: ~x.isin(allowed)).length() > 0),
        Check("revenue", "营业收入不是非负数（亿元）", "revenue is not a non-negative number (100 million yuan)",
              ~blank(t.revenue) & (t.revenue_num.isnull() | t.revenue_num.isnan() | (t.revenue_num < 0))),
        Check("revenue_year", "年度不是 1949–2100 之间的年份", "the revenue year is not a year between 1949 and 2100",
              ~blank(t.revenue_year) & (t.year_num.isnull() | (t.year_num != t.year_num.round(0))
                                       | (t.year_num < 1949) | (t.year_num > 2100))),
    ]


def _with_values(ws: Workspace, t: ir.Table, found: list[Problem]) -> list[Problem]:
    """Name the unknown cities, segments and tags the file uses (a few of each) in their problems."""
    allowed = [tag.zh for tag in industry_config().tags]
    queries = {"city": t.filter(t.city_code.isnull() & ~blank(t.city_in)).select(v=t.city_in),
               "segment": t.filter(t.segment_key.isnull() & ~blank(t.segment_in)).select(v=t.segment_in),
               "tag": t.select(v=t.tag_list.unnest()).filter(lambda x: ~x.v.isin(allowed))}
    for p in found:
        if p.key in queries:
            values = ws.engine.to_pyarrow(queries[p.key].distinct().order_by("v").limit(SHOW_VALUES))["v"].to_pylist()
            p.zh, p.en = f"{p.zh}，如 {'、'.join(values)}", f"{p.en}, e.g. {', '.join(values)}"
    return found


def _valid_rows(ws: Workspace, t: ir.Table, what: tuple[str, str]) -> list[dict[str, Any]]:
    raise_problems(what, _with_values(ws, t, problems(ws.engine, t, _checks(t))))
    return ws.engine.to_pyarrow(t.order_by(RECORD).select(
        uscc=t.uscc, name=t["name"].strip(), city=t.city_code, segment=t.segment_key, revenue=t.revenue_num,
        revenue_year=t.year_num.cast("int64"), tags=t.tag_list, parks=t.park_list)).to_pylist()


def import_enterprises(ws: Workspace, path: Path, *, actor: str) -> dict[str, Any]:
    """Add or update the enterprises of a file (CSV, Excel, JSON); every row must be good, or nothing changes.

    Returns ``{"source", "rows", "inserted", "updated", "unchanged"}``.
    """
    with read_file(ws, path, FIELDS) as raw:
        present = [c for c in OPTIONAL if c in raw.columns]
        rows = _valid_rows(ws, _prepared(raw), (f"企业库导入文件 {path}", f"enterprise file {path}"))
    return _upsert(ws, rows, present=present, actor=actor, action="monitor.industry.import", target=str(path))


def upsert_enterprise(ws: Workspace, values: Mapping[str, Any], *, actor: str) -> dict[str, Any]:
    """Add or update one enterprise (the later API's call), checked exactly like a row of an imported file.

    ``values`` holds the field names of :data:`FIELDS`; ``tags`` and ``parks`` may be lists. Fields not
    given keep their stored values. Returns ``{"uscc", "status"}`` (inserted, updated or unchanged).
    """
    known = {f.name for f in FIELDS}
    if unknown := sorted(set(values) - known):
        raise ConfigError(f"不认识的企业字段：{unknown}（可用：{sorted(known)}）", f"unknown enterprise field(s): {unknown} (known: {sorted(known)})")
    cells = {k: ("、".join(map(str, v)) if isinstance(v, (list, tuple)) else None if v is None else str(v)) for k, v in values.items()}
    cells = {f.name: cells.get(f.name) for f in FIELDS if f.name in cells or f.required}
    with read_rows(ws, [cells], FIELDS) as raw:  # not an in-memory table: Spark would read a missing value as 'NaN'
        rows = _valid_rows(ws, _prepared(raw), ("企业信息", "enterprise"))
    result = _upsert(ws, rows, present=[c for c in OPTIONAL if c in cells], actor=actor,
                     action="monitor.industry.upsert", target=rows[0]["uscc"])
    status = next(k for k in ("inserted", "updated", "unchanged") if result[k])
    return {"uscc": rows[0]["uscc"], "status": status}


def _normalised(row: dict[str, Any], present: list[str]) -> dict[str, Any]:
    order = {t.zh: i for i, t in enumerate(industry_config().tags)}
    row = {**row, "tags": sorted(set(row["tags"] or ()), key=order.__getitem__), "parks": list(dict.fromkeys(row["parks"] or ()))}
    return {k: v for k, v in row.items() if k not in OPTIONAL or k in present}


def _upsert(ws: Workspace, rows: list[dict[str, Any]], *, present: list[str], actor: str, action: str,
            target: str) -> dict[str, Any]:
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    changed: list[str] = []
    now = utcnow()
    with ws.writer_lock(), ws.store.session() as s:
        existing: dict[str, Enterprise] = {}
        codes = [r["uscc"] for r in rows]
        for start in range(0, len(codes), 500):
            existing.update((e.uscc, e) for e in s.scalars(sa.select(Enterprise).where(Enterprise.uscc.in_(codes[start:start + 500]))))
        for row in (_normalised(r, present) for r in rows):
            old = existing.get(row["uscc"])
            if old is None:
                s.add(Enterprise(**{"revenue": None, "revenue_year": None, "tags": [], "parks": [], **row},
                                 updated_at=now, updated_by=actor))
                counts["inserted"] += 1
            elif any(getattr(old, k) != v for k, v in row.items()):
                for k, v in row.items():
                    setattr(old, k, v)
                old.updated_at, old.updated_by = now, actor
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
                continue
            changed.append(row["uscc"])
        record(s, actor=actor, action=action, target=target, details={**counts, "changed": changed})
    return {"source": target, "rows": len(rows), **counts}
