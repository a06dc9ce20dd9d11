"""The discovery settings in ``data/discovery.yaml``: sample size, thresholds, confidence, word lists."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

_DATA = resources.files("shuzhi.discovery") / "data"


@cache
def tuning() -> dict[str, Any]:
    with (_DATA / "discovery.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def data_file(name: str) -> Any:
    """Another YAML file of ``discovery/data`` (e.g. ``headers.yaml``)."""
    with (_DATA / name).open(encoding="utf-8") as f:
        return yaml.safe_load(f)
