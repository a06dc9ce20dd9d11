"""Identity documents: 居民身份证 (GB 11643), passports, permits for Hong Kong and Macau."""

from __future__ import annotations

import datetime as dt

import ibis
import ibis.expr.types as ir

from shuzhi.discovery.recognizer import Recognizer, full, recognizer
from shuzhi.standards.validators import gb11643_from, gb11643_parts

#: first two digits of GB/T 2260 provinces, plus 81/82/83 of the residence permits for residents of
#: Hong Kong, Macau and Taiwan (港澳台居民居住证, GB 11643 numbers with area 810000/820000/830000), as ranges
_PROVINCE_RANGES = ((11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65), (71, 71), (81, 83))
# the same as a regex, for free text: (?:1[1-5]|2[1-3]|…|71|8[1-3])
_PROVINCE = "(?:" + "|".join(str(lo) if lo == hi else f"{lo // 10}[{lo % 10}-{hi % 10}]" for lo, hi in _PROVINCE_RANGES) + ")"


def _province_of(area: ir.IntegerValue) -> ir.BooleanValue:
    """Whether the six-digit area code (an integer) starts with a province: comparisons, not a regex call."""
    return ibis.or_(*(area.between(lo * 10_000, hi * 10_000 + 9_999) for lo, hi in _PROVINCE_RANGES))


@recognizer
class CnResidentId(Recognizer):
    """18-character 公民身份号码 (MOD 11-2 check, birth date, province) and 15-digit first-generation numbers."""

    ENTITY, LABEL, LABEL_EN = "CN_RESIDENT_ID", "居民身份证号码", "resident identity card number"
    VALIDATED = True
    PREPARE = "upper"
    PREFILTER = r"^\s*[1-8][0-9]{14}(?:[0-9]{2}[0-9Xx])?\s*$"
    SPAN = f"(?:^|[^0-9A-Za-z])({_PROVINCE}[0-9]{{15}}[0-9Xx]|{_PROVINCE}[0-9]{{13}})(?:[^0-9A-Za-z]|$)"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return self.match_parts(self.parts(v), hinted=hinted)

    def parts(self, v: ir.StringValue) -> dict[str, ir.Value]:
        return gb11643_parts(v)

    def match_parts(self, p: dict[str, ir.Value], *, hinted: bool) -> ir.BooleanValue:
        return gb11643_from(p, area_codes=None, legacy=True, latest=dt.date.today()) & _province_of(p["area"])


# ordinary passports: E + 8 digits (2012), E + letter (no I, O) + 7 digits (2017), G + 8 digits (legacy);
# official and service passports: P/S/D, optionally E, + 7 digits. 14/15 + 7 digits (old) only under a header.
_PASSPORT = "E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[PSD]E?[0-9]{7}"
_PASSPORT_OLD = "1[45][0-9]{7}"


@recognizer
class CnPassport(Recognizer):
    ENTITY, LABEL, LABEL_EN = "CN_PASSPORT", "护照号码", "passport number"
    PREPARE = "upper"
    PREFILTER = r"^\s*(?:[EeGgPpSsDd][A-Za-z]?[0-9]{7,8}|1[45][0-9]{7})\s*$"
    SPAN = f"(?:^|[^0-9A-Za-z])({_PASSPORT})(?:[^0-9A-Za-z]|$)"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return full(v, f"{_PASSPORT}|{_PASSPORT_OLD}" if hinted else _PASSPORT)


# 往来港澳通行证: C + 8 digits (2014 card), C + letter (no I, O) + 7 digits; 回乡证: H/M + 8 (+ 2) digits
_HKMO = "C[0-9]{8}|C[A-HJ-NP-Z][0-9]{7}|[HM][0-9]{8}(?:[0-9]{2})?"


@recognizer
class CnHkmoPermit(Recognizer):
    ENTITY, LABEL, LABEL_EN = "CN_HKMO_PERMIT", "港澳通行证/回乡证号码", "Hong Kong/Macau travel permit number"
    PREPARE = "upper"
    PREFILTER = r"^\s*[CcHhMm][A-Za-z]?[0-9]{7,10}\s*$"
    SPAN = f"(?:^|[^0-9A-Za-z])({_HKMO})(?:[^0-9A-Za-z]|$)"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return full(v, _HKMO)

