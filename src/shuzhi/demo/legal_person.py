"""法人综合库 (legal persons): enterprises, public bodies and social organisations, as xlsx.

Every 统一社会信用代码 is valid under GB 32100 including its embedded GB 11714
组织机构代码 check character; its first two characters follow the registering authority
(91 企业, 92 个体工商户, 93 农民专业合作社, 11 机关, 12 事业单位, 51/52/53 社会组织,
N2/N3 农村集体经济组织, Y1 其他). 法定代表人 are drawn from the population dataset.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from shuzhi.demo import ids, text
from shuzhi.demo import words as w
from shuzhi.demo.defects import Generated, Plan, Spec, blanks, put, variants
from shuzhi.demo.regions import PROVINCE_CODE, Regions
from shuzhi.demo.words import Words, street_addresses

CODE = "legal_person"
TITLE = "江苏省法人综合库（示例数据）"
COLUMNS = ("tyshxydm", "qymc", "fddbr", "fddbr_sfzh", "hydm", "zczb", "clrq", "xzqh", "zs", "updated_at")

# kind → share, registering level (0 county, 1 city, 2 province), founding-date range
KINDS: tuple[tuple[str, float, int, str, str], ...] = (
    ("91", 0.80, 0, "1995-01-01", "2026-06-20"), ("92", 0.05, 0, "2005-01-01", "2026-06-20"),
    ("93", 0.03, 0, "2008-01-01", "2026-06-20"), ("11", 0.02, 1, "1953-01-01", "2000-12-31"),
    ("12", 0.03, 0, "1953-01-01", "2010-12-31"), ("51", 0.02, 1, "1990-01-01", "2022-12-31"),
    ("52", 0.02, 0, "1998-01-01", "2023-12-31"), ("53", 0.005, 2, "2004-01-01", "2022-12-31"),
    ("N2", 0.015, 0, "2018-01-01", "2022-12-31"), ("N3", 0.005, 0, "2018-01-01", "2022-12-31"),
    ("Y1", 0.005, 1, "2000-01-01", "2020-12-31"),
)
NEW_STYLE_FROM = np.datetime64("2015-10-01")  # 主体标识码 'MA…' for enterprises registered since
BAD_HYDM = ("99", "00", "6", "X1", "0")
BAD_CAPITAL = (0, -10000, -500)  # hundredths of 万元

SPECS = [
    Spec("bad_checksum", ("tyshxydm",), 0.005,
         "统一社会信用代码校验错误：第 18 位校验码（GB 32100）或第 17 位组织机构代码校验码（GB 11714）不符",
         "USCC fails its check: character 18 (GB 32100) or the embedded organisation-code check, character 17 (GB 11714)"),
    Spec("bad_checksum", ("fddbr_sfzh",), 0.004, "法定代表人身份证号码校验码错误（GB 11643）",
         "legal representative's resident ID has a wrong check character (GB 11643)"),
    Spec("duplicate_key", ("tyshxydm",), 0.003, "同一统一社会信用代码重复出现（整行重复，count 为多出的行数）",
         "the same USCC appears twice (whole row repeated; count = extra rows)"),
    Spec("null_value", ("fddbr",), 0.005, "法定代表人为空（NULL）", "legal representative is null"),
    Spec("blank_value", ("zs",), 0.005, "住所为空白或占位符（空格、全角空格、无、NULL、-）",
         "registered address is blank or a placeholder (spaces, U+3000, 无, NULL, -)"),
    Spec("invalid_code", ("hydm",), 0.004, "行业代码不是 GB/T 4754-2017 的大类代码", "industry code is not a GB/T 4754-2017 division code"),
    Spec("out_of_range", ("zczb",), 0.002, "注册资本不大于 0", "registered capital is not positive"),
    Spec("stale_update", ("updated_at",), 0.02, "更新时间早于参考日期（2026-06-30）一年以上",
         "updated more than one year before the reference date 2026-06-30"),
]


def _names(rng: np.random.Generator, n: int, kind: np.ndarray, county: np.ndarray, city: np.ndarray,
           regions: Regions, words: Words) -> tuple[pa.Array, np.ndarray]:
    """企业名称 and 行业代码 for each row, by kind (all templates built column-wise, then selected)."""
    trade = text.pick(words.trade_names, rng.integers(0, len(words.trade_names), n))
    cname, cshort, county_name = (text.pick(regions.city_names, city), text.pick(regions.city_short, city),
                                  text.pick(regions.county_names, county))

    def from_table(table: tuple[tuple[str, str], ...]) -> tuple[pa.Array, np.ndarray]:
        i = rng.integers(0, len(table), n)
        return text.pick([a for a, _ in table], i), np.array([b for _, b in table])[i]

    industry, ind_code = from_table(w.INDUSTRIES)
    shop, shop_code = from_table(w.SHOPS)
    coop, coop_code = from_table(w.COOPERATIVES)
    inst, inst_code = from_table(w.INSTITUTIONS)
    nonprofit, np_code = from_table(w.PRIVATE_NONPROFITS)
    form = text.pick(list(w.COMPANY_FORMS), rng.integers(0, len(w.COMPANY_FORMS), n))
    agency = text.pick(list(w.AGENCIES), rng.integers(0, len(w.AGENCIES), n))
    assoc = text.pick(list(w.ASSOCIATIONS), rng.integers(0, len(w.ASSOCIATIONS), n))
    options = {
        "91": (text.concat(cshort, trade, industry, form), ind_code),
        "92": (text.concat(county_name, trade, shop), shop_code),
        "93": (text.concat(county_name, trade, coop), coop_code),
        "11": (text.concat(cname, agency), np.full(n, "92")),
        "12": (text.concat(county_name, inst), inst_code),
        "51": (text.concat(cname, assoc), np.full(n, "95")),
        "52": (text.concat(county_name, trade, nonprofit), np_code),
        "53": (text.concat(regions.province, trade, "公益基金会"), np.full(n, "95")),
        "N2": (text.concat(county_name, trade, "村股份经济合作社"), np.full(n, "01")),
        "N3": (text.concat(county_name, trade, "镇经济联合社"), np.full(n, "01")),
        "Y1": (text.concat(county_name, trade, "联合会"), np.full(n, "95")),
    }
    codes = list(options)
    which = _index_of(codes, kind)
    return text.select(which, [options[c][0] for c in codes]), np.choose(which, [options[c][1] for c in codes])


def _index_of(codes: list[str], values: np.ndarray) -> np.ndarray:
    out = np.empty(len(values), dtype=np.int64)
    for i, c in enumerate(codes):  # one pass per code, not per row
        out[values == c] = i
    return out


def _capital(rng: np.random.Generator, kind: np.ndarray) -> np.ndarray:
    """注册资本 / 开办资金 in hundredths of 万元: round amounts mostly, some with cents."""
    n = len(kind)
    company = np.array([10, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000, 50000])
    small = np.array([1, 2, 3, 5, 10, 20, 50])
    amount = np.where(np.isin(kind, ["92"]), small[rng.integers(0, len(small), n)],
                      company[rng.integers(0, len(company), n)]) * 100
    odd = (rng.random(n) < 0.15) & (kind != "92")
    return np.where(odd, (10 ** rng.uniform(3, 6.5, n)).astype(np.int64), amount)


def generate(rng: np.random.Generator, n: int, regions: Regions, words: Words, people: Generated) -> Generated:
    plan = Plan(rng, n, SPECS)
    share = np.array([k[1] for k in KINDS])
    k_index = rng.choice(len(KINDS), n, p=share / share.sum())
    kind = np.array([k[0] for k in KINDS])[k_index]
    level = np.array([k[2] for k in KINDS])[k_index]
    level = np.where((level == 0) & (kind == "91") & (rng.random(n) < 0.3), 1, level)  # some at city level
    county = rng.integers(0, regions.n_counties, n)
    city = regions.county_city[county]
    region = np.select([level == 0, level == 1], [regions.county_codes[county], regions.city_codes[city]],
                       int(PROVINCE_CODE))
    lo = np.array([np.datetime64(k[3]) for k in KINDS])[k_index]
    hi = np.array([np.datetime64(k[4]) for k in KINDS])[k_index]
    founded = lo + (rng.random(n) * (hi - lo).astype(np.int64)).astype(np.int64).astype("timedelta64[D]")
    new_style = np.isin(kind, ["91", "92"]) & (founded >= NEW_STYLE_FROM)
    uscc = ids.uscc_matrix(rng, kind, region, new_style)

    # legal representatives: adults from the population dataset's clean rows
    pool = np.flatnonzero(people.plan.clean & (people.refs["age"] >= 25))
    rep = pool[rng.integers(0, len(pool), n)]
    rep_names = people.table["xm"].combine_chunks().take(pa.array(rep))
    rep_ids = people.table["sfzh"].combine_chunks().take(pa.array(rep))

    name, hydm = _names(rng, n, kind, county, city, regions, words)
    table = pa.table({
        "tyshxydm": text.from_matrix(uscc),
        "qymc": name,
        "fddbr": rep_names,
        "fddbr_sfzh": rep_ids,
        "hydm": pa.array(hydm.astype(str)),
        "zczb": text.decimal2(_capital(rng, kind)),
        "clrq": text.date_text(founded),
        "xzqh": text.number(regions.county_codes[county]),
        "zs": text.concat(regions.province, text.pick(regions.city_names, city),
                          text.pick(regions.county_names, county), street_addresses(rng, n, words)),
        "updated_at": text.time_text(text.updated_at(rng, n, after=founded)),
    })
    refs = {"org_keys": ids.org_keys(uscc)}
    table = plan.duplicate(table)
    return Generated(CODE, _apply(rng, table, plan, uscc), plan, refs)


def _apply(rng: np.random.Generator, t: pa.Table, plan: Plan, uscc: np.ndarray) -> pa.Table:
    cols = {name: t[name].combine_chunks() for name in t.column_names}

    rows = plan.rows["bad_checksum:tyshxydm"]
    org_check = variants(rng, len(rows), 3) == 0  # a third: only the embedded 组织机构代码 check is wrong
    cols["tyshxydm"] = put(cols["tyshxydm"], rows, text.from_matrix(ids.corrupt_gb32100(rng, uscc[rows], org_check)))

    rows = plan.rows["bad_checksum:fddbr_sfzh"]
    good = text.to_matrix(cols["fddbr_sfzh"].take(pa.array(rows)), 18)
    cols["fddbr_sfzh"] = put(cols["fddbr_sfzh"], rows, text.from_matrix(ids.corrupt_gb11643(rng, good)))

    rows = plan.rows["null_value:fddbr"]
    cols["fddbr"] = put(cols["fddbr"], rows, None)

    rows = plan.rows["blank_value:zs"]
    cols["zs"] = put(cols["zs"], rows, blanks(rng, len(rows)))

    rows = plan.rows["invalid_code:hydm"]
    cols["hydm"] = put(cols["hydm"], rows, text.pick(list(BAD_HYDM), variants(rng, len(rows), len(BAD_HYDM))))

    rows = plan.rows["out_of_range:zczb"]
    cols["zczb"] = put(cols["zczb"], rows, text.decimal2(np.array(BAD_CAPITAL)[variants(rng, len(rows), 3)]))

    rows = plan.rows["stale_update:updated_at"]
    cols["updated_at"] = put(cols["updated_at"], rows, text.time_text(text.updated_at(rng, len(rows), stale=True)))
    return pa.table(cols)

