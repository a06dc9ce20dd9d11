"""Validators of Chinese identifiers as engine expressions (Ibis), for DuckDB and Spark alike.

Each function takes a text column and returns a BooleanValue: TRUE valid, FALSE
invalid, NULL where the input is NULL. They agree with the reference functions in
:mod:`shuzhi.standards.checksums` on every input (tests compare them), but run
inside the engine: no value ever goes through Python.

Digits are taken by integer arithmetic on a few casts rather than one substring per
digit: casting a shape-checked chunk of at most 8 digits to BIGINT and dividing by
powers of ten is exact (the engines divide in double precision, exact below 2^53)
and much cheaper than 17 ``substr`` calls. The weighted sums of GB 11643 (MOD 11-2) and of
GB 32100's digits need no digit extracted: see :func:`_weighted`.

>>> import ibis
>>> t = ibis.memtable({"id": ["11010519491231002X", "110105194912310021", None]})
>>> ibis.duckdb.connect().execute(t.select(ok=gb11643(t.id, area_codes=None)))["ok"].tolist()
[True, False, None]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import ibis
import ibis.expr.types as ir

# GB 11643-1999 §5.2: weights W_i = 2^(18-i) mod 11 for i = 1..17; with the check value a_18 (X = 10)
# the whole number satisfies Σ a_i·W_i ≡ 1 (mod 11), W_18 = 1 (ISO 7064 MOD 11-2).
_GB11643_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
# GB 32100-2015 §4.2: 31 characters; weights 3^(i-1) mod 31; check = 31 - Σ mod 31 (31 → 0).
_GB32100_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_GB32100_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_GB32100_SHAPE = r"^[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}\z"
# GB 11714-1997 §5: 8 body characters (0-9, A-Z as 10-35), weights, C9 = 11 - Σ mod 11 (10 → X, 11 → 0).
_GB11714_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_GB11714_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

# patterns end with \z, not $: Java's $ (Spark) also matches before a final line break
MOBILE_RE = r"^1[3-9][0-9]{9}\z"


def _weighted(chunk: ir.IntegerValue, weights: tuple[int, ...], modulus: int) -> ir.IntegerValue:
    """A number ≡ Σ w_j·d_j (mod ``modulus``) over the digits d_j (leftmost first) of a ``len(weights)``-digit
    ``chunk``, with one modulo per digit and no division; ``modulus`` prime to 10 (11, 31).

    The digit d_k at place 10^k is d_k·10^k = m_{k+1} − m_k with m_k = chunk mod 10^k (m_0 = 0,
    m_W = chunk), so d_k ≡ (m_{k+1} − m_k)·u^k with u the inverse of 10 (mod ``modulus``); for 11,
    u ≡ −1. With e_k = w(k)·u^k, summation by parts gives Σ e_k·(m_{k+1} − m_k) = e_{W−1}·chunk +
    Σ_{j=1}^{W−1} (e_{j−1} − e_j)·m_j. Extracting digits instead costs a division each, which the
    engines do in floating point (``CAST(FLOOR(a / b))``). A chunk of at most 9 digits keeps the sum
    far inside 64 bits.
    """
    width = len(weights)
    u = pow(10, -1, modulus)
    e = [weights[width - 1 - k] * pow(u, k, modulus) % modulus for k in range(width)]  # by place, from the right
    total: ir.IntegerValue = chunk * e[width - 1]
    for j in range(1, width):
        if (a := (e[j - 1] - e[j]) % modulus) != 0:
            total = total + (chunk % 10**j) * a
    return total


def iso_date(year: ir.StringValue, month: ir.StringValue, day: ir.StringValue) -> ir.DateValue:
    """The date of digit texts of a year (4), month (2) and day (2), from the year 1800 on; NULL when
    there is no such calendar date.

    The engine's own date cast of ``yyyy-mm-dd`` decides the calendar (leap years, 30-day
    months): exact for this shape on DuckDB and Spark, and cheaper than the arithmetic.
    """
    return ibis.ifelse(year >= "1800", (year + "-" + month + "-" + day).try_cast("date"), ibis.null("date"))


def iso_date_ok(year: ir.StringValue, month: ir.StringValue, day: ir.StringValue) -> ir.BooleanValue:
    return iso_date(year, month, day).notnull()


#: month-days (``mmdd``) past the end of a 30-day month
_DAY31_OF_30_DAY_MONTHS = (431, 631, 931, 1131)


def yyyymmdd_ok(n: ir.IntegerValue, latest: dt.date | None = None) -> ir.BooleanValue:
    """Whether the integer ``yyyymmdd`` (8 digits, from the year 1800) is a calendar date, not after
    ``latest`` when given; NULL when ``n`` is NULL.

    Modulo and comparisons only: the engines divide in floating point, and building the text of
    a date to cast it (``iso_date``) costs twice as much per row. With md = n mod 10⁴ (``mmdd``),
    the year y = ⌊n / 10⁴⌋ is divisible by k exactly when n mod 10⁴·k < 10⁴.
    """
    md = n % 10_000
    day = md % 100
    leap = ((n % 40_000 < 10_000) & (n % 1_000_000 >= 10_000)) | (n % 4_000_000 < 10_000)
    ok = (n >= 18_000_000) & md.between(101, 1231) & day.between(1, 31) & ((md < 229) | (md > 231) | ((md == 229) & leap))
    for end in _DAY31_OF_30_DAY_MONTHS:
        ok = ok & (md != end)
    return ok if latest is None else ok & _key_not_after(n, latest)


def _key_not_after(n: ir.IntegerValue, latest: dt.date) -> ir.BooleanValue:
    return n <= latest.year * 10_000 + latest.month * 100 + latest.day


def _not_after(date: ir.DateValue, latest: dt.date | None) -> ir.BooleanValue:
    return ibis.literal(True) if latest is None else date <= ibis.date(latest)


AreaTest = Iterable[str] | Callable[[ir.StringValue], ir.BooleanValue] | None


def _area_ok(area: ir.StringValue, area_codes: AreaTest) -> ir.BooleanValue:
    if callable(area_codes):
        return area_codes(area)
    return area.isin(sorted(set(area_codes or ())))


ID18_RE = r"^[0-9]{17}[0-9X]\z"


def gb11643_parts(v: ir.StringValue) -> dict[str, ir.Value]:
    """The pieces of a 公民身份号码 that :func:`gb11643_from` tests, each computed once per row:
    shape, the area code as text, and the digits as three integers (area, birth date, sequence).
    The birth date is tested on its integer (:func:`yyyymmdd_ok`); :func:`id_birth` builds the date."""
    return {
        "null": v.isnull(),
        "shape": v.re_search(ID18_RE),
        "area_text": v.substr(0, 6),
        "area": v.substr(0, 6).try_cast("int64"),
        "birth": v.substr(6, 8).try_cast("int64"),
        "seq": v.substr(14, 3).try_cast("int64"),
        "last": v.substr(17, 1),
        # first-generation numbers (GB 11643-1989): 15 digits, yymmdd of 19xx; rare, so the length
        # decides first and the regex and the date are computed only for 15 characters (CASE is lazy)
        "shape15": ibis.ifelse(v.length() == 15, v.re_search(r"^[0-9]{15}\z"), False),
        "birth15_date": ibis.ifelse(v.length() == 15, iso_date("19" + v.substr(6, 2), v.substr(8, 2), v.substr(10, 2)),
                                    ibis.null("date")),
    }


def gb11643_from(
    p: dict[str, ir.Value], *, area_codes: AreaTest, legacy: bool = False, latest: dt.date | None = None
) -> ir.BooleanValue:
    """The GB 11643 test over :func:`gb11643_parts` (see :func:`gb11643`)."""
    w = _GB11643_WEIGHTS
    total = _weighted(p["area"], w[:6], 11) + _weighted(p["birth"], w[6:14], 11) + _weighted(p["seq"], w[14:], 11)
    last = p["last"]
    check_value = ibis.ifelse(last == "X", 10, last.try_cast("int64"))
    # the birth date's test may be staged once per row for the checks sharing it (see ``birth_ok`` in quality)
    birth_ok = p["birth_ok"] if "birth_ok" in p else yyyymmdd_ok(p["birth"])
    ok18 = p["shape"] & ((total + check_value) % 11 == 1) & birth_ok
    if latest is not None:
        ok18 = ok18 & _key_not_after(p["birth"], latest)
    if area_codes is not None:
        ok18 = ok18 & _area_ok(p["area_text"], area_codes)
    ok = ok18.fill_null(False)
    if legacy:
        ok15 = p["shape15"] & p["birth15_date"].notnull() & _not_after(p["birth15_date"], latest)
        if area_codes is not None:
            ok15 = ok15 & _area_ok(p["area_text"], area_codes)
        ok = ok | ok15.fill_null(False)
    return ibis.ifelse(p["null"], ibis.null("boolean"), ok)


def gb11643(
    v: ir.StringValue, *, area_codes: AreaTest, legacy: bool = False, latest: dt.date | None = None
) -> ir.BooleanValue:
    """公民身份号码 per GB 11643-1999: 17 digits + check character (0-9 or upper-case X),
    the MOD 11-2 check, a valid birth date (not after ``latest``), and the first six digits a
    known GB/T 2260 code (current or historical) when ``area_codes`` is given — a list of
    codes, or a function testing the six-digit text (e.g. a join against the code table).

    ``legacy=True`` also accepts 15-digit numbers of the first generation (GB 11643-1989):
    area code + ``yymmdd`` (19yy) + 3-digit sequence, without a check digit.
    """
    return gb11643_from(gb11643_parts(v), area_codes=area_codes, legacy=legacy, latest=latest)


def _index_in(alphabet: str, ch: ir.StringValue) -> ir.IntegerValue:
    """Position of ``ch`` in ``alphabet`` (0-based), -1 when absent."""
    return ibis.literal(alphabet).find(ch)


def gb11714(body8: ir.StringValue, check: ir.StringValue) -> ir.BooleanValue:
    """组织机构代码 check: 8 body characters and the check character (GB 11714-1997).

    The standard's C9 = 11 − Σ mod 11 (10 → X, 11 → 0) is tested as Σ + value(C9) ≡ 0 (mod 11)
    with X = 10: the same condition without building the expected character (a cast and a CASE per
    row, which cost more than the sum). A check character that is not a digit or X gives NULL.
    """
    total = ibis.literal(0)
    for i, w in enumerate(_GB11714_WEIGHTS):
        total = total + _index_in(_GB11714_ALPHABET, body8.substr(i, 1)) * w
    digit = ibis.ifelse(check.length() == 1, _index_in("0123456789", check), -1)
    value = ibis.ifelse(check == "X", 10, digit.nullif(-1))
    return (total + value) % 11 == 0


def _gb32100_chars(v: ir.StringValue, start: int, stop: int) -> ir.IntegerValue:
    """GB 32100's weighted sum of characters ``start``..``stop - 1`` (0-based), one lookup each."""
    total = ibis.literal(0)
    for i in range(start, stop):
        total = total + _index_in(_GB32100_ALPHABET, v.substr(i, 1)) * _GB32100_WEIGHTS[i]
    return total


