"""Masking benchmark (issue 5): static masking of a table vs a plain Parquet copy of it, in the same run.

Part 1 — a generated table of ``--rows`` rows (default 10M) × 13 text columns (:data:`COLUMNS`; numpy and
pyarrow, cached as ``<work>/masking_<rows>_<generator hash>.parquet``, Snappy like shuzhi's versions) and
two jobs on a ``DuckDBEngine``, each run in a fresh process (this script with ``--job SPEC``), round-robin,
median of ``--runs``:

- ``copy`` (the reference): ``engine.write_parquet(engine.read_parquet(path), out)``;
- ``mask``: the same with ``shuzhi.masking.static.mask_table`` in between, 8 columns transformed
  (:data:`PLAN`: mask ×3, generalize ×2, hash HMAC-SM3, tokenize SM4-SIV, fpe FF1), 5 kept; keys are
  ``keyring.Key`` objects with random material (:func:`bench_keys`), so no keyring or catalog is needed.

Goal: mask ≤ 2× copy (wall; process CPU time shown next to it). ``--per-column`` also runs, on
``--per-column-rows`` rows (default 1M), the copy with one column at a time transformed: what it adds to
the copy is that transform's cost. ``--profile`` runs the keyed transforms' batch functions (the ones
``mask_table`` builds) under pyinstrument, in 2,048-row batches as DuckDB passes them to a UDF.

Part 2: k-anonymity on 1M rows × 6 quasi-identifiers (``kanon_part.py``), with its timing and information
loss. ``--skip-part1`` runs only the other parts; the RESULTS.md section then shows the latest part 1 from
the log. ``crypto_floor.py`` measures what the keyed columns' primitives alone cost against the 2× budget.

    .venv/bin/python benchmarks/masking_bench.py --rows 200000 --runs 1 --no-results
    .venv/bin/python benchmarks/masking_bench.py --per-column --profile     # 10M rows, 3 runs; rewrites RESULTS.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import inspect
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "discovery_peers"))

import gendata  # the discovery table's word lists: names, addresses, mobile segments, …
import kanon_part
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from bench_common import (
    children_cpu,
    code_state,
    describe_code,
    machine,
    ratio,
    round_robin,
    warm,
)
from results_md import replace_section

SECTION = "## Masking (issue 5)"
SEED = 20261201
BATCH = 2048  # DuckDB's vector size: the rows a scalar UDF gets per call

# ---- the table --------------------------------------------------------------------------------------------

COLUMNS: dict[str, str] = {
    "登记编号": "DJ + 10 digits, unique",
    "姓名": "surname (4 compound) + 1–2 given characters",
    "公民身份号码": "GB 11643: GB/T 2260 county + birth date 1940–2009 + sequence + MOD 11-2 check",
    "出生日期": "yyyy-mm-dd, the ID's birth date",
    "年龄": "integer as text (age in 2024)",
    "手机号码": "11 digits, current segments",
    "备用电话": "a second mobile, 11 digits",
    "家庭住址": "省市区 + road + number (+ building/unit/room for half)",
    "电子邮箱": "user + number @ domain",
    "银行卡号": "62 + 16 digits + Luhn check digit (19)",
    "行政区划代码": "GB/T 2260 county code (the ID's first 6 digits)",
    "登记日期": "yyyy-mm-dd, 2015–2024",
    "备注": "one of 10 complaint/enquiry texts",
}
NULL_SHARE = 0.02  # of each personal-data column, as NULL


def _digits(x: np.ndarray, width: int) -> np.ndarray:
    """Zero-padded decimal digits of non-negative integers, as ASCII codes: an (N, width) uint8 array."""
    out = np.empty((len(x), width), dtype=np.uint8)
    x = x.astype(np.int64)
    for j in reversed(range(width)):
        x, out[:, j] = np.divmod(x, 10)
    return out + 48 if width else out


def _fixed(codes: np.ndarray) -> pa.Array:
    """Rows of an (N, width) ASCII array as a string array, without a Python object per value."""
    n, width = codes.shape
    offsets = np.arange(n + 1, dtype=np.int32) * width
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(np.ascontiguousarray(codes)))


def _number(x: np.ndarray) -> pa.Array:
    return pc.cast(pa.array(x), pa.string())


def _take(items: list[str], idx: np.ndarray) -> pa.Array:
    return pa.array(items, pa.string()).take(pa.array(idx))


def _pick(rng: np.random.Generator, items: list[str], n: int) -> pa.Array:
    return _take(items, rng.integers(0, len(items), n))


def _join(*parts: pa.Array | str) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def _blank(rng: np.random.Generator, arr: pa.Array, share: float = NULL_SHARE) -> pa.Array:
    return pc.if_else(pa.array(rng.random(len(arr)) < share), pa.scalar(None, arr.type), arr)


def _id_check_chars() -> np.ndarray:
    """``sum mod 11`` → check character, taken from ``shuzhi.standards.checksums.gb11643_check_char``."""
    from shuzhi.standards.checksums import gb11643_check_char

    weights = [pow(2, 17 - i, 11) for i in range(17)]  # GB 11643-1999 §5
    table: dict[int, str] = {}
    k = 0
    while len(table) < 11:
        body = f"{k:017d}"
        table.setdefault(sum(int(c) * w for c, w in zip(body, weights)) % 11, gb11643_check_char(body))
        k += 1
    return np.array([ord(table[r]) for r in range(11)], dtype=np.uint8)


def generate(rows: int) -> pa.Table:
    """The benchmark table: every column text, a function of ``rows`` and :data:`SEED` only."""
    rng = np.random.default_rng(SEED)
    n = rows
    born = np.datetime64("1940-01-01") + rng.integers(0, 70 * 365, n)
    year = born.astype("datetime64[Y]").astype(np.int64) + 1970
    month = born.astype("datetime64[M]").astype(np.int64) % 12 + 1
    day = (born - born.astype("datetime64[M]")).astype(np.int64) + 1
    area = np.asarray(gendata.AREAS)[rng.integers(0, len(gendata.AREAS), n)]
    body = np.concatenate([_digits(area, 6), _digits(year, 4), _digits(month, 2), _digits(day, 2),
                           rng.integers(48, 58, (n, 3), dtype=np.uint8)], axis=1)
    weights = np.array([pow(2, 17 - i, 11) for i in range(17)], dtype=np.int64)
    check = _id_check_chars()[((body - 48).astype(np.int64) @ weights) % 11]
    resident_id = _fixed(np.concatenate([body, check[:, None]], axis=1))
    dob = _fixed(np.concatenate([_digits(year, 4), np.full((n, 1), 45, np.uint8), _digits(month, 2),
                                 np.full((n, 1), 45, np.uint8), _digits(day, 2)], axis=1))
    card_body = np.concatenate([np.tile(np.array([54, 50], np.uint8), (n, 1)),
                                rng.integers(48, 58, (n, 16), dtype=np.uint8)], axis=1)
    rev = (card_body[:, ::-1] - 48).astype(np.int64)  # Luhn (ISO/IEC 7812-1 Annex B): double every second digit from the right
    doubled = rev[:, 0::2] * 2
    total = (doubled - 9 * (doubled > 9)).sum(axis=1) + rev[:, 1::2].sum(axis=1)
    card = _fixed(np.concatenate([card_body, ((10 - total % 10) % 10 + 48).astype(np.uint8)[:, None]], axis=1))

    def mobile() -> pa.Array:
        return _join(_pick(rng, gendata.MOBILE_SEGMENTS, n),
                     _fixed(rng.integers(48, 58, (n, 8), dtype=np.uint8)))

    given = _pick(rng, gendata.GIVEN, n)
    two = rng.random(n) < 0.6
    name = _join(_pick(rng, gendata.SURNAMES, n), pc.if_else(pa.array(two), _join(given, _pick(rng, gendata.GIVEN, n)), given))
    place = rng.integers(0, len(gendata.PROVINCE_CITY_DISTRICT), n)
    flat = _join(_number(rng.integers(1, 30, n)), "栋", _number(rng.integers(1, 6, n)), "单元", _number(rng.integers(101, 2400, n)), "室")
    address = _join(*[_take([p[k] for p in gendata.PROVINCE_CITY_DISTRICT], place) for k in range(3)],
                    _pick(rng, gendata.ROADS, n), _number(rng.integers(1, 400, n)), "号",
                    pc.if_else(pa.array(rng.random(n) < 0.5), flat, pa.scalar("", pa.string())))
    email = _join(_pick(rng, gendata.MAIL_USERS, n), _number(rng.integers(1, 1000, n)), "@", _pick(rng, gendata.MAIL_DOMAINS, n))
    registered = np.datetime64("2015-01-01") + rng.integers(0, 3652, n)
    columns = {
        "登记编号": _join("DJ", _fixed(_digits(np.arange(n), 10))),
        "姓名": _blank(rng, name),
        "公民身份号码": _blank(rng, resident_id),
        "出生日期": _blank(rng, dob),
        "年龄": _number(2024 - year),
        "手机号码": _blank(rng, mobile()),
        "备用电话": _blank(rng, mobile()),
        "家庭住址": _blank(rng, address),
        "电子邮箱": _blank(rng, email),
        "银行卡号": _blank(rng, card),
        "行政区划代码": _fixed(_digits(area, 6)),
        "登记日期": pc.cast(pa.array(registered.astype("datetime64[D]").astype(str)), pa.string()),
        "备注": _pick(rng, gendata.EVENTS[:10], n),
    }
    assert list(columns) == list(COLUMNS)
    return pa.table(columns)


def generator_hash() -> str:
    parts = [inspect.getsource(f) for f in (_digits, _fixed, _number, _take, _pick, _join, _blank, _id_check_chars, generate)]
    words = [getattr(gendata, w) for w in ("AREAS", "EVENTS", "GIVEN", "MAIL_DOMAINS", "MAIL_USERS", "MOBILE_SEGMENTS",
                                            "PROVINCE_CITY_DISTRICT", "ROADS", "SURNAMES")]
    text = "".join(parts) + json.dumps([SEED, NULL_SHARE, words], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def data(work: Path, rows: int) -> Path:
    """The cached table for ``rows``, generated (and checked) when missing."""
    import pyarrow.parquet as pq

    path = work / f"masking_{rows}_{generator_hash()}.parquet"
    if path.exists():
        return path
    work.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    table = generate(rows)
    gen_s = time.perf_counter() - t
    tmp = path.with_suffix(".tmp")
    # DuckDB's row-group size: the file looks like a version shuzhi wrote
    pq.write_table(table, tmp, compression="snappy", row_group_size=122_880)
    tmp.rename(path)
    check = verify_sample(path)
    print(f"generated {path.name} ({path.stat().st_size / 1e6:.0f} MB) in {gen_s:.1f}s + {time.perf_counter() - t - gen_s:.1f}s "
          f"to write; checked on the first rows: {json.dumps(check)}", flush=True)
    if check["id_invalid"] or check["card_invalid"]:
        raise SystemExit(f"generator bug: invalid check characters in {path}")
    return path


def verify_sample(path: Path, k: int = 20_000) -> dict[str, int]:
    """The check characters of the first ``k`` rows against ``shuzhi.standards.checksums``."""
    import pyarrow.parquet as pq

    from shuzhi.standards.checksums import gb11643_valid, luhn_valid

    first = next(pq.ParquetFile(path).iter_batches(batch_size=k, columns=["公民身份号码", "银行卡号", "出生日期"]))
    ids, cards, dobs = (first.column(i).to_pylist() for i in range(3))
    return {"rows": len(ids), "id_invalid": sum(1 for v in ids if v and not gb11643_valid(v)),
            "card_invalid": sum(1 for v in cards if v and not luhn_valid(v)),
            "dob_mismatch": sum(1 for i, d in zip(ids, dobs) if i and d and i[6:14] != d.replace("-", ""))}


# ---- the masking plan ---------------------------------------------------------------------------------------

#: column → (transform, options, entity); the columns not listed are kept
PLAN: dict[str, tuple[str, dict, str]] = {
    "公民身份号码": ("mask", {}, "CN_RESIDENT_ID"),
    "手机号码": ("mask", {}, "CN_MOBILE"),
    "姓名": ("mask", {}, "CN_PERSON_NAME"),
    "家庭住址": ("generalize", {}, "CN_ADDRESS"),
    "出生日期": ("generalize", {"to": "year"}, "DATE_OF_BIRTH"),
    "电子邮箱": ("hash", {}, "EMAIL"),
    "银行卡号": ("tokenize", {}, "BANK_CARD"),
    "备用电话": ("fpe", {}, "CN_MOBILE"),
}
#: purpose → (algorithm, key bytes) of the bench keys; fpe's is set by --fpe-cipher
ALGORITHMS = {"hash": ("hmac-sm3", 32), "tokenize": ("sm4-cmac-siv", 32), "fpe-sm4": ("ff1-sm4", 16), "fpe-aes": ("ff1-aes", 32)}


def column_plans(only: str | None = None) -> list:
    """:data:`PLAN` as ``ColumnPlan`` s; with ``only``, that column transformed and every other kept."""
    from shuzhi.masking.policy import Decision
    from shuzhi.masking.static import ColumnPlan

    plans = []
    for col in COLUMNS:
        action, options, entity = PLAN.get(col, ("keep", {}, None))
        if only is not None and col != only:
            action, options = "keep", {}
        plans.append(ColumnPlan(col, "L3", None, [entity] if entity else [], Decision(action, options, "policy", "bench")))
    return plans


def bench_keys(fpe_cipher: str):
    """``keys(name, purpose)`` for ``mask_table``: one random key per purpose, built directly (no keyring)."""
    import secrets

    from shuzhi.security.keyring import Key

    made: dict[str, Key] = {}

    def keys(name: str, purpose: str) -> Key:
        if name not in made:
            alg, size = ALGORITHMS[f"fpe-{fpe_cipher}" if purpose == "fpe" else purpose]
            made[name] = Key(f"bench-{name}.1", name, purpose, alg, secrets.token_bytes(size))
        return made[name]

    return keys


# ---- one job, in a fresh process ------------------------------------------------------------------------------

def instrument_udfs(stats: dict[str, dict], batches: dict[str, object] | None = None) -> None:
    """Count and time every call of the keyed transforms' batch functions (wrapping
    ``shuzhi.masking.keyed.vectorized``); with ``batches``, also keep each function by label."""
    import threading

    from shuzhi.masking import keyed

    original, lock = keyed.vectorized, threading.Lock()

    def vectorized(engine, fn, out, label):
        entry = stats.setdefault(label, {"calls": 0, "rows": 0, "seconds": 0.0})
        if batches is not None:
            batches[label] = fn

        def timed(a):
            t = time.perf_counter()
            try:
                return fn(a)
            finally:
                took = time.perf_counter() - t
                with lock:
                    entry["calls"] += 1
                    entry["rows"] += len(a)
                    entry["seconds"] += took

        return original(engine, timed, out, label)

    keyed.vectorized = vectorized


def job(spec_path: str) -> None:
    """Run one job of ``spec`` and print ``@@RESULT {json}``: the seconds and CPU seconds (this process,
    all threads) from after the engine's start to the written file, and the keyed UDFs' calls."""
    from importlib import metadata

    from shuzhi.engine.duckdb import DuckDBEngine
    from shuzhi.masking.static import mask_table  # imported by both jobs: same start-up

    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    kind, out = spec["kind"], spec["out"]
    udfs: dict[str, dict] = {}
    if kind != "copy":
        instrument_udfs(udfs)
    engine = DuckDBEngine(threads=spec.get("threads"))
    t, cpu = time.perf_counter(), time.process_time()
    table = engine.read_parquet(spec["parquet"])
    used = {}
    if kind != "copy":
        only = kind.split(":", 1)[1] if ":" in kind else None
        table, used = mask_table(engine.name, table, column_plans(only), bench_keys(spec["fpe_cipher"]))
    build_s = time.perf_counter() - t
    engine.write_parquet(table, out)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    threads = engine._raw.execute("SELECT current_setting('threads')").fetchone()[0]
    engine.close()
    result = {"seconds": seconds, "cpu_in": cpu, "build_s": build_s, "threads": threads, "udfs": udfs,
              "used": {c: {k: v for k, v in u.items() if k != "keys"} for c, u in used.items()},
              "versions": {p: metadata.version(p) for p in ("shuzhi", "duckdb", "ibis-framework", "pyarrow", "cryptography")}}
    print("@@RESULT " + json.dumps(result, ensure_ascii=False), flush=True)


def run_job(name: str, path: Path, work: Path, args) -> dict:
    """Job ``name`` — ``copy``, ``mask`` or ``mask:<column>``, with ``@N`` for N DuckDB threads — in a fresh process."""
    kind, _, threads = name.partition("@")
    out = work / "masking_out"
    shutil.rmtree(out, ignore_errors=True)
    spec_path = work / "masking_spec.json"
    spec = {"kind": kind, "parquet": str(path), "out": str(out), "fpe_cipher": args.fpe_cipher,
            "threads": int(threads) if threads else args.threads}
    spec_path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    t, cpu = time.perf_counter(), children_cpu()
    p = subprocess.run([sys.executable, __file__, "--job", str(spec_path)], capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - t, children_cpu() - cpu
    line = next((ln for ln in p.stdout.splitlines() if ln.startswith("@@RESULT ")), None)
    if line is None:
        err = (p.stderr.strip().splitlines() or ["no output"])[-1]
        shutil.rmtree(out, ignore_errors=True)
        return {"error": f"exit {p.returncode}: {err[:300]}", "wall": wall}
    res = json.loads(line.removeprefix("@@RESULT "))
    res.update(wall=wall, cpu=cpu, out_mb=sum(f.stat().st_size for f in out.iterdir()) / 1e6)
    if name == "mask":
        res["example"] = example_row(path, out)
    shutil.rmtree(out, ignore_errors=True)
    return res


def example_row(source: Path, out: Path) -> dict:
    """The first row with every planned column non-NULL, before and after masking, and both files' row counts."""
    import duckdb

    con = duckdb.connect()
    cols = ", ".join(f'"{c}"' for c in PLAN)
    full = " AND ".join(f'"{c}" IS NOT NULL' for c in PLAN)
    src, dst = f"read_parquet('{source}')", f"read_parquet('{out}/*.parquet')"
    rows = [con.execute(f"SELECT count(*) FROM {f}").fetchone()[0] for f in (src, dst)]
    first = con.execute(f"SELECT min(登记编号) FROM {src} WHERE {full}").fetchone()[0]
    before = con.execute(f"SELECT {cols} FROM {src} WHERE 登记编号 = ?", [first]).fetchone()
    after = con.execute(f"SELECT {cols} FROM {dst} WHERE 登记编号 = ?", [first]).fetchone()
    con.close()
    return {"rows_in": rows[0], "rows_out": rows[1], "before": dict(zip(PLAN, before)), "after": dict(zip(PLAN, after))}


