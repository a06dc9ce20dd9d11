"""The level engine on each template: 就高从严 per column, dataset level, aggregation raises, important-data candidates."""

from __future__ import annotations

import pytest

from shuzhi.grading.engine import grade, grade_column
from shuzhi.grading.templates import ENTITIES, load_template, template_names


@pytest.mark.parametrize("name", ["gov", "general", "industrial", "financial"])
def test_every_entity_gets_a_level_above_the_default_or_equal(name: str) -> None:
    t = load_template(name)
    assert set(template_names()) >= {"gov", "general", "industrial", "financial"}
    for e in ENTITIES:
        g = grade_column(t, "c", [e])
        assert g.rules, (name, e)  # some rule matched: no entity falls through to "unclassified"
        assert t.rank(g.level) >= t.rank(t.default_level)


def test_highest_rule_wins_and_the_category_follows_it() -> None:
    t = load_template("gov")
    alone = {e: grade_column(t, "c", [e]).level for e in ("CN_MOBILE", "CN_RESIDENT_ID", "BANK_CARD")}
    both = grade_column(t, "c", ["CN_MOBILE", "BANK_CARD"])
    assert both.level == max(alone["CN_MOBILE"], alone["BANK_CARD"], key=t.rank)
    assert both.category == grade_column(t, "c", ["BANK_CARD"]).category
    empty = grade_column(t, "c", [])
    assert (empty.level, empty.category, empty.rules) == (t.default_level, t.unclassified, [])
    assert "个人信息" in grade_column(t, "c", ["CN_RESIDENT_ID"]).category_path


def test_overlay_roles() -> None:
    g = grade_column(load_template("gov"), "c", ["CN_RESIDENT_ID", "HEALTH_INFO"])
    assert g.identifiers["CN_RESIDENT_ID"] == "direct"
    assert g.sensitive_pi and all(isinstance(s, str) for s in g.sensitive_pi)


def test_dataset_level_is_the_highest_column_then_raised() -> None:
    t = load_template("gov")
    cols = [("xm", ["CN_PERSON_NAME"]), ("sfzh", ["CN_RESIDENT_ID"]), ("bz", [])]
    small = grade(t, cols, rows=1000)
    assert [c.level for c in small.columns] == ["L2", "L3", "L1"]
    assert (small.level, small.raises) == ("L3", [])
    big = grade(t, cols, rows=2_000_000)  # 100万 people's identities
    assert big.level == "L4" and [r["rule"] for r in big.raises] == ["million_people"]
    located = grade(t, [*cols, ("jtzz", ["CN_ADDRESS"])], rows=1000)  # identity + location, raised by one
    assert located.level == "L4" and [r["rule"] for r in located.raises] == ["identity_plus_location"]
    assert located.raises[0]["from"] == "L3" and located.raises[0]["to"] == "L4"


def test_important_data_candidates() -> None:
    t = load_template("general")
    assert t.important_data is not None
    nothing = grade(t, [("c", [])], rows=10)
    assert nothing.level == t.default_level and not nothing.important_candidate


def test_raise_by_is_capped_at_the_top() -> None:
    t = load_template("gov")
    top = t.level_ids[-1]
    cols = [("a", ["BIOMETRIC"]), ("b", ["CN_RESIDENT_ID"]), ("c", ["GEO_COORDINATE"])]
    g = grade(t, cols, rows=5_000_000)
    assert g.level == top
    assert all(r["to"] in t.level_ids for r in g.raises)


# --- business domains (业务领域) ---------------------------------------------------------------
def test_a_domain_is_found_by_id_name_or_alias_ignoring_case_and_spaces() -> None:
    t = load_template("gov")
    assert [t.domain(x).id for x in ("health", "卫生健康", " 医疗 卫生 ", "HEALTH", "人口库")] == ["health"] * 4 + ["population"]
    assert (t.domain("交通"), t.domain(None), t.domain("")) == (None, None, None)
    assert load_template("general").domain("卫生健康") is None  # a template without domains


def test_domain_rules_apply_only_in_their_domain() -> None:
    t = load_template("gov")
    cols = [("xm", ["CN_PERSON_NAME"]), ("zd", [])]
    plain = grade(t, cols, rows=10)
    health = grade(t, cols, rows=10, domain="医疗卫生")
    assert [(c.category, c.level) for c in plain.columns] == [("personal.basic", "L2"), (t.unclassified, "L1")]
    assert (plain.level, plain.domain) == ("L2", None)
    xm, zd = health.columns
    assert (xm.category, xm.level, xm.rules) == ("personal.health", "L4", ["health_identity", "person_name"])
    # the column with no finding is placed by the domain, and says why
    assert (zd.category, zd.level, zd.rules) == ("personal.health", "L3", ["domain:health"]) and "卫生健康" in zd.why[0]
    assert health.level == "L4" and health.domain == {"given": "医疗卫生", "id": "health", "name": "卫生健康"}
    # a domain the template does not know applies no domain rule, and the result says so
    other = grade(t, cols, rows=10, domain="交通运输")
    assert [(c.category, c.level) for c in other.columns] == [(c.category, c.level) for c in plain.columns]
    assert other.domain == {"given": "交通运输", "id": None, "name": None}


def test_domain_aggregation_raises_the_dataset() -> None:
    t = load_template("gov")
    cols = [("xm", ["CN_PERSON_NAME"]), ("cph", ["CN_LICENSE_PLATE"])]
    assert grade(t, cols, rows=10).level == "L2"
    police = grade(t, cols, rows=10, domain="公安")
    assert police.level == "L4" and [r["rule"] for r in police.raises] == ["public_security_personal"]
    assert grade(t, [("bz", [])], rows=10, domain="公安").raises == []  # no personal entity: nothing to raise


def test_geospatial_coordinates_are_graded_higher_in_their_domain() -> None:
    t = load_template("gov")
    assert grade_column(t, "zb", ["GEO_COORDINATE"]).level == "L2"
    assert grade(t, [("zb", ["GEO_COORDINATE"])], domain="自然资源和空间地理").columns[0].level == "L3"


@pytest.mark.parametrize(("name", "domain", "category"), [
    ("industrial", "生产", "production"), ("industrial", "研发设计", "rd"), ("financial", "监管报送", "regulation"),
    ("gov", "法人", "legal_person.operation"),
])
def test_a_domain_places_the_columns_without_findings(name: str, domain: str, category: str) -> None:
    t = load_template(name)
    g = grade(t, [("gycs", []), ("sfzh", ["CN_RESIDENT_ID"])], domain=domain)
    assert g.columns[0].category == category and g.columns[0].level == t.default_level
    assert g.columns[1].category == grade_column(t, "sfzh", ["CN_RESIDENT_ID"]).category  # findings keep their rule