def _gb32100_verdict(v: ir.StringValue, total: ir.IntegerValue, gate: ir.BooleanValue) -> ir.BooleanValue:
    """The check character 18 against the sum ``total`` of characters 1-17, tested only where ``gate``
    (shape, organisation code) holds. The organisation code's alphabet is wider, but the shape already
    limits characters to GB 32100's set."""
    check_ok = _index_in(_GB32100_ALPHABET, v.substr(17, 1)) == (31 - total % 31) % 31
    ok = ibis.ifelse(gate.fill_null(False), check_ok, False)
    return ibis.ifelse(v.isnull(), ibis.null("boolean"), ok.fill_null(False))


def gb32100_parts(v: ir.StringValue) -> dict[str, ir.Value]:
    """The pieces of a 统一社会信用代码 that :func:`gb32100_from` uses more than once, computed once per row:
    the shape, and characters 1-8 and 9-17 as integers where they are digits (NULL where not)."""
    shape = v.re_search(_GB32100_SHAPE)
    # cast only shape-checked text (no sign, space or separator): CASE is evaluated lazily
    return {
        "shape": shape,
        "head": ibis.ifelse(shape, v.substr(0, 8).try_cast("int64"), ibis.null("int64")),
        "tail": ibis.ifelse(shape, v.substr(8, 9).try_cast("int64"), ibis.null("int64")),
    }


