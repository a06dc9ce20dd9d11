"""The demo's quality step: suggested rules on every demo dataset, and the planted defects they find.

Each defect in the manifest is matched to the suggested rule that should catch it
(same check family, same column); the demo reports planted vs found, so a reader sees
at once that the rules find exactly what was planted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from shuzhi.quality import run_quality, suggest_rules
from shuzhi.sources.stage import Steps
from shuzhi.workspace import Workspace

# manifest defect kind → the checks that find it
DEFECT_CHECKS: dict[str, tuple[str, ...]] = {
    "null_value": ("not_null",),
    "blank_value": ("not_blank",),
    "bad_checksum": ("id_card", "uscc", "bank_card"),
    "duplicate_key": ("unique",),
    "stale_update": ("freshness",),
    "birthdate_mismatch": ("id_birthdate_match",),
    "sex_mismatch": ("id_sex_match",),
    "bad_mobile": ("mobile",),
    "invalid_code": ("code_list",),
    "out_of_range": ("range",),
    "dangling_reference": ("foreign_key",),
    "value_mismatch": ("same_value",),
    "start_after_end": ("compare",),
}


def _rules_for(defect: dict[str, Any], rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rules of the defect's check family on one of its columns (row-level freshness only)."""
    checks = DEFECT_CHECKS[defect["kind"]]
    found = [r for r in rules if r["check"] in checks and set(r["columns"]) & set(defect["columns"])]
    if defect["kind"] == "stale_update":
        found = [r for r in found if r["evaluated"] != 1]  # the row-level rule, not the dataset's latest update
    if defect["kind"] == "dangling_reference":
        found = found[:1]  # a defect over several columns is found by the first reference rule
    return found


def assess_demo(ws: Workspace, manifest: dict[str, Any], *, steps: Steps) -> list[dict[str, Any]]:
    """Run suggested rules on each demo dataset (as of the data's reference date) and match the defects."""
    as_of = dt.datetime.fromisoformat(manifest["reference_date"])
    report = []
    for item in manifest["datasets"]:
        steps(f"质量评估 {item['code']}", f"assessing quality of {item['code']}")
        result = run_quality(ws, item["code"], rules=suggest_rules(ws, item["code"], as_of=as_of), as_of=as_of)
        defects = []
        for defect in item["defects"]:
            matched = _rules_for(defect, result["rules"])
            defects.append({
                "kind": defect["kind"], "columns": defect["columns"], "planted": defect["count"],
                "description_zh": defect["description_zh"], "description_en": defect["description_en"],
                "rules": [r["id"] for r in matched], "found": [r["failed"] for r in matched],
            })
        report.append({"code": item["code"], "title": result["title"], "score": result["score"], "grade": result["grade"],
                       "run_id": result["run_id"], "rules": len(result["rules"]),
                       "failed_rules": sum(1 for r in result["rules"] if r["status"] == "fail"), "defects": defects})
    return report
