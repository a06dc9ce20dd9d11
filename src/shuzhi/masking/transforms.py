"""Transforms (脱敏算子): typed pure functions from a column expression to a column expression.

Each transform is registered with :func:`masker` next to its definition, with a pydantic model of
its parameters, so a policy file can name it (``{transform: mask, keep_end: 4}``) and an unknown
transform or option is an error before anything runs. The ones here are plain engine expressions
(DuckDB and Spark alike); the keyed ones (hash, tokenize, fpe, encrypt, date_shift) are in
:mod:`shuzhi.masking.keyed` and run as vectorized UDFs.

>>> import ibis
>>> t = ibis.memtable({"v": ["13812345678", "张三", None]})
>>> ibis.duckdb.connect().to_pyarrow(t.select(m=mask(t.v, keep_start=3, keep_end=4)))["m"].to_pylist()
['138****5678', '**', None]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any, Literal

import ibis
import ibis.expr.types as ir
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shuzhi.errors import ConfigError


class Params(BaseModel):
    """Parameters of a transform: unknown options are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Context:
    """What a transform may need beyond its column: the engine, the table (for a subject column),
    the column's name and entity type, and keys resolved by name (see :mod:`shuzhi.masking.keyed`)."""

    engine: str
    table: ir.Table
    column: str
    entity: str | None = None
    keys: Callable[[str, str], Any] | None = None
    #: what a keyed transform used (key ids, wrapped data keys), for lineage; filled while compiling
    used: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Masker:
    name: str
    params: type[Params]
    fn: Callable[..., ir.Value]
    reversible: bool = False


REGISTRY: dict[str, Masker] = {}


def masker(name: str, params: type[Params], *, reversible: bool = False) -> Callable[[Callable[..., ir.Value]], Callable[..., ir.Value]]:
    """Register ``fn(col, ctx, p)`` as the transform ``name`` with the parameter model ``params``."""

    def register(fn: Callable[..., ir.Value]) -> Callable[..., ir.Value]:
        REGISTRY[name] = Masker(name, params, fn, reversible)
        return fn

    return register


def parse(name: str, options: dict[str, Any], *, where: str) -> tuple[Masker, Params]:
    """The transform ``name`` and its validated parameters; errors name ``where`` (policy line, column)."""
    m = REGISTRY.get(name)
    if m is None:
        raise ConfigError(f"{where}：未知的脱敏算子 {name!r}，可选 {'、'.join(sorted(REGISTRY))}",
                          f"{where}: unknown transform {name!r}; use one of {', '.join(sorted(REGISTRY))}")
    try:
        return m, m.params(**options)
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or name}: {e['msg']}" for e in err.errors())
        raise ConfigError(f"{where}：算子 {name} 的参数不对：{problems}", f"{where}: bad options for {name}: {problems}") from None


def apply(name: str, params: Params, col: ir.Value, ctx: Context) -> ir.Value:
    return REGISTRY[name].fn(col, ctx, params).name(ctx.column)


def _text(col: ir.Value) -> ir.StringValue:
    return col if col.type().is_string() else col.cast("string")


# ---- mask ------------------------------------------------------------------------------------------------


def mask(v: ir.StringValue, *, keep_start: int = 0, keep_end: int = 0, char: str = "*", ignore: str = "",
         keep_start_expr: ir.IntegerValue | None = None) -> ir.StringValue:
    """Replace all characters but the first ``keep_start`` and last ``keep_end`` by ``char``; characters
    in ``ignore`` (separators such as space or ``-``) stay. A value that would come out unchanged (no longer
    than what is kept, or only separators between) is masked whole."""
    n = v.length()
    ks = keep_start_expr if keep_start_expr is not None else ibis.literal(keep_start)
    tail = v.right(keep_end) if keep_end else ibis.literal("")
    if not ignore:  # every hidden character becomes one mask character: a repeat, no regex (2 µs a row less)
        kept = v.substr(0, ks) + ibis.literal(char).repeat(n - ks - keep_end) + tail
        whole = ibis.literal(char).repeat(n)
    else:
        pattern = "[^" + "".join("\\" + c if c in "\\]^-[" else c for c in ignore) + "]"
        middle = v.substr(ks, n - ks - keep_end)
        # most values have no separator where they are hidden: a repeat for those, the regex for the rest
        plain = middle.translate(ignore, "").length() == middle.length()
        hidden = ibis.ifelse(plain, ibis.literal(char).repeat(middle.length()), middle.re_replace(pattern, char))
        kept = v.substr(0, ks) + hidden + tail
        whole = v.re_replace(pattern, char)
    # nothing left to hide between the kept ends (too short, or only separators there): mask it whole
    return ibis.ifelse((n > ks + keep_end) & (kept != v), kept, whole)