def gb32100_from(v: ir.StringValue, p: dict[str, ir.Value], *, org_code: bool = True) -> ir.BooleanValue:
    """:func:`gb32100` over :func:`gb32100_parts` staged once per row (the scanner does).

    Characters 1-8 and 9-17 that are digits (most codes) are summed from their integers by
    :func:`_weighted`, without a lookup per character; the others (``MA…`` organisation codes,
    letter-first codes) by lookups. On DuckDB: 17 % fewer instructions than :func:`gb32100` on
    a column of codes, half of them with letters, and 31 % fewer on 18-digit numbers.
    """
    head, tail, w = p["head"], p["tail"], _GB32100_WEIGHTS
    total = (ibis.ifelse(head.notnull(), _weighted(head, w[:8], 31), _gb32100_chars(v, 0, 8))
             + ibis.ifelse(tail.notnull(), _weighted(tail, w[8:], 31), _gb32100_chars(v, 8, 17)))
    # where ``tail`` is digits its last one is the organisation code's check digit, weight 1
    org = ibis.ifelse(tail.notnull(), _weighted(tail, (*_GB11714_WEIGHTS, 1), 11) % 11 == 0, gb11714(v.substr(8, 8), v.substr(16, 1)))
    gate = ibis.ifelse(p["shape"], org, False) if org_code else p["shape"]
    return _gb32100_verdict(v, total, gate)


