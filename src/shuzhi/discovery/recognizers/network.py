"""Network identifiers: IP addresses (v4 and v6) and MAC addresses."""

from __future__ import annotations

import ibis.expr.types as ir

from shuzhi.discovery.recognizer import Recognizer, full, recognizer

_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
IPV4 = rf"{_OCTET}(?:\.{_OCTET}){{3}}"
_H = "[0-9A-Fa-f]{1,4}"
# eight groups, or fewer around one '::' (MAC addresses have six groups of two and no '::')
IPV6 = rf"(?:{_H}:){{7}}{_H}|(?:{_H}(?::{_H}){{0,6}})?::(?:{_H}(?::{_H}){{0,6}})?"


@recognizer
class IpAddress(Recognizer):
    ENTITY, LABEL, LABEL_EN = "IP_ADDRESS", "IP 地址", "IP address"
    PREFILTER = r"^\s*(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*)\s*$"
    VALIDATED = True
    SPAN = rf"(?:^|[^0-9.])({IPV4})(?:[^0-9.]|$)"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return full(v, f"{IPV4}|{IPV6}")


MAC = r"[0-9A-Fa-f]{2}(?:[:\-][0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}"


@recognizer
class MacAddress(Recognizer):
    ENTITY, LABEL, LABEL_EN = "MAC_ADDRESS", "MAC 地址", "MAC address"
    PREFILTER = f"^\\s*(?:{MAC})\\s*$"
    SPAN = r"(?:^|[^0-9A-Fa-f:\-])([0-9A-Fa-f]{2}(?:[:\-][0-9A-Fa-f]{2}){5})(?:[^0-9A-Fa-f:\-]|$)"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return full(v, MAC)
