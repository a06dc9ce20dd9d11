"""The data-centre registry: who runs which data centre where, how big it is, and its class.

Imported from a CSV/XLSX file (one row per data centre) or recorded one at a time (the later API):
the file is checked as a whole through the engine — codes, cities (GB/T 2260, in Jiangsu), the
operator's 统一社会信用代码 (GB 32100), rack counts, capacity, dates — and written in one
transaction with an audit event only when every row is good. Size classes follow the number of
standard racks (超大型 ≥ 10 000, 大型 3 000–9 999, 中小型 < 3 000; ``data/dc.yaml``).

>>> size_class(12000), size_class(3000), size_class(2999)
('hyperscale', 'large', 'small')
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import ibis
import sqlalchemy as sa
import yaml

from shuzhi.errors import NotFoundError
from shuzhi.monitor.checks import Check, blank, number, problems, raise_problems
from shuzhi.monitor.files import RECORD, Field, read_file, read_rows
from shuzhi.monitor.regions import PROVINCE, location_table, region_name, resolve_region
from shuzhi.security.audit import record
from shuzhi.standards.validators import gb32100
from shuzhi.store.models import DcSite, utcnow
from shuzhi.workspace import Workspace

FIELDS = (
    Field("code", ("数据中心代码", "代码", "编码", "dc")),
    Field("name", ("数据中心名称", "名称")),
    Field("city", ("所在地", "城市", "设区市", "区县", "行政区划", "location")),
    Field("operator", ("运营单位", "运营主体", "运营商")),
    Field("operator_uscc", ("统一社会信用代码", "运营单位统一社会信用代码", "uscc")),
    Field("racks_installed", ("标准机架数", "装机机架数", "机架数", "racks")),
    Field("racks_in_service", ("在用机架数", "上架机架数", "已上架机架数")),
    Field("design_it_kw", ("设计IT容量", "IT设计容量", "设计IT负载", "设计IT容量kW", "design_it_capacity_kw")),
    Field("hub", ("枢纽集群", "集群", "枢纽", "cluster"), required=False),
    Field("commissioned", ("投产日期", "投运日期", "commissioning_date"), required=False),
    Field("new_build", ("新建", "是否新建", "new"), required=False),
)
_YES = ("是", "y", "yes", "true", "1", "新建")
_NO = ("否", "n", "no", "false", "0", "", "存量")


@cache
def dc_config() -> dict[str, Any]:
    """``data/dc.yaml``: size classes, alert thresholds, reading plausibility bounds."""
    with (resources.files("shuzhi.monitor") / "data" / "dc.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def size_class(racks: int) -> str:
    return next(c["key"] for c in dc_config()["size_classes"] if racks >= c["min_racks"])


def size_label(key: str) -> str:
    return next(c["zh"] for c in dc_config()["size_classes"] if c["key"] == key)


def import_registry(ws: Workspace, path: Path, *, actor: str) -> dict[str, Any]:
    """Add or update the data centres of a file; every row must be good, or nothing changes."""
    with read_file(ws, path, FIELDS) as raw:
        return _import(ws, raw, (f"数据中心登记文件 {path}", f"data-centre registry file {path}"), str(path), actor)


def register_site(ws: Workspace, values: Mapping[str, Any], *, actor: str, source: str = "api") -> dict[str, Any]:
    """Add or update one data centre (the later HTTP API): the checks of a file row, e.g.
    ``{"code": "NJ-001", "name": "…", "city": "南京", "operator": "…", "operator_uscc": "…", "racks_installed": 4000,
    "racks_in_service": 3000, "design_it_kw": 10000, "new_build": "是"}``."""
    with read_rows(ws, [values], FIELDS) as raw:
        return _import(ws, raw, (f"数据中心登记（{source}）", f"data-centre registration ({source})"), source, actor)


def _import(ws: Workspace, raw: ibis.Table, what: tuple[str, str], source: str, actor: str) -> dict[str, Any]:
    table = raw.mutate(**{f.name: ibis.null("string") for f in FIELDS if f.name not in raw.columns})
    look = location_table()
    table = table.left_join(look, table.city.strip() == look.key).drop("key").rename(city_raw="city", city="city_right")
    racks, in_service, kw = number(table.racks_installed), number(table.racks_in_service), number(table.design_it_kw)
    flag = table.new_build.strip().lower()
    commissioned = table.commissioned.strip().try_cast("date")
    dup = table.group_by("code").aggregate(n=lambda g: g.count()).filter(lambda t: t.n > 1)
    checks = [
        Check("code", "数据中心代码为空", "blank data-centre code", blank(table.code)),
        Check("duplicate", "数据中心代码重复", "repeated data-centre code", table.code.isin(dup.code)),
        Check("name", "名称为空", "blank name", blank(table.name)),
        Check("city", "所在地不是江苏省的设区市或区县", "location is not a Jiangsu city or county", table.city.isnull()),
        Check("operator", "运营单位为空", "blank operator", blank(table.operator)),
        Check("uscc", "运营单位统一社会信用代码无效（GB 32100）", "operator's USCC is invalid (GB 32100)",
              ~gb32100(table.operator_uscc.strip()).fill_null(False)),
        Check("racks", "标准机架数不是非负整数", "racks is not a non-negative whole number",
              racks.isnull() | (racks < 0) | (racks != racks.round(0))),
        Check("in_service", "在用机架数不是非负整数或多于标准机架数", "racks in service is not a whole number between 0 and racks",
              in_service.isnull() | (in_service < 0) | (in_service != in_service.round(0)) | (in_service > racks)),
        Check("capacity", "设计IT容量(kW)不是正数", "design IT capacity (kW) is not a positive number", kw.isnull() | (kw <= 0)),
        Check("date", "投产日期不是 YYYY-MM-DD 日期", "commissioning date is not a YYYY-MM-DD date",
              ~blank(table.commissioned) & commissioned.isnull()),
        Check("new_build", "新建标志只能是 是/否", "the new-build flag must be yes/no",
              flag.notnull() & ~flag.isin([*_YES, *_NO])),
    ]
    raise_problems(what, problems(ws.engine, table, checks))
    rows = ws.engine.to_pyarrow(table.order_by(RECORD).select(
        code=table.code.strip(), name=table.name.strip(), city=table.city, county=table.county.nullif(""),
        operator=table.operator.strip(), operator_uscc=table.operator_uscc.strip(),
        racks_installed=racks.cast("int64"), racks_in_service=in_service.cast("int64"), design_it_kw=kw,
        hub=table.hub.strip().nullif(""), commissioned=commissioned, new_build=flag.isin(_YES).fill_null(False),
    )).to_pylist()
    return _upsert(ws, rows, actor=actor, source=source)


def _upsert(ws: Workspace, rows: list[dict[str, Any]], *, actor: str, source: str) -> dict[str, Any]:
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    now = utcnow()
    with ws.writer_lock(), ws.store.session() as s:
        for row in rows:
            site = s.get(DcSite, row["code"])
            if site is None:
                s.add(DcSite(**row, updated_at=now, updated_by=actor))
                counts["inserted"] += 1
            elif any(getattr(site, k) != v for k, v in row.items()):
                for k, v in row.items():
                    setattr(site, k, v)
                site.updated_at, site.updated_by = now, actor
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        record(s, actor=actor, action="monitor.dc.register", target=source, details={**counts, "codes": [r["code"] for r in rows]})
    return {"source": source, "rows": len(rows), **counts}


def site_dict(site: DcSite) -> dict[str, Any]:
    size = size_class(site.racks_installed)
    return {
        "code": site.code, "name": site.name, "city": site.city, "city_name": region_name(site.city), "county": site.county,
        "operator": site.operator, "operator_uscc": site.operator_uscc, "racks_installed": site.racks_installed,
        "racks_in_service": site.racks_in_service, "design_it_kw": site.design_it_kw, "hub": site.hub,
        "commissioned": site.commissioned.isoformat() if site.commissioned else None, "new_build": site.new_build,
        "size": size, "size_label": size_label(size),
        "utilisation": site.racks_in_service / site.racks_installed if site.racks_installed else None,
    }


def list_sites(ws: Workspace, *, city: str | None = None) -> list[dict[str, Any]]:
    """The registry (optionally one city's data centres), by code."""
    q = sa.select(DcSite).order_by(DcSite.code)
    if city is not None:
        code = resolve_region(city)
        q = q if code == PROVINCE else q.where(DcSite.city == code)
    with ws.store.session() as s:
        return [site_dict(site) for site in s.scalars(q)]


def get_site(ws: Workspace, code: str) -> dict[str, Any]:
    with ws.store.session() as s:
        site = s.get(DcSite, code)
        if site is None:
            raise NotFoundError(f"没有登记数据中心 {code!r}", f"no data centre {code!r} is registered")
        return site_dict(site)


def registry_table(ws: Workspace) -> ibis.Table:
    """The registry as an engine table (code, city, racks, capacity, class flags) for metric joins."""
    sites = list_sites(ws)
    cols = ("code", "name", "city", "racks_installed", "racks_in_service", "design_it_kw", "hub", "new_build", "size")
    schema = {"code": "string", "name": "string", "city": "string", "racks_installed": "int64", "racks_in_service": "int64",
              "design_it_kw": "float64", "hub": "string", "new_build": "boolean", "size": "string"}
    # no None in text columns: a Spark memtable would turn it into 'NaN'; a missing hub is ''
    data = {c: [("" if s[c] is None else s[c]) if schema[c] == "string" else s[c] for s in sites] for c in cols}
    return ibis.memtable(data, schema=schema)