def gb32100(v: ir.StringValue, *, org_code: bool = True) -> ir.BooleanValue:
    """统一社会信用代码 per GB 32100-2015: 18 characters of the 31-character set (upper case),
    characters 3-8 an administrative-division code (digits), the check character 18 and, by
    default, the embedded GB 11714 organisation code (characters 9-17). The first character
    (登记管理部门码) may be a letter (N, Y, A …).

    The cheaper organisation-code check (8 characters) runs first and the 17-character sum only on
    the rows it lets through (CASE is evaluated lazily): on columns of other 18-character numbers
    that skips the sum for 10 rows in 11. One character lookup per position: where the caller can
    stage :func:`gb32100_parts` once per row, :func:`gb32100_from` is cheaper (inline, its integer
    casts would be computed at each use, which costs twice this on DuckDB).
    """
    shape = v.re_search(_GB32100_SHAPE)
    total = _gb32100_chars(v, 0, 17)
    gate = (shape & gb11714(v.substr(8, 8), v.substr(16, 1))) if org_code else shape
    return _gb32100_verdict(v, total, gate)


def luhn_parts(v: ir.StringValue, *, min_length: int = 16, max_length: int = 19) -> dict[str, ir.Value]:
    """Shape, and the digits as two integers: the last 9 (``lo``) and the ones before (``hi``, at most 15).

    Two casts of a prefix and a suffix: cheaper than reversing and padding the text (1.6× on DuckDB).
    """
    n = v.length()
    return {
        "null": v.isnull(),
        "shape": v.re_search(f"^[0-9]{{{min_length},{max_length}}}\\z"),
        "lo": v.right(9).try_cast("int64"),
        "hi": ibis.ifelse(n > 9, v.substr(0, n - 9), ibis.null("string")).try_cast("int64"),
    }


def luhn_digits(p: dict[str, ir.Value], *, max_length: int = 19) -> dict[str, ir.IntegerValue]:
    """Digit i counted from the right (``d0`` … ), from the two integers of :func:`luhn_parts`; zeros beyond the number."""
    out = {}
    for i in range(max_length):
        chunk, place = (p["lo"], i) if i < 9 else (p["hi"].fill_null(0), i - 9)
        out[f"d{i}"] = (chunk // 10**place) % 10 if place else chunk % 10
    return out


def luhn_from(p: dict[str, ir.Value], digits: dict[str, ir.IntegerValue] | None = None, *, max_length: int = 19) -> ir.BooleanValue:
    """The Luhn test over :func:`luhn_parts` and :func:`luhn_digits` (computed here when not given, e.g.
    staged once per row by the caller): digit i counted from the right is doubled when i is odd, and a
    doubled digit above 9 counts its digit sum (2d − 9)."""
    d = digits or luhn_digits(p, max_length=max_length)
    total = ibis.literal(0)
    for i in range(max_length):
        di = d[f"d{i}"]
        total = total + (di if i % 2 == 0 else di * 2 - (di >= 5).cast("int64") * 9)
    ok = p["shape"] & (total % 10 == 0)
    return ibis.ifelse(p["null"], ibis.null("boolean"), ok.fill_null(False))


def luhn(v: ir.StringValue, *, min_length: int = 16, max_length: int = 19) -> ir.BooleanValue:
    """Bank card number: ``min_length``–``max_length`` digits whose last digit is the Luhn check
    (ISO/IEC 7812-1 Annex B)."""
    return luhn_from(luhn_parts(v, min_length=min_length, max_length=max_length), max_length=max_length)


def mobile(v: ir.StringValue) -> ir.BooleanValue:
    """Mainland mobile number: 11 digits starting 13-19 (no country code, no separators)."""
    return v.re_search(MOBILE_RE)


def id_birth_text(v: ir.StringValue) -> ir.StringValue:
    """The birth date digits of an 18-character 公民身份号码 written ``yyyy-mm-dd`` (not checked)."""
    return v.substr(6, 4) + "-" + v.substr(10, 2) + "-" + v.substr(12, 2)


def id_birth(v: ir.StringValue, p: dict[str, ir.Value]) -> ir.DateValue:
    """Birth date of the 公民身份号码 ``v`` with its :func:`gb11643_parts` ``p``: of an 18-digit number
    (or a 15-digit one, as 19yymmdd); NULL for anything else, including impossible dates."""
    born = iso_date(v.substr(6, 4), v.substr(10, 2), v.substr(12, 2))
    return ibis.cases((p["shape"], born), (p["shape15"], p["birth15_date"]), else_=ibis.null("date"))


def id_sex_digit(p: dict[str, ir.Value]) -> ir.IntegerValue:
    """The digit whose parity gives the sex (odd male, even female): the 17th of 18, the 15th of 15 —
    in both cases the last digit of the ``seq`` part of :func:`gb11643_parts`."""
    return ibis.ifelse(p["shape"] | p["shape15"], p["seq"] % 10, ibis.null("int64"))
