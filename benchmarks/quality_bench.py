"""Quality-rules benchmark: shuzhi vs the hand-written DuckDB limit vs Soda Core 4, cuallee and GX 1.x.

One generated Parquet file (``--rows``, default 10M, every column text), one rule set of 21 row-level
rules over 13 columns plus row_count (benchmarks/quality_peers/sqlrules.py; the shuzhi YAML is written
to ``<work>/quality_rules.yaml``), and per tool the median of ``--runs`` runs, each a fresh process:

- ``handsql``: one hand-written SELECT (quality_peers/handsql.py) — the limit, 1.00×;
- ``shuzhi``: ``shuzhi --home W quality run bench --rules R --recompute --json`` after one untimed ``ingest``;
  its ``duration_s`` and the wall time of the command are both kept;
- ``soda``, ``cuallee``, ``gx-duckdb``, ``gx-pandas``: runner scripts in quality_peers/, each in its own
  venv under ``<work>/venvs/<tool>`` (created with pip when missing, unless ``--skip-install``).

A runner's "seconds" run from after its imports to its results (connection, setup and validation);
the wall time of its process is kept too. Every tool's failure counts are checked against the
hand-written query's on the same file; disagreements are printed and written, never fatal.
Tools run round-robin (one run of each per round) so that machine load hits all of them alike.

    .venv/bin/python benchmarks/quality_bench.py --rows 200000 --runs 3
    .venv/bin/python benchmarks/quality_bench.py                       # 10M rows, writes RESULTS.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEERS = HERE / "quality_peers"
sys.path.insert(0, str(PEERS))

import gendata
import sqlrules
from results_md import replace_section

MAIN_PY = Path(sys.executable)
SHUZHI = MAIN_PY.parent / "shuzhi"
SECTION = "## Quality rules (issue 3)"

# tool → (venv name or None for the project's venv, runner argv after the interpreter, pip requirements)
TOOLS: dict[str, tuple[str | None, list[str], list[str]]] = {
    "handsql": (None, ["handsql.py"], []),
    "shuzhi": (None, [], []),
    "shuzhi-nosamples": (None, [], []),
    "soda": ("soda", ["soda_runner.py"], ["soda-core>=4,<5", "soda-duckdb>=4,<5", "duckdb==1.5.6"]),
    "cuallee": ("cuallee", ["cuallee_runner.py"], ["cuallee", "duckdb==1.5.6", "numpy", "pandas", "pyarrow"]),
    "gx-duckdb": ("gx", ["gx_runner.py", "{spec}", "duckdb"],
                  ["great_expectations>=1,<2", "duckdb_engine", "duckdb==1.5.6", "sqlalchemy<2.1", "pyarrow"]),
    "gx-pandas": ("gx", ["gx_runner.py", "{spec}", "pandas"], []),
}
LABELS = {"handsql": ("hand-written SQL (the limit)", "DuckDB, one SELECT"), "shuzhi": ("shuzhi quality run", "DuckDB"),
          "shuzhi-nosamples": ("shuzhi quality run --samples 0 (counts only, like the others)", "DuckDB"),
          "soda": ("Soda Core 4", "DuckDB (in-memory, view over Parquet)"), "cuallee": ("cuallee", "DuckDB"),
          "gx-duckdb": ("Great Expectations 1.x", "DuckDB via SQLAlchemy (unofficial)"),
          "gx-pandas": ("Great Expectations 1.x", "pandas")}


def ensure_venv(work: Path, tool: str, skip_install: bool) -> Path | None:
    venv, _, reqs = TOOLS[tool]
    if venv is None:
        return MAIN_PY
    py = work / "venvs" / venv / "bin" / "python"
    if py.exists() or skip_install:
        return py if py.exists() else None
    subprocess.run(["python3", "-m", "venv", str(py.parent.parent)], check=True)
    allreqs = sorted({r for t, (v, _, rs) in TOOLS.items() if v == venv for r in rs})
    print(f"installing {venv}: {' '.join(allreqs)}")
    subprocess.run([str(py), "-m", "pip", "install", "-q", *allreqs], check=True)
    return py


def machine() -> str:
    model = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "?")
    mem = next((int(ln.split()[1]) for ln in open("/proc/meminfo") if ln.startswith("MemTotal")), 0)
    return f"{model}, {os.cpu_count()} vCPU, {mem / 1024 ** 2:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def data_file(work: Path, rows: int, codes: dict) -> Path:
    path = work / f"quality_{rows}_g{gendata.GENERATOR_VERSION}.parquet"
    if not path.exists():
        t = time.perf_counter()
        gendata.write_parquet(path, rows, codes)
        check = gendata.verify_sample(path, codes)
        print(f"generated {path.name} ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t:.1f}s; "
              f"check characters vs shuzhi.standards.checksums on {check['sampled']} rows: {check['disagreements']} disagreements")
    return path


def warm(path: Path) -> None:
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def children_cpu() -> float:
    """CPU seconds (user + system) of all waited-for child processes so far."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_runner(py: Path, tool: str, spec_path: Path) -> dict:
    argv = [a.replace("{spec}", str(spec_path)) for a in TOOLS[tool][1]]
    if "{spec}" not in " ".join(TOOLS[tool][1]):
        argv = argv + [str(spec_path)]
    argv[0] = str(PEERS / argv[0])
    t, cpu = time.perf_counter(), children_cpu()
    p = subprocess.run([str(py), *argv], capture_output=True, text=True, cwd=PEERS,
                       env={**os.environ, "PYTHONPATH": str(PEERS), "TQDM_DISABLE": "1"})
    wall, cpu = time.perf_counter() - t, children_cpu() - cpu
    line = next((ln for ln in p.stdout.splitlines() if ln.startswith("@@RESULT ")), None)
    if line is None:
        err = (p.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {p.returncode}: {err[:300]}", "wall": wall}
    out = json.loads(line.removeprefix("@@RESULT "))
    out["wall"], out["cpu"] = wall, cpu
    if all(v is None for v in out["failed"].values()):
        errs = out.get("errors") or ["no counts"]
        out["error"] = errs[0][:200] + (f" (and {len(errs) - 1} more)" if len(errs) > 1 else "")
    return out


# ---- shuzhi, through its CLI -------------------------------------------------------------------------------

def shuzhi_available() -> str | None:
    """None when ``shuzhi quality run`` exists, else why not."""
    if not SHUZHI.exists():
        return f"{SHUZHI} not found"
    p = subprocess.run([str(SHUZHI), "quality", "run", "--help"], capture_output=True, text=True)
    return None if p.returncode == 0 else "`shuzhi quality run` not available yet"


def shuzhi_home(work: Path, parquet: Path) -> Path:
    home = work / f"shuzhi_home_{parquet.stem}"
    marker = home / ".bench_ingested"
    if not marker.exists():
        shutil.rmtree(home, ignore_errors=True)
        t = time.perf_counter()
        subprocess.run([str(SHUZHI), "--home", str(home), "ingest", str(parquet), "--code", "bench"], check=True,
                       capture_output=True, text=True)
        marker.write_text(parquet.name)
        print(f"shuzhi ingest (untimed): {time.perf_counter() - t:.1f}s")
    return home


def run_shuzhi(home: Path, rules: Path, *, samples: bool = True) -> dict:
    t, cpu = time.perf_counter(), children_cpu()
    # --recompute: every run does the full work (a second run of one version would otherwise reuse stored counts)
    extra = ["--recompute"] + ([] if samples else ["--samples", "0"])
    p = subprocess.run([str(SHUZHI), "--home", str(home), "quality", "run", "bench", "--rules", str(rules), "--json", *extra],
                       capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t, children_cpu() - cpu
    try:
        doc = json.loads(p.stdout)
    except json.JSONDecodeError:
        err = (p.stderr.strip().splitlines() or p.stdout.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {p.returncode}: {err[:300]}", "wall": wall}
    results = [r for r in doc.get("rules", []) if r.get("check") != "row_count"]
    failed, evaluated, notes = {}, {}, {}
    for rid, entry in sqlrules.RULES:  # rules come back in file order; match by order, verify the check name
        r = results.pop(0) if results else None
        if r is None or r.get("check") != entry["check"]:
            notes[rid] = f"no matching rule in the output ({r and r.get('check')})"
            failed[rid] = None
            continue
        failed[rid], evaluated[rid] = r.get("failed"), r.get("evaluated")
    return {"tool": "shuzhi" if samples else "shuzhi-nosamples", "engine": "DuckDB", "seconds": doc.get("duration_s"),
            "wall": wall, "cpu": cpu, "failed": failed, "evaluated": evaluated, "notes": notes, "versions": {"shuzhi": shuzhi_version()}, "rows": doc.get("rows")}


def shuzhi_version() -> str:
    p = subprocess.run([str(SHUZHI), "--version"], capture_output=True, text=True)
    return (p.stdout.strip().split() or ["?"])[-1]


# ---- orchestration -------------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--skip-install", action="store_true", help="never create or install a peer venv")
    ap.add_argument("--threads", type=int, default=os.cpu_count(), help="DuckDB threads for every DuckDB tool")
    ap.add_argument("--gx-pandas-rows", type=int, default=2_000_000,
                    help="GX on pandas runs on the first N rows (a file of its own; default 2M) — it needs GBs of RAM")
    ap.add_argument("--python-check", action="store_true", help="also check the hand-written counts row by row in Python (≤ 200k rows)")
    ap.add_argument("--work", type=Path, default=HERE / "work")
    ap.add_argument("--no-results", action="store_true", help="do not write benchmarks/RESULTS.md")
    args = ap.parse_args()
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = set(tools) - set(TOOLS)
    if unknown:
        ap.error(f"unknown tools: {', '.join(sorted(unknown))}")
    args.work.mkdir(parents=True, exist_ok=True)

    codes = gendata.load_codes()
    spec_codes = {k: codes[k] for k in ("gb2260", "gb3304", "gb2261")}
    files = {"main": data_file(args.work, args.rows, codes)}
    small_rows = min(args.rows, args.gx_pandas_rows)
    if "gx-pandas" in tools and small_rows < args.rows:
        files["small"] = data_file(args.work, small_rows, codes)
    specs = {}
    for key, path in files.items():
        specs[key] = args.work / f"quality_spec_{key}.json"
        specs[key].write_text(json.dumps({"parquet": str(path), "threads": args.threads, "codes": spec_codes,
                                          "work": str(args.work)}, ensure_ascii=False))
    rules_path = args.work / "quality_rules.yaml"
    rules_path.write_text(sqlrules.shuzhi_yaml(), encoding="utf-8")

    # (tool, file key) jobs; the hand-written SQL also runs on the small file when GX-pandas does
    jobs: list[tuple[str, str]] = [(t, "small" if t == "gx-pandas" and "small" in files else "main") for t in tools]
    if "small" in files:
        jobs.append(("handsql", "small"))
    if ("handsql", "main") not in jobs:
        jobs.insert(0, ("handsql", "main"))  # the reference is always measured
    unavailable: dict[tuple[str, str], str] = {}
    pythons: dict[str, Path] = {}
    for tool, key in jobs:
        if tool.startswith("shuzhi"):
            why = shuzhi_available()
            if why:
                unavailable[(tool, key)] = why
            continue
        py = ensure_venv(args.work, tool, args.skip_install)
        if py is None:
            unavailable[(tool, key)] = f"venv {TOOLS[tool][0]} missing (--skip-install)"
        else:
            pythons[tool] = py
    wants_shuzhi = any(t.startswith("shuzhi") and (t, "main") not in unavailable for t in tools)
    home = shuzhi_home(args.work, files["main"]) if wants_shuzhi else None

    if args.python_check:
        import pyref

        ref = pyref.counts(str(files["main"]), spec_codes, limit=200_000)
        print("python reference counts (first 200k rows):", json.dumps(ref))

    for path in files.values():
        warm(path)
    runs: dict[tuple[str, str], list[dict]] = {j: [] for j in jobs if j not in unavailable}
    for r in range(args.runs):
        for job in runs:
            tool, key = job
            load = os.getloadavg()[0]
            if tool.startswith("shuzhi"):
                out = run_shuzhi(home, rules_path, samples=tool == "shuzhi")
            else:
                out = run_runner(pythons[tool], tool, specs[key])
            out["load_before"] = load
            runs[job].append(out)
            status = out.get("error") or f"{out['seconds']:.2f}s (wall {out['wall']:.2f}s; 1-min load before {load:.1f})"
            print(f"round {r + 1}/{args.runs} {tool:10s} [{key}] {status}", flush=True)

    summary = summarize(jobs, runs, unavailable, files)
    print_table(summary)
    record = {"date": dt.datetime.now().isoformat(timespec="seconds"), "rows": args.rows, "runs": args.runs,
              "threads": args.threads, "machine": machine(), "files": {k: str(v) for k, v in files.items()},
              "summary": summary}
    with open(args.work / "quality_bench.json", "a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
    if not args.no_results:
        write_results(record, rules_path)


def summarize(jobs, runs, unavailable, files) -> list[dict]:
    rows = []
    ref = {}
    for key in files:
        ok = [o for o in runs.get(("handsql", key), []) if "error" not in o]
        ref[key] = {"median": statistics.median(o["seconds"] for o in ok) if ok else None,
                    "failed": ok[-1]["failed"] if ok else {}, "rows": ok[-1].get("rows") if ok else None}
    for job in jobs:
        tool, key = job
        name, engine = LABELS[tool]
        row = {"tool": tool, "name": name, "engine": engine, "file": key, "rows": ref[key]["rows"]}
        if job in unavailable:
            rows.append({**row, "status": unavailable[job]})
            continue
        ok = [o for o in runs[job] if "error" not in o]
        if not ok:
            rows.append({**row, "status": "failed: " + runs[job][-1]["error"]})
            continue
        last = ok[-1]
        med = statistics.median(o["seconds"] for o in ok)
        wall = statistics.median(o["wall"] for o in ok)
        cpu = statistics.median(o["cpu"] for o in ok) if all("cpu" in o for o in ok) else None
        ref_cpu = [o["cpu"] for o in runs[("handsql", key)] if "error" not in o and "cpu" in o]
        expressed = [rid for rid in sqlrules.RULE_IDS if last["failed"].get(rid) is not None]
        mismatches = {rid: (last["failed"][rid], ref[key]["failed"].get(rid)) for rid in expressed
                      if last["failed"][rid] != ref[key]["failed"].get(rid)}
        base = ref[key]["median"]
        row.update(status="ok", median=med, wall=wall, ratio=med / base if base else None, cpu=cpu,
                   cpu_ratio=cpu / statistics.median(ref_cpu) if cpu is not None and ref_cpu else None,
                   wall_ratio=wall / statistics.median(o["wall"] for o in runs[("handsql", key)] if "error" not in o),
                   expressed=len(expressed), mismatches=mismatches, versions=last.get("versions", {}),
                   notes=last.get("notes", {}), failed=last["failed"], all_runs=[o["seconds"] for o in ok],
                   load_seconds=last.get("load_seconds"), load_before=[o.get("load_before") for o in ok])
        rows.append(row)
    return rows


def max_load(summary: list[dict]) -> float:
    return max((x for r in summary for x in (r.get("load_before") or []) if x is not None), default=0.0)


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _times(ratio: float | None) -> str:
    return "—" if ratio is None else f"{ratio:.2f}×"


def print_table(summary: list[dict]) -> None:
    n = len(sqlrules.RULE_IDS)
    print(f"\n{'tool':32s} {'engine':38s} {'rows':>10s} {'median s':>9s} {'× limit':>8s} {'wall s':>7s} {'CPU ×':>6s} {'rules':>6s}  counts")
    for r in summary:
        if r["status"] != "ok":
            print(f"{r['name']:32s} {r['engine']:38s} {'':>10s} {r['status']}")
            continue
        agree = "agree" if not r["mismatches"] else f"{len(r['mismatches'])} DIFFER"
        print(f"{r['name']:32s} {r['engine']:38s} {r['rows'] or 0:>10,d} {r['median']:9.2f} {r['ratio']:7.2f}× "
              f"{r['wall']:7.2f} {_times(r.get('cpu_ratio')):>6s} {r['expressed']:>2d}/{n}  {agree}")
    for r in summary:
        for rid, (got, want) in (r.get("mismatches") or {}).items():
            print(f"  MISMATCH {r['tool']}: {rid}: {got} vs hand-written {want}")


def write_results(record: dict, rules_path: Path) -> None:
    n = len(sqlrules.RULE_IDS)
    s = record["summary"]
    lines = [SECTION, "",
             "Requirement: the same rule set (≥ 20 rules over ≥ 10 columns, incl. the ID check digit) on the same",
             "generated Parquet file, in one run: shuzhi vs one hand-written DuckDB SELECT computing the same counts",
             "(the limit), Soda Core 4, cuallee and Great Expectations 1.x, each in its own venv, with the failure",
             "counts checked against each other. Goal: **shuzhi ≤ 1.1×** the hand-written SQL.", "",
             "```sh",
             ".venv/bin/python benchmarks/quality_bench.py                     # 10M rows, 3 runs, all tools; rewrites this section",
             ".venv/bin/python benchmarks/quality_bench.py --rows 200000 --runs 1 --tools handsql,soda --no-results",
             "```", "",
             "Options: `--rows`, `--runs`, `--tools handsql,shuzhi,shuzhi-nosamples,soda,cuallee,gx-duckdb,gx-pandas`, `--threads`",
             "(DuckDB threads for every DuckDB tool; default all cores), `--gx-pandas-rows` (default 2M), `--skip-install`,",
             "`--python-check` (checks the hand-written counts row by row in Python with `shuzhi.standards.checksums`),",
             "`--no-results`. Peer venvs are created under `benchmarks/work/venvs/` (git-ignored) on first use.", "",
             f"Run {record['date']}; machine: {record['machine']}; DuckDB threads {record['threads']}; "
             f"{record['rows']:,} rows; median of {record['runs']} runs, each a fresh process, tools round-robin; "
             "the file in the page cache.", "",
             f"Highest 1-minute load average seen before a run: {max_load(s):.1f} on {os.cpu_count()} cores"
             + (" — **the machine was shared with other jobs during the run; treat the times as indicative**."
                if max_load(s) > 1.5 * (os.cpu_count() or 1) else "."), "",
             "| tool | engine | rows | median s | × limit | process wall s | process CPU s | CPU × limit | rules expressed | counts vs limit |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in s:
        if r["status"] != "ok":
            lines.append(f"| {r['name']} | {r['engine']} | | — | — | — | — | — | — | {r['status']} |")
            continue
        agree = "agree" if not r["mismatches"] else f"**{len(r['mismatches'])} differ** (below)"
        ver = ", ".join(f"{k} {v}" for k, v in r["versions"].items())
        lines.append(f"| {r['name']} ({ver}) | {r['engine']} | {r['rows']:,} | {r['median']:.2f} | "
                     f"**{r['ratio']:.2f}×** | {r['wall']:.2f} | {_seconds(r.get('cpu'))} | "
                     f"{_times(r.get('cpu_ratio'))} | {r['expressed']} of {n} | {agree} |")
    lines += ["", "\"median s\" is the time inside each process from after its imports to its counts (connection and",
              "setup included); for shuzhi it is the `duration_s` of its JSON. \"process wall s\" adds interpreter",
              "start-up and imports. \"× limit\" divides by the hand-written SQL on the same file (GX on pandas runs",
              "on a smaller file, against the hand-written SQL on that file). \"process CPU s\" is the CPU time (user +",
              "system, all threads) of the whole process, imports included; on a shared machine it varies less than",
              "wall time, so read \"CPU × limit\" next to \"× limit\".", ""]
    if any(r["tool"] == "gx-duckdb" and r["status"] != "ok" for r in s):
        lines += ["GX on DuckDB fails here: `SqlAlchemyExecutionEngine.execute_query` returns the SQLAlchemy result after",
                  "closing its connection, and with duckdb_engine the rows are gone by then (`with engine.connect() as c:",
                  "r = c.execute(text('select 42'))` then `r.fetchall()` gives `[]`), so every bundled metric query comes",
                  "back empty (MetricResolutionError 'list index out of range'). Not worked around: that would mean",
                  "patching GX.", ""]
    mism = [(r, rid, v) for r in s if r["status"] == "ok" for rid, v in r["mismatches"].items()]
    if mism:
        lines += ["Count disagreements (tool's failures vs the hand-written query's):", ""]
        lines += [f"- {r['name']} / {r['engine']}: `{rid}` {got} vs {want}" for r, rid, (got, want) in mism]
        lines.append("")
    hand = next(r for r in s if r["tool"] == "handsql" and r["file"] == "main")
    if hand["status"] == "ok":
        lines += ["Failures per rule (hand-written SQL; every tool that expresses a rule must report the same):", "",
                  "| rule | shuzhi YAML | failed |", "|---|---|---:|"]
        for rid, entry in sqlrules.RULES:
            lines.append(f"| `{rid}` | `{json.dumps(entry, ensure_ascii=False)}` | {hand['failed'][rid]:,} |")
        lines.append("")
    how = [(r, rid, note) for r in s if r["status"] == "ok" for rid, note in r["notes"].items()]
    if how:
        lines += ["How the peers express the rules (rules not listed use a built-in check of the same meaning):", ""]
        by_tool: dict[str, list[str]] = {}
        for r, rid, note in how:
            by_tool.setdefault(f"{r['name']} / {r['engine']}", []).append(f"`{rid}`: {note}")
        lines += [f"- **{k}**: " + "; ".join(v) + "." for k, v in by_tool.items()]
        lines.append("")
    lines += ["Rules, semantics and the generator: `benchmarks/quality_peers/sqlrules.py` and `gendata.py`; the",
              f"shuzhi rules file is written to `benchmarks/work/{rules_path.name}` on every run.", ""]
    replace_section(SECTION, lines)


if __name__ == "__main__":
    main()
