"""The discovery benchmark table: a government-style table of 20 text columns with a known label each.

One DuckDB statement, ``COPY (SELECT … FROM range(N)) TO 'file.parquet'``: every value is a function
of the row number through ``hash(i, k)``, so the file depends only on ``rows`` and this module's text
(the cache key, :func:`path_for`). Check characters are computed in SQL arithmetic:

- 公民身份号码 (GB 11643): county code + birth date 1940–2019 + sequence + the ISO 7064 MOD 11-2 check;
- 银行卡号: 19 digits, issuer 62…, Luhn check digit;
- 统一社会信用代码 (GB 32100): authority + type, county code, a GB 11714 organisation code with its own
  check character (``MA`` + 6 characters, or 8 digits), and the GB 32100 check character;
- 手机号码 in current segments, e-mail, IPv4, MAC, plates (苏A12345, 苏AD12345), names (surname ×
  given names), addresses 江苏省南京市玄武区中山路18号, lng,lat pairs, 民族 (汉族 90 %);
- ``bz`` (备注) free text: 40 % of rows "联系人张伟，电话139…，…", 8 % a resident ID, the rest no PII;
- hard negatives: 18-digit order numbers with a valid county code and date but a wrong MOD 11-2
  check, 13-digit millisecond timestamps, 16-digit numbers failing Luhn, company names (some with
  南京市…), product names, amounts, registration dates 2015–2024.

About 5 % of every column is blank (NULL, '' or 无); about 1 % of the ID, mobile and card values are
dirty (wrong check character, 10 digits). :data:`LABELS` is the expected set of entities per column
(free text: the entities in ≥ 20 % of its rows).

    >>> sorted(LABELS["bz"])
    ['CN_MOBILE', 'CN_PERSON_NAME']
"""

from __future__ import annotations

import hashlib
from pathlib import Path

LABELS: dict[str, set[str]] = {
    "sfzh": {"CN_RESIDENT_ID"}, "xm": {"CN_PERSON_NAME"}, "lxdh": {"CN_MOBILE"}, "yhkh": {"BANK_CARD"},
    "tyshxydm": {"CN_USCC"}, "jtzz": {"CN_ADDRESS"}, "c1": {"EMAIL"}, "c2": {"IP_ADDRESS"}, "c3": {"MAC_ADDRESS"},
    "c4": {"CN_LICENSE_PLATE"}, "c5": {"GEO_COORDINATE"}, "c6": {"CN_ETHNICITY"},
    "bz": {"CN_PERSON_NAME", "CN_MOBILE"},
    # hard negatives
    "c7": set(), "c8": set(), "c9": set(), "dwmc": set(), "c10": set(), "je": set(), "c11": set(),
}
WHAT = {  # one line per column, for the results table
    "sfzh": "居民身份证号 (MOD 11-2)", "xm": "姓名", "lxdh": "手机号", "yhkh": "银行卡号 19 位 (Luhn)",
    "tyshxydm": "统一社会信用代码 (GB 32100 + GB 11714)", "jtzz": "家庭住址", "c1": "e-mail", "c2": "IPv4",
    "c3": "MAC", "c4": "车牌", "c5": "经纬度 lng,lat", "c6": "民族 (汉族…)", "bz": "备注: 40 % 联系人+电话, 8 % 身份证号",
    "c7": "18 位订单号 (MOD 11-2 错)", "c8": "13 位毫秒时间戳", "c9": "16 位数字 (Luhn 错)", "dwmc": "单位名称 (…有限公司)",
    "c10": "商品名称", "je": "金额", "c11": "登记日期 2015–2024",
}
COLUMNS = list(LABELS)

ETHNIC_GROUPS = [
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
    "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
    "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
    "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
]
# current GB/T 2260 county-level codes
AREAS = [320102, 320104, 320105, 320106, 320111, 320113, 320114, 320115, 320116, 320505, 320506, 320581, 110101,
         110102, 110105, 110106, 110108, 310101, 310104, 310105, 310115, 440103, 440104, 440106, 440305, 330102,
         330105, 330106, 510104, 510107, 420102, 420106, 610102, 610113, 370102, 370203, 210102, 650102, 530102,
         450102, 350102, 430102, 410105, 130102, 340102, 360102, 220102, 230102, 520102, 620102]
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤") + ["欧阳", "司马", "诸葛", "上官"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧平红玲峰辉霞斌鹏宇欣建国志海燕子涵浩然博文思雨佳怡晨阳梓萱俊豪婷晓东丹凤春梅嘉琪")
PROVINCE_CITY_DISTRICT = [("江苏省", "南京市", "玄武区"), ("江苏省", "南京市", "鼓楼区"), ("江苏省", "苏州市", "姑苏区"),
                          ("浙江省", "杭州市", "西湖区"), ("广东省", "广州市", "天河区"), ("广东省", "深圳市", "南山区"),
                          ("", "北京市", "朝阳区"), ("", "上海市", "浦东新区"), ("四川省", "成都市", "武侯区"),
                          ("湖北省", "武汉市", "江汉区"), ("陕西省", "西安市", "雁塔区"), ("山东省", "济南市", "历下区"),
                          ("福建省", "厦门市", "思明区"), ("湖南省", "长沙市", "岳麓区"), ("河南省", "郑州市", "金水区")]
