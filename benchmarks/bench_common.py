"""What the benchmarks share: the machine and code being measured, child-process CPU time, warming a
file into the page cache, and the round-robin runner (each job once per round, in turn, so a slow
spell of the shared machine hits every job alike)."""

from __future__ import annotations

import hashlib
import os
import platform
import resource
import subprocess
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    model = next((ln.split(":", 1)[1].strip() for ln in cpuinfo if ln.startswith("model name")), "?")
    mem = next((int(ln.split()[1]) for ln in meminfo if ln.startswith("MemTotal")), 0)
    return f"{model}, {os.cpu_count()} vCPU, {mem / 1024 ** 2:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def code_state() -> dict:
    """The shuzhi code being measured: HEAD, and whether src/ differs from it (read-only git calls)."""
    git = lambda *a: subprocess.run(["git", "-C", str(ROOT), *a], capture_output=True, text=True, check=False).stdout
    diff = git("diff", "HEAD", "--", "src") + git("ls-files", "--others", "--exclude-standard", "src")
    return {"commit": git("rev-parse", "--short", "HEAD").strip() or "?", "src_dirty": bool(diff),
            "src_diff_sha": hashlib.sha256(diff.encode()).hexdigest()[:8] if diff else None}


def describe_code(record: dict) -> str:
    start, end = record.get("code"), record.get("code_end")
    if not start:
        return record.get("code_note", "not recorded")
    text = f"commit {start['commit']}" + (f" + uncommitted changes to src/ (diff {start['src_diff_sha']})" if start["src_dirty"] else "")
    if end and end != start:
        text += " — **src/ changed during the run** (a process started later may have measured other code)"
    return text


def children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def warm(path: Path) -> None:
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def _status(out: dict) -> str:
    return f"{out['seconds']:.2f}s (process wall {out['wall']:.2f}s, CPU {out['cpu']:.1f}s)"


def round_robin(part: str, jobs: list[str], rounds: int, run: Callable[[str], dict],
                status: Callable[[dict], str] = _status) -> dict[str, list[dict]]:
    """Each job once per round, in turn, printing each run with the 1-minute load before it."""
    runs: dict[str, list[dict]] = {j: [] for j in jobs}
    width = max(map(len, jobs))
    for r in range(rounds):
        for job in jobs:
            load = os.getloadavg()[0]
            out = run(job)
            out["load_before"] = load
            runs[job].append(out)
            print(f"{part} round {r + 1}/{rounds} {job:{width}s} {out.get('error') or status(out)}; 1-min load before {load:.1f}",
                  flush=True)
    return runs


def ratio(a: float | None, b: float | None) -> str:
    """``a / b`` for a results table: "—" when either is missing, no decimals from 10× up."""
    return "—" if not a or not b else f"{a / b:,.0f}×" if a / b >= 10 else f"{a / b:.2f}×"
