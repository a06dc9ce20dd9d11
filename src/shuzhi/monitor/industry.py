"""The big-data industry database (企业库 of 专栏5 "数智云网链"): the chain, the tags, and listing.

The chain's five segments (基础设施层 … 安全保障层), the tags an enterprise may carry (龙头, 独角兽,
专精特新 …) and the thresholds of the 长短板清单 are data (``data/industry.yaml``). A segment or a
tag is given by its key, its Chinese label or its English label; anything else is an error listing
what is accepted. Enterprises are imported by :mod:`shuzhi.monitor.industry_import`; the chain
coverage is :mod:`shuzhi.monitor.industry_chain`.

>>> cfg = industry_config()
>>> [s.zh for s in cfg.segments]
['基础设施层', '数据资源层', '通用软件层', '行业应用层', '安全保障层']
>>> cfg.segment_key("安全保障层"), cfg.segment_key("Security"), cfg.tag("Unicorn")
('security', 'security', '独角兽')
>>> cfg.segment_key("区块链")
Traceback (most recent call last):
shuzhi.errors.ConfigError: unknown segment of the chain: '区块链' (known: infrastructure 基础设施层, data_resource 数据资源层, software 通用软件层, application 行业应用层, security 安全保障层)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import sqlalchemy as sa
import yaml

from shuzhi.errors import ConfigError
from shuzhi.monitor.regions import region_name, resolve_region
from shuzhi.store.models import Enterprise
from shuzhi.workspace import Workspace

#: the longest segment key the enterprise table holds
KEY_LENGTH = 16


@dataclass(frozen=True)
class Segment:
    """A layer of the big-data industry chain."""

    key: str
    zh: str
    en: str
    description_zh: str
    description_en: str


@dataclass(frozen=True)
class Tag:
    """A label of an enterprise; ``leading`` tags (龙头, 独角兽, 上市 …) count as leading enterprises."""

    zh: str
    en: str
    aliases: tuple[str, ...] = ()
    leading: bool = False


@dataclass(frozen=True)
class BoardRules:
    """Thresholds of the 长短板清单 (see ``rules`` in ``data/industry.yaml``)."""

    min_count: int
    min_share: float
    need_leading: bool
    min_province_share: float


@dataclass(frozen=True)
class IndustryConfig:
    source: str
    segments: tuple[Segment, ...]
    tags: tuple[Tag, ...]
    rules: BoardRules

    def segment_aliases(self) -> dict[str, str]:
        """Every accepted spelling of a segment (lower case) → its key."""
        table: dict[str, str] = {}
        for s in self.segments:
            for alias in (s.key, s.zh, s.zh.removesuffix("层"), s.en):
                table[alias.lower()] = s.key
        return table

    def tag_aliases(self) -> dict[str, str]:
        """Every accepted spelling of a tag (lower case) → the stored (Chinese) tag."""
        return {alias.lower(): t.zh for t in self.tags for alias in (t.zh, t.en, *t.aliases)}

    def segment(self, key: str) -> Segment:
        return next(s for s in self.segments if s.key == key)

    def segment_key(self, value: str) -> str:
        key = self.segment_aliases().get(str(value).strip().lower())
        if key is None:
            known = ", ".join(f"{s.key} {s.zh}" for s in self.segments)
            raise ConfigError(f"未知的产业链环节：{value!r}（可用：{known}）", f"unknown segment of the chain: {value!r} (known: {known})")
        return key

    def tag(self, value: str) -> str:
        tag = self.tag_aliases().get(str(value).strip().lower())
        if tag is None:
            known = self.tag_list()
            raise ConfigError(f"未知的企业标签：{value!r}（可用：{known}）", f"unknown tag: {value!r} (known: {known})")
        return tag

    def tag_list(self) -> str:
        return "、".join(t.zh for t in self.tags)

    @property
    def leading_tags(self) -> list[str]:
        return [t.zh for t in self.tags if t.leading]


@cache
def industry_config() -> IndustryConfig:
    """``data/industry.yaml``, checked: unique segment keys of at most 16 characters, unique tag spellings."""
    with (resources.files("shuzhi.monitor") / "data" / "industry.yaml").open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    segments = tuple(Segment(**s) for s in data["segments"])
    tags = tuple(Tag(t["zh"], t["en"], tuple(t.get("aliases", ())), bool(t.get("leading", False))) for t in data["tags"])
    short, long = data["rules"]["short"], data["rules"]["long"]
    cfg = IndustryConfig(str(data["source"]), segments, tags,
                         BoardRules(int(short["min_count"]), float(short["min_share"]), bool(short["need_leading"]),
                                    float(long["min_province_share"])))
    spellings = [a for s in segments for a in {x.lower() for x in (s.key, s.zh, s.zh.removesuffix("层"), s.en)}]
    tag_spellings = [a for t in tags for a in {x.lower() for x in (t.zh, t.en, *t.aliases)}]
    if (any(len(s.key) > KEY_LENGTH for s in segments) or len(set(spellings)) != len(spellings)
            or len(set(tag_spellings)) != len(tag_spellings)):
        raise ConfigError("industry.yaml 有误：环节代码超过 16 个字符，或环节、标签的写法重复",
                          "industry.yaml is wrong: a segment key longer than 16 characters, or a repeated segment or tag spelling")
    return cfg


def enterprise_dict(e: Enterprise) -> dict[str, Any]:
    """An enterprise as plain data, with the names of its city and segment."""
    return {"uscc": e.uscc, "name": e.name, "city": e.city, "city_name": region_name(e.city), "segment": e.segment,
            "segment_name": industry_config().segment(e.segment).zh, "revenue": e.revenue, "revenue_year": e.revenue_year,
            "tags": list(e.tags), "parks": list(e.parks),
            "updated_at": e.updated_at.isoformat(timespec="seconds") + "Z", "updated_by": e.updated_by}


def list_enterprises(ws: Workspace, *, city: str | None = None, segment: str | None = None,
                     tag: str | None = None) -> list[dict[str, Any]]:
    """Enterprises of the database by city, segment order and revenue (largest first), optionally filtered.

    ``city``: a city code or name (or a county code: its city); ``segment`` and ``tag`` in any accepted
    spelling. A filter nobody matches gives an empty list; a filter that names nothing is an error.
    """
    cfg = industry_config()
    q = sa.select(Enterprise)
    if city is not None:
        q = q.where(Enterprise.city == resolve_region(city, province=False))
    if segment is not None:
        q = q.where(Enterprise.segment == cfg.segment_key(segment))
    wanted = cfg.tag(tag) if tag is not None else None
    order = {s.key: i for i, s in enumerate(cfg.segments)}
    with ws.store.session() as s:
        rows = [enterprise_dict(e) for e in s.scalars(q)]
    rows = [r for r in rows if wanted is None or wanted in r["tags"]]  # JSON lists: filtered here, the set is small
    return sorted(rows, key=lambda r: (r["city"], order.get(r["segment"], 99), -(r["revenue"] or 0.0), r["name"]))
