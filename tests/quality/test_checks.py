"""Quality checks as truth tables: each family on one small in-memory table, exact counts, DuckDB and Spark.

Every table row is (value(s), expected outcome per rule, reason). An outcome is ``P`` (passes),
``F`` (fails) or ``N`` (not evaluated, e.g. a NULL under a format check); a rule's expected
``(evaluated, passed)`` is the tally of its column of outcomes. Check characters come from the
pure reference functions in :mod:`shuzhi.standards.checksums`, never from the engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import ibis
import pandas as pd
import pytest

from shuzhi.errors import ConfigError
from shuzhi.quality.compile import compile_rules
from shuzhi.quality.context import Ctx, DatasetRef
from shuzhi.quality.rules import defaults, parse_rules
from shuzhi.quality.run import evaluate
from shuzhi.standards.checksums import (
    GB32100_ALPHABET,
    gb11643_check_char,
    gb11714_check_char,
    gb32100_check_char,
    luhn_check_digit,
)
from shuzhi.workspace import Workspace

P, F, N = True, False, None  # passes, fails, not evaluated
Outcome = bool | None
Columns = dict[str, list[str | None]]

#: the assessment time of every test: 2024-06-30 12:00 (birth dates after 2024-06-30 are in the future)
AS_OF = dt.datetime(2024, 6, 30, 12, 0, 0)


def tally(outcomes: Sequence[Outcome]) -> tuple[int, int]:
    """Expected (evaluated, passed) of a column of outcomes."""
    return sum(o is not None for o in outcomes), sum(o is True for o in outcomes)


def table_of(columns: Columns) -> ibis.Table:
    """All values as text, like the stored data of a text source; columns of different lengths are padded with NULL.

    Built from object columns: from a dict (or an Arrow table) with pandas 3, Ibis hands Spark a
    NaN for each None, which Spark stores as the text 'NaN'.
    """
    n = max(len(v) for v in columns.values())
    frame = pd.DataFrame({k: pd.Series([*v, *[None] * (n - len(v))], dtype=object) for k, v in columns.items()})
    return ibis.memtable(frame, schema={k: "string" for k in columns})


def run(ws: Workspace, columns: Columns, rules: str, *, dtypes: dict[str, str] | None = None,
        entry: dict[str, Any] | None = None, refs: dict[str, DatasetRef] | None = None,
        shapes: dict[str, frozenset[str]] | None = None) -> tuple[int, dict[str, dict[str, Any]]]:
    """Evaluate ``rules`` (YAML list items) on the table: the row count and the results by rule id.

    ``shapes``: the complete value shapes per column, as a profile would give them (see ``DatasetRef.shapes``).
    """
    rs = parse_rules(f"dataset: t\nsamples: 100\nrules:\n{rules}")
    data = DatasetRef("t", 1, table_of(columns), dtypes or {}, shapes or {})
    rows, results = evaluate(ws.engine, data, rs, as_of=AS_OF, entry=entry, refs=refs)
    return rows, {r["id"]: r for r in results}


def counts(result: dict[str, Any]) -> tuple[int | None, int | None]:
    """(evaluated, passed) of one rule, after checking that failed and status agree with them."""
    evaluated, passed = result["evaluated"], result["passed"]
    if evaluated:
        assert result["failed"] == evaluated - passed
        assert result["status"] == ("pass" if passed == evaluated else "fail"), result
    return evaluated, passed


def check_table(results: dict[str, dict[str, Any]], rule_ids: Sequence[str], cases: Sequence[tuple[Any, ...]], first: int) -> None:
    """Rule ``rule_ids[i]`` has the outcomes in column ``first + i`` of ``cases``; the last column is the reason."""
    got = {rid: counts(results[rid]) for rid in rule_ids}
    expected = {rid: tally([c[first + i] for c in cases]) for i, rid in enumerate(rule_ids)}
    if got != expected:
        failing = {rid: results[rid]["samples"] for rid in rule_ids if got[rid] != expected[rid]}
        raise AssertionError(f"(evaluated, passed) got {got}\nexpected {expected}\nfailing samples: {failing}")


def values(cases: Sequence[tuple[Any, ...]], i: int = 0) -> list[str | None]:
    return [c[i] for c in cases]


# --- 完整性: not_null, not_blank, row_count -----------------------------------------------------
# (value, not_null, not_blank, not_blank with placeholders [未知], reason)
BLANKS: list[tuple[str | None, Outcome, Outcome, Outcome, str]] = [
    ("abc", P, P, P, "a value"),
    ("0", P, P, P, "zero is a value"),
    ("", P, F, F, "empty string is not NULL but blank"),
    (" ", P, F, F, "a space"),
    ("\u3000", P, F, F, "ideographic space U+3000"),
    ("\t \u3000\u00a0", P, F, F, "mixed white space incl. no-break space"),
    ("无", P, F, P, "placeholder 无"),
    ("NULL", P, F, P, "the text NULL"),
    ("null", P, F, P, "the text null"),
    ("N/A", P, F, P, "placeholder N/A"),
    ("n/a", P, F, P, "placeholder n/a"),
    ("-", P, F, P, "placeholder -"),
    ("空", P, F, P, "placeholder 空"),
    (" 无 ", P, F, P, "placeholder surrounded by spaces"),
    ("\u3000NULL\u3000", P, F, P, "placeholder surrounded by U+3000"),
    ("无名", P, P, P, "a word starting with a placeholder"),
    ("NULL值", P, P, P, "placeholder followed by more text"),
    ("None", P, P, P, "not a placeholder"),
    ("未知", P, P, F, "a custom placeholder"),
    (" 未知 ", P, P, F, "a custom placeholder between spaces"),
    (None, F, N, N, "NULL: not_null fails, not_blank does not evaluate"),
    (None, F, N, N, "another NULL"),
]


def test_not_null_not_blank_row_count(any_ws: Workspace) -> None:
    rows, results = run(any_ws, {"v": values(BLANKS)}, """
  - {id: not_null, column: v, check: not_null}
  - {id: not_blank, column: v, check: not_blank}
  - {id: custom, column: v, check: not_blank, placeholders: [未知]}
  - {id: at_least_1, check: row_count, min: 1}
  - {id: at_most_5, check: row_count, max: 5}
  - {id: exactly, check: row_count, min: 22, max: 22}
  - {id: at_least_23, check: row_count, min: 23}
