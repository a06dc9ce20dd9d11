"""Scores: X = A/B per rule, dimension = weighted mean of its rules, dataset = weighted mean of dimensions.

GB/T 36344-2018 defines the dimensions and X = A/B but no weights or bands; both
come from the rule file or data/defaults.yaml. A dimension without an assessable
rule is reported as not assessable with the reason — never scored 100.

>>> dims = score_dimensions([{"dimension": "completeness", "pass_ratio": 0.5, "weight": 1.0, "status": "fail"}],
...                         {"completeness": 1.0})
>>> dims["completeness"]["score"], dims["timeliness"]["assessable"]
(50.0, False)
>>> overall(dims, [{"grade": "优", "min": 90}, {"grade": "差", "min": 0}])
(50.0, '差')
"""

from __future__ import annotations

from typing import Any

from shuzhi.quality.rules import defaults


def score_dimensions(rules: list[dict[str, Any]], weights: dict[str, float]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for key, labels in defaults()["dimensions"].items():
        mine = [r for r in rules if r["dimension"] == key]
        scored = [r for r in mine if r["pass_ratio"] is not None and r["weight"] > 0]
        entry: dict[str, Any] = {"label": labels["zh"], "label_en": labels["en"], "rules": len(mine),
                                 "weight": weights.get(key, 1.0), "score": None, "assessable": False, "reason": None}
        if scored:
            total = sum(r["weight"] for r in scored)
            entry["score"] = round(100 * sum(r["pass_ratio"] * r["weight"] for r in scored) / total, 4)
            entry["assessable"] = True
        elif not mine:
            entry["reason"] = "不可评估：没有规则 / not assessable: no rule"
        else:
            reasons = sorted({r.get("reason") or "" for r in mine} - {""})
            entry["reason"] = "不可评估：" + ("；".join(reasons) if reasons else "没有可评估的规则 / no assessable rule")
        out[key] = entry
    return out


def overall(dims: dict[str, dict[str, Any]], grades: list[dict[str, Any]]) -> tuple[float | None, str | None]:
    """Weighted mean of the assessable dimensions and its grade band; (None, None) when none is assessable."""
    scored = [d for d in dims.values() if d["assessable"] and d["weight"] > 0]
    if not scored:
        return None, None
    score = round(sum(d["score"] * d["weight"] for d in scored) / sum(d["weight"] for d in scored), 4)
    for band in sorted(grades, key=lambda g: -float(g["min"])):
        if score >= float(band["min"]):
            return score, str(band["grade"])
    return score, None
