"""The column scan end to end on small tables: values, headers, neighbours, free text, sampling (DuckDB and Spark)."""

from __future__ import annotations

from collections.abc import Callable

import ibis
import pandas as pd
import pytest

from shuzhi.discovery import scan_table
from shuzhi.discovery.headers import header_hints, is_text_header, tokens
from shuzhi.discovery.recognizer import registry
from shuzhi.discovery.tuning import tuning
from shuzhi.standards.checksums import gb11643_check_char, gb32100_valid, luhn_check_digit, luhn_valid
from shuzhi.workspace import Workspace

N = 40


def ids(n: int) -> list[str]:
    out = []
    for i in range(n):
        body = f"3201021990{1 + i % 12:02d}{1 + i % 28:02d}{i:03d}"
        out.append(body + gb11643_check_char(body))
    return out


def table(**cols: list[str | None]) -> ibis.Table:
    return ibis.memtable(pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in cols.items()}), schema=dict.fromkeys(cols, "string"))


def found(result, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    return next(c for c in result.columns if c.name == name).types()


@pytest.mark.parametrize(("header", "expected"), [
    ("身份证号码", {"CN_RESIDENT_ID"}),
    ("fr_sfzh", {"CN_RESIDENT_ID"}),
    ("SFZH1", {"CN_RESIDENT_ID"}),
    ("idNumber", {"CN_RESIDENT_ID"}),
    ("zjhm", {"CN_RESIDENT_ID", "CN_PASSPORT", "CN_HKMO_PERMIT"}),
    ("lxdh", {"CN_MOBILE", "CN_LANDLINE"}),
    ("家庭住址", {"CN_ADDRESS"}),
    ("jtzz", {"CN_ADDRESS"}),
    ("　姓　名　", {"CN_PERSON_NAME"}),  # full-width spaces in the header
    ("company_name", {"CN_PERSON_NAME"}),  # a hint only: the values decide
    ("c1", set()),
    ("订单号", set()),
    ("xzqh", set()),
    ("病历摘要", {"HEALTH_INFO"}),
    ("宗教信仰", {"RELIGIOUS_BELIEF"}),
])
def test_header_hints(header: str, expected: set[str]) -> None:
    assert set(header_hints(header)) == expected


def test_tokens_and_text_headers() -> None:
    assert tokens("contactPhone2_NO") == ["contact", "phone", "no"]
    assert is_text_header("事项描述") and is_text_header("remark") and not is_text_header("remark_id") is False
    assert not is_text_header("sfzh")


def test_values_decide_under_an_opaque_header_and_contradict_a_header(any_ws: Workspace) -> None:
    good = ids(N)
    t = table(c1=good, 身份证号=["已核验", "未核验"] * (N // 2),
              订单号=[f"2024{i:014d}" for i in range(N)],  # 18 digits failing the check (and month 00)
              ts=[str(1_700_000_000_000 + i * 7919) for i in range(N)])
    r = scan_table(any_ws.engine, t, sample=None)
    assert found(r, "c1") == ["CN_RESIDENT_ID"]
    assert found(r, "身份证号") == []
    assert any("不认定" in e for e in next(c for c in r.columns if c.name == "身份证号").evidence)
    assert found(r, "订单号") == [] and found(r, "ts") == []
    assert r.rows_scanned == N and not r.sampled


def test_ratio_thresholds_with_and_without_a_header(any_ws: Workspace) -> None:
    mixed = ids(N // 2) + [f"order{i}" for i in range(N // 2)]  # half IDs
    some = ids(N // 4) + [f"order{i}" for i in range(N - N // 4)]  # a quarter
    t = table(sfzh=some, c2=mixed, zjhm=mixed)
    r = scan_table(any_ws.engine, t, sample=None)
    assert found(r, "sfzh") == []  # 25 % < 30 % even with the header
    assert found(r, "c2") == []  # 50 % < 60 % without a header
    assert found(r, "zjhm") == ["CN_RESIDENT_ID"]  # 50 % ≥ 30 % with the header
    e = next(c for c in r.columns if c.name == "zjhm").entities[0]
    assert e.ratio == 0.5 and 0.7 < e.confidence < 1


def ids_also(valid: Callable[[str], bool], n: int) -> list[str]:
    """``n`` valid resident ID numbers that ``valid`` (another entity's check) accepts too."""
    out = []
    for i in range(200_000):
        body = f"3201021990{1 + i % 12:02d}{1 + i // 12 % 28:02d}{i // 336 % 1000:03d}"
        number = body + gb11643_check_char(body)
        if valid(number) and number not in out:
            out.append(number)
            if len(out) == n:
                return out
    raise AssertionError("too few numbers")


def test_a_value_validating_as_a_resident_id_is_counted_for_it_alone(any_ws: Workspace) -> None:
    luhn_too, uscc_too = ids_also(luhn_valid, N), ids_also(gb32100_valid, N)
    cards = [body + luhn_check_digit(body) for body in (f"622202{i:012d}" for i in range(12))]
    t = table(c1=luhn_too, c2=uscc_too, yhkh=luhn_too[:24] + cards + [None] * (N - 36))
    r = scan_table(any_ws.engine, t, sample=None)
    # every value passes Luhn (or GB 32100) as well: the ID's stricter checks win them
    assert found(r, "c1") == ["CN_RESIDENT_ID"] and found(r, "c2") == ["CN_RESIDENT_ID"]
    # two thirds IDs (enough to test them without a header), a third cards: each counted once
    yhkh = next(c for c in r.columns if c.name == "yhkh")
    assert {(e.type, e.ratio) for e in yhkh.entities} == {("CN_RESIDENT_ID", 0.6667), ("BANK_CARD", 0.3333)}


def _outcome(r) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(c.name, c.text, c.present, sorted((e.type, e.ratio, e.confidence, e.source) for e in c.entities), c.evidence)
            for c in r.columns]


def test_a_full_scan_is_the_same_whatever_its_first_rows_guess(any_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full scan of a large table guesses its validators from the first rows (``full_scan.head_rows``) and
    corrects the guess after one pass: the findings are those of two passes over all rows."""
    cards = [body + luhn_check_digit(body) for body in (f"622202{i:012d}" for i in range(30))]
    note = "联系人张三，电话13912345678，材料齐全，已转街道办理"
    t = table(c1=["x"] * 10 + ids(30),  # IDs after the first rows only: not guessed, planned
              # IDs passing Luhn first, then cards: the cards were counted yielding to the IDs, which are not planned
              c2=ids_also(luhn_valid, 10) + cards,
              c3=["短"] * 10 + [note] * 30,  # free text after the first rows only: spans not guessed
              身份证号=ids(10) + ["x"] * 30)  # guessed, not planned (a quarter look like IDs: the evidence says so)
    seen: list[str] = []

    def steps(zh: str, en: str) -> None:
        seen.append(en)

    outcomes = {}
    for head in (1000, 40, 10, 1):
        monkeypatch.setitem(tuning()["full_scan"], "head_rows", head)
        seen.clear()
        outcomes[head] = _outcome(scan_table(any_ws.engine, t, sample=None, steps=steps))
        if head == 1000:
            assert seen[1:2] == ["second pass: validators and free-text spans"]  # the first rows were every row
        elif head == 10 and any_ws.engine.name == "duckdb":  # the first rows as stored (Spark's limit may take others)
            assert seen[1:3] == ["all rows: prefilters, validators and free-text spans",
                                 "one more pass: validators the first rows did not foresee"]
    assert outcomes[40] == outcomes[10] == outcomes[1] == outcomes[1000]
    by_name = {o[0]: o for o in outcomes[10]}
    assert [(e[0], e[1]) for e in by_name["c1"][3]] == [("CN_RESIDENT_ID", 0.75)]
    assert [(e[0], e[1]) for e in by_name["c2"][3]] == [("BANK_CARD", 1.0)] and by_name["c3"][1] and by_name["身份证号"][3] == []
    assert by_name["身份证号"][4] == ["表头含“身份证”，但只有 25% 的取值形似居民身份证号码，不认定"]
    assert {e[0] for e in by_name["c3"][3]} == {"CN_MOBILE", "CN_PERSON_NAME"}


def test_unplanned() -> None:
    from shuzhi.discovery.scan import _unplanned

    reg = registry()
    card, rid, mobile = reg["BANK_CARD"], reg["CN_RESIDENT_ID"], reg["CN_MOBILE"]
    planned_id, planned_card = ("a0_upper", rid, False), ("a0_digits", card, False)
    spans = {"CN_MOBILE": (mobile, "c1_0")}
    guessed = [({"CN_RESIDENT_ID": planned_id, "BANK_CARD": planned_card}, {}), ({}, spans)]
    # as guessed: nothing missing
    assert _unplanned(guessed, guessed) == [({}, {}), ({}, {})]
    # the ID not planned after all: the card yielded to it, and is counted again
    assert _unplanned(guessed, [({"BANK_CARD": planned_card}, {}), ({}, spans)]) == [({"BANK_CARD": planned_card}, {}), ({}, {})]
    # the ID planned but not guessed: both again (the card's count depends on the ID's test)
    assert _unplanned([({"BANK_CARD": planned_card}, {}), ({}, {})], guessed) == [
        ({"CN_RESIDENT_ID": planned_id, "BANK_CARD": planned_card}, {}), ({}, spans)]


def test_blanks_and_placeholders_are_not_values(any_ws: Workspace) -> None:
    t = table(c1=ids(N // 2) + ["无", "-", "", "　", None] * (N // 10))
    r = scan_table(any_ws.engine, t, sample=None)
    col = r.columns[0]
    assert col.present == N // 2 and col.types() == ["CN_RESIDENT_ID"] and col.entities[0].ratio == 1.0


def test_names_need_a_header_or_identity_columns_beside_them(any_ws: Workspace) -> None:
    names = ["张伟", "王芳", "李娜", "刘强", "陈静", "杨洋", "赵磊", "黄敏", "周杰", "吴霞"] * (N // 10)
    mostly = names[: int(N * 0.7)] + ["智能手机"] * (N - int(N * 0.7))  # 70 %: below 80 % alone
    alone = scan_table(any_ws.engine, table(c1=mostly), sample=None)
    assert found(alone, "c1") == []
    beside = scan_table(any_ws.engine, table(c1=mostly, c2=ids(N)), sample=None)
    assert found(beside, "c1") == ["CN_PERSON_NAME"]
    assert any("个人标识列" in e for e in beside.columns[0].evidence)
    # identity columns do not lend context to a column whose header names something else
    other = scan_table(any_ws.engine, table(诊断=mostly, c2=ids(N)), sample=None)
    assert found(other, "诊断") == ["HEALTH_INFO"]


def test_header_only_categories_and_their_groups(any_ws: Workspace) -> None:
    card = "622202123456789012"
    cards = [card + luhn_check_digit(card)] * N
    t = table(病史=["高血压"] * N, 银行卡号=cards, 开户账号=[f"3201{i:012d}" for i in range(N)], 指纹特征=["QUJD"] * N,
              宗教信仰=["佛教", "无"] * (N // 2))
    r = scan_table(any_ws.engine, t, sample=None)
    assert found(r, "病史") == ["HEALTH_INFO"]
    assert found(r, "银行卡号") == ["BANK_CARD"]  # not also FINANCIAL_ACCOUNT: the values said which
    assert found(r, "开户账号") == ["FINANCIAL_ACCOUNT"]
    assert found(r, "指纹特征") == ["BIOMETRIC"]
    assert found(r, "宗教信仰") == ["RELIGIOUS_BELIEF"]


def test_free_text_spans(any_ws: Workspace) -> None:
    notes = ["联系人张三,电话13912345678", "材料齐全，已办结，等待领取证照", "申请人李四办理户口迁入手续", "已上门核实，情况属实"] * (N // 4)
    r = scan_table(any_ws.engine, table(备注=notes, 说明=["无"] * N), sample=None)
    col = r.columns[0]
    assert col.text and set(col.types()) == {"CN_PERSON_NAME", "CN_MOBILE"}
    assert {e.type: e.ratio for e in col.entities} == {"CN_PERSON_NAME": 0.5, "CN_MOBILE": 0.25}
    assert r.columns[1].types() == []


def test_dates_in_free_text_do_not_make_it_a_shaped_column(any_ws: Workspace) -> None:
    # every remark holds four digits (the birth-date prefilter's loose shape) under an opaque header:
    # still free text, searched for spans
    notes = ["2023年5月8日受理，联系人张三，电话13912345678", "2024年1月2日已办结，材料齐全，等待领取证照"] * (N // 2)
    r = scan_table(any_ws.engine, table(c1=notes), sample=None)
    col = r.columns[0]
    assert col.text and "CN_MOBILE" in col.types()
    assert {e.type: e.ratio for e in col.entities}["CN_MOBILE"] == 0.5


def test_word_segmentation_is_a_weak_signal_for_loose_names_and_addresses(any_ws: Workspace) -> None:
    notes = ["本村村民张三反映路灯损坏", "经走访，辖区群众王芳现居玄武区中山路18号", "请到建邺区江东中路201号办理",
             "玄武区召开安全生产会议", "村民代表大会决定修缮道路", "联系人为本单位职工李明，已回访", "张家港市开展文明创建活动",
             "已电话回访，问题已解决"] * (N // 8)
    r = scan_table(any_ws.engine, table(走访情况=notes), sample=None)
    col = r.columns[0]
    # no span finds these (no context word right before the names, no province or city before the addresses):
    # segmentation does, on 3 rows in 8 and 2 in 8, at a lower confidence than a span
    assert {e.type: (e.ratio, e.source) for e in col.entities} == {"CN_PERSON_NAME": (0.375, "text"), "CN_ADDRESS": (0.25, "text")}
    assert all(e.confidence < 0.7 for e in col.entities) and any("分词" in x for x in col.evidence)
    # below the free-text share (20 %) nothing is reported; and what the spans establish is not segmented again
    few = scan_table(any_ws.engine, table(走访情况=notes[:1] + ["已电话回访，问题已解决"] * (N - 1)), sample=None)
    assert few.columns[0].types() == []


def test_segmentation_flags() -> None:
    from shuzhi.discovery.segment import ADDRESS, NAME, flags

    assert flags(["联系人为本村村民张三，电话见附件", "住玄武区中山路18号", "地址：鼓楼区幸福村3组", "张家港市召开会议",
                  "村民代表大会决定修缮道路", "采购汉族服装100套", "江苏省南京市玄武区", "经核查，欧阳娜娜系本村村民", "", None]) == [
        NAME, ADDRESS, ADDRESS, 0, 0, 0, 0, 0, 0, None]  # a context word must come before the name


def test_sample(any_ws: Workspace) -> None:
    t = table(c1=ids(400))
    r = scan_table(any_ws.engine, t, sample=50, seed=1)
    assert r.sampled and r.rows_scanned == 50 and r.rows_total == 400
    assert found(r, "c1") == ["CN_RESIDENT_ID"]
    whole = scan_table(any_ws.engine, t, sample=1000)
    assert not whole.sampled and whole.rows_scanned == 400


def test_steps_are_reported_in_order(any_ws: Workspace) -> None:
    """A progress display is told each query of the scan as it starts (and gets a callback for its fraction)."""
    seen: list[str] = []

    def steps(zh: str, en: str) -> Callable[[float], None]:
        seen.append(en)
        return lambda fraction: None

    notes = ["本村村民张三反映路灯损坏", "已电话回访，问题已解决"] * (N // 2)
    scan_table(any_ws.engine, table(c1=ids(400)[:N], 走访情况=notes), sample=None, steps=steps)
    assert seen == ["first pass: shapes and prefilters of the first 20,000 rows", "second pass: validators and free-text spans",
                    "word segmentation (a bounded number of rows)"]
    seen.clear()
    scan_table(any_ws.engine, table(c1=ids(400)), sample=50, seed=1, steps=steps)
    assert seen == ["sampling 50 rows", "first pass: shapes and prefilters", "second pass: validators and free-text spans"]
