"""numpy building blocks of batch cryptography: a block cipher that encrypts any number of blocks
per call, byte columns as matrices of equally long rows and back, and urlsafe base64 of such
matrices.

A batch function turns its Arrow column into a :class:`Ragged` (the values' bytes in one buffer,
with starts and lengths), takes the rows of each length as one ``uint8`` matrix
(:meth:`Ragged.by_length`), works on all rows of a matrix at once — slices, not per-row indexing —
and writes the results back with :func:`assemble`. Real columns have few distinct lengths (an ID
number, a phone number, a bank card: one to three), so there are few matrices per batch.

>>> r = Ragged.of(pa.array([b"ab", None, b"xyz", b"cd"], pa.binary()))
>>> [(rows.tolist(), m.tolist()) for rows, m in r.by_length()]
[([0, 3], [[97, 98], [99, 100]]), ([2], [[120, 121, 122]])]
>>> assemble([(rows, encode_base64(m, padded=False)) for rows, m in r.by_length()], r.valid, pa.string()).to_pylist()
['YWI', None, 'eHl6', 'Y2Q']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from shuzhi.errors import ConfigError

#: cipher name → (algorithm, allowed key lengths in bytes)
CIPHERS: dict[str, tuple[Any, tuple[int, ...]]] = {
    "aes": (algorithms.AES, (16, 24, 32)),
    "sm4": (algorithms.SM4, (16,)),
}

_URLSAFE = np.frombuffer(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", dtype=np.uint8)
_SEXTET = np.zeros(256, dtype=np.uint8)  # character → its 6 bits; callers check the alphabet first
_SEXTET[_URLSAFE] = np.arange(64, dtype=np.uint8)
_PAD = ord("=")

Piece = tuple[np.ndarray, np.ndarray]  # (rows, a matrix with one row of equal length for each)


class Ecb:
    """The block cipher in ECB mode: one call encrypts any number of 16-byte blocks. OpenSSL runs
    without the GIL inside the call, so two engine threads encrypting batches use two cores."""

    def __init__(self, key: bytes, cipher: str) -> None:
        if cipher not in CIPHERS:
            raise ConfigError(f"未知的分组密码 {cipher!r}（可选：aes、sm4）",
                              f"unknown block cipher {cipher!r} (choose aes or sm4)", cipher=cipher)
        algorithm, sizes = CIPHERS[cipher]
        if not isinstance(key, bytes | bytearray) or len(key) not in sizes:
            found = len(key) if isinstance(key, bytes | bytearray) else type(key).__name__
            raise ConfigError(f"{cipher} 密钥须为 {sizes} 字节之一，实际为 {found}",
                              f"a {cipher} key must be one of {sizes} bytes long, found {found}", cipher=cipher)
        self._enc = Cipher(algorithm(bytes(key)), modes.ECB()).encryptor()

    def blocks(self, data: np.ndarray) -> np.ndarray:
        """Encrypt a ``uint8`` array whose rows are whole blocks; same shape out."""
        # update_into a fresh array: update() would build (and copy) a bytes object as large as the batch
        out = np.empty(data.size + 15, dtype=np.uint8)
        self._enc.update_into(np.ascontiguousarray(data), out)
        return out[: data.size].reshape(data.shape)

    def one(self, block: np.ndarray | bytes) -> np.ndarray:
        return np.frombuffer(self._enc.update(bytes(block)), dtype=np.uint8)


@dataclass(frozen=True)
class Ragged:
    """A column of byte strings: ``data[starts[i] : starts[i] + lengths[i]]`` is row i; a null row has
    length 0 and ``valid[i]`` False."""

    data: np.ndarray  # uint8
    starts: np.ndarray  # int64
    lengths: np.ndarray  # int64
    valid: np.ndarray  # bool

    @classmethod
    def of(cls, values: pa.Array | pa.ChunkedArray) -> Ragged:
        """A binary, string or large variant column (any offset into its buffers)."""
        if isinstance(values, pa.ChunkedArray):
            values = values.combine_chunks()
        n = len(values)
        validity, offsets, data = values.buffers()[:3]
        if offsets is None or not n:
            return cls(np.zeros(0, np.uint8), np.zeros(n, np.int64), np.zeros(n, np.int64), np.zeros(n, bool))
        wide = pa.types.is_large_binary(values.type) or pa.types.is_large_string(values.type)
        ends = np.frombuffer(offsets, np.int64 if wide else np.int32)[values.offset:values.offset + n + 1].astype(np.int64)
        raw = np.frombuffer(data, dtype=np.uint8)[: ends[-1]] if data is not None else np.zeros(0, np.uint8)
        valid = np.ones(n, bool) if validity is None else values.is_valid().to_numpy(zero_copy_only=False)
        return cls(raw, ends[:-1], np.where(valid, np.diff(ends), 0), valid)

    def __len__(self) -> int:
        return len(self.lengths)

    def by_length(self, lengths: np.ndarray | None = None) -> Iterator[Piece]:
        """(rows, matrix) for each distinct length of the valid rows: the rows' first ``lengths``
        bytes (default: all of them), one matrix row per row, rows in ascending order."""
        n = self.lengths if lengths is None else lengths
        for width, rows in groups(np.where(self.valid, n, -1)):
            if width >= 0:
                yield rows, self.take(rows, width)

    def take(self, rows: np.ndarray, width: int) -> np.ndarray:
        """The first ``width`` bytes of each of ``rows`` (ascending; each at least that long), as a new matrix."""
        if not len(rows) or not width:
            return np.zeros((len(rows), width), dtype=np.uint8)
        first, last = int(rows[0]), int(rows[-1])
        start = int(self.starts[first])
        if last - first == len(rows) - 1 and self.starts[last] - start == width * (len(rows) - 1):
            return self.data[start:start + width * len(rows)].reshape(len(rows), width).copy()  # back to back
        return self.data[self.starts[rows, None] + np.arange(width)]


def groups(keys: np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
    """(key, the rows holding it) for every distinct key, rows in ascending order."""
    order = np.argsort(keys, kind="stable")
    distinct, starts = np.unique(keys[order], return_index=True)
    bounds = [*starts.tolist(), len(order)]
    for key, lo, hi in zip(distinct.tolist(), bounds[:-1], bounds[1:], strict=True):
        yield key, order[lo:hi]


def assemble(pieces: list[Piece], valid: np.ndarray, kind: pa.DataType = pa.binary()) -> pa.Array:
    """A binary (or string) column of ``len(valid)`` rows from (rows, matrix) pieces: row ``rows[i]``
    is ``matrix[i]``. Rows in no piece are empty; rows not ``valid`` are null."""
    n = len(valid)
    lengths = np.zeros(n, dtype=np.int64)
    for rows, m in pieces:
        lengths[rows] = m.shape[1]
    ends = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=ends[1:])
    if ends[-1] >= 2**31:
        raise ConfigError("一批的结果超过 2 GiB", "a batch's result exceeds 2 GiB")
    out = np.empty(int(ends[-1]), dtype=np.uint8)
    for rows, m in pieces:
        if not m.size:
            continue
        first = int(rows[0])
        if int(rows[-1]) - first == len(rows) - 1:  # consecutive rows: one slice
            out[ends[first]:ends[first] + m.size] = m.ravel()
        else:
            out[ends[rows, None] + np.arange(m.shape[1])] = m
    nulls = n - int(valid.sum())
    bitmap = pa.py_buffer(np.packbits(valid, bitorder="little")) if nulls else None
    return pa.Array.from_buffers(kind, n, [bitmap, pa.py_buffer(ends.astype(np.int32)), pa.py_buffer(out)], nulls)


def encode_base64(m: np.ndarray, *, padded: bool) -> np.ndarray:
    """Urlsafe base64 (RFC 4648 §5) of each row of ``m`` as a character matrix; without ``=``
    padding unless ``padded``."""
    rows, n = m.shape
    b = np.zeros((rows, -(-n // 3) * 3), dtype=np.uint8)
    b[:, :n] = m
    b0, b1, b2 = b[:, 0::3], b[:, 1::3], b[:, 2::3]
    sextets = np.stack([b0 >> 2, (b0 & 3) << 4 | b1 >> 4, (b1 & 15) << 2 | b2 >> 6, b2 & 63], axis=-1)
    chars = _URLSAFE[sextets.reshape(rows, -1)]
    if not padded:
        return chars[:, : -(-4 * n // 3)]
    chars[:, -(-4 * n // 3):] = _PAD
    return chars


def decode_base64(r: Ragged) -> tuple[list[Piece], np.ndarray]:
    """The bytes of urlsafe base64 rows (``=`` padding optional), grouped by length, and a mask of
    the rows whose length no base64 text can have (they are in no piece). The characters must
    already be checked to be of the alphabet, with ``=`` only at the end."""
    chars = r.lengths - _padding(r)
    bad = (chars % 4 == 1) & r.valid
    pieces = []
    for rows, m in r.by_length(np.where(bad, -1, chars)):
        n = m.shape[1]
        s = np.zeros((len(rows), -(-n // 4) * 4), dtype=np.uint8)
        s[:, :n] = _SEXTET[m]
        s0, s1, s2, s3 = s[:, 0::4], s[:, 1::4], s[:, 2::4], s[:, 3::4]
        b = np.stack([s0 << 2 | s1 >> 4, (s1 & 15) << 4 | s2 >> 2, (s2 & 3) << 6 | s3], axis=-1)
        pieces.append((rows, b.reshape(len(rows), -1)[:, : n * 3 // 4]))
    return pieces, bad


def _padding(r: Ragged) -> np.ndarray:
    """How many ``=`` end each row (at most 2)."""
    count = np.zeros(len(r), dtype=np.int64)
    if not len(r.data):
        return count
    for k in (1, 2):
        at = np.clip(r.starts + r.lengths - k, 0, len(r.data) - 1)
        count += (r.lengths >= k) & (r.data[at] == _PAD) & (count == k - 1)
    return count
