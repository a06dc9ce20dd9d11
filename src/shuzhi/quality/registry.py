"""The registry of checks: each check registers itself where it is defined.

A check has a name, a default GB/T 36344 dimension, a parameter model and a kind:

- ``expr``: ``fn(ctx, params)`` returns either a BooleanValue per row — TRUE passes,
  FALSE fails, NULL is not evaluated (e.g. a format check on a NULL value) — or a pair
  of aggregate expressions ``(evaluated, passed)`` (row count, latest update time).
  All expr checks of a dataset are compiled into one aggregate: one scan.
- ``query``: ``fn(ctx, params) -> Query`` with its own bounded query (a GROUP BY per
  key set for uniqueness, one join per cross-dataset rule).
- ``meta``: ``fn(ctx, params) -> Outcome`` from the catalog and the storage, not the data.

>>> sorted(CHECKS)[:3]  # doctest: +SKIP
['bank_card', 'code_list', 'compare']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import ibis.expr.types as ir
from pydantic import BaseModel, ConfigDict

Kind = Literal["expr", "query", "meta"]


class Params(BaseModel):
    """Parameters of a check; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def columns(self) -> list[str]:
        """Columns of the checked dataset this rule reads (validated before anything runs)."""
        return []


class ColumnParams(Params):
    """A check of one column."""

    column: str

    def columns(self) -> list[str]:
        return [self.column]


class NoParams(Params):
    """A check of the whole dataset without parameters."""


@dataclass(frozen=True)
class Outcome:
    """What a query or meta check found: B evaluated, A passed, extra metrics, failing samples."""

    evaluated: int | None
    passed: int | None
    metrics: dict[str, Any] = field(default_factory=dict)
    samples: list[dict[str, Any]] = field(default_factory=list)
    #: set when the rule cannot be assessed (then evaluated/passed are None)
    reason: tuple[str, str] | None = None


@dataclass(frozen=True)
class Query:
    """A check with its own query: ``counts`` is a one-row table of ``evaluated``, ``passed`` and metrics;
    ``failures`` a table of failing rows or keys (shown as samples, limited by the runner).

    With ``staged``, the runner first materializes that table once (``Engine.cache``) and calls
    ``then(materialized, evaluated)`` for the query to run: counts and samples then read one
    small result instead of repeating an expensive step (uniqueness: one GROUP BY, not one per
    query). ``evaluated`` is the number of rows matching ``evaluates`` (a condition over the
    dataset's columns, given a table that has them), which the runner counts in its scan of
    the row rules; None where it did not, and ``then`` counts them itself.
    """

    counts: ir.Table | None = None
    failures: ir.Table | None = None
    staged: ir.Table | None = None
    then: Callable[[ir.Table, int | None], Query] | None = None
    evaluates: Callable[[ir.Table], ir.BooleanValue] | None = None


@dataclass(frozen=True)
class Check:
    name: str
    dimension: str
    kind: Kind
    params: type[Params]
    fn: Callable[..., Any]
    #: short description, zh and en; ``{column}`` etc. are filled from the parameters
    zh: str
    en: str
    #: how the counts depend on the assessment time: ``"date"`` (its day), ``"time"`` (the instant) or not at
    #: all; stored counts are reused only for the same value (see :mod:`shuzhi.quality.states`)
    as_of: Literal["date", "time"] | None = None


class NotAssessable(Exception):  # a state, not a failure
    """A rule whose inputs are missing: reported as 不可评估 with the reason, never scored."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


CHECKS: dict[str, Check] = {}


def check(name: str, dimension: str, kind: Kind, params: type[Params], zh: str, en: str, *,
          as_of: Literal["date", "time"] | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as the check ``name``; ``as_of`` if it reads ``ctx.as_of``."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        old = CHECKS.get(name)
        if old is not None and old.fn.__code__.co_filename != fn.__code__.co_filename:
            raise RuntimeError(f"check {name} registered twice")  # (the same module imported again is fine)
        CHECKS[name] = Check(name, dimension, kind, params, fn, zh, en, as_of)
        return fn

    return register


def get_checks() -> dict[str, Check]:
    """All checks, built-ins loaded."""
    from shuzhi.quality import checks  # noqa: F401 - importing registers the built-in checks

    return CHECKS
