"""A labelled corpus for evaluating sensitive-data discovery: five government-style CSV tables.

Each column carries the entity identifiers a correct scanner reports for it and a note saying
why. Positives come with Chinese, pinyin-abbreviation, English and opaque headers, with 5–10 %
of their cells empty or bad; hard negatives (order numbers failing MOD 11-2, millisecond
timestamps, batch codes, company and product names, postcodes, amounts …) expect nothing.
Identifiers are built with ``shuzhi.standards.checksums``; tests check them against
python-stdnum. Everything is drawn from ``random.Random`` seeded per table, so it is
deterministic and needs no network.

Free-text columns expect the entities that appear in at least 20 % of their rows (the
generator counts them); a person's name in free text follows a context word such as 联系人 or
申请人, except in 走访记录, where names follow nouns for people (村民, 居民) and addresses start at
the county: that column is for word segmentation.

>>> cols = eval_columns(rows=20)
>>> sorted({c.table for c in cols}) == sorted(TABLE_ENCODINGS)
True
>>> next(c.expected for c in cols if (c.table, c.name) == ("people_utf8", "身份证号"))
frozenset({'CN_RESIDENT_ID'})
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import random
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from shuzhi.standards.checksums import (
    GB32100_ALPHABET,
    gb11643_check_char,
    gb11643_valid,
    gb11714_check_char,
    gb32100_check_char,
    gb32100_valid,
    luhn_check_digit,
    luhn_valid,
)
from shuzhi.standards.codelists import load_codelist

ENTITIES = frozenset({
    "CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "BANK_CARD", "CN_USCC", "CN_ORG_CODE", "CN_PASSPORT",
    "CN_HKMO_PERMIT", "CN_LICENSE_PLATE", "EMAIL", "IP_ADDRESS", "MAC_ADDRESS", "CN_PERSON_NAME", "CN_ADDRESS",
    "GEO_COORDINATE", "CN_ETHNICITY", "DATE_OF_BIRTH", "HEALTH_INFO", "RELIGIOUS_BELIEF", "BIOMETRIC",
    "FINANCIAL_ACCOUNT", "PRECISE_LOCATION", "MINOR_INFO",
})

# GBK tables hold only characters GBK can encode (GBK ⊂ GB 18030, so they are GB 18030 files too).
TABLE_ENCODINGS: dict[str, str] = {
    "people_utf8": "utf-8",              # 人口基础信息
    "legal_person_gbk": "gbk",           # 法人登记
    "access_log_utf8": "utf-8",          # 系统访问日志
    "travel_utf8sig": "utf-8-sig",       # 车辆与出行
    "medical_social_gbk": "gbk",         # 医疗与社保
}

FREE_TEXT_THRESHOLD = 0.2  # a free-text column expects an entity found in at least this share of its rows


@dataclass(frozen=True)
class EvalColumn:
    table: str
    name: str
    values: list[str | None]
    expected: frozenset[str]
    note: str


# ---------------------------------------------------------------- word lists (all GBK-encodable)

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤")
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "司徒", "令狐", "夏侯")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华霞平刚桂兰玉萍红建国文辉鹏宇浩俊婷雪琳晨欣怡子梓涵轩博思佳嘉"
         "雨晓志海林斌凯丹燕飞春亮成荣新德峰宁波坤瑞")
NAME_CONTEXT = ("联系人", "申请人", "经办人", "法定代表人", "姓名", "负责人")

# 18-digit resident IDs use county codes that have existed under the same code since before 1950,
# so that the birth year never predates the code (python-stdnum checks that; see the tests).
ID_AREAS = ("110101", "110102", "110105", "110106", "110108", "120101", "120104", "310104", "310105",
            "310107", "310110", "330122", "330127", "340121", "350121", "360121", "430121", "430321",
            "510121", "610323", "620121", "640122", "222401", "532501", "650121", "140121", "210421")
PERMIT_AREAS = ("810000", "820000", "830000")  # 港澳台居民居住证

MOBILE_PREFIXES = tuple(f"13{d}" for d in range(10)) + (
    "147", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "176", "177",
    "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199")
LANDLINE_AREAS = ("010", "021", "022", "025", "020", "027", "028", "0512", "0510", "0571", "0755", "0516", "0519")
CARD_BINS = (("622202", 19), ("622848", 19), ("621700", 19), ("621661", 19), ("623058", 19), ("622588", 16),
             ("621483", 16), ("625965", 16), ("622609", 16), ("436742", 16), ("524047", 16))
# GB 32100 登记管理部门码 + 机构类别码: 9x 市场监管, 1x 机构编制, 5x 民政, N 农业, Y 其他, A 军队
USCC_KINDS = ("91",) * 12 + ("92", "92", "93", "11", "12", "12", "51", "52", "N2", "N3", "Y1", "A1")
LETTERS_NO_IO = "ABCDEFGHJKLMNPQRSTUVWXYZ"
PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新浙赣鄂桂甘晋蒙陕吉闽贵粤青川宁琼"
EMAIL_USERS = ("zhangwei", "lina", "wangfang", "liuyang", "chenjing", "yangmin", "zhaolei", "huangyan", "zhoujie",
               "wutao", "xuli", "sunhao", "majun", "zhuting", "hu.xin", "guo_peng", "linxue", "heyu")
EMAIL_DOMAINS = ("qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "outlook.com", "js.gov.cn", "nju.edu.cn")
STREETS = ("中山路", "人民路", "解放路", "建设路", "和平路", "长江路", "中华路", "新华街", "北京东路", "汉中路",
           "珠江路", "健康路", "文化路", "胜利路", "青年路", "东风路", "湖滨路", "学府路", "光明街", "园林路")
COMMUNITIES = ("阳光花园", "翠苑小区", "金色家园", "锦绣华庭", "万科城", "幸福里", "紫金苑", "梧桐苑", "秀水新村")
TOWNS = ("城关镇", "城南街道", "东山街道", "新城街道", "新华街道", "城北街道", "长安镇")
ADDRESS_PROVINCES = ("32",) * 6 + ("11", "31", "33", "34", "37", "42", "44", "51")
CITY_CENTRES = ((118.796877, 32.060255), (120.585316, 31.298886), (116.407526, 39.904030),
                (121.473701, 31.230416), (120.155070, 30.274084), (113.264385, 23.129112))
TRADE_NAMES = ("恒聪", "伟强", "华信", "联创", "金鹏", "佳禾", "瑞丰", "天成", "博远", "鼎盛", "润泽", "新宇",
               "汇通", "嘉诚", "宏达", "明辉", "凯越", "鑫源")
INDUSTRIES = ("科技", "信息技术", "网络科技", "贸易", "建设工程", "物流", "餐饮管理", "物业管理", "医药", "文化传播")
PRODUCTS = ("有机大米5kg", "智能手机", "蓝牙耳机", "不锈钢保温杯500ml", "家用空气净化器", "无线鼠标", "儿童书包",
            "电动牙刷", "纯棉T恤", "LED台灯", "南京盐水鸭礼盒", "苏州丝绸围巾", "碧螺春茶叶礼盒", "笔记本电脑",
            "扫地机器人", "北京烤鸭真空装", "电热水壶1.7L", "跑步鞋42码")
POSTCODES = ("210000", "210008", "210018", "215000", "215006", "100000", "100020", "200030", "310000",
             "010010", "510000", "430000", "610000", "230000")
BUSINESS = ("设立登记", "变更登记", "注销登记", "章程备案", "股权出质登记", "经营范围变更", "名称变更登记")
SCOPE_TAIL = "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
SCOPE = ("软件开发", "信息技术咨询服务", "计算机系统服务", "日用百货销售", "货物进出口", "技术进出口",
         "餐饮服务", "物业管理", "普通货物仓储服务", "广告设计、代理", "建设工程施工", "第二类医疗器械销售")
RELIGIONS = ("无",) * 13 + ("佛教",) * 3 + ("基督教", "基督教", "伊斯兰教", "道教", "天主教")
HEALTH_STATES = ("健康",) * 5 + ("良好",) * 3 + ("一般或较弱", "有慢性病", "残疾")
DIAGNOSES = ("E11.900 2型糖尿病", "I10.x00 原发性高血压", "急性上呼吸道感染", "慢性胃炎", "腰椎间盘突出症",
             "冠状动脉粥样硬化性心脏病", "支气管哮喘", "抑郁发作", "慢性乙型病毒性肝炎", "左桡骨远端骨折",
             "过敏性鼻炎", "甲状腺结节")
HISTORIES = ("无", "无", "高血压病史10年", "糖尿病史5年", "否认肝炎、结核等传染病史", "青霉素过敏史",
             "2015年行阑尾切除术", "哮喘病史", "冠心病史3年")
CHECKUPS = ("未见明显异常", "未见明显异常", "血压偏高", "轻度脂肪肝", "窦性心律不齐", "血糖偏高，建议复查",
            "甲状腺结节（TI-RADS 3类）", "肺纹理增粗", "尿酸偏高")
PLACES = ("南京南站", "新街口", "夫子庙", "鼓楼医院", "河西万达广场", "禄口机场T2", "苏州站", "观前街",
          "金鸡湖东", "仙林大学城", "江宁万达", "玄武湖公园")
TRAVEL_REMARKS = ("准时到达", "行程取消", "已改签", "已退票", "正常", "乘客未到", "车辆故障更换", "绕行施工路段", "延误20分钟")
PLAIN_REMARKS = ("材料齐全，已办结", "户口迁入", "本人申请更正信息", "已上门核实", "信息已更新", "待补充材料",
                 "2023年度复核通过", "随迁子女入学登记", "无", "档案已归档")
LOG_REMARKS = ("login ok", "session timeout", "password reset", "token refreshed", "导出数据集", "查询目录",
               "下载附件", "修改密码")
URLS = ("/login", "/logout", "/api/v1/catalog/search?q=人口", "/api/v1/datasets/{n}", "/api/v1/quality/run/{n}",
        "/static/app.js")
PLACEHOLDERS = ("无", "-", "不详")
# free text with places, roads and people but no name and no address
VISIT_REMARKS = ("村民代表大会决定修缮道路", "玄武区召开安全生产会议", "已电话回访，问题已解决", "居民反映噪音扰民，已协调",
                 "辖区道路积水已处理", "鼓楼区开展文明城市创建活动", "租户已搬离", "无")


# ---------------------------------------------------------------- identifier and value makers


def day_between(rng: random.Random, first: int = 1950, last: int = 2006) -> dt.date:
    start = dt.date(first, 1, 1)
    return start + dt.timedelta(days=rng.randrange((dt.date(last, 12, 31) - start).days + 1))


def resident_id(rng: random.Random, born: dt.date | None = None, area: str | None = None) -> str:
    """GB 11643: 6-digit area + YYYYMMDD + 3-digit sequence (odd = male) + MOD 11-2 check."""
    body = f"{area or rng.choice(ID_AREAS)}{(born or day_between(rng)):%Y%m%d}{rng.randrange(1000):03d}"
    return body + gb11643_check_char(body)


def legacy_id(rng: random.Random) -> str:
    """15-digit ID issued before 1999: area + YYMMDD + sequence, no check character."""
    return f"{rng.choice(ID_AREAS)}{day_between(rng, 1930, 1980):%y%m%d}{rng.randrange(1000):03d}"


def wrong_check(number: str) -> str:
    return number[:-1] + next(c for c in "1234567890X" if c != number[-1])


def person_name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.05 else rng.choice(SURNAMES)
    return surname + "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.35 else 2))


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def mobile_text(rng: random.Random, number: str, styles: str = "pPdsDxn") -> str:
    """One written form of a mobile number; ``styles`` picks among the letters below."""
    a, b, c = number[:3], number[3:7], number[7:]
    forms = {"p": number, "P": f"+86 {a} {b} {c}", "d": f"{a}-{b}-{c}", "s": f"{a} {b} {c}",
             "D": f"0086{number}", "x": f"86-{number}", "n": f"+86{number}"}
    return forms[rng.choice(styles)]


def landline(rng: random.Random) -> str:
    area = rng.choice(LANDLINE_AREAS)
    local = f"{rng.randint(2, 8)}{rng.randrange(10**7):07d}"
    return rng.choice((f"{area}-{local}",) * 7 + (f"({area}){local}", f"{area} {local}"))


def bank_card(rng: random.Random, grouped: float = 0.0) -> str:
    iin, length = CARD_BINS[0 if rng.random() < 0.3 else rng.randrange(len(CARD_BINS))]
    body = iin + "".join(rng.choice(string.digits) for _ in range(length - len(iin) - 1))
    card = body + luhn_check_digit(body)
    return " ".join(card[i:i + 4] for i in range(0, length, 4)) if rng.random() < grouped else card


def account_number(rng: random.Random) -> str:
    """对公/对私 bank account numbers (not card PANs): 12–21 digits that fail Luhn."""
    while True:
        length = rng.choice((12, 17, 19, 20, 21))
        n = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(length - 1))
        if not luhn_valid(n):
            return n


def org_body(rng: random.Random) -> str:
    # codes issued by market regulators since 2015 start with MA; older ones are 8 digits
    alphabet = GB32100_ALPHABET[:10] * 3 + GB32100_ALPHABET[10:]
    if rng.random() < 0.5:
        return "MA" + "".join(rng.choice(alphabet) for _ in range(6))
    return "".join(rng.choice(string.digits) for _ in range(8))


def uscc(rng: random.Random) -> str:
    """GB 32100: 2 kind chars + 6-digit county + GB 11714 org code (8 + check) + check."""
    body = org_body(rng)
    first17 = rng.choice(USCC_KINDS) + rng.choice(county_codes("32")) + body + gb11714_check_char(body)
    return first17 + gb32100_check_char(first17)


def passport(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return f"E{rng.randrange(10**8):08d}"
    if r < 0.85:
        return f"E{rng.choice(LETTERS_NO_IO)}{rng.randrange(10**7):07d}"
    return f"G{rng.randrange(10**8):08d}"


def hkmo_permit(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return f"C{rng.randrange(10**8):08d}"
    return f"C{rng.choice(LETTERS_NO_IO)}{rng.randrange(10**7):07d}"


def plate(rng: random.Random) -> str:
    province = "苏" if rng.random() < 0.6 else rng.choice(PLATE_PROVINCES)
    authority = rng.choice("ABCDEFGH")
    r = rng.random()
    if r < 0.2:    # small new-energy: D/F + 5
        serial = rng.choice("DF") + f"{rng.randrange(10**5):05d}"
    elif r < 0.3:  # large new-energy: 5 digits + D/F
        serial = f"{rng.randrange(10**5):05d}" + rng.choice("DF")
    elif r < 0.6:
        serial = rng.choice(LETTERS_NO_IO) + f"{rng.randrange(10**4):04d}"
    else:
        serial = f"{rng.randrange(10**5):05d}"
    return province + authority + ("·" if rng.random() < 0.2 else "") + serial


def email(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return f"{rng.randint(10**5, 10**10)}@qq.com"
    return f"{rng.choice(EMAIL_USERS)}{rng.choice(('', str(rng.randint(1, 9999))))}@{rng.choice(EMAIL_DOMAINS)}"


def ip_address(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.05:
        return "240e:" + ":".join(f"{rng.randrange(65536):x}" for _ in range(3)) + "::" + f"{rng.randrange(65536):x}"
    if r < 0.7:  # private ranges
        first = rng.choice((f"10.{rng.randrange(256)}", "192.168", f"172.{rng.randint(16, 31)}"))
    else:
        first = f"{rng.choice((58, 114, 180, 218, 221, 223))}.{rng.randrange(256)}"
    return f"{first}.{rng.randrange(256)}.{rng.randint(1, 254)}"


def mac_address(rng: random.Random) -> str:
    octets = [f"{rng.randrange(256):02x}" for _ in range(6)]
    return ":".join(octets) if rng.random() < 0.6 else "-".join(octets).upper()


@cache
def _places(province: str) -> tuple[tuple[str, str, str], ...]:
    """(province, prefecture or '', county) names of current counties in a province (GB/T 2260)."""
    rows = {r["code"]: r for r in load_codelist("GB/T 2260").rows}
    out = []
    for r in rows.values():
        if r["level"] != "county" or r["status"] != "current" or not r["code"].startswith(province):
            continue
        parent = rows[r["parent"]]
        prefecture = parent["name"] if parent["level"] == "prefecture" else ""
        if parent["level"] == "prefecture" and not parent["name"].endswith(("市", "州", "盟", "地区")):
            continue  # 省直辖县级行政区划 and the like are not written in addresses
        names = (rows[province + "0000"]["name"], prefecture, r["name"])
        if "".join(names).encode("gbk", errors="replace").decode("gbk") == "".join(names):
            out.append(names)
    return tuple(out)


@cache
def county_codes(province: str) -> tuple[str, ...]:
    return tuple(c for c in load_codelist("GB/T 2260").codes(level="county", status="current")
                 if c.startswith(province) and load_codelist("GB/T 2260").name_of(c) != "市辖区")


def address(rng: random.Random, with_province: bool = True) -> str:
    province, prefecture, county = rng.choice(_places(rng.choice(ADDRESS_PROVINCES)))
    head = (province if with_province or not prefecture else "") + prefecture + county
    r = rng.random()
    if r < 0.4:
        return (f"{head}{rng.choice(STREETS)}{rng.randint(1, 300)}号"
                f"{rng.randint(1, 30)}幢{rng.randint(1, 26)}0{rng.randint(1, 4)}室")
    if r < 0.75:
        return (f"{head}{rng.choice(STREETS)}{rng.randint(1, 300)}号{rng.choice(COMMUNITIES)}"
                f"{rng.randint(1, 20)}栋{rng.randint(1, 4)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}")
    return f"{head}{rng.choice(TOWNS)}{rng.choice(COMMUNITIES)}{rng.randint(1, 99)}号"


def coordinate(rng: random.Random) -> tuple[str, str]:
    lng, lat = rng.choice(CITY_CENTRES)
    return f"{lng + rng.uniform(-0.15, 0.15):.6f}", f"{lat + rng.uniform(-0.12, 0.12):.6f}"


def date_text(day: dt.date, style: str) -> str:
    """``style``: i 1990-01-01, s 1990/1/1, c 1990年1月1日, n 19900101."""
    return {"i": f"{day:%Y-%m-%d}", "s": f"{day.year}/{day.month}/{day.day}",
            "c": f"{day.year}年{day.month}月{day.day}日", "n": f"{day:%Y%m%d}"}[style]


def ethnicity(rng: random.Random, as_code: bool) -> str:
    groups = load_codelist("GB/T 3304")
    code = "01" if rng.random() < 0.88 else f"{rng.randint(2, 56):02d}"  # 01 汉族 … 56 基诺族
    return code if as_code else groups.name_of(code) or ""


def company(rng: random.Random) -> str:
    city = rng.choice(("南京", "苏州", "无锡", "常州", "江苏"))
    form = rng.choice(("有限公司", "有限公司", "股份有限公司"))
    return f"{city}{rng.choice(TRADE_NAMES)}{rng.choice(INDUSTRIES)}{form}"


# ---------------------------------------------------------------- hard negatives that must fail a checksum


def order_number18(rng: random.Random) -> str:
    """18-digit 结算单号 (date + serial); one that passes GB 11643, GB 32100 or Luhn by chance is dropped."""
    while True:
        n = f"{day_between(rng, 2023, 2025):%Y%m%d}{rng.randrange(10**10):010d}"
        if not gb11643_valid(n) and not gb32100_valid(n, check_org_code=False) and not luhn_valid(n):
            return n


def batch_code(rng: random.Random) -> str:
    while True:
        n = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(18))
        if not gb32100_valid(n, check_org_code=False) and not gb11643_valid(n):
            return n


def order_number16(rng: random.Random) -> str:
    while True:
        n = rng.choice(("2024", "2025", str(rng.randint(1000, 9999)))) + f"{rng.randrange(10**12):012d}"
        if not luhn_valid(n):
            return n


# ---------------------------------------------------------------- dirt and free text


def dirty(rng: random.Random, values: list[str | None], rate: float = 0.07,
          corrupt: Callable[[str], str] | None = None) -> list[str | None]:
    """Blank about half of ``rate`` of the cells, put a placeholder in a quarter, corrupt a quarter."""
    out = list(values)
    for i, v in enumerate(out):
        r = rng.random()
        if r < rate / 2:
            out[i] = None
        elif r < rate and v is not None and corrupt is not None and r >= rate * 3 / 4:
            out[i] = corrupt(v)
        elif r < rate:
            out[i] = rng.choice(PLACEHOLDERS)
    return out


Template = Callable[[random.Random], tuple[str, frozenset[str]]]


def free_text(rng: random.Random, rows: int, pii_share: float, templates: list[Template],
              plain: tuple[str, ...]) -> tuple[list[str | None], frozenset[str], str]:
    """Rows of remarks, ``pii_share`` of them from ``templates``; returns values, expected set and shares."""
    values: list[str | None] = []
    counts: dict[str, int] = {}
    for _ in range(rows):
        if rng.random() < pii_share:
            text, found = rng.choice(templates)(rng)
            for e in found:
                counts[e] = counts.get(e, 0) + 1
            values.append(text)
        else:
            values.append(rng.choice(plain) if rng.random() < 0.9 else None)
    expected = frozenset(e for e, n in counts.items() if n >= FREE_TEXT_THRESHOLD * rows)
    shares = ", ".join(f"{e} {n / rows:.0%}" for e, n in sorted(counts.items()))
    return values, expected, shares


NAME, MOBILE, ID, ADDRESS, IP = "CN_PERSON_NAME", "CN_MOBILE", "CN_RESIDENT_ID", "CN_ADDRESS", "IP_ADDRESS"


# Each template returns its text and the entities in it; a name always follows a NAME_CONTEXT word.
def _t_contact(rng: random.Random) -> tuple[str, frozenset[str]]:
    who = rng.choice(("联系人", "经办人", "负责人", "姓名："))
    return f"{who}{person_name(rng)}，电话{mobile_text(rng, mobile(rng), 'ppds')}", frozenset({NAME, MOBILE})


def _t_call(rng: random.Random) -> tuple[str, frozenset[str]]:
    who = rng.choice(("经办人", "负责人"))
    return f"请联系{who}{person_name(rng)} {mobile_text(rng, mobile(rng), 'dsP')}", frozenset({NAME, MOBILE})


def _t_contact_address(rng: random.Random) -> tuple[str, frozenset[str]]:
    return f"联系人{person_name(rng)}，地址：{address(rng)}，电话{mobile(rng)}", frozenset({NAME, MOBILE, ADDRESS})


def _t_applicant(rng: random.Random) -> tuple[str, frozenset[str]]:
    who, business = rng.choice(("申请人", "法定代表人", "经办人")), rng.choice(BUSINESS)
    ident = resident_id(rng, day_between(rng, 1955, 2000))
    form = rng.choice((f"（身份证号{ident}）办理{business}", f"，公民身份号码{ident}，申请{business}",
                       f"（{ident}）代为提交{business}材料"))
    return f"{who}{person_name(rng)}{form}", frozenset({NAME, ID})


def _t_login(rng: random.Random) -> tuple[str, frozenset[str]]:
    text = f"异常登录，来源IP {ip_address(rng)}，已通知负责人{person_name(rng)}（{mobile(rng)}）"
    return text, frozenset({NAME, MOBILE, IP})


def _t_visit(rng: random.Random) -> tuple[str, frozenset[str]]:
    """For word segmentation: a name after a noun for people, not a context word the spans know, and an
    address with neither province nor city (no span of the address recognizer starts there)."""
    _, _, county = rng.choice(_places("32"))
    who, name = rng.choice(("本村村民", "小区居民", "辖区群众", "租户", "联系人为本单位职工")), person_name(rng)
    at = f"{county}{rng.choice(STREETS)}{rng.randint(1, 300)}号"
    return rng.choice((f"{who}{name}反映{at}门前路灯损坏", f"经走访，{who}{name}现居{at}")), frozenset({NAME, ADDRESS})


# ---------------------------------------------------------------- the tables

Spec = tuple[str, set[str], list[str | None], str]  # name, expected, values, note


def many(rng: random.Random, rows: int, make: Callable[[random.Random], str | None]) -> list[str | None]:
    return [make(rng) for _ in range(rows)]


def _people(rng: random.Random, rows: int) -> list[Spec]:
    born = [day_between(rng) for _ in range(rows)]
    ids = [resident_id(rng, b) for b in born]
    remarks, remark_expected, shares = free_text(
        rng, rows, 0.55, [_t_contact, _t_call, *[_t_contact_address] * 3], PLAIN_REMARKS)
    visits, visit_expected, visit_shares = free_text(rng, rows, 0.5, [_t_visit], VISIT_REMARKS)
    return [
        ("姓名", {NAME}, dirty(rng, many(rng, rows, person_name)),
         "Chinese header; 2–4 Han characters, some compound surnames"),
        ("身份证号", {ID}, dirty(rng, list(ids), corrupt=wrong_check),
         "Chinese header; 18-digit IDs, a few wrong check characters"),
        ("性别", set(), ["男" if int(i[16]) % 2 else "女" for i in ids],
         "hard negative: sex alone is not an entity type"),
        ("出生日期", {"DATE_OF_BIRTH"}, dirty(rng, [date_text(b, "c") for b in born], 0.05),
         "birth header; 1990年1月1日 format"),
        ("民族", {"CN_ETHNICITY"}, dirty(rng, many(rng, rows, lambda r: ethnicity(r, as_code=False)), 0.04),
         "GB/T 3304 names (汉族, 回族 …)"),
        ("联系电话", {MOBILE},
         dirty(rng, many(rng, rows, lambda r: mobile_text(r, mobile(r), "ppppppPdsxn")), corrupt=lambda v: v[:-1]),
         "Chinese header; mobiles, mostly plain, some +86 / dashed forms, a few one digit short"),
        ("家庭住址", {ADDRESS}, dirty(rng, many(rng, rows, address)),
         "Chinese header; full addresses with real GB/T 2260 counties"),
        ("hjdz", {ADDRESS}, dirty(rng, many(rng, rows, lambda r: address(r, with_province=False))),
         "pinyin header 户籍地址; addresses mostly without the province"),
        ("宗教信仰", {"RELIGIOUS_BELIEF"}, many(rng, rows, lambda r: r.choice(RELIGIONS)),
         "sensitive PI: religion header and values (mostly 无)"),
        ("健康状况", {"HEALTH_INFO"}, many(rng, rows, lambda r: r.choice(HEALTH_STATES)),
         "sensitive PI by header (GB/T 2261.3-style values)"),
        ("邮政编码", set(), many(rng, rows, lambda r: r.choice(POSTCODES)),
         "hard negative: 6-digit postcodes (some with a leading zero) are not sensitive here"),
        ("登记日期", set(), many(rng, rows, lambda r: date_text(day_between(r, 2015, 2025), "i")),
         "hard negative: a date that is not a birth date"),
        ("col_7", {"GEO_COORDINATE"}, dirty(rng, many(rng, rows, lambda r: ",".join(coordinate(r))), 0.05),
         "opaque header; 'lng,lat' pairs, values alone decide"),
        ("备注", set(remark_expected), remarks,
         f"free text; names after context words, mobiles, addresses (rows with: {shares})"),
        ("走访记录", set(visit_expected), visits,
         f"free text for word segmentation: names after 村民/居民…, addresses without province or city (rows with: {visit_shares})"),
    ]


def _legal_person(rng: random.Random, rows: int) -> list[Spec]:
    codes = many(rng, rows, uscc)
    orgs = [f"{c[8:16]}-{c[16]}" if rng.random() < 0.8 else c[8:17] for c in codes]  # embedded in the USCC

    def rep_id(r: random.Random) -> str:
        x = r.random()
        if x < 0.1:
            return legacy_id(r)
        return resident_id(r, area=r.choice(PERMIT_AREAS)) if x < 0.15 else resident_id(r)

    events, event_expected, shares = free_text(rng, rows, 0.45, [_t_applicant], BUSINESS + ("年度报告公示", "材料已归档"))
    return [
        ("tyshxydm", {"CN_USCC"}, dirty(rng, codes, 0.06, corrupt=wrong_check),
         "pinyin header; includes letter-first codes (N, Y, A), a few wrong check characters"),
        ("zzjgdm", {"CN_ORG_CODE"}, dirty(rng, orgs, 0.06, corrupt=wrong_check),
         "pinyin header; GB 11714 codes, mostly XXXXXXXX-X"),
        ("c1", set(), many(rng, rows, company),
         "hard negative: company names under an opaque header"),
        ("法定代表人", {NAME}, dirty(rng, many(rng, rows, person_name)),
         "Chinese header; person names"),
        ("zjhm", {ID}, dirty(rng, many(rng, rows, rep_id), 0.05),
         "pinyin header 证件号码; 18-digit IDs, ~10 % 15-digit legacy, ~5 % 81/82/83 residence permits"),
        ("lxdh", {"CN_LANDLINE"}, dirty(rng, many(rng, rows, landline)),
         "pinyin header; landlines such as 025-83245678, (010)62345678, 0512 68123456"),
        ("注册地址", {ADDRESS}, dirty(rng, many(rng, rows, address), 0.05),
         "Chinese header; addresses"),
        ("字段1", {"CN_USCC"}, dirty(rng, many(rng, rows, uscc), 0.06),
         "opaque header; USCCs, values alone decide"),
        ("c2", set(), many(rng, rows, lambda r: r.choice(PRODUCTS)),
         "hard negative: product names, some with place names (南京盐水鸭礼盒)"),
        ("注册资本", set(), many(rng, rows, lambda r: str(r.choice((10, 50, 100, 500))) if r.random() < 0.5
                                 else f"{r.uniform(1, 5000):.4f}"),
         "hard negative: amounts (万元)"),
        ("成立日期", set(), many(rng, rows, lambda r: date_text(day_between(r, 1995, 2025), "i")),
         "hard negative: a date that is not a birth date"),
        ("开户账号", {"FINANCIAL_ACCOUNT"}, dirty(rng, many(rng, rows, account_number), 0.05),
         "header says bank account; 12–21-digit account numbers failing Luhn, so not BANK_CARD"),
        ("经营范围", set(), many(rng, rows, lambda r: "；".join(r.sample(SCOPE, r.randint(2, 4))) + SCOPE_TAIL),
         "hard negative: free text with no PII"),
        ("事项描述", set(event_expected), events,
         f"free text; applicants with their resident IDs (rows with: {shares})"),
    ]


def _access_log(rng: random.Random, rows: int) -> list[Spec]:
    remarks, remark_expected, shares = free_text(rng, rows, 0.5, [_t_call, _t_login, _t_login], LOG_REMARKS)
    stamps = sorted(rng.randrange(1_700_000_000_000, 1_760_000_000_000) for _ in range(rows))
    return [
        ("f3", set(), [str(t) for t in stamps],
         "hard negative: 13-digit millisecond timestamps under an opaque header"),
        ("ip", {IP}, dirty(rng, many(rng, rows, ip_address), 0.05),
         "English header; IPv4, a few IPv6"),
        ("mac", {"MAC_ADDRESS"}, dirty(rng, many(rng, rows, mac_address), 0.05),
         "English header; aa:bb:cc:dd:ee:ff and AA-BB-CC-DD-EE-FF"),
        ("email", {"EMAIL"}, dirty(rng, many(rng, rows, email)),
         "English header"),
        ("mobile", {MOBILE}, dirty(rng, many(rng, rows, lambda r: mobile_text(r, mobile(r), "pPDxn"))),
         "English header; +86 / 0086 / 86- prefixed forms"),
        ("url", set(), many(rng, rows, lambda r: r.choice(URLS).format(n=r.randint(1, 999))),
         "hard negative: request paths"),
        ("c2", set(), many(rng, rows, batch_code),
         "hard negative: random 18-char upper-case batch codes (none passes GB 32100 or GB 11643)"),
        ("remark", set(remark_expected), remarks,
         f"free text under an English header (rows with: {shares})"),
    ]


def _track(rng: random.Random) -> str:
    hours, stops = sorted(rng.sample(range(7, 22), 3)), rng.sample(PLACES, 3)
    day = date_text(day_between(rng, 2024, 2024), "i")
    return f"{day} " + " → ".join(f"{h:02d}:{rng.randrange(60):02d} {p}" for h, p in zip(hours, stops))


def _travel(rng: random.Random, rows: int) -> list[Spec]:
    born = [day_between(rng, 1955, 2006) for _ in range(rows)]
    coords = many(rng, rows, lambda r: ",".join(coordinate(r)))
    vin = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"  # ISO 3779: no I, O, Q
    return [
        ("plate_no", {"CN_LICENSE_PLATE"}, dirty(rng, many(rng, rows, plate), 0.05),
         "English header; incl. 8-char new-energy plates and 苏E·D12345 style"),
        ("xm", {NAME}, dirty(rng, many(rng, rows, person_name)),
         "pinyin header 姓名"),
        ("id_number", {ID}, dirty(rng, [resident_id(rng, b) for b in born], corrupt=wrong_check),
         "English header; a few wrong check characters"),
        ("sjhm", {MOBILE}, dirty(rng, many(rng, rows, mobile), corrupt=lambda v: v[:-1]),
         "pinyin header 手机号码; 11 digits, a few one digit short"),
        ("birth_date", {"DATE_OF_BIRTH"}, dirty(rng, [date_text(b, rng.choice("is")) for b in born], 0.05),
         "English birth header; mixed 1990-01-01 and 1990/1/1"),
        ("护照号码", {"CN_PASSPORT"}, dirty(rng, many(rng, rows, passport), 0.05),
         "E+8 digits, E+letter+7 digits, G+8 digits"),
        ("往来港澳通行证号", {"CN_HKMO_PERMIT"}, dirty(rng, many(rng, rows, hkmo_permit), 0.05),
         "C+8 digits, C+letter+7 digits"),
        ("address", {ADDRESS}, dirty(rng, many(rng, rows, address)),
         "English header"),
        ("经度", {"GEO_COORDINATE"}, dirty(rng, [c.split(",")[0] for c in coords], 0.04),
         "separate longitude column"),
        ("纬度", {"GEO_COORDINATE"}, dirty(rng, [c.split(",")[1] for c in coords], 0.04),
         "separate latitude column"),
        ("定位", {"GEO_COORDINATE", "PRECISE_LOCATION"}, many(rng, rows, lambda r: ",".join(coordinate(r))),
         "location header with 'lng,lat' pairs"),
        ("行动轨迹", {"PRECISE_LOCATION"}, many(rng, rows, _track),
         "movement trace by header: times and places, no full addresses"),
        ("出行日期", set(), many(rng, rows, lambda r: date_text(day_between(r, 2024, 2025), "i")),
         "hard negative: a date that is not a birth date"),
        ("车架号", set(), many(rng, rows, lambda r: "L" + "".join(r.choice(vin) for _ in range(16))),
         "hard negative: 17-char VINs (not one of the entity types)"),
        ("订单号", set(), many(rng, rows, order_number16),
         "hard negative: 16-digit order numbers failing Luhn"),
        ("col_7", set(), many(rng, rows, lambda r: f"1{r.randint(0, 2)}{r.randrange(10**9):09d}"),
         "hard negative: 11-digit product serials starting 10/11/12, not mobile segments"),
        ("备注", set(), many(rng, rows, lambda r: r.choice(TRAVEL_REMARKS)),
         "hard negative: free-text remarks with no PII"),
    ]


def _medical_social(rng: random.Random, rows: int) -> list[Spec]:
    ids = [resident_id(rng, b) for b in (day_between(rng) for _ in range(rows))]
    statuses = ("已核验",) * 14 + ("未核验",) * 5 + ("核验失败",)

    def guardian_id(r: random.Random) -> str | None:
        return resident_id(r, day_between(r, 1965, 1995)) if r.random() < 0.1 else None

    return [
        ("sfzh", {ID}, dirty(rng, list(ids), corrupt=wrong_check),
         "pinyin header 身份证号; a few wrong check characters"),
        ("身份证号", set(), many(rng, rows, lambda r: r.choice(statuses)),
         "hard negative: header says 身份证号 but every value is a verification status"),
        ("csrq", {"DATE_OF_BIRTH"}, dirty(rng, [i[6:14] for i in ids], 0.05),
         "pinyin birth header; 19900101 format"),
        ("xb", set(), [str(int(i[16]) % 2 or 2) for i in ids],
         "hard negative: GB/T 2261.1 sex codes 1/2 (pinyin header 性别)"),
        ("mz", {"CN_ETHNICITY"}, dirty(rng, many(rng, rows, lambda r: ethnicity(r, as_code=True)), 0.04),
         "pinyin header; 2-digit GB/T 3304 codes"),
        ("jtzz", {ADDRESS}, dirty(rng, many(rng, rows, address)),
         "pinyin header 家庭住址"),
        ("yhkh", {"BANK_CARD"}, dirty(rng, many(rng, rows, lambda r: bank_card(r, grouped=0.2)), corrupt=wrong_check),
         "pinyin header 银行卡号; Luhn-valid, some in groups of 4, a few wrong check digits"),
        ("诊断", {"HEALTH_INFO"}, many(rng, rows, lambda r: r.choice(DIAGNOSES)),
         "sensitive PI by header"),
        ("病史", {"HEALTH_INFO"}, many(rng, rows, lambda r: r.choice(HISTORIES)),
         "sensitive PI by header"),
        ("体检结果", {"HEALTH_INFO"}, many(rng, rows, lambda r: r.choice(CHECKUPS)),
         "sensitive PI by header"),
        ("指纹特征", {"BIOMETRIC"}, many(rng, rows, lambda r: base64.b64encode(r.randbytes(r.randint(96, 160))).decode()),
         "base64 fingerprint templates"),
        ("人脸特征值", {"BIOMETRIC"}, many(rng, rows, lambda r: r.randbytes(128).hex()),
         "hex face-feature vectors"),
        ("账户余额", {"FINANCIAL_ACCOUNT"}, many(rng, rows, lambda r: f"{r.uniform(0, 200000):.2f}"),
         "sensitive PI by header: balances"),
        ("未成年人姓名", {NAME, "MINOR_INFO"}, dirty(rng, many(rng, rows, person_name), 0.05),
         "names; the header marks them as minors"),
        ("监护人身份证号", {ID}, many(rng, rows, guardian_id),
         "sparse: about 90 % empty, every filled cell a valid ID (ratio over non-empty cells)"),
        ("联系方式", {MOBILE, "CN_LANDLINE"},
         dirty(rng, many(rng, rows, lambda r: mobile(r) if r.random() < 0.5 else landline(r))),
         "mixed: about half mobiles, half landlines"),
        ("结算单号", set(), many(rng, rows, order_number18),
         "hard negative: 18-digit order numbers (2024…) failing MOD 11-2"),
        ("c1", {MOBILE}, dirty(rng, many(rng, rows, lambda r: mobile_text(r, mobile(r)))),
         "opaque header; mobiles in every written form"),
        ("f3", {"BANK_CARD"}, dirty(rng, many(rng, rows, lambda r: bank_card(r, grouped=0.5)), 0.05),
         "opaque header; half of them grouped in 4s"),
        ("字段3", {NAME}, dirty(rng, many(rng, rows, person_name), 0.05),
         "opaque header; bare names, values alone decide"),
    ]


TABLES: dict[str, Callable[[random.Random, int], list[Spec]]] = {
    "people_utf8": _people,
    "legal_person_gbk": _legal_person,
    "access_log_utf8": _access_log,
    "travel_utf8sig": _travel,
    "medical_social_gbk": _medical_social,
}


def eval_columns(rows: int = 300, seed: int = 7) -> list[EvalColumn]:
    """Every labelled column of every table, in table then column order.

    >>> [c.name for c in eval_columns(rows=5) if c.table == "access_log_utf8"][:3]
    ['f3', 'ip', 'mac']
    """
    columns = []
    for table, build in TABLES.items():
        rng = random.Random(f"{seed}/{table}")  # one stream per table: editing one table leaves the others alone
        for name, expected, values, note in build(rng, rows):
            columns.append(EvalColumn(table, name, values, frozenset(expected), note))
    return columns


def write_tables(directory: Path, rows: int = 300, seed: int = 7) -> dict[str, Path]:
    """Write one CSV per table in its encoding (``TABLE_ENCODINGS``); return table → path.

    >>> import tempfile
    >>> paths = write_tables(Path(tempfile.mkdtemp()), rows=3)
    >>> paths["travel_utf8sig"].read_bytes()[:3] == b"\\xef\\xbb\\xbf"
    True
    """
    directory.mkdir(parents=True, exist_ok=True)
    by_table: dict[str, list[EvalColumn]] = {}
    for col in eval_columns(rows, seed):
        by_table.setdefault(col.table, []).append(col)
    paths = {}
    for table, cols in by_table.items():
        path = directory / f"{table}.csv"
        with path.open("w", encoding=TABLE_ENCODINGS[table], newline="") as f:
            writer = csv.writer(f)
            writer.writerow([c.name for c in cols])
            writer.writerows([["" if v is None else v for v in row] for row in zip(*(c.values for c in cols))])
        paths[table] = path
    return paths
