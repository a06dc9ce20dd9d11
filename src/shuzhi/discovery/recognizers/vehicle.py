"""Vehicles: 机动车号牌 (GA 36), including 8-character new-energy plates."""

from __future__ import annotations

import ibis.expr.types as ir

from shuzhi.discovery.recognizer import Recognizer, full, recognizer

_PROVINCES = "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]"
_L = "[A-HJ-NP-Z]"  # letters without I and O
_C = "[A-HJ-NP-Z0-9]"
# province + issuing authority, an optional separator, then: small new-energy D/F + 5; large new-energy
# 5 digits + D/F; ordinary 5 characters, the last possibly 挂 学 警 港 澳 领
PLATE = rf"{_PROVINCES}{_L}[·•. ]?(?:[DF]{_C}[0-9]{{4}}|[0-9]{{5}}[DF]|{_C}{{4}}[A-HJ-NP-Z0-9挂学警港澳领])"


@recognizer
class CnLicensePlate(Recognizer):
    ENTITY, LABEL, LABEL_EN = "CN_LICENSE_PLATE", "机动车号牌", "vehicle licence plate"
    PREFILTER = f"^\\s*{_PROVINCES}"
    PREPARE = "upper"
    SPAN = f"({PLATE})"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return full(v, PLATE)
