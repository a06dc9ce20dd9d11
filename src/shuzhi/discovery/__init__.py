"""Sensitive-data discovery (敏感数据识别): recognizers, header semantics, column and text scanning.

>>> from shuzhi.discovery import entity_types
>>> "CN_RESIDENT_ID" in entity_types()
True
"""

from shuzhi.discovery.evidence import ColumnFindings, Entity
from shuzhi.discovery.recognizer import Recognizer, recognizer, registry
from shuzhi.discovery.scan import ScanResult, scan_table


def entity_types() -> dict[str, tuple[str, str]]:
    """Every entity type: id → (Chinese label, English label)."""
    return {k: (r.LABEL, r.LABEL_EN) for k, r in registry().items()}


__all__ = ["ColumnFindings", "Entity", "Recognizer", "ScanResult", "entity_types", "recognizer", "registry", "scan_table"]
