"""Contact data: mobile and fixed-line numbers, e-mail addresses."""

from __future__ import annotations

import ibis.expr.types as ir

from shuzhi.discovery.recognizer import Recognizer, full, recognizer

# mainland mobile segments, after libphonenumber's CN metadata (PhoneNumberMetadata_CN, mobile):
# 1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8}, plus the 1740x satellite and 1610x ranges
MOBILE = r"1(?:[38][0-9]|4[5-9]|[59][0-35-9]|6[2567]|7[0-8])[0-9]{8}"
_PREFIX = r"(?:\+?86|0086)?"


@recognizer
class CnMobile(Recognizer):
    """11-digit mobile numbers in current segments; +86 / 0086 / 86- prefixes, spaces and dashes allowed."""

    ENTITY, LABEL, LABEL_EN = "CN_MOBILE", "手机号码", "mobile phone number"
    # 11 to 15 digits (86 / 0086 and the number), separators between them
    PREFILTER = r"^[+ \-()（）.]*(?:[0-9][ \-()（）.]*){11,15}$"
    PREPARE = "digits"
    SPAN = r"(?:^|[^0-9])((?:(?:\+|00)?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2})(?:[^0-9]|$)"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return full(v, _PREFIX + MOBILE)


# area code 0 + 2-3 digits, local number of 7-8 digits not starting with 0 or 1, optional extension
_LANDLINE = r"\(?0[1-9][0-9]{1,2}\)?[ \-]?[2-9][0-9]{6,7}(?:(?:-|转|#|ext\.?)[0-9]{1,6})?"
_LOCAL = r"[2-9][0-9]{6,7}"


@recognizer
class CnLandline(Recognizer):
    """Fixed-line numbers with an area code (025-83245678, (010)62345678); without one only under a header."""

    ENTITY, LABEL, LABEL_EN = "CN_LANDLINE", "固定电话号码", "fixed-line phone number"
    # an area code (0…, +86…), or a bare local number of 7-8 digits
    PREFILTER = r"^\s*(?:\+86|\(?0[1-9]|[2-9][0-9]{6,7}\s*$)"
    SPAN = r"(?:^|[^0-9])(\(?0[1-9][0-9]{1,2}\)?[ \-]?[2-9][0-9]{6,7})(?:[^0-9]|$)"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        s = v
        ok = full(s, r"(?:\+86[ \-]?)?" + _LANDLINE)
        return ok | full(s, _LOCAL) if hinted else ok


EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"


@recognizer
class Email(Recognizer):
    ENTITY, LABEL, LABEL_EN = "EMAIL", "电子邮箱", "e-mail address"
    PREFILTER = "@"
    SPAN = f"({EMAIL})"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return full(v, EMAIL)

