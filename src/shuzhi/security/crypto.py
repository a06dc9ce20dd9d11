"""Cryptographic primitives of masking: keyed hashes, sealing and deterministic tokens.

Each family has a per-value function on ``bytes`` and a batch form on a pyarrow string or
binary column chunk (what a DuckDB or Spark vectorized UDF hands over; a ``ChunkedArray`` is
accepted too). Batch forms keep length, order and nulls, hash text as UTF-8, and set up
everything key-dependent once per batch; the per-value work is a few OpenSSL calls.

- **Keyed hash** (``HASHES``): HMAC (RFC 2104) over SM3 (GB/T 32905-2016) or SHA-256.
  One-way; equal values give equal digests, so hashed columns still join.
- **Sealing** (``AEADS``): SM4-GCM (the GB/T 32907-2016 block cipher in the GCM mode of
  NIST SP 800-38D, as in RFC 8998) or AES-256-GCM, as ``nonce (12) || ciphertext || tag (16)``
  with a fresh random nonce per value. Equal values seal differently (sealed columns do not
  join); random 96-bit nonces allow at most 2**32 values per key (SP 800-38D §8.3).
- **Deterministic encryption** (``DETERMINISTIC``): tokens equal for equal (value, key,
  tweak) — so tokenized columns join and group like the originals — that decrypt with the
  key, while an altered token is rejected rather than decrypted to garbage. A token reveals
  equality and length of values, nothing more. All three are SIV constructions (Rogaway and
  Shrimpton, Deterministic Authenticated-Encryption, EUROCRYPT 2006) with a 32-byte key split
  into K1 = key[:16] (the IV's PRF) and K2 = key[16:] (CTR), the tweak the one associated-data
  component. ``aes-siv`` is AES-SIV of RFC 5297 (AES-128: S2V over CMAC, CTR with bits 31 and 63
  of the counter block cleared). ``sm4-cmac-siv`` (the default) is RFC 5297 with SM4 in place of
  AES, step for step. ``sm4-siv`` came first and stays for the keys made with it::

      IV    = HMAC-SM3(K1, uint64_be(len(tweak)) || tweak || plaintext)[:16]
      token = IV || SM4-CTR(K2, counter block IV, 128-bit big-endian increment)(plaintext)

  HMAC-SM3 is a PRF standing in for S2V's CMAC (the length prefix keeps tweak and plaintext
  apart). Decryption recomputes the IV from the recovered plaintext and compares. The batch
  forms run in :mod:`shuzhi.security.siv`, all values of one length at a time.

Batch text: ``seal_batch`` writes urlsafe base64 (padded) of ``0x01 || nonce || ciphertext ||
tag`` (the first byte is the format version); ``siv_encrypt_batch`` writes urlsafe base64
without padding of ``IV || ciphertext``. Nothing here logs; no message carries a key or value.

>>> key = bytes(range(32))
>>> token = siv_encrypt(key, "张三".encode(), tweak=b"person.name")
>>> siv_decrypt(key, token, tweak=b"person.name").decode()
'张三'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from shuzhi.errors import ConfigError, SourceError
from shuzhi.security import blocks, siv
from shuzhi.security.blocks import Ragged

HASHES = ("sm3", "sha256")
AEADS = ("sm4-gcm", "aes-gcm")
DETERMINISTIC = ("sm4-siv", "sm4-cmac-siv", "aes-siv")
DEFAULT_SIV = "sm4-cmac-siv"

Column = pa.Array | pa.ChunkedArray
T = TypeVar("T")

_KEY_LENGTHS = {"sm3": 32, "sha256": 32, "sm4-gcm": 16, "aes-gcm": 32, "sm4-siv": 32, "sm4-cmac-siv": 32, "aes-siv": 32}
# RFC 2104 §3 accepts any key length but discourages short ones; 16 bytes = 128-bit security
_MIN_HMAC_KEY = 16
_HASH = {"sm3": hashes.SM3, "sha256": hashes.SHA256}
_NONCE, _TAG, _IV = 12, 16, 16
_VERSION = b"\x01"
# every text or binary layout as offset-based binary, the layout all of pyarrow's kernels take
_BYTES_OF = {pa.string(): pa.binary(), pa.large_string(): pa.large_binary(), pa.string_view(): pa.binary(),
             pa.binary_view(): pa.binary(), pa.binary(): pa.binary(), pa.large_binary(): pa.large_binary()}
_NOT_BASE64 = ("不是有效的 base64 文本", "is not valid base64 text")
_UNDECRYPTABLE = ("无法解密：密文被改动、格式不符或密钥不对",
                  "cannot be decrypted: altered, malformed, or sealed with another key")


def key_length(alg: str) -> int:
    """Bytes of key ``alg`` takes: 32 for the HMACs (named by hash, ``sm3`` and ``sha256``),
    ``sm4-siv`` (MAC and cipher halves), ``aes-siv`` (AES-128-SIV) and ``aes-gcm`` (AES-256);
    16 for ``sm4-gcm``.

    >>> key_length("sm4-gcm"), key_length("aes-siv")
    (16, 32)
    """
    _check_alg(alg, tuple(_KEY_LENGTHS))
    return _KEY_LENGTHS[alg]


def sm3(data: bytes) -> bytes:
    """The SM3 digest of GB/T 32905-2016 (32 bytes).

    >>> sm3(b"abc").hex()[:16]
    '66c7f0f462eeedd9'
    """
    h = hashes.Hash(hashes.SM3())
    h.update(data)
    return h.finalize()


def hmac_digest(key: bytes, data: bytes, *, alg: str = "sm3") -> bytes:
    """HMAC (RFC 2104) with SM3 or SHA-256; keys of at least 16 bytes.

    >>> hmac_digest(bytes(32), b"13800138000").hex()[:8]
    'a62344ca'
    """
    h = _mac(key, alg)
    h.update(data)
    return h.finalize()


def hmac_batch(key: bytes, values: Column, *, alg: str = "sm3", out: Literal["hex", "binary"] = "hex") -> pa.Array:
    """``hmac_digest`` of every value: lowercase hex strings (64 characters) or binary.

    >>> hmac_batch(bytes(32), pa.array(["13800138000", None])).to_pylist()[1] is None
    True
    """
    if out not in ("hex", "binary"):
        raise ConfigError(f"未知输出格式：{out}（可选：hex、binary）",
                          f"unknown output format: {out} (expected hex or binary)")
    copy = _mac(key, alg).copy

    def digest(value: bytes) -> bytes:
        h = copy()
        h.update(value)
        return h.finalize()

    digests = pa.array(_map(digest, _payloads(values)), pa.binary())
    return _hex(digests) if out == "hex" else digests


def seal(key: bytes, plaintext: bytes, *, aad: bytes = b"", alg: str = "sm4-gcm") -> bytes:
    """Encrypt and authenticate: random 12-byte nonce || ciphertext || 16-byte tag.

    >>> key = bytes(16)
    >>> open_sealed(key, seal(key, b"secret", aad=b"t.c"), aad=b"t.c")
    b'secret'
    """
    return _sealer(key, aad, alg)(plaintext, os.urandom(_NONCE))


def open_sealed(key: bytes, blob: bytes, *, aad: bytes = b"", alg: str = "sm4-gcm") -> bytes:
    """The plaintext of a ``seal`` blob; ``SourceError`` if it was altered or the key or aad differ.

    >>> open_sealed(bytes(16), b"not a sealed value")
    Traceback (most recent call last):
    shuzhi.errors.SourceError: cannot be decrypted: altered, malformed, or sealed with another key
    """
    return _single(_opener(key, aad, alg), blob)


def seal_batch(key: bytes, values: Column, *, aad: bytes = b"", alg: str = "sm4-gcm") -> pa.Array:
    """``seal`` every value, as urlsafe base64 text of ``0x01 || nonce || ciphertext || tag``.

    >>> sealed = seal_batch(bytes(16), pa.array(["甲", None]))
    >>> open_batch(bytes(16), sealed).to_pylist()
    ['甲', None]
    """
    seal_one = _sealer(key, aad, alg)
    payloads = _payloads(values)
    pool = os.urandom(_NONCE * len(payloads))  # one read of the system CSPRNG for the batch
    nonces = [pool[i : i + _NONCE] for i in range(0, len(pool), _NONCE)]
    sealed = Ragged.of(pa.array(_map(lambda pair: _VERSION + seal_one(*pair), _pairs(payloads, nonces)), pa.binary()))
    return blocks.assemble([(rows, blocks.encode_base64(m, padded=True)) for rows, m in sealed.by_length()],
                           sealed.valid, pa.string())


def open_batch(key: bytes, values: Column, *, aad: bytes = b"", alg: str = "sm4-gcm") -> pa.Array:
    """Inverse of ``seal_batch``, as UTF-8 strings; ``SourceError(row=i)`` names the first bad row.

    >>> open_batch(bytes(16), pa.array(["AQ"]))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    shuzhi.errors.SourceError: row 0 of the batch (counting from 0) cannot be decrypted: ...
    """
    open_one = _opener(key, aad, alg)

    def unseal(blob: bytes) -> bytes:
        if blob[:1] != _VERSION:
            raise InvalidTag
        return open_one(blob[1:])

    text = _base64_text(values, padded=True)
    blobs, malformed = blocks.decode_base64(text)
    payloads = blocks.assemble(blobs, text.valid).to_pylist()
    stop = int(np.argmax(malformed)) if malformed.any() else len(payloads)
    opened = _map(unseal, payloads[:stop])  # a bad row before the first malformed one raises here
    if stop < len(payloads):
        raise _row_error(stop, _NOT_BASE64)
    return _text(pa.array(opened, pa.binary()))


def siv_encrypt(key: bytes, plaintext: bytes, *, tweak: bytes = b"", alg: str = DEFAULT_SIV) -> bytes:
    """Deterministic authenticated encryption: the same key, tweak and plaintext give the same bytes.

    >>> siv_encrypt(bytes(32), b"110105194912310021") == siv_encrypt(bytes(32), b"110105194912310021")
    True
    """
    _check_key(key, alg, DETERMINISTIC)
    [(_, blob)] = siv.encrypt(key, Ragged.of(pa.array([plaintext], pa.binary())).by_length(), tweak=tweak, alg=alg)
    return blob.tobytes()


def siv_decrypt(key: bytes, blob: bytes, *, tweak: bytes = b"", alg: str = DEFAULT_SIV) -> bytes:
    """Inverse of ``siv_encrypt``; ``SourceError`` if the blob was altered or key or tweak differ.

    >>> siv_decrypt(bytes(32), siv_encrypt(bytes(32), b"x", tweak=b"a"), tweak=b"a")
    b'x'
    """
    _check_key(key, alg, DETERMINISTIC)
    plain, bad = siv.decrypt(key, Ragged.of(pa.array([blob], pa.binary())).by_length(), tweak=tweak, alg=alg)
    if bad:
        raise SourceError(*_UNDECRYPTABLE)
    return plain[0][1].tobytes()


def siv_encrypt_batch(key: bytes, values: Column, *, tweak: bytes = b"", alg: str = DEFAULT_SIV) -> pa.Array:
    """``siv_encrypt`` every value, as urlsafe base64 tokens without padding.

    >>> tokens = siv_encrypt_batch(bytes(32), pa.array(["甲", "甲", None]))
    >>> tokens[0] == tokens[1], tokens[2].is_valid
    (True, False)
    """
    _check_key(key, alg, DETERMINISTIC)
    r = Ragged.of(_binary(values))
    tokens = siv.encrypt(key, r.by_length(), tweak=tweak, alg=alg)
    return blocks.assemble([(rows, blocks.encode_base64(m, padded=False)) for rows, m in tokens], r.valid, pa.string())


def siv_decrypt_batch(key: bytes, values: Column, *, tweak: bytes = b"", alg: str = DEFAULT_SIV) -> pa.Array:
    """Inverse of ``siv_encrypt_batch``, as UTF-8 strings; ``SourceError(row=i)`` names the first bad row.

    >>> siv_decrypt_batch(bytes(32), siv_encrypt_batch(bytes(32), pa.array(["甲", None]))).to_pylist()
    ['甲', None]
    """
    _check_key(key, alg, DETERMINISTIC)
    text = _base64_text(values, padded=False)
    blobs, malformed = blocks.decode_base64(text)
    plain, bad = siv.decrypt(key, blobs, tweak=tweak, alg=alg)
    undecryptable = np.zeros(len(text), bool)
    undecryptable[bad] = True
    _first_bad_row((malformed, _NOT_BASE64), (undecryptable, _UNDECRYPTABLE))
    return _text(blocks.assemble(plain, text.valid))


# ---------------------------------------------------------------- keyed contexts, built once


def _mac(key: bytes, alg: str) -> hmac.HMAC:
    # OpenSSL's HMAC context holds the hash states after the ipad and opad blocks, so each
    # copy() of it starts past the key. Measured faster than hashlib's sm3 with copied ipad/opad
    # states (OpenSSL 3 of Python vs OpenSSL bundled with cryptography).
    _check_alg(alg, HASHES)
    if not isinstance(key, bytes) or len(key) < _MIN_HMAC_KEY:
        raise _bad_key(alg, f"≥ {_MIN_HMAC_KEY}", key)
    return hmac.HMAC(key, _HASH[alg]())


def _sealer(key: bytes, aad: bytes, alg: str) -> Callable[[bytes, bytes], bytes]:
    _check_key(key, alg, AEADS)
    if alg == "aes-gcm":
        encrypt = AESGCM(key).encrypt
        return lambda plaintext, nonce: nonce + encrypt(nonce, plaintext, aad)
    sm4 = algorithms.SM4(key)

    def seal_sm4(plaintext: bytes, nonce: bytes) -> bytes:
        # GCM contexts cannot take a new nonce (only CTR and ChaCha20 can), so one per value
        enc = Cipher(sm4, modes.GCM(nonce)).encryptor()
        enc.authenticate_additional_data(aad)
        return b"".join((nonce, enc.update(plaintext), enc.finalize(), enc.tag))

    return seal_sm4


def _opener(key: bytes, aad: bytes, alg: str) -> Callable[[bytes], bytes]:
    _check_key(key, alg, AEADS)
    aes = AESGCM(key) if alg == "aes-gcm" else None
    sm4 = algorithms.SM4(key) if alg == "sm4-gcm" else None

    def open_one(blob: bytes) -> bytes:
        if len(blob) < _NONCE + _TAG:
            raise InvalidTag
        if aes is not None:
            return aes.decrypt(blob[:_NONCE], blob[_NONCE:], aad)
        dec = Cipher(sm4, modes.GCM(blob[:_NONCE], blob[-_TAG:])).decryptor()
        dec.authenticate_additional_data(aad)
        return dec.update(blob[_NONCE:-_TAG]) + dec.finalize()

    return open_one


# ---------------------------------------------------------------- checks and errors


def _check_alg(alg: str, family: tuple[str, ...]) -> None:
    if alg not in family:
        raise ConfigError(f"未知算法：{alg}（可选：{'、'.join(family)}）",
                          f"unknown algorithm: {alg} (expected one of: {', '.join(family)})")


def _check_key(key: bytes, alg: str, family: tuple[str, ...]) -> None:
    _check_alg(alg, family)
    if not isinstance(key, bytes) or len(key) != _KEY_LENGTHS[alg]:
        raise _bad_key(alg, str(_KEY_LENGTHS[alg]), key)


def _bad_key(alg: str, expected: str, key: object) -> ConfigError:
    found = f"{len(key)} 字节" if isinstance(key, bytes) else f"{type(key).__name__} 而非 bytes"
    found_en = f"{len(key)} bytes" if isinstance(key, bytes) else f"a {type(key).__name__}, not bytes"
    return ConfigError(f"{alg} 的密钥应为 {expected} 字节，实为 {found}",
                       f"the {alg} key must be {expected} bytes, found {found_en}")


def _single(fn: Callable[[bytes], bytes], blob: bytes) -> bytes:
    try:
        return fn(blob)
    except InvalidTag:
        pass
    # raised outside the handler so no exception context rides along
    raise SourceError(*_UNDECRYPTABLE)


# ---------------------------------------------------------------- arrow in and out


def _payloads(values: Column) -> list[bytes | None]:
    """The values as bytes (text as its UTF-8), nulls as None."""
    return _binary(values).to_pylist()


def _binary(values: Column) -> Column:
    kind = values.type
    if pa.types.is_dictionary(kind):
        values, kind = values.cast(kind.value_type), kind.value_type
    target = pa.binary() if pa.types.is_fixed_size_binary(kind) else _BYTES_OF.get(kind)
    if target is None:
        raise ConfigError(f"不支持的列类型：{kind}（应为字符串或二进制）",
                          f"unsupported column type: {kind} (expected string or binary)")
    return values.cast(target)  # zero-copy from string, large_string and binary


def _base64_text(values: Column, *, padded: bool) -> Ragged:
    """Urlsafe base64 values, checked in one vectorized pass: a character outside the alphabet (or
    padding where ``padded`` is not allowed) anywhere in the batch is an error naming the first such row."""
    binary = _binary(values)
    pattern = r"^[A-Za-z0-9_-]*={0,2}$" if padded else r"^[A-Za-z0-9_-]*$"
    row = pc.index(pc.match_substring_regex(binary, pattern), False).as_py()
    if row >= 0:
        raise _row_error(row, _NOT_BASE64)
    return Ragged.of(binary)


def _first_bad_row(*checks: tuple[np.ndarray, tuple[str, str]]) -> None:
    """Raise for the first row flagged by any check (the earlier check's message on a tie)."""
    firsts = [(int(np.argmax(mask)), i) for i, (mask, _) in enumerate(checks) if mask.any()]
    if firsts:
        row, i = min(firsts)
        raise _row_error(row, checks[i][1])


def _hex(digests: pa.Array) -> pa.Array:
    """Lowercase hex of a freshly built (unsliced) binary array in one pass over its data: every
    byte becomes two characters, so the offsets double (int32: up to 2**30 digest bytes)."""
    validity, offsets, data = digests.buffers()
    doubled = np.frombuffer(offsets, np.int32, len(digests) + 1) * 2
    text = data.to_pybytes()[: doubled[-1] // 2].hex().encode() if data is not None else b""
    buffers = [validity, pa.py_buffer(doubled), pa.py_buffer(text)]
    return pa.Array.from_buffers(pa.string(), len(digests), buffers, digests.null_count)


def _text(plaintexts: pa.Array) -> pa.Array:
    """Binary plaintexts as strings; a row that is not UTF-8 is an error naming the row."""
    try:
        return plaintexts.cast(pa.string())
    except pa.ArrowInvalid:
        pass
    row = next(i for i, p in enumerate(plaintexts.to_pylist()) if p is not None and not _is_utf8(p))
    raise _row_error(row, ("解密结果不是 UTF-8 文本", "does not decrypt to UTF-8 text"))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _pairs(payloads: list[bytes | None], nonces: list[bytes]) -> list[tuple[bytes, bytes] | None]:
    return [None if p is None else (p, n) for p, n in zip(payloads, nonces, strict=True)]


def _map(fn: Callable[[T], bytes], items: Iterable[T | None]) -> list[bytes | None]:
    """``fn`` of each non-null item; the first that fails to decrypt becomes a ``SourceError`` naming its row."""
    out: list[bytes | None] = []
    append = out.append
    try:
        for item in items:
            append(None if item is None else fn(item))
    except InvalidTag:
        pass
    else:
        return out
    # raised outside the handler so no exception context (which may hold data) rides along
    raise _row_error(len(out), _UNDECRYPTABLE)


def _row_error(row: int, message: tuple[str, str]) -> SourceError:
    zh, en = message
    return SourceError(f"批内第 {row} 行（从 0 数起）{zh}", f"row {row} of the batch (counting from 0) {en}", row=row)
