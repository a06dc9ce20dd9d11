"""自然资源和空间地理信息库 (land parcels): 宗地 with land use, area, a point inside Jiangsu and the
rights holder's 统一社会信用代码, as UTF-8 CSV with a byte-order mark.

地块编号 follows the 19-character 宗地代码 layout: county(6) + 地籍区(3) + 地籍子区(3) +
宗地特征码(2: GB 国有建设用地使用权, JA 集体土地所有权) + 宗地顺序号(5).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from shuzhi.demo import ids, text
from shuzhi.demo.defects import Generated, Plan, Spec, put, variants
from shuzhi.demo.regions import Regions

CODE = "geo_parcel"
COLUMNS = ("dkbh", "xzqh", "tdyt", "mj", "jd", "wd", "qlr_dm", "djrq", "updated_at")

# GB/T 21010-2017 土地利用现状分类, 一级类: name, share, median area (m²), agricultural?
LAND_USES = (
    ("耕地", 0.18, 20000, True), ("园地", 0.03, 8000, True), ("林地", 0.04, 30000, True),
    ("草地", 0.01, 10000, True), ("商服用地", 0.1, 6000, False), ("工矿仓储用地", 0.15, 25000, False),
    ("住宅用地", 0.3, 12000, False), ("公共管理与公共服务用地", 0.06, 15000, False),
    ("特殊用地", 0.02, 5000, False), ("交通运输用地", 0.05, 40000, False),
    ("水域及水利设施用地", 0.04, 50000, False), ("其他土地", 0.02, 3000, False),
)
LAND_USE_NAMES = tuple(u[0] for u in LAND_USES)
BAD_USES = ("建设用地", "商业用地", "宅基地", "农用地")
# inside the bounding box with a margin, so that only the defects are out of range
_LON_INNER, _LAT_INNER = (116.4, 121.8), (30.8, 35.1)

SPECS = [
    Spec("out_of_range", ("jd", "wd"), 0.004, "经纬度超出江苏省范围（经度 116.3–121.9，纬度 30.7–35.2）：经纬颠倒、0 值、投影坐标或落入海中",
         "coordinates outside Jiangsu (lon 116.3–121.9, lat 30.7–35.2): swapped, zero, projected metres or at sea"),
    Spec("out_of_range", ("mj",), 0.002, "面积不大于 0", "area is not positive"),
    Spec("dangling_reference", ("qlr_dm",), 0.005, "权利人代码（校验正确的统一社会信用代码）在法人综合库中不存在",
         "rights holder's USCC (with a valid check character) is not in the legal-person dataset"),
    Spec("invalid_code", ("tdyt",), 0.004, "土地用途不是 GB/T 21010-2017 一级类名称", "land use is not a GB/T 21010-2017 first-level class"),
    Spec("null_value", ("djrq",), 0.005, "登记日期为空（NULL）", "registration date is null"),
    Spec("duplicate_key", ("dkbh",), 0.003, "同一地块编号重复出现（整行重复，count 为多出的行数）",
         "the same parcel number appears twice (whole row repeated; count = extra rows)"),
    Spec("stale_update", ("updated_at",), 0.02, "更新时间早于参考日期（2026-06-30）一年以上",
         "updated more than one year before the reference date 2026-06-30"),
]


def generate(rng: np.random.Generator, n: int, regions: Regions, legal: Generated) -> Generated:
    plan = Plan(rng, n, SPECS)
    share = np.array([u[1] for u in LAND_USES])
    use = rng.choice(len(LAND_USES), n, p=share / share.sum())
    farm = np.array([u[3] for u in LAND_USES])[use]
    county = rng.integers(0, regions.n_counties, n)
    city = regions.county_city[county]

    def parcel(mask: np.ndarray) -> np.ndarray:  # county(6) 地籍区(3) 子区(3) 顺序号(5), as one integer
        k = int(mask.sum())
        return (regions.county_codes[county[mask]] * 10**11 + rng.integers(1, 40, k) * 10**8
                + rng.integers(1, 60, k) * 10**5 + rng.integers(1, 10**5, k))

    key = ids.distinct(parcel(np.ones(n, dtype=bool)), parcel)
    tail = text.digits(key % 10**5, 5)
    dkbh = text.concat(text.digits(key // 10**5, 12), text.choose(farm, "JA", "GB"), tail)
    median = np.array([u[2] for u in LAND_USES])[use]
    area = np.clip(median * np.exp(rng.normal(0, 0.8, n)), 50, 2_000_000)
    lon = np.clip(regions.city_lon[city] + rng.normal(0, 0.15, n), *_LON_INNER)
    lat = np.clip(regions.city_lat[city] + rng.normal(0, 0.12, n), *_LAT_INNER)
    registered = text.random_days(rng, n, "2000-01-01", "2026-06-20")
    pool = np.flatnonzero(legal.plan.clean)
    holder = legal.table["tyshxydm"].combine_chunks().take(pa.array(pool[rng.integers(0, len(pool), n)]))
    table = pa.table({
        "dkbh": dkbh,
        "xzqh": text.number(regions.county_codes[county]),
        "tdyt": text.pick(list(LAND_USE_NAMES), use),
        "mj": text.decimal2(np.round(area * 100).astype(np.int64)),
        "jd": text.fixed6(np.round(lon * 1e6).astype(np.int64)),
        "wd": text.fixed6(np.round(lat * 1e6).astype(np.int64)),
        "qlr_dm": holder,
        "djrq": text.date_text(registered),
        "updated_at": text.time_text(text.updated_at(rng, n, after=registered)),
    })
    table = plan.duplicate(table)
    return Generated(CODE, _apply(rng, table, plan, regions, legal, lon, lat), plan)


def _apply(rng: np.random.Generator, t: pa.Table, plan: Plan, regions: Regions, legal: Generated,
           lon: np.ndarray, lat: np.ndarray) -> pa.Table:
    cols = {name: t[name].combine_chunks() for name in t.column_names}

    rows = plan.rows["out_of_range:jd+wd"]
    k = len(rows)
    kind = variants(rng, k, 4)
    x, y = lon[rows], lat[rows]
    bad_lon = np.select([kind == 0, kind == 1, kind == 2], [y, 0 * x, 39_500_000 + (x - 116) * 90_000],
                        rng.uniform(122.5, 124.0, k))   # swapped / zero / Gauss-Krüger metres / at sea
    bad_lat = np.select([kind == 0, kind == 1, kind == 2], [x, 0 * y, y * 111_000], y)
    cols["jd"] = put(cols["jd"], rows, text.fixed6(np.round(bad_lon * 1e6).astype(np.int64)))
    cols["wd"] = put(cols["wd"], rows, text.fixed6(np.round(bad_lat * 1e6).astype(np.int64)))

    rows = plan.rows["out_of_range:mj"]
    cols["mj"] = put(cols["mj"], rows, text.decimal2(np.array([0, -1250])[variants(rng, len(rows), 2)]))

    rows = plan.rows["dangling_reference:qlr_dm"]
    k = len(rows)
    region = regions.county_codes[rng.integers(0, regions.n_counties, k)]
    fresh = ids.uscc_matrix(rng, np.full(k, "91"), region, np.ones(k, dtype=bool), exclude=legal.refs["org_keys"])
    cols["qlr_dm"] = put(cols["qlr_dm"], rows, text.from_matrix(fresh))

    rows = plan.rows["invalid_code:tdyt"]
    cols["tdyt"] = put(cols["tdyt"], rows, text.pick(list(BAD_USES), variants(rng, len(rows), len(BAD_USES))))

    rows = plan.rows["null_value:djrq"]
    cols["djrq"] = put(cols["djrq"], rows, None)

    rows = plan.rows["stale_update:updated_at"]
    cols["updated_at"] = put(cols["updated_at"], rows, text.time_text(text.updated_at(rng, len(rows), stale=True)))
    return pa.table(cols)
