"""规范性 and 一致性 of Chinese identifiers: 公民身份号码, 统一社会信用代码, bank cards.

The validators are engine expressions from :mod:`shuzhi.standards.validators`.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
from pydantic import Field, field_validator

from shuzhi.quality.checks.formats import as_text
from shuzhi.quality.context import Ctx
from shuzhi.quality.registry import ColumnParams, Params, check
from shuzhi.standards import validators
from shuzhi.standards.codelists import load_codelist


def _id_parts(ctx: Ctx, column: str) -> dict[str, ir.Value]:
    """The ID's parts, derived once per row and shared by every rule on the column; ``birth_ok``
    (the birth digits are a calendar date) too, which ``id_card`` and ``id_birthdate_match`` both test."""
    parts = ctx.derive(f"{column}:id:", validators.gb11643_parts(as_text(ctx.col(column))))
    return parts | ctx.derive(f"{column}:id:", {"birth_ok": validators.yyyymmdd_ok(parts["birth"])})


class IdCard(ColumnParams):
    #: accept 15-digit first-generation numbers (GB 11643-1989)
    legacy: bool = False
    #: check the first six digits against GB/T 2260 (current and historical codes)
    area: bool = True


@check("id_card", "normativity", "expr", IdCard,
       "{column} 符合 GB 11643（长度、字符、出生日期、地址码、校验码）",
       "{column} conforms to GB 11643 (length, characters, birth date, area code, check character)", as_of="date")
def id_card(ctx: Ctx, p: IdCard) -> ir.BooleanValue:
    codes = [r["code"] for r in load_codelist("GB/T 2260").rows]
    area = (lambda key: ctx.member(key, codes, f"{p.column}:GB/T 2260:area")) if p.area else None
    return validators.gb11643_from(_id_parts(ctx, p.column), area_codes=area, legacy=p.legacy, latest=ctx.as_of.date())


class Uscc(ColumnParams):
    #: also check the embedded 组织机构代码 (GB 11714) in characters 9-17
    org_code: bool = True


@check("uscc", "normativity", "expr", Uscc,
       "{column} 符合 GB 32100（含内嵌组织机构代码 GB 11714 校验）",
       "{column} conforms to GB 32100 (incl. the embedded GB 11714 organisation code)")
def uscc(ctx: Ctx, p: Uscc) -> ir.BooleanValue:
    return validators.gb32100(as_text(ctx.col(p.column)), org_code=p.org_code)


class BankCard(ColumnParams):
    min_length: int = Field(16, ge=2, le=24)
    max_length: int = Field(19, ge=2, le=24)


@check("bank_card", "normativity", "expr", BankCard, "{column} 为 {min_length}–{max_length} 位且通过 Luhn 校验",
       "{column} has {min_length}-{max_length} digits and passes the Luhn check")
def bank_card(ctx: Ctx, p: BankCard) -> ir.BooleanValue:
    prefix = f"{p.column}:luhn{p.min_length}-{p.max_length}:"
    parts = ctx.derive(prefix, validators.luhn_parts(as_text(ctx.col(p.column)), min_length=p.min_length, max_length=p.max_length))
    digits = ctx.derive(prefix + "digit:", validators.luhn_digits(parts, max_length=p.max_length))  # each once per row
    return validators.luhn_from(parts, digits, max_length=p.max_length)


class IdAnd(Params):
    """Two columns: the 公民身份号码 first, then the column compared with it."""

    columns_: list[str] = Field(alias="columns")

    @field_validator("columns_")
    @classmethod
    def _two(cls, cols: list[str]) -> list[str]:
        if len(cols) != 2:
            raise ValueError("needs columns: [<ID column>, <other column>]")
        return cols

    def columns(self) -> list[str]:
        return list(self.columns_)


@check("id_birthdate_match", "consistency", "expr", IdAnd,
       "{columns_[1]} 与 {columns_[0]} 中的出生日期一致", "{columns_[1]} equals the birth date in {columns_[0]}")
def id_birthdate_match(ctx: Ctx, p: IdAnd) -> ir.BooleanValue:
    id_column, date_column = p.columns_
    parts = _id_parts(ctx, id_column)
    born = validators.id_birth(as_text(ctx.col(id_column)), parts)
    # evaluated where both are readable (NULL = NULL is NULL); a malformed ID or date is for id_card / date_format
    if not ctx.col(date_column).type().is_string():
        return born == ctx.date_key(date_column)
    # Most rows hold the ID's own birth date as yyyy-mm-dd: comparing the texts accepts them without
    # parsing the date (a valid birth date, years 1800-2200 as the parser's). The rest are parsed,
    # only they: the engines evaluate a CASE branch for the rows that reach it.
    same = (parts["shape"] & parts["birth_ok"] & (parts["birth"] < 22010000)
            & (as_text(ctx.col(date_column)) == validators.id_birth_text(as_text(ctx.col(id_column)))))
    return ibis.cases((same, True), else_=born == ctx.date_key_unstaged(date_column))


# GB/T 2261.1: 1 男性, 2 女性 (0 未知, 9 未说明 are not compared); common text spellings too
_SEX_PARITY = {"1": 1, "男": 1, "男性": 1, "2": 0, "女": 0, "女性": 0}


@check("id_sex_match", "consistency", "expr", IdAnd,
       "{columns_[1]} 与 {columns_[0]} 第 17 位的奇偶（奇男偶女）一致",
       "{columns_[1]} agrees with the parity of digit 17 of {columns_[0]} (odd male, even female)")
def id_sex_match(ctx: Ctx, p: IdAnd) -> ir.BooleanValue:
    digit = validators.id_sex_digit(_id_parts(ctx, p.columns_[0]))
    sex = as_text(ctx.col(p.columns_[1]))
    # the value as it is, and stripped only when it is not a code as it is (CASE is lazy)
    parity = sex.substitute(_SEX_PARITY, else_=sex.strip().substitute(_SEX_PARITY, else_=ibis.null("int64")))
    # NULL (not evaluated) where either side is NULL: no parity digit, or not a male/female code
    return digit % 2 == parity
