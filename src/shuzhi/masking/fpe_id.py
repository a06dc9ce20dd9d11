"""Format-preserving encryption of 公民身份号码 that keeps the number valid (GB 11643-1999).

An 18-character number is area (6) · birth date (8) · sequence (3, the last digit odd for men) ·
check character. The parts named in ``keep`` pass through; the others are encrypted together as one
number with FF1 and cycle walking, so the result is again a real calendar date and a sequence
of the same sex when sex is kept; the check character is recomputed, so the output passes every
GB 11643 validator and joins on itself across datasets.

The area is never encrypted (a quasi-identifier, not a secret): it passes through, or with
``area="city"`` / ``"province"`` is generalized to its GB/T 2260 prefecture (320102 → 320100) or
province (→ 320000) code, which is again a valid area code. Generalizing loses the county for good:
decryption restores the birth date and sequence, not the county.

The encrypted domain is (days from 1900-01-01 to 2099-12-31 when the birth date is encrypted) ×
(sequences: 1000, or 500 when sex is kept). NIST SP 800-38G Rev. 1 requires at least 10^6, so
keeping both birth date and sex (500 values) or the birth date alone (1000) is refused.

With ``birth="decade"`` the birth date is generalized rather than hidden: its decade stays (a
number born 1985-06-12 comes out born some day of 1980–1989) and the day within the decade is
encrypted with the sequence (3,653 days × 1000 or 500 sequences, above 10^6; a decade of 3,652 days
is cycle-walked). Ages by decade stay right, and decryption still restores the date. A year or a
month would leave fewer than 10^6 values (366 × 1000), and are not offered.

Values that are not 18-character numbers with a birth date in that range come out NULL: passing
them through would leak them, and they cannot be encrypted into a valid number.

>>> import pyarrow as pa
>>> out = encrypt_ids(b"k" * 32, pa.array(["11010519491231002X", "12345", None]), keep=("area", "sex"))
>>> first = out[0].as_py(); first[:6], len(first), first != "11010519491231002X", out[1:].to_pylist()
('110105', 18, True, [None, None])
>>> decrypt_ids(b"k" * 32, out, keep=("area", "sex")).to_pylist()
['11010519491231002X', None, None]
>>> city = encrypt_ids(b"k" * 32, pa.array(["11010519491231002X"]), area="city")
>>> city[0].as_py()[:6], decrypt_ids(b"k" * 32, city, area="city")[0].as_py()[:14]
('110100', '11010019491231')
>>> decade = encrypt_ids(b"k" * 32, pa.array(["11010519491231002X"]), birth="decade")
>>> decade[0].as_py()[6:9], decrypt_ids(b"k" * 32, decade, birth="decade").to_pylist()
('194', ['11010519491231002X'])
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from shuzhi.errors import ConfigError
from shuzhi.security import ff1

PARTS = ("area", "birth", "sex")
#: how much of the area code stays: the county (all six digits), the prefecture (four) or the province (two)
AREAS = {"county": 6, "city": 4, "province": 2}
#: how much of an encrypted birth date stays: nothing (any date of 1900–2099) or its decade
BIRTHS = ("date", "decade")
_FIRST, _LAST = np.datetime64("1900-01-01"), np.datetime64("2099-12-31")
_DAYS = int((_LAST - _FIRST).astype(int)) + 1
_DECADE_DAYS = 3653  # the longest decade: three leap days
# GB 11643-1999 §5.2: W_i = 2^(18-i) mod 11; check value (12 - Σ mod 11) mod 11, 10 → X
_WEIGHTS = np.array([pow(2, 17 - i, 11) for i in range(17)], dtype=np.int64)
_CHECK_CODES = np.array([ord(c) for c in "10X98765432"], dtype=np.int64)


def domain(keep: Sequence[str], birth: str = "date") -> int:
    unknown = set(keep) - set(PARTS)
    if unknown:
        raise ConfigError(f"身份证号保形加密的 keep 只能是 {'、'.join(PARTS)}，不能是 {sorted(unknown)}",
                          f"keep for ID numbers takes {', '.join(PARTS)}, not {sorted(unknown)}")
    if birth not in BIRTHS:
        raise ConfigError(f"身份证号的出生日期只能是 {'、'.join(BIRTHS)}，不能是 {birth!r}",
                          f"the birth date of an ID number is encrypted as a {' or a '.join(BIRTHS)}, not {birth!r}")
    if birth != "date" and "birth" in keep:
        raise ConfigError(f"birth: {birth} 概化出生日期，与 keep 中的 birth（原样保留）矛盾",
                          f"birth: {birth} generalizes the birth date, which keep: birth passes through unchanged")
    days = 1 if "birth" in keep else _DAYS if birth == "date" else _DECADE_DAYS
    size = days * (500 if "sex" in keep else 1000)
    if size < ff1.MIN_DOMAIN:
        raise ConfigError(f"保留 {'、'.join(keep)} 后只剩 {size} 种取值，低于 NIST SP 800-38G 要求的 10^6：请少保留一部分（如不保留出生日期）",
                          f"keeping {', '.join(keep)} leaves {size} values, below the 10^6 NIST SP 800-38G requires: keep less (e.g. not the birth date)")
    return size


def _matrix(values: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The values as an (n, 18) matrix of code points, and which are 18 characters long."""
    shaped = pc.fill_null(pc.equal(pc.utf8_length(values), 18), False)
    text = pc.if_else(shaped, values, "0" * 18).to_numpy(zero_copy_only=False).astype("U18")
    return np.ascontiguousarray(text).view(np.uint32).reshape(len(values), 18), shaped.to_numpy(zero_copy_only=False).copy()


