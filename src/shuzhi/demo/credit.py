"""信用信息库 (credit records): 行政许可, 行政处罚, 守信激励 and 失信惩戒 records of legal persons.

Each record names its subject by 统一社会信用代码 and 企业名称 as held in the legal-person
dataset; the free-text 备注 column holds commas, quotes and (twice) line breaks, so a CSV
reader must honour RFC 4180 quoting.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from shuzhi.demo import ids, text
from shuzhi.demo.defects import Generated, Plan, Spec, blanks, put, variants
from shuzhi.demo.regions import Regions
from shuzhi.demo.words import INDUSTRIES, Words

CODE = "credit"
COLUMNS = ("xyjl_id", "tyshxydm", "qymc", "xylx", "jdrq", "start_date", "end_date", "jdjg", "bz", "updated_at")

# type, share, record-number prefix, validity in years (min, max)
TYPES = (("行政许可", 0.5, "XK", 3, 5), ("行政处罚", 0.3, "CF", 1, 3), ("守信激励", 0.1, "JL", 1, 3),
         ("失信惩戒", 0.1, "CJ", 1, 5))
BAD_TYPES = ("行政检查", "其他", "处罚", "行政确认")
PERMITS = ("食品经营许可", "建筑工程施工许可", "排污许可", "道路运输经营许可", "公共场所卫生许可", "药品经营许可")
LAWS = ("中华人民共和国食品安全法", "中华人民共和国广告法", "中华人民共和国大气污染防治法",
        "中华人民共和国产品质量法", "中华人民共和国安全生产法")
FINES = ("2,000.00", "5,000.00", "10,000.00", "30,000.00", "50,000.00", "200,000.00")
HONOURS = ("纳税信用A级纳税人", "江苏省守合同重信用企业", "省级诚信示范企业", "海关高级认证企业")

SPECS = [
    Spec("dangling_reference", ("tyshxydm",), 0.005, "统一社会信用代码在法人综合库中不存在（代码本身校验正确）",
         "USCC (with a valid check character) is not in the legal-person dataset"),
    Spec("value_mismatch", ("qymc",), 0.005, "企业名称与法人综合库中同一统一社会信用代码的企业名称不一致",
         "company name differs from the legal-person dataset's name for the same USCC"),
    Spec("start_after_end", ("start_date", "end_date"), 0.005, "有效期起晚于有效期止", "validity start is after its end"),
    Spec("null_value", ("jdrq",), 0.005, "决定日期为空（NULL）", "decision date is null"),
    Spec("blank_value", ("jdjg",), 0.005, "决定机关为空白或占位符（空格、全角空格、无、NULL、-）",
         "deciding authority is blank or a placeholder (spaces, U+3000, 无, NULL, -)"),
    Spec("invalid_code", ("xylx",), 0.004, "信用信息类型不是 行政许可/行政处罚/守信激励/失信惩戒 之一",
         "credit record type is not one of 行政许可/行政处罚/守信激励/失信惩戒"),
    Spec("duplicate_key", ("xyjl_id",), 0.003, "同一记录编号重复出现（整行重复，count 为多出的行数）",
         "the same record number appears twice (whole row repeated; count = extra rows)"),
    Spec("stale_update", ("updated_at",), 0.02, "更新时间早于参考日期（2026-06-30）一年以上",
         "updated more than one year before the reference date 2026-06-30"),
]


def _pick(rng: np.random.Generator, options: tuple[str, ...], n: int) -> pa.Array:
    return text.pick(list(options), rng.integers(0, len(options), n))


def generate(rng: np.random.Generator, n: int, regions: Regions, words: Words, legal: Generated) -> Generated:
    plan = Plan(rng, n, SPECS)
    share = np.array([t[1] for t in TYPES])
    kind = rng.choice(len(TYPES), n, p=share / share.sum())
    # subjects: every clean legal person except 机关 (registering authority 1)
    pool = np.flatnonzero(legal.plan.clean & ~np.asarray(pc.starts_with(legal.table["tyshxydm"], "1")))
    subject = pa.array(pool[rng.integers(0, len(pool), n)])
    uscc = legal.table["tyshxydm"].combine_chunks().take(subject)
    name = legal.table["qymc"].combine_chunks().take(subject)
    county_code = np.asarray(legal.table["xzqh"].combine_chunks().take(subject).cast(pa.int64()))
    county = np.searchsorted(regions.county_codes, county_code)
    city = regions.county_city[county]
    cname, place = text.pick(regions.city_names, city), text.concat(
        text.pick(regions.city_names, city), text.pick(regions.county_names, county))

    decided = text.random_days(rng, n, "2016-01-01", "2026-06-20")
    lo, hi = np.array([t[3] for t in TYPES])[kind], np.array([t[4] for t in TYPES])[kind]
    years = lo + (rng.random(n) * (hi - lo + 1)).astype(np.int64)
    end = decided + (years * 365 + years // 4 - 1).astype("timedelta64[D]")
    coin = rng.random(n) < 0.5
    authority = text.select(kind, [
        text.choose(coin, text.concat(cname, "行政审批局"), text.concat(place, "市场监督管理局")),
        text.choose(coin, text.concat(cname, "市场监督管理局"), text.concat(cname, "生态环境局")),
        text.choose(coin, text.concat("国家税务总局", cname, "税务局"), text.concat(cname, "发展和改革委员会")),
        text.choose(coin, text.concat(cname, "中级人民法院"), text.concat(place, "人民法院")),
    ])
    case = text.concat("（", text.number(decided.astype("datetime64[Y]").astype(int) + 1970), "）苏",
                       text.digits(county_code % 10000, 4), "执", text.number(rng.integers(1, 9000, n)), "号")
    note = text.select(kind, [
        text.concat("准予", _pick(rng, PERMITS, n), "，许可证编号", text.digits(rng.integers(0, 10**8, n), 8)),
        text.concat("违反《", _pick(rng, LAWS, n), "》，罚款人民币", _pick(rng, FINES, n), "元"),
        text.concat("评定为", _pick(rng, HONOURS, n)),
        text.concat("被列入失信被执行人名单，案号", case),
    ])
    prefix = text.pick([t[2] for t in TYPES], kind)
    year = text.number(decided.astype("datetime64[Y]").astype(int) + 1970)
    table = pa.table({
        "xyjl_id": text.concat(prefix, year, text.digits(np.arange(1, n + 1), 10)),
        "tyshxydm": uscc,
        "qymc": name,
        "xylx": text.pick([t[0] for t in TYPES], kind),
        "jdrq": text.date_text(decided),
        "start_date": text.date_text(decided),
        "end_date": text.date_text(end),
        "jdjg": authority,
        "bz": _special_notes(rng, note, plan),
        "updated_at": text.time_text(text.updated_at(rng, n, after=decided)),
    })
    table = plan.duplicate(table)
    return Generated(CODE, _apply(rng, table, plan, regions, words, legal, decided), plan)


def _special_notes(rng: np.random.Generator, note: pa.Array, plan: Plan) -> pa.Array:
    """Two notes with a line break and three with double quotes, on rows that carry no defect."""
    rows = np.sort(rng.choice(np.flatnonzero(~plan.reserved), 5, replace=False))
    special = [
        "处罚事由：未按规定公示年度报告\n整改情况：已整改完毕",
        "检查结果：\n1. 台账不全，已责令改正；\n2. 复查合格",
        '依据"双随机、一公开"抽查结果作出',
        '企业自述："已按要求整改"，待复核',
        '当事人称"不知情",已责令改正',
    ]
    return put(note, rows, special)


def company_names(rng: np.random.Generator, n: int, regions: Regions, words: Words) -> pa.Array:
    """Plausible company names not tied to any legal person (for dangling references)."""
    city = rng.integers(0, len(regions.city_short), n)
    return text.concat(text.pick(regions.city_short, city),
                       text.pick(words.trade_names, rng.integers(0, len(words.trade_names), n)),
                       text.pick([a for a, _ in INDUSTRIES], rng.integers(0, len(INDUSTRIES), n)), "有限公司")


def _apply(rng: np.random.Generator, t: pa.Table, plan: Plan, regions: Regions, words: Words,
           legal: Generated, decided: np.ndarray) -> pa.Table:
    cols = {name: t[name].combine_chunks() for name in t.column_names}

    rows = plan.rows["dangling_reference:tyshxydm"]
    k = len(rows)
    region = regions.county_codes[rng.integers(0, regions.n_counties, k)]
    fresh = ids.uscc_matrix(rng, np.full(k, "91"), region, np.ones(k, dtype=bool), exclude=legal.refs["org_keys"])
    cols["tyshxydm"] = put(cols["tyshxydm"], rows, text.from_matrix(fresh))
    cols["qymc"] = put(cols["qymc"], rows, company_names(rng, k, regions, words))

    rows = plan.rows["value_mismatch:qymc"]
    cols["qymc"] = put(cols["qymc"], rows, other_name(rng, cols["qymc"].take(pa.array(rows))))

    rows = plan.rows["start_after_end:start_date+end_date"]
    early = decided[rows] - rng.integers(1, 366, len(rows)).astype("timedelta64[D]")
    cols["end_date"] = put(cols["end_date"], rows, text.date_text(early))

    rows = plan.rows["null_value:jdrq"]
    cols["jdrq"] = put(cols["jdrq"], rows, None)

    rows = plan.rows["blank_value:jdjg"]
    cols["jdjg"] = put(cols["jdjg"], rows, blanks(rng, len(rows)))

    rows = plan.rows["invalid_code:xylx"]
    cols["xylx"] = put(cols["xylx"], rows, text.pick(list(BAD_TYPES), variants(rng, len(rows), len(BAD_TYPES))))

    rows = plan.rows["stale_update:updated_at"]
    cols["updated_at"] = put(cols["updated_at"], rows, text.time_text(text.updated_at(rng, len(rows), stale=True)))
    return pa.table(cols)


def other_name(rng: np.random.Generator, names: pa.Array) -> pa.Array:
    """A different spelling of each name: without its place prefix, or with another organisation form."""
    dropped = pc.utf8_slice_codeunits(names, 2)
    has_form = pc.match_substring(names, "有限公司")
    reformed = text.choose(np.asarray(has_form),
                           pc.replace_substring(names, "有限公司", "有限责任公司", max_replacements=1),
                           text.concat(names, "（江苏）"))
    return text.choose(variants(rng, len(names), 2) == 0, dropped, reformed)