""")
    assert rows == len(BLANKS) == 22
    check_table(results, ["not_null", "not_blank", "custom"], BLANKS, 1)
    # row_count is one element: the table
    assert {rid: counts(results[rid]) for rid in ("at_least_1", "at_most_5", "exactly", "at_least_23")} == {
        "at_least_1": (1, 1), "at_most_5": (1, 0), "exactly": (1, 1), "at_least_23": (1, 0)}


# --- 公民身份号码 (GB 11643) ----------------------------------------------------------------------
def id18(body17: str) -> str:
    """17 digits + their GB 11643 check character."""
    return body17 + gb11643_check_char(body17)


def wrong_check(number: str) -> str:
    """``number`` with a check character that is not the right one."""
    return number[:-1] + ("0" if number[-1] != "0" else "1")


# (value, id_card, legacy: true, area: false, reason) — as_of is 2024-06-30; 110103 崇文区 is a historical code
ID_CARDS: list[tuple[str | None, Outcome, Outcome, Outcome, str]] = [
    ("11010519491231002X", P, P, P, "valid, check character X"),
    (id18("11010519491231002"), P, P, P, "the reference function agrees"),
    (id18("44030419820715001"), P, P, P, "valid, another area"),
    (id18("11010520240630001"), P, P, P, "born on the assessment day, check digit 0"),
    ("11010519491231002x", F, F, F, "lower-case x (strict)"),
    ("110105194912310021", F, F, F, "wrong check digit"),
    (wrong_check(id18("44030419820715001")), F, F, F, "wrong check digit"),
    ("11010519491231002", F, F, F, "17 characters"),
    ("11010519491231002X1", F, F, F, "19 characters"),
    (" 11010519491231002X", F, F, F, "leading space"),
    ("1101051949123100AX", F, F, F, "letters in the body"),
    ("ABCDEF19491231002X", F, F, F, "letters in the area code"),
    (id18("11010520000229001"), P, P, P, "29 Feb 2000 (leap: divisible by 400)"),
    (id18("11010520240229001"), P, P, P, "29 Feb 2024 (leap)"),
    (id18("11010519990229001"), F, F, F, "29 Feb 1999 (not leap)"),
    (id18("11010519000229001"), F, F, F, "29 Feb 1900 (not leap: divisible by 100)"),
    (id18("11010520000230001"), F, F, F, "30 Feb"),
    (id18("11010519490431001"), F, F, F, "31 Apr"),
    (id18("11010519491301001"), F, F, F, "month 13"),
    (id18("11010519490001001"), F, F, F, "month 00"),
    (id18("11010519490100001"), F, F, F, "day 00"),
    (id18("11010517991231001"), F, F, F, "born before 1800"),
    (id18("11010520240701001"), F, F, F, "born after the assessment day"),
    (id18("11010530000101001"), F, F, F, "born in 3000"),
    (id18("99999919491231002"), F, F, P, "unknown area code 999999 (valid checksum and date)"),
    (id18("00000019491231002"), F, F, P, "area code 000000"),
    (id18("11010320000101001"), P, P, P, "historical area code 110103 崇文区"),
    ("110105491231002", F, P, F, "15-digit legacy number: valid yymmdd and area"),
    ("110103491231002", F, P, F, "15-digit legacy number, historical area"),
    ("110105490230002", F, F, F, "15-digit, 30 Feb"),
    ("110105000229002", F, F, F, "15-digit, 29 Feb 1900 (not leap)"),
    ("999999491231002", F, F, F, "15-digit, unknown area"),
    ("11010549123100X", F, F, F, "15 characters with a letter"),
    ("1101054912310021", F, F, F, "16 digits"),
    ("", F, F, F, "empty string is evaluated"),
    (None, N, N, N, "NULL is not evaluated"),
]


def test_id_card(any_ws: Workspace) -> None:
    _, results = run(any_ws, {"sfzh": values(ID_CARDS)}, """
  - {id: strict, column: sfzh, check: id_card}
  - {id: legacy, column: sfzh, check: id_card, legacy: true}
  - {id: no_area, column: sfzh, check: id_card, area: false}
