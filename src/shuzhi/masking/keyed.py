"""Keyed transforms: hash (HMAC-SM3 / HMAC-SHA-256), tokenize (SM4-SIV / AES-SIV), fpe (FF1),
encrypt (SM4-GCM / AES-GCM with an envelope data key) and date_shift (per subject).

They run as vectorized UDFs — pyarrow batches on DuckDB, pandas batches on Spark — over the
batch functions of :mod:`shuzhi.security.crypto` and :mod:`shuzhi.security.ff1`. The key is
bound into the UDF (a closure), never passed as an argument, so it never appears in SQL text, a
query plan or a log. Keys come from the keyring by name through ``Context.keys``; what was used
(key ids, the wrapped data key of ``encrypt``) goes to ``Context.used`` for the lineage record,
so :mod:`shuzhi.masking.unmask` can reverse tokens, FPE and encryption with the same key.

A token reads ``tk<generation>_<base64>``: the generation names the key that made it, so tokens
made before a rotation still reverse.
"""

from __future__ import annotations

import base64
import re
import secrets
from collections.abc import Callable
from typing import Any, Literal

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import Field

from shuzhi.errors import ConfigError
from shuzhi.masking import fpe_id
from shuzhi.masking.transforms import Context, Params, _text, masker
from shuzhi.security import crypto, ff1
from shuzhi.security.blocks import Ragged, assemble

Batch = Callable[[pa.Array], pa.Array]

#: the key name a transform uses when its policy names none (created on first use)
DEFAULT_KEYS = {"hash": "hash", "tokenize": "tokenize", "fpe": "fpe", "encrypt": "encrypt", "date_shift": "hash"}


def vectorized(engine: str, fn: Batch, out: str, label: str) -> Callable[[ir.Value], ir.Value]:
    """``fn`` (a pyarrow array → array of ``out`` type, nulls kept) as a UDF of the engine's kind."""
    out_type = dt.dtype(out)

    def arrow(v: Any) -> pa.Array:
        v = v.combine_chunks() if isinstance(v, pa.ChunkedArray) else v
        # Spark hands pandas batches over as large_string; one string type keeps the kernels simple
        return fn(v.cast(pa.string()) if v.type != pa.string() else v)

    if engine == "spark":
        def pandas(v: Any) -> Any:
            return arrow(pa.Array.from_pandas(v)).to_pandas()

        pandas.__name__ = f"shuzhi_{label}"
        return ibis.udf.scalar.pandas(pandas, signature=((dt.string,), out_type))
    arrow.__name__ = f"shuzhi_{label}"
    return ibis.udf.scalar.pyarrow(arrow, signature=((dt.string,), out_type))


def _key(ctx: Context, name: str | None, purpose: str) -> Any:
    if ctx.keys is None:
        raise ConfigError(f"列 {ctx.column}：算子需要密钥，但没有可用的密钥环",
                          f"column {ctx.column}: this transform needs a key and no keyring is available")
    key = ctx.keys(name or DEFAULT_KEYS[purpose], "hash" if purpose == "date_shift" else purpose)
    ctx.used.setdefault("keys", []).append(key.id)
    return key


# ---- hash ------------------------------------------------------------------------------------------------


class HashParams(Params):
    key: str | None = None
    length: int = Field(64, ge=16, le=64)


@masker("hash", HashParams)
def _hash(col: ir.Value, ctx: Context, p: HashParams) -> ir.Value:
    """Keyed HMAC (the key's algorithm: HMAC-SM3 by default), hex; the same value and key give the
    same hash in every dataset, so hashed columns still join."""
    key = _key(ctx, p.key, "hash")
    alg = key.algorithm.removeprefix("hmac-")
    material = key.material
    udf = vectorized(ctx.engine, lambda a: crypto.hmac_batch(material, a, alg=alg), "string", "hash")
    h = udf(_text(col))
    return h if p.length == 64 else h.substr(0, p.length)


# ---- tokenize --------------------------------------------------------------------------------------------


class TokenizeParams(Params):
    key: str | None = None
    #: context tweak: tokens of the same value differ between contexts (e.g. per data domain)
    context: str = Field("", max_length=64)


def _generation(key_id: str) -> str:
    return key_id.rsplit(".", 1)[1]


@masker("tokenize", TokenizeParams, reversible=True)
def _tokenize(col: ir.Value, ctx: Context, p: TokenizeParams) -> ir.Value:
    key = _key(ctx, p.key, "tokenize")
    material, alg, tweak = key.material, key.algorithm, p.context.encode()
    udf = vectorized(ctx.engine, lambda a: crypto.siv_encrypt_batch(material, a, tweak=tweak, alg=alg), "string", "tokenize")
    return "tk" + _generation(key.id) + "_" + udf(_text(col))


