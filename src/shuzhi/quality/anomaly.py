"""Anomalies of a run's metrics against the dataset's earlier runs (Deequ / Elementary style).

Metrics: the row count and every rule's failure rate (for not_null rules, the null
rate). Two strategies, thresholds from the rule file's ``anomaly:`` settings:

- rate of change against the previous run: rows falling by more than ``max_row_drop``,
  a failure rate rising by more than ``max_rate_jump`` (absolute);
- z-score against the last ``window`` runs (at least ``min_history``): ``|z| > z``;
  with a constant history any change is an anomaly.

>>> prev = [{"rows": 1000, "rules": []}] * 5
>>> [a["method"] for a in detect({"rows": 700, "rules": []}, prev, {"window": 10, "min_history": 3, "z": 3,
...                                "max_row_drop": 0.2, "max_rate_jump": 0.05})]
['rate_of_change', 'zscore']
"""

from __future__ import annotations

import math
import statistics
from typing import Any


def _fail_rate(rule: dict[str, Any]) -> float | None:
    if not rule.get("evaluated"):
        return None
    return rule["failed"] / rule["evaluated"]


def _series(runs: list[dict[str, Any]]) -> dict[str, list[float]]:
    """metric name → values, oldest first (runs where the metric was not measured are skipped)."""
    out: dict[str, list[float]] = {}
    for run in runs:
        if run.get("rows") is not None:
            out.setdefault("rows", []).append(float(run["rows"]))
        for rule in run.get("rules", []):
            rate = _fail_rate(rule)
            if rate is not None:
                out.setdefault(f"rule:{rule['id']}", []).append(rate)
    return out


def _label(metric: str) -> tuple[str, str]:
    if metric == "rows":
        return "行数", "row count"
    rule = metric.removeprefix("rule:")
    if rule.endswith(".not_null"):
        return f"{rule} 的空值率", f"null rate of {rule}"
    return f"规则 {rule} 的失败率", f"failure rate of rule {rule}"


def detect(current: dict[str, Any], previous: list[dict[str, Any]], cfg: dict[str, Any]) -> list[dict[str, Any]]:
    """Anomalies of ``current`` against ``previous`` runs (oldest first)."""
    found: list[dict[str, Any]] = []
    now = _series([current])
    history = _series(previous)
    for metric, (value,) in now.items():
        past = history.get(metric, [])
        zh, en = _label(metric)
        rule = None if metric == "rows" else metric.removeprefix("rule:")
        if past:
            last = past[-1]
            if metric == "rows" and last > 0 and (last - value) / last > cfg["max_row_drop"]:
                pct = 100 * (last - value) / last
                found.append({"metric": metric, "rule": rule, "method": "rate_of_change", "value": value, "expected": last,
                              "message_zh": f"{zh}较上次下降 {pct:.1f}%", "message_en": f"{en} dropped {pct:.1f}% since the last run"})
            elif metric != "rows" and value - last > cfg["max_rate_jump"]:
                pts = 100 * (value - last)
                found.append({"metric": metric, "rule": rule, "method": "rate_of_change", "value": value, "expected": last,
                              "message_zh": f"{zh}较上次上升 {pts:.1f} 个百分点",
                              "message_en": f"{en} rose {pts:.1f} percentage points since the last run"})
        window = past[-int(cfg["window"]):]
        if len(window) >= int(cfg["min_history"]):
            mean = statistics.fmean(window)
            sd = statistics.pstdev(window)
            if sd <= 1e-9 * max(abs(mean), 1e-9):  # a constant history (up to rounding): any real change stands out
                z = 0.0 if math.isclose(value, mean, rel_tol=1e-9, abs_tol=1e-12) else float("inf")
            else:
                z = (value - mean) / sd
            if abs(z) > float(cfg["z"]):
                shown = "∞" if z == float("inf") else f"{z:.1f}"
                found.append({"metric": metric, "rule": rule, "method": "zscore", "value": value, "expected": mean,
                              "message_zh": f"{zh}偏离近 {len(window)} 次运行的均值（z = {shown}）",
                              "message_en": f"{en} deviates from the mean of the last {len(window)} runs (z = {shown})"})
    return found
