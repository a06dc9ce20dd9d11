"""Persons: Chinese names, ethnicity (GB/T 3304), birth dates."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import ibis.expr.types as ir

from shuzhi.catalog.dtypes import date_parts
from shuzhi.discovery.recognizer import HAN, Recognizer, full, recognizer
from shuzhi.discovery.tuning import tuning
from shuzhi.standards.codelists import load_codelist


@cache
def surnames() -> tuple[list[str], list[str]]:
    """Single surnames (Faker's zh_CN list, ~400 common ones) and compound surnames (that list and
    data/discovery.yaml)."""
    from faker.providers.person.zh_CN import Provider

    singles = sorted({s for s in Provider.last_names if len(s) == 1})
    compound = sorted({s for s in Provider.last_names if len(s) > 1} | set(tuning()["compound_surnames"]))
    return singles, compound


@cache
def surname_pattern() -> str:
    """A compound surname or one single surname (:func:`surnames`) as a regex."""
    singles, compound = surnames()
    return "(?:" + "|".join(compound) + "|[" + "".join(singles) + "])"


@cache
def ethnic_names() -> list[str]:
    return [name for name in (r["name"] for r in load_codelist("GB/T 3304").rows) if name.endswith("族")]


# last characters of place, organisation and group names that given names practically never end with
_NOT_NAME_END = "[市省区县镇乡村族局厅委办处院所站队部店厂司馆]"


@recognizer
class CnPersonName(Recognizer):
    """A common surname and one or two given-name characters (four with a compound surname), or a
    minority name written with a middle dot (阿卜杜·热合曼). Only a shape: a weak signal that needs a
    high share of values, a header, or identity columns beside it."""

    ENTITY, LABEL, LABEL_EN = "CN_PERSON_NAME", "姓名", "person name"
    WEAK = True
    PREFILTER = f"^\\s*{HAN}{{2,6}}(?:[·•]{HAN}{{2,10}})?\\s*$"

    @property
    def SPAN(self) -> str:  # type: ignore[override]
        words = "|".join(re.escape(w) for w in tuning()["name_context"])
        # the shortest name after the context word: text runs on (申请人李四办理 → 李四)
        return f"(?:{words})[:：是为 ]{{0,2}}({surname_pattern()}{HAN}{{1,2}}?)"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        s = v
        shape = full(s, f"{surname_pattern()}{HAN}{{1,2}}|{HAN}{{2,6}}[·•]{HAN}{{2,10}}")
        return shape & ~s.re_search(f"{_NOT_NAME_END}$") & ~s.isin(ethnic_names())


@recognizer
class CnEthnicity(Recognizer):
    """民族 by its GB/T 3304 name (汉族); under a 民族 header also the two-digit code (01)."""

    ENTITY, LABEL, LABEL_EN = "CN_ETHNICITY", "民族", "ethnic group"
    VALIDATED = True
    PREFILTER = f"^\\s*(?:[0-9]{{2}}|{HAN}{{1,8}})\\s*$"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        s = v
        names = s.isin(ethnic_names())
        if hinted:
            codes = load_codelist("GB/T 3304")
            return names | s.isin([r["code"] for r in codes.rows]) | s.isin([n.removesuffix("族") for n in ethnic_names()])
        return names


@recognizer
class DateOfBirth(Recognizer):
    """A calendar date from 1900 to today under a birth-date header (a date alone is not a birth date)."""

    ENTITY, LABEL, LABEL_EN = "DATE_OF_BIRTH", "出生日期", "date of birth"
    VALIDATED = True
    VALUES_DECIDE = False
    PREFILTER = "[0-9]{4}"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        p = date_parts(v)
        return p["valid"] & p["year"].between(1900, dt.date.today().year)
