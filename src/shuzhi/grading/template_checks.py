"""Cross-checks of the grading data files beyond their schema: what :mod:`shuzhi.grading.templates`
runs when it loads a template, the PI overlay or the level mappings.

Each function returns the problems it found as (zh, en) pairs; the loader rejects a file with any.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from shuzhi.grading.templates import (
    _RULE_ID,
    ENTITIES,
    Category,
    Mappings,
    Overlay,
    Problem,
    Template,
    domain_key,
)

_SEGMENT = re.compile(_RULE_ID)


def _duplicates(what_zh: str, what_en: str, values: Iterable[str]) -> list[Problem]:
    return [(f"{what_zh}重复：{v}", f"duplicate {what_en}: {v}") for v, n in Counter(values).items() if n > 1]


def template_problems(t: Template, stem: str) -> list[Problem]:
    out: list[Problem] = []
    if t.template != stem:
        out.append((f"template 字段 {t.template!r} 应与文件名 {stem!r} 相同",
                    f"field template {t.template!r} must equal the file name {stem!r}"))
    levels = t.level_ids
    out += _duplicates("级别 id ", "level id", levels)

    def need_level(where: str, level_id: str) -> None:
        if level_id not in levels:
            out.append((f"{where}：未知级别 {level_id!r}，可用：{'、'.join(levels)}",
                        f"{where}: unknown level {level_id!r}; known: {', '.join(levels)}"))

    out += _category_problems(t.categories, parent=None)
    categories = t.category_ids
    out += _duplicates("分类 id ", "category id", categories)

    def need_category(where: str, category_id: str) -> None:
        if category_id not in categories:
            out.append((f"{where}：分类 {category_id!r} 不在分类树中", f"{where}: category {category_id!r} is not in the tree"))

    need_level("default_level", t.default_level)
    need_category("unclassified", t.unclassified)
    out += _duplicates("规则 id ", "rule id", (r.id for r in t.rules))
    for i, r in enumerate(t.rules):
        where = f"rules[{i}] ({r.id})"
        need_category(where, r.category)
        need_level(where, r.level)
        out += _entity_problems(where, r.when.entities)
    out += _duplicates("聚合规则 id ", "aggregation id", (a.id for a in t.aggregation))
    for i, a in enumerate(t.aggregation):
        where = f"aggregation[{i}] ({a.id})"
        if (a.raise_to is None) == (a.raise_by is None):
            out.append((f"{where}：raise_to 与 raise_by 须且只须给出一个",
                        f"{where}: give exactly one of raise_to and raise_by"))
        if a.raise_to is not None:
            need_level(where, a.raise_to)
        w = a.when
        if w.entities_any is None and w.all_groups is None:
            out.append((f"{where}：when 须含 entities_any 或 all_groups", f"{where}: when needs entities_any or all_groups"))
        out += _entity_problems(where, w.entities_any or ())
        for group in w.all_groups or ():
            if not group:
                out.append((f"{where}：all_groups 中有空组", f"{where}: all_groups has an empty group"))
            out += _entity_problems(where, group)
    if t.important_data is not None:
        need_level("important_data", t.important_data.min_level)
    out += _domain_problems(t, need_category, need_level)
    # an entity that no unconditional rule maps would silently fall to the default level
    covered = {e for r in t.rules if r.when.domains is None for e in r.when.entities}
    missing = [e for e in ENTITIES if e not in covered]
    if missing:
        out.append((f"以下实体没有不限领域的规则：{'、'.join(missing)}",
                    f"no rule without domains maps these entities: {', '.join(missing)}"))
    return out


def _domain_problems(t: Template, need_category: Callable[[str, str], None], need_level: Callable[[str, str], None]) -> list[Problem]:
    """Domain ids and names unique, their category and level known, and every domain a rule names defined
    (``need_category``/``need_level`` record their problems themselves)."""
    out = _duplicates("领域 id ", "domain id", (d.id for d in t.domains))
    out += _duplicates("领域名称或别名", "domain name or alias", (domain_key(n) for d in t.domains for n in set(map(domain_key, d.names()))))
    for i, d in enumerate(t.domains):
        if d.category is not None:
            need_category(f"domains[{i}] ({d.id})", d.category)
        if d.level is not None:
            need_level(f"domains[{i}] ({d.id})", d.level)
    ids = {d.id for d in t.domains}
    named = [(f"rules ({r.id})", r.when.domains) for r in t.rules] + [(f"aggregation ({a.id})", a.when.domains) for a in t.aggregation]
    for where, domains in named:
        unknown = [d for d in domains or () if d not in ids]
        if unknown:
            out.append((f"{where}：未知领域 {'、'.join(unknown)}，可用：{'、'.join(sorted(ids)) or '（模板未定义 domains）'}",
                        f"{where}: unknown domain {', '.join(unknown)}; known: {', '.join(sorted(ids)) or '(the template defines no domains)'}"))
    return out


def _category_problems(nodes: Iterable[Category], parent: str | None) -> list[Problem]:
    out: list[Problem] = []
    for c in nodes:
        prefix, _, last = c.id.rpartition(".")
        if (prefix or None) != parent or not _SEGMENT.match(last):
            expected = f"{parent}.<名称>" if parent else "<名称>"
            expected_en = f"{parent}.<name>" if parent else "<name>"
            out.append((f"分类 id {c.id!r} 应为 {expected}（小写字母、数字、下划线）",
                        f"category id {c.id!r} must be {expected_en} (lower-case letters, digits, '_')"))
        out += _category_problems(c.children, c.id)
    return out


def _entity_problems(where: str, entities: Iterable[str]) -> list[Problem]:
    unknown = [e for e in entities if e not in ENTITIES]
    if not unknown:
        return []
    return [(f"{where}：未知实体 {'、'.join(unknown)}，可用：{'、'.join(ENTITIES)}",
             f"{where}: unknown entity {', '.join(unknown)}; known: {', '.join(ENTITIES)}")]


def overlay_problems(o: Overlay) -> list[Problem]:
    out: list[Problem] = []
    names = [c.name for c in o.sensitive_pi_categories]
    out += _duplicates("敏感个人信息类别", "sensitive PI category", names)
    missing = [e for e in ENTITIES if e not in o.entities]
    if missing:
        out.append((f"缺少实体：{'、'.join(missing)}", f"missing entities: {', '.join(missing)}"))
    out += _entity_problems("entities", o.entities)
    for entity, attrs in o.entities.items():
        if attrs.sensitive_pi is not None and attrs.sensitive_pi not in names:
            out.append((f"{entity}：未知的敏感个人信息类别 {attrs.sensitive_pi!r}，可用：{'、'.join(names)}",
                        f"{entity}: unknown sensitive PI category {attrs.sensitive_pi!r}; known: {', '.join(names)}"))
        if not attrs.pi and (attrs.sensitive_pi is not None or attrs.identifier != "none"):
            out.append((f"{entity}：非个人信息不能有敏感类别或标识符角色",
                        f"{entity}: a non-PI entity cannot have a sensitive category or an identifier role"))
    return out


def mapping_problems(ms: Mappings, templates: Mapping[str, Template]) -> list[Problem]:
    out: list[Problem] = []
    pairs = [f"{m.from_}→{m.to}" for m in ms.mappings]
    out += _duplicates("映射", "mapping", pairs)
    for i, m in enumerate(ms.mappings):
        where = f"mappings[{i}] ({m.from_}→{m.to})"
        unknown = [name for name in (m.from_, m.to) if name not in templates]
        if unknown:
            out.append((f"{where}：未知模板 {'、'.join(unknown)}，可用：{'、'.join(templates)}",
                        f"{where}: unknown template {', '.join(unknown)}; known: {', '.join(templates)}"))
            continue
        if m.from_ == m.to:
            out.append((f"{where}：不能映射到自身", f"{where}: a scheme cannot map to itself"))
        src, dst = templates[m.from_], templates[m.to]
        unmapped = [lv for lv in src.level_ids if lv not in m.levels]
        if unmapped:
            out.append((f"{where}：未映射的级别 {'、'.join(unmapped)}", f"{where}: unmapped levels {', '.join(unmapped)}"))
        extra = [lv for lv in m.levels if lv not in src.level_ids]
        if extra:
            out.append((f"{where}：{m.from_} 没有级别 {'、'.join(extra)}", f"{where}: {m.from_} has no level {', '.join(extra)}"))
        bad = [f"{k}→{v}" for k, v in m.levels.items() if v not in dst.level_ids]
        if bad:
            out.append((f"{where}：目标级别不在 {m.to} 中：{'、'.join(bad)}", f"{where}: target levels not in {m.to}: {', '.join(bad)}"))
        if unmapped or extra or bad:
            continue
        ranks = [dst.rank(m.levels[lv]) for lv in src.level_ids]
        if ranks != sorted(ranks):
            out.append((f"{where}：映射须保持级别次序（高级别不能映射到更低的级别）",
                        f"{where}: a mapping must keep the level order (a higher level cannot map lower)"))
    return out
