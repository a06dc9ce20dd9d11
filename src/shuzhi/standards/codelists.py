"""Code lists from national standards (GB/T 2260, 2261.1, 3304, 4754 …), loaded from data files.

Each list is a CSV under ``standards/data/`` registered in ``data/codelists.yaml``
with its standard number, version and source. Code lists are data: updating one
means replacing its CSV and its registry entry, never editing code.

>>> sex = load_codelist("GB/T 2261.1")
>>> sex.name_of("1")
'男性'
>>> "9" in sex
True
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from shuzhi.errors import ConfigError

_DATA = resources.files("shuzhi.standards") / "data"


@dataclass(frozen=True)
class CodeList:
    """One code list: ``rows`` keep every CSV column (``code`` and ``name`` always present)."""

    key: str
    title: str
    version: str
    source: str
    rows: tuple[dict[str, str], ...] = field(repr=False)

    def __contains__(self, code: object) -> bool:
        return code in self._names

    def __len__(self) -> int:
        return len(self.rows)

    @cached_property
    def _names(self) -> dict[str, str]:
        # built once per list: ``in`` and name_of() are called per cell when validating a column
        return {r["code"]: r["name"] for r in self.rows}

    def name_of(self, code: str) -> str | None:
        return self._names.get(code)

    def codes(self, **where: str) -> list[str]:
        """Codes whose columns equal the given values, e.g. ``codes(level="county")``."""
        return [r["code"] for r in self.rows if all(r.get(k) == v for k, v in where.items())]


@cache
def registry() -> dict[str, dict[str, Any]]:
    """The registry of code lists: key → {file, title, version, source, …}."""
    with (_DATA / "codelists.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def codelist_keys() -> list[str]:
    return sorted(registry())


@cache
def load_codelist(key: str) -> CodeList:
    """Load a registered code list by its standard number (e.g. ``"GB/T 3304"``)."""
    entry = registry().get(key)
    if entry is None:
        known = "、".join(codelist_keys())
        raise ConfigError(f"未知的代码表 {key!r}，可用：{known}", f"unknown code list {key!r}; known: {', '.join(codelist_keys())}")
    with (_DATA / entry["file"]).open(encoding="utf-8", newline="") as f:
        rows = tuple(csv.DictReader(f))
    return CodeList(key=key, title=entry["title"], version=str(entry["version"]), source=entry["source"], rows=rows)
