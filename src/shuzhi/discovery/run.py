"""Scan a catalog dataset version, or a file that is not in the catalog, for sensitive data.

A file is read the way ``shuzhi ingest`` reads it (encodings, delimiters, Excel title rows …) into a
private scratch folder of the workspace, scanned, and removed: nothing is registered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shuzhi.catalog.queries import show_dataset
from shuzhi.discovery.scan import ScanResult, scan_table
from shuzhi.discovery.tuning import tuning
from shuzhi.errors import ConfigError
from shuzhi.sources.stage import SourceOptions, Steps, stage
from shuzhi.workspace import Workspace


def sample_size(sample: int | None, full: bool) -> int | None:
    """Rows to scan: ``None`` for every row (``--full``), else ``sample`` or the default."""
    if full and sample is not None:
        raise ConfigError("--sample 与 --full 不能同时使用", "--sample and --full cannot be used together")
    if full:
        return None
    n = int(tuning()["sample"]) if sample is None else sample
    if n < 1:
        raise ConfigError(f"--sample 须为正整数（收到 {n}）", f"--sample must be a positive number of rows (got {n})")
    return n


def _titles(items: list[dict[str, Any]]) -> dict[str, str]:
    out = {}
    for c in items:
        words = [w for w in (c.get("title"), c.get("source_name")) if w and w != c["name"]]
        if words:
            out[c["name"]] = " ".join(words)
    return out


def scan_dataset(ws: Workspace, code: str, *, version: int | None = None, sample: int | None = None,
                 full: bool = False, steps: Steps | None = None) -> tuple[ScanResult, dict[str, Any]]:
    """Scan one version (default the latest) of a catalog dataset; returns the result and the catalog entry."""
    n = sample_size(sample, full)
    entry = show_dataset(ws, code, version)
    table = ws.engine.read_parquet(entry["storage_uri"])
    result = scan_table(ws.engine, table, titles=_titles(entry["items"]), sample=n, steps=steps,
                        total_rows=next(v["rows"] for v in entry["versions"] if v["version"] == entry["shown_version"]))
    result.dataset, result.version = entry["code"], entry["shown_version"]
    return result, entry


def scan_file(ws: Workspace, path: Path, *, sample: int | None = None, full: bool = False,
              options: SourceOptions | None = None, steps: Steps | None = None) -> ScanResult:
    """Scan a file (CSV/TSV, Excel, JSON, Parquet) without registering it."""
    n = sample_size(sample, full)
    with ws.staging() as work:
        out = str(work / "data")
        staged = stage(str(path), ws.engine, work, out, options or SourceOptions(), steps or (lambda _zh, _en: None))
        titles = {c: s for c, s in zip(staged.columns, staged.source_names, strict=False) if s != c}
        result = scan_table(ws.engine, ws.engine.read_parquet(out), titles=titles, sample=n, steps=steps)
    result.dataset = path.name
    return result
