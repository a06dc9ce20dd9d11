"""Each recognizer as a truth table: (value, header hint, expected, reason), on DuckDB and Spark.

Identifiers are built with the pure reference functions of ``shuzhi.standards.checksums``; the
engine expression must agree with the expected answer on every row.
"""

from __future__ import annotations

import datetime as dt

import ibis
import pandas as pd
import pytest

from shuzhi.discovery.recognizer import PREPARE, get, registry
from shuzhi.grading.templates import ENTITIES
from shuzhi.standards.checksums import (
    gb11643_check_char,
    gb11714_check_char,
    gb32100_check_char,
    luhn_check_digit,
)
from shuzhi.workspace import Workspace


def rid(body17: str) -> str:
    return body17 + gb11643_check_char(body17)


def bad_check(valid: str) -> str:
    last = valid[-1]
    return valid[:-1] + ("0" if last != "0" else "1")


def uscc(body17: str) -> str:
    return body17 + gb32100_check_char(body17)


def uscc_of(prefix: str, org8: str) -> str:
    return uscc(prefix + org8 + gb11714_check_char(org8))


def card(body: str) -> str:
    return body + luhn_check_digit(body)


ID1 = rid("11010519491231002")
CARD = card("622202123456789012")  # 19 digits
ORG = "60003734" + gb11714_check_char("60003734")
H, NOT = True, False  # header points to the entity / does not
Case = tuple[str | None, bool, bool | None, str]