ROADS = ["中山路", "人民路", "解放路", "建设路", "和平街", "长江路", "北京东路", "珠江路", "汉中路", "新街口大街",
         "淮海路", "延安西路", "黄河大道", "学府路", "文昌巷"]
MOBILE_SEGMENTS = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
                   "156", "157", "158", "159", "166", "173", "175", "176", "177", "180", "181", "182", "183", "185",
                   "186", "187", "188", "189", "191", "193", "195", "198", "199"]
MAIL_USERS = ["zhangwei", "wangfang", "li.na", "liuyang", "chenjie", "yangmin", "zhao_lei", "huangxin", "zhoujun",
              "wu.hao", "xuli", "sunqiang"]
MAIL_DOMAINS = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "gmail.com", "js.gov.cn", "139.com"]
PLATE_PROVINCES = list("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青川宁琼")
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
EVENTS = ["反映小区路灯损坏，已派单至街道办事处处理", "咨询公积金提取政策，已电话答复并告知所需材料",
          "投诉夜间施工噪音扰民，已转城管部门核查", "申请最低生活保障资格复核，材料已受理待审核",
          "反映道路积水严重影响出行，已通知市政养护单位", "咨询营业执照变更流程，已告知网上办理渠道",
          "建议增加早高峰公交班次，已转交通运输部门研究", "反映物业服务不到位，已协调社区居委会跟进",
          "咨询新生儿医保参保手续，已一次性告知办理要求", "反映垃圾清运不及时，已督促环卫公司整改"]
COMPANY_CITIES = ["南京", "苏州", "无锡", "杭州", "广州", "深圳", "成都", "武汉", "合肥", "厦门"]
COMPANY_WORDS = ["恒信", "华泰", "金鼎", "远航", "博瑞", "新锐", "鼎盛", "中联", "汇通", "天合", "宏达", "嘉禾"]
COMPANY_TRADES = ["科技", "贸易", "建设工程", "物流", "餐饮管理", "信息技术", "环保科技", "医疗器械", "文化传媒"]
PRODUCTS = ["华为 Mate 60 Pro 手机", "联想 ThinkPad X1 笔记本电脑", "美的 KFR-35GW 空调", "格力 云佳 1.5 匹挂机",
            "海尔 BCD-470 冰箱", "小米 14 Ultra 手机", "大疆 Mini 4 Pro 无人机", "得力 A4 复印纸 70g", "晨光 中性笔 0.5mm",
            "戴尔 U2723QE 显示器", "惠普 LaserJet M1005 打印机", "农夫山泉 550ml 饮用水"]

_ALPHA31 = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015 §4.1: no I, O, Z, S, V
_ALPHA36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # GB 11714-1997 §4.2 values: 0-9, A=10 … Z=35
_GB11714_W = (3, 7, 9, 10, 5, 8, 4, 2)
_GB32100_W = tuple(pow(3, i, 31) for i in range(17))
_GB11643_W = tuple(pow(2, 17 - i, 11) for i in range(17))
_USCC_HEADS = ["91", "91", "91", "91", "92", "93", "12", "11", "51", "52", "Y1"]


def generator_hash() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]


def path_for(work: Path, rows: int) -> Path:
    return work / f"discovery_{rows}_{generator_hash()}.parquet"


# ---- SQL building blocks ---------------------------------------------------------------------------------

def _lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _list(items) -> str:
    return "[" + ", ".join(_lit(x) if isinstance(x, str) else str(x) for x in items) + "]"


def _u(k: int, n: int) -> str:
    """A uniform integer in [0, n) for row i, stream k."""
    return f"(hash(i, {k}) % {n})::BIGINT"


def _pick(k: int, items) -> str:
    return f"{_list(items)}[1 + {_u(k, len(items))}]"


