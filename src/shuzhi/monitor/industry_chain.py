"""Chain coverage and the 长短板清单: every city × segment of the chain, measured and judged.

For each of the 13 cities and each segment: the number of enterprises, their revenue (亿元; unknown
revenues are left out of sums) and how many carry a leading tag (龙头, 独角兽, 上市, 专精特新小巨人 —
``leading: true`` in ``data/industry.yaml``). The rules, with the thresholds of that file:

* 短板 (short board) of a city: fewer than ``min_count`` enterprises, or a revenue below ``min_share``
  of the city's big-data revenue (only where the city reports revenue), or — with ``need_leading`` —
  no leading enterprise. Every rule that fires is recorded with its reason.
* 长板 (long board): the city holds at least ``min_province_share`` of the province's revenue in the segment.

The enterprise table is read from the store into an Ibis memtable and aggregated by the engine.

>>> reasons({"count": 1, "share_in_city": 0.01, "leading": 0}, industry_config().rules)[0]["rule"]
'min_count'
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import sqlalchemy as sa
from ibis import _

from shuzhi.monitor.industry import BoardRules, industry_config
from shuzhi.monitor.regions import cities, region_name, resolve_region
from shuzhi.store.models import Enterprise
from shuzhi.workspace import Workspace

SCHEMA = pa.schema([("uscc", pa.string()), ("city", pa.string()), ("segment", pa.string()), ("revenue", pa.float64()),
                    ("tags", pa.list_(pa.string()))])


def enterprise_table(ws: Workspace) -> ir.Table:
    """The enterprise table of the store as an engine table (the columns of :data:`SCHEMA`).

    An unknown revenue is 0 here (it is left out of sums either way): an engine's in-memory table may
    not keep a NULL number (Spark's turns it into NaN, which a sum would spread).
    """
    columns = [getattr(Enterprise, f.name) for f in SCHEMA]
    with ws.store.session() as s:
        rows = [r._asdict() for r in s.execute(sa.select(*columns).order_by(Enterprise.uscc)).all()]
    for r in rows:
        r["revenue"] = r["revenue"] or 0.0
    return ibis.memtable(pa.Table.from_pylist(rows, schema=SCHEMA))


def coverage(enterprises: ir.Table, rules: BoardRules) -> ir.Table:
    """One row per city × segment (all 13 × 5, empty ones too): counts, revenue, shares and the rule flags."""
    cfg = industry_config()
    lead = cfg.leading_tags
    e = enterprises.mutate(is_leading=(_.tags.filter(lambda x: x.isin(lead)).length() > 0).cast("int64"))
    agg = e.group_by(["city", "segment"]).aggregate(count=_.count(), revenue=_.revenue.sum(), leading=_.is_leading.sum())
    grid = ibis.memtable({"city": list(cities())}).cross_join(
        ibis.memtable({"segment": [s.key for s in cfg.segments], "position": list(range(len(cfg.segments)))}))
    t = grid.left_join(agg, ["city", "segment"]).drop("city_right", "segment_right")
    t = t.mutate(count=t["count"].fill_null(0), revenue=t.revenue.fill_null(0.0), leading=t.leading.fill_null(0))
    t = t.mutate(city_count=t["count"].sum().over(group_by="city"), city_revenue=t.revenue.sum().over(group_by="city"),
                 province_revenue=t.revenue.sum().over(group_by="segment"))
    t = t.mutate(share_in_city=ibis.ifelse(t.city_revenue > 0, t.revenue / t.city_revenue, ibis.null("float64")),
                 province_share=ibis.ifelse(t.province_revenue > 0, t.revenue / t.province_revenue, ibis.null("float64")))
    few, small = t["count"] < rules.min_count, (t.share_in_city < rules.min_share).fill_null(False)
    leaderless = (t.leading == 0) if rules.need_leading else ibis.literal(False)
    return t.mutate(short=few | small | leaderless,
                    long=(t.province_share >= rules.min_province_share).fill_null(False)).order_by(["city", "position"])


def reasons(cell: dict[str, Any], rules: BoardRules) -> list[dict[str, str]]:
    """Why a cell is a 短板: each rule that fires, with its reason in Chinese and English."""
    out = []
    if cell["count"] < rules.min_count:
        out.append({"rule": "min_count", "zh": f"企业 {cell['count']} 家，少于 {rules.min_count} 家",
                    "en": f"{cell['count']} enterprise(s), fewer than {rules.min_count}"})
    share = cell["share_in_city"]
    if share is not None and share < rules.min_share:
        out.append({"rule": "min_share", "zh": f"营业收入占全市大数据收入 {share:.1%}，低于 {rules.min_share:.0%}",
                    "en": f"revenue is {share:.1%} of the city's big-data revenue, below {rules.min_share:.0%}"})
    if rules.need_leading and cell["leading"] == 0:
        out.append({"rule": "need_leading", "zh": "没有龙头、独角兽、上市等骨干企业",
                    "en": "no leading enterprise (龙头, 独角兽, 上市 …)"})
    return out


def chain(ws: Workspace, *, city: str | None = None) -> dict[str, Any]:
    """Coverage of the chain by city and segment, with the 短板 and 长板 of each city (or of ``city`` only).

    Returns ``{"rules", "segments", "cities", "cells", "short_board", "long_board"}``; shares are
    fractions (0.25 = 25%), revenues in 亿元.
    """
    cfg, rules = industry_config(), industry_config().rules
    only = resolve_region(city, province=False) if city is not None else None
    cells = ws.engine.to_pyarrow(coverage(enterprise_table(ws), rules)).to_pylist()
    cells = [c for c in cells if only is None or c["city"] == only]
    out_cells, short, long, summary = [], [], [], {}
    for c in cells:
        seg = cfg.segment(c["segment"])
        base = {"city": c["city"], "city_name": region_name(c["city"]), "segment": seg.key, "segment_name": seg.zh}
        why = reasons(c, rules) if c["short"] else []
        out_cells.append({**base, "count": c["count"], "revenue": round(c["revenue"], 6), "leading": c["leading"],
                          "share_in_city": c["share_in_city"], "province_share": c["province_share"],
                          "short": c["short"], "long": c["long"], "reasons": why})
        if c["short"]:
            short.append({**base, "reasons": why})
        if c["long"]:
            long.append({**base, "province_share": c["province_share"]})
        s = summary.setdefault(c["city"], {"city": c["city"], "city_name": region_name(c["city"]), "count": c["city_count"],
                                           "revenue": round(c["city_revenue"], 6), "segments_covered": 0, "short": 0, "long": 0})
        s["segments_covered"] += c["count"] > 0
        s["short"] += c["short"]
        s["long"] += c["long"]
    return {"rules": {"min_count": rules.min_count, "min_share": rules.min_share, "need_leading": rules.need_leading,
                      "min_province_share": rules.min_province_share, "leading_tags": cfg.leading_tags},
            "segments": [{"key": s.key, "zh": s.zh, "en": s.en} for s in cfg.segments],
            "cities": list(summary.values()), "cells": out_cells, "short_board": short, "long_board": long}
