"""Reporting periods of the data-centre monitor: a day, a month, a year, or the 12 months ending in a month.

>>> p = parse_period("2025-03")
>>> p.grain, p.start, p.end, p.label
('month', datetime.date(2025, 3, 1), datetime.date(2025, 4, 1), '2025-03')
>>> r = parse_period("2025-03", rolling=True)
>>> r.grain, r.start, r.end, r.label
('rolling', datetime.date(2024, 4, 1), datetime.date(2025, 4, 1), '2024-04…2025-03')
>>> parse_period("2025-3-1")
Traceback (most recent call last):
shuzhi.errors.ConfigError: invalid period '2025-3-1' (use YYYY, YYYY-MM or YYYY-MM-DD)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from shuzhi.errors import ConfigError

GRAINS = ("day", "month", "year", "rolling")


@dataclass(frozen=True)
class Period:
    grain: str
    start: dt.date  # inclusive
    end: dt.date  # exclusive
    label: str

    @property
    def hours(self) -> float:
        return (self.end - self.start).days * 24.0


def _add_months(d: dt.date, n: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def parse_period(text: str, *, rolling: bool = False) -> Period:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; with ``rolling``, the 12 months ending with month ``YYYY-MM``."""
    text = str(text).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            start = dt.date(int(text), 1, 1)
            period = Period("year", start, dt.date(start.year + 1, 1, 1), text)
        elif re.fullmatch(r"\d{4}-\d{2}", text):
            start = dt.date(int(text[:4]), int(text[5:]), 1)
            period = Period("month", start, _add_months(start, 1), text)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            start = dt.date.fromisoformat(text)
            period = Period("day", start, start + dt.timedelta(days=1), text)
        else:
            raise ValueError(text)
    except ValueError:
        raise ConfigError(f"期间无效：{text!r}（可用 YYYY、YYYY-MM 或 YYYY-MM-DD）",
                          f"invalid period {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    if not rolling:
        return period
    if period.grain != "month":
        raise ConfigError(f"滚动 12 个月的期间须为月份 YYYY-MM：{text!r}", f"a rolling 12-month period ends with a month YYYY-MM: {text!r}")
    start = _add_months(period.start, -11)
    return Period("rolling", start, period.end, f"{start:%Y-%m}…{text}")