class MaskParams(Params):
    keep_start: int | None = Field(None, ge=0, le=64)
    keep_end: int | None = Field(None, ge=0, le=64)
    char: str = Field("*", min_length=1, max_length=1)
    ignore: str | None = Field(None, max_length=16)


@dataclass(frozen=True)
class _MaskDefault:
    keep_start: int = 0
    keep_end: int = 0
    ignore: str = ""


#: masks by entity type when a policy gives no positions: 3201**********1234, 138****5678, 银行卡 last 4
MASK_DEFAULTS: dict[str, _MaskDefault] = {
    "CN_RESIDENT_ID": _MaskDefault(4, 4),
    "CN_MOBILE": _MaskDefault(3, 4, " -+"),
    "CN_LANDLINE": _MaskDefault(4, 2, " -"),
    "BANK_CARD": _MaskDefault(0, 4, " -"),
    "CN_USCC": _MaskDefault(2, 2),
    "CN_PASSPORT": _MaskDefault(1, 2),
    "CN_HKMO_PERMIT": _MaskDefault(1, 2),
    "CN_LICENSE_PLATE": _MaskDefault(2, 1),
    "IP_ADDRESS": _MaskDefault(0, 0, ".:"),
    "MAC_ADDRESS": _MaskDefault(0, 0, ":-"),
    "DATE_OF_BIRTH": _MaskDefault(4, 0, "-/年月日"),
}


@cache
def _compound_surnames() -> tuple[str, ...]:
    from shuzhi.discovery.recognizers.person import surnames

    return tuple(surnames()[1])


def mask_name(v: ir.StringValue, *, char: str = "*") -> ir.StringValue:
    """A Chinese name down to its surname: 张三 → 张*, 欧阳娜娜 → 欧阳**."""
    keep = ibis.ifelse(v.substr(0, 2).isin(_compound_surnames()) & (v.length() > 2), 2, 1)
    return mask(v, keep_end=0, char=char, keep_start_expr=keep)


def mask_email(v: ir.StringValue, *, char: str = "*") -> ir.StringValue:
    """a***@x.com: the first character of the local part and the domain stay."""
    at = v.find("@")
    return ibis.ifelse(at > 0, v.substr(0, 1) + char * 3 + v.substr(at), mask(v, char=char))


@masker("mask", MaskParams)
def _mask(col: ir.Value, ctx: Context, p: MaskParams) -> ir.Value:
    v = _text(col)
    if p.keep_start is None and p.keep_end is None and p.ignore is None:
        if ctx.entity == "CN_PERSON_NAME":
            return mask_name(v, char=p.char)
        if ctx.entity == "EMAIL":
            return mask_email(v, char=p.char)
        if ctx.entity == "CN_ADDRESS":
            return generalize_address(v, to="district")
    d = MASK_DEFAULTS.get(ctx.entity or "", _MaskDefault())
    return mask(v, keep_start=d.keep_start if p.keep_start is None else p.keep_start,
                keep_end=d.keep_end if p.keep_end is None else p.keep_end, char=p.char,
                ignore=d.ignore if p.ignore is None else p.ignore)


# ---- generalize ------------------------------------------------------------------------------------------

# an address down to its county-level division (区/县/旗, or a county-level 市 after a prefecture), or its city
_DISTRICT = r"^(?:[^省]{2,7}?(?:省|自治区))?(?:[^市]{1,8}?(?:市|自治州|地区|盟))?[^区县旗市]{1,8}?(?:区|县|旗|市)"
_CITY = r"^(?:[^省]{2,7}?(?:省|自治区))?[^市]{1,8}?(?:市|自治州|地区|盟)"