def _status(out: dict) -> str:
    return f"{out['seconds']:.2f}s, CPU {out['cpu_in']:.1f}s (process wall {out['wall']:.2f}s, CPU {out['cpu']:.1f}s)"


def summarize(runs: list[dict]) -> dict:
    ok = [o for o in runs if "error" not in o]
    if not ok:
        return {"status": "failed: " + runs[-1]["error"]}
    med = lambda key: statistics.median(o[key] for o in ok)
    return {"status": "ok", "seconds": med("seconds"), "cpu_in": med("cpu_in"), "wall": med("wall"), "cpu": med("cpu"),
            "all_runs": [o["seconds"] for o in ok], "all_cpu": [o["cpu_in"] for o in ok], "build_s": med("build_s"),
            "out_mb": ok[-1]["out_mb"], "threads": ok[-1]["threads"], "udfs": ok[-1]["udfs"], "used": ok[-1]["used"], "versions": ok[-1]["versions"],
            "example": ok[-1].get("example"), "load_before": [o["load_before"] for o in ok]}


# ---- part 1: masking vs a plain copy --------------------------------------------------------------------------

def part1(args, work: Path) -> dict:
    t_part = time.perf_counter()
    path = data(work, args.rows)
    warm(path)
    jobs = ["copy", "mask"]
    runs = round_robin("part 1", jobs, args.runs, lambda name: run_job(name, path, work, args), status=_status)
    rows = {j: summarize(runs[j]) for j in jobs}
    result = {"rows": args.rows, "file": str(path), "file_mb": path.stat().st_size / 1e6, "runs": args.runs,
              "fpe": ALGORITHMS[f"fpe-{args.fpe_cipher}"][0], "jobs": rows, "ratio": None, "cpu_ratio": None}
    if all(r["status"] == "ok" for r in rows.values()):
        result["ratio"] = rows["mask"]["seconds"] / rows["copy"]["seconds"]
        result["cpu_ratio"] = rows["mask"]["cpu_in"] / rows["copy"]["cpu_in"]
    if args.per_column:
        result["per_column"] = per_column(args, work)
    if args.profile:
        result["profile"] = profile(args, work, path)
    result["part_seconds"] = time.perf_counter() - t_part
    return result


