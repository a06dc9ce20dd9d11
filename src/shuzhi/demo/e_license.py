"""电子证照库 (electronic licences): licences held by residents (by 公民身份号码) or legal
persons (by 统一社会信用代码), as JSON Lines where every value is a JSON string or null.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from shuzhi.demo import ids, text
from shuzhi.demo.credit import company_names
from shuzhi.demo.defects import (
    BLANKS_JSON,
    Generated,
    Plan,
    Spec,
    blanks,
    put,
    variants,
)
from shuzhi.demo.regions import Regions
from shuzhi.demo.words import Words, person_names

CODE = "e_license"
COLUMNS = ("zzbh", "zzlx", "chzt", "chzt_dm", "fr_uscc", "fzjg", "fzrq", "yxqz", "updated_at")

# licence type, type code (first 3 characters of 证照编号), held by a person?, share, validity years
TYPES = (
    ("居民身份证", "111", True, 0.25, 20), ("机动车驾驶证", "335", True, 0.2, 10),
    ("不动产权证书", "415", True, 0.15, 70), ("营业执照", "201", False, 0.2, 30),
    ("食品经营许可证", "306", False, 0.1, 5), ("不动产权证书", "415", False, 0.05, 50),
    ("排污许可证", "521", False, 0.05, 5),
)
LICENCE_TYPES = tuple(dict.fromkeys(t[0] for t in TYPES))
BAD_TYPES = ("身份证", "驾照", "营业执照副本", "房产证")

_DESC_STALE = ("更新时间早于参考日期（2026-06-30）一年以上", "updated more than one year before the reference date 2026-06-30")
SPECS = [
    Spec("dangling_reference", ("chzt_dm",), 0.003, "个人证照的持证主体代码（校验正确的公民身份号码）在人口综合库中不存在",
         "a personal licence's holder ID (a valid resident ID) is not in the population dataset"),
    Spec("dangling_reference", ("chzt_dm", "fr_uscc"), 0.003,
         "法人证照的持证主体代码与 fr_uscc（校验正确的统一社会信用代码）在法人综合库中不存在",
         "a company licence's holder code and fr_uscc (a valid USCC) are not in the legal-person dataset"),
    Spec("null_value", ("fzjg",), 0.005, "发证机关为空（JSON null）", "issuing authority is null (JSON null)"),
    Spec("blank_value", ("chzt",), 0.005, "持证主体为空白或占位符（空字符串、空格、全角空格、无、NULL、-）",
         "holder name is blank or a placeholder ('', spaces, U+3000, 无, NULL, -)"),
    Spec("start_after_end", ("fzrq", "yxqz"), 0.004, "发证日期晚于有效期至", "issue date is after the expiry date"),
    Spec("invalid_code", ("zzlx",), 0.004, "证照类型不在证照目录中（如简称“身份证”“驾照”）",
         "licence type is not in the licence catalogue (e.g. short names 身份证, 驾照)"),
    Spec("duplicate_key", ("zzbh",), 0.003, "同一证照编号重复出现（整行重复，count 为多出的行数）",
         "the same licence number appears twice (whole row repeated; count = extra rows)"),
    Spec("stale_update", ("updated_at",), 0.02, *_DESC_STALE),
]


def generate(rng: np.random.Generator, n: int, regions: Regions, words: Words,
             people: Generated, legal: Generated) -> Generated:
    plan = Plan(rng, n, SPECS)
    share = np.array([t[3] for t in TYPES])
    kind = rng.choice(len(TYPES), n, p=share / share.sum())
    kind[plan.rows["dangling_reference:chzt_dm"]] = 0                # 居民身份证
    kind[plan.rows["dangling_reference:chzt_dm+fr_uscc"]] = 3        # 营业执照
    personal = np.array([t[2] for t in TYPES])[kind]
    # a personal licence is held by an adult resident, a company licence by a legal person
    p_pool = np.flatnonzero(people.plan.clean & (people.refs["age"] >= 18))
    c_pool = np.flatnonzero(legal.plan.clean)
    p_row = pa.array(p_pool[rng.integers(0, len(p_pool), n)])
    c_row = pa.array(c_pool[rng.integers(0, len(c_pool), n)])

    def holder(column_p: str, column_c: str) -> pa.Array:
        return text.choose(personal, people.table[column_p].combine_chunks().take(p_row),
                           legal.table[column_c].combine_chunks().take(c_row))

    code = holder("sfzh", "tyshxydm")
    xzqh = holder("xzqh", "xzqh")
    county = np.searchsorted(regions.county_codes, np.asarray(xzqh.cast(pa.int64())))
    city = regions.county_city[county]
    cname, place = text.pick(regions.city_names, city), text.concat(
        text.pick(regions.city_names, city), text.pick(regions.county_names, county))
    issuer = text.select(kind, [
        text.pick(_police(regions), county), text.concat(cname, "公安局交通警察支队"),
        text.concat(cname, "自然资源和规划局"), text.concat(place, "市场监督管理局"),
        text.concat(place, "市场监督管理局"), text.concat(cname, "自然资源和规划局"),
        text.concat(cname, "生态环境局"),
    ])
    issued = text.random_days(rng, n, "2010-01-01", "2026-06-20")
    years = np.array([t[4] for t in TYPES])[kind]
    expires = issued + (years * 365 + years // 4 - 1).astype("timedelta64[D]")
    type_code = text.pick([t[1] for t in TYPES], kind)
    year = text.number(issued.astype("datetime64[Y]").astype(int) + 1970)
    table = pa.table({
        "zzbh": text.concat(type_code, xzqh, year, text.digits(np.arange(1, n + 1), 8)),
        "zzlx": text.pick([t[0] for t in TYPES], kind),
        "chzt": holder("xm", "qymc"),
        "chzt_dm": code,
        "fr_uscc": text.choose(personal, pa.nulls(n, pa.string()), code),
        "fzjg": issuer,
        "fzrq": text.date_text(issued),
        "yxqz": text.date_text(expires),
        "updated_at": text.time_text(text.updated_at(rng, n, after=issued)),
    })
    table = plan.duplicate(table)
    return Generated(CODE, _apply(rng, table, plan, regions, words, people, legal, issued), plan)


def _police(regions: Regions) -> pa.Array:
    """Per county: 南京市公安局玄武分局 for a district, 沛县公安局 / 江阴市公安局 otherwise."""
    cities = regions.city_names.to_pylist()
    return pa.array([
        f"{cities[c]}公安局{name[:-1]}分局" if name.endswith("区") else f"{name}公安局"
        for name, c in zip(regions.county_names.to_pylist(), regions.county_city)  # 95 counties, not rows
    ])


def _apply(rng: np.random.Generator, t: pa.Table, plan: Plan, regions: Regions, words: Words,
           people: Generated, legal: Generated, issued: np.ndarray) -> pa.Table:
    cols = {name: t[name].combine_chunks() for name in t.column_names}

    # personal licence of someone the population dataset does not know
    rows = plan.rows["dangling_reference:chzt_dm"]
    k = len(rows)
    male = rng.random(k) < 0.5
    birth = text.random_days(rng, k, "1950-01-01", "2005-12-31")
    area = regions.county_codes[rng.integers(0, regions.n_counties, k)]
    sfzh = text.from_matrix(ids.sfzh_matrix(rng, area, birth, male, exclude=people.refs["sfzh_keys"]))
    cols["chzt"] = put(cols["chzt"], rows, person_names(rng, male, words))
    cols["chzt_dm"] = put(cols["chzt_dm"], rows, sfzh)

    # company licence of a company the legal-person dataset does not know
    rows = plan.rows["dangling_reference:chzt_dm+fr_uscc"]
    k = len(rows)
    region = regions.county_codes[rng.integers(0, regions.n_counties, k)]
    uscc = text.from_matrix(ids.uscc_matrix(rng, np.full(k, "91"), region, np.ones(k, dtype=bool),
                                            exclude=legal.refs["org_keys"]))
    cols["chzt"] = put(cols["chzt"], rows, company_names(rng, k, regions, words))
    cols["chzt_dm"] = put(cols["chzt_dm"], rows, uscc)
    cols["fr_uscc"] = put(cols["fr_uscc"], rows, uscc)

    rows = plan.rows["null_value:fzjg"]
    cols["fzjg"] = put(cols["fzjg"], rows, None)

    rows = plan.rows["blank_value:chzt"]
    cols["chzt"] = put(cols["chzt"], rows, blanks(rng, len(rows), BLANKS_JSON))

    rows = plan.rows["start_after_end:fzrq+yxqz"]
    early = issued[rows] - rng.integers(1, 3651, len(rows)).astype("timedelta64[D]")
    cols["yxqz"] = put(cols["yxqz"], rows, text.date_text(early))

    rows = plan.rows["invalid_code:zzlx"]
    cols["zzlx"] = put(cols["zzlx"], rows, text.pick(list(BAD_TYPES), variants(rng, len(rows), len(BAD_TYPES))))

    rows = plan.rows["stale_update:updated_at"]
    cols["updated_at"] = put(cols["updated_at"], rows, text.time_text(text.updated_at(rng, len(rows), stale=True)))
    return pa.table(cols)