def generalize_address(v: ir.StringValue, *, to: Literal["district", "city"] = "district") -> ir.StringValue:
    """Address text down to its district (江苏省南京市玄武区) or city (江苏省南京市); NULL when neither
    can be read, so nothing below the district ever passes."""
    city = v.re_extract(_CITY, 0)
    district = v.re_extract(_DISTRICT, 0) if to == "district" else ibis.literal("")
    best = ibis.ifelse(district != "", district, city)
    return ibis.ifelse(best != "", best, ibis.null("string"))


def generalize_area(v: ir.StringValue, *, to: Literal["city", "province"]) -> ir.StringValue:
    """A GB/T 2260 code (or any text starting with one, e.g. a 公民身份号码) up to its city (320102 →
    320100) or province (320000)."""
    keep = 4 if to == "city" else 2
    return ibis.ifelse(v.re_search(r"^[0-9]{6}"), v.substr(0, keep) + "0" * (6 - keep), ibis.null("string"))


def generalize_id(v: ir.StringValue, *, area: Literal["county", "city", "province"] = "city") -> ir.StringValue:
    """A 18-digit 公民身份号码 to its quasi-identifiers: area code (generalized), birth year and sex
    (GB 11643: the 17th digit is odd for men) — ``320100|1985|男``."""
    code = v.substr(0, 6) if area == "county" else generalize_area(v, to=area)
    sex = ibis.ifelse(v.substr(16, 1).try_cast("int64") % 2 == 1, "男", "女")
    ok = v.re_search(r"^[0-9]{17}[0-9X]\z")
    return ibis.ifelse(ok, code + "|" + v.substr(6, 4) + "|" + sex, ibis.null("string"))


def generalize_number(v: ir.NumericValue, *, width: float | None = None, bins: list[float] | None = None) -> ir.StringValue:
    """A number to its band: ``width=10`` → 30-39 (``[30, 40)``), or ``bins=[0, 18, 60]`` → <0, 0-17, 18-59, ≥60."""
    if bins:
        edges = sorted(bins)
        cases = [(v < edges[0], f"<{_num(edges[0])}")]
        cases += [(v < hi, f"{_num(lo)}-{_num(hi, below=True)}") for lo, hi in pairwise(edges)]
        return ibis.ifelse(v.isnull(), ibis.null("string"), ibis.cases(*cases, else_=f"≥{_num(edges[-1])}"))
    assert width is not None
    lo = (v / width).floor() * width
    return ibis.ifelse(v.isnull(), ibis.null("string"),
                       _int_text(lo) + "-" + _int_text(lo + width - (1 if float(width).is_integer() else 0)))


def _num(x: float, *, below: bool = False) -> str:
    if float(x).is_integer():
        return str(int(x) - 1 if below else int(x))
    return f"<{x:g}" if below else f"{x:g}"


def _int_text(x: ir.NumericValue) -> ir.StringValue:
    return x.cast("int64").cast("string")


def generalize_date(v: ir.Value, *, to: Literal["month", "year"]) -> ir.StringValue:
    """A date (or ``yyyy-mm-dd…`` text) to its month (2024-03) or year (2024); NULL if unreadable."""
    d = v if v.type().is_temporal() else _text(v).substr(0, 10).try_cast("date")
    year = d.year().cast("string")
    if to == "year":
        return year
    month = d.month()
    return year + "-" + ibis.ifelse(month < 10, "0", "") + month.cast("string")


class GeneralizeParams(Params):
    to: Literal["district", "city", "province", "month", "year", "band", "qi"] | None = None
    width: float | None = Field(None, gt=0)
    bins: list[float] | None = Field(None, min_length=1)
    area: Literal["county", "city", "province"] = "city"


#: ``generalize`` without ``to`` by entity type
GENERALIZE_DEFAULTS = {"CN_ADDRESS": "district", "CN_RESIDENT_ID": "qi", "DATE_OF_BIRTH": "year",
                       "GEO_COORDINATE": None}


