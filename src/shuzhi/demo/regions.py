"""Jiangsu's current county-level divisions (from the GB/T 2260 code list) and per-city facts.

The codes and names come from ``shuzhi.standards.codelists``; only what the code list
does not hold lives here: an approximate centre and the postal-code prefix of each of
the 13 设区市 (prefecture-level cities).

>>> r = load_regions()
>>> r.province
'江苏省'
>>> int(r.county_codes[0]) // 10000
32
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pyarrow as pa

from shuzhi.errors import ConfigError
from shuzhi.standards.codelists import load_codelist

PROVINCE_CODE = "320000"

# Jiangsu's bounding box (degrees); coordinates outside it are out_of_range defects.
LON_RANGE = (116.3, 121.9)
LAT_RANGE = (30.7, 35.2)

# 设区市 (first four code digits) → approximate centre (lon, lat) and postal-code prefix.
CITY_FACTS: dict[str, tuple[float, float, str]] = {
    "3201": (118.796, 32.060, "210"), "3202": (120.312, 31.491, "214"), "3203": (117.285, 34.206, "221"),
    "3204": (119.974, 31.811, "213"), "3205": (120.585, 31.299, "215"), "3206": (120.894, 31.981, "226"),
    "3207": (119.222, 34.597, "222"), "3208": (119.113, 33.551, "223"), "3209": (120.163, 33.348, "224"),
    "3210": (119.413, 32.394, "225"), "3211": (119.425, 32.188, "212"), "3212": (119.923, 32.456, "225"),
    "3213": (118.275, 33.963, "223"),
}

_CURRENT = {"", "current", "active", "valid", "现行", "有效", "在用"}


@dataclass(frozen=True)
class Regions:
    """Column-oriented tables of Jiangsu's counties (index = county) and cities (index = city)."""

    province: str
    county_codes: np.ndarray       # int, e.g. 320102
    county_names: pa.StringArray   # 玄武区
    county_city: np.ndarray        # index into the city arrays
    county_zip: pa.StringArray     # 6-digit postal code
    city_codes: np.ndarray         # int, e.g. 320100
    city_names: pa.StringArray     # 南京市
    city_short: pa.StringArray     # 南京
    city_lon: np.ndarray           # degrees
    city_lat: np.ndarray

    @property
    def n_counties(self) -> int:
        return len(self.county_codes)


def _is_current(row: dict[str, str]) -> bool:
    return (row.get("status") or "").strip().lower() in _CURRENT


@cache
def load_regions() -> Regions:
    """Current counties of Jiangsu grouped under their 设区市 (cached)."""
    rows = [r for r in load_codelist("GB/T 2260").rows if r["code"].startswith("32") and _is_current(r)]
    names = {r["code"]: r["name"] for r in rows}
    cities = sorted(c for c in names if c[4:] == "00" and c[2:4] != "00" and c[:4] in CITY_FACTS)
    counties = sorted(c for c in names if c[4:] != "00" and c[:4] in CITY_FACTS and names[c] != "市辖区")
    if not cities or not counties:
        raise ConfigError("GB/T 2260 代码表中没有江苏省的现行区县", "the GB/T 2260 code list has no current Jiangsu counties")
    city_pos = {c[:4]: i for i, c in enumerate(cities)}
    county_city = np.array([city_pos[c[:4]] for c in counties])
    # postal code: the city's prefix + one digit per county (in code order) + '00'
    rank = np.array([sum(1 for d in counties[:i] if d[:4] == c[:4]) for i, c in enumerate(counties)])
    zips = [CITY_FACTS[c[:4]][2] + str(k % 10) + "00" for c, k in zip(counties, rank)]
    return Regions(
        province=names.get(PROVINCE_CODE, "江苏省"),
        county_codes=np.array([int(c) for c in counties]),
        county_names=pa.array([names[c] for c in counties]),
        county_city=county_city,
        county_zip=pa.array(zips),
        city_codes=np.array([int(c) for c in cities]),
        city_names=pa.array([names[c] for c in cities]),
        city_short=pa.array([_short(names[c]) for c in cities]),
        city_lon=np.array([CITY_FACTS[c[:4]][0] for c in cities]),
        city_lat=np.array([CITY_FACTS[c[:4]][1] for c in cities]),
    )


def _short(city: str) -> str:
    return city.removesuffix("市")