# ---- fpe -------------------------------------------------------------------------------------------------


class FpeParams(Params):
    key: str | None = None
    #: ``id_card``: a valid 公民身份号码 out (see fpe_id); ``auto``: that for CN_RESIDENT_ID columns
    format: Literal["auto", "text", "id_card"] = "auto"
    #: for ``id_card``: the parts that pass through (area always does)
    keep: list[Literal["area", "birth", "sex"]] = Field(default_factory=lambda: ["area"])
    #: for ``id_card``: the area as it is (``county``) or generalized to its prefecture or province code
    area: Literal["county", "city", "province"] = "county"
    #: for ``id_card``: an encrypted birth date may be any date (``date``) or stay in its decade (``decade``)
    birth: Literal["date", "decade"] = "date"
    alphabet: str = Field(ff1.DIGITS, min_length=2)
    keep_start: int = Field(0, ge=0, le=32)
    keep_end: int = Field(0, ge=0, le=32)
    tweak: str = Field("", max_length=64)


def fpe_batch(key: bytes, cipher: str, p: FpeParams, *, decrypt: bool = False, id_card: bool = False) -> Batch:
    """FF1 over the characters between ``keep_start`` and ``keep_end`` (kept ends pass through), or over
    the parts of a 公民身份号码 not kept (``id_card``)."""
    run = ff1.decrypt if decrypt else ff1.encrypt
    tweak = p.tweak.encode()
    if id_card:
        keep = tuple(dict.fromkeys(["area", *p.keep]))
        fpe_id.domain(keep, p.birth)  # a domain below 10^6 is refused while the query is built, before any batch
        ids = fpe_id.decrypt_ids if decrypt else fpe_id.encrypt_ids
        return lambda a: ids(key, a, keep=keep, cipher=cipher, tweak=tweak, area=p.area, birth=p.birth)
    if p.area != "county" or p.birth != "date":
        raise ConfigError("fpe 的 area 和 birth 只用于身份证号（format: id_card）",
                          "fpe's area and birth apply only to ID numbers (format: id_card)")

    shortest = next(n for n in range(2, ff1.MAX_LEN + 1) if ff1.domain_ok(len(p.alphabet), n))
    only_alphabet = "^[" + "".join(re.escape(c) for c in p.alphabet) + "]*$"
    ascii_alphabet = _byte_alphabet(p.alphabet)

    def batch(a: pa.Array) -> pa.Array:
        head = pc.utf8_slice_codeunits(a, 0, p.keep_start)
        middle = pc.utf8_slice_codeunits(a, p.keep_start, -p.keep_end if p.keep_end else None)
        tail = pc.utf8_slice_codeunits(a, -p.keep_end) if p.keep_end else pc.utf8_slice_codeunits(a, 0, 0)
        # too short for a domain of 10^6, or a character outside the alphabet: NULL, never the value in clear
        n = pc.utf8_length(middle)
        fits = pc.and_kleene(pc.and_kleene(pc.greater_equal(n, shortest), pc.less_equal(n, ff1.MAX_LEN)),
                             pc.match_substring_regex(middle, only_alphabet))
        middle = pc.if_else(fits, middle, pa.scalar(None, pa.string()))
        if ascii_alphabet is None:
            done = pa.array(run(key, middle.to_numpy(zero_copy_only=False), tweak=tweak, alphabet=p.alphabet,
                                cipher=cipher), type=pa.string())
        else:  # one byte per character: FF1 on the bytes' digits, no Python strings in between
            chars, digit_of = ascii_alphabet
            r = Ragged.of(middle)
            done = assemble([(rows, chars[ff1.digits(key, digit_of[m], radix=len(chars), tweak=tweak, cipher=cipher,
                                                     decrypt=decrypt)])
                             for rows, m in r.by_length()], r.valid, pa.string())
        return pc.binary_join_element_wise(head, done, tail, "")

    return batch


def _byte_alphabet(alphabet: str) -> tuple[np.ndarray, np.ndarray] | None:
    """When every character is one byte of UTF-8 (ASCII): digit → byte, and byte → digit (bytes not in
    the alphabet map to 0: values are checked against the alphabet first). Otherwise None."""
    if not alphabet.isascii():
        return None
    chars = np.frombuffer(alphabet.encode(), dtype=np.uint8)
    digit_of = np.zeros(256, np.uint16)
    digit_of[chars] = np.arange(len(chars), dtype=np.uint16)
    return chars, digit_of


