"""The benchmark's rule set: the shuzhi YAML entries and, per rule, DuckDB SQL for "evaluated" and "failed".

Standard library only: every runner imports this module, whichever venv it runs in.

The SQL here is the reference semantics that every tool is checked against (the hand-written query
computes exactly these counts). Peers that can take a SQL predicate (Soda's ``failed_rows``,
cuallee's ``satisfies``, GX's ``UnexpectedRowsExpectation``) get the *same* predicate text for the
checks they have no built-in for, so what differs between the SQL tools is each tool's plan and
overhead, not who wrote the cleverer SQL.

Semantics (NULL is never a failure of a format check; completeness is not_null's job):
- not_null: evaluated = all rows; failed = NULLs.
- not_blank: evaluated = non-NULL; failed = '' / only ASCII spaces or U+3000 / exactly one of the
  placeholders 无 NULL null N/A - 空.
- id_card (GB 11643): 18 characters, the first 17 ASCII digits, MOD 11-2 check character (upper-case
  X), birth date digits 7-14 a calendar date, area code (first 6) any GB/T 2260 code incl. historical.
- unique: evaluated = non-NULL; failed = extra copies = non-NULL rows − distinct non-NULL values.
- mobile ^1[3-9]\\d{9}$; bank_card 16-19 ASCII digits and Luhn; code_list: exact string in the list;
  range: numeric text within [min, max], non-numeric text fails; regex: full match; length: characters;
  date_format '%Y-%m-%d' incl. calendar validity.
- id_birthdate_match: evaluated where both are non-NULL; fails unless sfzh[7:14] = csrq without '-'.
- id_sex_match: evaluated where sfzh's 17th character is a digit and xb is '1' or '2'; fails unless
  odd ↔ '1', even ↔ '2'.
- compare start_date <= end_date: evaluated where both parse as dates; fails where start > end.

The generator (quality_bench.py) plants defects so that the failure counts do not depend on the
readings left open above (e.g. whether id_sex_match is evaluated on an ID with a wrong check
character: such rows carry a consistent or NULL xb, so they never fail either way).
"""

from __future__ import annotations

BLANK_CHARS = " \u3000"
PLACEHOLDERS = ("无", "NULL", "null", "N/A", "-", "空")
BLANK_REGEX = "^[ \u3000]*$|^(无|NULL|null|N/A|-|空)$"  # the same set as one regex, for regex-only tools
AGE_REGEX = "^(0|[1-9][0-9]?|1[0-4][0-9]|150)$"  # 0..150 as integer text without leading zeros (what is generated)
MOBILE_REGEX = "^1[3-9][0-9]{9}$"
ZIP_REGEX = "^[0-9]{6}$"
TS_REGEX = "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$"
SFZH_SHAPE_REGEX = "^[0-9]{17}[0-9X]$"
XB_CODES = ("0", "1", "2", "9")  # GB/T 2261.1

# GB 11643 weights 2^(17-i) mod 11 for i = 0..16 and the check characters indexed by sum mod 11.
ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
ID_CHARS = "10X98765432"

# id, shuzhi YAML entry, check name, columns. row_count is dataset-level and not compared.
RULES: list[tuple[str, dict]] = [
    ("xm_not_null", {"column": "xm", "check": "not_null"}),
    ("sfzh_not_null", {"column": "sfzh", "check": "not_null"}),
    ("lxdh_not_null", {"column": "lxdh", "check": "not_null"}),
    ("csrq_not_null", {"column": "csrq", "check": "not_null"}),
    ("xm_not_blank", {"column": "xm", "check": "not_blank"}),
    ("xm_length", {"column": "xm", "check": "length", "min": 2, "max": 20}),
    ("sfzh_id_card", {"column": "sfzh", "check": "id_card"}),
    ("sfzh_length", {"column": "sfzh", "check": "length", "min": 18, "max": 18}),
    ("sfzh_unique", {"column": "sfzh", "check": "unique"}),
    ("lxdh_mobile", {"column": "lxdh", "check": "mobile"}),
    ("yhkh_bank_card", {"column": "yhkh", "check": "bank_card"}),
    ("xb_code_list", {"column": "xb", "check": "code_list", "code_list": "GB/T 2261.1"}),
    ("mz_code_list", {"column": "mz", "check": "code_list", "code_list": "GB/T 3304"}),
    ("xzqh_code_list", {"column": "xzqh", "check": "code_list", "code_list": "GB/T 2260"}),
    ("age_range", {"column": "age", "check": "range", "min": 0, "max": 150}),
    ("zip_regex", {"column": "zip", "check": "regex", "pattern": "^\\d{6}$"}),
    ("csrq_date_format", {"column": "csrq", "check": "date_format", "format": "%Y-%m-%d"}),
    ("updated_at_regex", {"column": "updated_at", "check": "regex",
                          "pattern": "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$"}),
    ("id_birthdate_match", {"columns": ["sfzh", "csrq"], "check": "id_birthdate_match"}),
    ("id_sex_match", {"columns": ["sfzh", "xb"], "check": "id_sex_match"}),
    ("start_end_compare", {"check": "compare", "left": "start_date", "op": "<=", "right": "end_date"}),
]
DATASET_RULES = [{"check": "row_count", "min": 1000}]
RULE_IDS = [rid for rid, _ in RULES]