@masker("generalize", GeneralizeParams)
def _generalize(col: ir.Value, ctx: Context, p: GeneralizeParams) -> ir.Value:
    to = p.to or ("band" if p.width or p.bins or col.type().is_numeric() else GENERALIZE_DEFAULTS.get(ctx.entity or ""))
    if to == "band":
        if not (p.width or p.bins):
            raise ConfigError(f"列 {ctx.column}：数值泛化需要 width 或 bins", f"column {ctx.column}: banding needs width or bins")
        return generalize_number(col if col.type().is_numeric() else _text(col).try_cast("float64"), width=p.width, bins=p.bins)
    if to in ("district",) or (to == "city" and ctx.entity == "CN_ADDRESS"):
        return generalize_address(_text(col), to=to)
    if to in ("city", "province"):
        return generalize_area(_text(col), to=to)
    if to in ("month", "year"):
        return generalize_date(col, to=to)
    if to == "qi":
        return generalize_id(_text(col), area=p.area)
    raise ConfigError(f"列 {ctx.column}：请用 to 指定泛化层级（district/city/province/month/year/band/qi）",
                      f"column {ctx.column}: say what to generalize to (district/city/province/month/year/band/qi)")


# ---- suppress, replace, noise ----------------------------------------------------------------------------


class NoParams(Params):
    pass


@masker("suppress", NoParams)
def _suppress(col: ir.Value, ctx: Context, p: NoParams) -> ir.Value:
    return ibis.null(col.type())


class ReplaceParams(Params):
    value: str = "***"


@masker("replace", ReplaceParams)
def _replace(col: ir.Value, ctx: Context, p: ReplaceParams) -> ir.Value:
    return ibis.ifelse(col.isnull(), ibis.null("string"), ibis.literal(p.value))


class NoiseParams(Params):
    scale: float = Field(gt=0)
    relative: bool = False
    min: float | None = None
    max: float | None = None
    digits: int = Field(0, ge=0, le=12)


@masker("noise", NoiseParams)
def _noise(col: ir.Value, ctx: Context, p: NoiseParams) -> ir.Value:
    """Uniform noise in [-scale, scale] (times the value when ``relative``), rounded and clamped."""
    x = col if col.type().is_numeric() else _text(col).try_cast("float64")
    amount = (ibis.random() * 2 - 1) * p.scale
    y = x + (x.abs() * amount if p.relative else amount)
    if p.min is not None:
        y = ibis.greatest(y, p.min)
    if p.max is not None:
        y = ibis.least(y, p.max)
    y = y.round(p.digits)
    return y.cast(col.type()) if col.type().is_integer() else y


# ---- shuffle ---------------------------------------------------------------------------------------------

#: the random sort key :func:`shuzhi.masking.static.mask_table` adds (one value per row) when a column is shuffled
SHUFFLE_KEY = "_shuzhi_shuffle_key"


@masker("shuffle", NoParams)
def _shuffle(col: ir.Value, ctx: Context, p: NoParams) -> ir.Value:
    """The column's values permuted among the rows: in a random order each row takes the next row's
    value, the last the first's (a cyclic shift of a random order: every value once, none in its own
    row unless all are equal). The other columns stay with their rows; the distribution is kept."""
    if SHUFFLE_KEY not in ctx.table.columns:
        raise ConfigError("shuffle 需要在整表上执行（mask_table）", "shuffle runs on a whole table (mask_table)")
    key = ctx.table[SHUFFLE_KEY]
    order = ibis.window(order_by=key)
    whole = ibis.window(order_by=key, rows=(None, None))
    last = ibis.row_number().over(order) == key.count().over(whole) - 1
    # the first value of the order may be NULL and must move like any other: first() skips NULLs, and Ibis'
    # Spark compiler ignores include_null=True, so the value goes in a struct, which is never NULL itself
    first = ibis.struct({"v": ctx.table[ctx.column]}).first().over(whole)["v"]
    return ibis.ifelse(last, first, ctx.table[ctx.column].lead(1).over(order))
