"""From counts to findings: values, header and neighbouring columns combined per column.

The rules (thresholds and confidences are in ``data/discovery.yaml``):

- values decide: an entity is reported when enough non-blank values match and validate —
  ``values_alone`` without a header hint, ``with_header`` when the header points to it (dirty data
  is still that data); weak shapes (names, addresses) need ``weak_pattern`` / ``weak_with_header``;
- a header never overrules the values: a header hint whose values do not match is recorded as
  evidence, not reported; but weak shapes (a name-like 高血压) are not reported under a header
  that names something else (病史);
- entities known only from headers (病历, 宗教信仰 …) are reported when the column has values, unless
  another entity the same header points to was found in the values (银行卡号 with Luhn-valid
  numbers is BANK_CARD, not also FINANCIAL_ACCOUNT);
- neighbouring columns: a table that holds identity columns (resident ID, mobile, passport, bank
  card) lowers the bar for names and addresses beside them to the header level;
- free text: a row counts when it holds a validated span; ``text_span`` of the rows is enough.
  Names and addresses the spans did not establish may still be found by word segmentation on a
  bounded sample of rows (the same share, a lower confidence: a weak signal).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from shuzhi.discovery.headers import header_groups
from shuzhi.discovery.recognizer import registry
from shuzhi.discovery.tuning import tuning

#: entities whose presence in a table makes names and addresses beside them likely personal data
IDENTITY = frozenset({"CN_RESIDENT_ID", "CN_MOBILE", "CN_PASSPORT", "CN_HKMO_PERMIT", "BANK_CARD"})


@dataclass
class ColumnCounts:
    name: str
    title: str | None
    present: int
    avg_length: float
    text: bool
    values: dict[str, int]
    spans: dict[str, int]
    #: values passing each recognizer's prefilter (an upper bound of ``values``)
    prefilter: dict[str, int] = field(default_factory=dict)
    #: free text: per entity, (rows where word segmentation found it, rows segmented) — a bounded sample
    segmented: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Entity:
    type: str
    ratio: float
    confidence: float
    source: str  # values | header | text

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.type, "ratio": self.ratio, "confidence": self.confidence, "source": self.source}


@dataclass
class ColumnFindings:
    name: str
    title: str | None
    present: int
    text: bool
    entities: list[Entity] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    def types(self) -> list[str]:
        return [e.type for e in self.entities]


def _confidence(ratio: float, *, validated: bool, hinted: bool) -> float:
    c = tuning()["confidence"]
    base = c["validated"] if validated else c["shape"]
    return round(min(0.99, base + c["gain"] * ratio + (c["header_bonus"] if hinted else 0.0)), 2)


def _pct(x: float) -> str:
    return f"{x:.0%}"


def _values(col: ColumnCounts, hints: Mapping[str, str], context: bool, out: ColumnFindings) -> None:
    th = tuning()["ratio"]
    known = registry()
    for entity, matched in col.values.items():
        r = known[entity]
        hinted = entity in hints
        ratio = matched / col.present if col.present else 0.0
        if r.WEAK:
            need = th["weak_with_header"] if hinted or _context(hints, entity, context) else th["weak_pattern"]
        else:
            need = th["with_header"] if hinted else th["values_alone"]
        if r.WEAK and hints and not hinted:
            if matched and ratio >= need:  # a name-like shape under a header that names something else
                out.evidence.append(f"{_pct(ratio)} 的取值形似{r.LABEL}，但表头指向其他内容，不认定")
            continue
        if matched and ratio >= need:
            why = f"{_pct(ratio)} 的取值符合{r.LABEL}" + ("并通过校验" if r.VALIDATED else "")
            if hinted:
                why += f"；表头含“{hints[entity]}”"
            elif r.WEAK and _context(hints, entity, context):
                why += "；同表有身份证号、手机号等个人标识列"
            out.entities.append(Entity(entity, round(ratio, 4), _confidence(ratio, validated=r.VALIDATED, hinted=hinted), "values"))
            out.evidence.append(why)
        elif hinted and col.present:
            out.evidence.append(f"表头含“{hints[entity]}”，但只有 {_pct(ratio)} 的取值符合{r.LABEL}，不认定")
    for entity, word in hints.items():  # hinted, but too few values even look like the entity to test them
        if entity not in col.values and entity in col.prefilter and col.present and not known[entity].header_only:
            share = col.prefilter[entity] / col.present
            out.evidence.append(f"表头含“{word}”，但只有 {_pct(share)} 的取值形似{known[entity].LABEL}，不认定")


def _spans(col: ColumnCounts, out: ColumnFindings) -> None:
    cfg = tuning()
    known = registry()
    for entity, rows in col.spans.items():
        ratio = rows / col.present if col.present else 0.0
        if entity not in out.types() and rows and ratio >= cfg["ratio"]["text_span"]:
            conf = round(min(0.99, cfg["confidence"]["text_span"] + cfg["confidence"]["gain"] * ratio), 2)
            out.entities.append(Entity(entity, round(ratio, 4), conf, "text"))
            out.evidence.append(f"文本列：{_pct(ratio)} 的记录含{known[entity].LABEL}片段")
    for entity, (hits, rows) in col.segmented.items():
        ratio = hits / rows if rows else 0.0
        if entity not in out.types() and hits and ratio >= cfg["ratio"]["text_span"]:
            conf = round(min(0.99, cfg["confidence"]["segmented"] + cfg["confidence"]["gain"] * ratio), 2)
            out.entities.append(Entity(entity, round(ratio, 4), conf, "text"))
            out.evidence.append(f"文本列：分词抽查 {rows} 条记录，{_pct(ratio)} 含{known[entity].LABEL}（弱信号）")


def _header_only(col: ColumnCounts, hints: Mapping[str, str], out: ColumnFindings) -> None:
    known = registry()
    found = set(out.types())
    for group in header_groups(col.name, col.title):
        if found & set(group):
            continue  # the values already say which of the group's entities this is
        for entity in group:
            if known[entity].header_only and entity not in found and col.present:
                out.entities.append(Entity(entity, 0.0, tuning()["confidence"]["header_only"], "header"))
                out.evidence.append(f"表头含“{hints[entity]}”，属于{known[entity].LABEL}（仅依表头）")
                found.add(entity)


def _context(hints: Mapping[str, str], entity: str, identity_beside: bool) -> bool:
    """Identity columns in the table count for a column whose header is opaque or points to ``entity``."""
    return identity_beside and (not hints or entity in hints)


def decide(columns: list[ColumnCounts], hints: Mapping[str, Mapping[str, str]]) -> list[ColumnFindings]:
    """Findings per column, in order; two passes so that identity columns give context to their neighbours."""
    strong: set[str] = set()
    for col in columns:
        first = ColumnFindings(col.name, col.title, col.present, col.text)
        _values(col, hints[col.name], False, first)
        strong |= {e.type for e in first.entities} & IDENTITY
    out = []
    for col in columns:
        found = ColumnFindings(col.name, col.title, col.present, col.text)
        _values(col, hints[col.name], bool(strong), found)
        if col.text:
            _spans(col, found)
        _header_only(col, hints[col.name], found)
        found.entities.sort(key=lambda e: -e.confidence)
        out.append(found)
    return out