""")
    check_table(results, ["strict", "legacy", "no_area"], ID_CARDS, 1)


# --- 统一社会信用代码 (GB 32100 with the embedded GB 11714 code) ---------------------------------------
def uscc(head: str, org8: str, *, org_check: str | None = None) -> str:
    """``head`` = 登记管理部门码 + 机构类别码 + 6-digit area; ``org8`` the organisation code's body.
    Both check characters are computed (the organisation code's unless ``org_check`` is given)."""
    body = head + org8 + (org_check or gb11714_check_char(org8))
    return body + gb32100_check_char(body)


def bad_check(code: str) -> str:
    """``code`` with the next character of the alphabet as its check character."""
    return code[:-1] + GB32100_ALPHABET[(GB32100_ALPHABET.index(code[-1]) + 1) % 31]


VALID_USCC = "91110000600037341L"  # GB 32100's own example (organisation code 60003734-1)
# (value, uscc, org_code: false, reason)
USCCS: list[tuple[str | None, Outcome, Outcome, str]] = [
    (VALID_USCC, P, P, "the standard's example"),
    (uscc("91110000", "60003734"), P, P, "the reference functions agree"),
    (uscc("91440300", "MA5D8A1B"), P, P, "letters in the organisation code"),
    (uscc("91110000", "60003735"), P, P, "organisation check character X"),
    (uscc("91110000", "60003748"), P, P, "organisation check character 0 (11 → 0)"),
    (uscc("N2110000", "60003734"), P, P, "letter first: N (农业)"),
    (uscc("Y1110000", "60003734"), P, P, "letter first: Y (其他)"),
    (uscc("A1110000", "60003734"), P, P, "letter first: A (中央军委改革和编制办公室)"),
    (bad_check(VALID_USCC), F, F, "wrong check character 18"),
    (bad_check(uscc("N2110000", "60003734")), F, F, "wrong check character 18, letter first"),
    (uscc("91110000", "60003734", org_check="2"), F, P, "wrong organisation check character 17, right 18"),
    (uscc("91440300", "MA5D8A1B", org_check="0"), F, P, "wrong organisation check character 17, letters"),
    *[(VALID_USCC[:10] + c + VALID_USCC[11:], F, F, f"forbidden letter {c}") for c in "IOZSV"],
    ("I1110000600037341L", F, F, "forbidden letter I first"),
    ("91110000600037341l", F, F, "lower-case check character"),
    (uscc("91440300", "MA5D8A1B").lower(), F, F, "lower case"),
    (uscc("91A10000", "60003734"), F, F, "letter in the administrative-division code (characters 3-8)"),
    (VALID_USCC[:-1], F, F, "17 characters"),
    (VALID_USCC + "0", F, F, "19 characters"),
    ("91110000-60003734-1L", F, F, "hyphens"),
    ("", F, F, "empty string"),
    (None, N, N, "NULL"),
]


def test_uscc(any_ws: Workspace) -> None:
    _, results = run(any_ws, {"tyshxydm": values(USCCS)}, """
  - {id: full, column: tyshxydm, check: uscc}
  - {id: no_org, column: tyshxydm, check: uscc, org_code: false}
""")
    check_table(results, ["full", "no_org"], USCCS, 1)


# --- bank cards (Luhn) ------------------------------------------------------------------------
def luhn(body: str) -> str:
    return body + luhn_check_digit(body)


def luhn_bad(body: str) -> str:
    return body + str((int(luhn_check_digit(body)) + 1) % 10)


# (value, bank_card (16-19), bank_card min 13 max 20, reason)
CARDS: list[tuple[str | None, Outcome, Outcome, str]] = [
    ("4111111111111111", P, P, "the classic 16-digit test number"),
    (luhn("622202123456789"), P, P, "16 digits"),
    (luhn("62220212345678901"), P, P, "18 digits"),
    (luhn("622202123456789012"), P, P, "19 digits"),
    ("0000000000000000", P, P, "all zeros pass Luhn"),
    (luhn_bad("622202123456789"), F, F, "16 digits, wrong check digit"),
    (luhn_bad("622202123456789012"), F, F, "19 digits, wrong check digit"),
    ("4111111111111112", F, F, "test number, last digit changed"),
    ("4111111111111121", F, F, "two digits swapped is caught"),
    (luhn("62220212345678"), F, P, "15 digits: shorter than 16, within 13"),
    (luhn("6222021234567890123"), F, P, "20 digits: longer than 19, within 20"),
    (luhn("62220212345"), F, F, "12 digits"),
    (luhn("62220212345678901234"), F, F, "21 digits"),
    (luhn("622202123456"), F, P, "13 digits"),
    ("6222 0212 3456 7890", F, F, "spaces"),
    ("6222-0212-3456-7890", F, F, "hyphens"),
    ("622202123456789A", F, F, "a letter"),
    ("", F, F, "empty string"),
    (None, N, N, "NULL"),
]


def test_bank_card(any_ws: Workspace) -> None:
    _, results = run(any_ws, {"yhkh": values(CARDS)}, """
  - {id: default, column: yhkh, check: bank_card}
  - {id: wide, column: yhkh, check: bank_card, min_length: 13, max_length: 20}
""")
    check_table(results, ["default", "wide"], CARDS, 1)


# --- mobile, regex, length ---------------------------------------------------------------------
# (value, mobile, reason)
MOBILES: list[tuple[str | None, Outcome, str]] = [
    ("13800138000", P, "13x"),
    ("19912345678", P, "19x"),
    ("15012345678", P, "15x"),
    ("12345678901", F, "second digit 2"),
    ("10012345678", F, "second digit 0"),
    ("23800138000", F, "first digit 2"),
    ("1380013800", F, "10 digits"),
    ("138001380001", F, "12 digits"),
    ("+8613800138000", F, "country code"),
    ("138-0013-8000", F, "separators"),
    (" 13800138000", F, "leading space"),
    ("１３８００１３８０００", F, "full-width digits"),
    ("", F, "empty string"),
    (None, N, "NULL"),
]

# (value, regex ^[A-Z]{2}[0-9]{3}$, regex [0-9] (search), length 2-4, reason)
TEXTS: list[tuple[str | None, Outcome, Outcome, Outcome, str]] = [
    ("AB123", P, P, F, "matches; 5 long"),
    ("ab123", F, P, F, "lower case; a digit somewhere"),
    ("AB1234", F, P, F, "too many digits for the anchored pattern"),
    ("XAB123", F, P, F, "prefix before the anchored pattern"),
    ("ab", F, F, P, "no digit; 2 long"),
    ("张三", F, F, P, "2 characters (6 bytes)"),
    ("欧阳娜娜", F, F, P, "4 characters (12 bytes)"),
    ("欧阳娜娜a", F, F, F, "5 characters"),
    ("𠀀a", F, F, P, "a character outside the BMP counts once"),
    ("a", F, F, F, "1 character"),
    ("  ", F, F, P, "two spaces are 2 long"),
    ("", F, F, F, "empty string: length 0, evaluated"),
    (None, N, N, N, "NULL"),
]


def test_mobile_regex_length(any_ws: Workspace) -> None:
    _, results = run(any_ws, {"sjhm": values(MOBILES), "s": values(TEXTS)}, r"""
  - {id: mobile, column: sjhm, check: mobile}
  - {id: anchored, column: s, check: regex, pattern: '^[A-Z]{2}[0-9]{3}$'}
  - {id: search, column: s, check: regex, pattern: '[0-9]'}
  - {id: length, column: s, check: length, min: 2, max: 4}
""")
    check_table(results, ["mobile"], MOBILES, 1)
    check_table(results, ["anchored", "search", "length"], TEXTS, 1)


# --- range ------------------------------------------------------------------------------------
# text column (no catalog type): (value, range [0, 100], range (0, 100], reason)
NUMBERS: list[tuple[str | None, Outcome, Outcome, str]] = [
    ("0", P, F, "lower bound (excluded by min_exclusive)"),
    ("100", P, P, "upper bound"),
    ("100.0", P, P, "upper bound as a decimal"),
    ("50", P, P, "inside"),
    ("0.001", P, P, "just above 0"),
    ("1e2", P, P, "exponent notation is a number"),
    ("-1", F, F, "below"),
    ("-0.5", F, F, "below, decimal"),
    ("100.5", F, F, "above"),
    ("abc", F, F, "not a number fails"),
    ("1,000", F, F, "thousands separator: not a number"),
    ("12abc", F, F, "number followed by text"),
    ("", F, F, "empty string is evaluated and is no number"),
    (None, N, N, "NULL"),
]
# int64 column: (value, range [18, 65], range [18, 65), reason)
AGES: list[tuple[str | None, Outcome, Outcome, str]] = [
    ("18", P, P, "lower bound"),
    ("65", P, F, "upper bound (excluded by max_exclusive)"),
    ("40", P, P, "inside"),
    ("17", F, F, "below"),
    ("66", F, F, "above"),
    ("-3", F, F, "negative"),
    ("100", F, F, "above, three digits (a text comparison would pass it)"),
    ("9", F, F, "below, one digit (a text comparison would fail it differently)"),
    (None, N, N, "NULL"),
]
# decimal(6,2) column: (value, range (0, 9999.99], reason)
AMOUNTS: list[tuple[str | None, Outcome, str]] = [
    ("0.01", P, "smallest positive"),
    ("0.00", F, "zero excluded"),
    ("9999.99", P, "upper bound"),
    ("1234.50", P, "inside"),
    ("-0.01", F, "negative"),
    (None, N, "NULL"),
]


def test_range(any_ws: Workspace) -> None:
    _, results = run(any_ws, {"n": values(NUMBERS), "age": values(AGES), "amt": values(AMOUNTS)}, """
  - {id: closed, column: n, check: range, min: 0, max: 100}
  - {id: open_min, column: n, check: range, min: 0, max: 100, min_exclusive: true}
  - {id: age, column: age, check: range, min: 18, max: 65}
  - {id: age_open, column: age, check: range, min: 18, max: 65, max_exclusive: true}
  - {id: amt, column: amt, check: range, min: 0, max: 9999.99, min_exclusive: true}
""", dtypes={"age": "int64", "amt": "decimal(6,2)"})
    check_table(results, ["closed", "open_min"], NUMBERS, 1)
    check_table(results, ["age", "age_open"], AGES, 1)
    check_table(results, ["amt"], AMOUNTS, 1)


# --- code lists -------------------------------------------------------------------------------
# (value, GB/T 2261.1 sex, reason)
SEXES: list[tuple[str | None, Outcome, str]] = [
    ("1", P, "男性"), ("2", P, "女性"), ("0", P, "未知的性别"), ("9", P, "未说明的性别"),
    ("3", F, "not a code"), ("男", F, "a name, not a code"), ("01", F, "leading zero"), (" 1", F, "leading space"),
    ("", F, "empty string"), (None, N, "NULL"),
]
# (value, GB/T 3304 nationality (58 codes: compiled as a join), reason)
NATIONS: list[tuple[str | None, Outcome, str]] = [
    ("01", P, "汉族"), ("56", P, "基诺族"), ("97", P, "其他"), ("98", P, "外国血统中国籍人士"),
    ("1", F, "01 without its leading zero"), ("57", F, "no such code"), ("汉族", F, "a name"), ("HA", F, "the letter code"),
    ("", F, "empty string"), (None, N, "NULL"),
]
# (value, GB/T 2260 area (6,883 codes: a join), reason)
AREAS: list[tuple[str | None, Outcome, str]] = [
    ("110105", P, "朝阳区, current"), ("110000", P, "北京市, province"), ("110103", P, "崇文区, historical"),
    ("320102", P, "玄武区"), ("999999", F, "unknown"), ("11010", F, "5 digits"), ("1101050", F, "7 digits"),
    ("", F, "empty string"), (None, N, "NULL"),
]
# (value, values [a, b, c], values ['1', '2'], reason)
LETTERS: list[tuple[str | None, Outcome, Outcome, str]] = [
    ("a", P, F, "listed"), ("c", P, F, "listed"), ("d", F, F, "not listed"), ("A", F, F, "case-sensitive"),
    ("1", F, P, "listed"), ("01", F, F, "not '1'"), (None, N, N, "NULL"),
]


def test_code_list(any_ws: Workspace) -> None:
    _, results = run(any_ws, {"xb": values(SEXES), "mz": values(NATIONS), "xzqh": values(AREAS), "k": values(LETTERS)}, """
  - {id: sex, column: xb, check: code_list, code_list: GB/T 2261.1}
  - {id: nation, column: mz, check: code_list, code_list: GB/T 3304}
  - {id: area, column: xzqh, check: code_list, code_list: GB/T 2260}
  - {id: letters, column: k, check: code_list, values: [a, b, c]}
  - {id: numbers, column: k, check: code_list, values: ['1', '2']}
""")
    check_table(results, ["sex"], SEXES, 1)
    check_table(results, ["nation"], NATIONS, 1)
    check_table(results, ["area"], AREAS, 1)
    check_table(results, ["letters", "numbers"], LETTERS, 1)


# --- date formats -----------------------------------------------------------------------------
# (value, format, outcome, reason)
DATES: list[tuple[str | None, str, Outcome, str]] = [
    ("2024-02-29", "%Y-%m-%d", P, "leap day"),
    ("2000-02-29", "%Y-%m-%d", P, "leap day, divisible by 400"),
    ("2023-02-29", "%Y-%m-%d", F, "29 Feb of a common year"),
    ("1900-02-29", "%Y-%m-%d", F, "29 Feb 1900: divisible by 100, not by 400"),
    ("2024-02-30", "%Y-%m-%d", F, "30 Feb"),
    ("2024-04-30", "%Y-%m-%d", P, "30 Apr"),
    ("2024-04-31", "%Y-%m-%d", F, "31 Apr"),
    ("2024-12-31", "%Y-%m-%d", P, "31 Dec"),
    ("2024-13-01", "%Y-%m-%d", F, "month 13"),
    ("2024-00-10", "%Y-%m-%d", F, "month 00"),
    ("2024-01-00", "%Y-%m-%d", F, "day 00"),
    ("1799-12-31", "%Y-%m-%d", F, "before 1800"),
    ("2024/02/28", "%Y-%m-%d", F, "wrong separator"),
    ("2024-2-28", "%Y-%m-%d", F, "month without its zero"),
    ("20240228", "%Y-%m-%d", F, "compact form"),
    ("2024-02-28 ", "%Y-%m-%d", F, "trailing space"),
    ("2024-02-28 10:00:00", "%Y-%m-%d", F, "a time"),
    ("", "%Y-%m-%d", F, "empty string"),
    (None, "%Y-%m-%d", N, "NULL"),
    ("20240229", "%Y%m%d", P, "compact leap day"),
    ("20230229", "%Y%m%d", F, "compact, common year"),
    ("20241301", "%Y%m%d", F, "compact, month 13"),
    ("2024-02-29", "%Y%m%d", F, "separators"),
    ("2024022", "%Y%m%d", F, "7 digits"),
    ("202402290", "%Y%m%d", F, "9 digits"),
    ("2024年02月29日", "%Y年%m月%d日", P, "Chinese date"),
    ("2024年2月29日", "%Y年%m月%d日", F, "Chinese date, month without zero"),
    ("2023年02月29日", "%Y年%m月%d日", F, "Chinese date, common year"),
    ("2024-02-29", "%Y年%m月%d日", F, "wrong separators"),
    ("2024-02-29 23:59:59", "%Y-%m-%d %H:%M:%S", P, "last second of a leap day"),
    ("2024-02-29 00:00:00", "%Y-%m-%d %H:%M:%S", P, "midnight"),
    ("2024-02-29 24:00:00", "%Y-%m-%d %H:%M:%S", F, "hour 24"),
    ("2024-02-29 23:60:00", "%Y-%m-%d %H:%M:%S", F, "minute 60"),
    ("2024-02-29 23:59:60", "%Y-%m-%d %H:%M:%S", F, "second 60"),
    ("2024-02-29T23:59:59", "%Y-%m-%d %H:%M:%S", F, "T separator"),
    ("2024-02-29", "%Y-%m-%d %H:%M:%S", F, "no time"),
    ("2024-02-30 00:00:00", "%Y-%m-%d %H:%M:%S", F, "30 Feb with a time"),
    ("2024-02-29 9:00:00", "%Y-%m-%d %H:%M:%S", F, "hour without its zero"),
]
FORMATS = {"%Y-%m-%d": "dash", "%Y%m%d": "compact", "%Y年%m月%d日": "zh", "%Y-%m-%d %H:%M:%S": "time"}


def test_date_format(any_ws: Workspace) -> None:
    by_format = {name: [c for c in DATES if c[1] == fmt] for fmt, name in FORMATS.items()}
    rules = "".join(f"  - {{id: {name}, column: {name}, check: date_format, format: '{fmt}'}}\n" for fmt, name in FORMATS.items())
    _, results = run(any_ws, {name: values(cases) for name, cases in by_format.items()}, rules)
    for name, cases in by_format.items():
        check_table(results, [name], cases, 2)


# --- identity consistency: birth date and sex against the ID -----------------------------------------
ID_F = "11010519491231002X"  # born 1949-12-31, digit 17 = 2: female
ID_M = id18("11010519490105001")  # born 1949-01-05, digit 17 = 1: male
# (sfzh, csrq, xb, id_birthdate_match, id_sex_match, reason)
PEOPLE: list[tuple[str | None, str | None, str | None, Outcome, Outcome, str]] = [
    (ID_F, "1949-12-31", "2", P, P, "ISO date; 2 = female, even digit"),
    (ID_F, "19491231", "女", P, P, "compact date; 女"),
    (ID_F, "1949/12/31", "女性", P, P, "slashes; 女性"),
    (ID_F, "1949年12月31日", "1", P, F, "Chinese date; male against an even digit"),
    (ID_F, "1949-12-31 08:30:00", "男", P, F, "a time is ignored; 男 against an even digit"),
    (ID_F, "1949-12-30", "9", F, N, "one day off; 9 未说明 is not compared"),
    (ID_F, "1950-12-31", "0", F, N, "another year; 0 未知 is not compared"),
    (ID_M, "1949/1/5", "1", P, P, "short month and day; 1 = male, odd digit"),
    (ID_M, "1949-01-05", "男性", P, P, "male"),
    (ID_M, "1949-05-01", "2", F, F, "month and day swapped; female against an odd digit"),
    (ID_F, "1949-02-30", "x", N, N, "an impossible date and an unknown sex are not evaluated"),
    (ID_F, "unknown", "", N, N, "not a date; empty sex"),
    (ID_F, "", None, N, N, "empty date; NULL sex"),
    (ID_F, None, " 女 ", N, P, "NULL date; sex with spaces around"),
    ("110105194912310021", "1949-12-31", "1", P, F, "wrong check digit: the ID's shape is enough (checksums are id_card's)"),
    ("110105491231002", "1949-12-31", "2", P, P, "15-digit legacy number: 19yymmdd, digit 15"),
    ("110105491231001", "1949-12-31", "2", P, F, "15-digit, odd digit 15"),
    ("11010519491231002x", "1949-12-31", "2", N, N, "lower-case x: malformed, not evaluated"),
    ("11010519491231", "1949-12-31", "2", N, N, "14 characters: malformed"),
    ("", "1949-12-31", "2", N, N, "empty ID"),
    (None, "1949-12-31", "2", N, N, "NULL ID"),
    # the text comparison that accepts most rows without parsing must not accept what the parser refuses
    (id18("11010522001231001"), "2200-12-31", "1", P, P, "the last year a date is read as"),
    (id18("11010522010101001"), "2201-01-01", "1", N, P, "born after 2200: the date is not read, not evaluated"),
    (id18("11010517991231001"), "1799-12-31", "1", N, P, "born before 1800: no birth date, not evaluated"),
    (id18("11010519490230002"), "1949-02-30", "2", N, P, "the same impossible date in both: not evaluated"),
    (id18("11010519480229002"), "1948-02-29", "2", P, P, "a leap day, as text"),
]


def test_id_birthdate_and_sex_match(any_ws: Workspace) -> None:
    _, results = run(any_ws, {"sfzh": values(PEOPLE, 0), "csrq": values(PEOPLE, 1), "xb": values(PEOPLE, 2)}, """
  - {id: birth, check: id_birthdate_match, columns: [sfzh, csrq]}
  - {id: sex, check: id_sex_match, columns: [sfzh, xb]}
""")
    check_table(results, ["birth", "sex"], PEOPLE, 3)


# --- compare ----------------------------------------------------------------------------------
# (left, right, outcome, reason) per rule; dates are typed "date" in the catalog
DATE_PAIRS: list[tuple[str | None, str | None, Outcome, str]] = [
    ("2021/3/5", "2021-03-04", F, "later date in another format"),
    ("2021/3/4", "2021-03-04", P, "the same date in two formats"),
    ("2021/3/5", "2021-03-05", P, "equal (as text '/' sorts after '-')"),
    ("20210303", "2021年3月4日", P, "compact against Chinese"),
    ("2021-10-01", "2021-9-30", F, "as dates 1 Oct > 30 Sep (as text '1' < '9')"),
    ("2021-12-31", "2022-01-01", P, "across a year"),
    ("2021-02-30", "2021-03-04", N, "an impossible date is not evaluated"),
    ("2021-03-01", "next week", N, "not a date"),
    (None, "2021-03-04", N, "NULL"),
]
# text columns compared with as: number
NUMBER_PAIRS: list[tuple[str | None, str | None, Outcome, str]] = [
    ("9", "10", P, "9 < 10 as numbers ('9' > '10' as text)"),
    ("10", "9", F, "10 > 9"),
    ("1.5", "1.50", F, "equal numbers"),
    ("-1", "0", P, "negative"),
    ("1e1", "11", P, "10 < 11"),
    ("abc", "1", N, "not a number"),
    ("", "1", N, "empty string is no number"),
    (None, "1", N, "NULL"),
]
# text, the default for string columns
TEXT_PAIRS: list[tuple[str | None, str | None, Outcome, str]] = [
    ("a", "a", F, "equal"),
    ("a", "A", P, "case matters"),
    ("", "", F, "two empty strings are equal"),
    ("", " ", P, "empty is not a space"),
    ("9", "10", P, "different text"),
    (None, "a", N, "NULL"),
]
# int64 columns: the catalog type makes it a number comparison
INT_PAIRS: list[tuple[str | None, str | None, Outcome, str]] = [
    ("10", "9", P, "10 >= 9 as numbers ('10' < '9' as text)"),
    ("9", "9", P, "equal"),
    ("-5", "3", F, "less"),
    (None, "3", N, "NULL"),
]


def test_compare(any_ws: Workspace) -> None:
    columns = {
        "kssj": values(DATE_PAIRS, 0), "jssj": values(DATE_PAIRS, 1),
        "x": values(NUMBER_PAIRS, 0), "y": values(NUMBER_PAIRS, 1),
        "s": values(TEXT_PAIRS, 0), "t": values(TEXT_PAIRS, 1),
        "a": values(INT_PAIRS, 0), "b": values(INT_PAIRS, 1),
    }
    _, results = run(any_ws, columns, """
  - {id: dates, check: compare, left: kssj, op: '<=', right: jssj}
  - {id: numbers, check: compare, left: x, op: '<', right: y, as: number}
  - {id: texts, check: compare, left: s, op: '!=', right: t}
  - {id: ints, check: compare, left: a, op: '>=', right: b}
""", dtypes={"kssj": "date", "jssj": "date", "a": "int64", "b": "int64"})
    check_table(results, ["dates"], DATE_PAIRS, 2)
    check_table(results, ["numbers"], NUMBER_PAIRS, 2)
    check_table(results, ["texts"], TEXT_PAIRS, 2)
    check_table(results, ["ints"], INT_PAIRS, 2)


# --- unique -----------------------------------------------------------------------------------
UNIQUE: Columns = {
    # groups: '1'×3, '2'×2, '3'×1, ''×2 (a blank is a value); NULLs not evaluated
    "k": ["1", "1", "1", "2", "2", "3", None, None, "", ""],
    # keys (a, b): (x,1)×2, (x,2), (y,1), (z,1)×3; rows with a NULL part not evaluated
    "a": ["x", "x", "x", "y", "y", "y", None, "z", "z", "z"],
    "b": ["1", "1", "2", "1", None, None, "1", "1", "1", "1"],
}


def test_unique(any_ws: Workspace) -> None:
    _, results = run(any_ws, UNIQUE, """
  - {id: single, column: k, check: unique}
  - {id: composite, check: unique, columns: [a, b]}
  - {id: a_only, check: unique, columns: [a]}
  - {id: filtered, column: k, check: unique, where: "a = 'x'"}
""")
    # failed = extra copies: evaluated rows − distinct keys
    expected = {
        "single": (8, 4, {"duplicate_groups": 3, "rows_in_duplicate_groups": 7}),
        "composite": (7, 4, {"duplicate_groups": 2, "rows_in_duplicate_groups": 5}),
        "a_only": (9, 3, {"duplicate_groups": 3, "rows_in_duplicate_groups": 9}),
        "filtered": (3, 1, {"duplicate_groups": 1, "rows_in_duplicate_groups": 3}),  # rows 1-3: k = 1, 1, 1
    }
    got = {rid: (*counts(results[rid]), results[rid]["metrics"]) for rid in expected}
    assert got == expected
    # the failing keys are shown with their number of copies, most copies first
    assert results["single"]["samples"] == [{"k": "1", "count": "3"}, {"k": "", "count": "2"}, {"k": "2", "count": "2"}]


# --- cross-dataset: foreign_key, same_value -------------------------------------------------------
# the referenced dataset: several rows per key
OTHER: Columns = {
    "code": ["D1", "D2", "D2", None, "D3", None, None, None],
    "sfzh": ["K1", "K1", "K2", "K2", "K3", "K3", "K4", None],
    "xm": ["张三", "张三", "李四", "李肆", "王五", None, None, "赵六"],
}
# (dept, foreign_key to other.code, reason)
DEPTS: list[tuple[str | None, Outcome, str]] = [
    ("D1", P, "present"), ("D1", P, "present again: every row counts"), ("D2", P, "present twice in the reference, counted once"),
    ("D9", F, "absent"), ("d1", F, "case-sensitive"), ("D1 ", F, "trailing space"), ("", F, "empty string is absent"),
    (None, N, "NULL is not evaluated"),
]
# (sfzh, xm, same_value as other.xm for the same sfzh, reason)
NAMES: list[tuple[str | None, str | None, Outcome, str]] = [
    ("K1", "张三", P, "the reference holds 张三 twice"),
    ("K1", "张叁", F, "a different name"),
    ("K2", "李四", F, "the reference disagrees with itself (李四, 李肆)"),
    ("K3", "王五", P, "the reference's NULL is ignored"),
    ("K4", "钱七", N, "the reference has only a NULL name for K4"),
    ("K5", "孙八", N, "key absent from the reference"),
    (None, "张三", N, "NULL key"),
    ("K1", None, N, "NULL value"),
]


def test_foreign_key_and_same_value(any_ws: Workspace) -> None:
    other = DatasetRef("other", 1, table_of(OTHER), {})
    columns = {"dept": values(DEPTS), "sfzh": values(NAMES, 0), "zjhm": values(NAMES, 0), "xm": values(NAMES, 1)}
    _, results = run(any_ws, columns, """
  - {id: fk, column: dept, check: foreign_key, ref: other.code}
  - {id: same, check: same_value, key: sfzh, column: xm, ref: other.xm}
  - {id: same_ref_key, check: same_value, key: zjhm, column: xm, ref: other.xm, ref_key: sfzh}
""", refs={"other": other})
    check_table(results, ["fk"], DEPTS, 1)
    check_table(results, ["same"], NAMES, 2)
    check_table(results, ["same_ref_key"], NAMES, 2)
    assert sorted(s["dept"] for s in results["fk"]["samples"]) == ["", "D1 ", "D9", "d1"]


# --- freshness --------------------------------------------------------------------------------
# as_of 2024-06-30 12:00. (update time, rows within the 每日 cycle (1d), rows max_age 30d, rows max_age 12h, reason)
UPDATES: list[tuple[str | None, Outcome, Outcome, Outcome, str]] = [
    ("2024-06-30 11:00:00", P, P, P, "an hour ago"),
    ("2024-06-29 12:00:00", P, P, F, "exactly one day ago"),
    ("2024-06-29 11:59:59", F, P, F, "one second more than a day"),
    ("2024-06-29", F, P, F, "a date is its midnight"),
    ("2024/6/30", P, P, P, "today's midnight, another format"),
    ("20240630", P, P, P, "today, compact"),
    ("2024-05-31 12:00:00", F, P, F, "exactly 30 days ago"),
    ("2024-05-31 11:59:59", F, F, F, "more than 30 days ago"),
    ("yesterday", F, F, F, "not a time: fails"),
    ("2024-06-31", F, F, F, "an impossible date fails"),
    ("", F, F, F, "empty string fails"),
    (None, N, N, N, "NULL is not evaluated"),
]


def test_freshness(any_ws: Workspace) -> None:
    columns = {"gxsj": values(UPDATES), "old": ["2024-06-01", "2024-05-01", "bad"], "none": [None]}
    _, results = run(any_ws, columns, """
  - {id: cycle_rows, column: gxsj, check: freshness, scope: rows}
  - {id: days_rows, column: gxsj, check: freshness, scope: rows, max_age: 30d}
  - {id: hours_rows, column: gxsj, check: freshness, scope: rows, max_age: 12h}
  - {id: latest, column: gxsj, check: freshness}
  - {id: old_cycle, column: old, check: freshness}
  - {id: old_31d, column: old, check: freshness, max_age: 31d}
  - {id: old_4w, column: old, check: freshness, max_age: 4w}
  - {id: all_null, column: none, check: freshness}
""", entry={"update_cycle": "每日"})
    check_table(results, ["cycle_rows", "days_rows", "hours_rows"], UPDATES, 1)
    # scope dataset: one element, the latest time (2024-06-30 11:00; 2024-06-01 for old, whose 'bad' is ignored)
    assert {rid: counts(results[rid]) for rid in ("latest", "old_cycle", "old_31d", "old_4w")} == {
        "latest": (1, 1), "old_cycle": (1, 0), "old_31d": (1, 1), "old_4w": (1, 0)}
    assert (results["all_null"]["status"], results["all_null"]["evaluated"]) == ("not_assessable", 0)


def test_freshness_without_a_period_is_not_assessable(any_ws: Workspace) -> None:
    columns = {"gxsj": ["2024-06-30 11:00:00", "2024-05-01"]}
    rules = """
  - {id: cycle, column: gxsj, check: freshness}
  - {id: cycle_rows, column: gxsj, check: freshness, scope: rows}
  - {id: explicit, column: gxsj, check: freshness, scope: rows, max_age: 30d}
"""
    _, irregular = run(any_ws, columns, rules, entry={"update_cycle": "不定期"})
    for rid in ("cycle", "cycle_rows"):
        r = irregular[rid]
        assert (r["status"], r["evaluated"], r["passed"]) == ("not_assessable", None, None)
        assert "不定期" in r["reason"] and "max_age" in r["reason"], r["reason"]
    assert counts(irregular["explicit"]) == (2, 1)
    _, undeclared = run(any_ws, columns, rules)
    assert undeclared["cycle"]["status"] == "not_assessable"
    assert "未声明" in undeclared["cycle"]["reason"] and "not declared" in undeclared["cycle"]["reason"]
    assert counts(undeclared["explicit"]) == (2, 1)


# --- where filters ----------------------------------------------------------------------------
# (xb, age (text), sjhm, reason)
WHERE: Columns = {
    "xb": ["1", "1", "2", "1", None, "2", "1", "2"],
    "age": ["30", "17", "40", "abc", "18", "18.0", None, "9"],
    "sjhm": ["13800138000", None, None, "12345", "12345", "13800138000", "13800138000", "12345"],
}


def test_where(any_ws: Workspace) -> None:
    _, results = run(any_ws, WHERE, """
  - {id: men, column: sjhm, check: not_null, where: "xb = '1'"}
  - {id: not_men, column: sjhm, check: not_null, where: "xb != '1'"}
  - {id: adults, column: sjhm, check: mobile, where: "age >= 18"}
  - {id: young_adults, column: sjhm, check: mobile, where: "age between 18 and 30"}
  - {id: either, column: sjhm, check: mobile, where: "xb = '2' or age < 18"}
  - {id: null_sex, column: sjhm, check: mobile, where: "xb is null"}
  - {id: nobody, column: sjhm, check: mobile, where: "xb = '3'"}
  - {id: all_rows, column: sjhm, check: mobile}
""")
    expected = {
        "men": (4, 3),  # rows 1, 2, 4, 7; row 2 is NULL
        "not_men": (3, 2),  # rows 3, 6, 8 (row 5's NULL xb is neither '1' nor not '1'); row 3 is NULL
        "adults": (3, 2),  # ages compared as numbers: 30, 40, 18, 18.0 ('abc', NULL, 17 and 9 are out); row 3 NULL
        "young_adults": (3, 2),  # 30, 18, 18.0
        "either": (2, 1),  # xb 2: rows 3, 6, 8; age < 18: rows 2, 8 → rows 2, 3, 6, 8 with sjhm NULL, NULL, ok, bad
        "null_sex": (1, 0),  # row 5
        "nobody": (0, 0),
        "all_rows": (6, 3),
    }
    assert {rid: counts(results[rid]) for rid in expected} == expected
    assert results["nobody"]["status"] == "not_assessable"


def test_where_on_a_dataset_level_check_is_an_error(any_ws: Workspace) -> None:
    rs = parse_rules("rules:\n  - {id: rows, check: row_count, min: 1, where: \"xb = '1'\"}")
    with pytest.raises(ConfigError, match="where"):
        evaluate(any_ws.engine, DatasetRef("t", 1, table_of(WHERE), {}), rs, as_of=AS_OF)


# --- one scan ---------------------------------------------------------------------------------
def test_row_rules_compile_to_one_aggregate_over_one_scan() -> None:
    """Every expr rule becomes a column of ONE aggregate reading the stored table once (the long
    GB/T 2260 list is a join on that scan); each unique/foreign_key/same_value rule is its own query."""
    data = table_of({"sfzh": ["11010519491231002X"], "xzqh": ["110105"], "xb": ["1"], "gxsj": ["2024-06-30"]})
    other = table_of({"sfzh": ["11010519491231002X"], "xb": ["1"]})
    rs = parse_rules("""
rules:
  - {check: not_null, column: sfzh}
  - {check: not_blank, column: sfzh}
  - {check: id_card, column: sfzh}
  - {check: id_card, column: sfzh, area: false}
  - {check: code_list, column: xzqh, code_list: GB/T 2260}
  - {check: code_list, column: xb, code_list: GB/T 2261.1}
  - {check: id_sex_match, columns: [sfzh, xb]}
  - {check: freshness, column: gxsj, max_age: 30d}
  - {check: row_count, min: 1}
  - {check: mobile, column: xb, where: "xb = '1'"}
  - {check: unique, column: sfzh}
  - {check: unique, columns: [sfzh, xb]}
  - {check: foreign_key, column: sfzh, ref: other.sfzh}
  - {check: same_value, key: sfzh, column: xb, ref: other.xb}
""")
    refs = {"other": DatasetRef("other", 1, other, {})}
    ctx = Ctx(data=DatasetRef("t", 1, data, {}), as_of=AS_OF, entry={}, defaults=defaults(), open_ref=refs.__getitem__)
    plan = compile_rules(ctx, rs.rules)
    query_checks = {"unique", "foreign_key", "same_value"}
    assert set(plan.queries) == {r.id for r in rs.rules if r.check.name in query_checks}
    assert set(plan.slots) == {r.id for r in rs.rules if r.check.name not in query_checks}
    assert not plan.not_assessable and not plan.meta
    sql = ibis.to_sql(plan.aggregate, dialect="duckdb")
    assert sql.count(data.op().name) == 1, sql  # the stored table is read once
    assert sql.count("GROUP BY") == 0
    # __rows, then evaluated and passed per rule, then the non-NULL keys of each unique rule (its evaluated count)
    assert len(plan.aggregate.columns) == 1 + 2 * len(plan.slots) + 2
    assert set(plan.counted) == {r.id for r in rs.rules if r.check.name == "unique"}


# --- regressions: engines disagree on regex anchors and number parsing; shared lookups -----------------
# (column, value, reason): every value must fail its check (or, for the birth date, not be evaluated)
LINE_BREAKS: list[tuple[str, str, str]] = [
    ("sjhm", "13800138000\n", "mobile + LF"),
    ("sjhm", "13800138000\r\n", "mobile + CRLF (a CSV line ending left in the last field)"),
    ("sjhm", "13800138000\r", "mobile + CR"),
    ("sfzh", "11010519491231002X\n", "ID + LF"),
    ("tyshxydm", "91110000600037341L\r", "USCC + CR"),
    ("rq", "2024-06-30\n", "date + LF"),
    ("s", "AB123\n", "user pattern ^[A-Z]{2}[0-9]{3}$ + LF"),
]


def test_anchored_patterns_reject_a_trailing_line_break(any_ws: Workspace) -> None:
    """Java's $ (Spark) also matches before a final line break, RE2's (DuckDB) does not: patterns end with \\z."""
    columns: Columns = {name: [v for c, v, _ in LINE_BREAKS if c == name] for name in dict.fromkeys(c for c, _, _ in LINE_BREAKS)}
    columns["csrq"] = ["1949-12-31\n"]
    columns["id"] = ["11010519491231002X"]
    _, results = run(any_ws, columns, r"""
  - {id: mobile, column: sjhm, check: mobile}
  - {id: id_card, column: sfzh, check: id_card}
  - {id: uscc, column: tyshxydm, check: uscc}
  - {id: date_format, column: rq, check: date_format, format: '%Y-%m-%d'}
  - {id: fresh_rows, column: rq, check: freshness, scope: rows, max_age: 30d}
  - {id: regex, column: s, check: regex, pattern: '^[A-Z]{2}[0-9]{3}$'}
  - {id: birth, check: id_birthdate_match, columns: [id, csrq]}
""")
    got = {rid: counts(r) for rid, r in results.items()}
    assert got == {"mobile": (3, 0), "id_card": (1, 0), "uscc": (1, 0), "date_format": (1, 0), "fresh_rows": (1, 0),
                   "regex": (1, 0), "birth": (0, 0)}


# (value, range min 0 on a text column, reason): words for special floats and engine-specific spellings are no numbers
NOT_NUMBERS: list[tuple[str, Outcome, str]] = [
    ("7", P, "a number"),
    ("NaN", F, "not a number, literally (NaN sorts above every number on both engines)"),
    ("nan", F, "lower case"),
    ("Infinity", F, "infinity"),
    ("inf", F, "short infinity"),
    ("1_000", F, "digit separator (DuckDB casts it to 1000)"),
    ("1d", F, "Java double suffix (Spark casts it to 1.0)"),
    ("1f", F, "Java float suffix (Spark casts it to 1.0)"),
]


def test_range_on_text_rejects_special_floats(any_ws: Workspace) -> None:
    _, results = run(any_ws, {"n": values(NOT_NUMBERS)}, """
  - {id: positive, column: n, check: range, min: 0}
""")
    check_table(results, ["positive"], NOT_NUMBERS, 1)


# (left, right, as: date '=', reason)
SAME_DAY: list[tuple[str, str, Outcome, str]] = [
    ("2021-03-05", "2021-03-05", P, "the same date"),
    ("2021-03-05 08:00:00", "2021-03-05", P, "as dates, a time on the same day is that day"),
    ("2021-03-05 23:59:59", "2021-03-05 00:00:00", P, "two times of one day"),
    ("2021-03-06 00:00:00", "2021-03-05 23:59:59", F, "different days"),
]


def test_compare_as_date_ignores_the_time(any_ws: Workspace) -> None:
    _, results = run(any_ws, {"l": values(SAME_DAY, 0), "r": values(SAME_DAY, 1)}, """
  - {id: same_day, check: compare, left: l, op: '=', right: r, as: date}
""")
    check_table(results, ["same_day"], SAME_DAY, 2)


# dates all written yyyy-mm-dd (left, right, left <= right, reason): with the profile's shapes, the
# date cast decides alone; the outcomes must be those of the general parser
ISO_PAIRS: list[tuple[str | None, str | None, Outcome, str]] = [
    ("2021-03-05", "2021-03-04", F, "later"),
    ("2021-03-04", "2021-03-04", P, "equal"),
    ("2021-10-01", "2021-09-30", F, "1 Oct > 30 Sep"),
    ("2020-02-29", "2020-03-01", P, "a leap day"),
    ("2021-02-29", "2021-03-01", N, "not a leap year"),
    ("2021-04-31", "2021-05-01", N, "30-day month"),
    ("2021-13-01", "2022-01-01", N, "month 13"),
    ("2021-00-10", "2022-01-01", N, "month 0"),
    ("0000-00-00", "2022-01-01", N, "a placeholder of zeros"),
    ("1799-12-31", "2000-01-01", N, "before 1800"),
    ("1800-01-01", "2200-12-31", P, "the first and the last day read"),
    ("2200-12-31", "2201-01-01", N, "after 2200"),
    ("9999-12-31", "9999-12-31", N, "far future"),
    (None, "2021-03-04", N, "NULL"),
]


@pytest.mark.parametrize("known", [False, True], ids=["parsed", "profile_shapes"])
def test_compare_iso_dates_with_and_without_profile_shapes(any_ws: Workspace, known: bool) -> None:
    from shuzhi.catalog.dtypes import ISO_DATE_SHAPE

    columns = {"l": values(ISO_PAIRS, 0), "r": values(ISO_PAIRS, 1)}
    rules = """
  - {id: dates, check: compare, left: l, op: '<=', right: r}
  - {id: fresh, column: l, check: freshness, max_age: 3650d, scope: rows}
"""
    shapes = {"l": frozenset({ISO_DATE_SHAPE}), "r": frozenset({ISO_DATE_SHAPE})} if known else None
    _, results = run(any_ws, columns, rules, dtypes={"l": "date", "r": "date"}, shapes=shapes)
    check_table(results, ["dates"], ISO_PAIRS, 2)
    # freshness reads the time key: every non-NULL value is evaluated, a value that is no date fails;
    # passing = on or after 2014-07-03 (3650 days before 2024-06-30): the four of 2020-21 and 2200-12-31
    assert counts(results["fresh"]) == (13, 5)
    # the profile's shapes are what makes the regex unnecessary
    rs = parse_rules(f"dataset: t\nrules:\n{rules}")
    ctx = Ctx(data=DatasetRef("t", 1, table_of(columns), {"l": "date", "r": "date"}, shapes or {}),
              as_of=AS_OF, entry={}, defaults=defaults())
    assert ("regexp" in ibis.to_sql(compile_rules(ctx, rs.rules).aggregate, dialect="duckdb").lower()) is not known


# int64 columns beyond 2^53: (left, right, left > right, reason)
BIG_INTS: list[tuple[str, str, Outcome, str]] = [
    ("9007199254740993", "9007199254740992", P, "2^53 + 1 > 2^53 (equal once both are doubles)"),
    ("123456789012345679", "123456789012345678", P, "18 digits differing in the last"),
    ("5", "3", P, "small numbers"),
]


def test_compare_int64_exactly(any_ws: Workspace) -> None:
    _, results = run(any_ws, {"a": values(BIG_INTS, 0), "b": values(BIG_INTS, 1)}, """
  - {id: greater, check: compare, left: a, op: '>', right: b}
""", dtypes={"a": "int64", "b": "int64"})
    check_table(results, ["greater"], BIG_INTS, 2)


LONG_A = [f"a{i:02d}" for i in range(20)]  # longer than 16: compiled as a join
LONG_B = [f"b{i:02d}" for i in range(20)]
# (value, values LONG_A, values LONG_B, reason)
TWO_LISTS: list[tuple[str | None, Outcome, Outcome, str]] = [
    ("a00", P, F, "in the first list"),
    ("a19", P, F, "in the first list"),
    ("b00", F, P, "in the second list"),
    ("b19", F, P, "in the second list"),
    ("b05", F, P, "in the second list (three b values: the two rules' counts differ)"),
    ("c00", F, F, "in neither"),
    (None, N, N, "NULL"),
]


def test_two_long_value_lists_on_one_column(any_ws: Workspace) -> None:
    _, results = run(any_ws, {"k": values(TWO_LISTS)}, f"""
  - {{id: list_a, column: k, check: code_list, values: {LONG_A}}}
  - {{id: list_b, column: k, check: code_list, values: {LONG_B}}}
""")
    check_table(results, ["list_a", "list_b"], TWO_LISTS, 1)
