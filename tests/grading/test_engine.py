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