CASES: dict[str, list[Case]] = {
    "CN_RESIDENT_ID": [
        (ID1, NOT, True, "valid 18-digit number"),
        (ID1.lower(), NOT, True, "lower-case x is cleaned to X") if ID1.endswith("X") else (f" {ID1} ", NOT, True, "surrounding spaces"),
        (bad_check(ID1), NOT, False, "wrong check character"),
        (rid("11010519491331002"), NOT, False, "month 13"),
        (rid("99010519491231002"), NOT, False, "no province 99"),
        (rid("81000019900101123"), NOT, True, "Hong Kong residents' residence permit (810000)"),
        (rid("83000019900101123"), NOT, True, "Taiwan residents' residence permit (830000)"),
        ("110105491231002", NOT, True, "15-digit first-generation number"),
        ("110105491331002", NOT, False, "15 digits, month 13"),
        (rid("11010530000101002"), NOT, False, "born in the future"),
        ("2024010112345678", NOT, False, "16 digits"),
        (None, NOT, None, "NULL"),
    ],
    "CN_MOBILE": [
        ("13912345678", NOT, True, "plain"),
        ("+86 139 1234 5678", NOT, True, "+86 and spaces"),
        ("0086-139-1234-5678", NOT, True, "0086 and dashes"),
        ("86-13912345678", NOT, True, "86-"),
        ("19912345678", NOT, True, "199 segment"),
        ("12012345678", NOT, False, "no 12x segment"),
        ("10612345678", NOT, False, "10x serial"),
        ("1391234567", NOT, False, "10 digits"),
        ("139123456789", NOT, False, "12 digits"),
        ("1700000000000", NOT, False, "13-digit millisecond timestamp"),
    ],
    "CN_LANDLINE": [
        ("025-83245678", NOT, True, "Nanjing"),
        ("(010)62345678", NOT, True, "brackets"),
        ("0512 6523 4567", NOT, False, "space inside the local number"),
        ("0512-65234567", NOT, True, "four-digit area code"),
        ("025-83245678-801", NOT, True, "extension"),
        ("83245678", NOT, False, "no area code, no header"),
        ("83245678", H, True, "no area code under a phone header"),
        ("13912345678", NOT, False, "a mobile number"),
        ("025-03245678", NOT, False, "local number starting 0"),
    ],
    "BANK_CARD": [
        (CARD, NOT, True, "19 digits, Luhn"),
        (" ".join(CARD[i:i + 4] for i in range(0, len(CARD), 4)), NOT, True, "groups of four"),
        (card("622588123456789"), NOT, True, "16 digits"),
        (bad_check(CARD), NOT, False, "Luhn fails"),
        (card("12345678901234567"), NOT, False, "issuer number starting 1"),
        (card("6222021234567"), NOT, False, "14 digits"),
    ],
    "CN_USCC": [
        (uscc_of("91320102", "60003734"), NOT, True, "enterprise"),
        (uscc_of("N2110000", "MA001234"), NOT, True, "letter first (N, 农业)"),
        (uscc_of("Y1110000", "MA001234"), NOT, True, "letter first (Y)"),
        (bad_check(uscc_of("91320102", "60003734")), NOT, False, "wrong check character"),
        (uscc("913201026000373400"[:17]), NOT, False, "embedded organisation code fails GB 11714"),
        ("91320102600037341I", NOT, False, "I is not in the GB 32100 set"),
    ],
    "CN_ORG_CODE": [
        (ORG, NOT, True, "9 characters"),
        (ORG[:8] + "-" + ORG[8], NOT, True, "written with a dash"),
        (bad_check(ORG), NOT, False, "wrong check character"),
        ("6000373", NOT, False, "too short"),
    ],
    "CN_PASSPORT": [
        ("E12345678", NOT, True, "E + 8 digits"),
        ("EA1234567", NOT, True, "E + letter + 7 digits"),
        ("EI1234567", NOT, False, "no I after E"),
        ("G12345678", NOT, True, "G + 8 digits"),
        ("141234567", NOT, False, "old 14 + 7 digits, no header"),
        ("141234567", H, True, "old 14 + 7 digits under a passport header"),
        ("A12345678", NOT, False, "A is not a passport letter"),
    ],
    "CN_HKMO_PERMIT": [
        ("C12345678", NOT, True, "C + 8 digits"),
        ("CA1234567", NOT, True, "C + letter + 7 digits"),
        ("H1234567801", NOT, True, "home-return permit, 11 characters"),
        ("C1234567", NOT, False, "7 digits"),
    ],
    "CN_LICENSE_PLATE": [
        ("苏A12345", NOT, True, "ordinary"),
        ("苏A·12345", NOT, True, "with a middle dot"),
        ("苏AD12345", NOT, True, "small new-energy"),
        ("苏A12345D", NOT, True, "large new-energy"),
        ("苏A1234学", NOT, True, "driving school"),
        ("苏I12345", NOT, False, "no I"),
        ("A12345", NOT, False, "no province"),
    ],
    "EMAIL": [("zhang.wei@js.gov.cn", NOT, True, "government"), ("zhang@", NOT, False, "no domain"), ("a@b", NOT, False, "no TLD")],
    "IP_ADDRESS": [
        ("10.0.0.1", NOT, True, "v4"), ("256.1.1.1", NOT, False, "octet above 255"), ("2001:db8::1", NOT, True, "v6"),
        ("aa:bb:cc:dd:ee:ff", NOT, False, "a MAC address"), ("1.2.3", NOT, False, "three parts"),
    ],
    "MAC_ADDRESS": [
        ("AA:BB:CC:DD:EE:FF", NOT, True, "colons"), ("aa-bb-cc-dd-ee-ff", NOT, True, "dashes"),
        ("aabb.ccdd.eeff", NOT, True, "Cisco dots"), ("AA:BB:CC:DD:EE", NOT, False, "five groups"),
    ],
    "CN_PERSON_NAME": [
        ("张三", NOT, True, "two characters"), ("欧阳娜娜", NOT, True, "compound surname"),
        ("阿卜杜·热合曼", NOT, True, "minority name with a middle dot"),
        ("汉族", NOT, False, "an ethnic group"), ("南京市", NOT, False, "a city"),
        ("南京华泰科技有限公司", NOT, False, "a company"), ("智能手机", NOT, False, "a product (智 is no surname)"),
        ("张", NOT, False, "one character"),
    ],
    "CN_ADDRESS": [
        ("江苏省南京市玄武区中山路18号3幢201室", NOT, True, "full address"),
        ("南京市鼓楼区汉中路2号", NOT, True, "city and street"),
        ("苏州市第一人民医院", NOT, False, "a hospital"),
        ("南京华泰科技有限公司", NOT, False, "a company"),
        ("有机大米5kg", NOT, False, "a product"),
    ],
    "GEO_COORDINATE": [
        ("118.796877,32.060255", NOT, True, "lng,lat in China"),
        ("32.060255,118.796877", NOT, True, "lat,lng"),
        ("(118.796877, 32.060255)", NOT, True, "brackets and a space"),
        ("-73.985428,40.748817", NOT, False, "New York, no header"),
        ("-73.985428,40.748817", H, True, "New York under a coordinates header"),
        ("118.796877", NOT, False, "one number, no header"),
        ("118.796877", H, True, "one number under 经度"),
        ("1.5,2.5", NOT, False, "too few decimals"),
    ],
    "CN_ETHNICITY": [("汉族", NOT, True, "name"), ("01", NOT, False, "code, no header"), ("01", H, True, "code under 民族"),
                     ("汉", H, True, "short name under 民族"), ("火星族", NOT, False, "not in GB/T 3304")],
    "DATE_OF_BIRTH": [("1990-01-01", H, True, "ISO"), ("1990年1月1日", H, True, "Chinese"), ("19900101", H, True, "compact"),
                      ("1890-01-01", H, False, "before 1900"), ("1990-02-30", H, False, "no such day")],
    "RELIGIOUS_BELIEF": [("佛教", NOT, True, "a religion"), ("伊斯兰教", NOT, True, "a religion"), ("无党派", NOT, False, "not a religion")],
}


def _table(values: list[str | None]) -> ibis.Table:
    return ibis.memtable(pd.DataFrame({"v": pd.Series(values, dtype=object)}), schema={"v": "string"})


