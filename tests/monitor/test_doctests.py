"""The examples in the monitor's docstrings run (they are the modules' documentation)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import shuzhi.monitor

MODULES = ["shuzhi.xlsx", "shuzhi.demo.monitor", "shuzhi.demo.monitor_dc", *(f"shuzhi.monitor.{m.name}" for m in pkgutil.iter_modules(shuzhi.monitor.__path__))]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
