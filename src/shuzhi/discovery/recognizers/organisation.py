"""Organisations: 统一社会信用代码 (GB 32100) and 组织机构代码 (GB 11714)."""

from __future__ import annotations

import ibis.expr.types as ir

from shuzhi.discovery.recognizer import Recognizer, full, recognizer
from shuzhi.standards.validators import gb11714, gb32100, gb32100_from, gb32100_parts


@recognizer
class CnUscc(Recognizer):
    """18 characters of GB 32100's set, check character and the embedded GB 11714 code; letter-first codes (N, Y, A…) too."""

    ENTITY, LABEL, LABEL_EN = "CN_USCC", "统一社会信用代码", "unified social credit code"
    VALIDATED = True
    PREFILTER = r"^\s*[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{10}\s*$"
    PREPARE = "upper"
    # a resident ID passes the check character and the embedded GB 11714 check one time in 341; its own are stricter
    YIELDS_TO = ("CN_RESIDENT_ID",)
    SPAN = r"(?:^|[^0-9A-Za-z])([0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10})(?:[^0-9A-Za-z]|$)"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return gb32100(v)

    def parts(self, v: ir.StringValue) -> dict[str, ir.Value]:
        return {**gb32100_parts(v), "value": v}

    def match_parts(self, p: dict[str, ir.Value], *, hinted: bool) -> ir.BooleanValue:
        return gb32100_from(p["value"], p)


@recognizer
class CnOrgCode(Recognizer):
    """8 body characters and the check character, often written ``XXXXXXXX-X`` (GB 11714-1997)."""

    ENTITY, LABEL, LABEL_EN = "CN_ORG_CODE", "组织机构代码", "organisation code"
    VALIDATED = True
    PREFILTER = r"^\s*[0-9A-Za-z]{8}-?[0-9Xx]\s*$"
    PREPARE = "upper"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        s = v
        return full(s, "[0-9A-Z]{8}-?[0-9X]") & gb11714(s.substr(0, 8), s.right(1))