def shuzhi_yaml(dataset: str = "bench") -> str:
    """The rules file for ``shuzhi quality run`` (flow style, one rule a line)."""

    def scalar(v: object) -> str:
        if isinstance(v, (int, float)):
            return str(v)
        if isinstance(v, list):
            return "[" + ", ".join(scalar(x) for x in v) + "]"
        return "'" + str(v).replace("'", "''") + "'"

    lines = [f"dataset: {dataset}", "rules:"]
    for _, entry in RULES + [("row_count", r) for r in DATASET_RULES]:
        lines.append("  - {" + ", ".join(f"{k}: {scalar(v)}" for k, v in entry.items()) + "}")
    return "\n".join(lines) + "\n"


def quote(v: str) -> str:
    return "'" + v.replace("'", "''") + "'"


def in_list(values) -> str:
    return "(" + ", ".join(quote(v) for v in values) + ")"


def id_body_int(s: str = "sfzh") -> str:
    return f"TRY_CAST(left({s}, 17) AS BIGINT)"


def id_card_pass(s: str = "sfzh", b: str | None = None, area_table: str = "gb2260") -> str:
    """GB 11643 test; ``b`` is the body as BIGINT (a projected column), else it is written inline.

    The shape is one regex (faster in DuckDB than length + ltrim, and exact, unlike TRY_CAST alone, which
    also takes '+1', ' 1', '1_2' and '12e3'); the 17 digits are then taken from one integer by division
    and modulo (quality-anchors §7: 1.4× faster than 17 substr calls), and the birth date is checked by
    integer arithmetic on the same integer.
    """
    b = b or id_body_int(s)
    digit = lambda i: f"({b} // {10 ** (16 - i)} % 10)"  # digit i (0-based) of the 17-digit body
    total = " + ".join(f"{w} * {digit(i)}" for i, w in enumerate(ID_WEIGHTS))
    y, m, d = f"({b} // 10000000 % 10000)", f"({b} // 100000 % 100)", f"({b} // 1000 % 100)"
    leap = f"(({y} % 4 = 0 AND {y} % 100 <> 0) OR {y} % 400 = 0)"
    days = f"CASE WHEN {m} = 2 THEN CASE WHEN {leap} THEN 29 ELSE 28 END ELSE 30 + ({m} + {m} // 8) % 2 END"
    return (f"(regexp_full_match({s}, '{SFZH_SHAPE_REGEX[1:-1]}')"
            f" AND substr('{ID_CHARS}', CAST(({total}) % 11 AS INTEGER) + 1, 1) = right({s}, 1)"
            f" AND {m} BETWEEN 1 AND 12 AND {d} BETWEEN 1 AND {days}"
            f" AND left({s}, 6) IN (SELECT code FROM {area_table}))")


def luhn_pass(c: str, hi: str | None = None, lo: str | None = None) -> str:
    """16-19 ASCII digits and the Luhn sum; digits come from two BIGINTs (the last 9 digits and the rest)."""
    hi = hi or f"TRY_CAST(left({c}, length({c}) - 9) AS BIGINT)"
    lo = lo or f"TRY_CAST(right({c}, 9) AS BIGINT)"
    terms = []
    for k in range(19):  # digit k from the right; odd positions doubled (2d, minus 9 when 2d > 9)
        n, e = (lo, k) if k < 9 else (hi, k - 9)
        dk = f"({n} // {10 ** e} % 10)"
        terms.append(dk if k % 2 == 0 else f"(2 * {dk} - 9 * ({dk} // 5))")
    return f"(regexp_full_match({c}, '[0-9]{{16,19}}') AND ({' + '.join(terms)}) % 10 = 0)"


