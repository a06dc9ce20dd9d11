"""The benchmark table: a seeded, vectorised generator of a 人口-style table, every column text.

numpy draws, pyarrow builds the strings; no Python loop runs over rows. Written in chunks of 1M
rows (each chunk its own seed, so the file depends only on ``rows`` and ``SEED``).

Defects are planted so that each rule fails on a known share of rows and so that the counts do not
depend on readings the rules leave open (see sqlrules.py): e.g. an ID card with a planted defect
gets a consistent or NULL 性别 and 出生日期, and a malformed 出生日期 only occurs where sfzh is NULL.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

SEED = 20261101
CHUNK = 1_000_000
GENERATOR_VERSION = 1  # bump when the generated content changes (part of the file name)

SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕") + ["欧阳", "司马", "诸葛"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧平红玲峰辉霞斌鹏宇欣建国") + ["秀英", "建华", "志强", "海燕", "子涵", "浩然"]
LONG_NAMES = ["阿卜杜热合曼·买买提艾力·吐尔逊阿依古丽·艾则孜", "迪丽热巴·迪力木拉提·阿卜杜克热木·买买提"]  # > 20 characters
NAME_DEFECTS = ["", " ", "\u3000", "  \u3000", "无", "NULL", "null", "N/A", "-", "空"]  # fail not_blank
BAD_AREAS = ["000000", "999999", "123456", "990101", "710199"]  # not GB/T 2260 codes (checked at run time)
ID_W = np.array([pow(2, 17 - i, 11) for i in range(17)], dtype=np.int64)
ID_CHARS = np.array(list("10X98765432"))


def standards_dir() -> Path:
    import shuzhi.standards  # the project's code-list data; only read here

    return Path(shuzhi.standards.__file__).resolve().parent / "data"


def load_codes() -> dict[str, list[str]]:
    d = standards_dir()
    read = lambda name: [r["code"] for r in csv.DictReader(open(d / name, encoding="utf-8"))]
    gb2260 = read("gb2260.csv")
    counties = [r["code"] for r in csv.DictReader(open(d / "gb2260.csv", encoding="utf-8"))
                if r["status"] == "current" and r["level"] == "county"]
    return {"gb2260": gb2260, "gb2260_county_current": counties, "gb3304": read("gb3304.csv"),
            "gb2261": read("gb2261_1.csv")}


def _s(values) -> pa.Array:
    return pa.array(values, pa.string())


def _pick(rng: np.random.Generator, words: list[str], n: int, p=None) -> pa.Array:
    idx = rng.choice(len(words), size=n, p=p).astype(np.int32)
    return pa.DictionaryArray.from_arrays(pa.array(idx), _s(words)).cast(pa.string())


def _lpad(ints: np.ndarray, width: int) -> pa.Array:
    return pc.utf8_lpad(pc.cast(pa.array(ints), pa.string()), width, "0")


def _cat(*parts) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def _where(mask: np.ndarray, value, base: pa.Array) -> pa.Array:
    """base with ``value`` (a scalar, an array, or None for NULL) where mask."""
    if value is None:
        value = pa.scalar(None, pa.string())
    elif isinstance(value, str):
        value = pa.scalar(value, pa.string())
    return pc.if_else(pa.array(mask), value, base)


def _mask(rng: np.random.Generator, n: int, rate: float, exclude: np.ndarray | None = None) -> np.ndarray:
    m = rng.random(n) < rate
    return m & ~exclude if exclude is not None else m


def _dates(days: np.ndarray) -> pa.Array:
    return pc.cast(pa.array(days.astype("datetime64[D]")), pa.string())


def _check_chars(body: np.ndarray) -> np.ndarray:
    """GB 11643 MOD 11-2 check characters of 17-digit bodies (int64), vectorised."""
    total = np.zeros(len(body), dtype=np.int64)
    for i in range(17):
        total += ID_W[i] * (body // 10 ** (16 - i) % 10)
    return ID_CHARS[total % 11]


def _luhn_digit(body: np.ndarray) -> np.ndarray:
    """Luhn check digit of integer bodies (the check digit goes to the right of the body)."""
    total = np.zeros(len(body), dtype=np.int64)
    for k in range(19):  # k = 0 is the rightmost body digit, which is doubled
        d = body // 10 ** k % 10
        total += 2 * d - 9 * (d // 5) if k % 2 == 0 else d
    return (10 - total % 10) % 10


def chunk_table(start: int, n: int, codes: dict[str, list[str]], seed: int = SEED) -> pa.Table:
    rng = np.random.default_rng([seed, start])
    counties = np.array(codes["gb2260_county_current"])
    area_ok = set(codes["gb2260"])
    bad_areas = np.array([a for a in BAD_AREAS if a not in area_ok])

    # 公民身份号码 parts; duplicates copy every part from an earlier row, so the copy stays consistent
    area_i = rng.integers(0, len(counties), n)
    birth = rng.integers(np.datetime64("1930-01-01").astype(int), np.datetime64("2023-12-31").astype(int), n)
    seq = rng.integers(0, 1000, n)
    dup = _mask(rng, n, 0.002)
    dup[0] = False
    src = rng.integers(0, n, n)
    src = np.where(src >= np.arange(n), np.arange(n) // 2, src)  # an earlier (or same-half) row
    for a in (area_i, birth, seq):
        a[dup] = a[src[dup]]
    area = counties[area_i]
    bdate = birth.astype("datetime64[D]")
    y = bdate.astype("datetime64[Y]").astype(int) + 1970
    m = bdate.astype("datetime64[M]").astype(int) % 12 + 1
    d = (bdate - bdate.astype("datetime64[M]")).astype(int) + 1

    bad_date = _mask(rng, n, 0.001, dup)      # digits 7-14 not a calendar date (Feb 30, month 13, Apr 31)
    kind = rng.integers(0, 3, n)
    m = np.where(bad_date, np.choose(kind, [2, 13, 4]), m)
    d = np.where(bad_date, np.choose(kind, [30, 1, 31]), d)
    bad_area = _mask(rng, n, 0.002, dup | bad_date)
    area = np.where(bad_area, bad_areas[rng.integers(0, len(bad_areas), n)], area)

    body = area.astype(np.int64) * 10 ** 11 + (y * 10000 + m * 100 + d) * 1000 + seq
    check = _check_chars(body)
    bad_check = _mask(rng, n, 0.01, dup | bad_date | bad_area)
    pos = np.zeros(n, dtype=np.int64)
    for j, c in enumerate("10X98765432"):
        pos[check == c] = j
    check = np.where(bad_check, ID_CHARS[(pos + rng.integers(1, 11, n)) % 11], check)
    sfzh = _cat(_lpad(body, 17), _s(check))
    legacy = _mask(rng, n, 0.0005, dup | bad_date | bad_area | bad_check)  # 15-digit 1st-generation IDs
    sfzh = _where(legacy, _cat(_s(area), _lpad(y % 100 * 10000 + m * 100 + d, 6), _lpad(seq, 3)), sfzh)
    letter = _mask(rng, n, 0.0005, dup | bad_date | bad_area | bad_check | legacy)  # a letter inside the body
    sfzh = _where(letter, _cat(pc.utf8_slice_codeunits(sfzh, 0, 8), "A", pc.utf8_slice_codeunits(sfzh, 9)), sfzh)
    id_null = _mask(rng, n, 0.002, dup)
    sfzh = _where(id_null, None, sfzh)
    malformed = legacy | letter | bad_date  # sfzh whose date or sex digit is not meaningful: csrq and xb NULL

    # 出生日期: the ID's birth date; mismatches only on well-formed IDs; bad formats only where sfzh is NULL
    csrq = _dates(birth)
    csrq = _where(_mask(rng, n, 0.005, id_null | malformed | dup), _dates(birth + rng.integers(1, 400, n)), csrq)
    csrq = _where(id_null & (rng.random(n) < 0.5), _pick(rng, ["2021-02-30", "2021/01/05", "20210105", "2019-13-01",
                                                               "1990-04-31", "一九九〇年"], n), csrq)
    csrq = _where(malformed | _mask(rng, n, 0.001), None, csrq)

    # 性别: from the ID's 17th digit; flipped on well-formed IDs; 0/9 valid codes, 3 invalid
    sex_digit = seq % 2
    xb = _s(np.where(sex_digit == 1, "1", "2"))
    xb = _where(_mask(rng, n, 0.005, id_null | malformed | dup), _s(np.where(sex_digit == 1, "2", "1")), xb)
    xb = _where(_mask(rng, n, 0.001), _pick(rng, ["0", "9"], n), xb)
    xb = _where(_mask(rng, n, 0.0005), "3", xb)
    xb = _where(malformed | _mask(rng, n, 0.001), None, xb)

    # 姓名
    given2 = rng.random(n) < 0.6
    xm = _cat(_pick(rng, SURNAMES, n), _pick(rng, GIVEN, n), _where(~given2, "", _pick(rng, GIVEN, n)))
    xm = _where(_mask(rng, n, 0.002), _pick(rng, NAME_DEFECTS, n), xm)
    xm = _where(_mask(rng, n, 0.001), _pick(rng, SURNAMES[:10], n), xm)  # one character: too short
    xm = _where(_mask(rng, n, 0.0005), _pick(rng, LONG_NAMES, n), xm)
    xm = _where(_mask(rng, n, 0.003), None, xm)

    # 联系电话
    lxdh = _cat("1", _lpad(rng.integers(3, 10, n), 1), _lpad(rng.integers(0, 10 ** 9, n), 9))
    lxdh = _where(_mask(rng, n, 0.005), _pick(rng, ["12345678901", "1381234567", "138123456789", "+8613812345678",
                                                     "010-6512345", "1380013800O"], n), lxdh)
    lxdh = _where(_mask(rng, n, 0.003), None, lxdh)

    # 银行卡号: 16 or 19 digits, Luhn
    long_card = rng.random(n) < 0.5
    cbody = np.where(long_card, 621700 * 10 ** 12 + rng.integers(0, 10 ** 12, n), 622202 * 10 ** 9 + rng.integers(0, 10 ** 9, n))
    cdig = _luhn_digit(cbody)
    cdig = np.where(_mask(rng, n, 0.005), (cdig + rng.integers(1, 10, n)) % 10, cdig)
    yhkh = _cat(pc.cast(pa.array(cbody), pa.string()), pc.cast(pa.array(cdig), pa.string()))
    yhkh = _where(_mask(rng, n, 0.0005), pc.utf8_slice_codeunits(yhkh, 0, 15), yhkh)  # too short
    yhkh = _where(_mask(rng, n, 0.0005), _cat(pc.utf8_slice_codeunits(yhkh, 0, 6), " ", pc.utf8_slice_codeunits(yhkh, 6)), yhkh)
    yhkh = _where(_mask(rng, n, 0.003), None, yhkh)

    # 民族, 行政区划, 年龄, 邮编
    mz_codes = codes["gb3304"][:56]
    mz = _pick(rng, mz_codes, n, p=np.r_[0.9, np.full(55, 0.1 / 55)])
    mz = _where(_mask(rng, n, 0.0005), _pick(rng, ["00", "57", "99", "1", "汉"], n), mz)
    mz = _where(_mask(rng, n, 0.001), None, mz)
    xzqh = _s(counties[rng.integers(0, len(counties), n)])
    xzqh = _where(_mask(rng, n, 0.001), _pick(rng, list(bad_areas) + ["32010", "3201001"], n), xzqh)
    xzqh = _where(_mask(rng, n, 0.001), None, xzqh)
    age = pc.cast(pa.array(rng.integers(0, 101, n)), pa.string())
    age = _where(_mask(rng, n, 0.0005), _pick(rng, ["151", "200", "-1", "999"], n), age)
    age = _where(_mask(rng, n, 0.0005), _pick(rng, ["", "未知", "abc", "12岁"], n), age)
    age = _where(_mask(rng, n, 0.002), None, age)
    zip_ = _lpad(rng.integers(100000, 860000, n), 6)
    zip_ = _where(_mask(rng, n, 0.001), _pick(rng, ["12345", "1234567", "10008A", "１０００８０"], n), zip_)
    zip_ = _where(_mask(rng, n, 0.002), None, zip_)

    # 起止日期, 更新时间
    sday = rng.integers(np.datetime64("2015-01-01").astype(int), np.datetime64("2025-01-01").astype(int), n)
    eday = sday + rng.integers(0, 3650, n)
    eday = np.where(_mask(rng, n, 0.002), sday - rng.integers(1, 365, n), eday)
    start_date = _where(_mask(rng, n, 0.002), None, _dates(sday))
    end_date = _where(_mask(rng, n, 0.002), None, _dates(eday))
    ts = np.datetime64("2024-01-01T00:00:00") + rng.integers(0, 3 * 365 * 86400, n).astype("timedelta64[s]")
    updated_at = pc.strftime(pa.array(ts), "%Y-%m-%d %H:%M:%S")
    updated_at = _where(_mask(rng, n, 0.001), pc.strftime(pa.array(ts), "%Y/%m/%d %H:%M:%S"), updated_at)
    updated_at = _where(_mask(rng, n, 0.0005), pc.strftime(pa.array(ts), "%Y-%m-%dT%H:%M:%S"), updated_at)
    updated_at = _where(_mask(rng, n, 0.001), None, updated_at)

    ids = pc.cast(pa.array(np.arange(start + 1, start + n + 1)), pa.string())
    return pa.table({"id": ids, "xm": xm, "sfzh": sfzh, "xb": xb, "mz": mz, "csrq": csrq, "lxdh": lxdh, "xzqh": xzqh,
                     "age": age, "zip": zip_, "yhkh": yhkh, "start_date": start_date, "end_date": end_date,
                     "updated_at": updated_at})


def write_parquet(path: Path, rows: int, codes: dict[str, list[str]]) -> None:
    tmp = path.with_suffix(".tmp")
    writer = None
    for start in range(0, rows, CHUNK):
        t = chunk_table(start, min(CHUNK, rows - start), codes)
        if writer is None:
            writer = pq.ParquetWriter(tmp, t.schema, compression="zstd")
        writer.write_table(t, row_group_size=CHUNK)
    writer.close()
    tmp.rename(path)


def verify_sample(path: Path, codes: dict[str, list[str]], k: int = 20000) -> dict[str, int]:
    """Check the vectorised check characters against shuzhi.standards.checksums on a sample (rows × Python)."""
    from shuzhi.standards import checksums

    t = pq.read_table(path, columns=["sfzh", "yhkh"]).slice(0, k).to_pydict()
    area = set(codes["gb2260"])
    bad = 0
    for s in t["sfzh"]:
        if s and len(s) == 18 and s[:17].isdigit():
            # gb11643_valid is the reference; our SQL adds date and area tests but must agree on the checksum
            mine = "10X98765432"[sum(int(c) * w for c, w in zip(s[:17], ID_W.tolist())) % 11] == s[17]
            bad += mine != checksums.gb11643_valid(s)
    for c in t["yhkh"]:
        if c and c.isdigit():
            bad += (_luhn_digit(np.array([int(c[:-1])]))[0] == int(c[-1])) != checksums.luhn_valid(c)
    return {"sampled": k, "disagreements": bad, "area_codes": len(area)}
