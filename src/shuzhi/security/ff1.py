"""FF1 format-preserving encryption (NIST SP 800-38G Rev. 1), vectorized across many values.

A value keeps its length and alphabet: a 19-digit bank card encrypts to 19 digits. Values are
grouped by length and each group goes through the Feistel rounds as numpy arrays; the PRF's
CBC-MAC encrypts every value's block of one CBC step in a single ECB call. The block cipher is
AES (16/24/32-byte key) or SM4 (16-byte key).

Within the fast range — radix 10 up to 32 characters, radix 36 up to 20 — the arithmetic stays
in uint64 arrays; longer values (up to ``MAX_LEN``) use arrays of Python integers, correct but
slower. None stays None, and results come back in input order.

>>> key = bytes.fromhex("2B7E151628AED2A6ABF7158809CF4F3C")  # NIST SP 800-38G FF1 sample 1
>>> encrypt(key, ["0123456789", None])
['2433477484', None]
>>> decrypt(key, ["2433477484"])
['0123456789']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from shuzhi.errors import ConfigError
from shuzhi.security.blocks import Ecb

DIGITS = "0123456789"
ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyz"
#: SP 800-38G Rev. 1 §5.2: radix ∈ [2, 2^16] and radix^minlen ≥ 1,000,000
MIN_DOMAIN = 1_000_000
MAX_RADIX = 2**16
#: practical limits, far inside the standard's maxlen ≤ 2^32
MAX_LEN = 256
MAX_TWEAK = 256

# values per batch: big enough to amortize numpy's per-call cost, small enough to stay in cache
_CHUNK = 1 << 15


def domain_ok(radix: int, length: int) -> bool:
    """Whether FF1 may encrypt values of this length over an alphabet of this size.

    >>> domain_ok(10, 6), domain_ok(10, 5), domain_ok(36, 4)
    (True, False, True)
    """
    return 2 <= radix <= MAX_RADIX and 2 <= length <= MAX_LEN and radix**length >= MIN_DOMAIN


def encrypt(key: bytes, values: Sequence[str | None] | np.ndarray, *, tweak: bytes = b"",
            alphabet: str = DIGITS, cipher: str = "aes") -> list[str | None]:
    """Encrypt each value with FF1; None stays None.

    >>> key = bytes.fromhex("2B7E151628AED2A6ABF7158809CF4F3C")
    >>> encrypt(key, ["0123456789abcdefghi"], tweak=bytes.fromhex("3737373770717273373737"),
    ...         alphabet=ALPHANUMERIC)
    ['a9tv40mll9kdu509eum']
    """
    return _run(key, values, tweak, alphabet, cipher, decrypting=False)


def decrypt(key: bytes, values: Sequence[str | None] | np.ndarray, *, tweak: bytes = b"",
            alphabet: str = DIGITS, cipher: str = "aes") -> list[str | None]:
    """Invert :func:`encrypt` (same key, tweak, alphabet and cipher).

    >>> key = bytes(16)
    >>> decrypt(key, encrypt(key, ["13800138000"], cipher="sm4"), cipher="sm4")
    ['13800138000']
    """
    return _run(key, values, tweak, alphabet, cipher, decrypting=True)


def digits(key: bytes, x: np.ndarray, *, radix: int = 10, tweak: bytes = b"", cipher: str = "aes",
           decrypt: bool = False) -> np.ndarray:
    """FF1 on numerals already split into digits: an (N, n) array of digits below ``radix``, one
    value per row, all of one length — what callers that hold their values as numbers or bytes
    use, with no strings in between.

    >>> key = bytes.fromhex("2B7E151628AED2A6ABF7158809CF4F3C")
    >>> digits(key, np.array([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]])).tolist()
    [[2, 4, 3, 3, 4, 7, 7, 4, 8, 4]]
    """
    ecb = Ecb(key, cipher)
    _check_tweak(tweak)
    if not 2 <= radix <= MAX_RADIX:
        raise ConfigError(f"基数须在 2 到 {MAX_RADIX} 之间，实为 {radix}", f"the radix must be 2 to {MAX_RADIX}, found {radix}")
    if x.ndim != 2 or (x.size and (x.min() < 0 or x.max() >= radix)):
        raise ConfigError(f"数字须为 (值, 位) 二维数组，每位小于基数 {radix}",
                          f"digits must be a 2-D (value, position) array, each below the radix {radix}")
    _check_length(radix, x.shape[1])
    parts = [_ff1(ecb, x[lo:lo + _CHUNK].astype(np.uint16), radix, bytes(tweak), decrypting=decrypt)
             for lo in range(0, len(x), _CHUNK)]
    return np.concatenate(parts) if parts else x.astype(np.uint16)


def _check_tweak(tweak: object) -> None:
    if not isinstance(tweak, bytes | bytearray) or len(tweak) > MAX_TWEAK:
        raise ConfigError(f"tweak 须为不超过 {MAX_TWEAK} 字节的 bytes", f"the tweak must be bytes, at most {MAX_TWEAK} long")


def _run(key: bytes, values: Sequence[str | None] | np.ndarray, tweak: bytes, alphabet: str,
         cipher: str, *, decrypting: bool) -> list[str | None]:
    ecb = Ecb(key, cipher)
    alpha = _alphabet(alphabet)
    _check_tweak(tweak)
    items = np.empty(len(values), dtype=object)
    items[:] = values.tolist() if isinstance(values, np.ndarray) else list(values)
    present = np.flatnonzero(np.not_equal(items, None))
    try:
        lengths = np.fromiter(map(len, items[present]), dtype=np.int64, count=len(present))
    except TypeError:
        raise ConfigError("待加密的值须为字符串或 None", "values must be strings or None") from None
    order = present[np.argsort(lengths, kind="stable")]
    sizes, starts = np.unique(np.sort(lengths), return_index=True)
    for n in sizes.tolist():
        _check_length(alpha.radix, n)
    out = np.full(len(items), None, dtype=object)
    bounds = [*starts.tolist(), len(order)]
    for n, start, end in zip(sizes.tolist(), bounds[:-1], bounds[1:], strict=True):
        for lo in range(start, end, _CHUNK):
            rows = order[lo:min(lo + _CHUNK, end)]
            digits = _to_digits(alpha, items[rows], n, rows)
            result = _ff1(ecb, digits, alpha.radix, bytes(tweak), decrypting=decrypting)
            out[rows] = alpha.codes[result].view(f"<U{n}").ravel()
    return out.tolist()


@dataclass(frozen=True)
class _Alphabet:
    radix: int
    codes: np.ndarray  # digit → code point (uint32)
    lookup: np.ndarray  # code point → digit, -1 if not in the alphabet; the last entry covers larger ones


def _alphabet(chars: str) -> _Alphabet:
    if not isinstance(chars, str):
        raise ConfigError("字母表须为字符串", f"the alphabet must be a str, found {type(chars).__name__}")
    return _build_alphabet(chars)


@lru_cache(maxsize=32)
def _build_alphabet(chars: str) -> _Alphabet:
    if not 2 <= len(chars) <= MAX_RADIX or len(set(chars)) != len(chars) or "\0" in chars:
        raise ConfigError(f"字母表须为 2 到 {MAX_RADIX} 个互不相同的字符（不含 NUL）",
                          f"the alphabet must be 2 to {MAX_RADIX} distinct characters (no NUL)")
    codes = np.frombuffer(chars.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    lookup = np.full(int(codes.max()) + 2, -1, dtype=np.int32)
    lookup[codes] = np.arange(len(chars), dtype=np.int32)
    return _Alphabet(len(chars), codes, lookup)


def _check_length(radix: int, n: int) -> None:
    if n > MAX_LEN:
        raise ConfigError(f"值长度 {n} 超过 FF1 的上限 {MAX_LEN}", f"value length {n} exceeds the FF1 limit of {MAX_LEN}",
                          length=n)
    if not domain_ok(radix, n):
        raise ConfigError(
            f"长度为 {n} 的值取值空间 {radix}^{n} 小于 10^6（NIST SP 800-38G Rev.1 要求 radix^minlen ≥ 1,000,000），不能用 FF1 加密",
            f"values of length {n} have a domain of {radix}^{n}, below 10^6 (NIST SP 800-38G Rev.1 requires "
            "radix^minlen ≥ 1,000,000); FF1 refuses them", radix=radix, length=n)


def _to_digits(alpha: _Alphabet, strings: np.ndarray, n: int, rows: np.ndarray) -> np.ndarray:
    try:
        text = "".join(strings.tolist())
    except TypeError:
        raise ConfigError("待加密的值须为字符串或 None", "values must be strings or None") from None
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").reshape(len(strings), n)
    digits = alpha.lookup[np.minimum(codes, len(alpha.lookup) - 1)]
    if digits.min() < 0:
        # name the character and the value's position, never the value itself (it is sensitive)
        row, col = np.argwhere(digits < 0)[0]
        char = chr(codes[row, col])
        raise ConfigError(f"第 {rows[row]} 个值含有不在字母表中的字符 {char!r}",
                          f"value #{rows[row]} has a character not in the alphabet: {char!r}",
                          character=char, index=int(rows[row]))
    return digits.astype(np.uint16)


def _ff1(ecb: Ecb, x: np.ndarray, radix: int, tweak: bytes, *, decrypting: bool) -> np.ndarray:
    """SP 800-38G Algorithms 7 (encrypt) and 8 (decrypt) on an (N, n) array of digits."""
    n = x.shape[1]
    u, v = n // 2, n - n // 2
    b = ((radix**v - 1).bit_length() + 7) // 8  # step 3: ⌈⌈v·log2(radix)⌉/8⌉, exact in integers
    d = 4 * ((b + 3) // 4) + 4  # step 4
    arith: _Arith = _Words() if ((d - 8) * 255 + 2) * radix**v < 2**64 else _Ints()
    p = (bytes([1, 2, 1]) + radix.to_bytes(3, "big") + bytes([10, u % 256]) + n.to_bytes(4, "big")
         + len(tweak).to_bytes(4, "big"))  # step 5
    r0 = ecb.one(np.frombuffer(p, dtype=np.uint8))  # P is the first CBC-MAC block of every round and value
    a, c = arith.num(x[:, :u], radix), arith.num(x[:, u:], radix)
    for i in (reversed(range(10)) if decrypting else range(10)):
        m = radix ** (u if i % 2 == 0 else v)
        if decrypting:
            y = _round_y(ecb, arith, r0, tweak, i, a, b, d, m)
            a, c = (c + (m - y)) % m, a
        else:
            y = _round_y(ecb, arith, r0, tweak, i, c, b, d, m)
            a, c = c, (a + y) % m
    return np.concatenate([arith.digits(a, u, radix), arith.digits(c, v, radix)], axis=1)


def _round_y(ecb: Ecb, arith: _Arith, r0: np.ndarray, tweak: bytes, i: int, num: Any, b: int, d: int,
             m: int) -> Any:
    # step 6.i: Q = T || [0]^((−t−b−1) mod 16) || [i]^1 || [NUM(B)]^b; the bytes before NUM(B) are
    # the same for every value, so whole blocks of them are chained once, not per value
    head = tweak + bytes((-len(tweak) - b - 1) % 16) + bytes([i])
    shared = len(head) // 16 * 16
    state = r0
    for k in range(0, shared, 16):
        state = ecb.one(state ^ np.frombuffer(head[k:k + 16], dtype=np.uint8))
    q = np.zeros((len(num), len(head) - shared + b), dtype=np.uint8)
    q[:, : len(head) - shared] = np.frombuffer(head[shared:], dtype=np.uint8)
    q[:, len(head) - shared:] = arith.to_bytes(num, b)
    r = state
    for k in range(0, q.shape[1], 16):  # step 6.ii: R = PRF(P || Q), one ECB call per CBC step
        r = ecb.blocks(q[:, k:k + 16] ^ r)
    # step 6.iii: S = R || CIPH(R ⊕ [1]^16) || … || CIPH(R ⊕ [⌈d/16⌉−1]^16), first d bytes
    more = [ecb.blocks(r ^ np.frombuffer(j.to_bytes(16, "big"), dtype=np.uint8)) for j in range(1, -(-d // 16))]
    s = np.concatenate([r, *more], axis=1)[:, :d] if more else r[:, :d]
    return arith.y_mod(s, m)  # step 6.iv–vi only need y mod radix^m


class _Arith(Protocol):
    """Integers below radix^n as arrays: uint64 in the fast range, Python ints beyond it."""

    def num(self, digits: np.ndarray, radix: int) -> Any: ...
    def to_bytes(self, x: Any, b: int) -> np.ndarray: ...
    def y_mod(self, s: np.ndarray, m: int) -> Any: ...
    def digits(self, x: Any, width: int, radix: int) -> np.ndarray: ...


class _Words:
    """uint64 arithmetic; _ff1 picks it only when ((d−8)·255 + 2)·radix^v < 2^64, so nothing overflows."""

    def num(self, digits: np.ndarray, radix: int) -> np.ndarray:
        x = np.zeros(len(digits), dtype=np.uint64)
        for col in digits.T:
            x = x * np.uint64(radix) + col
        return x

    def to_bytes(self, x: np.ndarray, b: int) -> np.ndarray:
        return x.astype(">u8").view(np.uint8).reshape(-1, 8)[:, 8 - b:]

    def y_mod(self, s: np.ndarray, m: int) -> np.ndarray:
        d = s.shape[1]  # 8 or 12 here; the last 8 bytes are one big-endian word, the rest are weighted
        acc = s[:, d - 8:].view(">u8")[:, 0] % np.uint64(m)
        for j in range(d - 8):
            acc += s[:, j] * np.uint64(pow(256, d - 1 - j, m))
        return acc % np.uint64(m) if d > 8 else acc

    def digits(self, x: np.ndarray, width: int, radix: int) -> np.ndarray:
        out = np.empty((len(x), width), dtype=np.uint16)
        for j in reversed(range(width)):
            x, out[:, j] = np.divmod(x, np.uint64(radix))
        return out


class _Ints:
    """Object arrays of Python ints, built from uint64 chunks of digits to keep the slow part short."""

    def num(self, digits: np.ndarray, radix: int) -> np.ndarray:
        x = np.zeros(len(digits), dtype=object)
        step = _chunk_digits(radix)
        for k in range(0, digits.shape[1], step):
            part = digits[:, k:k + step]
            x = x * radix ** part.shape[1] + _Words().num(part, radix).astype(object)
        return x

    def to_bytes(self, x: np.ndarray, b: int) -> np.ndarray:
        words = -(-b // 8)
        cols = [((x >> (64 * (words - 1 - k))) & (2**64 - 1)).astype(np.uint64) for k in range(words)]
        return np.stack(cols, axis=1).astype(">u8").view(np.uint8)[:, 8 * words - b:]

    def y_mod(self, s: np.ndarray, m: int) -> np.ndarray:
        padded = np.zeros((len(s), -(-s.shape[1] // 8) * 8), dtype=np.uint8)
        padded[:, padded.shape[1] - s.shape[1]:] = s
        y = np.zeros(len(s), dtype=object)
        for word in padded.view(">u8").T:
            y = (y << 64) | word.astype(np.uint64).astype(object)
        return y % m

    def digits(self, x: np.ndarray, width: int, radix: int) -> np.ndarray:
        out = np.empty((len(x), width), dtype=np.uint16)
        step = _chunk_digits(radix)
        for end in range(width, 0, -step):
            w = min(step, end)
            x, part = x // radix**w, x % radix**w
            out[:, end - w:end] = _Words().digits(part.astype(np.uint64), w, radix)
        return out


def _chunk_digits(radix: int) -> int:
    """How many digits fit in one uint64 word."""
    k = 1
    while radix ** (k + 1) < 2**64:
        k += 1
    return k
