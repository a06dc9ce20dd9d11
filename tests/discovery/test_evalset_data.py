"""The discovery evaluation corpus itself: its shape, its files, determinism, and every generated
positive checked against an independent reference (python-stdnum, ipaddress, Faker's surname list,
libphonenumber's CN mobile pattern); every hard negative checked to fail the checksums it imitates."""

from __future__ import annotations

import base64
import binascii
import csv
import datetime as dt
import ipaddress
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from discovery.evalset import (
    ENTITIES,
    FREE_TEXT_THRESHOLD,
    TABLE_ENCODINGS,
    EvalColumn,
    eval_columns,
    write_tables,
)
from faker.providers.person.zh_CN import Provider as FakerPerson
from stdnum import luhn
from stdnum.cn import ric, uscc

from shuzhi.standards.checksums import gb11643_valid, gb11714_valid, gb32100_valid
from shuzhi.standards.codelists import load_codelist

ROWS = 300
PLACEHOLDERS = {"无", "-", "不详"}


@pytest.fixture(scope="module")
def columns() -> list[EvalColumn]:
    return eval_columns()


def by_name(columns: list[EvalColumn], table: str, name: str) -> EvalColumn:
    return next(c for c in columns if (c.table, c.name) == (table, name))


def is_free_text(c: EvalColumn) -> bool:
    return c.note.startswith("free text")


def is_hard_negative(c: EvalColumn) -> bool:
    return not c.expected and c.note.startswith("hard negative")


# ---------------------------------------------------------------- independent validators, one per entity

# libphonenumber's CN mobile pattern (metadata 9.0.x), as quoted in reference/pii-anchors.md §5
CN_MOBILE = re.compile(r"1(?:610\d|740[0-5])\d{6}|1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8}")
CN_LANDLINE = re.compile(r"(?:\(0\d{2,3}\)|0\d{2,3}[- ])[2-8]\d{6,7}")
PLATE = re.compile(r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]·?"
                   r"(?:[DF][A-HJ-NP-Z0-9]{5}|\d{5}[DF]|[A-HJ-NP-Z0-9]{5})")
PASSPORT = re.compile(r"E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8}")
HKMO_PERMIT = re.compile(r"C\d{8}|C[A-HJ-NP-Z]\d{7}")
EMAIL = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
MAC = re.compile(r"[0-9a-f]{2}(?::[0-9a-f]{2}){5}|[0-9A-F]{2}(?:-[0-9A-F]{2}){5}")
COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "司徒", "令狐", "夏侯"}
SURNAMES = set(FakerPerson.last_names) | COMPOUND_SURNAMES
RELIGIONS = {"佛教", "道教", "伊斯兰教", "天主教", "基督教", "无"}
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y%m%d")


def _date(text: str, fmt: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text, fmt).date()
    except ValueError:
        return None


def valid_resident_id(v: str) -> bool:
    if len(v) == 15:  # legacy: area + YYMMDD + sequence, no check character
        return v.isdigit() and v[:6] in load_codelist("GB/T 2260") and _date("19" + v[6:12], "%Y%m%d") is not None
    if v[:6] in ("810000", "820000", "830000"):  # residence permits: stdnum rejects the area, so check the parts
        return (len(v) == 18 and v[:17].isdigit() and ric.calc_check_digit(v) == v[17]
                and _date(v[6:14], "%Y%m%d") is not None)
    return ric.is_valid(v) and v[:6] in load_codelist("GB/T 2260")


def mobile_digits(v: str) -> str:
    d = re.sub(r"[\s-]", "", v)
    for prefix in ("+86", "0086", "86"):
        if d.startswith(prefix) and len(d) == len(prefix) + 11:
            return d[len(prefix):]
    return d


def valid_uscc(v: str) -> bool:
    if len(v) != 18:
        return False
    if v[0].isdigit():
        return uscc.is_valid(v) and gb11714_valid(v[8:17])
    # stdnum.cn.uscc rejects letter-first codes (N…, Y…, A…), so compare its check character directly
    return v[2:8].isdigit() and uscc.calc_check_digit(v[:17]) == v[17] and gb11714_valid(v[8:17])


