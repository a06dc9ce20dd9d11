"""Check characters of Chinese identifiers: tables of valid and invalid strings, each with its
reason, plus property tests against python-stdnum as an independent implementation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from shuzhi.standards.checksums import (
    GB32100_ALPHABET,
    gb11643_check_char,
    gb11643_valid,
    gb11714_check_char,
    gb11714_valid,
    gb32100_check_char,
    gb32100_valid,
    luhn_check_digit,
    luhn_valid,
)

# No example database: property tests must not write into the work tree.
PROPERTY = settings(max_examples=400, database=None, deadline=None)

DIGITS = "0123456789"

# ---------------------------------------------------------------- GB 11643 公民身份号码

GB11643_BODIES = [
    ("11010519491231002", "X"),  # the standard's worked example
    ("44052418800101001", "4"),  # second example of GB 11643-1999
    ("32010219900101001", "0"),  # sum ≡ 1 (mod 11) → '0'
    ("32010219900101006", "1"),  # sum ≡ 0 → '1'
    ("32010219900101000", "2"),  # sum ≡ 10 → '2'
    ("32010219900101007", "X"),  # sum ≡ 2 → 'X'
    ("32058319851111402", "6"),  # 昆山市
]


@pytest.mark.parametrize(("body", "check"), GB11643_BODIES)
def test_gb11643_check_char(body: str, check: str) -> None:
    assert gb11643_check_char(body) == check


@pytest.mark.parametrize(
    "body",
    [
        "1101051949123100",  # 16 digits
        "110105194912310021",  # 18 digits
        "1101051949123100X",  # X only allowed as the check character
        "１１０１０５１９４９１２３１００２",  # full-width digits
        "",  # empty
    ],
)
def test_gb11643_check_char_rejects_bad_body(body: str) -> None:
    with pytest.raises(ValueError, match="17 ASCII digits"):
        gb11643_check_char(body)


@pytest.mark.parametrize(
    "number",
    [
        "11010519491231002X",  # standard example, X check
        "11010519491231002x",  # lower-case x is the same check character
        "440524188001010014",  # standard example, digit check
        "320102199001010010",  # check '0'
        "320583198511114026",  # ordinary Jiangsu number
        "320103198808088881",  # 白下区 (historical area code): checksum only, area not checked
        "000000000000000001",  # all-zero body: sum 0 → '1' (no date/area checks here)
    ],
)
def test_gb11643_valid(number: str) -> None:
    assert gb11643_valid(number)


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # wrong check (X expected)
        "11010519491231002Y",  # letter other than X
        "440524188001010015",  # off-by-one check
        "11010519491231002",  # 17 characters
        "11010519491231002X0",  # 19 characters
        "1101051949123100XX",  # X inside the body
        "１１０１０５１９４９１２３１００２X",  # full-width body
        "110105 1949123100X",  # space inside
        "",  # empty
        "110105194912310",  # old 15-digit numbers have no check character
    ],
)
def test_gb11643_invalid(number: str) -> None:
    assert not gb11643_valid(number)


@PROPERTY
@given(st.text(alphabet=DIGITS, min_size=17, max_size=17), st.sampled_from(DIGITS + "Xx"))
def test_gb11643_agrees_with_stdnum(body: str, last: str) -> None:
    number = body + last
    assert gb11643_valid(number) == (ric.calc_check_digit(number) == last.upper())


@PROPERTY
@given(st.text(alphabet=DIGITS, min_size=17, max_size=17))
def test_gb11643_generated_numbers_validate(body: str) -> None:
    check = gb11643_check_char(body)
    assert check == ric.calc_check_digit(body + "0")
    assert gb11643_valid(body + check)


# ---------------------------------------------------------------- GB 11714 组织机构代码

GB11714_BODIES = [
    ("60003734", "1"),  # the GB 32100 example's embedded code
    ("D2143569", "X"),  # 11 - r = 10 → 'X'
    ("00000000", "0"),  # 11 - 0 = 11 → '0'
    ("12345678", "8"),  # digits only
    ("MA100018", "0"),  # letter body (MA… codes issued with USCCs), check '0'
    ("MA100005", "X"),  # letter body, check 'X'
    ("d2143569", "X"),  # lower case is accepted
]


@pytest.mark.parametrize(("body", "check"), GB11714_BODIES)
def test_gb11714_check_char(body: str, check: str) -> None:
    assert gb11714_check_char(body) == check


@pytest.mark.parametrize(
    "body",
    [
        "6000373",  # 7 characters
        "600037341",  # 9 characters
        "6000-373",  # hyphen in the body
        "６０００３７３４",  # full-width digits
    ],
)
def test_gb11714_check_char_rejects_bad_body(body: str) -> None:
    with pytest.raises(ValueError, match="8 ASCII"):
        gb11714_check_char(body)


@pytest.mark.parametrize(
    "code",
    [
        "60003734-1",  # printed form with hyphen
        "600037341",  # without hyphen
        "D2143569-X",  # X check
        "d2143569x",  # lower case
        "00000000-0",  # check '0'
        "MA100005-X",  # letter body
    ],
)
def test_gb11714_valid(code: str) -> None:
    assert gb11714_valid(code)


@pytest.mark.parametrize(
    "code",
    [
        "60003734-2",  # wrong check
        "D2143569-0",  # X expected
        "6000-37341",  # hyphen in the wrong place
        "-600037341",  # leading hyphen
        "60003734--1",  # two hyphens
        "60003734",  # body only
        "6000373411",  # 10 characters, no hyphen
        "60003734 1",  # space instead of hyphen
        "６０００３７３４-1",  # full-width body
        "",  # empty
    ],
)
def test_gb11714_invalid(code: str) -> None:
    assert not gb11714_valid(code)


# ---------------------------------------------------------------- GB 32100 统一社会信用代码

GB32100_BODIES = [
    ("91110000600037341", "L"),  # the common example (stdnum's doctest)
    ("N2320102MA1X2Y3B1", "D"),  # letter-first: N = 农业 registration authority
    ("Y1320100MA1P0Q4R9", "X"),  # letter-first: Y = 其他
    ("91320102MA1000084", "0"),  # check character '0'
    ("n2320102ma1x2y3b1", "D"),  # lower case is accepted
]


@pytest.mark.parametrize(("body", "check"), GB32100_BODIES)
def test_gb32100_check_char(body: str, check: str) -> None:
    assert gb32100_check_char(body) == check


@pytest.mark.parametrize(
    "body",
    [
        "9111000060003734",  # 16 characters
        "911100006000373411",  # 18 characters
        "9I110000600037341",  # I is not in the alphabet
        "91110000600O37341",  # O is not in the alphabet
        "91110000600037S41",  # S is not in the alphabet
        "９1110000600037341",  # full-width digit
    ],
)
def test_gb32100_check_char_rejects_bad_body(body: str) -> None:
    with pytest.raises(ValueError, match="17 characters"):
        gb32100_check_char(body)


@pytest.mark.parametrize(
    "code",
    [
        "91110000600037341L",  # example, digit-first
        "91110000600037341l",  # lower-case check character
        "N2320102MA1X2Y3B1D",  # letter-first (stdnum rejects these; GB 32100 allows them)
        "Y1320100MA1P0Q4R9X",  # letter-first, X check
        "A1320581MA1M3N7K6N",  # letter-first A (机构编制)
        "51320000500000015D",  # 5 = 民政 (social organisation)
        "91320102MA10000840",  # check '0'
        "91320102MA1W5E9K4J",  # Jiangsu enterprise
    ],
)
def test_gb32100_valid(code: str) -> None:
    assert gb32100_valid(code)
    assert gb32100_valid(code, check_org_code=False)


@pytest.mark.parametrize(
    "code",
    [
        "91110000600037341M",  # wrong check character
        "91110000600037341",  # 17 characters
        "91110000600037341LL",  # 19 characters
        "9111000060003734IL",  # I is not in the alphabet
        "913201A26000373413",  # area code (positions 3–8) must be digits; checksum itself is right
        "N2320102MA1X2Y3B1E",  # letter-first with a wrong check character
        "91110000600037341Z",  # Z is not in the alphabet
        "",  # empty
    ],
)
def test_gb32100_invalid(code: str) -> None:
    assert not gb32100_valid(code)
    assert not gb32100_valid(code, check_org_code=False)


@pytest.mark.parametrize(
    "code",
    [
        "91110000600037342P",  # GB 32100 check right, embedded GB 11714 check wrong (1 expected)
        "N2320102MA1X2Y3B2G",  # same for a letter-first code
    ],
)
def test_gb32100_embedded_org_code(code: str) -> None:
    assert gb32100_check_char(code[:17]) == code[17]
    assert not gb11714_valid(code[8:17])
    assert not gb32100_valid(code)
    assert gb32100_valid(code, check_org_code=False)


def test_gb32100_letter_first_is_rejected_by_stdnum_but_valid_here() -> None:
    assert not uscc.is_valid("N2320102MA1X2Y3B1D")
    assert uscc.calc_check_digit("N2320102MA1X2Y3B1") == "D"
    assert gb32100_valid("N2320102MA1X2Y3B1D")


@PROPERTY
@given(
    st.text(alphabet=DIGITS, min_size=8, max_size=8),
    st.text(alphabet=GB32100_ALPHABET, min_size=10, max_size=10),
)
def test_gb32100_digit_first_agrees_with_stdnum(head: str, tail: str) -> None:
    code = head + tail
    assert gb32100_valid(code, check_org_code=False) == uscc.is_valid(code)


@PROPERTY
@given(
    st.text(alphabet=GB32100_ALPHABET, min_size=2, max_size=2),
    st.text(alphabet=DIGITS, min_size=6, max_size=6),
    st.text(alphabet=GB32100_ALPHABET, min_size=10, max_size=10),
)
def test_gb32100_any_first_chars_agree_with_stdnum_checksum(head: str, area: str, tail: str) -> None:
    # stdnum's validate() insists on digits in positions 1–2; its check-digit routine does not
    code = head + area + tail
    assert gb32100_valid(code, check_org_code=False) == (uscc.calc_check_digit(code[:17]) == code[17])


@PROPERTY
@given(
    st.text(alphabet=GB32100_ALPHABET, min_size=2, max_size=2),
    st.text(alphabet=DIGITS, min_size=6, max_size=6),
    st.text(alphabet=GB32100_ALPHABET, min_size=8, max_size=8),  # embedded codes use the same alphabet
)
def test_gb32100_generated_codes_validate(head: str, area: str, org_body: str) -> None:
    org = org_body + gb11714_check_char(org_body)
    body = head + area + org
    code = body + gb32100_check_char(body)
    assert gb32100_valid(code)
    assert uscc.calc_check_digit(body) == code[17]
    # spoil only the embedded organisation code, then repair the outer check character
    wrong = next(c for c in DIGITS + "X" if c != org[8])
    spoiled = body[:16] + wrong
    spoiled += gb32100_check_char(spoiled)
    assert not gb32100_valid(spoiled)
    assert gb32100_valid(spoiled, check_org_code=False)


# ---------------------------------------------------------------- Luhn (bank cards)

LUHN_BODIES = [
    ("7992739871", "3"),  # the textbook example
    ("411111111111111", "1"),  # Visa test card
    ("622202123456789012", "8"),  # 19-digit UnionPay-style number
    ("621700000000000000", "4"),
    ("0", "0"),  # shortest body
]


@pytest.mark.parametrize(("body", "check"), LUHN_BODIES)
def test_luhn_check_digit(body: str, check: str) -> None:
    assert luhn_check_digit(body) == check


@pytest.mark.parametrize(
    "body",
    [
        "",  # nothing to check
        "12a4",  # letter
        "1234 5678",  # space
        "１２３４",  # full-width digits
    ],
)
def test_luhn_check_digit_rejects_bad_body(body: str) -> None:
    with pytest.raises(ValueError, match="ASCII digits"):
        luhn_check_digit(body)


@pytest.mark.parametrize(
    "number",
    [
        "79927398713",  # textbook example
        "4111111111111111",  # Visa test card
        "6222021234567890128",  # 19 digits
        "00",  # shortest accepted
    ],
)
def test_luhn_valid(number: str) -> None:
    assert luhn_valid(number)


@pytest.mark.parametrize(
    "number",
    [
        "79927398710",  # wrong check digit
        "6222021234567890126",  # wrong check digit (module docstring example)
        "4111111111111112",  # off by one
        "4111 1111 1111 1111",  # spaces must be removed first
        "0",  # a check digit alone
        "",  # empty
        "４１１１１１１１１１１１１１１１",  # full-width digits
    ],
)
def test_luhn_invalid(number: str) -> None:
    assert not luhn_valid(number)


@PROPERTY
@given(st.text(alphabet=DIGITS, min_size=1, max_size=25), st.sampled_from(DIGITS))
def test_luhn_exactly_one_check_digit(body: str, last: str) -> None:
    assert luhn_valid(body + last) == (last == luhn_check_digit(body))
