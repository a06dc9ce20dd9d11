"""Generalization hierarchies (泛化层次) for full-domain anonymization, as in ARX.

A hierarchy is a list of levels: level 0 is the original value as text, the top level
is ``*`` (every record in one group), and each level in between is an Ibis expression
of the original text. Each level must merge whole groups of the level below it (a
value's label at level i+1 depends only on its label at level i), which is what makes
k-anonymity with suppression monotone over the lattice of level vectors. Levels ≥ 1
never hold NULL: a missing or unreadable value is ``*`` there.

Built-in kinds, each made from a small spec dict so a policy file can name it:

============  ==============================================  ======================================
kind          spec                                            levels
============  ==============================================  ======================================
``area``      ``{"kind": "area"}``                            320102 → 320100 → 320000 → * (GB/T 2260)
``number``    ``{"kind": "number", "widths": [5, 10, 20]}``   37 → 35-39 → 30-39 → 20-39 → *
``age``       ``{"kind": "age"}`` (widths 5, 10, 20)          as ``number``
``date``      ``{"kind": "date"}`` (month, year, decade)      1990-05-17 → 1990-05 → 1990 → 1990s → *
``mask``      ``{"kind": "mask", "length": 6}``               210008 → 21000* → … → 2*****  → *
``values``    ``{"kind": "values", "path": "edu.csv"}``       本科 → 高等教育 → * (rows value,level1,…)
``suppress``  ``{"kind": "suppress"}``                        男 → *
============  ==============================================  ======================================

>>> import ibis
>>> h = hierarchy_from_spec({"kind": "area"})
>>> t = ibis.memtable({"v": ["320102", None]})
>>> con = ibis.duckdb.connect()
>>> [con.to_pyarrow(t.select(g=h.generalize(t.v, i))).column("g").to_pylist() for i in range(h.height + 1)]
[['320102', None], ['320100', '*'], ['320000', '*'], ['*', '*']]
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import ibis
import ibis.expr.types as ir
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shuzhi.errors import ConfigError
from shuzhi.masking.transforms import (
    generalize_area,
    generalize_date,
    generalize_number,
)

Level = Callable[[ir.StringValue], ir.StringValue]
TOP = "*"


@dataclass(frozen=True)
class Hierarchy:
    """Generalization levels of one column: ``levels[0]`` the original text, ``levels[-1]`` ``*``."""

    kind: str
    #: a label per level, e.g. ("county", "city", "province", "*")
    names: tuple[str, ...]
    levels: tuple[Level, ...]

    @property
    def height(self) -> int:
        """The top level's number: a column generalized that far is ``*`` everywhere."""
        return len(self.levels) - 1

    def generalize(self, v: ir.Value, level: int) -> ir.StringValue:
        """``v`` (any type; read as text) at ``level``.

        >>> import ibis
        >>> h = hierarchy_from_spec({"kind": "number", "widths": [10]})
        >>> t = ibis.memtable({"v": [37, None]})
        >>> ibis.duckdb.connect().execute(t.select(g=h.generalize(t.v, 1)))["g"].tolist()
        ['30-39', '*']
        """
        if not 0 <= level <= self.height:
            raise ConfigError(f"层级 {level} 超出范围 0–{self.height}", f"level {level} is outside 0–{self.height}")
        text = v if v.type().is_string() else v.cast("string")
        if level == 0:
            return text
        if level == self.height:
            return ibis.literal(TOP)
        return self.levels[level](text).fill_null(TOP)


def _hierarchy(kind: str, names: Sequence[str], middle: Sequence[Level]) -> Hierarchy:
    """Original, the ``middle`` levels, then ``*``."""
    return Hierarchy(kind, (*names, TOP), (lambda v: v, *middle, lambda v: ibis.literal(TOP)))


