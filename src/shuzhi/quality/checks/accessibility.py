"""可访问性 (accessibility): the stored data can be read, and its catalog entry is complete.

The HTTP service probe (availability and latency) joins these once the service exists.
"""

from __future__ import annotations

from typing import Any

from pydantic import field_validator

from shuzhi.quality.context import Ctx
from shuzhi.quality.registry import NoParams, Outcome, Params, check

_FIELD_LABELS = {
    "title": "资源名称", "provider": "提供方", "provider_code": "提供方代码", "summary": "摘要", "category": "资源分类",
    "share_type": "共享类型", "open_type": "开放类型", "update_cycle": "更新周期", "publish_date": "发布日期",
}


@check("storage_readable", "accessibility", "meta", NoParams, "数据文件可读", "the stored data files are readable")
def storage_readable(ctx: Ctx, _p: NoParams) -> Outcome:
    readable, total, bad = ctx.entry["storage_probe"]()
    return Outcome(total, readable, samples=[{"file": f, "error": e} for f, e in bad])


class MetadataComplete(Params):
    #: required fields (default: data/defaults.yaml); ``column_titles`` = every 信息项 has a Chinese name
    fields: list[str] | None = None

    @field_validator("fields")
    @classmethod
    def _known(cls, fields: list[str] | None) -> list[str] | None:
        unknown = sorted(set(fields or []) - {*_FIELD_LABELS, "column_titles"})
        if unknown:
            raise ValueError(f"unknown metadata fields {unknown}; known: {', '.join([*_FIELD_LABELS, 'column_titles'])}")
        return fields


def _filled(entry: dict[str, Any], name: str) -> tuple[int, int, list[dict[str, Any]]]:
    if name == "column_titles":
        missing = [c["name"] for c in entry["items"] if not c.get("title")]
        return len(entry["items"]) - len(missing), len(entry["items"]), [{"field": f"信息项 {c}", "value": None} for c in missing]
    value = entry.get(name)
    ok = value not in (None, "", [])
    return int(ok), 1, [] if ok else [{"field": _FIELD_LABELS.get(name, name), "value": value}]


@check("metadata_complete", "accessibility", "meta", MetadataComplete, "目录元数据必填项完整",
       "the catalog entry's required metadata is filled")
def metadata_complete(ctx: Ctx, p: MetadataComplete) -> Outcome:
    passed = evaluated = 0
    samples: list[dict[str, Any]] = []
    for name in p.fields or ctx.defaults["required_metadata"]:
        a, b, missing = _filled(ctx.entry, name)
        passed, evaluated = passed + a, evaluated + b
        samples += missing
    return Outcome(evaluated, passed, samples=samples)
