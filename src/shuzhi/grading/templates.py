"""Grading templates (数据分类分级模板): level schemes, category trees and column rules as data.

Each scheme is a YAML file under ``grading/templates/`` with its version and source
(README.md there says what each follows and what is uncertain). This module only reads
and validates them; it decides nothing. What the level engine does with a template:

- A column's findings (entity ids) are matched against ``rules``: a rule matches when any
  of its ``when.entities`` was found in the column and, if it has ``when.domains``, the
  dataset's business domain is one of them. Every matching rule applies and the highest
  level wins (就高从严, GB/T 43697-2024 clause 4); the category comes from the
  highest-level matching rule, the first in file order among equals. A column that
  matches nothing gets ``default_level`` and the ``unclassified`` category — or, in a
  dataset of a business domain that names them, the domain's ``category`` and ``level``.
- A dataset's business domain is the catalog's 业务领域 (or, when that is empty, its 基础库),
  free text that the template's ``domains`` resolve by id, name or alias (case-insensitive);
  text no domain claims matches no domain rule, and the result says so.
- A dataset's level is the highest of its columns' levels. Then every ``aggregation``
  rule whose condition holds raises it: ``raise_to`` to at least that level (never
  lower), ``raise_by`` by that many steps, capped at the top level.
- A dataset at or above ``important_data.min_level`` is a *candidate* for the
  重要数据目录, for a person to confirm.

>>> t = load_template("gov")
>>> t.level_ids
('L1', 'L2', 'L3', 'L4')
>>> t.level("L4").open
'不予开放'
>>> t.rank("L3") > t.rank("L2")
True
>>> load_overlay().entity("CN_RESIDENT_ID").identifier
'direct'
>>> load_mappings().get("gov", "general").map("L4")
'G4'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shuzhi.errors import ConfigError

#: Entity ids the discovery module emits; templates and the overlay may name only these.
ENTITIES: tuple[str, ...] = (
    "CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "BANK_CARD", "CN_USCC", "CN_ORG_CODE",
    "CN_PASSPORT", "CN_HKMO_PERMIT", "CN_LICENSE_PLATE", "EMAIL", "IP_ADDRESS", "MAC_ADDRESS",
    "CN_PERSON_NAME", "CN_ADDRESS", "GEO_COORDINATE", "CN_ETHNICITY", "DATE_OF_BIRTH",
    "HEALTH_INFO", "RELIGIOUS_BELIEF", "BIOMETRIC", "FINANCIAL_ACCOUNT", "PRECISE_LOCATION",
    "MINOR_INFO",
)

_DATA = resources.files("shuzhi.grading") / "templates"
#: files in the templates folder that are not level schemes
_OVERLAY, _MAPPINGS = "pi_overlay", "mappings"
_LEVEL_ID = r"^[A-Za-z][A-Za-z0-9_]*$"
_RULE_ID = r"^[a-z][a-z0-9_]*$"

Identifier = Literal["direct", "quasi", "none"]
Problem = tuple[str, str]  # (zh, en)
M = TypeVar("M", bound=BaseModel)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class _Noted(_Model):
    #: set where the entry rests on a ◐/❓ source or on our own judgement; ``note`` says which
    uncertain: bool = False
    note: str | None = None


class Reference(_Noted):
    """A standard or document a file follows; ``uncertain`` when only partly seen."""

    code: str
    title: str
    issued: dt.date | None = None
    effective: dt.date | None = None


class Level(_Noted):
    """One level of a scheme; ``open``/``share`` only where the scheme defines them (public data)."""

    id: str = Field(pattern=_LEVEL_ID)
    name: str
    name_en: str | None = None
    label: str | None = None
    open: str | None = None
    share: str | None = None
    description: str


class Category(_Noted):
    """A node of the category tree; ids are dotted by path (``personal.identity``)."""

    id: str
    name: str
    name_en: str | None = None
    description: str | None = None
    children: tuple[Category, ...] = ()


class Domain(_Noted):
    """A business domain (业务领域) that rules may name: matched by its id, name or an alias."""

    id: str = Field(pattern=_RULE_ID)
    name: str
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    #: where a column with no finding goes in a dataset of this domain (default: ``unclassified``)
    category: str | None = None
    #: and at which level (default: ``default_level``)
    level: str | None = None

    def names(self) -> tuple[str, ...]:
        return (self.id, self.name, *self.aliases)


def domain_key(text: str) -> str:
    """How domain names compare: case-folded, without white space."""
    return "".join(text.split()).casefold()


class RuleWhen(_Model):
    entities: tuple[str, ...] = Field(min_length=1)
    domains: tuple[str, ...] | None = Field(None, min_length=1)


class Rule(_Noted):
    """Column rule: any of ``when.entities`` found in the column → ``category`` at ``level``."""

    id: str = Field(pattern=_RULE_ID)
    when: RuleWhen
    category: str
    level: str
    why: str


class AggregationWhen(_Model):
    entities_any: tuple[str, ...] | None = Field(None, min_length=1)
    min_rows: int | None = Field(None, ge=1, strict=True)
    all_groups: tuple[tuple[str, ...], ...] | None = Field(None, min_length=1)
    domains: tuple[str, ...] | None = Field(None, min_length=1)


class Aggregation(_Noted):
    """Dataset-level raise: exactly one of ``raise_to`` (a level id) and ``raise_by`` (steps)."""

    id: str = Field(pattern=_RULE_ID)
    when: AggregationWhen
    raise_to: str | None = None
    raise_by: int | None = Field(None, ge=1, strict=True)
    why: str


class ImportantData(_Noted):
    min_level: str
    why: str


class _Document(_Model):
    """What every data file here states about itself: version, titles, sources, notes."""

    version: str
    title: str
    title_en: str
    source: str
    references: tuple[Reference, ...] = ()
    notes: tuple[str, ...] = ()


class Template(_Document):
    """One grading scheme (levels lowest first, category tree, column and aggregation rules)."""

    template: str
    levels: tuple[Level, ...] = Field(min_length=1)
    default_level: str
    categories: tuple[Category, ...] = Field(min_length=1)
    unclassified: str
    rules: tuple[Rule, ...] = Field(min_length=1)
    aggregation: tuple[Aggregation, ...] = ()
    important_data: ImportantData | None = None
    domains: tuple[Domain, ...] = ()

    def domain(self, text: str | None) -> Domain | None:
        """The business domain ``text`` (a catalog 业务领域 or 基础库) names in this template, if any."""
        if not text:
            return None
        key = domain_key(text)
        return next((d for d in self.domains if key in {domain_key(n) for n in d.names()}), None)

    @property
    def level_ids(self) -> tuple[str, ...]:
        """Level ids, lowest first."""
        return tuple(lv.id for lv in self.levels)

    @property
    def top(self) -> Level:
        return self.levels[-1]

    def level(self, level_id: str) -> Level:
        for lv in self.levels:
            if lv.id == level_id:
                return lv
        raise _unknown("级别", "level", level_id, self.level_ids, self.template)

    def rank(self, level_id: str) -> int:
        """Position of a level, 0 = lowest; compare ranks, never ids."""
        self.level(level_id)  # unknown → ConfigError
        return self.level_ids.index(level_id)

    def iter_categories(self) -> Iterator[Category]:
        """Every node of the tree, depth first, in file order."""
        return _walk(self.categories)

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.iter_categories())

    def category(self, category_id: str) -> Category:
        for c in self.iter_categories():
            if c.id == category_id:
                return c
        raise _unknown("分类", "category", category_id, self.category_ids, self.template)


class SensitiveCategory(_Noted):
    """A category of sensitive personal information (PIPL Art. 28 / GB/T 45574 Annex A)."""

    name: str
    name_en: str
    source: str


class EntityPI(_Noted):
    """What an entity is under PI law: PI or not, its sensitive category, its GB/T 37964 role."""

    pi: bool
    sensitive_pi: str | None
    identifier: Identifier
    source: str


class Overlay(_Document):
    """Per-entity personal-information attributes, independent of any level scheme."""

    overlay: str
    sensitive_pi_categories: tuple[SensitiveCategory, ...] = Field(min_length=1)
    entities: dict[str, EntityPI]

    def entity(self, entity_id: str) -> EntityPI:
        if entity_id not in self.entities:
            raise _unknown("实体", "entity", entity_id, ENTITIES, "pi_overlay")
        return self.entities[entity_id]


class LevelMapping(_Noted):
    """Levels of scheme ``from_`` → levels of scheme ``to`` (every ``from_`` level mapped)."""

    from_: str = Field(alias="from")
    to: str
    levels: dict[str, str]
    why: str

    def map(self, level_id: str) -> str:
        if level_id not in self.levels:
            raise _unknown("级别", "level", level_id, tuple(self.levels), self.from_)
        return self.levels[level_id]


class Mappings(_Model):
    version: str
    title: str
    title_en: str
    source: str
    notes: tuple[str, ...] = ()
    mappings: tuple[LevelMapping, ...] = Field(min_length=1)

    def get(self, from_: str, to: str) -> LevelMapping:
        for m in self.mappings:
            if (m.from_, m.to) == (from_, to):
                return m
        pairs = [f"{m.from_}→{m.to}" for m in self.mappings]
        raise ConfigError(
            f"没有从 {from_} 到 {to} 的级别映射，可用：{'、'.join(pairs)}",
            f"no level mapping from {from_} to {to}; known: {', '.join(pairs)}",
        )


# ---------------------------------------------------------------- public loaders


def template_names() -> list[str]:
    """Names of the shipped grading templates (file names without ``.yaml``)."""
    stems = (p.name.removesuffix(".yaml") for p in _DATA.iterdir() if p.name.endswith(".yaml"))
    return sorted(s for s in stems if s not in (_OVERLAY, _MAPPINGS))


@cache
def load_template(name: str) -> Template:
    """Load and validate a shipped template by name, e.g. ``load_template("general")``."""
    names = template_names()
    if name not in names:
        raise ConfigError(
            f"未知的分级模板 {name!r}，可用：{'、'.join(names)}",
            f"unknown grading template {name!r}; known: {', '.join(names)}",
        )
    return load_template_file(_DATA / f"{name}.yaml")


@cache
def load_overlay() -> Overlay:
    """The per-entity personal-information overlay (``pi_overlay.yaml``)."""
    return load_overlay_file(_DATA / f"{_OVERLAY}.yaml")


@cache
def load_mappings() -> Mappings:
    """Level mappings between the shipped schemes (``mappings.yaml``)."""
    return load_mappings_file(_DATA / f"{_MAPPINGS}.yaml")


def load_template_file(path: Path | Traversable) -> Template:
    """Read and validate one template file; its ``template`` field must equal the file name."""
    kind = ("分级模板", "grading template")
    template = _parse(Template, path, kind)
    from shuzhi.grading.template_checks import template_problems

    _raise_if_any(template_problems(template, path.name.removesuffix(".yaml")), path, kind)
    return template


def load_overlay_file(path: Path | Traversable) -> Overlay:
    kind = ("个人信息属性表", "PI overlay")
    overlay = _parse(Overlay, path, kind)
    from shuzhi.grading.template_checks import overlay_problems

    _raise_if_any(overlay_problems(overlay), path, kind)
    return overlay


def load_mappings_file(path: Path | Traversable, templates: Mapping[str, Template] | None = None) -> Mappings:
    """Read and validate a mappings file against ``templates`` (default: the shipped ones)."""
    kind = ("级别映射表", "level mappings")
    mappings = _parse(Mappings, path, kind)
    if templates is None:
        templates = {name: load_template(name) for name in template_names()}
    from shuzhi.grading.template_checks import mapping_problems

    _raise_if_any(mapping_problems(mappings, templates), path, kind)
    return mappings


# ---------------------------------------------------------------- reading and errors


def _parse(model: type[M], path: Path | Traversable, kind: tuple[str, str]) -> M:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _error([("文件不存在", "file not found")], path, kind) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f"第 {mark.line + 1} 行：" if mark else ""
        at_en = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        raise _error([(f"{at}YAML 格式错误：{problem}", f"{at_en}malformed YAML: {problem}")], path, kind) from e
    if not isinstance(data, dict):
        raise _error([("文件应是一个映射（键: 值）", "the file must be a mapping (key: value)")], path, kind)
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise _error([_pydantic_problem(err) for err in e.errors()], path, kind) from e


# zh for pydantic's error types; others fall back to pydantic's English message
_PYDANTIC_ZH = {
    "missing": "缺少必填字段", "extra_forbidden": "不允许的字段", "string_type": "应为字符串",
    "int_type": "应为整数", "int_parsing": "应为整数", "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false", "too_short": "不能为空", "string_pattern_mismatch": "格式不正确",
    "greater_than_equal": "数值过小", "tuple_type": "应为列表", "list_type": "应为列表",
    "dict_type": "应为映射", "model_type": "应为映射", "literal_error": "取值不在允许范围内",
    "date_type": "应为日期", "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
}


def _pydantic_problem(err: Any) -> Problem:
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"]).lstrip(".")
    msg = err["msg"].removeprefix("Value error, ")
    zh = _PYDANTIC_ZH.get(err["type"], msg)
    return (f"{where}：{zh}" if where else zh, f"{where}: {msg}" if where else msg)


def _raise_if_any(problems: list[Problem], path: Path | Traversable, kind: tuple[str, str]) -> None:
    if problems:
        raise _error(problems, path, kind)


def _error(problems: list[Problem], path: Path | Traversable, kind: tuple[str, str]) -> ConfigError:
    return ConfigError(
        f"{kind[0]} {path.name} 有 {len(problems)} 处错误：{'；'.join(zh for zh, _ in problems)}",
        f"{kind[1]} {path.name} has {len(problems)} error(s): {'; '.join(en for _, en in problems)}",
        file=str(path), errors=[{"zh": zh, "en": en} for zh, en in problems],
    )


def _unknown(what_zh: str, what_en: str, value: str, known: Iterable[str], scheme: str) -> ConfigError:
    known = list(known)
    return ConfigError(
        f"{scheme} 中没有{what_zh} {value!r}，可用：{'、'.join(known)}",
        f"{scheme} has no {what_en} {value!r}; known: {', '.join(known)}",
    )


def _walk(nodes: Iterable[Category]) -> Iterator[Category]:
    for node in nodes:
        yield node
        yield from _walk(node.children)
