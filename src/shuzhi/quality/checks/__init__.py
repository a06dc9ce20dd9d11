"""Built-in checks, one module per family; importing this package registers them all."""

from shuzhi.quality.checks import (
    accessibility,
    completeness,
    formats,
    identifiers,
    relations,
    timeliness,
)

__all__ = ["accessibility", "completeness", "formats", "identifiers", "relations", "timeliness"]
