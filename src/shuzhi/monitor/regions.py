"""Jiangsu and its 13 设区市 from the GB/T 2260 code list: every region the monitor reports on.

A region is given by its code (``320100``), by a county code (``320102`` → its city) or by name
(``南京`` or ``南京市``); anything else — another province, a historical code — is an error naming
what is accepted.

>>> len(cities()), cities()["320500"]
(13, '苏州市')
>>> resolve_region("320102"), resolve_region("南京"), resolve_region("江苏省")
('320100', '320100', '320000')
>>> resolve_region("310101")
Traceback (most recent call last):
shuzhi.errors.ConfigError: not a region of Jiangsu: '310101' (give 320000, one of the 13 city codes or names, or a county code)
"""

from __future__ import annotations

from functools import cache

import ibis

from shuzhi.errors import ConfigError
from shuzhi.standards.codelists import load_codelist

PROVINCE = "320000"
PROVINCE_NAME = "江苏省"


@cache
def cities() -> dict[str, str]:
    """The current 设区市 of Jiangsu, code → name, in code order."""
    gb2260 = load_codelist("GB/T 2260")
    return {r["code"]: r["name"] for r in gb2260.rows
            if r["parent"] == PROVINCE and r["level"] == "prefecture" and r["status"] == "current"}


@cache
def locations() -> dict[str, tuple[str, str | None]]:
    """Every accepted spelling of a place in Jiangsu's cities → (city code, county code or None).

    A city by code or name (with or without 市), a county by code or as city + county name (南京市玄武区).
    """
    table: dict[str, tuple[str, str | None]] = {}
    for code, name in cities().items():
        table[code] = table[name] = table[name.removesuffix("市")] = (code, None)
    for r in load_codelist("GB/T 2260").rows:
        if r["level"] == "county" and r["status"] == "current" and r["parent"] in cities():
            table[r["code"]] = table[f"{cities()[r['parent']]}{r['name']}"] = (r["parent"], r["code"])
    return table


def location_table() -> ibis.Table:
    """:func:`locations` as an engine table (``key``, ``city``, ``county``), to resolve a column by a join."""
    keys = list(locations())
    return ibis.memtable({"key": keys, "city": [locations()[k][0] for k in keys],
                          "county": [locations()[k][1] or "" for k in keys]},
                         schema={"key": "string", "city": "string", "county": "string"})


@cache
def region_keys() -> dict[str, str]:
    """Every accepted spelling of the province or a place in one of its cities → the region code (320000 or a city)."""
    table = {PROVINCE: PROVINCE, PROVINCE_NAME: PROVINCE, "江苏": PROVINCE}
    table.update({key: city for key, (city, _county) in locations().items()})
    return table


def resolve_region(value: str, *, province: bool = True) -> str:
    """The region code of ``value`` (a 设区市 code, or 320000 when ``province`` allows it)."""
    code = region_keys().get(str(value).strip())
    if code is None or (code == PROVINCE and not province):
        allowed_zh = "320000、" if province else ""
        allowed_en = "320000, " if province else ""
        raise ConfigError(f"不是江苏省的行政区划：{value!r}（可用 {allowed_zh}13 个设区市的代码或名称，或区县代码）",
                          f"not a region of Jiangsu: {value!r} (give {allowed_en}one of the 13 city codes or names, or a county code)")
    return code


def region_name(code: str) -> str:
    return PROVINCE_NAME if code == PROVINCE else cities()[code]
