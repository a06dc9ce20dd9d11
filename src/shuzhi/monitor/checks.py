"""Row checks of a monitoring input file, run as one engine aggregate.

A check is a named predicate that is true for a *bad* row. :func:`problems` counts every check's
bad rows in one ``aggregate`` and fetches, for the failing checks only, the first few record
numbers with one bounded query each; :func:`raise_problems` turns them into one bilingual error
that lists every problem, so a file is corrected in one round rather than one error at a time.

>>> import ibis
>>> t = ibis.memtable({"v": ["1", "-2", "x"], "record": [1, 2, 3]})
>>> v = t.v.try_cast("float64")
>>> found = problems(ibis.duckdb.connect(), t, [Check("number", "不是数字", "not a number", v.isnull()),
...                                             Check("negative", "为负数", "negative", v < 0)])
>>> [(p.key, p.count, p.records) for p in found]
[('number', 1, [3]), ('negative', 1, [2])]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import ibis.expr.types as ir

from shuzhi.errors import SourceError

#: records named per problem in an error message
SHOWN = 5


@dataclass(frozen=True)
class Check:
    key: str
    zh: str
    en: str
    bad: ir.BooleanValue


@dataclass
class Problem:
    key: str
    zh: str
    en: str
    count: int
    records: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"check": self.key, "zh": self.zh, "en": self.en, "count": self.count, "records": self.records}


def problems(con: Any, table: ir.Table, checks: Sequence[Check], *, record: str = "record") -> list[Problem]:
    """The checks that some row fails, with counts and the first :data:`SHOWN` record numbers.

    ``con`` executes (an Ibis backend, or an engine with ``execute``). NULL predicates count as passing:
    a check of a missing optional value is the job of a separate "required" check.
    """
    if not checks:
        return []
    counts = con.execute(table.aggregate(**{f"c{i}": c.bad.fill_null(False).cast("int64").sum()
                                            for i, c in enumerate(checks)}))
    found = []
    for i, c in enumerate(checks):
        n = int(counts[f"c{i}"].iloc[0] or 0)
        if n:
            rows = con.execute(table.filter(c.bad.fill_null(False)).order_by(record).select(record).limit(SHOWN))
            found.append(Problem(c.key, c.zh, c.en, n, [int(r) for r in rows[record]]))
    return found


def raise_problems(what: tuple[str, str], found: Sequence[Problem]) -> None:
    """Raise one SourceError listing every problem (``what``: the file, in zh and en); nothing when none."""
    if not found:
        return
    zh = "；".join(f"{p.zh}：{p.count} 条（记录 {_records(p)}）" for p in found)
    en = "; ".join(f"{p.en}: {p.count} row(s) (records {_records(p)})" for p in found)
    raise SourceError(f"{what[0]} 有错误，未导入任何数据：{zh}", f"{what[1]} has errors, nothing was imported: {en}",
                      problems=[p.to_dict() for p in found])


def _records(p: Problem) -> str:
    more = "…" if p.count > len(p.records) else ""
    return ", ".join(map(str, p.records)) + more


def number(v: ir.StringValue) -> ir.FloatingValue:
    """A text cell as a number (thousands separators and spaces allowed), NULL when it is not one.

    The plain cast is tried first and the cleaned text only where it fails: on millions of meter readings
    cleaning every cell cost more than the rest of the parsing.
    """
    return v.try_cast("float64").coalesce(v.strip().replace(",", "").try_cast("float64"))


def blank(v: ir.StringValue) -> ir.BooleanValue:
    return v.isnull() | (v.strip() == "")
