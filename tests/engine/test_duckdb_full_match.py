"""Anchored patterns run as DuckDB full matches: the same answers as the search they replace."""

from __future__ import annotations

import ibis
import pytest

from shuzhi.catalog.dtypes import BLANK_RE, DATE_SEP_RE, ISO_RE, NUMBER_RE
from shuzhi.engine.duckdb import DuckDBEngine, full_match_body, to_sql

VALUES = [
    "", "a", "b", "ab", "ba", "abc", "a|b", "[|]", "|", "a\nb", "a\n", "\n", "x$", "a$", "az", "a\\", "a\\z",
    "110105194912310021", "11010519491231002X", "11010519491231002x", " 1", "1 ", "-2e3", "1_000", "NaN",
    "2021-03-05", "2021-3-5 08:00", "2021年3月5日", "20210305", "　", " \u3000 ", "1949-02-30", None,
]
PATTERNS = [
    (NUMBER_RE, True), (ISO_RE, True), (DATE_SEP_RE, True), (BLANK_RE, True),
    (r"^[0-9]{17}[0-9X]\z", True), (r"^(a|b)c?\z", True), (r"^[|]\z", True), (r"^[]a]\z", True),
    (r"^[^]a]\z", True), (r"^a\|b\z", True), ("^a$", True), (r"^\d{4}-\d{2}-\d{2}$", True),
    (r"^(?i)AB\z", True), (r"^a\\\z", True),
    # not equivalent as a full match, or not anchored at both ends: kept as a search
    (r"^a|b\z", False), (r"^a|ab\z", False), ("^a", False), (r"a\z", False), (r"^a\\z", False),
    (r"^a\$", False), (r"^\Qa|b\E\z", False), ("a|b", False),
]


@pytest.mark.parametrize(("pattern", "rewritten"), PATTERNS)
def test_full_match_gives_the_same_answers(pattern: str, rewritten: bool) -> None:
    assert (full_match_body(pattern) is not None) is rewritten
    engine = DuckDBEngine()
    try:
        t = ibis.memtable({"v": VALUES}, schema={"v": "string"})
        expr = t.select(m=t.v.re_search(pattern))
        sql = to_sql(expr)
        assert ("REGEXP_FULL_MATCH" in sql) is rewritten, sql
        got = engine.execute(expr)["m"].tolist()
        plain = ibis.duckdb.connect()  # Ibis's own compiler: a search with the anchors
        expected = plain.execute(expr)["m"].tolist()
        assert [None if x is None or x != x else bool(x) for x in got] == [None if x is None or x != x else bool(x) for x in expected]
    finally:
        engine.close()
