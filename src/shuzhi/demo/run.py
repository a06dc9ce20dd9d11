"""``shuzhi demo``: generate the sample data of the five base libraries and ingest it.

Later stages of the platform (quality, discovery, masking, the portal) extend
this one job, so that ``make demo`` always shows the whole platform.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from shuzhi.catalog import IngestResult, ingest, list_datasets
from shuzhi.demo.generate import generate_demo_data
from shuzhi.demo.masking import mask_demo
from shuzhi.demo.monitor import monitor_demo
from shuzhi.demo.quality import assess_demo
from shuzhi.grading.assess import assess
from shuzhi.grading.export import export
from shuzhi.sources.stage import Steps
from shuzhi.workspace import Workspace


def sidecar(name: str) -> Path:
    """Path of a metadata sidecar shipped with the demo package."""
    return Path(str(resources.files("shuzhi.demo") / name))


def run_demo(ws: Workspace, *, rows: int, seed: int, steps: Steps) -> dict[str, Any]:
    """Generate demo data under ``<home>/demo-data``, ingest every dataset with its sidecar,
    assess each one with suggested quality rules, find and grade its sensitive data (stored for
    review), write the 分类分级清单 and 重要数据目录 under ``<home>/exports``, and mask each dataset
    for sharing and for the open portal with the default policies (new datasets ``<code>_share``,
    ``<code>_open``); then the monitoring demo: data centres with a year of meter readings, the plan's
    indicators and the industry database, each with its report under ``<home>/exports``."""
    out_dir = ws.home / "demo-data"
    steps("生成示例数据", "generating demo data")
    manifest = generate_demo_data(out_dir, rows=rows, seed=seed)
    results: list[IngestResult] = []
    for item in manifest["datasets"]:
        results.append(ingest(ws, str(out_dir / item["file"]), meta_file=sidecar(item["meta"]), steps=steps))
    quality = assess_demo(ws, manifest, steps=steps)
    steps("敏感数据识别与分级", "discovery and grading")
    grading = [assess(ws, item["code"], store=True) for item in manifest["datasets"]]
    (exports := ws.home / "exports").mkdir(exist_ok=True)
    exported = export(ws, exports)
    steps("脱敏：共享版与开放版", "masking: share and open versions")
    masked = mask_demo(ws, [item["code"] for item in manifest["datasets"]])
    steps("运行监测：数据中心、规划指标、产业", "monitoring: data centres, plan indicators, industry")
    monitoring = monitor_demo(ws, out_dir / "monitor", exports, seed=seed, rows=rows)
    return {
        "data_dir": str(out_dir),
        "manifest": manifest,
        "ingested": [r.to_dict() for r in results],
        "catalog": list_datasets(ws),
        "quality": quality,
        "grading": grading,
        "exports": exported,
        "masking": masked,
        "monitoring": monitoring,
    }