@masker("fpe", FpeParams, reversible=True)
def _fpe(col: ir.Value, ctx: Context, p: FpeParams) -> ir.Value:
    """Format-preserving encryption (FF1): same length and alphabet, reversible with the key."""
    key = _key(ctx, p.key, "fpe")
    id_card = p.format == "id_card" or (p.format == "auto" and ctx.entity == "CN_RESIDENT_ID")
    ctx.used["format"] = "id_card" if id_card else "text"
    batch = fpe_batch(key.material, key.algorithm.removeprefix("ff1-"), p, id_card=id_card)
    return vectorized(ctx.engine, batch, "string", "fpe")(_text(col))


# ---- encrypt ---------------------------------------------------------------------------------------------


class EncryptParams(Params):
    key: str | None = None


@masker("encrypt", EncryptParams, reversible=True)
def _encrypt(col: ir.Value, ctx: Context, p: EncryptParams) -> ir.Value:
    """Column encryption with a fresh data key per column and run (envelope): the data key is wrapped by
    the keyring key and recorded in the lineage, never stored in clear."""
    kek = _key(ctx, p.key, "encrypt")
    alg = kek.algorithm
    dek = secrets.token_bytes(crypto.key_length(alg))
    aad = ctx.column.encode()
    ctx.used["data_key"] = base64.b64encode(crypto.seal(kek.material, dek, aad=aad, alg=alg)).decode()
    udf = vectorized(ctx.engine, lambda a: crypto.seal_batch(dek, a, aad=aad, alg=alg), "string", "encrypt")
    return udf(_text(col))


# ---- date_shift ------------------------------------------------------------------------------------------


class DateShiftParams(Params):
    subject: str
    max_days: int = Field(30, ge=1, le=3650)
    key: str | None = None


_SHIFT_LABEL = "shuzhi date_shift\x1f"


def shift_days(key: bytes, alg: str, max_days: int) -> Batch:
    """Days in [-max_days, max_days] \\ {0} from the HMAC of each subject: the same subject always shifts
    by the same amount (intervals between its dates stay), and without the key nobody can undo it.

    The subject is prefixed with a label before the HMAC: the shift shares its key with ``hash``, and
    without the prefix a hashed copy of the subject column would give every shift away."""
    span = 2 * max_days

    def batch(a: pa.Array) -> pa.Array:
        labelled = pc.binary_join_element_wise(pa.scalar(_SHIFT_LABEL), a, "")
        digests = crypto.hmac_batch(key, labelled, alg=alg, out="binary")
        buffer = digests.buffers()[2]  # None when every subject is NULL
        data = np.frombuffer(buffer, dtype=np.uint8) if buffer is not None else np.zeros(0, np.uint8)
        starts = np.frombuffer(digests.buffers()[1], dtype=np.int32)[digests.offset:digests.offset + len(digests)]
        # the first 48 bits of each digest (a null row reads 6 bytes of its neighbour: masked below)
        bits = np.zeros(len(digests), dtype=np.uint64)
        padded = np.concatenate([data, np.zeros(6, np.uint8)])
        for i in range(6):
            bits = (bits << np.uint64(8)) | padded[starts + i].astype(np.uint64)
        v = (bits % np.uint64(span)).astype(np.int64)
        days = np.where(v < max_days, v - max_days, v - max_days + 1)
        return pa.array(days, type=pa.int64(), mask=digests.is_null().to_numpy(zero_copy_only=False))

    return batch


@masker("date_shift", DateShiftParams)
def _date_shift(col: ir.Value, ctx: Context, p: DateShiftParams) -> ir.Value:
    if p.subject not in ctx.table.columns:
        raise ConfigError(f"列 {ctx.column}：date_shift 的 subject 列 {p.subject} 不存在",
                          f"column {ctx.column}: date_shift subject column {p.subject} does not exist")
    key = _key(ctx, p.key, "date_shift")
    days = vectorized(ctx.engine, shift_days(key.material, key.algorithm.removeprefix("hmac-"), p.max_days), "int64",
                      "date_shift")(_text(ctx.table[p.subject]))
    d = col if col.type().is_date() else (col.date() if col.type().is_timestamp() else _text(col).substr(0, 10).try_cast("date"))
    shifted = d + days.as_interval("D")
    if col.type().is_temporal():
        return shifted.cast(col.type())
    # DuckDB's date + interval is a timestamp (Ibis still calls it a date): format, so text stays yyyy-mm-dd
    return shifted.strftime("%Y-%m-%d")

