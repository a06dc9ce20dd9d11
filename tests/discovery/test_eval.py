"""Column-level precision and recall of discovery on the labelled corpus (tests/discovery/evalset.py).

Every file is scanned as ``shuzhi scan FILE`` would: read like an ingest (GBK, BOM …), every row.
The issue asks for ≥ 0.95 column-level precision and recall; the per-type table is printed
(``pytest -s``) so a regression shows which type slipped.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from discovery.evalset import eval_columns, write_tables

from shuzhi.discovery.run import scan_file
from shuzhi.workspace import Workspace


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], set[str]]:
    from shuzhi.config import Settings

    root = tmp_path_factory.mktemp("eval")
    files = write_tables(root / "files")
    found: dict[tuple[str, str], set[str]] = {}
    with Workspace(Settings(home=root / "ws")) as ws:
        for table, path in files.items():
            result = scan_file(ws, Path(path), full=True)
            for col in result.columns:
                found[(table, col.title or col.name)] = set(col.types())
                found.setdefault((table, col.name), set(col.types()))
    return found


def _scores(scanned: dict[tuple[str, str], set[str]]) -> tuple[Counter[str], Counter[str], Counter[str], list[str]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    wrong = []
    for col in eval_columns():
        got = scanned[(col.table, col.name)]
        for t in got & col.expected:
            tp[t] += 1
        for t in got - col.expected:
            fp[t] += 1
        for t in col.expected - got:
            fn[t] += 1
        if got != col.expected:
            wrong.append(f"{col.table}.{col.name}: expected {sorted(col.expected)}, found {sorted(got)} ({col.note})")
    return tp, fp, fn, wrong


def test_precision_and_recall_at_least_095(scanned: dict[tuple[str, str], set[str]]) -> None:
    tp, fp, fn, wrong = _scores(scanned)
    print(f"\n{'type':<20}{'tp':>4}{'fp':>4}{'fn':>4}{'precision':>11}{'recall':>8}")
    for t in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 1.0
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 1.0
        print(f"{t:<20}{tp[t]:>4}{fp[t]:>4}{fn[t]:>4}{p:>11.2f}{r:>8.2f}")
    precision = sum(tp.values()) / (sum(tp.values()) + sum(fp.values()))
    recall = sum(tp.values()) / (sum(tp.values()) + sum(fn.values()))
    print(f"{'all':<20}{sum(tp.values()):>4}{sum(fp.values()):>4}{sum(fn.values()):>4}{precision:>11.3f}{recall:>8.3f}")
    print("\n".join(wrong))
    assert precision >= 0.95, wrong
    assert recall >= 0.95, wrong
