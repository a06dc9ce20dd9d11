"""规范性 and 准确性 of single values: patterns, lengths, ranges, code lists, date formats.

NULL values are not evaluated by these checks (completeness is not_null's job);
every other value is, including blanks.
"""

from __future__ import annotations

import re
from typing import Literal

import ibis
import ibis.expr.types as ir
from pydantic import field_validator, model_validator

from shuzhi.catalog.dtypes import as_number
from shuzhi.quality.context import Ctx
from shuzhi.quality.registry import ColumnParams, check
from shuzhi.standards import validators
from shuzhi.standards.codelists import codelist_keys, load_codelist


def as_text(v: ir.Value) -> ir.StringValue:
    return v if v.type().is_string() else v.cast("string")


class Regex(ColumnParams):
    pattern: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as e:
            raise ValueError(f"invalid regular expression: {e}") from None
        return pattern


def end_anchored(pattern: str) -> str:
    """A final unescaped ``$`` becomes ``\\z``: Java's ``$`` (Spark) also matches before a trailing line
    break and RE2's (DuckDB) does not; ``\\z`` means the end of the value on both.

    >>> end_anchored(r"^\\d{6}$"), end_anchored(r"price\\$")
    ('^\\\\d{6}\\\\z', 'price\\\\$')
    """
    if pattern.endswith("$"):
        backslashes = len(pattern[:-1]) - len(pattern[:-1].rstrip("\\"))
        if backslashes % 2 == 0:
            return pattern[:-1] + "\\z"
    return pattern


@check("regex", "normativity", "expr", Regex, "{column} 匹配 {pattern}", "{column} matches {pattern}")
def regex(ctx: Ctx, p: Regex) -> ir.BooleanValue:
    return as_text(ctx.col(p.column)).re_search(end_anchored(p.pattern))


@check("mobile", "normativity", "expr", ColumnParams, "{column} 为 11 位手机号码", "{column} is an 11-digit mobile number")
def mobile(ctx: Ctx, p: ColumnParams) -> ir.BooleanValue:
    return validators.mobile(as_text(ctx.col(p.column)))


class Bounds(ColumnParams):
    min: float | None = None
    max: float | None = None
    #: exclude the bound itself (e.g. an area must be > 0)
    min_exclusive: bool = False
    max_exclusive: bool = False

    @model_validator(mode="after")
    def _bounds(self) -> Bounds:
        if self.min is None and self.max is None:
            raise ValueError("needs min or max")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is greater than max")
        return self


def _bound(b: float) -> int | float:
    # a whole bound as an integer: lengths and integer columns are then compared without a cast to double
    return int(b) if b.is_integer() and abs(b) < 2**53 else b


def _within(x: ir.NumericValue, p: Bounds) -> ir.BooleanValue:
    """``x`` within the bounds, ``x`` written once (an engine may inline it in each place it is used)."""
    if p.min is not None and p.max is not None and not (p.min_exclusive or p.max_exclusive):
        return x.between(_bound(p.min), _bound(p.max))
    tests = []
    if p.min is not None:
        tests.append((x > _bound(p.min)) if p.min_exclusive else (x >= _bound(p.min)))
    if p.max is not None:
        tests.append((x < _bound(p.max)) if p.max_exclusive else (x <= _bound(p.max)))
    return ibis.and_(*tests)


@check("length", "normativity", "expr", Bounds, "{column} 长度在 [{min}, {max}] 内", "length of {column} within [{min}, {max}]")
def length(ctx: Ctx, p: Bounds) -> ir.BooleanValue:
    return _within(as_text(ctx.col(p.column)).length(), p)


@check("range", "accuracy", "expr", Bounds, "{column} 取值在 [{min}, {max}] 内", "{column} within [{min}, {max}]")
def value_range(ctx: Ctx, p: Bounds) -> ir.BooleanValue:
    v = ctx.col(p.column)
    dtype = ctx.dtype(p.column)
    if v.type().is_numeric():
        number = v
    elif dtype == "int64" or dtype.startswith("decimal"):
        number = ctx.typed(p.column)
    else:  # text that is not all numbers: a value that is not a plain number (NaN, inf, 1_000 …) fails
        number = ctx.derive(f"{p.column}:number:", {"n": as_number(v)})["n"]  # once per row, however many bounds
    return ibis.ifelse(v.isnull(), ibis.null("boolean"), _within(number, p).fill_null(False))


