"""Grading templates as data: every file loads, says what the standards say, covers every entity; bad files fail clearly."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from shuzhi.catalog.metadata import OPEN_TYPES, SHARE_TYPES
from shuzhi.errors import ConfigError
from shuzhi.grading.templates import (
    ENTITIES,
    Template,
    load_mappings,
    load_mappings_file,
    load_overlay,
    load_overlay_file,
    load_template,
    load_template_file,
    template_names,
)

DATA = resources.files("shuzhi.grading") / "templates"
NAMES = ["financial", "general", "gov", "industrial"]
LEVELS = {
    "general": ["G1", "G2", "G3", "G4", "I", "C"],
    "gov": ["L1", "L2", "L3", "L4"],
    "industrial": ["IND1", "IND2", "IND3"],
    "financial": ["F1", "F2", "F3", "F4", "F5"],
}
SENSITIVE = ["BIOMETRIC", "HEALTH_INFO", "RELIGIOUS_BELIEF", "MINOR_INFO", "PRECISE_LOCATION", "BANK_CARD", "FINANCIAL_ACCOUNT"]


def raw(name: str) -> dict[str, Any]:
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))


def column_level(t: Template, entity: str) -> str:
    """The level a column holding only ``entity`` gets (highest matching unconditional rule)."""
    levels = [r.level for r in t.rules if r.when.domains is None and entity in r.when.entities]
    return max(levels, key=t.rank)


# ---------------------------------------------------------------- the shipped files


def test_template_names() -> None:
    assert template_names() == NAMES


def test_entities_are_the_discovery_list() -> None:
    assert len(ENTITIES) == len(set(ENTITIES)) == 23


@pytest.mark.parametrize("name", NAMES)
def test_every_template_loads_with_version_and_source(name: str) -> None:
    t = load_template(name)
    assert t.template == name
    assert t.version == "2026.1"
    assert t.source and t.title and t.title_en and t.references
    assert load_template(name) is t  # cached


@pytest.mark.parametrize("name", NAMES)
def test_level_order_lowest_first(name: str) -> None:
    t = load_template(name)
    assert list(t.level_ids) == LEVELS[name]
    assert [t.rank(lv) for lv in LEVELS[name]] == list(range(len(LEVELS[name])))
    assert t.top.id == LEVELS[name][-1]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("entity", ENTITIES)
def test_every_entity_is_mapped_without_domain_condition(name: str, entity: str) -> None:
    t = load_template(name)
    assert any(entity in r.when.entities and r.when.domains is None for r in t.rules)


@pytest.mark.parametrize("name", NAMES)
def test_sensitive_pi_is_graded_above_other_pi(name: str) -> None:
    t = load_template(name)
    # financial accounts are left out: JR/T 0171 (C2) puts card numbers at 3 in the financial scheme
    sensitive = min((column_level(t, e) for e in SENSITIVE if e not in ("BANK_CARD", "FINANCIAL_ACCOUNT")), key=t.rank)
    for entity in ("CN_PERSON_NAME", "CN_ADDRESS", "DATE_OF_BIRTH", "IP_ADDRESS", "EMAIL", "CN_USCC"):
        assert t.rank(column_level(t, entity)) < t.rank(sensitive), entity
    # an ID number alone is not sensitive PI (GB/T 45574, TC260-PG-20244A), though a direct identifier
    assert t.rank(column_level(t, "CN_RESIDENT_ID")) < t.rank(sensitive)


def test_general_is_core_important_and_four_general_sub_levels() -> None:
    t = load_template("general")
    assert [lv.name for lv in t.levels] == ["一般数据1级", "一般数据2级", "一般数据3级", "一般数据4级", "重要数据", "核心数据"]
    # the Annex H split is third-party only: marked uncertain
    assert all(t.level(f"G{i}").uncertain for i in range(1, 5))
    assert not t.level("I").uncertain
    assert [c.name for c in t.categories[:3]] == ["个人信息", "组织数据", "公共数据"]
    assert {column_level(t, e) for e in SENSITIVE} == {"G4"}
    assert column_level(t, "CN_RESIDENT_ID") == "G3"
    assert t.important_data is not None and t.important_data.min_level == "I"


def test_general_million_people_is_only_an_uncertain_candidate() -> None:
    t = load_template("general")
    agg = {a.id: a for a in t.aggregation}
    million = agg["million_people"]
    assert million.raise_to == "I" and million.when.min_rows == 1_000_000
    assert million.uncertain and "候选" in million.why
    # combinations of personal information stay within 一般数据
    assert all(t.rank(a.raise_to) <= t.rank("G4") for a in t.aggregation if a.id != "million_people" and a.raise_to)
    assert all(a.raise_by is None for a in t.aggregation)


def test_gov_levels_follow_db33_with_open_and_share_attributes() -> None:
    t = load_template("gov")
    assert [lv.label for lv in t.levels] == ["不敏感", "低敏感", "较敏感", "敏感"]
    assert t.level("L1").open == "无条件开放" and t.level("L1").share == "无条件共享"
    assert "可无条件开放" in t.level("L1").description
    assert t.level("L4").open == "不予开放"
    assert [t.level(lv).open for lv in ("L2", "L3")] == ["有条件开放", "有条件开放"]
    for lv in t.levels:  # the catalog's own vocabulary
        assert lv.open in OPEN_TYPES and lv.share in SHARE_TYPES
        assert lv.uncertain  # the share attribute per level is inferred
    assert t.unclassified == "public.other" and t.default_level == "L1"
    assert {column_level(t, e) for e in SENSITIVE} == {"L4"}
    agg = {a.id: a for a in t.aggregation}
    assert agg["million_people"].raise_to == "L4"
    assert agg["identity_plus_location"].raise_by == 1


def test_industrial_domains_and_three_levels() -> None:
    t = load_template("industrial")
    assert [lv.name for lv in t.levels] == ["一级", "二级", "三级"]
    assert [c.name for c in t.categories] == ["研发数据域", "生产数据域", "运维数据域", "管理数据域", "外部数据域", "个人信息", "待分类数据"]
    assert {c.name for c in t.category("production").children} == {"控制信息", "工况状态", "工艺参数", "系统日志"}
    assert all(lv.uncertain for lv in t.levels)  # the criteria of each level are from memory
    # 三级 is never assigned by a rule: it needs a person's judgement
    assert all(r.level != "IND3" for r in t.rules)
    assert all(a.raise_to != "IND3" and a.raise_by is None for a in t.aggregation)


def test_financial_five_levels_and_categories() -> None:
    t = load_template("financial")
    assert [lv.name for lv in t.levels] == [f"第{i}级" for i in range(1, 6)]
    assert [c.name for c in t.categories] == ["客户", "业务", "经营管理", "监管", "待分类数据"]
    assert all(c.uncertain for c in t.categories[:4])
    rules = {r.id: r for r in t.rules}
    assert rules["biometric"].level == "F4" and "C3" in rules["biometric"].why
    assert not rules["biometric"].uncertain  # C3 → 4 is the one class the reference supports
    assert all(r.uncertain for r in t.rules if r.id != "biometric")
    assert all(r.level != "F5" for r in t.rules)
    assert t.important_data is not None and t.important_data.min_level == "F5"


# ---------------------------------------------------------------- overlay and mappings


def test_overlay_covers_exactly_the_entities() -> None:
    o = load_overlay()
    assert list(o.entities) == list(ENTITIES)
    assert [c.name for c in o.sensitive_pi_categories] == [
        "生物识别信息", "宗教信仰信息", "特定身份信息", "医疗健康信息", "金融账户信息", "行踪轨迹信息", "不满十四周岁未成年人的个人信息",
    ]


@pytest.mark.parametrize(
    ("entity", "pi", "sensitive", "identifier"),
    [
        ("CN_RESIDENT_ID", True, None, "direct"),  # not sensitive under 45574 / TC260-PG-20244A, but a direct identifier
        ("CN_MOBILE", True, None, "direct"),
        ("BANK_CARD", True, "金融账户信息", "direct"),
        ("FINANCIAL_ACCOUNT", True, "金融账户信息", "direct"),
        ("BIOMETRIC", True, "生物识别信息", "direct"),
        ("HEALTH_INFO", True, "医疗健康信息", "none"),
        ("RELIGIOUS_BELIEF", True, "宗教信仰信息", "none"),
        ("PRECISE_LOCATION", True, "行踪轨迹信息", "quasi"),
        ("MINOR_INFO", True, "不满十四周岁未成年人的个人信息", "none"),
        ("DATE_OF_BIRTH", True, None, "quasi"),
        ("CN_USCC", False, None, "none"),
        ("CN_ORG_CODE", False, None, "none"),
    ],
)
def test_overlay_entries(entity: str, pi: bool, sensitive: str | None, identifier: str) -> None:
    e = load_overlay().entity(entity)
    assert (e.pi, e.sensitive_pi, e.identifier) == (pi, sensitive, identifier)
    assert e.source


def test_overlay_and_templates_agree_on_sensitive_entities() -> None:
    sensitive = sorted(e for e, a in load_overlay().entities.items() if a.sensitive_pi)
    assert sensitive == sorted(SENSITIVE)


def test_overlay_id_note_says_not_sensitive_but_direct() -> None:
    note = load_overlay().entity("CN_RESIDENT_ID").note or ""
    assert "不是敏感个人信息" in note and "直接标识符" in note


@pytest.mark.parametrize(
    ("from_", "to", "level", "expected"),
    [
        ("gov", "general", "L1", "G1"), ("gov", "general", "L4", "G4"),
        ("general", "gov", "I", "L4"), ("general", "gov", "C", "L4"),
        ("financial", "general", "F5", "I"), ("general", "financial", "G4", "F4"),
        ("industrial", "general", "IND3", "I"), ("general", "industrial", "G2", "IND1"),
    ],
)
def test_mappings(from_: str, to: str, level: str, expected: str) -> None:
    m = load_mappings().get(from_, to)
    assert m.map(level) == expected
    assert m.uncertain and m.why


def test_every_template_maps_to_and_from_general() -> None:
    pairs = {(m.from_, m.to) for m in load_mappings().mappings}
    for name in NAMES:
        if name != "general":
            assert {(name, "general"), ("general", name)} <= pairs


def test_readme_names_every_file_and_its_version() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for name in [*NAMES, "pi_overlay", "mappings"]:
        assert f"`{name}.yaml`" in readme, name
    assert "2026.1" in readme


@pytest.mark.parametrize("name", NAMES)
def test_readme_table_matches_the_data(name: str) -> None:
    t = load_template(name)
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith(f"| `{name}.yaml` |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1] == t.version
    assert [int(c) for c in cells[-3:]] == [len(t.rules), len(t.category_ids), len(t.aggregation)]
    assert all(lv in cells[3] for lv in t.level_ids)


# ---------------------------------------------------------------- lookups and unknown names


def test_unknown_template_lists_known_names() -> None:
    with pytest.raises(ConfigError) as e:
        load_template("nope")
    assert "未知的分级模板" in e.value.zh and all(n in e.value.zh for n in NAMES)
    assert "unknown grading template 'nope'" in e.value.en and "general" in e.value.en


@pytest.mark.parametrize(
    "call",
    [
        lambda: load_template("gov").level("L9"),
        lambda: load_template("gov").rank("G1"),
        lambda: load_template("gov").category("nope"),
        lambda: load_overlay().entity("QQ_NUMBER"),
        lambda: load_mappings().get("gov", "financial"),
        lambda: load_mappings().get("gov", "general").map("G1"),
    ],
)
def test_unknown_lookups_raise(call: Callable[[], object]) -> None:
    with pytest.raises(ConfigError):
        call()


# ---------------------------------------------------------------- broken files


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation of the parsed gov template: set ``a.0.b`` to ``value`` (``...`` deletes)."""

    def apply(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        key_: Any = int(last) if isinstance(node, list) else last
        if value is ...:
            del node[key_]
        else:
            node[key_] = value

    return apply


def _append(path: str, item: Any) -> Callable[[dict[str, Any]], None]:
    def apply(data: dict[str, Any]) -> None:
        node: Any = data
        for key in path.split("."):
            node = node[int(key)] if isinstance(node, list) else node[key]
        node.append(item)

    return apply


BROKEN = [
    (_set("rules.0.category", "personal.nope"), "不在分类树中", "is not in the tree", "category does not exist"),
    (_set("rules.0.level", "L5"), "未知级别 'L5'", "unknown level 'L5'", "level does not exist"),
    (_set("rules.0.when.entities", ["BIOMETRIC", "QQ_NUMBER"]), "未知实体 QQ_NUMBER", "unknown entity QQ_NUMBER", "entity not in ENTITIES"),
    (_set("levels.1.id", "L1"), "级别 id 重复：L1", "duplicate level id: L1", "levels must be unique"),
    (_set("rules.1.id", "biometric"), "规则 id 重复", "duplicate rule id: biometric", "rule ids unique"),
    (_set("default_level", "L0"), "default_level：未知级别", "default_level: unknown level", "default level must exist"),
    (_set("unclassified", "public.nope"), "unclassified：分类", "unclassified: category", "unclassified must exist"),
    (_set("aggregation.0.raise_by", 1), "raise_to 与 raise_by", "exactly one of raise_to and raise_by", "both raises"),
    (_set("aggregation.0.raise_to", ...), "raise_to 与 raise_by", "exactly one of raise_to and raise_by", "no raise"),
    (_set("aggregation.0.raise_to", "L7"), "未知级别 'L7'", "unknown level 'L7'", "raise target must exist"),
    (_set("aggregation.1.when.all_groups", [["CN_ADDRESS"], []]), "空组", "empty group", "empty group"),
    (_set("aggregation.1.when", {"min_rows": 10}), "entities_any 或 all_groups", "entities_any or all_groups", "condition without entities"),
    (_set("important_data.min_level", "L9"), "important_data：未知级别", "important_data: unknown level", "important level must exist"),
    (_set("categories.0.children.0.id", "identity"), "应为 personal.<名称>", "must be personal.<name>", "child id not dotted by path"),
    (_set("categories.1.children.0.id", "personal.x"), "legal_person.<名称>", "legal_person.<name>", "child under the wrong parent"),
    (_set("template", "general"), "应与文件名 'gov' 相同", "must equal the file name 'gov'", "name differs from file"),
    (_set("version", 2026.1), "version：应为字符串", "version: Input should be a valid string", "unquoted version"),
    (_set("rules.0.colour", "red"), "rules[0].colour：不允许的字段", "rules[0].colour: Extra inputs", "unknown key"),
    (_set("levels.0.name", ...), "levels[0].name：缺少必填字段", "levels[0].name: Field required", "missing key"),
    (_set("rules.0.when.entities", []), "rules[0].when.entities：不能为空", "rules[0].when.entities", "empty entity list"),
    (_set("rules.2.when.domains", ["health"]), "以下实体没有不限领域的规则：BIOMETRIC", "no rule without domains maps these entities: BIOMETRIC",
     "an entity only mapped under a domain falls through elsewhere"),
    (_set("rules.2.when.domains", ["医疗卫生"]), "rules (biometric)：未知领域 医疗卫生", "rules (biometric): unknown domain 医疗卫生",
     "a rule names a domain by an alias, not its id"),
    (_set("aggregation.3.when.domains", ["traffic"]), "aggregation (public_security_personal)：未知领域 traffic",
     "aggregation (public_security_personal): unknown domain traffic", "an aggregation names an undefined domain"),
    (_set("domains.1.aliases", ["户籍"]), "领域名称或别名重复：户籍", "duplicate domain name or alias: 户籍", "two domains claim one alias"),
    (_set("domains.0.category", "personal.unknown"), "domains[0] (population)：分类 'personal.unknown' 不在分类树中",
     "domains[0] (population): category 'personal.unknown' is not in the tree", "a domain's category must exist"),
    (_set("domains.0.level", "L9"), "domains[0] (population)：未知级别 'L9'", "domains[0] (population): unknown level 'L9'",
     "a domain's level must exist"),
    (_set("aggregation.1.raise_by", True), "aggregation[1].raise_by：应为整数", "aggregation[1].raise_by", "yes is not a step count"),
    (_set("aggregation.0.when.min_rows", 0), "aggregation[0].when.min_rows：数值过小", "min_rows", "row threshold must be positive"),
    (_append("rules", {"id": "Bad-Id", "when": {"entities": ["EMAIL"]}, "category": "public.other", "level": "L1", "why": "x"}),
     "rules[18].id：格式不正确", "rules[18].id: String should match pattern", "rule id shape"),
]


@pytest.mark.parametrize(("mutate", "zh", "en", "reason"), BROKEN, ids=[b[3] for b in BROKEN])
def test_broken_template_is_rejected_naming_file_and_problem(
    tmp_path: Path, mutate: Callable[[dict[str, Any]], None], zh: str, en: str, reason: str
) -> None:
    data = raw("gov")
    mutate(data)
    path = tmp_path / "gov.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_template_file(path)
    assert "分级模板 gov.yaml" in e.value.zh and zh in e.value.zh, reason
    assert "grading template gov.yaml" in e.value.en and en in e.value.en, reason
    assert e.value.details["file"] == str(path)


def test_unchanged_copy_loads(tmp_path: Path) -> None:
    path = tmp_path / "gov.yaml"
    path.write_text(yaml.safe_dump(raw("gov"), allow_unicode=True), encoding="utf-8")
    assert load_template_file(path) == load_template("gov")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    data = raw("gov")
    data["rules"][0]["level"] = "L5"
    data["rules"][1]["category"] = "x.y"
    path = tmp_path / "gov.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_template_file(path)
    assert "有 2 处错误" in e.value.zh and len(e.value.details["errors"]) == 2


@pytest.mark.parametrize(
    ("text", "zh"),
    [("levels: [", "YAML 格式错误"), ("- a\n- b\n", "应是一个映射"), ("", "应是一个映射")],
)
def test_malformed_file(tmp_path: Path, text: str, zh: str) -> None:
    path = tmp_path / "gov.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_template_file(path)
    assert zh in e.value.zh and "gov.yaml" in e.value.en


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as e:
        load_template_file(tmp_path / "gone.yaml")
    assert "文件不存在" in e.value.zh and "gone.yaml" in e.value.en


@pytest.mark.parametrize(
    ("mutate", "zh"),
    [
        (lambda d: d["entities"].pop("EMAIL"), "缺少实体：EMAIL"),
        (lambda d: d["entities"].update(QQ_NUMBER=d["entities"]["EMAIL"]), "未知实体 QQ_NUMBER"),
        (lambda d: d["entities"]["HEALTH_INFO"].update(sensitive_pi="健康信息"), "未知的敏感个人信息类别 '健康信息'"),
        (lambda d: d["entities"]["CN_USCC"].update(identifier="direct"), "CN_USCC：非个人信息"),
        (lambda d: d["entities"]["EMAIL"].update(identifier="strong"), "entities.EMAIL.identifier：取值不在允许范围内"),
        (lambda d: d["entities"]["EMAIL"].pop("sensitive_pi"), "entities.EMAIL.sensitive_pi：缺少必填字段"),
    ],
)
def test_broken_overlay(tmp_path: Path, mutate: Callable[[dict[str, Any]], object], zh: str) -> None:
    data = raw("pi_overlay")
    mutate(data)
    path = tmp_path / "pi_overlay.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_overlay_file(path)
    assert "个人信息属性表 pi_overlay.yaml" in e.value.zh and zh in e.value.zh


@pytest.mark.parametrize(
    ("mutate", "zh"),
    [
        (lambda d: d["mappings"][0]["levels"].pop("L3"), "未映射的级别 L3"),
        (lambda d: d["mappings"][0]["levels"].update(L2="G9"), "目标级别不在 general 中：L2→G9"),
        (lambda d: d["mappings"][0]["levels"].update(L5="G4"), "gov 没有级别 L5"),
        (lambda d: d["mappings"][0]["levels"].update(L1="G3"), "映射须保持级别次序"),
        (lambda d: d["mappings"][0].update({"from": "health"}), "未知模板 health"),
        (lambda d: d["mappings"][0].update({"to": "gov"}), "不能映射到自身"),
        (lambda d: d["mappings"].append(d["mappings"][0]), "映射重复：gov→general"),
    ],
)
def test_broken_mappings(tmp_path: Path, mutate: Callable[[dict[str, Any]], object], zh: str) -> None:
    data = raw("mappings")
    mutate(data)
    path = tmp_path / "mappings.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_mappings_file(path)
    assert "级别映射表 mappings.yaml" in e.value.zh and zh in e.value.zh
