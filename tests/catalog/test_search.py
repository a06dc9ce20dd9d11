"""Catalog search over Chinese titles, column names and sidecar column titles, through ingest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from corpus import csv_text, write_text

from shuzhi.catalog import ingest, search_datasets
from shuzhi.config import Settings
from shuzhi.workspace import Workspace

# code → (资源名称, 基础库, columns, sidecar column titles)
DATASETS: dict[str, tuple[str, str, list[str], dict[str, str]]] = {
    "population": ("人口综合库", "人口", ["sfzh", "xm", "csrq"], {"sfzh": "公民身份号码", "xm": "姓名", "csrq": "出生日期"}),
    "legal_person": ("法人综合库", "法人", ["统一社会信用代码", "法定代表人", "机构名称"], {}),
    "social_credit": ("信用信息库", "社会信用", ["主体名称", "失信行为", "认定日期"], {}),
    "e_license": ("电子证照库", "电子证照", ["证照编号", "持证主体", "证照类型"], {}),
    "geo_parcel": ("自然资源和空间地理信息库", "自然资源和空间地理", ["地块编号", "面积", "用途"], {}),
}


def add(ws: Workspace, folder: Path, code: str, title: str, base: str, columns: list[str], titles: dict[str, str]) -> str:
    data = write_text(folder / f"{code}.csv", csv_text([[f"{c}-1" for c in columns], [f"{c}-2" for c in columns]], columns))
    meta = folder / f"{code}.yaml"
    meta.write_text(yaml.safe_dump({"资源名称": title, "资源分类": "基础库", "基础库": base,
                                    "信息项": {k: {"中文名称": v} for k, v in titles.items()}}, allow_unicode=True), encoding="utf-8")
    return ingest(ws, str(data), meta_file=meta).status


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One workspace holding the five 基础库 (searches do not change it)."""
    root = tmp_path_factory.mktemp("search")
    with Workspace(Settings(home=root / "ws", engine="duckdb")) as w:
        for code, spec in DATASETS.items():
            assert add(w, root / "src", code, *spec) == "created"
        yield w


def codes(ws: Workspace, query: str) -> list[str]:
    return [hit["code"] for hit in search_datasets(ws, query)]


# (query, expected codes best first, reason)
QUERIES: list[tuple[str, list[str], str]] = [
    ("人口 身份", ["population"], "title word and column-title word, two parts"),
    ("人口身份", ["population"], "the same without a space: segmented"),
    ("身份证", ["population"], "身份证 is found through 公民身份号码's word 身份"),
    ("身份证号", ["population"], "longer form"),
    ("公民身份号码", ["population"], "a whole sidecar column title"),
    ("姓名", ["population"], "sidecar title of column xm"),
    ("出生", ["population"], "part of a sidecar column title"),
    ("信用代码", ["legal_person"], "not 信用信息库: it has no 代码"),
    ("法定代表人", ["legal_person"], "a column name"),
    ("法人 电子证照", [], "no single dataset has both"),
    ("人口 信用", [], "no single dataset has both"),
    ("sfzh", ["population"], "pinyin column name"),
    ("SFZH", ["population"], "case-insensitive"),
    ("legal_person", ["legal_person"], "code"),
    ("legal", ["legal_person"], "part of a code before _"),
    ("person", ["legal_person"], "part of a code after _"),
    ("编号", ["e_license", "geo_parcel"], "a word of two column names; equal scores by code"),
    ("自然资源", ["geo_parcel"], "start of a long title"),
    ("空间地理", ["geo_parcel"], "middle of a long title"),
    ("综合库", ["legal_person", "population"], "shared title suffix"),
    ("库", ["e_license", "geo_parcel", "legal_person", "population", "social_credit"], "every title"),
    ("户籍", [], "nowhere"),
    ("%", [], "LIKE wildcard taken literally"),
    ("口%", [], "LIKE wildcard after a character of 人口综合库"),
    ("%口", [], "LIKE wildcard before a character of 人口综合库"),
    ("口_", [], "LIKE single-character wildcard taken literally (口综 would match)"),
    ("_口", [], "LIKE single-character wildcard taken literally (人口 would match)"),
    ("__", [], "two underscores appear nowhere"),
    ("_", ["e_license", "geo_parcel", "legal_person", "social_credit"], "a literal underscore: every code but population"),
    ("\\", [], "the LIKE escape character itself"),
    ("", [], "empty query"),
    ("   ", [], "blank query"),
]


