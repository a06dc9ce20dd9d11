"""The policy decision: defaults per template and level, per-column overrides, and bad policy files."""

from __future__ import annotations

from pathlib import Path

import pytest

from shuzhi.errors import ConfigError
from shuzhi.grading.templates import load_template
from shuzhi.masking.policy import (
    AUDIENCES,
    decide,
    defaults,
    load_policy,
    refuses_dataset,
)

# (template, level, entities, audience, expected action, reason)
DEFAULTS = [
    ("gov", "L4", ["CN_RESIDENT_ID"], "share", "deny", "L4 is never delivered"),
    ("gov", "L4", ["CN_RESIDENT_ID"], "open", "deny", "nor opened"),
    ("gov", "L3", ["CN_RESIDENT_ID"], "share", "tokenize", "L3 direct identifier shared: pseudonym"),
    ("gov", "L3", ["CN_PERSON_NAME"], "share", "mask", "L3 name shared: masked"),
    ("gov", "L3", ["CN_MOBILE"], "open", "suppress", "L3 opened: suppressed"),
    ("gov", "L2", [], "open", "mask", "L2 opened: masked"),
    ("gov", "L2", [], "share", "keep", "L2 shared as is"),
    ("gov", "L1", [], "open", "keep", "L1 opened as is"),
    ("general", "G4", ["CN_RESIDENT_ID"], "open", "deny", "sensitive PI never opened"),
    ("general", "C", [], "internal", "deny", "core data stays in its system"),
    ("financial", "F3", ["BANK_CARD"], "share", "tokenize", "JR/T 0197 level 3 card number"),
    ("industrial", "IND1", [], "open", "mask", "industrial level 1 opened masked"),
]


@pytest.mark.parametrize(("template", "level", "entities", "audience", "action", "reason"), DEFAULTS, ids=[d[5] for d in DEFAULTS])
def test_default_decisions(template: str, level: str, entities: list[str], audience: str, action: str, reason: str) -> None:
    d = decide(template=template, level=level, entities=entities, audience=audience)
    assert (d.action, d.source) == (action, "default")


@pytest.mark.parametrize("template", ["gov", "general", "industrial", "financial"])
def test_every_level_of_every_template_has_a_default_for_every_audience(template: str) -> None:
    levels = load_template(template).level_ids
    table = defaults()["templates"][template]
    assert sorted(table) == sorted(levels)
    for level in levels:
        assert set(table[level]) == set(AUDIENCES)
        for audience in AUDIENCES:
            decide(template=template, level=level, entities=["CN_RESIDENT_ID"], audience=audience)  # each one parses


def test_overrides_per_audience_and_for_all() -> None:
    per = {"open": "suppress", "share": {"transform": "mask", "keep_end": 4}}
    assert decide(template="gov", level="L3", entities=[], audience="share", override=per).options == {"keep_end": 4}
    assert decide(template="gov", level="L3", entities=[], audience="open", override=per).action == "suppress"
    # an audience the override does not name falls back to the default
    assert decide(template="gov", level="L3", entities=[], audience="internal", override=per).source == "default"
    everyone = {"transform": "hash", "key": "gov-hash"}
    d = decide(template="gov", level="L4", entities=["CN_RESIDENT_ID"], audience="open", override=everyone)
    assert (d.action, d.options, d.source) == ("hash", {"key": "gov-hash"}, "policy")


def test_dataset_refusal() -> None:
    assert refuses_dataset(template="general", level="C", audience="share")
    assert refuses_dataset(template="financial", level="F4", audience="open")
    assert not refuses_dataset(template="financial", level="F4", audience="share")
    assert not refuses_dataset(template="gov", level="L4", audience="open")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"audience": "public"}, "unknown audience"),
    ({"level": "L9"}, "no default masking for level"),
    ({"template": "nope"}, "has no default masking policy"),
])
def test_bad_decisions(kwargs: dict, message: str) -> None:
    args = {"template": "gov", "level": "L3", "entities": [], "audience": "share", **kwargs}
    with pytest.raises(ConfigError) as err:
        decide(**args)
    assert message in err.value.en and err.value.zh


def test_a_policy_file_loads_with_lines(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text("dataset: population\ncolumns:\n  sfzh: {transform: hash}\n  lxdh:\n    open: suppress\n  bz: deny\n", encoding="utf-8")
    p = load_policy(f)
    assert p.dataset == "population" and p.lines == {"sfzh": 3, "lxdh": 4, "bz": 6}
    assert p.columns["bz"] == "deny"


def test_category_overrides_take_the_longest_prefix(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text("categories:\n  personal: {open: suppress}\n  personal.health: deny\ncolumns:\n  bz: keep\n", encoding="utf-8")
    p = load_policy(f)
    assert p.override("x", "personal.health.record") == "deny"
    assert p.override("x", "personal.identity") == {"open": "suppress"}
    assert p.override("x", "personalized") is None and p.override("x", None) is None
    assert p.override("bz", "personal.health") == "keep"  # a column's own entry wins


@pytest.mark.parametrize(("text", "message"), [
    ("columns: [a, b]\n", "columns must map name"),
    ("categories:\n  personal: {transform: masc}\n", "line 2, category personal"),
    ("colums: {}\n", "unknown keys"),
    ("columns:\n  a: {transform: masc}\n", "line 2"),
    ("columns:\n  a:\n    public: keep\n", "unknown audiences"),
    ("columns:\n  a: {transform: mask, keep_first: 2}\n", "bad options for mask"),
    ("columns:\n  a: {keep: 1\n", "not valid YAML"),
    ("columns:\n  a: [mask]\n", "expected keep, deny"),
    ("- a\n", "must be a mapping"),
])
def test_bad_policy_files(tmp_path: Path, text: str, message: str) -> None:
    f = tmp_path / "p.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_policy(f)
    assert message in err.value.en and err.value.zh
