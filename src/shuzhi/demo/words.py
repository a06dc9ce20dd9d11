"""Word lists for names, streets and organisations.

Personal names and street stems come from Faker's zh_CN providers (imported, not copied);
organisation vocabulary (industries with their GB/T 4754-2017 大类, departments,
shop types) is ours, because Faker has no such lists.

>>> w = load_words()
>>> len(w.surnames) > 300 and float(w.surname_p.sum()) == 1.0
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pyarrow as pa
from faker.providers.address.zh_CN import Provider as Address
from faker.providers.company.zh_CN import Provider as Company
from faker.providers.person.zh_CN import Provider as Person

from shuzhi.demo import text

# 企业名称 = 行政区划 + 字号 + 行业 + 组织形式; each 行业 word carries its GB/T 4754-2017 大类.
INDUSTRIES: tuple[tuple[str, str], ...] = (
    ("科技", "65"), ("信息技术", "65"), ("网络科技", "64"), ("软件", "65"), ("电子", "39"),
    ("贸易", "51"), ("商贸", "51"), ("建设工程", "48"), ("建筑工程", "47"), ("物流", "59"),
    ("餐饮管理", "62"), ("房地产开发", "70"), ("物业管理", "70"), ("机械制造", "34"),
    ("纺织", "17"), ("服饰", "18"), ("化工", "26"), ("医药", "27"), ("食品", "14"),
    ("新能源", "38"), ("汽车零部件", "36"), ("企业管理咨询", "72"), ("广告传媒", "72"),
    ("文化传播", "86"), ("教育科技", "83"), ("环保科技", "77"), ("生物科技", "73"),
)
COMPANY_FORMS = ("有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司")
# 个体工商户 shop types and their 大类
SHOPS: tuple[tuple[str, str], ...] = (
    ("便利店", "52"), ("副食品店", "52"), ("五金店", "52"), ("餐馆", "62"), ("面馆", "62"),
    ("理发店", "80"), ("家电维修部", "81"), ("服装店", "52"), ("水果店", "52"),
)
# 农民专业合作社 kinds and their 大类
COOPERATIVES: tuple[tuple[str, str], ...] = (
    ("水稻种植专业合作社", "01"), ("蔬菜种植专业合作社", "01"), ("水产养殖专业合作社", "04"),
    ("生猪养殖专业合作社", "03"), ("农机专业合作社", "05"), ("苗木专业合作社", "02"),
)
# 机关 (11, 大类 92 国家机构) and 事业单位 (12)
AGENCIES = ("教育局", "财政局", "民政局", "交通运输局", "生态环境局", "卫生健康委员会", "统计局",
            "审计局", "司法局", "农业农村局", "水务局", "商务局", "文化广电和旅游局")
INSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("人民医院", "84"), ("中医院", "84"), ("实验小学", "83"), ("第一中学", "83"),
    ("公共资源交易中心", "92"), ("图书馆", "88"), ("疾病预防控制中心", "84"), ("档案馆", "88"),
)
# 社会组织 (51 社会团体, 52 民办非企业单位, 53 基金会), 大类 95 / 83
ASSOCIATIONS = ("软件行业协会", "物流协会", "餐饮行业协会", "个体劳动者协会", "摄影家协会", "老年人体育协会")
PRIVATE_NONPROFITS: tuple[tuple[str, str], ...] = (
    ("培训学校", "83"), ("养老服务中心", "85"), ("幼儿园", "83"), ("社会工作服务中心", "85"),
)
STREET_SUFFIXES = tuple(Address.street_suffixes) + ("大道",)


@dataclass(frozen=True)
class Words:
    surnames: pa.StringArray
    surname_p: np.ndarray
    given_male: pa.StringArray
    given_female: pa.StringArray
    single_male: pa.StringArray     # one-character given names, to build two-character ones
    single_female: pa.StringArray
    streets: pa.StringArray         # 中山路, 海陵街 …
    trade_names: pa.StringArray     # 字号: 恒聪, 伟强 …


@cache
def load_words() -> Words:
    surnames = list(Person.last_names)
    p = np.array(list(Person.last_names.values()), dtype=float)
    male, female = list(Person.first_names_male), list(Person.first_names_female)
    stems = sorted(set(Address.districts) | set(Address.cities))
    streets = [s + suffix for s in stems for suffix in STREET_SUFFIXES]
    # 字号: Faker's two-to-three-character company prefixes, plus pairs of given-name characters
    prefixes = sorted({w for w in Company.company_prefixes if 2 <= len(w) <= 3 and "公司" not in w})
    single_male = sorted({w for w in male if len(w) == 1})
    single_female = sorted({w for w in female if len(w) == 1})
    pairs = [a + b for a in single_male[:40] for b in single_male[40:80] if a != b]
    return Words(
        surnames=pa.array(surnames), surname_p=p / p.sum(),
        given_male=pa.array(male), given_female=pa.array(female),
        single_male=pa.array(single_male), single_female=pa.array(single_female),
        streets=pa.array(streets), trade_names=pa.array(prefixes + pairs),
    )


def person_names(rng: np.random.Generator, male: np.ndarray, words: Words) -> pa.StringArray:
    """姓名 by surname frequency; given names match the sex, about half with two characters."""
    n = len(male)
    surname = text.pick(words.surnames, rng.choice(len(words.surnames), n, p=words.surname_p))
    given_m = text.pick(words.given_male, rng.integers(0, len(words.given_male), n))
    given_f = text.pick(words.given_female, rng.integers(0, len(words.given_female), n))
    given = text.choose(male, given_m, given_f)
    first = text.choose(male, text.pick(words.single_male, rng.integers(0, len(words.single_male), n)),
                        text.pick(words.single_female, rng.integers(0, len(words.single_female), n)))
    two = rng.random(n) < 0.5
    given = text.choose(two & (np.asarray(text.length(given)) == 1), text.concat(first, given), given)
    return text.concat(surname, given)


def street_addresses(rng: np.random.Generator, n: int, words: Words) -> pa.StringArray:
    """Street + number (+ building and room for a third): 中山路128号 / 海陵街7号3幢502室."""
    street = text.pick(words.streets, rng.integers(0, len(words.streets), n))
    number = text.number(rng.integers(1, 900, n))
    room = text.concat(text.number(rng.integers(1, 30, n)), "幢",
                       text.number(rng.integers(1, 26, n) * 100 + rng.integers(1, 5, n)), "室")
    tail = text.choose(rng.random(n) < 0.35, room, "")
    return text.concat(street, number, "号", tail)
