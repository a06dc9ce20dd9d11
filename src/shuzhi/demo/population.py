"""人口综合库 (population): one row per resident, GBK-encoded CSV.

Every 公民身份号码 carries a real current Jiangsu county code, a birth date 1930–2024
and a valid GB 11643 check character; 性别, 出生日期 and 年龄 agree with it except in
the documented defect rows.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from shuzhi.demo import ids, text
from shuzhi.demo.defects import Generated, Plan, Spec, blanks, put, variants
from shuzhi.demo.regions import Regions
from shuzhi.demo.words import Words, person_names, street_addresses

CODE = "population"
COLUMNS = ("xm", "sfzh", "xb", "mz", "csrq", "age", "lxdh", "yhkh", "xzqh", "jtzz", "zip", "updated_at")

# GB/T 3304 民族 codes: 汉族 dominates; Jiangsu's largest minorities after it.
ETHNIC = (("01", 0.92), ("03", 0.03), ("11", 0.01), ("02", 0.006), ("08", 0.006), ("06", 0.006),
          ("15", 0.006), ("04", 0.004), ("05", 0.004), ("10", 0.004), ("09", 0.004), ("14", 0.004))
# codes that are not in GB/T 3304 (a lost leading zero, a name instead of a code, unused numbers)
BAD_ETHNIC = ("1", "3", "汉", "66", "00")
OUT_OF_RANGE_AGES = (-1, -5, 160, 200, 999)

SPECS = [
    Spec("null_value", ("lxdh",), 0.01, "联系电话为空（NULL）", "contact phone is null"),
    Spec("blank_value", ("jtzz",), 0.005, "家庭住址为空白或占位符（空格、全角空格、无、NULL、-）",
         "home address is blank or a placeholder (spaces, U+3000, 无, NULL, -)"),
    Spec("bad_checksum", ("sfzh",), 0.004, "公民身份号码第 18 位校验码错误（GB 11643）",
         "resident ID number has a wrong check character (GB 11643)"),
    Spec("bad_checksum", ("yhkh",), 0.004, "银行卡号 Luhn 校验位错误", "bank card number fails the Luhn check"),
    Spec("duplicate_key", ("sfzh",), 0.003, "同一公民身份号码重复出现（整行重复，count 为多出的行数）",
         "the same resident ID appears twice (whole row repeated; count = extra rows)"),
    Spec("stale_update", ("updated_at",), 0.02, "更新时间早于参考日期（2026-06-30）一年以上",
         "updated more than one year before the reference date 2026-06-30"),
    Spec("birthdate_mismatch", ("csrq", "sfzh"), 0.004, "出生日期与公民身份号码第 7–14 位不一致",
         "birth date differs from digits 7–14 of the resident ID"),
    Spec("sex_mismatch", ("xb", "sfzh"), 0.003, "性别代码与公民身份号码第 17 位奇偶性不一致（奇数为男性 1）",
         "sex code disagrees with the parity of ID digit 17 (odd = male, 1)"),
    Spec("bad_mobile", ("lxdh",), 0.005, "联系电话不是有效的 11 位手机号码（位数不对、固定电话、12 号段）",
         "contact phone is not a valid 11-digit mobile number (length, landline, 12x prefix)"),
    Spec("invalid_code", ("mz",), 0.003, "民族代码不在 GB/T 3304 代码表中（如丢失前导零的 1）",
         "ethnic group code not in GB/T 3304 (e.g. '1' with its leading zero lost)"),
    Spec("out_of_range", ("age",), 0.002, "年龄超出 0–150 岁的合理范围", "age outside the plausible range 0–150"),
]


def _birth_dates(rng: np.random.Generator, n: int) -> np.ndarray:
    years = np.arange(1930, 2025)
    w = np.select([years < 1950, years < 1962, years < 1976, years < 1991, years < 2016],
                  [0.1 + 0.5 * (years - 1930) / 20, 1.0, 1.3, 1.15, 0.8], 0.5)
    year = rng.choice(years, n, p=w / w.sum())
    start = (year - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    days_in_year = np.where((year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0)), 366, 365)
    return start + (rng.random(n) * days_in_year).astype(np.int64).astype("timedelta64[D]")


def generate(rng: np.random.Generator, n: int, regions: Regions, words: Words) -> Generated:
    plan = Plan(rng, n, SPECS)
    male = rng.random(n) < 0.505
    birth = _birth_dates(rng, n)
    county = rng.integers(0, regions.n_counties, n)
    sfzh = ids.sfzh_matrix(rng, regions.county_codes[county], birth, male)
    # about one resident in ten lives in another county than the one that issued the ID
    moved = rng.random(n) < 0.1
    home = np.where(moved, (county + rng.integers(1, regions.n_counties, n)) % regions.n_counties, county)
    city = regions.county_city[home]
    ethnic = rng.choice(len(ETHNIC), n, p=np.array([p for _, p in ETHNIC]) / sum(p for _, p in ETHNIC))
    table = pa.table({
        "xm": person_names(rng, male, words),
        "sfzh": text.from_matrix(sfzh),
        "xb": text.choose(male, "1", "2"),
        "mz": text.pick([c for c, _ in ETHNIC], ethnic),
        "csrq": text.date_text(birth),
        "age": text.number(text.age_on_reference(birth)),
        "lxdh": text.from_matrix(ids.mobiles(rng, n)),
        "yhkh": ids.bank_cards(rng, n, plan.mask("bad_checksum:yhkh")),
        "xzqh": text.number(regions.county_codes[home]),
        "jtzz": text.concat(regions.province, text.pick(regions.city_names, city),
                            text.pick(regions.county_names, home), street_addresses(rng, n, words)),
        "zip": text.pick(regions.county_zip, home),
        "updated_at": text.time_text(text.updated_at(rng, n)),
    })
    refs = {"sfzh_keys": ids.sfzh_body_keys(sfzh), "age": text.age_on_reference(birth)}
    table = plan.duplicate(table)
    return Generated(CODE, _apply(rng, table, plan, sfzh, birth, male), plan, refs)


def _apply(rng: np.random.Generator, t: pa.Table, plan: Plan, sfzh: np.ndarray,
           birth: np.ndarray, male: np.ndarray) -> pa.Table:
    cols = {name: t[name].combine_chunks() for name in t.column_names}

    rows = plan.rows["null_value:lxdh"]
    cols["lxdh"] = put(cols["lxdh"], rows, None)

    rows = plan.rows["blank_value:jtzz"]
    cols["jtzz"] = put(cols["jtzz"], rows, blanks(rng, len(rows)))

    rows = plan.rows["bad_checksum:sfzh"]
    cols["sfzh"] = put(cols["sfzh"], rows, text.from_matrix(ids.corrupt_gb11643(rng, sfzh[rows])))

    rows = plan.rows["stale_update:updated_at"]
    cols["updated_at"] = put(cols["updated_at"], rows, text.time_text(text.updated_at(rng, len(rows), stale=True)))

    rows = plan.rows["birthdate_mismatch:csrq+sfzh"]
    shift = rng.integers(1, 400, len(rows)) * np.where(rng.random(len(rows)) < 0.5, -1, 1)
    moved = birth[rows] + shift.astype("timedelta64[D]")
    cols["csrq"] = put(cols["csrq"], rows, text.date_text(moved))
    cols["age"] = put(cols["age"], rows, text.number(text.age_on_reference(moved)))  # age follows csrq

    rows = plan.rows["sex_mismatch:xb+sfzh"]
    cols["xb"] = put(cols["xb"], rows, text.choose(male[rows], "2", "1"))

    rows = plan.rows["bad_mobile:lxdh"]
    good = ids.mobiles(rng, len(rows))
    kind = variants(rng, len(rows), 4)
    bad = [
        text.from_matrix(good[:, :10]),                                             # 10 digits
        text.concat(text.from_matrix(good), text.digits(rng.integers(0, 10, len(rows)), 1)),  # 12 digits
        text.concat("025-", text.digits(rng.integers(10**7 * 5, 10**8, len(rows)), 8)),      # landline
        text.concat("12", text.from_matrix(good[:, 2:])),                           # no such segment
    ]
    cols["lxdh"] = put(cols["lxdh"], rows, text.select(kind, bad))

    rows = plan.rows["invalid_code:mz"]
    cols["mz"] = put(cols["mz"], rows, text.pick(list(BAD_ETHNIC), variants(rng, len(rows), len(BAD_ETHNIC))))

    rows = plan.rows["out_of_range:age"]
    bad_age = np.array(OUT_OF_RANGE_AGES)[variants(rng, len(rows), len(OUT_OF_RANGE_AGES))]
    cols["age"] = put(cols["age"], rows, text.number(bad_age))
    return pa.table(cols)

