"""Exact facts about the shipped code lists (counts, named rows, structure) and the loader."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources

import pytest

from shuzhi.errors import ConfigError
from shuzhi.standards.codelists import CodeList, codelist_keys, load_codelist, registry

KEYS = ["GB/T 21010", "GB/T 2260", "GB/T 2261.1", "GB/T 3304", "GB/T 4754"]


def rows_by_code(cl: CodeList) -> dict[str, dict[str, str]]:
    return {r["code"]: r for r in cl.rows}


@pytest.fixture(scope="module")
def gb2260() -> dict[str, dict[str, str]]:
    return rows_by_code(load_codelist("GB/T 2260"))


@pytest.fixture(scope="module")
def gb4754() -> dict[str, dict[str, str]]:
    return rows_by_code(load_codelist("GB/T 4754"))


# ---------------------------------------------------------------- registry and loader


def test_registry_lists_exactly_the_shipped_lists() -> None:
    assert codelist_keys() == KEYS


@pytest.mark.parametrize("key", KEYS)
def test_every_entry_names_file_title_version_source(key: str) -> None:
    entry = registry()[key]
    assert {"file", "title", "version", "source"} <= set(entry)
    cl = load_codelist(key)
    assert cl.key == key
    assert cl.title == entry["title"]
    assert cl.version == str(entry["version"])
    assert cl.source == entry["source"]


@pytest.mark.parametrize("key", KEYS)
def test_files_are_utf8_without_bom_with_unique_codes(key: str) -> None:
    path = resources.files("shuzhi.standards") / "data" / registry()[key]["file"]
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    assert all(r["code"] and r["name"] and r["name"] == r["name"].strip() for r in rows)


@pytest.mark.parametrize("key", ["GB/T 2260 ", "gb/t 2260", "GB/T 2659", ""])
def test_unknown_key_is_an_error(key: str) -> None:
    with pytest.raises(ConfigError) as exc:
        load_codelist(key)
    assert repr(key) in exc.value.en
    assert "GB/T 3304" in exc.value.en  # the message lists what is known


def test_codes_filter_by_column() -> None:
    cl = load_codelist("GB/T 4754")
    assert cl.codes(level="division", parent="A") == ["01", "02", "03", "04", "05"]
    assert cl.codes(level="no-such-level") == []


# ---------------------------------------------------------------- GB/T 2261.1 性别


def test_gb2261_1_sex() -> None:
    cl = load_codelist("GB/T 2261.1")
    assert len(cl) == 4
    assert {r["code"]: r["name"] for r in cl.rows} == {"0": "未知的性别", "1": "男性", "2": "女性", "9": "未说明的性别"}
    assert "5" not in cl and "6" not in cl  # only in some copies; not included


# ---------------------------------------------------------------- GB/T 3304 民族


def test_gb21010_first_level_classes() -> None:
    cl = load_codelist("GB/T 21010")
    assert [r["code"] for r in cl.rows] == [f"{i:02d}" for i in range(1, 13)]
    assert (cl.name_of("01"), cl.name_of("08"), cl.name_of("12")) == ("耕地", "公共管理与公共服务用地", "其他土地")


def test_gb3304_has_58_rows_numbered_01_to_56_then_97_98() -> None:
    cl = load_codelist("GB/T 3304")
    assert len(cl) == 58
    assert [r["code"] for r in cl.rows] == [f"{i:02d}" for i in range(1, 57)] + ["97", "98"]
    assert len({r["name"] for r in cl.rows}) == 58


@pytest.mark.parametrize(
    ("code", "name", "alpha"),
    [
        ("01", "汉族", "HA"),
        ("02", "蒙古族", "MG"),
        ("04", "藏族", "ZA"),
        ("10", "朝鲜族", "CS"),
        ("11", "满族", "MA"),
        ("25", "水族", "SU"),
        ("36", "毛南族", "MN"),
        ("43", "乌孜别克族", "UZ"),
        ("46", "德昂族", "DE"),  # formerly 崩龙族
        ("50", "塔塔尔族", "TT"),
        ("56", "基诺族", "JN"),
        ("97", "其他", ""),
        ("98", "外国血统中国籍人士", ""),
    ],
)
def test_gb3304_rows(code: str, name: str, alpha: str) -> None:
    row = rows_by_code(load_codelist("GB/T 3304"))[code]
    assert (row["name"], row["alpha"]) == (name, alpha)


def test_gb3304_letter_codes_are_unique_pairs() -> None:
    alphas = [r["alpha"] for r in load_codelist("GB/T 3304").rows[:56]]
    assert len(set(alphas)) == 56
    assert all(len(a) == 2 and a.isascii() and a.isupper() for a in alphas)


# ---------------------------------------------------------------- GB/T 4754 国民经济行业分类


def test_gb4754_counts_per_level() -> None:
    counts = Counter(r["level"] for r in load_codelist("GB/T 4754").rows)
    assert counts == {"section": 20, "division": 97, "group": 473, "class": 1381}


def test_gb4754_sections_are_a_to_t(gb4754: dict[str, dict[str, str]]) -> None:
    sections = [c for c, r in gb4754.items() if r["level"] == "section"]
    assert sections == list("ABCDEFGHIJKLMNOPQRST")


def test_gb4754_divisions_are_01_to_97_under_letters(gb4754: dict[str, dict[str, str]]) -> None:
    divisions = [c for c, r in gb4754.items() if r["level"] == "division"]
    assert divisions == [f"{i:02d}" for i in range(1, 98)]
    assert all(gb4754[d]["parent"] in "ABCDEFGHIJKLMNOPQRST" and gb4754[d]["parent"] for d in divisions)


def test_gb4754_hierarchy_is_consistent(gb4754: dict[str, dict[str, str]]) -> None:
    parent_level = {"division": "section", "group": "division", "class": "group"}
    for code, r in gb4754.items():
        if r["level"] == "section":
            assert r["parent"] == "" and code.isalpha()
            continue
        assert len(code) == {"division": 2, "group": 3, "class": 4}[r["level"]]
        assert gb4754[r["parent"]]["level"] == parent_level[r["level"]]
        if r["level"] != "division":
            assert code.startswith(r["parent"])


@pytest.mark.parametrize(
    ("code", "name", "parent"),
    [
        ("A", "农、林、牧、渔业", ""),
        ("I", "信息传输、软件和信息技术服务业", ""),
        ("T", "国际组织", ""),
        ("05", "农、林、牧、渔专业及辅助性活动", "A"),
        ("11", "开采专业及辅助性活动", "B"),
        ("15", "酒、饮料和精制茶制造业", "C"),  # both source copies wrongly say 及
        ("65", "软件和信息技术服务业", "I"),
        ("75", "科技推广和应用服务业", "M"),
        ("79", "土地管理业", "N"),  # the division added in 2017
        ("87", "广播、电视、电影和录音制作业", "R"),
        ("97", "国际组织", "T"),
        ("022", "造林和更新", "02"),  # undivided group, added with its class's name
        ("0220", "造林和更新", "022"),
        ("6450", "互联网数据服务", "645"),
        ("6550", "信息处理和存储支持服务", "655"),
        ("3963", "智能无人飞行器制造", "396"),
        ("1922", "皮箱、包（袋）制造", "192"),  # full-width parentheses
        ("9100", "中国共产党机关", "910"),
        ("9700", "国际组织", "970"),
    ],
)
def test_gb4754_rows(gb4754: dict[str, dict[str, str]], code: str, name: str, parent: str) -> None:
    assert (gb4754[code]["name"], gb4754[code]["parent"]) == (name, parent)


def test_gb4754_has_no_2011_codes(gb4754: dict[str, dict[str, str]]) -> None:
    assert "0170" not in gb4754  # 2011 中药材种植 was split into 0171/0179
    assert "6510" not in gb4754  # 2011 软件开发 became group 651


# ---------------------------------------------------------------- GB/T 2260 行政区划

JIANGSU_PREFECTURES = {
    "320100": "南京市",
    "320200": "无锡市",
    "320300": "徐州市",
    "320400": "常州市",
    "320500": "苏州市",
    "320600": "南通市",
    "320700": "连云港市",
    "320800": "淮安市",
    "320900": "盐城市",
    "321000": "扬州市",
    "321100": "镇江市",
    "321200": "泰州市",
    "321300": "宿迁市",
}

# Current county-level units per prefecture (MCA list 2025): code suffix + name.
JIANGSU_COUNTIES = {
    "3201": "02玄武区 04秦淮区 05建邺区 06鼓楼区 11浦口区 13栖霞区 14雨花台区 15江宁区 16六合区 17溧水区 18高淳区",
    "3202": "05锡山区 06惠山区 11滨湖区 13梁溪区 14新吴区 81江阴市 82宜兴市",
    "3203": "02鼓楼区 03云龙区 05贾汪区 11泉山区 12铜山区 21丰县 22沛县 24睢宁县 81新沂市 82邳州市",
    "3204": "02天宁区 04钟楼区 11新北区 12武进区 13金坛区 81溧阳市",
    "3205": "05虎丘区 06吴中区 07相城区 08姑苏区 09吴江区 81常熟市 82张家港市 83昆山市 85太仓市",
    "3206": "12通州区 13崇川区 14海门区 23如东县 81启东市 82如皋市 85海安市",
    "3207": "03连云区 06海州区 07赣榆区 22东海县 23灌云县 24灌南县",
    "3208": "03淮安区 04淮阴区 12清江浦区 13洪泽区 26涟水县 30盱眙县 31金湖县",
    "3209": "02亭湖区 03盐都区 04大丰区 21响水县 22滨海县 23阜宁县 24射阳县 25建湖县 81东台市",
    "3210": "02广陵区 03邗江区 12江都区 23宝应县 81仪征市 84高邮市",
    "3211": "02京口区 11润州区 12丹徒区 81丹阳市 82扬中市 83句容市",
    "3212": "02海陵区 03高港区 04姜堰区 81兴化市 82靖江市 83泰兴市",
    "3213": "02宿城区 11宿豫区 22沭阳县 23泗阳县 24泗洪县",
}


def test_gb2260_counts() -> None:
    rows = load_codelist("GB/T 2260").rows
    assert len(rows) == 6883
    counts = Counter((r["level"], r["status"]) for r in rows)
    assert counts == {
        ("province", "current"): 34,
        ("prefecture", "current"): 333,
        ("county", "current"): 2845,
        ("prefecture", "historical"): 220,
        ("county", "historical"): 3451,
    }


def test_gb2260_sorted_six_digit_codes(gb2260: dict[str, dict[str, str]]) -> None:
    codes = list(gb2260)
    assert codes == sorted(codes)
    assert all(len(c) == 6 and c.isdigit() and c.isascii() for c in codes)


def test_gb2260_level_follows_code_shape(gb2260: dict[str, dict[str, str]]) -> None:
    for code, r in gb2260.items():
        shape = "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"
        assert r["level"] == shape, code
        assert r["status"] in {"current", "historical"}


def test_gb2260_every_parent_exists_in_the_same_province(gb2260: dict[str, dict[str, str]]) -> None:
    for code, r in gb2260.items():
        if r["level"] == "province":
            assert r["parent"] == ""
            continue
        parent = gb2260[r["parent"]]  # KeyError if the parent is missing
        if r["level"] == "prefecture":
            assert r["parent"] == code[:2] + "0000"
        else:  # a county hangs off its prefecture, or off the province when there is none
            assert r["parent"] in {code[:4] + "00", code[:2] + "0000"}
            assert parent["level"] in {"prefecture", "province"}


def test_gb2260_current_rows_hang_off_current_rows(gb2260: dict[str, dict[str, str]]) -> None:
    for code, r in gb2260.items():
        if r["status"] == "current" and r["parent"]:
            assert gb2260[r["parent"]]["status"] == "current", code


def test_gb2260_placeholders_are_historical_and_never_parents(gb2260: dict[str, dict[str, str]]) -> None:
    placeholders = {c for c, r in gb2260.items() if r["name"] in {"市辖区", "县", "省直辖县级行政单位", "自治区直辖县级行政单位"}}
    assert len(placeholders) == 316
    assert {"320101", "110100", "500200", "419000", "659000"} <= placeholders
    assert all(gb2260[c]["status"] == "historical" for c in placeholders)
    assert not placeholders & {r["parent"] for r in gb2260.values()}


def test_gb2260_jiangsu_province(gb2260: dict[str, dict[str, str]]) -> None:
    assert gb2260["320000"] == {"code": "320000", "name": "江苏省", "level": "province", "parent": "", "status": "current"}


def test_gb2260_jiangsu_has_exactly_13_current_prefectures(gb2260: dict[str, dict[str, str]]) -> None:
    current = {
        c: r["name"]
        for c, r in gb2260.items()
        if c.startswith("32") and r["level"] == "prefecture" and r["status"] == "current"
    }
    assert current == JIANGSU_PREFECTURES
    assert all(gb2260[c]["parent"] == "320000" for c in current)


def test_gb2260_jiangsu_current_counties_match_mca_2025(gb2260: dict[str, dict[str, str]]) -> None:
    expected = {
        pref + item[:2]: (item[2:], pref + "00") for pref, items in JIANGSU_COUNTIES.items() for item in items.split()
    }
    assert len(expected) == 95
    actual = {
        c: (r["name"], r["parent"])
        for c, r in gb2260.items()
        if c.startswith("32") and r["level"] == "county" and r["status"] == "current"
    }
    assert actual == expected


@pytest.mark.parametrize(
    ("code", "name", "status", "parent"),
    [
        ("320102", "玄武区", "current", "320100"),
        ("320103", "白下区", "historical", "320100"),  # merged into 秦淮区 2013
        ("320106", "鼓楼区", "current", "320100"),
        ("320107", "下关区", "historical", "320100"),
        ("321284", "姜堰市", "historical", "321200"),  # became 321204 姜堰区 in 2012
        ("321204", "姜堰区", "current", "321200"),
        ("320602", "崇川区", "historical", "320600"),  # old 崇川区, replaced by 320613 in 2020
        ("320613", "崇川区", "current", "320600"),
        ("320684", "海门市", "historical", "320600"),
        ("320101", "市辖区", "historical", "320100"),  # placeholder
        ("322100", "徐州地区", "historical", "320000"),  # pre-1983 prefecture
        ("322121", "丰县", "historical", "322100"),
        ("110101", "东城区", "current", "110000"),  # municipality districts hang off the province
        ("500157", "两江新区", "current", "500000"),  # created 2025
        ("500105", "江北区", "historical", "500000"),  # abolished 2025
        ("500112", "渝北区", "historical", "500000"),
        ("419001", "济源市", "current", "410000"),  # province-administered county-level city
        ("429021", "神农架林区", "current", "420000"),
        ("469001", "五指山市", "current", "460000"),
        ("659012", "白杨市", "current", "650000"),
        ("653229", "和安县", "current", "653200"),  # created 2024
        ("460302", "西沙区", "current", "460300"),
        ("330113", "临平区", "current", "330100"),
        ("330103", "下城区", "historical", "330100"),
        ("232701", "漠河市", "current", "232700"),  # code reused (was 加格达奇区)
        ("232702", "松岭区", "historical", "232700"),  # simplified from 松嶺區
        ("540481", "米林市", "current", "540400"),
        ("540422", "米林县", "historical", "540400"),
        ("710000", "台湾省", "current", ""),
        ("810000", "香港特别行政区", "current", ""),
        ("820000", "澳门特别行政区", "current", ""),
    ],
)
def test_gb2260_rows(gb2260: dict[str, dict[str, str]], code: str, name: str, status: str, parent: str) -> None:
    r = gb2260[code]
    assert (r["name"], r["status"], r["parent"]) == (name, status, parent)


@pytest.mark.parametrize(
    "code",
    [
        "232761",  # 加格达奇区: NBS statistical code, not GB/T 2260
        "320576",  # 苏州工业园区: NBS statistical code
        "632857",  # 大柴旦行政区
        "133100",  # 雄安新区 (a new area, not a division)
        "710100",  # Amap subdivision of Taiwan
        "810101",  # Amap subdivision of Hong Kong
        "990000",
    ],
)
def test_gb2260_excludes_statistical_codes(gb2260: dict[str, dict[str, str]], code: str) -> None:
    assert code not in gb2260


def test_gb2260_names_are_simplified(gb2260: dict[str, dict[str, str]]) -> None:
    traditional = set("區縣嶺員會達鄉鎮門")
    assert not [c for c, r in gb2260.items() if traditional & set(r["name"])]


def test_gb2260_membership_is_fast_and_exact() -> None:
    cl = load_codelist("GB/T 2260")
    assert "320102" in cl and "320103" in cl  # historical codes still resolve
    assert "320199" not in cl and 320102 not in cl  # unknown code; wrong type
    assert cl.name_of("320583") == "昆山市"
    assert cl.name_of("000000") is None