def valid_bank_card(v: str) -> bool:
    d = v.replace(" ", "")
    return d.isdigit() and 16 <= len(d) <= 19 and luhn.is_valid(d)


def valid_coordinate(v: str) -> bool:
    try:
        parts = [float(p) for p in v.split(",")]
    except ValueError:
        return False
    if len(parts) == 2:
        return 73 <= parts[0] <= 136 and 3 <= parts[1] <= 54
    return len(parts) == 1 and (73 <= parts[0] <= 136 or 3 <= parts[0] <= 54)


@cache
def county_names() -> frozenset[str]:
    return frozenset(r["name"] for r in load_codelist("GB/T 2260").rows if r["level"] == "county")


def valid_address(v: str) -> bool:
    """A GB/T 2260 county name within the first 20 characters, and a house number."""
    names = county_names()
    head = v[:20]
    has_county = any(head[i:j] in names for j, c in enumerate(head, 1) if c in "区县市旗" for i in range(max(0, j - 9), j - 1))
    return has_county and "号" in v


def valid_biometric(v: str) -> bool:
    try:
        return len(bytes.fromhex(v)) >= 64 if re.fullmatch(r"[0-9a-f]+", v) else len(base64.b64decode(v)) >= 64
    except (ValueError, binascii.Error):
        return False


VALID: dict[str, Callable[[str], bool]] = {
    "CN_RESIDENT_ID": valid_resident_id,
    "CN_MOBILE": lambda v: CN_MOBILE.fullmatch(mobile_digits(v)) is not None,
    "CN_LANDLINE": lambda v: CN_LANDLINE.fullmatch(v) is not None,
    "BANK_CARD": valid_bank_card,
    "CN_USCC": valid_uscc,
    "CN_ORG_CODE": gb11714_valid,
    "CN_PASSPORT": lambda v: PASSPORT.fullmatch(v) is not None,
    "CN_HKMO_PERMIT": lambda v: HKMO_PERMIT.fullmatch(v) is not None,
    "CN_LICENSE_PLATE": lambda v: PLATE.fullmatch(v) is not None,
    "EMAIL": lambda v: EMAIL.fullmatch(v) is not None,
    "IP_ADDRESS": lambda v: re.fullmatch(r"[0-9a-f.:]+", v) is not None and bool(_ip(v)),
    "MAC_ADDRESS": lambda v: MAC.fullmatch(v) is not None,
    "CN_PERSON_NAME": lambda v: 2 <= len(v) <= 4 and (v[0] in SURNAMES or v[:2] in SURNAMES)
    and re.fullmatch(r"[\u4e00-\u9fff]+", v) is not None,
    "CN_ADDRESS": valid_address,
    "GEO_COORDINATE": valid_coordinate,
    "CN_ETHNICITY": lambda v: v in load_codelist("GB/T 3304") or v in {r["name"] for r in load_codelist("GB/T 3304").rows},
    "DATE_OF_BIRTH": lambda v: any((d := _date(v, f)) and 1900 <= d.year <= 2026 for f in DATE_FORMATS),
    "RELIGIOUS_BELIEF": lambda v: v in RELIGIONS,
    "BIOMETRIC": valid_biometric,
}


def _ip(v: str) -> bool:
    try:
        ipaddress.ip_address(v)
    except ValueError:
        return False
    return True


def checked(c: EvalColumn) -> list[Callable[[str], bool]]:
    return [VALID[e] for e in sorted(c.expected) if e in VALID]


def valid_share(c: EvalColumn) -> tuple[float, int]:
    """Share of non-empty cells valid for at least one expected entity, and the number of non-empty cells."""
    filled = [v for v in c.values if v is not None]
    checks = checked(c)
    return sum(any(f(v) for f in checks) for v in filled) / len(filled), len(filled)


