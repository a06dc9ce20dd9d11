"""Catalog metadata (政务信息资源目录), following the 2017 《政务信息资源目录编制指南（试行）》 field set.

Metadata comes from CLI flags, a YAML sidecar or defaults, in that order of
precedence, and is validated here; anything unknown is an error in both languages.

>>> meta = DatasetMeta.model_validate({"code": "population", "资源名称": "人口综合库",
...     "资源分类": "基础库", "基础库": "人口", "共享属性": {"共享类型": "有条件共享"}})
>>> meta.title, meta.share.type
('人口综合库', '有条件共享')
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from shuzhi.errors import MetadataError

ShareType = Literal["无条件共享", "有条件共享", "不予共享"]
OpenType = Literal["无条件开放", "有条件开放", "不予开放"]
UpdateCycle = Literal["实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "不定期"]
Category = Literal["基础库", "主题库", "部门库"]
BaseLibrary = Literal["人口", "法人", "自然资源和空间地理", "社会信用", "电子证照"]

SHARE_TYPES: tuple[str, ...] = ShareType.__args__  # type: ignore[attr-defined]
OPEN_TYPES: tuple[str, ...] = OpenType.__args__  # type: ignore[attr-defined]
UPDATE_CYCLES: tuple[str, ...] = UpdateCycle.__args__  # type: ignore[attr-defined]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
BASE_LIBRARIES: tuple[str, ...] = BaseLibrary.__args__  # type: ignore[attr-defined]

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")

# Least privilege by default: a new resource is shared only on application, and not opened.
DEFAULT_SHARE: ShareType = "有条件共享"
DEFAULT_OPEN: OpenType = "不予开放"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)


class ShareAttr(_Model):
    """共享属性: 共享类型, 共享条件, 共享方式."""

    type: ShareType = Field(DEFAULT_SHARE, alias="共享类型")
    condition: str | None = Field(None, alias="共享条件")
    method: str | None = Field(None, alias="共享方式")


class OpenAttr(_Model):
    """开放属性: 开放类型, 开放条件."""

    type: OpenType = Field(DEFAULT_OPEN, alias="开放类型")
    condition: str | None = Field(None, alias="开放条件")


class ColumnMeta(_Model):
    """信息项: 中文名称 and 描述 for a column (the type comes from the data)."""

    title: str | None = Field(None, alias="中文名称")
    description: str | None = Field(None, alias="描述")


class DatasetMeta(_Model):
    """The descriptive part of a catalog entry (what a steward fills in)."""

    code: str = Field(alias="资源代码")
    title: str | None = Field(None, alias="资源名称")
    provider: str | None = Field(None, alias="提供方")
    provider_code: str | None = Field(None, alias="提供方代码")
    summary: str | None = Field(None, alias="摘要")
    category: Category = Field("部门库", alias="资源分类")
    base_library: BaseLibrary | None = Field(None, alias="基础库")
    #: 业务领域 (卫生健康, 公安, 生产 …): free text; each grading template knows its own domains and aliases
    domain: str | None = Field(None, alias="业务领域", min_length=1, max_length=64)
    share: ShareAttr = Field(default_factory=ShareAttr, alias="共享属性")
    open: OpenAttr = Field(default_factory=OpenAttr, alias="开放属性")
    update_cycle: UpdateCycle = Field("不定期", alias="更新周期")
    publish_date: dt.date | None = Field(None, alias="发布日期")
    related: list[str] = Field(default_factory=list, alias="关联资源代码")
    tags: list[str] = Field(default_factory=list, alias="标签")
    columns: dict[str, ColumnMeta] = Field(default_factory=dict, alias="信息项")

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not CODE_PATTERN.match(value):
            raise ValueError("code")
        return value

    @field_validator("related")
    @classmethod
    def _related(cls, value: list[str]) -> list[str]:
        bad = [v for v in value if not CODE_PATTERN.match(v)]
        if bad:
            raise ValueError("related")
        return value

    @model_validator(mode="after")
    def _base_library(self) -> DatasetMeta:
        if self.category == "基础库" and self.base_library is None:
            raise ValueError("base_library_missing")
        if self.category != "基础库" and self.base_library is not None:
            raise ValueError("base_library_unexpected")
        return self

    def warnings(self) -> list[tuple[str, str]]:
        """Things a steward should fix that do not block registration (zh, en)."""
        out: list[tuple[str, str]] = []
        if self.share.type != "无条件共享" and not self.share.condition:
            out.append((
                f"{self.share.type}应写明共享条件或依据（国发〔2016〕51号）",
                f"{self.share.type} should state its condition or legal basis",
            ))
        if self.open.type == "有条件开放" and not self.open.condition:
            out.append(("有条件开放应写明开放条件", "有条件开放 should state its opening conditions"))
        return out


# Messages for the validator failures above and pydantic's own error types.
_FIELD_LABELS = {
    "code": "资源代码 code", "title": "资源名称 title", "provider": "提供方 provider",
    "provider_code": "提供方代码 provider_code", "summary": "摘要 summary",
    "category": "资源分类 category", "base_library": "基础库 base_library",
    "domain": "业务领域 domain",
    "share": "共享属性 share", "open": "开放属性 open", "type": "类型 type",
    "update_cycle": "更新周期 update_cycle", "publish_date": "发布日期 publish_date",
    "related": "关联资源代码 related", "tags": "标签 tags", "columns": "信息项 columns",
}
_CHOICES = {
    ("share", "type"): SHARE_TYPES, ("open", "type"): OPEN_TYPES, ("category",): CATEGORIES,
    ("base_library",): BASE_LIBRARIES, ("update_cycle",): UPDATE_CYCLES,
}
_CUSTOM = {
    "code": ("资源代码只能含字母、数字、下划线、点和连字符，以字母或数字开头，最长 64 个字符",
             "a code may contain letters, digits, '_', '.' and '-', must start with a letter or digit, at most 64 characters"),
    "related": ("关联资源代码格式不正确", "a related resource code is malformed"),
    "base_library_missing": ("资源分类为基础库时必须指明基础库（人口、法人、自然资源和空间地理、社会信用、电子证照）",
                             "category 基础库 needs base_library (人口, 法人, 自然资源和空间地理, 社会信用, 电子证照)"),
    "base_library_unexpected": ("只有基础库才能指定基础库类别", "base_library applies only to category 基础库"),
}


def _known_fields() -> tuple[str, str]:
    fields = [(f.alias, name) for name, f in DatasetMeta.model_fields.items()]
    return "、".join(f"{zh}（{en}）" for zh, en in fields), ", ".join(en for _, en in fields)


_ALIAS_TO_NAME = {f.alias: name for name, f in DatasetMeta.model_fields.items() if f.alias}


def _translate(err: ValidationError, source: tuple[str, str] | None) -> MetadataError:
    first = err.errors()[0]
    loc = tuple(_ALIAS_TO_NAME.get(str(p), str(p)) for p in first["loc"])
    where = ".".join(loc) or "(root)"
    label = " / ".join(_FIELD_LABELS.get(p, p) for p in loc) or "元数据 metadata"
    value = first.get("input")
    custom = str(first.get("ctx", {}).get("error", "")) if first["type"] == "value_error" else ""
    if custom in _CUSTOM:
        zh, en = _CUSTOM[custom]
        if custom in ("code", "related"):
            zh, en = f"{zh}：{value!r}", f"{en}: {value!r}"
    elif loc in _CHOICES or first["type"] == "literal_error":
        choices = _CHOICES.get(loc) or ()
        zh = f"{label} 的取值 {value!r} 无效，可选：{'、'.join(choices)}"
        en = f"invalid value {value!r} for {where}; choose one of: {', '.join(choices)}"
    elif first["type"] == "extra_forbidden":
        known_zh, known_en = _known_fields()
        zh, en = f"未知的元数据字段 {where}，可用字段：{known_zh}", f"unknown metadata field {where}; known fields: {known_en}"
    elif first["type"] == "missing":
        zh, en = f"缺少必填字段 {label}", f"missing required field {where}"
    elif first["type"] == "string_too_long":
        limit = first.get("ctx", {}).get("max_length")
        zh, en = f"{label} 最长 {limit} 个字符", f"{where} may have at most {limit} characters"
    elif first["type"] == "string_too_short":
        zh, en = f"{label} 不能为空", f"{where} must not be empty"
    elif first["type"].startswith("date"):
        zh = f"{label} 的取值 {value!r} 不是有效日期，格式应为 YYYY-MM-DD"
        en = f"invalid date {value!r} for {where}; use YYYY-MM-DD"
    elif first["type"] in ("string_type", "list_type", "dict_type", "model_type"):
        expected = {"string_type": ("文本", "text"), "list_type": ("列表", "a list"), "dict_type": ("键值映射", "a mapping"),
                    "model_type": ("键值映射", "a mapping")}[first["type"]]
        zh, en = f"{label} 应为{expected[0]}，实际是 {value!r}", f"{where} must be {expected[1]}, not {value!r}"
    else:
        zh = f"{label} 的取值 {value!r} 无效"
        en = f"invalid value {value!r} for {where}: {first['msg']}"
    if source is not None:
        zh, en = f"{source[0]}：{zh}", f"{source[1]}: {en}"
    return MetadataError(zh, en, field=where)


def validate_meta(data: dict[str, Any], *, source: str | tuple[str, str] | None = None) -> DatasetMeta:
    """Validate a metadata mapping (English or Chinese keys); raise MetadataError on the first problem.

    ``source`` names where the data came from in messages: a file path, or a (zh, en) label.
    """
    label = (source, source) if isinstance(source, str) else source  # a path reads the same in both languages
    try:
        return DatasetMeta.model_validate(_normalise_keys(data))
    except ValidationError as err:
        raise _translate(err, label) from None


def load_sidecar(path: Path) -> dict[str, Any]:
    """Read a YAML metadata sidecar into a mapping (validated later, merged with flags)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise MetadataError(f"元数据文件不存在：{path}", f"metadata file not found: {path}") from None
    except UnicodeDecodeError:
        raise MetadataError(f"元数据文件不是 UTF-8 编码：{path}", f"metadata file is not UTF-8: {path}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f"第 {mark.line + 1} 行" if mark else ""
        line_en = f" line {mark.line + 1}" if mark else ""
        raise MetadataError(f"元数据文件 {path} {line}不是有效的 YAML", f"metadata file {path}{line_en} is not valid YAML") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MetadataError(f"元数据文件 {path} 应为键值映射", f"metadata file {path} must be a mapping")
    return data


def merge_meta(sidecar: dict[str, Any], flags: dict[str, Any]) -> dict[str, Any]:
    """Flags override the sidecar; nested share/open attributes merge field by field.

    Chinese keys in the sidecar are normalised to field names first, so a flag
    overrides the sidecar whichever language the sidecar used.
    """
    merged = _normalise_keys(dict(sidecar))
    for key, value in flags.items():
        if value is None:
            continue
        if key in ("share", "open") and isinstance(value, dict):
            base = dict(merged.get(key) or {})
            base.update({k: v for k, v in value.items() if v is not None})
            merged[key] = base
        else:
            merged[key] = value
    return merged


def _normalise_keys(data: dict[str, Any]) -> dict[str, Any]:
    aliases = {f.alias: name for name, f in DatasetMeta.model_fields.items() if f.alias}
    nested = {
        "share": {f.alias: n for n, f in ShareAttr.model_fields.items() if f.alias},
        "open": {f.alias: n for n, f in OpenAttr.model_fields.items() if f.alias},
    }
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = aliases.get(key, key)
        if name in nested and isinstance(value, dict):
            value = {nested[name].get(k, k): v for k, v in value.items()}
        out[name] = value
    return out
