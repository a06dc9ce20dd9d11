"""Discovery then grading of one dataset version or file: the result ``shuzhi scan`` prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shuzhi.discovery.run import scan_dataset, scan_file
from shuzhi.discovery.scan import ScanResult
from shuzhi.grading.engine import DEFAULT_TEMPLATE, DatasetGrade, grade
from shuzhi.grading.templates import load_template
from shuzhi.sources.stage import Steps
from shuzhi.workspace import Workspace


def _is_file(target: str) -> bool:
    return Path(target).expanduser().is_file()


def assess(ws: Workspace, target: str, *, sample: int | None = None, full: bool = False,
           template: str = DEFAULT_TEMPLATE, version: int | None = None, store: bool = False,
           domain: str | None = None, steps: Steps | None = None) -> dict[str, Any]:
    """Scan ``target`` (a catalog code, or a file path not registered) and grade it with ``template``.

    The result is the ``shuzhi scan --json`` object: ``dataset``, ``rows_scanned``, ``columns`` (each
    with ``name``, ``entities`` [{type, ratio, confidence}], ``category``, ``level``, ``evidence``),
    ``dataset_level`` and ``duration_s``, plus the template, the level names and the reasons.
    With ``store`` a dataset's result is kept with its version and its column labels are brought
    up to date for review (:mod:`shuzhi.grading.review`); each column then also shows its
    ``review`` (status and the reviewed label), and ``reviewed_level`` is the dataset's level as reviewed.

    ``domain`` is the business domain the template's domain rules see; by default a dataset's catalog
    业务领域, else its 基础库 (a file has none unless given). ``domain`` in the result says what the
    template made of it (``id`` None: no domain of the template has that name). ``steps`` is told
    each step of the scan as it starts (a progress display).
    """
    t = load_template(template)  # an unknown template fails before anything is read
    if _is_file(target):
        result, kind = scan_file(ws, Path(target).expanduser(), sample=sample, full=full, steps=steps), "file"
    else:
        result, entry = scan_dataset(ws, target, version=version, sample=sample, full=full, steps=steps)
        kind = "dataset"
        domain = domain or entry.get("domain") or entry.get("base_library")
    rows = result.rows_total
    graded = grade(t, [(c.name, c.types()) for c in result.columns], rows=rows, domain=domain)
    data = render(result, graded, kind=kind, rows=rows)
    if store and kind == "dataset":
        from shuzhi.grading.review import labels, level_of, save_scan

        save_scan(ws, target, data)
        reviewed = {lab.column: lab for lab in labels(ws, target, template=template)}
        for col in data["columns"]:
            lab = reviewed[col["name"]]
            col["review"] = {"status": lab.status, "level": lab.level, "category": lab.category, "changed": lab.changed,
                             "reviewer": lab.reviewer, "reason": lab.reason}
        data["reviewed_level"] = level_of(ws, target, template=template)["level"]
    return data


def render(result: ScanResult, graded: DatasetGrade, *, kind: str, rows: int | None) -> dict[str, Any]:
    columns = []
    for found, g in zip(result.columns, graded.columns, strict=True):
        columns.append({
            "name": found.name, "title": found.title, "text": found.text,
            "entities": [{"type": e.type, "ratio": e.ratio, "confidence": e.confidence, "source": e.source} for e in found.entities],
            "category": g.category, "category_path": g.category_path, "level": g.level, "level_name": g.level_name,
            "sensitive_pi": g.sensitive_pi, "identifiers": g.identifiers,
            "evidence": found.evidence + [f"{r}: {w}" for r, w in zip(g.rules, g.why, strict=True)],
        })
    return {
        "dataset": result.dataset, "kind": kind, "version": result.version, "rows": rows,
        "rows_scanned": result.rows_scanned, "sampled": result.sampled,
        "template": graded.template, "template_version": graded.template_version, "domain": graded.domain,
        "columns": columns, "dataset_level": graded.level, "dataset_level_name": graded.level_name,
        "raises": graded.raises, "important_data_candidate": graded.important_candidate,
        "duration_s": result.duration_s,
    }