# ---------------------------------------------------------------- shape


def test_corpus_size(columns: list[EvalColumn]) -> None:
    assert len(columns) >= 40
    assert sum(bool(c.expected) for c in columns) >= 30
    assert sum(is_hard_negative(c) for c in columns) >= 8
    assert 4 <= len({c.table for c in columns}) <= 5


def test_tables_and_encodings(columns: list[EvalColumn]) -> None:
    assert [*dict.fromkeys(c.table for c in columns)] == list(TABLE_ENCODINGS)
    assert {"utf-8", "gbk", "utf-8-sig"} <= set(TABLE_ENCODINGS.values())
    assert list(TABLE_ENCODINGS.values()).count("utf-8-sig") == 1


@pytest.mark.parametrize("rows", [ROWS, 17])
def test_every_column_has_rows_values(rows: int) -> None:
    for c in eval_columns(rows=rows):
        assert len(c.values) == rows, (c.table, c.name)
        assert all(v is None or (isinstance(v, str) and v != "") for v in c.values), (c.table, c.name)


def test_column_names_unique_per_table(columns: list[EvalColumn]) -> None:
    for table in TABLE_ENCODINGS:
        names = [c.name for c in columns if c.table == table]
        assert len(names) == len(set(names)), table


def test_labels_are_known_and_explained(columns: list[EvalColumn]) -> None:
    for c in columns:
        assert c.expected <= ENTITIES, (c.table, c.name, c.expected - ENTITIES)
        assert c.note.strip(), (c.table, c.name)
        assert any(v is not None for v in c.values), f"{c.table}.{c.name} is all empty"
        if not c.expected and not is_free_text(c):
            assert is_hard_negative(c), f"{c.table}.{c.name}: a column expecting nothing must be a noted hard negative"


def test_deterministic() -> None:
    assert eval_columns() == eval_columns()
    assert eval_columns(seed=8) != eval_columns()


# ---------------------------------------------------------------- files


def test_write_tables_round_trips(tmp_path: Path, columns: list[EvalColumn]) -> None:
    paths = write_tables(tmp_path)
    assert set(paths) == set(TABLE_ENCODINGS)
    for table, path in paths.items():
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") == (TABLE_ENCODINGS[table] == "utf-8-sig"), table
        with path.open(encoding=TABLE_ENCODINGS[table], newline="") as f:
            header, *rows = list(csv.reader(f))
        cols = [c for c in columns if c.table == table]
        assert header == [c.name for c in cols]
        assert rows == [["" if v is None else v for v in row] for row in zip(*(c.values for c in cols))]


def test_gbk_tables_encode_as_gbk(tmp_path: Path, columns: list[EvalColumn]) -> None:
    gbk = [t for t, e in TABLE_ENCODINGS.items() if e == "gbk"]
    assert gbk
    for c in columns:
        if c.table in gbk:
            for text in (c.name, *(v for v in c.values if v is not None)):
                assert text.encode("gbk").decode("gb18030") == text, (c.table, c.name, text)
    paths = write_tables(tmp_path, rows=50)
    for table in gbk:
        with pytest.raises(UnicodeDecodeError):  # really GBK bytes, not UTF-8
            paths[table].read_bytes().decode("utf-8")


# ---------------------------------------------------------------- positives against independent references


def test_structured_positives_are_valid(columns: list[EvalColumn]) -> None:
    """Non-empty cells of each positive column pass an independent validator, bar the deliberate dirt."""
    for c in columns:
        if c.expected and checked(c) and not is_free_text(c):
            share, filled = valid_share(c)
            assert share >= 0.85, (c.table, c.name, share)
            assert filled >= 20, (c.table, c.name)