def per_column(args, work: Path) -> dict:
    """The copy, the full mask and the copy with each planned column alone transformed, on a smaller table;
    then the copy and the mask on one DuckDB thread (what the second thread adds)."""
    path = data(work, args.per_column_rows)
    warm(path)
    jobs = ["copy", "mask", *(f"mask:{c}" for c in PLAN), "copy@1", "mask@1"]
    runs = round_robin("per column", jobs, args.runs, lambda name: run_job(name, path, work, args), status=_status)
    return {"rows": args.per_column_rows, "runs": args.runs, "jobs": {j: summarize(runs[j]) for j in jobs}}


def profile(args, work: Path, path: Path) -> dict:
    """The keyed transforms' batch functions, as ``mask_table`` builds them, over the first
    ``--profile-rows`` rows in :data:`BATCH`-row slices, in this process: seconds per transform and
    a pyinstrument profile (``<work>/masking_profile_<rows>.txt``)."""
    import secrets

    import pyarrow.parquet as pq
    from pyinstrument import Profiler

    from shuzhi.engine.duckdb import DuckDBEngine
    from shuzhi.masking.keyed import FpeParams, fpe_batch
    from shuzhi.masking.static import mask_table

    stats: dict[str, dict] = {}
    batches: dict[str, object] = {}
    instrument_udfs(stats, batches)
    engine = DuckDBEngine()
    mask_table(engine.name, engine.read_parquet(str(path)), column_plans(), bench_keys(args.fpe_cipher))
    engine.close()
    # FF1 with the other block cipher too (SM4 has no hardware instructions, AES has AES-NI)
    other = "aes" if args.fpe_cipher == "sm4" else "sm4"
    alg, size = ALGORITHMS[f"fpe-{other}"]
    batches[f"fpe ({alg})"] = fpe_batch(secrets.token_bytes(size), other, FpeParams())
    column_of = {action: col for col, (action, _, _) in PLAN.items()}
    table = pq.read_table(path, columns=sorted({column_of[label.split()[0]] for label in batches})).slice(0, args.profile_rows)
    timings, profiler = {}, Profiler(interval=0.0005)
    for label, fn in batches.items():
        arr = table[column_of[label.split()[0]]].combine_chunks()
        profiler.start()
        t = time.perf_counter()
        for lo in range(0, len(arr), BATCH):
            fn(arr.slice(lo, BATCH))
        timings[label] = time.perf_counter() - t
        profiler.stop()
    text = profiler.output_text(unicode=True, color=False)
    out = work / f"masking_profile_{len(table)}.txt"
    out.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    tree = "\n".join(lines[next(i for i, ln in enumerate(lines) if ln.startswith("Profile at")) + 2:]).rstrip()
    print(f"profile of the keyed batch functions on {len(table):,} rows written to {out}:\n{tree}", flush=True)
    return {"rows": len(table), "file": str(out), "seconds": timings, "tree": tree}


