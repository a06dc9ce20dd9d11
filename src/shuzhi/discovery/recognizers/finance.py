"""Financial identifiers: bank card numbers (Luhn) and, from headers, other financial accounts."""

from __future__ import annotations

import ibis.expr.types as ir

from shuzhi.discovery.recognizer import Recognizer, recognizer
from shuzhi.standards.validators import luhn, luhn_from, luhn_parts


@recognizer
class BankCard(Recognizer):
    """16–19 digits, written with or without spaces, whose last digit is the Luhn check (ISO/IEC 7812-1).

    Issuer identification numbers start with 2–6 (UnionPay 62, Visa 4, Mastercard 2/5, JCB 35).
    """

    ENTITY, LABEL, LABEL_EN = "BANK_CARD", "银行卡号", "bank card number"
    VALIDATED = True
    PREFILTER = r"^[ \-]*[2-6](?:[0-9][ \-]*){15,18}$"
    PREPARE = "digits"
    # an 18-digit resident ID passes Luhn one time in ten; its date, area and MOD 11-2 checks are stricter
    YIELDS_TO = ("CN_RESIDENT_ID",)
    SPAN = r"(?:^|[^0-9])([2-6][0-9]{3}(?:[ -]?[0-9]{4}){3}(?:[ -]?[0-9]{1,3})?)(?:[^0-9]|$)"

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue:
        return v.re_search("^[2-6]") & luhn(v)

    def parts(self, v: ir.StringValue) -> dict[str, ir.Value]:
        # the first character's code point, '2'..'6': comparisons instead of a regex call
        return {**luhn_parts(v), "issuer": v.ascii_str().between(ord("2"), ord("6"))}

    def match_parts(self, p: dict[str, ir.Value], *, hinted: bool) -> ir.BooleanValue:
        return p["issuer"] & luhn_from(p)


@recognizer
class FinancialAccount(Recognizer):
    """金融账户信息 (GB/T 45574 Annex A): account numbers, balances, deposits, credit records — from headers."""

    ENTITY, LABEL, LABEL_EN = "FINANCIAL_ACCOUNT", "金融账户信息", "financial account information"
