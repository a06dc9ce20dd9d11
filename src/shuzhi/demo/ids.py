"""Vectorized identifiers: 公民身份号码, 统一社会信用代码, bank-card numbers, mobile numbers.

Each checksum here is the numpy twin of a scalar reference function in
``shuzhi.standards.checksums`` (tests compare them on every generated value).
Identifiers are built as ASCII ``uint8`` matrices (one row per value) so a defect
can change one character without reformatting, then turned into text by
``text.from_matrix``.

>>> m = text.digit_matrix(np.array([11010519491231002]), 17)
>>> chr(gb11643_check(m - 48)[0])
'X'
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa

from shuzhi.demo import text
from shuzhi.standards.checksums import GB32100_ALPHABET

# GB 11643-1999: ISO 7064 MOD 11-2, weight_i = 2^(17-i) mod 11; check index = sum mod 11.
_GB11643_WEIGHTS = np.array([pow(2, 17 - i, 11) for i in range(17)], dtype=np.int64)
_GB11643_CHARS = np.frombuffer(b"10X98765432", dtype=np.uint8)

# GB 32100-2015: values are positions in the 31-character alphabet, weight_i = 3^(i-1) mod 31.
_GB32100_WEIGHTS = np.array([pow(3, i, 31) for i in range(17)], dtype=np.int64)
ALPHABET = np.frombuffer(GB32100_ALPHABET.encode(), dtype=np.uint8)
_ALPHABET_VALUE = np.full(256, -1, dtype=np.int64)
_ALPHABET_VALUE[ALPHABET] = np.arange(31)

# GB 11714-1997: digits are themselves, letters A=10 … Z=35; check = 11 - sum mod 11 (10 → X, 11 → 0).
_GB11714_WEIGHTS = np.array([3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)
_GB11714_VALUE = np.full(256, -1, dtype=np.int64)
_GB11714_VALUE[48:58] = np.arange(10)
_GB11714_VALUE[65:91] = np.arange(10, 36)
_GB11714_CHARS = np.frombuffer(b"0123456789X0", dtype=np.uint8)  # index = 11 - sum mod 11, 0..11

_ZERO = ord("0")
_CHECK_CHARS = np.frombuffer(b"0123456789X", dtype=np.uint8)


def gb11643_check(body: np.ndarray) -> np.ndarray:
    """Check characters (ASCII codes) for an n × 17 matrix of digit values 0–9."""
    return _GB11643_CHARS[(body.astype(np.int64) @ _GB11643_WEIGHTS) % 11]


def gb11714_check(body_ascii: np.ndarray) -> np.ndarray:
    """Check characters (ASCII codes) for an n × 8 matrix of 组织机构代码 body characters (ASCII)."""
    total = _GB11714_VALUE[body_ascii] @ _GB11714_WEIGHTS
    return _GB11714_CHARS[11 - total % 11]


def gb32100_check(body_ascii: np.ndarray) -> np.ndarray:
    """Check characters (ASCII codes) for an n × 17 matrix of 统一社会信用代码 characters (ASCII)."""
    total = _ALPHABET_VALUE[body_ascii] @ _GB32100_WEIGHTS
    return ALPHABET[(31 - total % 31) % 31]


def luhn_check(body: np.ndarray) -> np.ndarray:
    """Luhn check digits (values 0–9) for an n × m matrix of digit values; ISO/IEC 7812-1 Annex B."""
    m = body.shape[1]
    double = ((m - 1 - np.arange(m)) % 2 == 0)  # rightmost body digit is doubled
    d = body.astype(np.int64) * np.where(double, 2, 1)
    d = np.where(d > 9, d - 9, d)
    return (10 - d.sum(axis=1) % 10) % 10


def distinct(keys: np.ndarray, redraw: Callable[[np.ndarray], np.ndarray],
             exclude: np.ndarray | None = None) -> np.ndarray:
    """Make integer keys distinct (and not in ``exclude``) by redrawing only the colliding ones.

    ``redraw(mask)`` returns fresh keys for the positions where ``mask`` is true; the first
    occurrence of a key keeps it, so the result depends only on the random stream.
    """
    keys = keys.copy()
    while True:
        bad = np.ones(len(keys), dtype=bool)
        bad[np.unique(keys, return_index=True)[1]] = False
        if exclude is not None and len(exclude):
            bad |= np.isin(keys, exclude)
        if not bad.any():
            return keys
        keys[bad] = redraw(bad)


def sfzh_matrix(rng: np.random.Generator, area: np.ndarray, birth: np.ndarray, male: np.ndarray,
                exclude: np.ndarray | None = None) -> np.ndarray:
    """Valid, distinct 18-character 公民身份号码 (ASCII matrix) for the given area codes, birth dates and sexes.

    Layout (GB 11643 §4): area(6) + YYYYMMDD(8) + order(3, odd last digit = male) + check(1).
    ``exclude`` holds 17-digit bodies (int64, see :func:`sfzh_body_keys`) that must not be reused.
    """
    birth = birth.astype("datetime64[D]")
    year = birth.astype("datetime64[Y]").astype(np.int64) + 1970
    month = birth.astype("datetime64[M]").astype(np.int64) % 12 + 1
    day = (birth - birth.astype("datetime64[M]")).astype(np.int64) + 1
    prefix = area.astype(np.int64) * 10**11 + (year * 10000 + month * 100 + day) * 1000
    parity = male.astype(np.int64)

    def order(mask: np.ndarray) -> np.ndarray:
        k = int(mask.sum())
        return prefix[mask] + rng.integers(0, 100, k) * 10 + rng.integers(0, 5, k) * 2 + parity[mask]

    keys = distinct(order(np.ones(len(area), dtype=bool)), order, exclude)
    body = text.digit_matrix(keys, 17)
    return np.concatenate([body, gb11643_check(body - _ZERO)[:, None]], axis=1)


def corrupt_gb11643(rng: np.random.Generator, matrix: np.ndarray) -> np.ndarray:
    """Copies of 公民身份号码 (ASCII matrix) with a different, hence wrong, check character."""
    wrong = matrix.copy()
    pos = np.searchsorted(_CHECK_CHARS, wrong[:, 17])  # b"0"…b"9" < b"X": the table is sorted
    wrong[:, 17] = _CHECK_CHARS[(pos + rng.integers(1, 11, len(wrong))) % 11]
    return wrong


def corrupt_gb32100(rng: np.random.Generator, matrix: np.ndarray, org_check: np.ndarray) -> np.ndarray:
    """Copies of 统一社会信用代码 (ASCII matrix) that fail validation.

    Where ``org_check`` is true the embedded GB 11714 check (character 17) is changed and
    character 18 recomputed, so only a validator that checks the 组织机构代码 notices;
    elsewhere character 18 (GB 32100) is changed.
    """
    wrong = matrix.copy()
    k = int(org_check.sum())
    pos = np.searchsorted(_CHECK_CHARS, wrong[org_check, 16])
    wrong[org_check, 16] = _CHECK_CHARS[(pos + rng.integers(1, 11, k)) % 11]
    wrong[org_check, 17] = gb32100_check(wrong[org_check, :17])
    last = np.searchsorted(ALPHABET, wrong[~org_check, 17])
    wrong[~org_check, 17] = ALPHABET[(last + rng.integers(1, 31, len(wrong) - k)) % 31]
    return wrong


def sfzh_body_keys(matrix: np.ndarray) -> np.ndarray:
    """17-digit bodies of 公民身份号码 matrices as int64 (for uniqueness and exclusion)."""
    return (matrix[:, :17].astype(np.int64) - _ZERO) @ (10 ** np.arange(16, -1, -1, dtype=np.int64))


def uscc_matrix(rng: np.random.Generator, kind: np.ndarray, region: np.ndarray, new_style: np.ndarray,
                exclude: np.ndarray | None = None) -> np.ndarray:
    """Valid, distinct 统一社会信用代码 (ASCII matrix n × 18).

    ``kind`` holds the two leading characters (登记管理部门码 + 机构类别码, e.g. '91', 'N2');
    ``region`` the 6-digit 登记管理机关行政区划码; ``new_style`` picks a post-2015 主体标识码
    ('MA' + 6 characters) instead of an 8-digit legacy 组织机构代码. The 主体标识码 ends with
    its own GB 11714 check character and is unique among the generated codes and ``exclude``
    (keys from :func:`org_keys`).
    """
    n = len(kind)
    head = np.frombuffer("".join(kind).encode("ascii"), dtype=np.uint8).reshape(n, 2)

    def draw(mask: np.ndarray) -> np.ndarray:
        k = int(mask.sum())
        return np.where(new_style[mask], 10**8 + rng.integers(0, 31**6, k), rng.integers(0, 10**8, k))

    all_keys = distinct(draw(np.ones(n, dtype=bool)), draw, exclude)
    body = np.empty((n, 8), dtype=np.uint8)
    legacy = ~new_style
    body[legacy] = text.digit_matrix(all_keys[legacy], 8)
    nk = all_keys[new_style] - 10**8
    body[new_style, 0], body[new_style, 1] = ord("M"), ord("A")
    body[new_style, 2:] = ALPHABET[(nk[:, None] // 31 ** np.arange(5, -1, -1)) % 31]
    org = np.concatenate([body, gb11714_check(body)[:, None]], axis=1)
    code17 = np.concatenate([head, text.digit_matrix(region, 6), org], axis=1)
    return np.concatenate([code17, gb32100_check(code17)[:, None]], axis=1)


def org_keys(matrix: np.ndarray) -> np.ndarray:
    """Integer keys of the 主体标识码 bodies inside USCC matrices (see :func:`uscc_matrix`)."""
    body = matrix[:, 8:16]
    new = (body[:, 0] == ord("M")) & (body[:, 1] == ord("A"))
    legacy = (body.astype(np.int64) - _ZERO) @ (10 ** np.arange(7, -1, -1, dtype=np.int64))
    newk = _ALPHABET_VALUE[body[:, 2:]] @ (31 ** np.arange(5, -1, -1, dtype=np.int64))
    return np.where(new, 10**8 + newk, legacy)


# Issuer prefixes (BIN) of common debit cards and their card lengths: 工商银行, 建设银行,
# 农业银行, 中国银行, 交通银行, 招商银行, 邮储银行.
BANK_BINS = (("622202", 19, 24), ("621700", 19, 20), ("622848", 19, 18), ("621661", 19, 12),
             ("622262", 19, 8), ("622588", 16, 10), ("621799", 19, 8))

# Mobile number segments (号段) allocated to China Mobile, Unicom, Telecom and virtual operators.
MOBILE_SEGMENTS = (tuple(range(130, 140)) + (150, 151, 152, 153) + tuple(range(155, 160)) + (166,)
                   + tuple(range(170, 179)) + tuple(range(180, 190)) + (191, 198, 199))


def bank_cards(rng: np.random.Generator, n: int, bad: np.ndarray) -> pa.StringArray:
    """Bank-card numbers: BIN + account digits + Luhn check digit.

    Rows where ``bad`` is true get a wrong check digit (a ``bad_checksum`` defect).
    """
    weights = np.array([w for _, _, w in BANK_BINS], dtype=float)
    which = rng.choice(len(BANK_BINS), n, p=weights / weights.sum())
    parts, positions = [], []
    for i, (bin_, length, _) in enumerate(BANK_BINS):  # one pass per issuer, not per row
        rows = np.flatnonzero(which == i)
        body = np.concatenate([np.tile(np.frombuffer(bin_.encode(), dtype=np.uint8) - _ZERO, (len(rows), 1)),
                               rng.integers(0, 10, (len(rows), length - 7))], axis=1)
        check = luhn_check(body)
        wrong = bad[rows]
        check[wrong] = (check[wrong] + rng.integers(1, 10, int(wrong.sum()))) % 10
        full = np.concatenate([body, check[:, None]], axis=1).astype(np.uint8) + _ZERO
        parts.append(text.from_matrix(full))
        positions.append(rows)
    order = np.argsort(np.concatenate(positions), kind="stable")
    return pa.concat_arrays(parts).take(pa.array(order))


def mobiles(rng: np.random.Generator, n: int) -> np.ndarray:
    """11-digit mobile numbers (ASCII matrix) on real segments."""
    seg = np.array(MOBILE_SEGMENTS, dtype=np.int64)[rng.integers(0, len(MOBILE_SEGMENTS), n)]
    return text.digit_matrix(seg * 10**8 + rng.integers(0, 10**8, n), 11)
