"""``Engine.byte_length``: UTF-8 bytes, not characters, on both engines (Ibis has no operation for it)."""

from __future__ import annotations

import ibis

from shuzhi.workspace import Workspace


def test_byte_length_counts_utf8_bytes(any_ws: Workspace) -> None:
    values = ["", "a", "中", "a中\u3000", "\U00020000", "13912345678"]
    t = ibis.memtable({"i": list(range(len(values))), "v": values})
    # a NULL made in the engine (Spark's memtables pass a missing string through pandas as text)
    e = any_ws.engine
    got = e.to_pyarrow(t.select(t.i, b=e.byte_length(t.v), z=e.byte_length(t.v.nullif("a"))).order_by("i")).to_pydict()
    assert got["b"] == [0, 1, 3, 7, 4, 11]
    assert got["z"] == [0, None, 3, 7, 4, 11]
