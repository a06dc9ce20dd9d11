"""The plan's indicators (规划指标) as data: ``data/indicators.yaml``, loaded and checked.

Every quantitative baseline (2020) and target (2025) of the Jiangsu big-data plan is one entry — code,
names, unit, direction, baseline, target, kind of target, the clause it is quoted from, the responsible
department and how sure we are of each (✅ quoted, ❓ our reading). Loading checks the whole file and
says where it is wrong (entry, field, what was expected); an unknown field, an unknown live source or a
target that contradicts its direction is an error, not a silent default.

>>> reg = load_registry()
>>> ind = reg.get("bigdata_revenue")
>>> ind.name, ind.baseline.value, ind.target.value, ind.unit
('大数据核心业务收入', 1300.0, 2500.0, '亿元')
>>> reg.get("new_large_dc_pue").direction, reg.at_risk_ratio
('decrease', 0.9)
>>> reg.get("nope")
Traceback (most recent call last):
shuzhi.errors.NotFoundError: unknown indicator: 'nope' (see shuzhi monitor indicators list)
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from shuzhi.errors import ConfigError, NotFoundError
from shuzhi.monitor.indicators_live import LIVE_SOURCES

CODE = re.compile(r"^[a-z][a-z0-9_]*$")
Confidence = Literal["✅", "❓"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Point(_Model):
    """A value in a year: a baseline or a target (``range`` when the plan gives one, e.g. 2–3 家)."""

    year: int
    value: float
    range: tuple[float, float] | None = None


class Clause(_Model):
    """Where a value is stated: the section heading and a short verbatim quote of the plan text."""

    section: str
    quote: str


class Indicator(_Model):
    """One plan indicator; see the header of ``data/indicators.yaml`` for the meaning of each field."""

    code: str
    name: str
    name_en: str
    unit: str
    direction: Literal["increase", "decrease"]
    baseline: Point | None
    target: Point | None
    target_kind: Literal["at_least", "at_most", "exact"]
    strict: bool = False
    cumulative_new: bool
    additive: bool
    growth: Literal["compound", "linear"] = "linear"
    key: bool = False
    minimum: float | None = Field(0.0, alias="min")
    maximum: float | None = Field(None, alias="max")
    live: str | None = None
    stock_at_baseline: float | None = None
    department: str
    confidence: dict[str, Confidence]
    source: dict[Literal["target", "baseline"], Clause]
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _percent_bound(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("unit") == "%" and "max" not in data:
            data = {**data, "max": 100.0}
        return data

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not CODE.match(v):
            raise ValueError(f"code must be snake_case ASCII (a-z, 0-9, _), got {v!r}")
        return v

    @field_validator("live")
    @classmethod
    def _live(cls, v: str | None) -> str | None:
        if v is not None and v not in LIVE_SOURCES:
            raise ValueError(f"unknown live source {v!r} (known: {', '.join(sorted(LIVE_SOURCES))})")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        if (self.target_kind, self.direction) in (("at_least", "decrease"), ("at_most", "increase")):
            raise ValueError(f"target_kind {self.target_kind} contradicts direction {self.direction}")
        if self.baseline and self.target and self.baseline.year >= self.target.year:
            raise ValueError("the baseline year must come before the target year")
        if self.cumulative_new and (self.baseline is None or self.baseline.value != 0):
            raise ValueError("a cumulative_new indicator counts additions: its baseline value must be 0")
        if self.growth == "compound" and self.baseline is None:
            raise ValueError("growth: compound needs a baseline")
        return self

    @property
    def tracked_only(self) -> bool:
        """No target: the plan states a value but sets none for 2025."""
        return self.target is None

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True)


class Interim(_Model):
    indicator: str
    year: int
    value: float
    target_kind: Literal["at_least", "at_most", "exact"]
    strict: bool = False
    source: str
    confidence: Confidence


class Observed(_Model):
    indicator: str
    region: str
    period: str
    value: float
    source: str


class Registry(_Model):
    """The whole file: the plan document, status thresholds, accepted years, indicators, interim and observed."""

    document: dict[str, Any]
    at_risk_ratio: float = Field(alias="status", gt=0, le=1)
    first_year: int
    last_year: int
    indicators: dict[str, Indicator]
    interim: list[Interim] = []
    observed: list[Observed] = []

    @model_validator(mode="before")
    @classmethod
    def _shape(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        status, periods = data.get("status"), data.pop("periods", None)
        if isinstance(status, dict):
            data["status"] = status.get("at_risk_ratio")
        if isinstance(periods, dict):
            data.update(first_year=periods.get("first_year"), last_year=periods.get("last_year"))
        items = data.get("indicators")
        if isinstance(items, list):
            codes = [i.get("code") for i in items if isinstance(i, dict)]
            repeated = sorted({c for c in codes if codes.count(c) > 1 and c is not None})
            if repeated:
                raise ValueError(f"indicator codes repeat: {repeated}")
            data["indicators"] = {str(i.get("code", f"#{n}")) if isinstance(i, dict) else f"#{n}": i
                                  for n, i in enumerate(items, 1)}
        return data

    @model_validator(mode="after")
    def _references(self) -> Registry:
        for item in (*self.interim, *self.observed):
            if item.indicator not in self.indicators:
                raise ValueError(f"{type(item).__name__.lower()} names an unknown indicator {item.indicator!r}")
        return self

    def get(self, code: str) -> Indicator:
        """The indicator ``code``; NotFoundError naming where the known ones are listed."""
        try:
            return self.indicators[code]
        except KeyError:
            raise NotFoundError(f"未知指标：{code!r}（见 shuzhi monitor indicators list）",
                                f"unknown indicator: {code!r} (see shuzhi monitor indicators list)") from None


DEFAULT = "indicators.yaml"


def load_registry(path: Path | None = None) -> Registry:
    """The registry in ``path`` (default: the one shipped with shuzhi), checked; ConfigError saying where it is wrong."""
    if path is None:
        return _default()
    return _load(Path(path).read_text(encoding="utf-8"), str(path))


@cache
def _default() -> Registry:
    text = (resources.files("shuzhi.monitor") / "data" / DEFAULT).read_text(encoding="utf-8")
    return _load(text, f"shuzhi/monitor/data/{DEFAULT}")


def _load(text: str, where: str) -> Registry:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ConfigError(f"指标登记文件 {where} 不是有效的 YAML：{e}", f"indicator registry {where} is not valid YAML: {e}") from None
    try:
        return Registry.model_validate(data)
    except ValidationError as e:
        problems = [_where(err["loc"]) + ": " + err["msg"].removeprefix("Value error, ") for err in e.errors()[:5]]
        more = f" (+{e.error_count() - 5})" if e.error_count() > 5 else ""
        listed = "; ".join(problems) + more
        raise ConfigError(f"指标登记文件 {where} 有错误：{listed}", f"indicator registry {where} is invalid: {listed}",
                          problems=problems) from None


#: fields moved by Registry._shape, named as they are written in the file
_SPELLED = {"status": "status.at_risk_ratio", "first_year": "periods.first_year", "last_year": "periods.last_year"}


def _where(loc: tuple[Any, ...]) -> str:
    """``('indicators', 'bigdata_revenue', 'unit')`` → ``indicators.bigdata_revenue.unit``; top level as ``(file)``."""
    parts = [str(p) for p in loc if not str(p).startswith("function-")]
    if parts:
        parts[0] = _SPELLED.get(parts[0], parts[0])
    return ".".join(parts) or "(file)"


def list_indicators(registry: Registry | None = None) -> dict[str, Any]:
    """The registry as plain data: the plan document, the status threshold, every indicator and interim target.

    >>> data = list_indicators()
    >>> data["indicators"][0]["code"], data["indicators"][0]["target"]["value"]
    ('bigdata_revenue', 2500.0)
    """
    reg = registry or load_registry()
    return {"document": {k: str(v) if k == "compiled" else v for k, v in reg.document.items()},
            "status": {"at_risk_ratio": reg.at_risk_ratio},
            "indicators": [i.to_dict() for i in reg.indicators.values()],
            "interim": [i.model_dump() for i in reg.interim]}
