"""Check characters of Chinese identifiers, as pure functions (reference implementations).

These are used to generate and to test; engine-side validators (later) must agree
with them on every input.

>>> gb11643_check_char("11010519491231002")
'X'
>>> gb32100_check_char("91110000600037341")
'L'
>>> gb11714_check_char("60003734")
'1'
>>> luhn_valid("6222021234567890126")
False
"""

from __future__ import annotations

# GB 11643-1999 §4-5: ISO 7064 MOD 11-2 over the 17 body digits; weight_i = 2^(17-i) mod 11.
_GB11643_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_GB11643_CHARS = "10X98765432"  # index = sum mod 11

# GB 32100-2015 §4: 31-character set (no I, O, Z, S, V); weight_i = 3^(i-1) mod 31.
GB32100_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_GB32100_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

# GB 11714-1997 §5: 8 body characters (digits, A=10 … Z=35), weights below, MOD 11.
_GB11714_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def gb11643_check_char(body17: str) -> str:
    """Check character of a 公民身份号码 given its first 17 digits."""
    if len(body17) != 17 or not body17.isdigit() or not body17.isascii():
        raise ValueError("GB 11643 body must be 17 ASCII digits")
    total = sum(int(c) * w for c, w in zip(body17, _GB11643_WEIGHTS))
    return _GB11643_CHARS[total % 11]


def gb11643_valid(number: str) -> bool:
    """Checksum-only test of an 18-character 公民身份号码 (no date or area checks)."""
    return (
        len(number) == 18
        and number[:17].isdigit()
        and number[:17].isascii()
        and gb11643_check_char(number[:17]) == number[17].upper()
    )


def gb11714_check_char(body8: str) -> str:
    """Check character of a 组织机构代码 (GB 11714) given its 8 body characters."""
    body8 = body8.upper()
    if len(body8) != 8 or not body8.isalnum() or not body8.isascii():
        raise ValueError("GB 11714 body must be 8 ASCII letters or digits")
    total = sum(int(c, 36) * w for c, w in zip(body8, _GB11714_WEIGHTS))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def gb11714_valid(code: str) -> bool:
    """Test a 9-character 组织机构代码 (with or without the hyphen before the check)."""
    code = code.upper()
    if len(code) == 10 and code[8] == "-":  # printed form XXXXXXXX-X; a hyphen anywhere else is invalid
        code = code[:8] + code[9]
    return len(code) == 9 and code[:8].isalnum() and code[:8].isascii() and gb11714_check_char(code[:8]) == code[8]


def gb32100_check_char(body17: str) -> str:
    """Check character of a 统一社会信用代码 given its first 17 characters."""
    body17 = body17.upper()
    if len(body17) != 17 or any(c not in GB32100_ALPHABET for c in body17):
        raise ValueError("GB 32100 body must be 17 characters of 0-9 and A-Y without I, O, Z, S, V")
    total = sum(GB32100_ALPHABET.index(c) * w for c, w in zip(body17, _GB32100_WEIGHTS))
    return GB32100_ALPHABET[(31 - total % 31) % 31]


def gb32100_valid(code: str, *, check_org_code: bool = True) -> bool:
    """Test an 18-character 统一社会信用代码, including (by default) the embedded GB 11714 code.

    The first character (登记管理部门码) may be a digit or a letter such as N or Y,
    which is why this does not reject letter-first codes.
    """
    code = code.upper()
    if len(code) != 18 or any(c not in GB32100_ALPHABET for c in code):
        return False
    if not code[2:8].isdigit():
        return False
    if gb32100_check_char(code[:17]) != code[17]:
        return False
    return not check_org_code or gb11714_check_char(code[8:16]) == code[16]


def luhn_check_digit(body: str) -> str:
    """Luhn (ISO/IEC 7812-1 Annex B) check digit for a bank-card number body."""
    if not body or not body.isdigit() or not body.isascii():
        raise ValueError("Luhn body must be one or more ASCII digits")
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    """Luhn test of a digit string (spaces already removed)."""
    return len(number) >= 2 and number.isdigit() and number.isascii() and luhn_check_digit(number[:-1]) == number[-1]
