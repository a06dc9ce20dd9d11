"""Vectorized text assembly: digit matrices, word lookups, dates and timestamps as Arrow strings.

Everything here works on whole columns (numpy arrays in, ``pyarrow.StringArray`` out);
nothing loops over rows in Python.

>>> digits(np.array([7, 42]), 3).tolist()
['007', '042']
>>> concat(pa.array(["南京"]), "市").tolist()
['南京市']
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

#: "now" for every generated dataset: ages, validity periods and staleness are relative to it,
#: never to the wall clock, so output is reproducible.
REFERENCE_DATE = dt.date(2026, 6, 30)
REFERENCE_TIME = np.datetime64(f"{REFERENCE_DATE.isoformat()}T00:00:00", "s")

_ZERO = ord("0")


def digit_matrix(values: np.ndarray, width: int) -> np.ndarray:
    """ASCII codes (uint8, shape n × width) of zero-padded non-negative integers."""
    values = np.asarray(values, dtype=np.int64)
    powers = 10 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    return ((values[:, None] // powers) % 10 + _ZERO).astype(np.uint8)


def from_matrix(matrix: np.ndarray) -> pa.StringArray:
    """Rows of an ASCII uint8 matrix as an Arrow string array."""
    matrix = np.ascontiguousarray(matrix, dtype=np.uint8)
    fixed = matrix.view(f"S{matrix.shape[1]}").ravel()
    return pa.array(fixed, type=pa.binary()).cast(pa.string())


def digits(values: np.ndarray, width: int) -> pa.StringArray:
    """Zero-padded decimal text of fixed width (leading zeros kept: identifiers are text)."""
    return from_matrix(digit_matrix(values, width))


def number(values: np.ndarray) -> pa.StringArray:
    """Plain decimal text of integers (no padding)."""
    return pc.cast(pa.array(np.asarray(values, dtype=np.int64)), pa.string())


def decimal2(cents: np.ndarray) -> pa.StringArray:
    """Decimal text with exactly two places from integer hundredths: 50000 → '500.00'."""
    cents = np.asarray(cents, dtype=np.int64)
    sign = np.where(cents < 0, "-", "")
    whole = number(np.abs(cents) // 100)
    frac = digits(np.abs(cents) % 100, 2)
    return pc.binary_join_element_wise(pa.array(sign), whole, ".", frac, "")


def fixed6(micro: np.ndarray) -> pa.StringArray:
    """Decimal text with six places from integer millionths (coordinates): 118780000 → '118.780000'."""
    micro = np.asarray(micro, dtype=np.int64)
    sign = np.where(micro < 0, "-", "")
    return pc.binary_join_element_wise(pa.array(sign), number(np.abs(micro) // 1_000_000), ".",
                                       digits(np.abs(micro) % 1_000_000, 6), "")


def pick(words: pa.Array | list[str], index: np.ndarray) -> pa.StringArray:
    """Look words up by index (a vectorized ``[words[i] for i in index]``)."""
    table = words if isinstance(words, pa.Array) else pa.array(words, type=pa.string())
    return table.take(pa.array(np.asarray(index, dtype=np.int64)))


def concat(*parts: pa.Array | str) -> pa.StringArray:
    """Element-wise concatenation; plain ``str`` parts are broadcast."""
    return pc.binary_join_element_wise(*parts, "")


def choose(mask: np.ndarray, when_true: pa.Array | str, when_false: pa.Array | str) -> pa.StringArray:
    """Element-wise ``when_true if mask else when_false``."""
    return pc.if_else(pa.array(np.asarray(mask, dtype=bool)), when_true, when_false)


def date_text(days: np.ndarray) -> pa.StringArray:
    """'YYYY-MM-DD' text of numpy ``datetime64[D]`` values."""
    return pc.cast(pa.array(np.asarray(days, dtype="datetime64[D]")), pa.string())


def time_text(seconds: np.ndarray) -> pa.StringArray:
    """'YYYY-MM-DD HH:MM:SS' text of numpy ``datetime64[s]`` values."""
    return pc.cast(pa.array(np.asarray(seconds, dtype="datetime64[s]")), pa.string())


def random_days(rng: np.random.Generator, n: int, start: str, end: str) -> np.ndarray:
    """Uniform dates in [start, end] (ISO strings) as ``datetime64[D]``."""
    lo, hi = np.datetime64(start, "D"), np.datetime64(end, "D")
    return lo + rng.integers(0, (hi - lo).astype(int) + 1, n).astype("timedelta64[D]")


def updated_at(rng: np.random.Generator, n: int, *, stale: bool = False, after: np.ndarray | None = None) -> np.ndarray:
    """Update timestamps: fresh ones within 360 days before the reference date (and, given
    ``after``, not before that day's date), stale ones 400 days to 6 years before it, so a
    one-year staleness check never sits near a boundary."""
    if stale:
        return REFERENCE_TIME - rng.integers(400 * 86400, 6 * 365 * 86400, n).astype("timedelta64[s]")
    earliest = np.full(n, 360 * 86400, dtype=np.int64)
    if after is not None:
        since = (REFERENCE_TIME - np.asarray(after, dtype="datetime64[D]").astype("datetime64[s]")).astype(np.int64)
        earliest = np.clip(since, 1, earliest)
    return REFERENCE_TIME - (rng.random(n) * earliest).astype(np.int64).clip(1).astype("timedelta64[s]")


def age_on_reference(birth: np.ndarray) -> np.ndarray:
    """Whole years of age on the reference date."""
    birth = np.asarray(birth, dtype="datetime64[D]")
    year = birth.astype("datetime64[Y]").astype(int) + 1970
    # compare (month, day) pairs, not day-of-year, so leap years do not shift birthdays
    month = birth.astype("datetime64[M]").astype(int) % 12 + 1
    day = (birth - birth.astype("datetime64[M]")).astype(int) + 1
    before = (month > REFERENCE_DATE.month) | ((month == REFERENCE_DATE.month) & (day > REFERENCE_DATE.day))
    return REFERENCE_DATE.year - year - before.astype(int)


def length(values: pa.Array) -> np.ndarray:
    """Character lengths of a string array."""
    return pc.utf8_length(values).to_numpy(zero_copy_only=False)


def select(which: np.ndarray, options: list[pa.Array]) -> pa.Array:
    """Element-wise ``options[which[i]][i]`` (all options have the same length)."""
    out = options[0]
    for k, option in enumerate(options[1:], start=1):
        out = choose(which == k, option, out)
    return out


def to_matrix(values: pa.Array, width: int) -> np.ndarray:
    """ASCII matrix (n × width) of fixed-width strings with no nulls (inverse of :func:`from_matrix`)."""
    values = values.cast(pa.binary())
    offsets = np.frombuffer(values.buffers()[1], dtype=np.int32)[values.offset:values.offset + len(values) + 1]
    if values.null_count or not (np.diff(offsets) == width).all():
        raise ValueError(f"values are not all {width} characters wide")
    data = np.frombuffer(values.buffers()[2], dtype=np.uint8)
    return data[offsets[0]:offsets[-1]].reshape(len(values), width).copy()