def rule_sql(codes: dict[str, list[str]], *, projected: bool = False, tables: bool = True) -> dict[str, tuple[str, str]]:
    """rule id → (evaluated condition, failed condition) in DuckDB SQL, NULL-safe (never NULL).

    ``projected``: the query projects ``b`` (the ID body as BIGINT) and ``hi``/``lo`` (the bank card's
    digits as two BIGINTs) once, see PROJECTION. ``tables``: code lists as ``IN (SELECT code FROM table)``
    (DuckDB runs a 58-literal IN list ~10× slower than the semi-join) rather than literal lists.
    """
    b = "b" if projected else None
    nn = lambda c: f"{c} IS NOT NULL"
    no = lambda cond: f"NOT coalesce({cond}, false)"
    zip_ok = f"regexp_full_match(zip, '{ZIP_REGEX[1:-1]}')"
    mob_ok = f"regexp_full_match(lxdh, '{MOBILE_REGEX[1:-1]}')"
    ts_ok = f"regexp_full_match(updated_at, '{TS_REGEX[1:-1]}')"
    card = luhn_pass("yhkh", "hi", "lo") if projected else luhn_pass("yhkh")
    mz = "(SELECT code FROM gb3304)" if tables else in_list(codes["gb3304"])
    d17 = "substr(sfzh, 17, 1)"
    return {
        "xm_not_null": ("true", "xm IS NULL"),
        "sfzh_not_null": ("true", "sfzh IS NULL"),
        "lxdh_not_null": ("true", "lxdh IS NULL"),
        "csrq_not_null": ("true", "csrq IS NULL"),
        "xm_not_blank": (nn("xm"), f"(trim(xm, '{BLANK_CHARS}') = '' OR xm IN {in_list(PLACEHOLDERS)})"),
        "xm_length": (nn("xm"), "length(xm) NOT BETWEEN 2 AND 20"),
        "sfzh_id_card": (nn("sfzh"), f"sfzh IS NOT NULL AND {no(id_card_pass('sfzh', b))}"),
        "sfzh_length": (nn("sfzh"), "length(sfzh) <> 18"),
        "sfzh_unique": (nn("sfzh"), "UNIQUE"),  # aggregate, not a row predicate: see unique_sql
        "lxdh_mobile": (nn("lxdh"), f"lxdh IS NOT NULL AND {no(mob_ok)}"),
        "yhkh_bank_card": (nn("yhkh"), f"yhkh IS NOT NULL AND {no(card)}"),
        "xb_code_list": (nn("xb"), f"xb NOT IN {in_list(XB_CODES)}"),
        "mz_code_list": (nn("mz"), f"mz NOT IN {mz}"),
        "xzqh_code_list": (nn("xzqh"), "xzqh NOT IN (SELECT code FROM gb2260)"),
        "age_range": (nn("age"), f"age IS NOT NULL AND {no('TRY_CAST(age AS DOUBLE) BETWEEN 0 AND 150')}"),
        "zip_regex": (nn("zip"), f"zip IS NOT NULL AND {no(zip_ok)}"),
        "csrq_date_format": (nn("csrq"), "csrq IS NOT NULL AND try_strptime(csrq, '%Y-%m-%d') IS NULL"),
        "updated_at_regex": (nn("updated_at"), f"updated_at IS NOT NULL AND {no(ts_ok)}"),
        "id_birthdate_match": ("sfzh IS NOT NULL AND csrq IS NOT NULL",
                               "substr(sfzh, 7, 8) <> replace(csrq, '-', '')"),
        "id_sex_match": (f"{d17} BETWEEN '0' AND '9' AND xb IN ('1', '2')",
                         f"{d17} BETWEEN '0' AND '9' AND xb IN ('1', '2')"
                         f" AND (TRY_CAST({d17} AS INTEGER) % 2 = 1) <> (xb = '1')"),
        "start_end_compare": ("TRY_CAST(start_date AS DATE) IS NOT NULL AND TRY_CAST(end_date AS DATE) IS NOT NULL",
                              "TRY_CAST(start_date AS DATE) > TRY_CAST(end_date AS DATE)"),
    }


PROJECTION = ("TRY_CAST(left(sfzh, 17) AS BIGINT) AS b, TRY_CAST(left(yhkh, length(yhkh) - 9) AS BIGINT) AS hi,"
              " TRY_CAST(right(yhkh, 9) AS BIGINT) AS lo")


def fail_predicate(codes: dict[str, list[str]], rule_id: str) -> str:
    """A NULL-safe row predicate that is true exactly on the failing rows of ``rule_id`` (not for unique)."""
    _, fail = rule_sql(codes)[rule_id]
    return f"coalesce({fail}, false)"


def pass_predicate(codes: dict[str, list[str]], rule_id: str) -> str:
    """True on every row that does not fail ``rule_id`` (NULLs pass), for tools that count non-passing rows."""
    return f"NOT {fail_predicate(codes, rule_id)}"