@pytest.mark.parametrize("entity", sorted(CASES))
def test_truth_table(any_ws: Workspace, entity: str) -> None:
    r = get(entity)
    cases = CASES[entity]
    t = _table([c[0] for c in cases])
    v = PREPARE[r.PREPARE](t.v)
    flags = {}
    for hinted in (False, True):
        m = r.match(v, hinted=hinted)
        assert m is not None
        flags[f"h{int(hinted)}"] = m
    got = any_ws.engine.to_pyarrow(t.select(**flags)).to_pylist()
    for (value, hinted, expected, reason), row in zip(cases, got, strict=True):
        answer = row[f"h{int(hinted)}"]
        assert answer == expected, (entity, value, reason, answer)


def test_every_entity_is_registered_once_and_known_to_the_templates() -> None:
    assert sorted(registry()) == sorted(ENTITIES)
    header_only = {e for e, r in registry().items() if r.header_only}
    assert header_only == {"HEALTH_INFO", "BIOMETRIC", "FINANCIAL_ACCOUNT", "PRECISE_LOCATION", "MINOR_INFO"}


def test_prefilters_let_every_valid_value_through(ws: Workspace) -> None:
    """The first pass must not drop what the validator would accept."""
    for entity, cases in CASES.items():
        r = get(entity)
        if r.PREFILTER is None:
            continue
        t = _table([c[0] for c in cases if c[2]])
        got = ws.engine.to_pyarrow(t.select(p=t.v.re_search(r.PREFILTER))).to_pylist()
        assert all(row["p"] for row in got), (entity, [c[0] for c in cases if c[2]], got)


def test_the_scanners_prefilter_shortcuts_change_no_answer(any_ws: Workspace) -> None:
    """The scanner searches one or two literals with ``contains`` and skips values shorter than a prefilter's
    shortest match: the same answers as the regex, on every case and on short, padded and empty values."""
    from shuzhi.discovery.scan import _prefilter

    values = sorted({c[0] for cases in CASES.values() for c in cases if c[0] is not None})
    values += ["", " ", "\u3000", "教", "信仰", "无宗教信仰", "a@b", "@", "1", "12", " 13912345678 ", "\t11010519491231002X\n"]
    t = _table(values + [None])
    flags = {}
    for entity, r in registry().items():
        if r.PREFILTER:
            flags[f"{entity}_regex"] = t.v.re_search(r.PREFILTER).fill_null(False)
            flags[f"{entity}_scan"] = _prefilter(any_ws.engine, t.v, r.PREFILTER).fill_null(False)
    rows = any_ws.engine.to_pyarrow(t.select("v", **flags)).to_pylist()
    for entity in {k.rsplit("_", 1)[0] for k in flags}:
        assert [row[f"{entity}_scan"] for row in rows] == [row[f"{entity}_regex"] for row in rows], entity
    assert sum(row["RELIGIOUS_BELIEF_scan"] for row in rows) >= 3 and sum(row["CN_RESIDENT_ID_scan"] for row in rows) >= 2


def test_spans_find_candidates_in_text(ws: Workspace) -> None:
    text = ["联系人张三,电话13912345678", f"申请人李四（身份证号{ID1}）办理", f"卡号 {CARD} 已冻结", "请联系王五 139-1234-5678", "材料齐全，已办结"]
    t = _table(text)
    out = {}
    for entity in ("CN_PERSON_NAME", "CN_MOBILE", "CN_RESIDENT_ID", "BANK_CARD"):
        r = get(entity)
        assert r.SPAN
        cand = PREPARE[r.PREPARE](t.v.re_extract(r.SPAN, 1).nullif(""))
        out[entity] = r.match(cand, hinted=False).fill_null(False)
    rows = ws.engine.to_pyarrow(t.select(**out)).to_pylist()
    assert [r["CN_PERSON_NAME"] for r in rows] == [True, True, False, False, False]  # 请联系 is no context word
    assert [r["CN_MOBILE"] for r in rows] == [True, False, False, True, False]
    assert [r["CN_RESIDENT_ID"] for r in rows] == [False, True, False, False, False]
    assert [r["BANK_CARD"] for r in rows] == [False, False, True, False, False]


def test_birth_dates_need_a_header() -> None:
    assert get("DATE_OF_BIRTH").VALUES_DECIDE is False
    assert dt.date.today().year > 2000


def test_yielding_is_one_level_deep() -> None:
    """The scanner tests the entities others yield to before those, on the values as they are: they must not yield themselves."""
    known = registry()
    for r in known.values():
        for other in r.YIELDS_TO:
            assert other in known and not known[other].YIELDS_TO, (r.ENTITY, other)
    assert known["BANK_CARD"].YIELDS_TO == ("CN_RESIDENT_ID",) and known["CN_USCC"].YIELDS_TO == ("CN_RESIDENT_ID",)
