"""One exception hierarchy. Every user-facing error carries a Chinese and an English message.

Domain code raises these in the user's vocabulary (file, line, column, dataset,
expected vs found); adapters (CLI, HTTP) render them and choose the exit code or
status. Nothing here knows about Typer or FastAPI.

>>> e = SourceError("文件为空：a.csv", "empty file: a.csv")
>>> e.render("both")
'文件为空：a.csv (empty file: a.csv)'
>>> e.code
'source'
"""

from __future__ import annotations

from typing import Any, Literal

Lang = Literal["zh", "en", "both"]


class ShuzhiError(Exception):
    """Base class: ``zh`` and ``en`` messages plus optional structured details."""

    code = "error"
    #: HTTP status an API adapter should use
    status = 400

    def __init__(self, zh: str, en: str, **details: Any) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en
        self.details = details

    def render(self, lang: Lang = "both") -> str:
        if lang == "zh":
            return self.zh
        if lang == "en":
            return self.en
        return f"{self.zh} ({self.en})"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "zh": self.zh, "en": self.en, **self.details}


class ConfigError(ShuzhiError):
    """Bad settings or options."""

    code = "config"


class MetadataError(ShuzhiError):
    """Catalog metadata that does not validate (unknown share type, bad code…)."""

    code = "metadata"


class SourceError(ShuzhiError):
    """A source file or database that cannot be read as a table."""

    code = "source"


class NotFoundError(ShuzhiError):
    """A dataset, version or table that does not exist."""

    code = "not_found"
    status = 404


class EngineError(ShuzhiError):
    """The compute engine failed or is unavailable."""

    code = "engine"
    status = 503


class StoreError(ShuzhiError):
    """The metadata database failed or is busy."""

    code = "store"
    status = 503
