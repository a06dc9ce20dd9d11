"""Sensitive personal information known mainly from headers (GB/T 35273-2020 Annex B, GB/T 45574-2025 Annex A)."""

from __future__ import annotations

import ibis.expr.types as ir

from shuzhi.discovery.recognizer import Recognizer, recognizer
from shuzhi.discovery.tuning import tuning


@recognizer
class HealthInfo(Recognizer):
    ENTITY, LABEL, LABEL_EN = "HEALTH_INFO", "医疗健康信息", "medical and health information"


@recognizer
class ReligiousBelief(Recognizer):
    """宗教信仰信息: from the header, or values that are religions (佛教, 伊斯兰教 …)."""

    ENTITY, LABEL, LABEL_EN = "RELIGIOUS_BELIEF", "宗教信仰信息", "religious belief"
    PREFILTER = "教|信仰"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return v.isin(list(tuning()["religions"]))


@recognizer
class Biometric(Recognizer):
    ENTITY, LABEL, LABEL_EN = "BIOMETRIC", "生物识别信息", "biometric information"


@recognizer
class MinorInfo(Recognizer):
    ENTITY, LABEL, LABEL_EN = "MINOR_INFO", "不满十四周岁未成年人信息", "information about minors under 14"