def _digit(num: str, place: int) -> str:
    return f"(({num} // {10 ** place}) % 10)" if place else f"({num} % 10)"


def _weighted(parts: list[tuple[str, int]], weights: tuple[int, ...]) -> str:
    """Σ weight × digit over the digits of integer parts (each ``(sql, width)``, leftmost first)."""
    terms, w = [], iter(weights)
    for num, width in parts:
        for place in range(width - 1, -1, -1):
            terms.append(f"{next(w)} * {_digit(num, place)}")
    return "(" + " + ".join(terms) + ")"


def _luhn_sum(body: str, width: int) -> str:
    """Luhn sum of an integer body whose check digit goes to its right: the rightmost body digit is doubled."""
    terms = []
    for k in range(width):
        d = _digit(body, k)
        terms.append(f"(2 * {d} - 9 * ({d} // 5))" if k % 2 == 0 else d)
    return "(" + " + ".join(terms) + ")"


def _blank(k: int, expr: str) -> str:
    """~5 % blanks: 3 % NULL, 1 % '', 1 % 无."""
    r = _u(k, 1000)
    return f"CASE WHEN {r} < 30 THEN NULL WHEN {r} < 40 THEN '' WHEN {r} < 50 THEN '无' ELSE {expr} END"


def select_sql(rows: int) -> str:
    areas = _list(AREAS)
    # stage 1: the integers every derived value is built from
    s1 = {
        "area": f"{areas}[1 + {_u(1, len(AREAS))}]",
        "birth": f"strftime(DATE '1940-01-01' + {_u(2, 29200)}::INTEGER, '%Y%m%d')::BIGINT",
        "seq": _u(3, 1000),
        "card": f"{_list([621700, 622202, 622848, 621226, 623668])}[1 + {_u(4, 5)}] * 1000000000000 + {_u(5, 10 ** 12)}",
        "bad16": f"622202000000000 + {_u(6, 10 ** 9)}",
        "ord_area": f"{areas}[1 + {_u(7, len(AREAS))}]",
        "ord_date": f"strftime(DATE '2015-01-01' + {_u(8, 3650)}::INTEGER, '%Y%m%d')::BIGINT",
        "ord_seq": _u(9, 1000),
        "uscc_head": _u(10, len(_USCC_HEADS)),
        "uscc_area": f"{areas}[1 + {_u(11, len(AREAS))}]",
        "uscc_ma": f"{_u(12, 2)} = 0",
        **{f"o{j}": _u(20 + j, 31) for j in range(3, 9)},
        **{f"od{j}": _u(30 + j, 10) for j in range(1, 9)},
        "surname": _pick(40, SURNAMES),
        "g1": _pick(41, GIVEN),
        "g2": f"CASE WHEN {_u(42, 10)} < 6 THEN {_pick(43, GIVEN)} ELSE '' END",
        "mobile": f"{_pick(44, MOBILE_SEGMENTS)} || lpad({_u(45, 10 ** 8)}::VARCHAR, 8, '0')",
        "r_text": _u(46, 100),
    }
    # stage 2: check characters
    id_sum = _weighted([("area", 6), ("birth", 8), ("seq", 3)], _GB11643_W)
    ord_sum = _weighted([("ord_area", 6), ("ord_date", 8), ("ord_seq", 3)], _GB11643_W)
    # organisation code characters as indices into GB 32100's alphabet: MA + 6, or 8 digits
    org = [f"CASE WHEN uscc_ma THEN {_ALPHA31.index('M')} ELSE od1 END",
           f"CASE WHEN uscc_ma THEN {_ALPHA31.index('A')} ELSE od2 END"] + \
          [f"CASE WHEN uscc_ma THEN o{j} ELSE od{j} END" for j in range(3, 9)]
    v36 = _list([_ALPHA36.index(c) for c in _ALPHA31])
    s2 = {
        "id_check": f"{id_sum} % 11",
        "ord_check": f"{ord_sum} % 11",
        "card_luhn": f"(10 - {_luhn_sum('card', 18)} % 10) % 10",
        "bad16_luhn": f"(10 - {_luhn_sum('bad16', 15)} % 10) % 10",
        **{f"x{j + 1}": e for j, e in enumerate(org)},
    }
    # stage 3: the GB 11714 check character (index into GB 32100's alphabet) of the organisation code
    org_sum = " + ".join(f"{w} * {v36}[1 + x{j + 1}]" for j, w in enumerate(_GB11714_W))
    c9 = f"(11 - ({org_sum}) % 11)"
    s3 = {"org_check": f"CASE WHEN {c9} = 10 THEN {_ALPHA31.index('X')} WHEN {c9} = 11 THEN 0 ELSE {c9} END"}
    # stage 4: the GB 32100 check character over the 17 characters
    heads1 = _list([_ALPHA31.index(h[0]) for h in _USCC_HEADS])
    heads2 = _list([_ALPHA31.index(h[1]) for h in _USCC_HEADS])
    chars = [f"{heads1}[1 + uscc_head]", f"{heads2}[1 + uscc_head]"] + \
            [_digit("uscc_area", p) for p in range(5, -1, -1)] + [f"x{j}" for j in range(1, 9)] + ["org_check"]
    uscc_sum = " + ".join(f"{w} * {c}" for w, c in zip(_GB32100_W, chars))
    s4 = {"uscc_check": f"(31 - ({uscc_sum}) % 31) % 31"}

    a31 = _lit(_ALPHA31)
    ch = lambda idx: f"substr({a31}, 1 + {idx}, 1)"
    idchars = _lit("10X98765432")
    body17 = "lpad(area::VARCHAR, 6, '0') || lpad(birth::VARCHAR, 8, '0') || lpad(seq::VARCHAR, 3, '0')"
    resident_id = f"{body17} || substr({idchars}, 1 + id_check, 1)"
    dirty_id = f"{body17} || substr({idchars}, 1 + (id_check + 1 + {_u(50, 10)}) % 11, 1)"
    name = "surname || g1 || g2"
    pcd = _u(51, len(PROVINCE_CITY_DISTRICT))
    prov, city, dist = (_list([t[k] for t in PROVINCE_CITY_DISTRICT]) + f"[1 + {pcd}]" for k in range(3))
    room = f"CASE WHEN {_u(52, 10)} < 4 THEN ({_u(53, 30)} + 1)::VARCHAR || '幢' || ({_u(54, 2400)} + 101)::VARCHAR || '室' ELSE '' END"
    address = f"{prov} || {city} || {dist} || {_pick(55, ROADS)} || ({_u(56, 300)} + 1)::VARCHAR || '号' || {room}"
    email = f"{_pick(57, MAIL_USERS)} || {_u(58, 1000)}::VARCHAR || '@' || {_pick(59, MAIL_DOMAINS)}"
    ip = f"({_u(60, 223)} + 1)::VARCHAR || '.' || {_u(61, 256)}::VARCHAR || '.' || {_u(62, 256)}::VARCHAR || '.' || ({_u(63, 254)} + 1)::VARCHAR"
    mac = "printf('%02X:%02X:%02X:%02X:%02X:%02X', " + ", ".join(f"(hash(i, 64) >> {8 * k}) & 255" for k in range(6)) + ")"
    plate_char = lambda k: _pick(k, list("0123456789" * 3 + PLATE_LETTERS))
    plate = (f"{_pick(65, PLATE_PROVINCES)} || {_pick(66, list(PLATE_LETTERS))} || CASE WHEN {_u(67, 10)} = 0 "
             f"THEN {_pick(68, ['D', 'F'])} || {plate_char(69)} || lpad({_u(70, 10000)}::VARCHAR, 4, '0') "
             f"ELSE {plate_char(71)} || {plate_char(72)} || {plate_char(73)} || {plate_char(74)} || {_u(75, 10)}::VARCHAR END")
    geo = f"printf('%.6f,%.6f', 100 + {_u(76, 22_000_000)} / 1e6, 22 + {_u(77, 18_000_000)} / 1e6)"
    ethnic = f"CASE WHEN {_u(78, 10)} < 9 THEN '汉族' ELSE {_pick(79, ETHNIC_GROUPS[1:])} END"
    event = _pick(80, EVENTS)
    remark = (f"CASE WHEN r_text < 40 THEN '联系人' || {name} || '，电话' || mobile || '，' || {event} "
              f"WHEN r_text < 48 THEN '来访人证件号码' || {resident_id} || '，' || {event} ELSE {event} END")
    order_no = (f"lpad(ord_area::VARCHAR, 6, '0') || ord_date::VARCHAR || lpad(ord_seq::VARCHAR, 3, '0') || "
                f"substr({idchars}, 1 + (ord_check + 1 + {_u(81, 10)}) % 11, 1)")
    millis = f"(1420070400000 + {_u(82, 330_000_000_000)})::VARCHAR"
    not_luhn = f"bad16::VARCHAR || ((bad16_luhn + 1 + {_u(83, 9)}) % 10)::VARCHAR"
    company = (f"CASE WHEN {_u(84, 10)} < 3 THEN {_pick(85, COMPANY_CITIES)} || '市' ELSE {_pick(86, COMPANY_CITIES)} END"
               f" || {_pick(87, COMPANY_WORDS)} || {_pick(88, COMPANY_TRADES)} || '有限公司'")
    product = _pick(89, PRODUCTS)
    amount = f"printf('%.2f', {_u(90, 10_000_000)} / 100.0)"
    reg_date = f"strftime(DATE '2015-01-01' + {_u(91, 3650)}::INTEGER, '%Y-%m-%d')"
    uscc = (f"{ch(f'{heads1}[1 + uscc_head]')} || {ch(f'{heads2}[1 + uscc_head]')} || lpad(uscc_area::VARCHAR, 6, '0') || "
            + " || ".join(ch(f"x{j}") for j in range(1, 9)) + f" || {ch('org_check')} || {ch('uscc_check')}")
    card = "card::VARCHAR || card_luhn::VARCHAR"
    dirty = lambda k, good, bad: f"CASE WHEN {_u(k, 100)} = 0 THEN {bad} ELSE {good} END"
    out = {
        "sfzh": dirty(100, resident_id, dirty_id), "xm": name,
        "lxdh": dirty(101, "mobile", "substr(mobile, 1, 10)"),
        "yhkh": dirty(102, card, "card::VARCHAR || ((card_luhn + 1) % 10)::VARCHAR"), "tyshxydm": uscc,
        "jtzz": address, "c1": email, "c2": ip, "c3": mac, "c4": plate, "c5": geo, "c6": ethnic, "bz": remark,
        "c7": order_no, "c8": millis, "c9": not_luhn, "dwmc": company, "c10": product, "je": amount, "c11": reg_date,
    }
    assert list(out) == COLUMNS
    sel = lambda d: ", ".join(f"{e} AS {k}" for k, e in d.items())
    final = ", ".join(f"{_blank(200 + n, e)} AS {k}" for n, (k, e) in enumerate(out.items()))
    return (f"WITH s1 AS (SELECT i, {sel(s1)} FROM range({int(rows)}) t(i)),\n"
            f"s2 AS (SELECT *, {sel(s2)} FROM s1),\n"
            f"s3 AS (SELECT *, {sel(s3)} FROM s2),\n"
            f"s4 AS (SELECT *, {sel(s4)} FROM s3)\n"
            f"SELECT {final} FROM s4")