class Spec(BaseModel):
    """Options of a hierarchy kind: unknown options are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_KINDS: dict[str, tuple[type[Spec], Callable[[Any], Hierarchy]]] = {}


def _kind(name: str, spec: type[Spec]) -> Callable[[Callable[[Any], Hierarchy]], Callable[[Any], Hierarchy]]:
    def register(build: Callable[[Any], Hierarchy]) -> Callable[[Any], Hierarchy]:
        _KINDS[name] = (spec, build)
        return build

    return register


def hierarchy_from_spec(spec: dict[str, Any]) -> Hierarchy:
    """The hierarchy a spec dict names; unknown kinds and bad options are ``ConfigError``.

    >>> h = hierarchy_from_spec({"kind": "date"})
    >>> h.names, h.height
    (('day', 'month', 'year', 'decade', '*'), 4)
    """
    if not isinstance(spec, dict) or "kind" not in spec:
        raise ConfigError("泛化层次需要 kind", "a hierarchy needs a kind")
    options = dict(spec)
    name = options.pop("kind")
    found = _KINDS.get(name)
    if found is None:
        raise ConfigError(f"未知的泛化层次类型 {name!r}，可选 {'、'.join(sorted(_KINDS))}",
                          f"unknown hierarchy kind {name!r}; use one of {', '.join(sorted(_KINDS))}")
    model, build = found
    try:
        params = model(**options)
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or name}: {e['msg']}" for e in err.errors())
        raise ConfigError(f"泛化层次 {name} 的参数不对：{problems}", f"bad options for hierarchy {name}: {problems}") from None
    return build(params)


# ---- area ------------------------------------------------------------------------------------------------


@_kind("area", Spec)
def _area(_: Spec) -> Hierarchy:
    # GB/T 2260: digits 1-2 the province, 3-4 the prefecture, 5-6 the county
    return _hierarchy("area", ("county", "city", "province"),
                      (lambda v: generalize_area(v, to="city"), lambda v: generalize_area(v, to="province")))


# ---- number, age -----------------------------------------------------------------------------------------


class NumberSpec(Spec):
    widths: list[int] = Field(min_length=1, max_length=12)


class AgeSpec(Spec):
    widths: list[int] = Field([5, 10, 20], min_length=1, max_length=12)


def _band(width: int) -> Level:
    def level(v: ir.StringValue) -> ir.StringValue:
        x = v.try_cast("float64")
        # NaN, ±inf and values too large for an int64 band label have no band
        readable = x.notnull() & ~x.isnan() & (x.abs() < 1e15)
        return ibis.ifelse(readable, generalize_number(ibis.ifelse(readable, x, 0.0), width=width), TOP)

    return level


@_kind("number", NumberSpec)
def _number(p: NumberSpec, kind: str = "number") -> Hierarchy:
    widths = p.widths
    if any(w < 1 for w in widths):
        raise ConfigError(f"数值分段宽度必须是正整数：{widths}", f"band widths must be positive integers: {widths}")
    for a, b in itertools.pairwise(widths):
        if b <= a or b % a:
            # a wider band must be a union of narrower ones, or level i+1 would split a group of level i
            raise ConfigError(f"数值分段宽度必须递增且每个是前一个的整数倍：{widths}",
                              f"band widths must increase, each a multiple of the one before: {widths}")
    return _hierarchy(kind, ("value", *(f"bands of {w:g}" for w in widths)), [_band(w) for w in widths])


@_kind("age", AgeSpec)
def _age(p: AgeSpec) -> Hierarchy:
    return _number(NumberSpec(widths=p.widths), "age")


# ---- date ------------------------------------------------------------------------------------------------

DateLevel = Literal["day", "month", "year", "decade"]
_DATE_ORDER: tuple[DateLevel, ...] = ("day", "month", "year", "decade")


class DateSpec(Spec):
    #: levels above the original; ``day`` is only useful for timestamps
    levels: list[DateLevel] = Field(["month", "year", "decade"], min_length=1)


def _date_level(name: DateLevel) -> Level:
    def day(v: ir.StringValue) -> ir.StringValue:
        return v.substr(0, 10).try_cast("date").cast("string")

    def decade(v: ir.StringValue) -> ir.StringValue:
        year = v.substr(0, 10).try_cast("date").year()
        return ((year / 10).floor() * 10).cast("int64").cast("string") + "s"

    if name == "day":
        return day
    if name == "decade":
        return decade
    return lambda v: generalize_date(v, to=name)


@_kind("date", DateSpec)
def _date(p: DateSpec) -> Hierarchy:
    if sorted(set(p.levels), key=_DATE_ORDER.index) != p.levels:
        raise ConfigError(f"日期层级必须从细到粗且不重复（day、month、year、decade）：{p.levels}",
                          f"date levels must go from fine to coarse without repeats (day, month, year, decade): {p.levels}")
    first = "time" if p.levels[0] == "day" else "day"
    return _hierarchy("date", (first, *p.levels), [_date_level(n) for n in p.levels])


# ---- mask ------------------------------------------------------------------------------------------------


class MaskSpec(Spec):
    length: int = Field(ge=1, le=32)


def _masked(length: int, hidden: int) -> Level:
    def level(v: ir.StringValue) -> ir.StringValue:
        # only values of the declared length share prefixes; anything else is * from level 1 on
        return ibis.ifelse(v.length() == length, v.substr(0, length - hidden) + "*" * hidden, TOP)

    return level


@_kind("mask", MaskSpec)
def _mask(p: MaskSpec) -> Hierarchy:
    # like ARX's redaction hierarchies: one more trailing character hidden per level; the last
    # level would hide every character, which is the top (*) itself
    hidden = range(1, p.length)
    return _hierarchy("mask", ("value", *(f"last {i} masked" for i in hidden)), [_masked(p.length, i) for i in hidden])


# ---- values (a custom hierarchy, ARX CSV style) ---------------------------------------------------------


class ValuesSpec(Spec):
    #: a CSV file: each row value,level1,level2,… (a last column of * is the top and may be left out)
    path: str | None = None
    delimiter: str = Field(",", min_length=1, max_length=1)
    #: or the rows inline: value → [level1, level2, …]
    mapping: dict[str, list[str]] | None = None


def _rows(p: ValuesSpec) -> list[list[str]]:
    if (p.path is None) == (p.mapping is None):
        raise ConfigError("values 层次需要 path 或 mapping 之一", "a values hierarchy needs exactly one of path or mapping")
    if p.mapping is not None:
        return [[value, *labels] for value, labels in p.mapping.items()]
    try:
        with Path(p.path).open(encoding="utf-8-sig", newline="") as f:  # type: ignore[arg-type]
            return [row for row in csv.reader(f, delimiter=p.delimiter) if row]
    except OSError as err:
        raise ConfigError(f"读不了泛化层次文件 {p.path}：{err.strerror}", f"cannot read hierarchy file {p.path}: {err.strerror}") from None


@_kind("values", ValuesSpec)
def _values(p: ValuesSpec) -> Hierarchy:
    rows = _rows(p)
    if not rows:
        raise ConfigError("values 层次没有任何行", "the values hierarchy has no rows")
    width = len(rows[0])
    for row in rows:
        if len(row) != width:
            raise ConfigError(f"values 层次每行列数必须相同：{row[0]!r} 有 {len(row)} 列，第一行有 {width} 列",
                              f"every row of a values hierarchy needs the same number of columns: {row[0]!r} has {len(row)}, the first row {width}")
    if width > 1 and all(row[-1] == TOP for row in rows):
        rows, width = [row[:-1] for row in rows], width - 1
    if width < 2:
        raise ConfigError("values 层次至少需要一个泛化层级", "a values hierarchy needs at least one level above the value")
    maps: list[dict[str, str]] = [{} for _ in range(width - 1)]
    for row in rows:
        for i in range(width - 1):
            seen = maps[i].setdefault(row[i], row[i + 1])
            if seen != row[i + 1]:
                # a label with two parents would split a group on the way up (not a hierarchy)
                raise ConfigError(f"values 层次第 {i} 层的 {row[i]!r} 有两个上级：{seen!r} 和 {row[i + 1]!r}",
                                  f"{row[i]!r} at level {i} of the values hierarchy has two parents: {seen!r} and {row[i + 1]!r}")
    lookups = [{row[0]: row[i] for row in rows} for i in range(1, width)]
    return _hierarchy("values", ("value", *(f"level{i}" for i in range(1, width))),
                      [lambda v, m=m: v.substitute(m, else_=TOP) for m in lookups])


# ---- suppress --------------------------------------------------------------------------------------------


@_kind("suppress", Spec)
def _suppress(_: Spec) -> Hierarchy:
    return _hierarchy("suppress", ("value",), ())


# ---- defaults --------------------------------------------------------------------------------------------

#: hierarchy by discovered entity type
ENTITY_HIERARCHIES: dict[str, dict[str, Any]] = {
    "DATE_OF_BIRTH": {"kind": "date"},
    "CN_ETHNICITY": {"kind": "suppress"},
}
#: quasi-identifiers with no built-in hierarchy: free text (generalize them with a transform first,
#: e.g. an address to its district, then give a values hierarchy)
UNSUPPORTED_ENTITIES = frozenset({"CN_ADDRESS", "PRECISE_LOCATION", "GEO_COORDINATE", "CN_RESIDENT_ID"})
#: hierarchy by column name: (whole English or pinyin-abbreviation names, Chinese words the name contains, spec)
NAME_HIERARCHIES: tuple[tuple[frozenset[str], tuple[str, ...], dict[str, Any]], ...] = (
    (frozenset({"sex", "gender", "xb"}), ("性别",), {"kind": "suppress"}),
    (frozenset({"age", "nl"}), ("年龄",), {"kind": "age"}),
    (frozenset({"birth_date", "birthday", "dob", "date_of_birth", "csrq"}), ("出生日期", "生日"), {"kind": "date"}),
    (frozenset({"area_code", "adcode", "region_code", "division_code", "xzqh", "xzqhdm", "qhdm"}),
     ("行政区划", "区划代码", "地区代码"), {"kind": "area"}),
    (frozenset({"zip", "zipcode", "zip_code", "postcode", "postal_code", "yb", "yzbm"}), ("邮编", "邮政编码"),
     {"kind": "mask", "length": 6}),
)


def default_hierarchy(column_name: str, entities: Sequence[str]) -> Hierarchy | None:
    """A built-in hierarchy for a column from its discovered entity types, else its name; None when
    there is none (free text such as addresses, or an unknown column).

    >>> default_hierarchy("出生日期", ["DATE_OF_BIRTH"]).kind, default_hierarchy("性别", []).kind
    ('date', 'suppress')
    >>> default_hierarchy("address", ["CN_ADDRESS"]) is None
    True
    """
    for entity in entities:
        if entity in ENTITY_HIERARCHIES:
            return hierarchy_from_spec(ENTITY_HIERARCHIES[entity])
        if entity in UNSUPPORTED_ENTITIES:
            return None
    name = re.sub(r"[\s\-]+", "_", column_name.strip().lower())
    for english, chinese, spec in NAME_HIERARCHIES:
        if name in english or any(word in name for word in chinese):
            return hierarchy_from_spec(spec)
    return None
