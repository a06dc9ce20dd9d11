"""Catalog metadata: validation in both languages, sidecar files, merging flags, warnings, and the CLI edge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from corpus import csv_text, write_text

from shuzhi.catalog.metadata import (
    BASE_LIBRARIES,
    CATEGORIES,
    OPEN_TYPES,
    SHARE_TYPES,
    UPDATE_CYCLES,
    load_sidecar,
    merge_meta,
    validate_meta,
)
from shuzhi.errors import MetadataError

DEFAULTS = {
    "code": "population", "title": None, "provider": None, "provider_code": None, "summary": None,
    "category": "部门库", "base_library": None, "domain": None,
    "share": {"type": "有条件共享", "condition": None, "method": None},
    "open": {"type": "不予开放", "condition": None},
    "update_cycle": "不定期", "publish_date": None, "related": [], "tags": [], "columns": {},
}

# (id, input mapping, fields that differ from DEFAULTS)
ACCEPTED: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("only-code", {"code": "population"}, {}),
    ("chinese-code-key", {"资源代码": "population"}, {}),
    ("english-keys", {
        "code": "population", "title": "人口综合库", "category": "基础库", "base_library": "人口",
        "share": {"type": "无条件共享"}, "open": {"type": "有条件开放", "condition": "实名"}, "update_cycle": "每日",
        "publish_date": "2024-01-31", "related": ["legal_person"], "tags": ["人口"],
    }, {
        "title": "人口综合库", "category": "基础库", "base_library": "人口",
        "share": {"type": "无条件共享", "condition": None, "method": None}, "open": {"type": "有条件开放", "condition": "实名"},
        "update_cycle": "每日", "publish_date": dt.date(2024, 1, 31), "related": ["legal_person"], "tags": ["人口"],
    }),
    ("chinese-keys", {
        "资源代码": "population", "资源名称": "人口综合库", "提供方": "市公安局", "提供方代码": "11320100MB0000000X",
        "摘要": "户籍人口", "资源分类": "基础库", "基础库": "人口",
        "共享属性": {"共享类型": "有条件共享", "共享条件": "依申请", "共享方式": "接口"},
        "开放属性": {"开放类型": "不予开放"}, "更新周期": "每月", "发布日期": "2024-01-31",
        "关联资源代码": ["legal_person"], "标签": ["人口", "户籍"], "信息项": {"sfzh": {"中文名称": "公民身份号码", "描述": "18 位"}},
    }, {
        "title": "人口综合库", "provider": "市公安局", "provider_code": "11320100MB0000000X", "summary": "户籍人口",
        "category": "基础库", "base_library": "人口",
        "share": {"type": "有条件共享", "condition": "依申请", "method": "接口"},
        "update_cycle": "每月", "publish_date": dt.date(2024, 1, 31), "related": ["legal_person"], "tags": ["人口", "户籍"],
        "columns": {"sfzh": {"title": "公民身份号码", "description": "18 位"}},
    }),
    ("mixed-languages", {"code": "population", "资源名称": "人口", "share": {"共享类型": "不予共享"}},
     {"title": "人口", "share": {"type": "不予共享", "condition": None, "method": None}}),
    ("whitespace-stripped", {"code": " population ", "title": " 人口 "}, {"title": "人口"}),
    ("code-64-chars", {"code": "p" * 64}, {"code": "p" * 64}),
    ("code-punctuation", {"code": "pop.v2-2024_01"}, {"code": "pop.v2-2024_01"}),
    ("code-leading-digit", {"code": "2024population"}, {"code": "2024population"}),
    ("domain-chinese-key", {"code": "population", "业务领域": " 卫生健康 "}, {"domain": "卫生健康"}),
    ("domain-english-key", {"code": "population", "domain": "生产"}, {"domain": "生产"}),
]


@pytest.mark.parametrize(("data", "changes"), [pytest.param(d, c, id=i) for i, d, c in ACCEPTED])
def test_validate_accepts(data: dict[str, Any], changes: dict[str, Any]) -> None:
    assert validate_meta(data).model_dump() == {**DEFAULTS, **changes}


# (id, input, error field, words both messages must contain: zh, en)
REJECTED: list[tuple[str, dict[str, Any], str, list[str], list[str]]] = [
    ("share-type", {"code": "a", "share": {"type": "随便"}}, "share.type", ["共享", "随便", *SHARE_TYPES], ["share", "随便", *SHARE_TYPES]),
    ("share-type-chinese-keys", {"code": "a", "共享属性": {"共享类型": "随便"}}, "share.type",
     ["共享", "随便", *SHARE_TYPES], ["share", "随便", *SHARE_TYPES]),
    ("open-type", {"code": "a", "open": {"type": "公开"}}, "open.type", ["开放", "公开", *OPEN_TYPES], ["open", "公开", *OPEN_TYPES]),
    ("update-cycle", {"code": "a", "update_cycle": "每天"}, "update_cycle",
     ["更新周期", "每天", *UPDATE_CYCLES], ["update_cycle", "每天", *UPDATE_CYCLES]),
    ("category", {"code": "a", "资源分类": "专题库"}, "category", ["资源分类", "专题库", *CATEGORIES], ["category", "专题库", *CATEGORIES]),
    ("base-library-value", {"code": "a", "category": "基础库", "base_library": "户籍"}, "base_library",
     ["基础库", "户籍", *BASE_LIBRARIES], ["base_library", "户籍", *BASE_LIBRARIES]),
    ("基础库-without-base-library", {"code": "a", "category": "基础库"}, "(root)",
     ["基础库", *BASE_LIBRARIES], ["base_library", "基础库", *BASE_LIBRARIES]),
    ("base-library-without-基础库", {"code": "a", "base_library": "人口"}, "(root)", ["基础库"], ["base_library", "基础库"]),
    ("base-library-in-主题库", {"code": "a", "category": "主题库", "基础库": "人口"}, "(root)", ["基础库"], ["base_library", "基础库"]),
    ("code-space", {"code": "a b"}, "code", ["资源代码", "字母", "64"], ["code", "letters", "64"]),
    ("code-chinese", {"code": "人口"}, "code", ["资源代码", "字母", "64"], ["code", "letters", "64"]),
    ("code-too-long", {"code": "p" * 65}, "code", ["资源代码", "64"], ["code", "64"]),
    ("code-leading-dash", {"code": "-a"}, "code", ["资源代码", "开头"], ["code", "start"]),
    ("code-leading-dot", {"code": ".a"}, "code", ["资源代码", "开头"], ["code", "start"]),
    ("code-empty", {"code": "  "}, "code", ["资源代码"], ["code"]),
    ("code-missing", {"title": "人口"}, "code", ["资源代码"], ["code"]),
    ("related-code", {"code": "a", "related": ["b c"]}, "related", ["关联资源代码"], ["related"]),
    ("unknown-field", {"code": "a", "titel": "人口"}, "titel", ["titel"], ["titel"]),
    ("unknown-nested-field", {"code": "a", "共享属性": {"共享类型": "有条件共享", "共享期限": "1年"}}, "share.共享期限", ["共享期限"], ["共享期限"]),
    ("share-not-a-mapping", {"code": "a", "share": "无条件共享"}, "share", ["共享属性"], ["share"]),
    ("publish-date-month-13", {"code": "a", "publish_date": "2021-13-01"}, "publish_date", ["发布日期", "2021-13-01"], ["publish_date", "2021-13-01"]),
    ("publish-date-words", {"code": "a", "发布日期": "昨天"}, "publish_date", ["发布日期", "昨天"], ["publish_date", "昨天"]),
    ("domain-too-long", {"code": "a", "业务领域": "卫" * 65}, "domain", ["业务领域", "64"], ["domain", "64"]),
    ("domain-empty", {"code": "a", "domain": "  "}, "domain", ["业务领域", "不能为空"], ["domain", "empty"]),
]


@pytest.mark.parametrize(("data", "field", "zh_words", "en_words"), [pytest.param(*r[1:], id=r[0]) for r in REJECTED])
def test_validate_rejects(data: dict[str, Any], field: str, zh_words: list[str], en_words: list[str]) -> None:
    with pytest.raises(MetadataError) as info:
        validate_meta(data)
    err = info.value
    assert err.details == {"field": field}
    assert [w for w in zh_words if w not in err.zh] == []
    assert [w for w in en_words if w not in err.en] == []
    assert "\n" not in err.zh + err.en


# Messages that should say what *is* allowed but do not (yet).
def test_unknown_field_lists_known_fields() -> None:
    with pytest.raises(MetadataError) as info:
        validate_meta({"code": "a", "titel": "人口"})
    assert ("资源名称" in info.value.zh, "title" in info.value.en) == (True, True)


def test_bad_publish_date_states_format() -> None:
    with pytest.raises(MetadataError) as info:
        validate_meta({"code": "a", "publish_date": "昨天"})
    assert ("YYYY-MM-DD" in info.value.zh, "YYYY-MM-DD" in info.value.en, "Input should" in info.value.zh) == (True, True, False)


def test_bad_code_quotes_the_value() -> None:
    with pytest.raises(MetadataError) as info:
        validate_meta({"code": "人口 库"})
    assert ("人口 库" in info.value.zh, "人口 库" in info.value.en) == (True, True)


def test_english_message_has_no_chinese_source_label() -> None:
    with pytest.raises(MetadataError) as info:
        validate_meta({"code": "a", "update_cycle": "每天"})
    assert info.value.en.startswith("invalid value")


def test_source_names_the_file() -> None:
    with pytest.raises(MetadataError) as info:
        validate_meta({"code": "a", "update_cycle": "每天"}, source="meta/人口.yaml")
    assert (info.value.zh.startswith("meta/人口.yaml："), info.value.en.startswith("meta/人口.yaml: ")) == (True, True)


# --- sidecar files ----------------------------------------------------------------------------
# (id, file bytes or None for a missing file, zh words, en words)
SIDECAR_ERRORS: list[tuple[str, bytes | None, list[str], list[str]]] = [
    ("missing", None, ["不存在"], ["not found"]),
    ("gbk", "资源名称: 人口综合库\n".encode("gbk"), ["UTF-8"], ["not UTF-8"]),
    ("bad-indent", b"code: a\n  title: x\n", ["第 2 行", "YAML"], ["line 2", "YAML"]),
    ("tab-indent", "code: a\nshare:\n\ttype: 无条件共享\n".encode(), ["第 3 行", "YAML"], ["line 3", "YAML"]),
    ("list", b"- code: a\n- code: b\n", ["键值映射"], ["must be a mapping"]),
    ("scalar", "人口综合库\n".encode(), ["键值映射"], ["must be a mapping"]),
]


@pytest.mark.parametrize(("content", "zh_words", "en_words"), [pytest.param(*r[1:], id=r[0]) for r in SIDECAR_ERRORS])
def test_load_sidecar_errors(tmp_path: Path, content: bytes | None, zh_words: list[str], en_words: list[str]) -> None:
    path = tmp_path / "人口.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(MetadataError) as info:
        load_sidecar(path)
    assert [w for w in [*zh_words, str(path)] if w not in info.value.zh] == []
    assert [w for w in [*en_words, str(path)] if w not in info.value.en] == []


SIDECAR_OK: list[tuple[str, bytes, dict[str, Any]]] = [
    ("empty", b"", {}),
    ("comment-only", b"# nothing yet\n", {}),
    ("chinese-keys", "资源名称: 人口综合库\n共享属性:\n  共享类型: 无条件共享\n".encode(), {"资源名称": "人口综合库", "共享属性": {"共享类型": "无条件共享"}}),
    ("utf-8-bom", "\ufeff资源名称: 人口\n".encode(), {"资源名称": "人口"}),
    ("codes-stay-text", b"code: '007'\nprovider_code: 11320100MB0000000X\n", {"code": "007", "provider_code": "11320100MB0000000X"}),
]


@pytest.mark.parametrize(("content", "expected"), [pytest.param(*r[1:], id=r[0]) for r in SIDECAR_OK])
def test_load_sidecar(tmp_path: Path, content: bytes, expected: dict[str, Any]) -> None:
    path = tmp_path / "meta.yaml"
    path.write_bytes(content)
    assert load_sidecar(path) == expected


# --- merging flags over the sidecar -----------------------------------------------------------
# (id, sidecar, flags, merged)
MERGES: list[tuple[str, dict[str, Any], dict[str, Any], dict[str, Any]]] = [
    ("flag-overrides", {"code": "a", "title": "旧"}, {"title": "新"}, {"code": "a", "title": "新"}),
    ("flag-overrides-chinese-key", {"资源代码": "a", "资源名称": "旧"}, {"title": "新"}, {"code": "a", "title": "新"}),
    ("none-flag-keeps-sidecar", {"资源名称": "旧"}, {"title": None, "share": None}, {"title": "旧"}),
    ("flag-only", {}, {"code": "a", "update_cycle": "每日"}, {"code": "a", "update_cycle": "每日"}),
    ("share-type-keeps-condition", {"共享属性": {"共享类型": "不予共享", "共享条件": "依申请"}},
     {"share": {"type": "有条件共享", "condition": None}}, {"share": {"type": "有条件共享", "condition": "依申请"}}),
    ("share-condition-keeps-type", {"share": {"type": "不予共享", "method": "接口"}},
     {"share": {"condition": "依据《条例》"}}, {"share": {"type": "不予共享", "method": "接口", "condition": "依据《条例》"}}),
    ("open-merges", {"开放属性": {"开放类型": "有条件开放", "开放条件": "实名"}}, {"open": {"type": "无条件开放"}},
     {"open": {"type": "无条件开放", "condition": "实名"}}),
    ("share-flag-without-sidecar-share", {"title": "t"}, {"share": {"type": "无条件共享", "condition": None}},
     {"title": "t", "share": {"type": "无条件共享"}}),
]


@pytest.mark.parametrize(("sidecar", "flags", "expected"), [pytest.param(*r[1:], id=r[0]) for r in MERGES])
def test_merge_meta(sidecar: dict[str, Any], flags: dict[str, Any], expected: dict[str, Any]) -> None:
    before = repr(sidecar)
    assert merge_meta(sidecar, flags) == expected
    assert repr(sidecar) == before  # the sidecar mapping is not modified


def test_merged_chinese_sidecar_validates() -> None:
    sidecar = {"资源代码": "population", "资源名称": "旧", "共享属性": {"共享类型": "不予共享", "共享条件": "依申请"}}
    meta = validate_meta(merge_meta(sidecar, {"title": "人口综合库", "share": {"type": "有条件共享", "condition": None}}))
    assert (meta.code, meta.title, meta.share.type, meta.share.condition) == ("population", "人口综合库", "有条件共享", "依申请")


# --- warnings ---------------------------------------------------------------------------------
SHARE_WARNING = ("有条件共享应写明共享条件或依据（国发〔2016〕51号）", "有条件共享 should state its condition or legal basis")
DENY_WARNING = ("不予共享应写明共享条件或依据（国发〔2016〕51号）", "不予共享 should state its condition or legal basis")
OPEN_WARNING = ("有条件开放应写明开放条件", "有条件开放 should state its opening conditions")
# (id, share, open, expected warnings)
WARNINGS: list[tuple[str, dict[str, Any], dict[str, Any], list[tuple[str, str]]]] = [
    ("default-conditional-share", {}, {}, [SHARE_WARNING]),
    ("conditional-without-condition", {"type": "有条件共享"}, {}, [SHARE_WARNING]),
    ("conditional-blank-condition", {"type": "有条件共享", "condition": "   "}, {}, [SHARE_WARNING]),
    ("conditional-with-condition", {"type": "有条件共享", "condition": "依申请"}, {}, []),
    ("unconditional", {"type": "无条件共享"}, {}, []),
    ("denied-without-basis", {"type": "不予共享"}, {}, [DENY_WARNING]),
    ("denied-with-basis", {"type": "不予共享", "condition": "《保守国家秘密法》"}, {}, []),
    ("conditional-open-without-condition", {"type": "无条件共享"}, {"type": "有条件开放"}, [OPEN_WARNING]),
    ("conditional-open-with-condition", {"type": "无条件共享"}, {"type": "有条件开放", "condition": "实名"}, []),
    ("both", {"type": "有条件共享"}, {"type": "有条件开放"}, [SHARE_WARNING, OPEN_WARNING]),
]


@pytest.mark.parametrize(("share", "open_", "expected"), [pytest.param(*r[1:], id=r[0]) for r in WARNINGS])
def test_warnings(share: dict[str, Any], open_: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert validate_meta({"code": "a", "share": share, "open": open_}).warnings() == expected


# --- through the CLI: a bad flag fails before anything is read or registered ------------------
# (flags, words the error line must contain)
CLI_REJECTS: list[tuple[list[str], list[str]]] = [
    (["--share", "随便"], ["共享", "随便", *SHARE_TYPES]),
    (["--open", "随便"], ["开放", *OPEN_TYPES]),
    (["--cycle", "每天"], ["更新周期", *UPDATE_CYCLES]),
    (["--category", "专题库"], ["资源分类", *CATEGORIES]),
    (["--category", "基础库"], ["基础库", *BASE_LIBRARIES]),
    (["--code", "人口 库"], ["资源代码"]),
]


@pytest.mark.parametrize(("flags", "words"), CLI_REJECTS, ids=[" ".join(f) for f, _ in CLI_REJECTS])
def test_cli_bad_flag_registers_nothing(cli: Any, tmp_path: Path, flags: list[str], words: list[str]) -> None:
    path = write_text(tmp_path / "src" / "people.csv", csv_text())
    result = cli("ingest", str(path), *flags, expect=1)
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert [w for w in words if w not in result.stderr] == []
    assert cli.json("catalog", "list") == []
    data = cli.home / "data"
    assert not data.exists() or list(data.rglob("*")) == []


def test_cli_bad_sidecar_names_the_line(cli: Any, tmp_path: Path) -> None:
    path = write_text(tmp_path / "src" / "people.csv", csv_text())
    meta = write_text(tmp_path / "src" / "people.yaml", "资源名称: 人口\n  更新周期: 每日\n")
    result = cli("ingest", str(path), "--meta", str(meta), expect=1)
    assert ("第 2 行" in result.stderr, "line 2" in result.stderr, len(result.stderr.splitlines())) == (True, True, 1)
    assert cli.json("catalog", "list") == []
