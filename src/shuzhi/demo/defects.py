"""Documented defects: which rows get which defect, exactly, and how they are applied.

Each dataset declares its defects as ``Spec`` rows (kind, columns, rate, descriptions).
A ``Plan`` draws disjoint row sets for them — one row carries at most one defect — so the
count a quality rule finds equals the count written to the manifest. Rows are 0-based
data-row indexes (the header, and the xlsx title row, are not counted).

>>> rng = np.random.default_rng(1)
>>> plan = Plan(rng, 100, [Spec("null_value", ("xm",), 0.05, "空", "null")])
>>> plan.count("null_value:xm"), int(plan.clean.sum())
(5, 95)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# Blank-but-not-null values: spaces, an ideographic space (U+3000) and placeholders.
BLANKS = ("  ", "\u3000", "无", "NULL", "-")
# JSON can tell the empty string from null, so JSON Lines files also get ''.
BLANKS_JSON = BLANKS + ("",)


@dataclass(frozen=True)
class Spec:
    """One kind of defect in one dataset: ``rate`` of the rows, at least ``minimum``."""

    kind: str
    columns: tuple[str, ...]
    rate: float
    description_zh: str
    description_en: str
    minimum: int = 1

    @property
    def key(self) -> str:
        return f"{self.kind}:{'+'.join(self.columns)}"

    def count(self, n: int) -> int:
        """max(minimum, ⌊n × rate⌋), in integer arithmetic (rates are whole basis points)."""
        return max(self.minimum, n * round(self.rate * 10_000) // 10_000)


class Plan:
    """Disjoint defect rows for one dataset of ``n`` rows.

    For ``duplicate_key`` the rows are the later copies; ``sources`` gives, row for row,
    the earlier clean row each one copies, so every duplicated key occurs exactly twice.
    """

    def __init__(self, rng: np.random.Generator, n: int, specs: list[Spec]) -> None:
        self.n = n
        self.specs = {s.key: s for s in specs}
        self.rows: dict[str, np.ndarray] = {}
        self.sources: dict[str, np.ndarray] = {}
        need = sum(s.count(n) * (2 if s.kind == "duplicate_key" else 1) for s in specs)
        if need > n:
            raise ValueError(f"{need} defect rows do not fit in {n} rows")
        perm = rng.permutation(n)
        pos = 0
        for s in specs:
            k = s.count(n)
            if s.kind == "duplicate_key":
                pairs = perm[pos:pos + 2 * k].reshape(k, 2)
                pos += 2 * k
                order = np.argsort(pairs.max(axis=1))
                self.rows[s.key] = pairs.max(axis=1)[order]
                self.sources[s.key] = pairs.min(axis=1)[order]
            else:
                self.rows[s.key] = np.sort(perm[pos:pos + k])
                pos += k
        self.clean = np.ones(n, dtype=bool)
        for rows in self.rows.values():
            self.clean[rows] = False
        self.reserved = ~self.clean  # defect rows and duplicate sources: not for other uses
        for src in self.sources.values():
            self.reserved[src] = True

    def count(self, key: str) -> int:
        return len(self.rows[key])

    def mask(self, key: str) -> np.ndarray:
        m = np.zeros(self.n, dtype=bool)
        m[self.rows[key]] = True
        return m

    def duplicate(self, table: pa.Table) -> pa.Table:
        """Turn each duplicate row into a full copy of its source row (the same record twice)."""
        index = np.arange(self.n)
        for key, rows in self.rows.items():
            if key in self.sources:
                index[rows] = self.sources[key]
        return table.take(pa.array(index))

    def manifest(self) -> list[dict[str, Any]]:
        return [
            {
                "kind": s.kind,
                "columns": list(s.columns),
                "count": self.count(key),
                "rows": [int(r) for r in self.rows[key][:20]],
                "description_zh": s.description_zh,
                "description_en": s.description_en,
            }
            for key, s in self.specs.items()
        ]


def put(values: pa.Array, rows: np.ndarray, replacement: pa.Array | list[Any] | None) -> pa.Array:
    """Replace ``values[rows]`` (rows ascending) with ``replacement`` (None = nulls)."""
    mask = np.zeros(len(values), dtype=bool)
    mask[rows] = True
    if replacement is None:
        replacement = pa.nulls(len(rows), values.type)
    elif not isinstance(replacement, pa.Array):
        replacement = pa.array(replacement, type=values.type)
    return pc.replace_with_mask(values, pa.array(mask), replacement)


def blanks(rng: np.random.Generator, k: int, choices: tuple[str, ...] = BLANKS) -> pa.StringArray:
    """``k`` blank values, every variant used once before any repeats (in random order)."""
    cycle = np.arange(k) % len(choices)
    return pa.array(np.array(choices, dtype=object)[rng.permutation(cycle)].tolist(), type=pa.string())


def variants(rng: np.random.Generator, k: int, n_variants: int) -> np.ndarray:
    """Variant numbers 0..n_variants-1 for ``k`` defect rows, each used before any repeats."""
    return rng.permutation(np.arange(k) % n_variants)


@dataclass
class Generated:
    """One generated dataset: its table, the defect plan, and what other datasets may reference."""

    code: str
    table: pa.Table
    plan: Plan
    refs: dict[str, Any] = field(default_factory=dict)