# ---- output -----------------------------------------------------------------------------------------------------


def max_load(p: dict) -> float:
    jobs = [*p["jobs"].values(), *(p.get("per_column") or {}).get("jobs", {}).values()]
    return max((x for r in jobs for x in r.get("load_before") or []), default=0.0)


JOB_NAMES = {"copy": "plain copy (the reference)", "mask": "mask_table, 8 columns transformed"}


def print_summary(p1: dict | None) -> None:
    if not p1:
        return
    print(f"\nPart 1: {p1['rows']:,} rows × {len(COLUMNS)} columns, median of {p1['runs']}")
    for name, r in p1["jobs"].items():
        if r["status"] != "ok":
            print(f"{JOB_NAMES[name]:36s} {r['status']}")
            continue
        print(f"{JOB_NAMES[name]:36s} {r['seconds']:8.2f}s  CPU {r['cpu_in']:7.1f}s  process {r['wall']:7.2f}s / CPU {r['cpu']:6.1f}s  "
              f"runs {[round(x, 2) for x in r['all_runs']]}")
        for label, u in r["udfs"].items():
            print(f"    UDF {label:9s} {u['calls']:6d} calls, {u['rows'] / max(u['calls'], 1):7.0f} rows/call, {u['seconds']:7.2f}s inside")
    if p1["ratio"]:
        print(f"mask / copy: {p1['ratio']:.2f}× wall, {p1['cpu_ratio']:.2f}× CPU (goal ≤ 2×)")
    pc_ = p1.get("per_column")
    if pc_:
        copy = pc_["jobs"]["copy"]
        print(f"\nPer column ({pc_['rows']:,} rows): added to the copy's {copy.get('seconds', 0):.2f}s")
        for name, r in pc_["jobs"].items():
            if name.startswith("mask:") and r["status"] == "ok":
                col = name.split(":", 1)[1]
                print(f"  {col:8s} {PLAN[col][0]:10s} +{r['seconds'] - copy['seconds']:6.2f}s  CPU +{r['cpu_in'] - copy['cpu_in']:6.2f}s")
        for name in ("copy@1", "mask@1"):
            r = pc_["jobs"][name]
            if r["status"] == "ok":
                print(f"  {name:19s} {r['seconds']:6.2f}s  CPU {r['cpu_in']:6.2f}s  inside UDFs {sum(u['seconds'] for u in r['udfs'].values()):.2f}s")
    prof = p1.get("profile")
    if prof:
        print(f"\nKeyed batch functions alone on {prof['rows']:,} rows: " +
              ", ".join(f"{k} {v:.2f}s" for k, v in prof["seconds"].items()))


