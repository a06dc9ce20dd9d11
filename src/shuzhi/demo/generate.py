"""Generate the five demo datasets (五大基础库) with documented defects, and their manifest.

``rows`` is the number of 人口综合库 rows; the other datasets scale from it. The same
``rows`` and ``seed`` always give byte-identical files; "now" is the fixed reference
date 2026-06-30, never the wall clock. Files are written to a temporary directory
inside ``out_dir`` and moved into place at the end, so an interrupted run leaves the
previous files untouched.

>>> import tempfile
>>> manifest = generate_demo_data(Path(tempfile.mkdtemp()), rows=100)
>>> [d["code"] for d in manifest["datasets"]]
['population', 'legal_person', 'credit', 'e_license', 'geo_parcel']
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from shuzhi.demo import credit, e_license, geo_parcel, legal_person, population, writers
from shuzhi.demo.defects import Generated
from shuzhi.demo.regions import load_regions
from shuzhi.demo.text import REFERENCE_DATE
from shuzhi.demo.words import load_words
from shuzhi.errors import ConfigError

GENERATOR_VERSION = "1.0.0"
MIN_ROWS, MAX_ROWS = 100, 10_000_000
MIN_OTHER_ROWS = 60  # every defect at least once, with clean rows to spare

# code → (file, format, encoding, rows as a function of population rows)
DATASETS: dict[str, tuple[str, str, str | None]] = {
    "population": ("population.csv", "csv", "GBK"),
    "legal_person": ("legal_person.xlsx", "xlsx", None),
    "credit": ("credit.csv", "csv", "UTF-8"),
    "e_license": ("e_license.jsonl", "jsonl", "UTF-8"),
    "geo_parcel": ("geo_parcel.csv", "csv", "UTF-8-SIG"),
}


def dataset_rows(rows: int) -> dict[str, int]:
    """Rows of each dataset for ``rows`` population rows."""
    return {
        "population": rows,
        "legal_person": max(rows // 5, MIN_OTHER_ROWS),
        "credit": max(rows // 2, MIN_OTHER_ROWS),
        "e_license": rows,
        "geo_parcel": max(rows // 4, MIN_OTHER_ROWS),
    }


def _check_rows(rows: Any) -> dict[str, int]:
    if isinstance(rows, bool) or not isinstance(rows, int | np.integer) or not MIN_ROWS <= rows <= MAX_ROWS:
        raise ConfigError(f"演示数据行数必须是 {MIN_ROWS}–{MAX_ROWS:,} 之间的整数，收到 {rows!r}",
                          f"demo rows must be an integer from {MIN_ROWS} to {MAX_ROWS:,}, got {rows!r}")
    sizes = dataset_rows(int(rows))
    limit = writers.XLSX_MAX_ROWS - 2  # title and header rows
    if sizes["legal_person"] > limit:
        raise ConfigError(
            f"法人综合库将有 {sizes['legal_person']:,} 行，超过 Excel 工作表上限（{limit:,} 行数据）；请减少行数",
            f"the legal-person dataset would have {sizes['legal_person']:,} rows, more than an Excel sheet holds "
            f"({limit:,} data rows); use fewer rows")
    return sizes


def _write(d: Generated, directory: Path) -> None:
    file, fmt, encoding = DATASETS[d.code]
    path = directory / file
    if fmt == "xlsx":
        writers.write_xlsx(path, d.table, title=legal_person.TITLE, sheet="法人综合库")
    elif fmt == "jsonl":
        writers.write_jsonl(path, d.table)
    else:
        assert encoding is not None
        bom = encoding.upper().endswith("-SIG")
        writers.write_csv(path, d.table, encoding=encoding.lower().removesuffix("-sig"), bom=bom)
    sidecar = resources.files("shuzhi.demo") / f"{d.code}.yaml"
    (directory / f"{d.code}.yaml").write_bytes(sidecar.read_bytes())


def generate_demo_data(out_dir: Path, rows: int = 10_000, seed: int = 20211231) -> dict:
    """Write the five datasets + manifest.json into out_dir; return the manifest dict."""
    sizes = _check_rows(rows)
    regions, words = load_regions(), load_words()
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(len(DATASETS))]
    people = population.generate(streams[0], sizes["population"], regions, words)
    legal = legal_person.generate(streams[1], sizes["legal_person"], regions, words, people)
    generated = [
        people, legal,
        credit.generate(streams[2], sizes["credit"], regions, words, legal),
        e_license.generate(streams[3], sizes["e_license"], regions, words, people, legal),
        geo_parcel.generate(streams[4], sizes["geo_parcel"], regions, legal),
    ]
    manifest: dict[str, Any] = {
        "seed": seed, "rows": int(rows), "generator_version": GENERATOR_VERSION,
        "reference_date": REFERENCE_DATE.isoformat(), "datasets": [],
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".demo-", dir=out_dir))
    try:
        for d in generated:
            _write(d, staging)
            file, fmt, encoding = DATASETS[d.code]
            manifest["datasets"].append({
                "code": d.code, "file": file, "format": fmt, "encoding": encoding,
                "rows": d.table.num_rows, "meta": f"{d.code}.yaml", "defects": d.plan.manifest(),
            })
        (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                               encoding="utf-8")
        for item in sorted(staging.iterdir(), key=lambda p: p.name == "manifest.json"):  # manifest last
            os.replace(item, out_dir / item.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest
