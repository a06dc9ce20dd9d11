"""Places: postal addresses, coordinates, and (from headers) trajectories."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from shuzhi.discovery.recognizer import HAN, Recognizer, full, recognizer

_ADMIN = "(?:省|自治区|特别行政区|市|自治州|州|盟|地区|县|自治县|旗|区)"
_PLACE = "(?:路|街|大道|道|巷|弄|胡同|号|村|组|社区|小区|镇|乡|街道|苑|园|大厦|广场|楼|幢|栋|单元|室|院)"
# an administrative unit, then a street-level place: 江苏省南京市玄武区中山路18号3幢201室
ADDRESS = f"{HAN}{{2,12}}?{_ADMIN}.{{0,30}}?{_PLACE}.{{0,30}}"
# names of organisations, which contain the same words but are not addresses
_ORG_END = "(?:公司|集团|医院|学校|大学|学院|中学|小学|幼儿园|银行|局|厅|委员会|中心|厂|店|所|站|馆|部|处|办公室|协会|合作社)$"


@recognizer
class CnAddress(Recognizer):
    ENTITY, LABEL, LABEL_EN = "CN_ADDRESS", "地址", "postal address"
    WEAK = True
    PREFILTER = "(?:省|自治区|市|州|盟|县|旗|区)"
    SPAN = f"({HAN}{{2,10}}(?:省|市|自治区){HAN}[{HAN[1:-1]}0-9A-Za-z\\-]{{1,40}}?(?:号|室|村|组|弄|巷|路|街))"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        s = v
        return (s.length() >= 6) & full(s, ADDRESS) & ~s.re_search(_ORG_END)


_NUM = r"-?[0-9]{1,3}\.[0-9]{3,}"
_PAIR = rf"^\(?\s*({_NUM})\s*[,，]\s*({_NUM})\s*\)?\z"


def _within(x: ir.FloatingValue, lo: float, hi: float) -> ir.BooleanValue:
    return x.between(lo, hi)


@recognizer
class GeoCoordinate(Recognizer):
    """A longitude,latitude pair (either order) with at least three decimals, within China unless the
    header says coordinates; under such a header also one decimal degree per column.

    The pair's shape is one regex without captures; the two numbers are then cut at the comma with
    plain string functions (regex captures cost ten times more on DuckDB), in a projection of their own.
    """

    ENTITY, LABEL, LABEL_EN = "GEO_COORDINATE", "经纬度坐标", "geographic coordinates"
    VALIDATED = True
    # a number with three or more decimals, then a comma or the end: not an IPv4 address (192.168.1.1)
    PREFILTER = r"^\s*\(?\s*-?[0-9]{1,3}\.[0-9]{3,}\s*(?:[,，]|\)?\s*$)"

    def parts(self, v: ir.StringValue) -> dict[str, ir.Value]:
        comma = v.replace("，", ",")
        at = comma.find(",")
        return {
            "pair": v.re_search(_PAIR),
            # the shape holds wherever these count: one comma, brackets only at the ends, spaces the cast ignores
            "a": comma.substr(0, at).replace("(", "").try_cast("float64"),
            "b": comma.substr(at + 1).replace(")", "").try_cast("float64"),
            "one": full(v, _NUM),
            "x": v.try_cast("float64"),
        }

    def match_parts(self, p: dict[str, ir.Value], *, hinted: bool) -> ir.BooleanValue:
        lo, hi = ibis.least(p["a"], p["b"]), ibis.greatest(p["a"], p["b"])
        if hinted:
            pair = _within(lo, -90, 90) & _within(hi, -180, 180)
            one = p["one"] & _within(p["x"], -180, 180)
            return ibis.ifelse(p["pair"], pair, one).fill_null(False)
        # longitude 73–136 and latitude 3–54 in either order: the ranges do not overlap, so the smaller
        # number is the latitude
        return (p["pair"] & _within(lo, 3, 54) & _within(hi, 73, 136)).fill_null(False)

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return self.match_parts(self.parts(v), hinted=hinted)


@recognizer
class PreciseLocation(Recognizer):
    """精确位置 and 行踪轨迹信息 (GB/T 45574 Annex A) — from headers."""

    ENTITY, LABEL, LABEL_EN = "PRECISE_LOCATION", "行踪轨迹/精确位置", "whereabouts or precise location"
