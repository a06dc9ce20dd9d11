"""The examples in every module's docstrings run: they are the modules' documentation, and a stale one misleads."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import shuzhi

#: modules that act on import: ``python -m shuzhi``, and Alembic's migration environment (reads Alembic's context)
SKIP = ("shuzhi.__main__", "shuzhi.store.migrations")
MODULES = sorted(m.name for m in pkgutil.walk_packages(shuzhi.__path__, "shuzhi.") if not m.name.startswith(SKIP))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_the_examples_are_found() -> None:
    """A guard against collecting nothing: the package documents well over a hundred examples."""
    finder = doctest.DocTestFinder()
    examples = sum(len(t.examples) for name in MODULES for t in finder.find(importlib.import_module(name)))
    assert examples > 250
