"""Demo data of the big-data industry database (企业库): a few hundred enterprises over the 13 cities.

南京, 苏州 and 无锡 hold most of them (the plan's 产业创新发展高地); each city leans on some segments
and lacks others (盐城 and 宿迁 strong in 数据资源层 — the plan's 数据标注 bases — and without much
安全保障层; 连云港 without 安全保障层), so the 长短板清单 has something to show. Every
统一社会信用代码 is valid (:func:`shuzhi.demo.ids.uscc_matrix`: GB 32100 check character over an
embedded GB 11714 organisation code) and registered in a county of the enterprise's city.

>>> t = enterprise_table(np.random.default_rng(1), 30)
>>> t.num_rows, t.column_names[:3]
(30, ['统一社会信用代码', '企业名称', '所在城市'])
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from shuzhi.demo import text
from shuzhi.demo.ids import uscc_matrix
from shuzhi.demo.regions import load_regions
from shuzhi.demo.words import load_words
from shuzhi.demo.writers import write_csv
from shuzhi.monitor.industry import industry_config
from shuzhi.monitor.industry_chain import chain
from shuzhi.monitor.industry_import import import_enterprises
from shuzhi.workspace import Workspace

ENTERPRISES = 360
REVENUE_YEAR = 2025
# share of the enterprises by city (GB/T 2260 code order: 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁)
CITY_WEIGHTS = (0.20, 0.14, 0.05, 0.07, 0.20, 0.06, 0.03, 0.04, 0.05, 0.04, 0.04, 0.04, 0.04)
# segments in chain order: infrastructure, data_resource, software, application, security
SEGMENT_WEIGHTS = (0.18, 0.14, 0.30, 0.28, 0.10)
CITY_LEANINGS: dict[str, tuple[float, ...]] = {
    "320100": (1.0, 1.0, 1.6, 1.0, 1.4), "320200": (1.5, 1.0, 1.0, 1.0, 1.0), "320500": (1.0, 1.0, 1.0, 1.6, 1.0),
    "320700": (1.0, 0.3, 1.0, 1.0, 0.0), "320800": (1.0, 1.0, 1.0, 1.0, 0.2), "320900": (1.0, 2.5, 1.0, 1.0, 0.2),
    "321200": (1.0, 0.2, 1.0, 1.0, 1.0), "321300": (0.4, 2.5, 1.0, 1.0, 0.0),
}
BUSINESS = (("云计算", "数据中心", "算力科技"), ("数据服务", "数据科技", "数据标注"),
            ("软件", "信息技术", "智能科技"), ("数字科技", "智慧科技", "工业互联网"), ("网络安全技术", "信息安全", "密码技术"))
FORMS = ("有限公司", "有限公司", "股份有限公司")
# (tag, probability in 南京/苏州/无锡, elsewhere)
TAGS = (("龙头", 0.06, 0.03), ("独角兽", 0.02, 0.0), ("上市", 0.07, 0.03), ("专精特新小巨人", 0.04, 0.02),
        ("专精特新", 0.15, 0.12), ("瞪羚", 0.08, 0.05), ("高新技术企业", 0.5, 0.4), ("企业技术中心", 0.06, 0.04),
        ("数动未来融合创新中心", 0.04, 0.02), ("初创", 0.1, 0.12))
HUBS = ("320100", "320200", "320500")
PARKS = {"320100": ("中国（南京）软件谷", "南京江北新区", "南京徐庄软件园"), "320200": ("无锡国家传感网创新示范区", "无锡（国家）软件园"),
         "320500": ("苏州工业园区", "苏州高新区")}


def enterprise_table(rng: np.random.Generator, n: int = ENTERPRISES) -> pa.Table:
    """``n`` enterprises with the import file's Chinese headers (every value text)."""
    regions, cfg = load_regions(), industry_config()
    codes = [str(c) for c in regions.city_codes]
    city = rng.choice(len(codes), n, p=np.array(CITY_WEIGHTS) / sum(CITY_WEIGHTS))
    weights = np.array([np.array(SEGMENT_WEIGHTS) * CITY_LEANINGS.get(c, (1.0,) * 5) for c in codes])
    weights /= weights.sum(axis=1, keepdims=True)
    segment = (rng.random(n)[:, None] > np.cumsum(weights[city], axis=1)).sum(axis=1)
    # registered in a county of the city (counties are in code order, so each city's are contiguous)
    per_city = np.bincount(regions.county_city, minlength=len(codes))
    first = np.concatenate([[0], np.cumsum(per_city)[:-1]])
    county = regions.county_codes[first[city] + (rng.random(n) * per_city[city]).astype(np.int64)]
    uscc = text.from_matrix(uscc_matrix(rng, np.array(["91"] * n), county, rng.random(n) < 0.7))
    words = load_words()
    business = text.pick([w for words_ in BUSINESS for w in words_], segment * 3 + rng.integers(0, 3, n))
    names = text.concat(text.pick(regions.city_short, city), text.pick(words.trade_names, rng.integers(0, len(words.trade_names), n)),
                        business, text.pick(list(FORMS), rng.integers(0, len(FORMS), n)))
    hub = np.isin(np.array(codes)[city], HUBS)
    has = np.array([rng.random(n) < np.where(hub, p_hub, p_other) for _, p_hub, p_other in TAGS]).T
    tags = ["、".join(t for (t, _, _), on in zip(TAGS, row, strict=True) if on) for row in has]
    leading = has[:, [i for i, (t, _, _) in enumerate(TAGS) if t in cfg.leading_tags]].any(axis=1)
    revenue = np.round(np.exp(rng.normal(-0.6, 1.0, n)) * np.where(leading, 12.0, 1.0), 2)
    parks = [PARKS[codes[c]][rng.integers(len(PARKS[codes[c]]))] if codes[c] in PARKS
             else f"{regions.city_names[c].as_py()}高新技术产业开发区" for c in city]
    return pa.table({
        "统一社会信用代码": uscc, "企业名称": names, "所在城市": text.pick(regions.city_names, city),
        "产业链环节": pa.array([cfg.segments[s].zh for s in segment]),
        "营业收入(亿元)": pa.array([None if r < 0.06 else f"{v:.2f}" for r, v in zip(rng.random(n), revenue, strict=True)]),
        "年度": pa.array([str(REVENUE_YEAR)] * n), "标签": pa.array(tags),
        "园区": pa.array([p if r < 0.6 else "" for r, p in zip(rng.random(n), parks, strict=True)]),
    })


def demo_industry(ws: Workspace, out_dir: Path, seed: int) -> dict[str, Any]:
    """Write ``<out_dir>/industry_enterprises.csv`` and import it; a summary of the import and the boards."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "industry_enterprises.csv"
    write_csv(path, enterprise_table(np.random.default_rng(seed)))
    result = import_enterprises(ws, path, actor="demo")
    boards = chain(ws)
    return {**result, "file": str(path), "short_board": len(boards["short_board"]), "long_board": len(boards["long_board"])}
