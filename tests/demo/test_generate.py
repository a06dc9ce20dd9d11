"""Demo data: deterministic, valid where it should be, and wrong exactly where the manifest says.

Every documented defect is re-found here by an independent check over the files as
read back (pyarrow for CSV, openpyxl for xlsx, json for JSON Lines) using the scalar
reference checksums; the rows found must be exactly the manifest's count and first rows.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shuzhi.catalog.metadata import load_sidecar, validate_meta
from shuzhi.demo import e_license, geo_parcel, ids, legal_person, text
from shuzhi.demo.generate import MAX_ROWS, dataset_rows, generate_demo_data
from shuzhi.demo.regions import LAT_RANGE, LON_RANGE, load_regions
from shuzhi.demo.words import load_words
from shuzhi.errors import ConfigError
from shuzhi.standards.checksums import (
    GB32100_ALPHABET,
    gb11643_check_char,
    gb11643_valid,
    gb11714_check_char,
    gb32100_check_char,
    gb32100_valid,
    luhn_check_digit,
    luhn_valid,
)
from shuzhi.standards.codelists import load_codelist

ROWS = 2000
SEED = 7
STALE_BEFORE = "2025-06-30 00:00:00"  # one year before the reference date 2026-06-30
PLACEHOLDERS = {"无", "NULL", "-"}
MOBILE = re.compile(r"1(3\d|5[0-35-9]|66|7[0-8]|8\d|9[189])\d{8}")
Rows = list[dict[str, Any]]


# ---------------------------------------------------------------- reading the files back


def read_csv(path: Path, encoding: str) -> Rows:
    """All columns as text; only an empty unquoted field is null; 'NULL' stays text."""
    table = pacsv.read_csv(
        path,
        read_options=pacsv.ReadOptions(encoding=encoding),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={c: pa.string() for c in _header(path, encoding)},
            strings_can_be_null=True, null_values=[""], quoted_strings_can_be_null=False,
        ),
    )
    return table.to_pylist()


def _header(path: Path, encoding: str) -> list[str]:
    with path.open(encoding=encoding, newline="") as f:
        return f.readline().strip().lstrip("\ufeff").split(",")


def read_xlsx(path: Path) -> tuple[Any, Rows]:
    ws = openpyxl.load_workbook(path).active
    values = list(ws.iter_rows(values_only=True))
    header = values[1]
    return ws, [dict(zip(header, row)) for row in values[2:]]


def read_jsonl(path: Path) -> Rows:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("demo")
    generate_demo_data(directory, rows=ROWS, seed=SEED)
    return directory


@pytest.fixture(scope="module")
def manifest(out: Path) -> dict[str, Any]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def data(out: Path) -> dict[str, Rows]:
    return {
        "population": read_csv(out / "population.csv", "gbk"),
        "legal_person": read_xlsx(out / "legal_person.xlsx")[1],
        "credit": read_csv(out / "credit.csv", "utf-8"),
        "e_license": read_jsonl(out / "e_license.jsonl"),
        "geo_parcel": read_csv(out / "geo_parcel.csv", "utf-8-sig"),
    }


# ---------------------------------------------------------------- independent defect checks


def _blank(v: str | None) -> bool:
    return v is not None and (v.strip() == "" or v.strip() in PLACEHOLDERS)  # str.strip() also strips U+3000


def _duplicates(rows: Rows, key: str) -> set[int]:
    seen: set[str] = set()
    out = set()
    for i, r in enumerate(rows):
        if r[key] in seen:
            out.add(i)
        seen.add(r[key])
    return out


def _where(rows: Rows, predicate: Callable[[dict[str, Any]], bool]) -> set[int]:
    return {i for i, r in enumerate(rows) if predicate(r)}


def _number(v: str | None) -> float:
    return float(v) if v is not None else float("nan")


def find_defects(data: dict[str, Rows]) -> dict[tuple[str, str, str], set[int]]:
    """(dataset, kind, columns) → rows, found from the data alone."""
    pop, lp, cr, el, geo = (data[k] for k in ("population", "legal_person", "credit", "e_license", "geo_parcel"))
    ethnic = {r["code"] for r in load_codelist("GB/T 3304").rows}
    divisions = {r["code"] for r in load_codelist("GB/T 4754").rows if r["level"] == "division"}
    lp_names = {r["tyshxydm"]: r["qymc"] for r in lp}
    people = {r["sfzh"] for r in pop}
    stale = lambda r: r["updated_at"] < STALE_BEFORE
    found = {
        ("population", "null_value", "lxdh"): _where(pop, lambda r: r["lxdh"] is None),
        ("population", "blank_value", "jtzz"): _where(pop, lambda r: _blank(r["jtzz"])),
        ("population", "bad_checksum", "sfzh"): _where(pop, lambda r: not gb11643_valid(r["sfzh"])),
        ("population", "bad_checksum", "yhkh"): _where(pop, lambda r: not luhn_valid(r["yhkh"])),
        ("population", "duplicate_key", "sfzh"): _duplicates(pop, "sfzh"),
        ("population", "stale_update", "updated_at"): _where(pop, stale),
        ("population", "birthdate_mismatch", "csrq+sfzh"): _where(pop, lambda r: r["csrq"].replace("-", "") != r["sfzh"][6:14]),
        ("population", "sex_mismatch", "xb+sfzh"): _where(pop, lambda r: r["xb"] != ("1" if int(r["sfzh"][16]) % 2 else "2")),
        ("population", "bad_mobile", "lxdh"): _where(pop, lambda r: r["lxdh"] is not None and not MOBILE.fullmatch(r["lxdh"])),
        ("population", "invalid_code", "mz"): _where(pop, lambda r: r["mz"] not in ethnic),
        ("population", "out_of_range", "age"): _where(pop, lambda r: not 0 <= int(r["age"]) <= 150),
        ("legal_person", "bad_checksum", "tyshxydm"): _where(lp, lambda r: not gb32100_valid(r["tyshxydm"])),
        ("legal_person", "bad_checksum", "fddbr_sfzh"): _where(lp, lambda r: not gb11643_valid(r["fddbr_sfzh"])),
        ("legal_person", "duplicate_key", "tyshxydm"): _duplicates(lp, "tyshxydm"),
        ("legal_person", "null_value", "fddbr"): _where(lp, lambda r: r["fddbr"] is None),
        ("legal_person", "blank_value", "zs"): _where(lp, lambda r: _blank(r["zs"])),
        ("legal_person", "invalid_code", "hydm"): _where(lp, lambda r: r["hydm"] not in divisions),
        ("legal_person", "out_of_range", "zczb"): _where(lp, lambda r: float(r["zczb"]) <= 0),
        ("legal_person", "stale_update", "updated_at"): _where(lp, stale),
        ("credit", "dangling_reference", "tyshxydm"): _where(cr, lambda r: r["tyshxydm"] not in lp_names),
        ("credit", "value_mismatch", "qymc"): _where(cr, lambda r: lp_names.get(r["tyshxydm"], r["qymc"]) != r["qymc"]),
        ("credit", "start_after_end", "start_date+end_date"): _where(cr, lambda r: r["start_date"] > r["end_date"]),
        ("credit", "null_value", "jdrq"): _where(cr, lambda r: r["jdrq"] is None),
        ("credit", "blank_value", "jdjg"): _where(cr, lambda r: _blank(r["jdjg"])),
        ("credit", "invalid_code", "xylx"): _where(cr, lambda r: r["xylx"] not in {"行政许可", "行政处罚", "守信激励", "失信惩戒"}),
        ("credit", "duplicate_key", "xyjl_id"): _duplicates(cr, "xyjl_id"),
        ("credit", "stale_update", "updated_at"): _where(cr, stale),
        ("e_license", "dangling_reference", "chzt_dm"): _where(el, lambda r: r["fr_uscc"] is None and r["chzt_dm"] not in people),
        ("e_license", "dangling_reference", "chzt_dm+fr_uscc"): _where(el, lambda r: r["fr_uscc"] is not None and r["chzt_dm"] not in lp_names),
        ("e_license", "null_value", "fzjg"): _where(el, lambda r: r["fzjg"] is None),
        ("e_license", "blank_value", "chzt"): _where(el, lambda r: _blank(r["chzt"])),
        ("e_license", "start_after_end", "fzrq+yxqz"): _where(el, lambda r: r["fzrq"] > r["yxqz"]),
        ("e_license", "invalid_code", "zzlx"): _where(el, lambda r: r["zzlx"] not in e_license.LICENCE_TYPES),
        ("e_license", "duplicate_key", "zzbh"): _duplicates(el, "zzbh"),
        ("e_license", "stale_update", "updated_at"): _where(el, stale),
        ("geo_parcel", "out_of_range", "jd+wd"): _where(geo, lambda r: not (
            LON_RANGE[0] <= float(r["jd"]) <= LON_RANGE[1] and LAT_RANGE[0] <= float(r["wd"]) <= LAT_RANGE[1])),
        ("geo_parcel", "out_of_range", "mj"): _where(geo, lambda r: _number(r["mj"]) <= 0),
        ("geo_parcel", "dangling_reference", "qlr_dm"): _where(geo, lambda r: r["qlr_dm"] not in lp_names),
        ("geo_parcel", "invalid_code", "tdyt"): _where(geo, lambda r: r["tdyt"] not in geo_parcel.LAND_USE_NAMES),
        ("geo_parcel", "null_value", "djrq"): _where(geo, lambda r: r["djrq"] is None),
        ("geo_parcel", "duplicate_key", "dkbh"): _duplicates(geo, "dkbh"),
        ("geo_parcel", "stale_update", "updated_at"): _where(geo, stale),
    }
    return found


def test_every_defect_is_found_exactly_where_the_manifest_says(manifest: dict[str, Any], data: dict[str, Rows]) -> None:
    found = find_defects(data)
    listed = {}
    for d in manifest["datasets"]:
        for defect in d["defects"]:
            listed[(d["code"], defect["kind"], "+".join(defect["columns"]))] = defect
    assert set(listed) == set(found)
    for key, defect in listed.items():
        rows = sorted(found[key])
        assert defect["count"] == len(rows) >= 1, key
        assert defect["rows"] == rows[:20], key


def test_one_defect_per_row(data: dict[str, Rows]) -> None:
    per_dataset: dict[str, list[int]] = {}
    for (code, _, _), rows in find_defects(data).items():
        per_dataset.setdefault(code, []).extend(rows)
    for code, rows in per_dataset.items():
        assert len(rows) == len(set(rows)), code


# ---------------------------------------------------------------- validity and realism


def test_population_identifiers_are_realistic(data: dict[str, Rows]) -> None:
    regions = load_regions()
    counties = {str(c) for c in regions.county_codes}
    names = dict(zip(map(str, regions.county_codes), regions.county_names.to_pylist()))
    pop = data["population"]
    assert all(len(r["sfzh"]) == 18 and r["sfzh"][:6] in counties for r in pop)
    assert any(r["sfzh"].endswith("X") for r in pop)
    assert all("1930" <= r["csrq"][:4] <= "2025" for r in pop)
    assert all(r["xzqh"] in counties and len(r["mz"]) <= 2 and re.fullmatch(r"2[12]\d{4}", r["zip"]) for r in pop)
    assert sum(r["mz"] == "01" for r in pop) / len(pop) > 0.85
    assert 0.02 < sum(r["xzqh"] != r["sfzh"][:6] for r in pop) / len(pop) < 0.2  # some moved
    assert all(r["jtzz"].startswith("江苏省") and names[r["xzqh"]] in r["jtzz"] for r in pop if not _blank(r["jtzz"]))
    bins = {r["yhkh"][:6] for r in pop}
    assert {"622202", "621700", "622848"} <= bins
    assert {len(r["yhkh"]) for r in pop} <= {16, 19}


def test_population_age_follows_birth_date(data: dict[str, Rows]) -> None:
    for r in data["population"]:
        if 0 <= int(r["age"]) <= 150:
            y, m, d = map(int, r["csrq"].split("-"))
            assert int(r["age"]) == 2026 - y - ((m, d) > (6, 30))


def test_legal_persons_are_realistic(data: dict[str, Rows]) -> None:
    lp, pop = data["legal_person"], data["population"]
    heads = {r["tyshxydm"][:2] for r in lp}
    assert {"91", "92", "93", "11", "12"} <= heads and heads & {"51", "52", "53"} and heads & {"N2", "N3"}
    assert all(r["tyshxydm"][2:4] == "32" for r in lp)
    person = {r["sfzh"]: r["xm"] for r in pop}
    assert all(person[r["fddbr_sfzh"]] == r["fddbr"] for r in lp if r["fddbr"] and gb11643_valid(r["fddbr_sfzh"]))
    assert all(re.fullmatch(r"-?\d+\.\d\d", r["zczb"]) for r in lp)
    assert any(r["qymc"].endswith("有限公司") for r in lp)
    # one kind of bad USCC passes GB 32100 alone: only its embedded GB 11714 check is wrong
    assert any(gb32100_valid(r["tyshxydm"], check_org_code=False) and not gb32100_valid(r["tyshxydm"]) for r in lp)


def test_credit_notes_exercise_csv_quoting(data: dict[str, Rows]) -> None:
    notes = [r["bz"] for r in data["credit"]]
    assert sum("\n" in n for n in notes) == 2
    assert sum("," in n for n in notes) >= 3 and sum('"' in n for n in notes) >= 3


def test_licences_reference_their_holders(data: dict[str, Rows]) -> None:
    for r in data["e_license"]:
        if r["fr_uscc"] is None:
            assert gb11643_valid(r["chzt_dm"])
        else:
            assert r["fr_uscc"] == r["chzt_dm"] and gb32100_valid(r["chzt_dm"])


def test_references_carry_valid_codes(data: dict[str, Rows]) -> None:
    assert all(gb32100_valid(r["tyshxydm"]) for r in data["credit"])
    assert all(gb32100_valid(r["qlr_dm"]) for r in data["geo_parcel"])
    assert all(len(r["dkbh"]) == 19 for r in data["geo_parcel"])


# ---------------------------------------------------------------- files and formats


def test_population_is_gbk_not_utf8(out: Path) -> None:
    raw = (out / "population.csv").read_bytes()
    raw.decode("gbk")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert raw.startswith(b"xm,sfzh,xb,mz,csrq,age,lxdh,yhkh,xzqh,jtzz,zip,updated_at\r\n")


def test_every_word_population_can_use_is_gbk() -> None:
    words, regions = load_words(), load_regions()
    lists = [words.surnames, words.given_male, words.given_female, words.streets, regions.county_names,
             regions.city_names]
    for values in lists:
        for v in values.to_pylist():
            v.encode("gbk")


def test_encodings_and_bom(out: Path) -> None:
    assert (out / "geo_parcel.csv").read_bytes().startswith(b"\xef\xbb\xbfdkbh,")
    credit = (out / "credit.csv").read_bytes()
    assert not credit.startswith(b"\xef\xbb\xbf")
    credit.decode("utf-8")


def test_xlsx_has_title_row_and_text_cells(out: Path) -> None:
    ws, rows = read_xlsx(out / "legal_person.xlsx")
    assert ws["A1"].value == legal_person.TITLE
    assert any(str(m).startswith("A1:") for m in ws.merged_cells.ranges)
    assert [c.value for c in ws[2]] == list(legal_person.COLUMNS)
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            assert cell.value is None or cell.data_type == "s"
    assert len(rows) == dataset_rows(ROWS)["legal_person"]


def test_jsonl_values_are_strings_or_null(data: dict[str, Rows]) -> None:
    for r in data["e_license"]:
        assert list(r) == list(e_license.COLUMNS)
        assert all(v is None or isinstance(v, str) for v in r.values())
    assert any(r["chzt"] == "" for r in data["e_license"])


def test_manifest_shape(out: Path, manifest: dict[str, Any]) -> None:
    assert {"seed", "rows", "generator_version", "datasets"} <= set(manifest)
    assert (manifest["seed"], manifest["rows"]) == (SEED, ROWS)
    sizes = dataset_rows(ROWS)
    for d in manifest["datasets"]:
        assert {"code", "file", "format", "encoding", "rows", "meta", "defects"} <= set(d)
        assert (out / d["file"]).exists() and (out / d["meta"]).exists()
        assert d["rows"] == sizes[d["code"]]
        for defect in d["defects"]:
            assert {"kind", "columns", "count", "rows", "description_zh", "description_en"} <= set(defect)


@pytest.mark.parametrize("code", ["population", "legal_person", "credit", "e_license", "geo_parcel"])
def test_sidecar_validates_and_describes_every_column(out: Path, data: dict[str, Rows], code: str) -> None:
    meta = validate_meta(load_sidecar(out / f"{code}.yaml"), source=code)
    assert meta.code == code and meta.category == "基础库" and meta.base_library
    assert list(meta.columns) == list(data[code][0])
    assert all(c.title for c in meta.columns.values())
    assert meta.provider_code and meta.provider_code.startswith("11") and gb32100_valid(meta.provider_code)


# ---------------------------------------------------------------- determinism, scaling, errors


def _hashes(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


def test_same_seed_same_bytes_other_seed_other_data(tmp_path: Path) -> None:
    generate_demo_data(tmp_path / "a", rows=300, seed=1)
    generate_demo_data(tmp_path / "b", rows=300, seed=1)
    generate_demo_data(tmp_path / "c", rows=300, seed=2)
    a, b, c = _hashes(tmp_path / "a"), _hashes(tmp_path / "b"), _hashes(tmp_path / "c")
    assert a == b and len(a) == 11
    for name in ("population.csv", "legal_person.xlsx", "credit.csv", "e_license.jsonl", "geo_parcel.csv"):
        assert a[name] != c[name]


def test_smallest_size_has_every_defect(tmp_path: Path) -> None:
    manifest = generate_demo_data(tmp_path, rows=100)
    assert [d["rows"] for d in manifest["datasets"]] == [100, 60, 60, 100, 60]
    assert all(x["count"] >= 1 for d in manifest["datasets"] for x in d["defects"])


def test_rows_scale() -> None:
    assert dataset_rows(10_000) == {"population": 10_000, "legal_person": 2_000, "credit": 5_000,
                                    "e_license": 10_000, "geo_parcel": 2_500}


@pytest.mark.parametrize("rows", [99, 0, -5, MAX_ROWS + 1, 5_300_000, "1000", 1000.0, True])
def test_bad_rows_raise_config_error(tmp_path: Path, rows: Any) -> None:
    with pytest.raises(ConfigError) as err:
        generate_demo_data(tmp_path, rows=rows)
    assert err.value.zh and err.value.en
    assert not any(tmp_path.iterdir())  # nothing written


# ---------------------------------------------------------------- vectorized checksums agree with the references

_DIGITS = st.text("0123456789", min_size=17, max_size=17)


@settings(max_examples=200, deadline=None)
@given(st.lists(_DIGITS, min_size=1, max_size=20))
def test_gb11643_vectorized(bodies: list[str]) -> None:
    m = np.array([[int(c) for c in b] for b in bodies])
    assert [chr(c) for c in ids.gb11643_check(m)] == [gb11643_check_char(b) for b in bodies]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(GB32100_ALPHABET, min_size=17, max_size=17), min_size=1, max_size=20))
def test_gb32100_and_gb11714_vectorized(bodies: list[str]) -> None:
    m = np.array([list(b.encode()) for b in bodies], dtype=np.uint8)
    assert [chr(c) for c in ids.gb32100_check(m)] == [gb32100_check_char(b) for b in bodies]
    assert [chr(c) for c in ids.gb11714_check(m[:, 8:16])] == [gb11714_check_char(b[8:16]) for b in bodies]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("0123456789", min_size=15, max_size=15), min_size=1, max_size=20))
def test_luhn_vectorized(bodies: list[str]) -> None:
    m = np.array([[int(c) for c in b] for b in bodies])
    assert [str(d) for d in ids.luhn_check(m)] == [luhn_check_digit(b) for b in bodies]


def test_generated_identifiers_pass_the_references() -> None:
    rng = np.random.default_rng(0)
    n = 500
    area = load_regions().county_codes[rng.integers(0, 95, n)]
    birth = text.random_days(rng, n, "1930-01-01", "2024-12-31")
    male = rng.random(n) < 0.5
    sfzh = text.from_matrix(ids.sfzh_matrix(rng, area, birth, male)).to_pylist()
    assert all(gb11643_valid(s) for s in sfzh) and len(set(sfzh)) == n
    assert all((int(s[16]) % 2 == 1) == m for s, m in zip(sfzh, male))
    kinds = np.array(["91", "92", "93", "11", "12", "51", "52", "53", "N2", "N3", "Y1"])[rng.integers(0, 11, n)]
    uscc = text.from_matrix(ids.uscc_matrix(rng, kinds, area, rng.random(n) < 0.5)).to_pylist()
    assert all(gb32100_valid(u) for u in uscc) and len(set(uscc)) == n
    cards = ids.bank_cards(rng, n, np.zeros(n, dtype=bool)).to_pylist()
    assert all(luhn_valid(c) for c in cards)