def test_positives_are_dirty_but_not_too_dirty(columns: list[EvalColumn]) -> None:
    """Scanners must work with ratios: most positive columns have some 3–15 % empty or bad cells."""
    dirt = {}
    for c in columns:
        if c.expected and checked(c) and not is_free_text(c) and not c.note.startswith("sparse"):
            checks = checked(c)
            bad = sum(v is None or not any(f(v) for f in checks) for v in c.values)
            dirt[f"{c.table}.{c.name}"] = bad / len(c.values)
    assert all(d <= 0.15 for d in dirt.values()), dirt
    assert sum(0.03 <= d for d in dirt.values()) >= 20, dirt


def test_placeholders_and_wrong_check_characters_present(columns: list[EvalColumn]) -> None:
    ids = by_name(columns, "people_utf8", "身份证号").values
    assert any(v in PLACEHOLDERS for v in ids)
    assert any(v and len(v) == 18 and not gb11643_valid(v) for v in ids)
    cards = [v.replace(" ", "") for v in by_name(columns, "medical_social_gbk", "yhkh").values if v and v[0].isdigit()]
    assert any(not luhn.is_valid(v) for v in cards)


def test_resident_ids_against_stdnum(columns: list[EvalColumn]) -> None:
    """Ordinary 18-digit IDs are valid for stdnum.cn.ric (checksum, birth date, birthplace), or else fail the
    GB 11643 checksum on purpose — never valid-looking with a bad date or area."""
    kinds = {"18": 0, "15": 0, "permit": 0}
    for c in columns:
        if "CN_RESIDENT_ID" not in c.expected or is_free_text(c):
            continue
        for v in c.values:
            if v is None or v in PLACEHOLDERS:
                continue
            if len(v) == 15:
                kinds["15"] += 1
            elif v[:2] in ("81", "82", "83"):
                kinds["permit"] += 1
            else:
                kinds["18"] += 1
                assert ric.is_valid(v) or not gb11643_valid(v), (c.table, c.name, v)
    assert kinds["18"] > 500 and kinds["15"] >= 10 and kinds["permit"] >= 5, kinds


def test_bank_cards_are_luhn_valid_and_mostly_unionpay(columns: list[EvalColumn]) -> None:
    for c in columns:
        if "BANK_CARD" in c.expected:
            cards = [v.replace(" ", "") for v in c.values if v and v[0].isdigit()]
            assert sum(luhn.is_valid(v) for v in cards) / len(cards) >= 0.9
            assert sum(v.startswith("62") for v in cards) / len(cards) >= 0.7
            assert any(" " in v for v in c.values if v), "some cards are written in groups of 4"


def test_uscc_includes_letter_first_codes(columns: list[EvalColumn]) -> None:
    codes = [v for v in by_name(columns, "legal_person_gbk", "tyshxydm").values if v and valid_uscc(v)]
    assert {v[0] for v in codes} >= {"9", "1", "N", "Y", "A"}


def test_org_codes_match_the_uscc_of_their_row(columns: list[EvalColumn]) -> None:
    codes = by_name(columns, "legal_person_gbk", "tyshxydm").values
    orgs = by_name(columns, "legal_person_gbk", "zzjgdm").values
    pairs = [(u, o) for u, o in zip(codes, orgs) if u and o and valid_uscc(u) and gb11714_valid(o)]
    assert len(pairs) > 200
    assert all(u[8:17] == o.replace("-", "") for u, o in pairs)


def test_financial_accounts_are_not_bank_cards(columns: list[EvalColumn]) -> None:
    accounts = [v for v in by_name(columns, "legal_person_gbk", "开户账号").values if v and v.isdigit()]
    assert accounts and not any(luhn.is_valid(v) for v in accounts)


# ---------------------------------------------------------------- hard negatives


@pytest.mark.parametrize(("table", "name"), [
    ("medical_social_gbk", "结算单号"),
    ("access_log_utf8", "c2"),
])
def test_18_char_negatives_fail_gb11643_and_gb32100(columns: list[EvalColumn], table: str, name: str) -> None:
    values = [v for v in by_name(columns, table, name).values if v]
    assert len(values) == ROWS and all(len(v) == 18 for v in values)
    assert not any(gb11643_valid(v) or ric.is_valid(v) for v in values)
    assert not any(gb32100_valid(v, check_org_code=False) or uscc.is_valid(v) for v in values)


