"""Part 2 of the masking benchmark: k-anonymity on 1M rows × 6 quasi-identifiers.

A seeded table (DuckDB SQL: GB/T 2260-shaped area codes, age, sex, date of birth, a 6-digit zip, an
education category, and a sensitive disease column) is anonymized with ``shuzhi.masking.anonymize``
in a fresh process per run: seconds, lattice nodes evaluated, the chosen levels, suppression and
information loss, and k / ℓ of the output measured independently. There is no peer in the same run
(ARX is a Java desktop library); the numbers are reported, not compared.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_common import children_cpu, round_robin

EDUCATION = {"小学": ["基础", "*"], "初中": ["基础", "*"], "高中": ["中等", "*"], "中专": ["中等", "*"],
             "大专": ["高等", "*"], "本科": ["高等", "*"], "硕士": ["研究生", "*"], "博士": ["研究生", "*"]}
HIERARCHIES = {"area": {"kind": "area"}, "age": {"kind": "age"}, "sex": {"kind": "suppress"}, "dob": {"kind": "date"},
               "zip": {"kind": "mask", "length": 6}, "edu": {"kind": "values", "mapping": EDUCATION}}
MODELS = {"k5": {"k": 5}, "k5-l2": {"k": 5, "l": 2, "sensitive": "disease"}}


def table(work: Path, rows: int) -> Path:
    path = work / f"kanon_{rows}.parquet"
    if path.exists():
        return path
    import duckdb

    tmp = path.with_suffix(".tmp")
    duckdb.connect().execute(f"""
        COPY (SELECT
            lpad(CAST(11 + hash(i, 1) % 31 AS VARCHAR), 2, '0') || lpad(CAST(1 + hash(i, 2) % 15 AS VARCHAR), 2, '0')
              || lpad(CAST(1 + hash(i, 3) % 12 AS VARCHAR), 2, '0') AS area,
            CAST(hash(i, 4) % 90 AS VARCHAR) AS age,
            CASE WHEN hash(i, 5) % 2 = 0 THEN '男' ELSE '女' END AS sex,
            CAST(DATE '1935-01-01' + CAST(hash(i, 6) % 32000 AS INTEGER) AS VARCHAR) AS dob,
            lpad(CAST(100000 + hash(i, 7) % 800000 AS VARCHAR), 6, '0') AS zip,
            ['小学','初中','高中','中专','大专','本科','硕士','博士'][1 + CAST(hash(i, 8) % 8 AS INTEGER)] AS edu,
            ['流感','感冒','糖尿病','高血压','肿瘤'][1 + CAST(hash(i, 9) % 5 AS INTEGER)] AS disease
        FROM range({rows}) t(i)) TO '{tmp}' (FORMAT parquet)""")
    tmp.rename(path)
    return path


def job(spec: dict) -> dict:
    """One anonymization in this process (called by ``--job``)."""
    from shuzhi.engine.duckdb import DuckDBEngine
    from shuzhi.masking.anonymize import anonymize
    from shuzhi.masking.hierarchy import hierarchy_from_spec

    engine = DuckDBEngine()
    t, cpu = time.perf_counter(), time.process_time()
    result = anonymize(engine, engine.read_parquet(spec["parquet"]), list(HIERARCHIES),
                       {q: hierarchy_from_spec(s) for q, s in HIERARCHIES.items()}, **MODELS[spec["model"]])
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    d = result.to_dict()
    engine.close()
    return {"seconds": seconds, "cpu_in": cpu, **{k: d[k] for k in ("levels", "level_names", "suppressed", "info_loss",
                                                                    "evaluated", "lattice_size", "measures")}}


def run(args, work: Path) -> dict:
    path = table(work, args.anon_rows)

    def one(model: str) -> dict:
        spec = work / f"kanon_spec_{model}.json"
        spec.write_text(json.dumps({"parquet": str(path), "model": model}), encoding="utf-8")
        t, cpu = time.perf_counter(), children_cpu()
        p = subprocess.run([sys.executable, str(Path(__file__).resolve().parent / "masking_bench.py"), "--kanon-job", str(spec)],
                           capture_output=True, text=True, check=False)
        wall, cpu = time.perf_counter() - t, children_cpu() - cpu
        line = next((ln for ln in p.stdout.splitlines() if ln.startswith("@@RESULT ")), None)
        if line is None:
            return {"error": f"exit {p.returncode}: {(p.stderr.strip().splitlines() or ['no output'])[-1][:300]}", "wall": wall}
        return {**json.loads(line.removeprefix("@@RESULT ")), "wall": wall, "cpu": cpu}

    runs = round_robin("part 2", list(MODELS), args.anon_runs, one,
                       status=lambda o: f"{o['seconds']:.1f}s, {o['evaluated']}/{o['lattice_size']} nodes, suppressed {o['suppressed']:,}")
    models = {}
    for name, outs in runs.items():
        ok = [o for o in outs if "error" not in o]
        models[name] = ({"status": "ok", **ok[-1], "median_s": statistics.median(o["seconds"] for o in ok),
                         "all_runs": [o["seconds"] for o in ok]} if ok else {"status": "failed: " + outs[-1]["error"]})
    return {"rows": args.anon_rows, "runs": args.anon_runs, "models": models}


def lines(p2: dict) -> list[str]:
    out = [f"### Part 2: k-anonymity on {p2['rows']:,} rows × {len(HIERARCHIES)} quasi-identifiers", "",
           "Quasi-identifiers and hierarchies: " + ", ".join(f"{q} ({s['kind']})" for q, s in HIERARCHIES.items())
           + "; suppression limit 5 %; a fresh process per run on `DuckDBEngine()`, median of "
           f"{p2['runs']} run(s). The output's k and ℓ are measured again by `privacy.measure`.", "",
           "| model | median s | runs (s) | nodes evaluated | chosen levels | suppressed | precision loss | discernibility | output k | output ℓ |",
           "|---|---:|---|---:|---|---:|---:|---:|---:|---:|"]
    for name, r in p2["models"].items():
        if r["status"] != "ok":
            out.append(f"| {name} | — | | | | | | | | {r['status']} |")
            continue
        levels = ", ".join(f"{q}→{n}" for q, n in r["level_names"].items())
        m, loss = r["measures"], r["info_loss"]
        out.append(f"| {json.dumps(MODELS[name], ensure_ascii=False)} | {r['median_s']:.1f} | {', '.join(f'{x:.1f}' for x in r['all_runs'])} | "
                   f"{r['evaluated']} of {r['lattice_size']} | {levels} | {r['suppressed']:,} ({loss['suppressed_share']:.2%}) | "
                   f"{loss['precision_loss']:.3f} | {loss['discernibility']:.3g} | {m['k']} | {m.get('l_distinct') or '—'} |")
    return [*out, ""]