def _per_column_lines(pcol: dict) -> list[str]:
    jobs, copy = pcol["jobs"], pcol["jobs"]["copy"]
    if copy["status"] != "ok":
        return [f"Per-column runs failed: {copy['status']}", ""]
    added = {n: (r["seconds"] - copy["seconds"], r["cpu_in"] - copy["cpu_in"]) for n, r in jobs.items()
             if n.startswith("mask:") and r["status"] == "ok"}
    total = sum(max(a, 0) for a, _ in added.values()) or 1.0
    lines = [f"### Cost per transformed column — {pcol['rows']:,} rows", "",
             f"The copy with one column at a time transformed (every other kept), median of {pcol['runs']}, the same",
             f"round-robin; \"added\" is its time minus the plain copy's ({copy['seconds']:.2f} s, CPU {copy['cpu_in']:.2f} s) on this table.", "",
             "| column | transform | median s | added s | added CPU s | µs per row | CPU µs per row | share of the added time |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for name, (a, c) in sorted(added.items(), key=lambda kv: -kv[1][0]):
        col = name.split(":", 1)[1]
        action, options, _ = PLAN[col]
        lines.append(f"| {col} | {action}{' ' + json.dumps(options, ensure_ascii=False) if options else ''} | {jobs[name]['seconds']:.2f} | "
                     f"{a:+.2f} | {c:+.2f} | {a / pcol['rows'] * 1e6:.2f} | {c / pcol['rows'] * 1e6:.2f} | {max(a, 0) / total:.0%} |")
    full = jobs.get("mask", {})
    if full.get("status") == "ok":
        lines += ["", (f"All 8 together on this table: {full['seconds']:.2f} s ({ratio(full['seconds'], copy['seconds'])} the copy; "
                       f"CPU {ratio(full['cpu_in'], copy['cpu_in'])}); the added times sum to {sum(a for a, _ in added.values()):.2f} s.")]
    one = {n: jobs.get(f"{n}@1", {}) for n in ("copy", "mask")}
    if all(r.get("status") == "ok" for r in one.values()) and full.get("status") == "ok":
        lines += ["", "The same two on one DuckDB thread (`DuckDBEngine(threads=1)`). The keyed transforms are Python UDFs: their",
                  "Python steps hold the GIL, while their OpenSSL calls over whole batches (SM4/AES-ECB for FF1 and SIV) release it:", "",
                  "| job | threads | median s | CPU s | seconds inside the keyed UDFs |", "|---|---:|---:|---:|---:|"]
        for n, r in (("copy", copy), ("mask", full), ("copy", one["copy"]), ("mask", one["mask"])):
            inside = sum(u["seconds"] for u in r["udfs"].values())
            lines.append(f"| {JOB_NAMES[n]} | {r['threads']} | {r['seconds']:.2f} | {r['cpu_in']:.2f} | {inside:.2f} |")
    return lines + [""]


def _where_lines(p1: dict) -> list[str]:
    """Where the masking job's time goes, from the per-column runs and the profile (when they ran)."""
    out: list[str] = []
    copy = p1["jobs"]["copy"]
    prof, pcol = p1.get("profile"), p1.get("per_column")
    if prof and copy.get("status") == "ok":
        keyed = {k: v for k, v in prof["seconds"].items() if k in p1["jobs"]["mask"].get("udfs", {})}
        per_row = sum(keyed.values()) / prof["rows"]
        out.append(f"- The keyed transforms' batch functions alone ({', '.join(keyed)}; one thread, no engine around them) take "
                   f"{per_row * 1e6:.1f} µs per row: {per_row * p1['rows']:.0f} s at {p1['rows']:,} rows, "
                   f"{per_row * p1['rows'] / copy['seconds']:.1f}× the copy by themselves. FF1 (over "
                   f"{p1['fpe'].split('-')[1].upper()}-ECB) and SIV run on whole batches in numpy and OpenSSL, whose block-cipher "
                   "calls release the GIL; HMAC runs per value in Python (one OpenSSL call each) and holds it.")
    if pcol and pcol["jobs"]["copy"].get("status") == "ok":
        jobs, base = pcol["jobs"], pcol["jobs"]["copy"]["seconds"]
        added = {c: jobs[f"mask:{c}"]["seconds"] - base for c in PLAN if jobs.get(f"mask:{c}", {}).get("status") == "ok"}
        engine_side = {c: a for c, a in added.items() if PLAN[c][0] not in ("hash", "tokenize", "fpe")}
        out.append("- In the engine (plain SQL): " + ", ".join(f"{PLAN[c][0]} {c} {max(a, 0.0) / pcol['rows'] * 1e6:.2f} µs/row"
                                                              for c, a in sorted(engine_side.items(), key=lambda kv: -kv[1]))
                   + f" ({pcol['rows']:,}-row runs; the copy itself {base / pcol['rows'] * 1e6:.2f} µs/row).")
        one, two = jobs.get("mask@1", {}), jobs.get("mask", {})
        if one.get("status") == "ok" and two.get("status") == "ok":
            out.append(f"- A second DuckDB thread: {two['seconds']:.1f} s on {two['threads']} threads against {one['seconds']:.1f} s "
                       f"on 1 ({pcol['rows']:,} rows, {one['seconds'] / two['seconds']:.2f}× faster); the keyed UDFs' summed time "
                       f"goes from {sum(u['seconds'] for u in one['udfs'].values()):.1f} s to "
                       f"{sum(u['seconds'] for u in two['udfs'].values()):.1f} s, as two threads wait for the GIL.")
    return out


def write_results(record: dict) -> None:
    p1 = record.get("part1")
    lines = [SECTION, "",
             "Requirement: static masking of a 10M-row table with 8 transformed columns, against a plain Parquet copy of",
             "the same table in the same run (goal **≤ 2×**); k-anonymity on 1M rows × 6 quasi-identifiers with timing and",
             "information loss (part 2). Ratios are against references measured in the same run; no time is asserted.", "",
             "```sh",
             ".venv/bin/python benchmarks/masking_bench.py --per-column --profile   # 10M rows, 3 runs; rewrites this section",
             ".venv/bin/python benchmarks/masking_bench.py --rows 200000 --runs 1 --no-results",
             "```", "",
             "Options: `--rows` (default 10M), `--runs` (default 3), `--per-column` (one transformed column at a time, on",
             "`--per-column-rows`, default 1M), `--profile` (the keyed batch functions under pyinstrument on `--profile-rows`,",
             "default 200,000), `--fpe-cipher sm4|aes` (default sm4), `--skip-part1`, `--skip-part2`, `--anon-rows`",
             "(default 1M), `--anon-runs` (default 3), `--work`, `--no-results`,",
             "`--rewrite-results` (re-render this section from the log without running). Tables are cached in",
             "`benchmarks/work/` (git-ignored) by row count and generator hash; every run appends a JSON line to",
             "`benchmarks/work/masking_bench.json`.", ""]
    if p1:
        ok = all(r["status"] == "ok" for r in p1["jobs"].values())
        load = max_load(p1)
        mask = p1["jobs"]["mask"]
        run = p1 if "machine" in p1 else record  # a part 1 taken from an earlier run carries that run's details
        lines += [f"### Part 1: static masking vs a plain copy — {p1['rows']:,} rows × {len(COLUMNS)} columns", "",
                  f"Run {run['date']}; machine: {run['machine']}; shuzhi code: {describe_code(run)}.",
                  (f"Highest 1-minute load average seen before a run: {load:.1f} on {os.cpu_count()} cores"
                   + (" — **the machine was shared with other jobs during the run; treat the times as indicative**."
                      if load > 1.5 * (os.cpu_count() or 1) else ".")), "",
                  "**The table** (numpy + pyarrow, seeded; Snappy Parquet in row groups of 122,880 rows like shuzhi's",
                  f"versions; {p1['file_mb']:.0f} MB). Every column is text; ~2 % of each personal-data column is NULL. The",
                  "check characters are verified on the first 20,000 rows with `shuzhi.standards.checksums`.", "",
                  "| column | content | masking | example before → after |", "|---|---|---|---|"]
        ex = (mask.get("example") or {}) if mask.get("status") == "ok" else {}
        for col, what in COLUMNS.items():
            if col in PLAN:
                action, options, entity = PLAN[col]
                how = f"`{action}`{' ' + json.dumps(options, ensure_ascii=False) if options else ''} ({entity})"
                eg = f"{ex['before'][col]} → {ex['after'][col]}" if ex.get("after") else ""
            else:
                how, eg = "kept", ""
            lines.append(f"| {col} | {what} | {how} | {eg} |")
        lines += ["", "Keys: `keyring.Key` objects with random material (no keyring): hash HMAC-SM3 (32 bytes), tokenize",
                  f"SM4-SIV (32 bytes), fpe {p1['fpe'].upper()} ({ALGORITHMS['fpe-' + p1['fpe'].split('-')[1]][1]} bytes) — the keyring's defaults.", "",
                  f"Each job is a fresh process on a `DuckDBEngine()` ({p1['jobs']['copy'].get('threads', '?')} threads), median of {p1['runs']}",
                  "run(s), round-robin, the file in the page cache. \"s\" and \"CPU s\" run from after the engine's start to the",
                  "written file: `read_parquet`, (`mask_table`,) `write_parquet` (Snappy); CPU is the process's user + system time",
                  "over all threads. \"process\" columns are the whole process (interpreter start-up and the same imports in both).", "",
                  "| job | median s | runs (s) | CPU s | process wall s | process CPU s | output MB | × copy (wall) | × copy (CPU) |",
                  "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
        copy = p1["jobs"]["copy"]
        for name, r in p1["jobs"].items():
            if r["status"] != "ok":
                lines.append(f"| {JOB_NAMES[name]} | — | | | | | | | {r['status']} |")
                continue
            runs = ", ".join(f"{x:.1f}" for x in r["all_runs"])
            lines.append(f"| {JOB_NAMES[name]} | {r['seconds']:.2f} | {runs} | {r['cpu_in']:.1f} | {r['wall']:.1f} | {r['cpu']:.1f} | "
                         f"{r['out_mb']:.0f} | **{ratio(r['seconds'], copy.get('seconds'))}** | **{ratio(r['cpu_in'], copy.get('cpu_in'))}** |")
        if ok and p1["runs"] > 1:
            spread = max(max(r["all_runs"]) / min(r["all_runs"]) for r in p1["jobs"].values())
            cspread = max(max(r["all_cpu"]) / min(r["all_cpu"]) for r in p1["jobs"].values())
            lines += ["", f"Between rounds a job's wall time varied by up to {spread:.2f}×, its CPU time by up to {cspread:.2f}×."]
        if mask.get("status") == "ok" and mask["udfs"]:
            inside = sum(u["seconds"] for u in mask["udfs"].values())
            lines += ["", "The keyed transforms run as pyarrow UDFs; their batch functions were timed in the masking runs",
                      "(a wrapper around `shuzhi.masking.keyed.vectorized`; last run):", "",
                      "| UDF | calls | rows per call | seconds inside (all threads) | µs per row |", "|---|---:|---:|---:|---:|"]
            for label, u in mask["udfs"].items():
                lines.append(f"| {label} | {u['calls']:,} | {u['rows'] / max(u['calls'], 1):,.0f} | {u['seconds']:.1f} | "
                             f"{u['seconds'] / max(u['rows'], 1) * 1e6:.2f} |")
            lines += ["", f"Together {inside:.1f} s inside the UDFs (summed over DuckDB's threads, so time waiting for the GIL counts),",
                      f"against that run's {mask['all_runs'][-1]:.1f} s wall; the copy's median is {copy.get('seconds', 0):.1f} s."]
        lines.append("")
        if p1.get("per_column"):
            lines += _per_column_lines(p1["per_column"])
        prof = p1.get("profile")
        if prof:
            lines += [f"### Where the keyed transforms' time goes — {prof['rows']:,} rows, pyinstrument", "",
                      "The batch functions `mask_table` builds, called in this process on 2,048-row slices (what DuckDB hands a",
                      "UDF; fpe also with the other block cipher) — seconds: " + ", ".join(f"{k} {v:.2f} ({v / prof['rows'] * 1e6:.1f} µs/row)" for k, v in prof["seconds"].items())
                      + ". The pyinstrument tree (seconds):", "", "```text", prof["tree"], "```", ""]
        if p1["ratio"]:
            met = "met" if max(p1["ratio"], p1["cpu_ratio"]) <= 2 else "**not met**"
            lines += ["### Against the goal", "",
                      (f"- Static masking ≤ 2× a plain copy ({p1['rows']:,} rows): {met} — {p1['ratio']:.2f}× wall (median), "
                       f"{p1['cpu_ratio']:.2f}× CPU."), *_where_lines(p1), ""]
    if record.get("part2"):
        lines += kanon_part.lines(record["part2"])
    lines += ["### Caveats", "",
              "- On a shared machine a job may get less than the two cores: the copy's CPU time below its wall time shows it.",
              "  With the cores to itself the copy would finish sooner while the partly GIL-bound masking would gain less, so",
              "  the wall ratio would rise towards the CPU ratio.",
              "- The reference copies Parquet to Parquet with DuckDB alone; the masking job is the same pass plus the",
              "  transforms. Only the keyed transforms leave DuckDB (Python UDFs; their Python steps hold the GIL).",
              "- Ratios depend on the machine type (the JSON log names each run's processor): the copy's time differs more",
              "  between machine types than the keyed transforms' Python steps do, so compare runs on one machine type.",
              "- The table is regular and clean (every ID and card valid, one address format); real data has more variety,",
              "  which changes the regular expressions' work (address generalization) but not the keyed transforms' per row.", ""]
    replace_section(SECTION, lines)


def latest(log: Path, key: str) -> dict | None:
    """The ``key`` part of the last logged run that has it and was meant for RESULTS.md (not ``--no-results``),
    with that run's date."""
    found = None
    if log.exists():
        for line in log.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get(key) and not rec.get("no_results"):
                found = {**rec[key], "date": rec["date"], "machine": rec["machine"], "code": rec["code"],
                         "code_end": rec.get("code_end")}
    return found


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--job":
        job(sys.argv[2])
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--kanon-job":
        print("@@RESULT " + json.dumps(kanon_part.job(json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))), ensure_ascii=False,
                                       default=str), flush=True)
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=10_000_000, help="part 1 table rows (default 10M)")
    ap.add_argument("--runs", type=int, default=3, help="runs per job, round-robin (default 3)")
    ap.add_argument("--per-column", action="store_true", help="also time each transformed column alone")
    ap.add_argument("--per-column-rows", type=int, default=1_000_000, help="table rows for --per-column (default 1M)")
    ap.add_argument("--profile", action="store_true", help="profile the keyed batch functions with pyinstrument")
    ap.add_argument("--profile-rows", type=int, default=200_000, help="rows for --profile (default 200,000)")
    ap.add_argument("--threads", type=int, default=None, help="DuckDB threads of every job (default: DuckDB's, all cores)")
    ap.add_argument("--fpe-cipher", choices=["sm4", "aes"], default="sm4", help="FF1's block cipher (default sm4: ff1-sm4)")
    ap.add_argument("--skip-part1", action="store_true", help="no part 1")
    ap.add_argument("--skip-part2", action="store_true", help="no part 2 (k-anonymity)")
    ap.add_argument("--anon-rows", type=int, default=1_000_000, help="part 2 table rows (default 1M)")
    ap.add_argument("--anon-runs", type=int, default=3, help="part 2 runs per model (default 3)")
    ap.add_argument("--work", type=Path, default=HERE / "work")
    ap.add_argument("--no-results", action="store_true", help="do not write benchmarks/RESULTS.md")
    ap.add_argument("--rewrite-results", action="store_true", help="run nothing: rewrite the RESULTS.md section from the log")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    log = args.work / "masking_bench.json"
    if args.rewrite_results:
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        if not lines:
            ap.error(f"no run in {log}")
        record = {"part1": latest(log, "part1"), "part2": latest(log, "part2")}
        write_results(record)
        return
    started = time.perf_counter()
    code = code_state()
    p1 = None if args.skip_part1 else part1(args, args.work)
    print_summary(p1)
    p2 = None if args.skip_part2 else kanon_part.run(args, args.work)
    if p2:
        print("\n".join(kanon_part.lines(p2)))
    record = {"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
              "seconds": time.perf_counter() - started, "code": code, "code_end": code_state(), "part1": p1, "part2": p2,
              "no_results": args.no_results}
    print(f"\ntotal {record['seconds'] / 60:.1f} min")
    with open(log, "a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
    if not args.no_results:
        # a part not run this time keeps its latest logged result
        write_results({**record, "part1": p1 or latest(log, "part1"), "part2": p2 or latest(log, "part2")})


if __name__ == "__main__":
    main()