@pytest.mark.parametrize(("query", "expected", "reason"), QUERIES, ids=[repr(q[0]) for q in QUERIES])
def test_search(catalog: Workspace, query: str, expected: list[str], reason: str) -> None:
    assert codes(catalog, query) == expected, reason


# (query, expected (code, score, sorted matched terms))
SCORES: list[tuple[str, list[tuple[str, float, list[str]]]]] = [
    ("人口身份", [("population", 5.0, ["人口", "身份"])]),  # words: 人口 (title 3) + 身份 (column 2)
    ("人口 身份", [("population", 5.0, ["人口", "身份"])]),  # each part a substring: of the title (3), of a column title (2)
    ("身份证", [("population", 2.0, ["身份"])]),
]


@pytest.mark.parametrize(("query", "expected"), SCORES, ids=[s[0] for s in SCORES])
def test_scores(catalog: Workspace, query: str, expected: list[tuple[str, float, list[str]]]) -> None:
    assert [(h["code"], h["score"], sorted(h["matched"])) for h in search_datasets(catalog, query)] == expected


def test_title_match_ranks_above_column_match(catalog: Workspace) -> None:
    # 信用 is in social_credit's title (信用信息库) and in a column of legal_person (统一社会信用代码)
    assert codes(catalog, "信用") == ["social_credit", "legal_person"]


def test_limit(catalog: Workspace) -> None:
    assert codes(catalog, "库")[:2] == [h["code"] for h in search_datasets(catalog, "库", limit=2)]
    assert len(search_datasets(catalog, "库", limit=2)) == 2


def test_hit_carries_the_entry(catalog: Workspace) -> None:
    (hit,) = search_datasets(catalog, "法定代表人")
    assert {k: hit[k] for k in ("code", "title", "category", "base_library", "version", "rows", "columns")} == {
        "code": "legal_person", "title": "法人综合库", "category": "基础库", "base_library": "法人",
        "version": 1, "rows": 2, "columns": 3,
    }


# --- re-ingest changes what is found ---------------------------------------------------------
# (id, columns of the second ingest, queries that must now find population, queries that must not)
REINGESTS: list[tuple[str, list[str], list[str], list[str]]] = [
    ("same-content", ["sfzh", "xm", "csrq"], ["户籍", "户籍人口库", "sfzh", "公民身份号码"], ["人口综合库", "综合库", "综合"]),
    ("new-version", ["zjhm", "xm"], ["户籍", "zjhm", "姓名"], ["人口综合库", "综合库", "sfzh", "出生"]),
]


@pytest.mark.parametrize(("columns", "found", "gone"), [pytest.param(*r[1:], id=r[0]) for r in REINGESTS])
def test_reingest_updates_search(ws: Workspace, tmp_path: Path, columns: list[str], found: list[str], gone: list[str]) -> None:
    title, base, first_columns, titles = DATASETS["population"]
    assert add(ws, tmp_path / "v1", "population", title, base, first_columns, titles) == "created"
    assert codes(ws, "人口综合库") == ["population"]
    status = add(ws, tmp_path / "v2", "population", "户籍人口库", base, columns, {})
    assert status == ("unchanged" if columns == first_columns else "created")
    assert {q: codes(ws, q) for q in found} == {q: ["population"] for q in found}
    assert {q: codes(ws, q) for q in gone} == {q: [] for q in gone}


def test_search_text_is_not_shared_between_datasets(ws: Workspace, tmp_path: Path) -> None:
    for code, spec in list(DATASETS.items())[:2]:
        add(ws, tmp_path, code, *spec)
    add(ws, tmp_path / "again", "legal_person", "企业法人库", "法人", DATASETS["legal_person"][2], {})
    assert (codes(ws, "人口综合库"), codes(ws, "法人综合库"), codes(ws, "企业法人")) == (["population"], [], ["legal_person"])
