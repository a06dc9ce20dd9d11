"""The numpy building blocks of batch cryptography: byte columns to matrices and back in every Arrow
layout, and base64 of whole matrices against the standard library."""

from __future__ import annotations

import base64

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shuzhi.errors import ConfigError
from shuzhi.security.blocks import Ecb, Ragged, assemble, decode_base64, encode_base64

PROPERTY = settings(max_examples=200, database=None, deadline=None)
columns = st.lists(st.none() | st.binary(max_size=60), max_size=40)


def round_trip(r: Ragged) -> list[bytes | None]:
    return assemble(list(r.by_length()), r.valid).to_pylist()


@PROPERTY
@given(values=columns)
def test_rows_come_back_as_they_went_in(values: list[bytes | None]) -> None:
    r = Ragged.of(pa.array(values, pa.binary()))
    pieces = list(r.by_length())
    assert all(m.shape == (len(rows), len(values[rows[0]])) for rows, m in pieces)
    assert sorted(int(i) for rows, _ in pieces for i in rows) == [i for i, v in enumerate(values) if v is not None]
    assert round_trip(r) == values


@pytest.mark.parametrize(
    "column",
    [
        pa.array([b"ab", None, b"", b"xyz", b"cd"], pa.binary()),
        pa.array([b"--", b"ab", None, b"", b"xyz", b"cd"], pa.binary()).slice(1),  # an offset into the buffers
        pa.array([b"ab", None, b"", b"xyz", b"cd"], pa.large_binary()),
        pa.array(["ab", None, "", "xyz", "cd"], pa.string()).cast(pa.binary()),
        pa.chunked_array([pa.array([b"ab", None], pa.binary()), pa.array([b"", b"xyz", b"cd"], pa.binary())]),
        # a null slot may still span bytes in the buffers (Arrow allows it): they are not a value
        pa.Array.from_buffers(pa.binary(), 5, [pa.py_buffer(np.packbits([1, 0, 1, 1, 1], bitorder="little")),
                                               pa.py_buffer(np.array([0, 2, 9, 9, 12, 14], np.int32)),
                                               pa.py_buffer(b"abignoredxyzcd")]),
    ],
)
def test_every_layout(column: pa.Array | pa.ChunkedArray) -> None:
    assert round_trip(Ragged.of(column)) == [b"ab", None, b"", b"xyz", b"cd"]


def test_rows_apart_and_back_to_back_give_the_same_matrix() -> None:
    r = Ragged.of(pa.array([b"aa", b"bbb", b"cc", b"dd"], pa.binary()))
    assert r.take(np.array([2, 3]), 2).tolist() == [[99, 99], [100, 100]]  # back to back: one slice
    assert r.take(np.array([0, 2]), 2).tolist() == [[97, 97], [99, 99]]  # apart: gathered
    assert r.take(np.array([0, 1]), 1).tolist() == [[97], [98]]  # a prefix of rows of other lengths


def test_pieces_out_of_order_land_on_their_rows() -> None:
    pieces = [(np.array([1, 3]), np.array([[1, 2], [3, 4]], np.uint8)), (np.array([0]), np.array([[9]], np.uint8))]
    out = assemble(pieces, np.array([True, True, False, True]))
    assert out.to_pylist() == [b"\x09", b"\x01\x02", None, b"\x03\x04"]


@PROPERTY
@given(values=columns, padded=st.booleans())
def test_base64_matches_the_standard_library(values: list[bytes | None], padded: bool) -> None:
    r = Ragged.of(pa.array(values, pa.binary()))
    text = assemble([(rows, encode_base64(m, padded=padded)) for rows, m in r.by_length()], r.valid, pa.string())
    expected = [None if v is None else base64.urlsafe_b64encode(v).decode() for v in values]
    assert text.to_pylist() == [e if e is None or padded else e.rstrip("=") for e in expected]
    pieces, bad = decode_base64(Ragged.of(text))
    assert not bad.any()
    assert assemble(pieces, r.valid).to_pylist() == values


def test_base64_lengths_no_text_can_have_are_flagged() -> None:
    pieces, bad = decode_base64(Ragged.of(pa.array(["YWJj", "YWJjZ", None, "YQ==", "YQ", "Y"])))
    assert bad.tolist() == [False, True, False, False, False, True]
    assert assemble(pieces, np.array([True, False, False, True, True, False])).to_pylist() == \
        [b"abc", None, None, b"a", b"a", None]


def test_ecb_refuses_bad_ciphers_and_keys() -> None:
    with pytest.raises(ConfigError, match="unknown block cipher 'des'"):
        Ecb(bytes(16), "des")
    with pytest.raises(ConfigError, match=r"a sm4 key must be one of \(16,\) bytes long, found 32"):
        Ecb(bytes(32), "sm4")
