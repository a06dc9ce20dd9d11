"""Engine validators against Python references (the calendar, checksums.py) on many generated values, on both engines."""

from __future__ import annotations

import datetime as dt
import random

import ibis

from shuzhi.standards.checksums import gb11714_check_char, gb32100_check_char, gb32100_valid
from shuzhi.standards.validators import gb32100, gb32100_from, gb32100_parts, yyyymmdd_ok
from shuzhi.workspace import Workspace

# leap rules: divisible by 4 (2024), by 100 and not 400 (1900, 2100), by 400 (2000); the lower bound 1800
YEARS = (1799, 1800, 1900, 2000, 2023, 2024, 2100)
# every mmdd up to month 13 and day 99, and a few beyond
MMDD = [*range(0, 1400), 1500, 2229, 9931, 9999]
LATEST = dt.date(2024, 2, 29)


def calendar_date(n: int) -> bool:
    try:
        return dt.date(n // 10_000, n // 100 % 100, n % 100).year >= 1800
    except ValueError:
        return False


def test_yyyymmdd_ok_agrees_with_the_calendar(any_ws: Workspace) -> None:
    values = [y * 10_000 + md for y in YEARS for md in MMDD]
    t = ibis.memtable({"n": values})
    got = any_ws.engine.to_pyarrow(t.select(t.n, ok=yyyymmdd_ok(t.n), upto=yyyymmdd_ok(t.n, LATEST)).order_by("n")).to_pydict()
    assert got["n"] == sorted(values)
    expected = [calendar_date(n) for n in got["n"]]
    assert sum(expected) == 4 * 365 + 2 * 366  # 1800, 1900, 2023 and 2100 common, 2000 and 2024 leap; 1799 too early
    assert [n for n, ok, e in zip(got["n"], got["ok"], expected) if ok != e] == []
    bound = LATEST.year * 10_000 + LATEST.month * 100 + LATEST.day
    assert [n for n, ok, e in zip(got["n"], got["upto"], expected) if ok != (e and n <= bound)] == []
    assert got["upto"][got["n"].index(20240229)] is True


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _usccs(n: int, seed: int = 7) -> list[str]:
    """Codes of every kind the engine takes a different path for: all digits up to the check character
    (the integer path) or with letters (the per-character path), each with valid, wrong or random
    check characters."""
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        head = rnd.choice(["9", "1", "5", "N", "Y", "A"]) + rnd.choice("0123456789ABC") + "".join(rnd.choices("0123456789", k=6))
        org = "".join(rnd.choices("0123456789" if k % 2 else _USCC_CHARS, k=8)) if k % 3 else "MA" + "".join(rnd.choices(_USCC_CHARS, k=6))
        org_check = gb11714_check_char(org) if k % 5 else rnd.choice("0123456789X")
        body = head + org + org_check
        check = gb32100_check_char(body) if k % 7 else rnd.choice(_USCC_CHARS)
        out.append(body + check)
    return out


def test_gb32100_agrees_with_the_reference(any_ws: Workspace) -> None:
    values = _usccs(3000)
    assert sum(v[:17].isdigit() for v in values) > 300  # the integer path is exercised
    t = ibis.memtable({"i": list(range(len(values))), "v": values})
    # inline, and over the parts staged in a projection first (as the scanner does)
    staged = t.select(t.i, t.v, **gb32100_parts(t.v))
    parts = {k: staged[k] for k in gb32100_parts(t.v)}
    got = any_ws.engine.to_pyarrow(staged.select(
        staged.i, full=gb32100(staged.v), body=gb32100(staged.v, org_code=False),
        full_p=gb32100_from(staged.v, parts), body_p=gb32100_from(staged.v, parts, org_code=False),
    ).order_by("i")).to_pydict()
    full = [gb32100_valid(v) for v in values]
    body = [gb32100_valid(v, check_org_code=False) for v in values]
    assert 300 < sum(full) < sum(body) < len(values)  # valid and invalid codes of both kinds
    for got_full, got_body in (("full", "body"), ("full_p", "body_p")):
        assert [v for v, g, e in zip(values, got[got_full], full) if g != e] == []
        assert [v for v, g, e in zip(values, got[got_body], body) if g != e] == []