class CodeList(ColumnParams):
    code_list: str | None = None
    values: list[str] | None = None

    @field_validator("values", mode="before")
    @classmethod
    def _as_text(cls, values: object) -> object:
        # YAML reads 01 as text but 1 as a number: values are compared as text either way
        if isinstance(values, list):
            return [str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v for v in values]
        return values
    #: compare with the list's codes (default) or its names (a column holding 耕地 rather than 01)
    by: Literal["code", "name"] = "code"

    @model_validator(mode="after")
    def _one_source(self) -> CodeList:
        if (self.code_list is None) == (self.values is None):
            raise ValueError("give either code_list (a standard, e.g. GB/T 2261.1) or values (a list)")
        if self.code_list is not None and self.code_list not in codelist_keys():
            raise ValueError(f"unknown code list {self.code_list!r}; known: {', '.join(codelist_keys())}")
        return self

    def codes(self) -> list[str]:
        if self.values is not None:
            return [str(x) for x in self.values]
        return [r[self.by] for r in load_codelist(self.code_list).rows]  # type: ignore[arg-type]


@check("code_list", "normativity", "expr", CodeList, "{column} 的值在代码表 {code_list} 中", "{column} is a code of {code_list}")
def code_list(ctx: Ctx, p: CodeList) -> ir.BooleanValue:
    return ctx.member(as_text(ctx.col(p.column)), p.codes(), f"{p.column}:{p.code_list or 'values'}:{p.by}")


# strftime directives with a fixed width: (regex with the value range, width, part); the day of the
# month is checked against the calendar by the engine's date cast
_DIRECTIVES = {"Y": ("(1[89][0-9]{2}|[2-9][0-9]{3})", 4, "year"), "m": ("(0[1-9]|1[0-2])", 2, "month"),
               "d": ("(0[1-9]|[12][0-9]|3[01])", 2, "day"), "H": ("([01][0-9]|2[0-3])", 2, "hour"),
               "M": ("[0-5][0-9]", 2, "minute"), "S": ("[0-5][0-9]", 2, "second")}


class DateFormat(ColumnParams):
    format: str

    @field_validator("format")
    @classmethod
    def _supported(cls, fmt: str) -> str:
        parsed = parse_format(fmt)
        if not {"year", "month", "day"} <= {part for part, _, _ in parsed}:
            raise ValueError("a date format needs %Y, %m and %d")
        return fmt


def parse_format(fmt: str) -> list[tuple[str, int, int]]:
    """``'%Y-%m-%d'`` → [(part, start, width)]; raises for directives of variable width."""
    parts, pos, i = [], 0, 0
    while i < len(fmt):
        if fmt[i] == "%":
            d = fmt[i + 1:i + 2]
            if d not in _DIRECTIVES:
                raise ValueError(f"unsupported directive %{d}; supported: %Y %m %d %H %M %S and literal text")
            _, width, part = _DIRECTIVES[d]
            parts.append((part, pos, width))
            pos += width
            i += 2
        else:
            pos += 1
            i += 1
    return parts


def format_regex(fmt: str) -> str:
    out, i = [], 0
    while i < len(fmt):
        if fmt[i] == "%":
            out.append(_DIRECTIVES[fmt[i + 1]][0])
            i += 2
        else:
            out.append(re.escape(fmt[i]))
            i += 1
    return "^" + "".join(out) + "\\z"


@check("date_format", "normativity", "expr", DateFormat, "{column} 是格式为 {format} 的有效日期", "{column} is a valid date formatted {format}")
def date_format(ctx: Ctx, p: DateFormat) -> ir.BooleanValue:
    v = ctx.col(p.column)
    if v.type().is_temporal():
        return ibis.ifelse(v.isnull(), ibis.null("boolean"), True)
    v = as_text(v)
    # fixed-width format: one regex for the shape and the ranges, then the calendar from the parts by position
    if p.format == "%Y-%m-%d":  # the regex leaves exactly the text the engines' date cast reads
        ok = v.re_search(format_regex(p.format)) & v.try_cast("date").notnull()
    else:
        got = {part: v.substr(start, width) for part, start, width in parse_format(p.format)}
        ok = v.re_search(format_regex(p.format)) & validators.iso_date_ok(got["year"], got["month"], got["day"])
    return ibis.ifelse(v.isnull(), ibis.null("boolean"), ok.fill_null(False))
