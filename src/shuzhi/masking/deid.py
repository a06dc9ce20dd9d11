"""The de-identification report of a dataset version, laid out as the GB/T 37964-2019 process:
确定目标 → 识别标识 → 处理标识 → 验证审批 (determine the goal, identify identifiers, process them,
verify and approve), with what shuzhi knows or did at each step.

- 确定目标: the dataset, version, rows, and — for a masked or anonymized version — its source and
  audience (from the lineage).
- 识别标识: each column's GB/T 37964 role (direct identifier, quasi-identifier, other) from the
  grading labels (the source's, for a derived version) and the personal-information overlay.
- 处理标识: per column the transform the lineage records, or "none" for an ingested version.
- 验证审批: the re-identification risk over the quasi-identifiers (:func:`shuzhi.masking.risk.assess`)
  and the checks that decide the verdict — no direct identifier left in clear, the highest
  prosecutor risk at most the threshold. Approval itself is a person's act: the report says
  ``pending`` until someone records it.
"""

from __future__ import annotations

from typing import Any

from shuzhi.catalog.queries import lineage_of, read_dataset, show_dataset
from shuzhi.errors import ConfigError
from shuzhi.grading.review import labels
from shuzhi.grading.templates import load_overlay
from shuzhi.masking.risk import assess
from shuzhi.workspace import Workspace

ROLE_NAMES = {"direct": ("直接标识符", "direct identifier"), "quasi": ("准标识符", "quasi-identifier"),
              "none": ("其他属性", "other attribute")}
#: transforms after which a direct identifier no longer identifies in clear
_NEUTRALISED = frozenset({"deny", "suppress", "replace", "hash", "tokenize", "fpe", "encrypt", "mask", "generalize"})


def _neutralised(transform: str) -> bool:
    return transform.split(" ")[0] in _NEUTRALISED


def roles(ws: Workspace, code: str, template: str = "gov") -> dict[str, dict[str, Any]]:
    """Each graded column's GB/T 37964 role (direct, quasi, none), entities and level."""
    overlay = load_overlay()
    found = {}
    for lab in labels(ws, code, template=template):
        kinds = {overlay.entity(e["type"]).identifier for e in lab.entities if e["type"] in overlay.entities}
        role = "direct" if "direct" in kinds else "quasi" if "quasi" in kinds else "none"
        found[lab.column] = {"role": role, "entities": [e["type"] for e in lab.entities], "level": lab.level}
    return found


def _transforms(lineage: dict[str, Any] | None) -> dict[str, str]:
    """Per column what the lineage says was done: masking's transforms, or anonymization's levels."""
    if lineage is None:
        return {}
    details = lineage["details"]
    if lineage["kind"] == "anonymize":
        done = {c: f"generalize → {name}" for c, name in details.get("level_names", {}).items()}
        return {**done, **{c: "deny" for c in details.get("removed", [])}}
    return {c: v.get("transform", "keep") for c, v in details.get("columns", {}).items()}


def report(ws: Workspace, code: str, *, qi: list[str] | None = None, k: int = 5, threshold: float = 0.2,
           population: int | None = None, template: str = "gov", version: int | None = None) -> dict[str, Any]:
    """The four GB/T 37964 steps for ``code`` with the risk over ``qi`` (default: the quasi-identifiers found)."""
    entry = show_dataset(ws, code, version)
    shown = entry["shown_version"]
    lineage = lineage_of(ws, code, shown)
    graded = lineage["source"]["code"] if lineage and lineage["source"]["code"] else code
    found_roles = roles(ws, graded, template)
    columns = [c["name"] for c in entry["items"]]
    transforms = _transforms(lineage)
    present = [c for c in columns if c in found_roles or c in transforms]
    chosen = qi if qi is not None else [c for c in present if found_roles.get(c, {}).get("role") == "quasi"]
    unknown = sorted(set(chosen) - set(columns))
    if unknown:
        raise ConfigError(f"资源 {code} 没有列 {unknown}", f"dataset {code} has no columns {unknown}")
    if not chosen:
        raise ConfigError(f"资源 {code} 没有识别出准标识符：请用 --qi 指定", f"no quasi-identifiers found in {code}: name them with --qi")
    risk = assess(ws.engine, read_dataset(ws, code, shown, typed=False), chosen, threshold=threshold, population=population, k=k)
    identify = [{"column": c, **found_roles.get(c, {"role": "none", "entities": [], "level": None}),
                 "role_name": ROLE_NAMES[found_roles.get(c, {}).get("role", "none")]} for c in columns]
    process = [{"column": c, "transform": transforms.get(c, "keep" if lineage else "none")} for c in columns]
    # a direct identifier in clear: in this version's columns and not transformed by the lineage
    clear = [c for c in columns if found_roles.get(c, {}).get("role") == "direct" and not _neutralised(transforms.get(c, "keep"))]
    checks = [
        {"check": "direct_identifiers_removed", "passed": not clear, "detail": clear},
        {"check": "prosecutor_risk", "passed": risk.prosecutor.highest <= threshold,
         "detail": {"highest": risk.prosecutor.highest, "threshold": threshold}},
    ]
    return {
        "standard": "GB/T 37964-2019",
        "steps": {
            "确定目标 determine the goal": {"dataset": code, "version": shown, "rows": risk.rows,
                                        "derived_from": lineage["source"] if lineage else None,
                                        "audience": lineage["details"].get("audience") if lineage else None},
            "识别标识 identify": identify,
            "处理标识 process": process,
            "验证审批 verify and approve": {"qi": chosen, "risk": risk.to_dict(), "checks": checks,
                                         "verdict": "pass" if all(c["passed"] for c in checks) else "fail",
                                         "approval": "pending"},
        },
    }