def write_parquet(path: Path, rows: int, *, threads: int | None = None) -> None:
    import duckdb

    tmp = path.with_suffix(".tmp")
    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    con.execute("SET preserve_insertion_order = true")
    con.execute(f"COPY ({select_sql(rows)}) TO '{tmp}' (FORMAT parquet, COMPRESSION zstd)")
    con.close()
    tmp.rename(path)


def ensure(work: Path, rows: int) -> tuple[Path, float | None]:
    """The cached file for ``rows`` (generated when missing) and the seconds generation took (None: cached)."""
    import time

    path = path_for(work, rows)
    if path.exists():
        return path, None
    work.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    write_parquet(path, rows)
    return path, time.perf_counter() - t


def verify_sample(path: Path, k: int = 20000) -> dict[str, int]:
    """Check the SQL check characters against shuzhi.standards.checksums on the first ``k`` rows:
    positives valid (bar the planted ~1 % dirty values), negatives invalid."""
    import duckdb

    from shuzhi.standards import checksums

    rows = duckdb.sql(f"SELECT sfzh, yhkh, tyshxydm, c7, c9 FROM '{path}' LIMIT {int(k)}").fetchall()
    out = {"rows": len(rows), "sfzh_invalid": 0, "yhkh_invalid": 0, "uscc_invalid": 0, "c7_valid": 0, "c9_valid": 0}
    for sfzh, yhkh, uscc, order_no, c9 in rows:
        out["sfzh_invalid"] += bool(sfzh and sfzh != "无" and not checksums.gb11643_valid(sfzh))
        out["yhkh_invalid"] += bool(yhkh and yhkh != "无" and not checksums.luhn_valid(yhkh))
        out["uscc_invalid"] += bool(uscc and uscc != "无" and not checksums.gb32100_valid(uscc))
        out["c7_valid"] += bool(order_no and order_no != "无" and checksums.gb11643_valid(order_no))
        out["c9_valid"] += bool(c9 and c9 != "无" and checksums.luhn_valid(c9))
    return out


if __name__ == "__main__":
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    p, took = ensure(Path(__file__).resolve().parent.parent / "work", n)
    print(p, took, verify_sample(p))
