"""The level engine: entities found per column → category and level per column and per dataset.

It follows the semantics in :mod:`shuzhi.grading.templates` (就高从严, aggregation raises) and
records why: the rules that matched and the raises applied. Pure Python over a handful of
findings; no data is read here.

>>> from shuzhi.grading.templates import load_template
>>> g = grade(load_template("gov"), [("sfzh", {"CN_RESIDENT_ID"}), ("bz", set())], rows=10)
>>> [(c.name, c.level) for c in g.columns], g.level
([('sfzh', 'L3'), ('bz', 'L1')], 'L3')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from shuzhi.grading.templates import Domain, Template, load_overlay

DEFAULT_TEMPLATE = "gov"


@dataclass
class ColumnGrade:
    name: str
    entities: list[str]
    category: str
    category_path: str
    level: str
    level_name: str
    rules: list[str]
    why: list[str]
    #: GB/T 45574 sensitive-PI categories and GB/T 37964 identifier roles of the entities found
    sensitive_pi: list[str] = field(default_factory=list)
    identifiers: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class DatasetGrade:
    template: str
    template_version: str
    level: str
    level_name: str
    columns: list[ColumnGrade]
    raises: list[dict[str, str]]
    important_candidate: bool
    #: the business domain as given (catalog 业务领域 or 基础库) and what the template made of it
    domain: dict[str, str | None] | None = None

    def column(self, name: str) -> ColumnGrade:
        return next(c for c in self.columns if c.name == name)


def category_path(t: Template, category: str) -> str:
    """The names along a category's path: ``个人信息 / 身份标识信息``."""
    parts = category.split(".")
    return " / ".join(t.category(".".join(parts[: i + 1])).name for i in range(len(parts)))


def _level_name(t: Template, level: str) -> str:
    lv = t.level(level)
    return f"{lv.name}（{lv.label}）" if lv.label else lv.name


def grade_column(t: Template, name: str, entities: Iterable[str], *, domain: Domain | None = None) -> ColumnGrade:
    """Category and level of one column from the entities found in it (and the dataset's business domain)."""
    found = sorted(set(entities))
    matched = [r for r in t.rules if set(r.when.entities) & set(found) and (not r.when.domains or (domain is not None and domain.id in r.when.domains))]
    rules, why = [r.id for r in matched], [r.why for r in matched]
    if matched:
        top = max(t.rank(r.level) for r in matched)
        chosen = next(r for r in matched if t.rank(r.level) == top)
        category, level = chosen.category, chosen.level
    else:
        category, level = t.unclassified, t.default_level
        if domain is not None and (domain.category or domain.level):
            category, level = domain.category or category, domain.level or level
            rules, why = [f"domain:{domain.id}"], [f"业务领域 {domain.name}：未发现实体的列按领域归类定级"]
    overlay = load_overlay()
    pi = {e: overlay.entity(e) for e in found}
    return ColumnGrade(
        name=name, entities=found, category=category, category_path=category_path(t, category), level=level,
        level_name=_level_name(t, level), rules=rules, why=why,
        sensitive_pi=sorted({p.sensitive_pi for p in pi.values() if p.sensitive_pi}),
        identifiers={e: p.identifier for e, p in pi.items() if p.identifier != "none"},
    )


def grade(t: Template, columns: Iterable[tuple[str, Iterable[str]]], *, rows: int | None = None,
          domain: str | None = None) -> DatasetGrade:
    """Grade a dataset: each column, then the highest column level raised by the aggregation rules.

    ``rows`` stands for the number of people a personal-information rule counts (one row, one
    person: an approximation the templates' notes state). ``domain`` is the dataset's business
    domain as the catalog gives it (业务领域, else 基础库), resolved by the template's ``domains``.
    """
    d = t.domain(domain)
    graded = [grade_column(t, name, ents, domain=d) for name, ents in columns]
    present = {e for c in graded for e in c.entities}
    top = max((t.rank(c.level) for c in graded), default=t.rank(t.default_level))
    rank, raises = raise_level(t, top, present, rows, domain=d)
    level = t.level_ids[rank]
    candidate = t.important_data is not None and rank >= t.rank(t.important_data.min_level)
    given = {"given": domain, "id": d.id if d else None, "name": d.name if d else None} if domain else None
    return DatasetGrade(t.template, t.version, level, _level_name(t, level), graded, raises, candidate, given)


def raise_level(t: Template, rank: int, present: set[str], rows: int | None, *,
                domain: Domain | None = None) -> tuple[int, list[dict[str, str]]]:
    """Apply the template's aggregation rules to a dataset level (a rank): the new rank and the raises made."""
    raises: list[dict[str, str]] = []
    for a in t.aggregation:
        w = a.when
        holds = not w.domains or (domain is not None and domain.id in w.domains)
        if w.entities_any is not None:
            holds = holds and bool(present & set(w.entities_any))
        if w.min_rows is not None:
            holds = holds and rows is not None and rows >= w.min_rows
        if w.all_groups is not None:
            holds = holds and all(present & set(group) for group in w.all_groups)
        if not holds:
            continue
        before = rank
        if a.raise_to is not None:
            rank = max(rank, t.rank(a.raise_to))
        else:
            rank = min(len(t.level_ids) - 1, rank + int(a.raise_by or 0))
        if rank != before:
            raises.append({"rule": a.id, "from": t.level_ids[before], "to": t.level_ids[rank], "why": a.why})
    return rank, raises