def test_no_hard_negative_value_passes_a_checksum_detector(columns: list[EvalColumn]) -> None:
    for c in columns:
        if not is_hard_negative(c):
            continue
        for v in c.values:
            if v is None:
                continue
            assert not (len(v) == 18 and (gb11643_valid(v) or gb32100_valid(v, check_org_code=False))), (c.name, v)
            assert not (v.isdigit() and 16 <= len(v) <= 19 and luhn.is_valid(v)), (c.name, v)
            assert CN_MOBILE.fullmatch(v) is None, (c.name, v)


def test_specific_hard_negatives(columns: list[EvalColumn]) -> None:
    stamps = [int(v) for v in by_name(columns, "access_log_utf8", "f3").values if v]
    assert all(1_700_000_000_000 <= s < 1_760_000_000_000 for s in stamps)
    serials = by_name(columns, "travel_utf8sig", "col_7").values
    assert all(v and len(v) == 11 and v[:2] in ("10", "11", "12") for v in serials)
    assert set(by_name(columns, "medical_social_gbk", "身份证号").values) <= {"已核验", "未核验", "核验失败"}
    assert set(by_name(columns, "people_utf8", "性别").values) == {"男", "女"}
    postcodes = by_name(columns, "people_utf8", "邮政编码").values
    assert all(v and re.fullmatch(r"\d{6}", v) for v in postcodes)


# ---------------------------------------------------------------- free text


SPANS: dict[str, re.Pattern[str]] = {
    # names after context words; in 走访记录 after nouns for people, right before 反映 or 现居
    "CN_PERSON_NAME": re.compile(r"(?:联系人|申请人|经办人|法定代表人|姓名：?|负责人)[\u4e00-\u9fff]{2,4}"
                                 r"|(?:村民|居民|群众|租户|职工)[\u4e00-\u9fff]{2,4}(?:反映|现居)"),
    "CN_MOBILE": re.compile(r"(?<!\d)(?:\+86 ?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)"),
    "CN_RESIDENT_ID": re.compile(r"(?<!\d)\d{17}[\dX](?!\d)"),
    "IP_ADDRESS": re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])|(?<![\w:])[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}"),
    "CN_ADDRESS": re.compile(r"地址：\S+?(?:区|县|市|旗)\S*?号|(?:反映|现居)\S+?(?:区|县|市)\S+?路\d+号"),
}


def test_free_text_expects_entities_in_at_least_a_fifth_of_rows(columns: list[EvalColumn]) -> None:
    free = [c for c in columns if is_free_text(c)]
    assert len(free) >= 3
    for c in free:
        for entity, span in SPANS.items():
            share = sum(bool(v and span.search(v)) for v in c.values) / len(c.values)
            assert (share >= FREE_TEXT_THRESHOLD) == (entity in c.expected), (c.table, c.name, entity, share)
            assert not 0.15 < share < 0.25, (c.table, c.name, entity, share)  # clear of the threshold at the default seed
        assert 0.3 <= sum(any(s.search(v) for s in SPANS.values()) for v in c.values if v) / len(c.values) <= 0.65
        assert len(c.expected) >= 2, "free text mixes several entity types"


def test_ids_in_free_text_are_valid(columns: list[EvalColumn]) -> None:
    found = [m for c in columns if is_free_text(c) for v in c.values if v
             for m in SPANS["CN_RESIDENT_ID"].findall(v)]
    assert found and all(ric.is_valid(m) for m in found)


@pytest.mark.parametrize(("table", "name"), [("legal_person_gbk", "经营范围"), ("travel_utf8sig", "备注")])
def test_plain_text_negatives_have_no_spans(columns: list[EvalColumn], table: str, name: str) -> None:
    for v in by_name(columns, table, name).values:
        assert v is None or not any(s.search(v) for s in SPANS.values()), v