def _split(values: pa.Array, keep: Sequence[str], birth: str, size: int) -> tuple[np.ndarray, ...]:
    """Per value: the digits of the 17-digit body, whether it can be encrypted, the number to encrypt,
    the parity of the sequence, the first day the encrypted date counts from, and the end of the
    values valid for it (the domain ``size``, or less for a decade of 3,652 days)."""
    codes, ok = _matrix(values)
    body = codes[:, :17].astype(np.int64) - ord("0")
    ok &= ((body >= 0) & (body <= 9)).all(axis=1)
    body = np.where(ok[:, None], body, 0)
    year = body[:, 6:10] @ np.array([1000, 100, 10, 1])
    month, day = body[:, 10] * 10 + body[:, 11], body[:, 12] * 10 + body[:, 13]
    first_of_month = (np.clip(year, 1, 9999) - 1970).astype("datetime64[Y]") + (np.clip(month, 1, 12) - 1).astype("timedelta64[M]")
    date = first_of_month.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
    ok &= (month >= 1) & (month <= 12) & (day >= 1) & (date.astype("datetime64[M]") == first_of_month)
    ok &= (date >= _FIRST) & (date <= _LAST)
    seq_size = 500 if "sex" in keep else 1000
    if birth == "decade":
        decade = (np.clip(year, 1900, 2099) // 10 * 10 - 1970).astype("datetime64[Y]")
        origin = decade.astype("datetime64[D]")
        limit = ((decade + np.timedelta64(10, "Y")).astype("datetime64[D]") - origin).astype(np.int64) * seq_size
    else:
        origin, limit = np.full(len(ok), _FIRST), np.full(len(ok), size)
    days = (date - origin).astype(np.int64)
    seq = body[:, 14] * 100 + body[:, 15] * 10 + body[:, 16]
    seq_index = (seq // 10 * 5 + (seq % 10) // 2) if "sex" in keep else seq
    x = seq_index if "birth" in keep else days * seq_size + seq_index
    return body, ok, np.where(ok, x, 0), seq % 2, origin, limit


def _walk(key: bytes, x: np.ndarray, size: int, limit: np.ndarray, cipher: str, *, decrypt: bool, tweak: bytes) -> np.ndarray:
    """FF1 on the decimal digits of ``x`` (one width for the whole domain of ``size`` values),
    cycle-walked back into each value's [0, limit)."""
    width = len(str(size - 1))
    powers = 10 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    y = x.copy()
    todo = np.ones(len(y), dtype=bool)
    while todo.any():
        digits = ff1.digits(key, y[todo, None] // powers % 10, tweak=tweak, cipher=cipher, decrypt=decrypt)
        y[todo] = digits.astype(np.int64) @ powers
        todo[todo] = y[todo] >= limit[todo]
    return y


def _area_digits(area: str) -> int:
    if area not in AREAS:
        raise ConfigError(f"身份证号的地址码只能概化为 {'、'.join(AREAS)}，不能是 {area!r}",
                          f"the area of an ID number generalizes to {', '.join(AREAS)}, not {area!r}")
    return AREAS[area]


def _join(body: np.ndarray, ok: np.ndarray, y: np.ndarray, parity: np.ndarray, origin: np.ndarray, keep: Sequence[str],
          area: str) -> pa.Array:
    seq_size = 500 if "sex" in keep else 1000
    seq_index = y if "birth" in keep else y % seq_size
    seq = (seq_index // 5 * 10 + (seq_index % 5) * 2 + parity) if "sex" in keep else seq_index
    out = body.copy()
    if "birth" not in keep:
        date = origin + (y // seq_size).astype("timedelta64[D]")
        year = date.astype("datetime64[Y]").astype(np.int64) + 1970
        month = date.astype("datetime64[M]").astype(np.int64) % 12 + 1
        day = (date - date.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64) + 1
        for i, (number, place) in enumerate([(year, 1000), (year, 100), (year, 10), (year, 1), (month, 10), (month, 1), (day, 10), (day, 1)]):
            out[:, 6 + i] = number // place % 10
    out[:, 14], out[:, 15], out[:, 16] = seq // 100, seq // 10 % 10, seq % 10
    out[:, _area_digits(area):6] = 0  # 320102 → 320100 (city) or 320000 (province)
    check = _CHECK_CODES[(out @ _WEIGHTS) % 11]
    codes = np.concatenate([out + ord("0"), check[:, None]], axis=1).astype(np.uint32)
    return pa.array(np.ascontiguousarray(codes).view("U18").ravel(), type=pa.string(), mask=~ok)


def _run(key: bytes, values: pa.Array, keep: Sequence[str], cipher: str, tweak: bytes, area: str, birth: str, *,
         decrypt: bool) -> pa.Array:
    _area_digits(area)
    size = domain(keep, birth)
    body, ok, x, parity, origin, limit = _split(values, keep, birth, size)
    return _join(body, ok, _walk(key, x, size, limit, cipher, decrypt=decrypt, tweak=tweak), parity, origin, keep, area)


def encrypt_ids(key: bytes, values: pa.Array, *, keep: Sequence[str] = ("area",), cipher: str = "aes",
                tweak: bytes = b"", area: str = "county", birth: str = "date") -> pa.Array:
    """Encrypt the parts of each 公民身份号码 not in ``keep``, the area generalized to ``area`` and the birth
    date to ``birth``; see the module docstring."""
    return _run(key, values, keep, cipher, tweak, area, birth, decrypt=False)


def decrypt_ids(key: bytes, values: pa.Array, *, keep: Sequence[str] = ("area",), cipher: str = "aes",
                tweak: bytes = b"", area: str = "county", birth: str = "date") -> pa.Array:
    """The inverse of :func:`encrypt_ids` with the same key, ``keep``, tweak, ``area`` and ``birth``
    (a generalized area stays so)."""
    return _run(key, values, keep, cipher, tweak, area, birth, decrypt=True)
