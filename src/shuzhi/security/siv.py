"""SIV deterministic authenticated encryption of whole columns at once (see :mod:`shuzhi.security.crypto`
for what the tokens are for and the constructions' definitions).

Values of equal length go through each step together, as the rows of one matrix
(:meth:`shuzhi.security.blocks.Ragged.by_length`): the CMAC of S2V takes one ECB call per CBC step
for all of them, and CTR one ECB call for all their counter blocks. Only ``sm4-siv`` computes its
IV value by value (an HMAC-SM3 each).

>>> key = bytes(range(32))
>>> r = blocks.Ragged.of(pa.array([b"13800138000"]))
>>> tokens = list(encrypt(key, r.by_length(), tweak=b"t", alg="sm4-cmac-siv"))
>>> [(rows.tolist(), m.shape) for rows, m in tokens]
[([0], (1, 27))]
>>> plain, bad = decrypt(key, tokens, tweak=b"t", alg="sm4-cmac-siv")
>>> [m.tobytes() for _, m in plain], bad
([b'13800138000'], [])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
import pyarrow as pa
from cryptography.hazmat.primitives import cmac, hashes, hmac

from shuzhi.security import blocks
from shuzhi.security.blocks import Ecb, Piece

#: algorithm → block cipher; ``sm4-siv`` is the HMAC-SM3 construction, the others RFC 5297
CIPHER = {"aes-siv": "aes", "sm4-cmac-siv": "sm4", "sm4-siv": "sm4"}
_IV = 16
# RFC 5297 §2.6: Q = V with the top bits of its last two 32-bit words cleared
_CLEAR = np.full(_IV, 0xFF, dtype=np.uint8)
_CLEAR[[8, 12]] = 0x7F


def encrypt(key: bytes, pieces: Iterable[Piece], *, tweak: bytes, alg: str) -> Iterator[Piece]:
    """``IV || ciphertext`` of every row of each piece (rows of equal length). The caller checks the key."""
    siv = _Siv(key, tweak, alg)
    for rows, m in pieces:
        iv = siv.iv(m)
        yield rows, np.concatenate([iv, siv.ctr(iv, m)], axis=1)


def decrypt(key: bytes, pieces: Iterable[Piece], *, tweak: bytes, alg: str) -> tuple[list[Piece], list[int]]:
    """The plaintext pieces, and the rows that do not decrypt — too short, altered, or made with
    another key or tweak — which are in no piece."""
    siv = _Siv(key, tweak, alg)
    plain, bad = [], []
    for rows, m in pieces:
        if m.shape[1] < _IV:
            bad += rows.tolist()
            continue
        iv = m[:, :_IV]
        p = siv.ctr(iv, m[:, _IV:])
        forged = np.any(siv.iv(p) != iv, axis=1)
        bad += rows[forged].tolist()
        plain.append((rows[~forged], p[~forged]))
    return plain, bad


class _Siv:
    def __init__(self, key: bytes, tweak: bytes, alg: str) -> None:
        cipher = CIPHER[alg]
        self.cipher = Ecb(key[16:], cipher)
        self.rfc = alg != "sm4-siv"
        if self.rfc:
            self.mac = Ecb(key[:16], cipher)
            algorithm = blocks.CIPHERS[cipher][0](key[:16])
            self.sub1 = _dbl(self.mac.one(bytes(_IV)))
            self.sub2 = _dbl(self.sub1)
            # S2V over (tweak, plaintext): D = dbl(CMAC(<zero>)) ⊕ CMAC(tweak), the same for every value
            self.d = _dbl(_cmac(algorithm, bytes(_IV))) ^ _cmac(algorithm, tweak)
        else:
            mac = hmac.HMAC(key[:16], hashes.SM3())
            mac.update(len(tweak).to_bytes(8, "big") + tweak)
            self.hmac = mac.copy

    def iv(self, m: np.ndarray) -> np.ndarray:
        """The synthetic IV of every row."""
        return self._s2v(m) if self.rfc else self._hmac_iv(m)

    def ctr(self, iv: np.ndarray, m: np.ndarray) -> np.ndarray:
        """``m`` ⊕ the keystream; the counter starts at the IV (bits cleared for RFC 5297) and counts up
        as one 128-bit big-endian integer."""
        rows, n = m.shape
        nb = -(-n // 16)
        if not nb:
            return m.copy()
        q = iv & _CLEAR if self.rfc else iv
        hi = q[:, :8].copy().view(">u8").astype(np.uint64)
        lo = q[:, 8:].copy().view(">u8").astype(np.uint64)
        low = lo + np.arange(nb, dtype=np.uint64)  # wraps modulo 2^64; the carry goes to the high word
        high = hi + (low < lo)
        counters = np.stack([high, low], axis=-1).astype(">u8").view(np.uint8).reshape(rows, nb * 16)
        return m ^ self.cipher.blocks(counters)[:, :n]

    def _s2v(self, m: np.ndarray) -> np.ndarray:
        """RFC 5297 §2.4 S2V of every row with ``D`` precomputed: a value of 16 bytes or more has ``D``
        xor-ed into its last 16 bytes, a shorter one is padded and xor-ed with dbl(D); then CMAC (RFC
        4493): the last block padded and xor-ed with subkey K2, or whole and xor-ed with K1."""
        rows, n = m.shape
        nb = max(-(-n // 16), 1)
        t = np.zeros((rows, nb * 16), dtype=np.uint8)
        t[:, :n] = m
        if n >= 16:
            t[:, n - 16:n] ^= self.d
        if n % 16 or not n:
            t[:, n] = 0x80
        if n < 16:
            t[:, :16] ^= _dbl(self.d)
        t[:, -16:] ^= self.sub2 if n >= 16 and n % 16 else self.sub1
        x = self.mac.blocks(t[:, :16])
        for j in range(1, nb):
            x = self.mac.blocks(x ^ t[:, 16 * j:16 * j + 16])
        return x

    def _hmac_iv(self, m: np.ndarray) -> np.ndarray:
        data, n, copy = m.tobytes(), m.shape[1], self.hmac
        ivs = bytearray()
        for start in range(0, n * len(m), n) if n else [0] * len(m):
            h = copy()
            h.update(data[start:start + n])
            ivs += h.finalize()[:_IV]
        return np.frombuffer(bytes(ivs), dtype=np.uint8).reshape(len(m), _IV)


def _cmac(algorithm: object, message: bytes) -> np.ndarray:
    c = cmac.CMAC(algorithm)  # type: ignore[arg-type]
    c.update(message)
    return np.frombuffer(c.finalize(), dtype=np.uint8)


def _dbl(block: np.ndarray) -> np.ndarray:
    """Doubling in GF(2^128) (RFC 5297 §2.3)."""
    x = int.from_bytes(block.tobytes(), "big") << 1
    return np.frombuffer(((x ^ 0x87 if x >> 128 else x) & (2**128 - 1)).to_bytes(16, "big"), dtype=np.uint8)
