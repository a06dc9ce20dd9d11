"""Masking policies: (template, level, entities, audience) → what happens to a column.

:func:`decide` is the one policy decision: static masking (``shuzhi mask``) calls it for every
column, and the sharing service will call it per request for dynamic masking. Defaults come from
``data/policies.yaml`` (per grading template and level); a policy file overrides them per column
and audience::

    dataset: population          # optional: refuse to apply this file to another dataset
    categories:                  # by grading category (the longest matching prefix wins)
      personal.health: deny
      personal: {open: suppress}
    columns:                     # by column: wins over categories
      sfzh: {transform: hash, key: gov-hash}        # every audience
      lxdh: {open: suppress, share: {transform: mask, keep_end: 4}}
      bz: deny                                      # never delivered
      xm: keep

>>> decide(template="gov", level="L3", entities=["CN_RESIDENT_ID"], audience="share").action
'tokenize'
>>> decide(template="gov", level="L3", entities=["CN_PERSON_NAME"], audience="open").action
'suppress'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

import shuzhi.masking.keyed  # noqa: F401 - registers the keyed transforms
from shuzhi.errors import ConfigError
from shuzhi.masking.transforms import parse

Audience = Literal["share", "open", "internal"]
AUDIENCES: tuple[str, ...] = ("share", "open", "internal")
#: actions that are not transforms
KEEP, DENY = "keep", "deny"


@dataclass(frozen=True)
class Decision:
    """What to do with one column for one audience, and why."""

    action: str  # keep, deny, or a transform name
    options: dict[str, Any] = field(default_factory=dict)
    #: "default" (the template's level policy) or "policy" (a policy file's override)
    source: str = "default"
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "options": self.options, "source": self.source, "reason": self.reason}


@cache
def defaults() -> dict[str, Any]:
    return yaml.safe_load((resources.files("shuzhi.masking") / "data" / "policies.yaml").read_text(encoding="utf-8"))


def _action(spec: Any, where: str) -> tuple[str, dict[str, Any]]:
    """``keep`` / ``deny`` / ``mask`` / ``{transform: mask, keep_end: 4}`` → (action, options), validated."""
    if isinstance(spec, str):
        name, options = spec, {}
    elif isinstance(spec, dict) and isinstance(spec.get("transform"), str):
        name, options = spec["transform"], {k: v for k, v in spec.items() if k != "transform"}
    else:
        raise ConfigError(f"{where}：应为 keep、deny、算子名或 {{transform: 算子, …参数}}",
                          f"{where}: expected keep, deny, a transform name or {{transform: name, …options}}")
    if name not in (KEEP, DENY):
        parse(name, options, where=where)
    elif options:
        raise ConfigError(f"{where}：{name} 不带参数", f"{where}: {name} takes no options")
    return name, options


def decide(*, template: str, level: str | None, entities: list[str], audience: str,
           override: Any = None) -> Decision:
    """The decision for a column of ``level`` (under ``template``) holding ``entities``, for ``audience``.

    ``override`` is the column's entry of a policy file (an action for every audience, or a mapping
    per audience); without one for this audience, the template's default for the level applies. A
    level the defaults do not list is an error, never a silent pass-through.
    """
    if audience not in AUDIENCES:
        raise ConfigError(f"未知的使用对象 {audience!r}：可选 share（共享）、open（开放）、internal（内部）",
                          f"unknown audience {audience!r}: use share, open or internal")
    if override is not None:
        per = override.get(audience) if isinstance(override, dict) and "transform" not in override else override
        if per is not None:
            name, options = _action(per, "策略文件 (policy file)")
            return Decision(name, options, "policy", f"policy file: {name}")
    table = defaults()["templates"].get(template)
    if table is None:
        raise ConfigError(f"分级模板 {template} 没有默认脱敏策略，请用策略文件指定每列的处理",
                          f"grading template {template} has no default masking policy: give a policy file")
    if level is None or level not in table:
        raise ConfigError(f"级别 {level!r} 在模板 {template} 的默认策略中没有对应处理", f"no default masking for level {level!r} of template {template}")
    spec = table[level][audience]
    if isinstance(spec, dict) and "direct" in spec:
        direct = set(defaults()["direct_identifiers"])
        spec = spec["direct"] if direct & set(entities) else spec["other"]
    name, options = _action(spec, f"policies.yaml {template}.{level}.{audience}")
    return Decision(name, options, "default", f"{template} {level} → {audience}: {name}")


def refuses_dataset(*, template: str, level: str, audience: str) -> bool:
    """Whether a dataset of ``level`` is not delivered to ``audience`` at all (e.g. gov L4 for open)."""
    return audience in defaults().get("refuse_dataset", {}).get(template, {}).get(level, [])


@dataclass(frozen=True)
class PolicyFile:
    """A parsed policy file: per-column overrides (validated against the transforms) and their lines."""

    path: str
    dataset: str | None
    columns: dict[str, Any]
    lines: dict[str, int]
    categories: dict[str, Any] = field(default_factory=dict)

    def override(self, column: str, category: str | None) -> Any:
        """The column's own entry, else the entry of the longest category prefix (``personal`` covers
        ``personal.health``), else None."""
        if column in self.columns:
            return self.columns[column]
        if category:
            for prefix in sorted(self.categories, key=len, reverse=True):
                if category == prefix or category.startswith(prefix + "."):
                    return self.categories[prefix]
        return None


def load_policy(path: Path) -> PolicyFile:
    """Read and check a policy file; every problem names the file and line before anything runs."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"无法读取策略文件 {path}：{type(err).__name__}", f"cannot read policy file {path}: {type(err).__name__}") from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f"第 {mark.line + 1} 行" if mark else ""
        raise ConfigError(f"策略文件 {path} {line} 不是合法的 YAML", f"policy file {path} is not valid YAML{f' (line {mark.line + 1})' if mark else ''}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"策略文件 {path} 应是一个映射（dataset、columns）", f"policy file {path} must be a mapping (dataset, columns)")
    unknown = set(data) - {"dataset", "columns", "categories"}
    if unknown:
        raise ConfigError(f"策略文件 {path}：未知的键 {sorted(unknown)}", f"policy file {path}: unknown keys {sorted(unknown)}")
    sections = {}
    for section in ("columns", "categories"):
        entries = data.get(section) or {}
        if not isinstance(entries, dict):
            raise ConfigError(f"策略文件 {path}：{section} 应是 名称: 处理 的映射", f"policy file {path}: {section} must map name → action")
        sections[section] = {str(k): v for k, v in entries.items()}
    lines: dict[str, int] = {}
    for key, value in root.value if isinstance(root, yaml.MappingNode) else []:
        if key.value in ("columns", "categories") and isinstance(value, yaml.MappingNode):
            lines.update({f"{key.value}.{k.value}": k.start_mark.line + 1 for k, _ in value.value})
    for section, entries in sections.items():
        for name, spec in entries.items():
            line = lines.get(f"{section}.{name}", "?")
            where = f"{path} 第 {line} 行 / line {line}, {section[:-1] if section == 'columns' else 'category'} {name}"
            if isinstance(spec, dict) and "transform" not in spec:
                bad = set(spec) - set(AUDIENCES)
                if bad:
                    raise ConfigError(f"{where}：未知的使用对象 {sorted(bad)}（可选 share、open、internal）",
                                      f"{where}: unknown audiences {sorted(bad)} (use share, open, internal)")
                for audience, per in spec.items():
                    _action(per, f"{where} ({audience})")
            else:
                _action(spec, where)
    dataset = data.get("dataset")
    return PolicyFile(str(path), str(dataset) if dataset is not None else None, sections["columns"],
                      {k.removeprefix("columns."): v for k, v in lines.items() if k.startswith("columns.")}, sections["categories"])
