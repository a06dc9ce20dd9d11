"""Engine validators that have no per-value reference in checksums.py, against Python's calendar, on both engines."""

from __future__ import annotations

import datetime as dt

import ibis

from shuzhi.standards.validators import yyyymmdd_ok
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
