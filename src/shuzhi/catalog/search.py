"""Word search over the catalog, for Chinese text that has no spaces between words.

Titles, summaries, providers, tags and column names are segmented with jieba
(search mode, so 公民身份号码 also yields 公民, 身份, 号码) and stored as terms.
A query is split on spaces into parts; each part matches a dataset when it is a
substring of the dataset's text or when every word of it (jieba, precise mode)
matches one of the dataset's terms. All parts must match. Results are ranked by
the weights of the fields that matched (code and title 3, column and tag 2,
provider and summary 1).

>>> sorted(words("人口综合库"))
['人口', '库', '综合']
>>> sorted(words("legal_person 法人"))
['legal', 'legal_person', 'person', '法人']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from shuzhi.segmentation import tokenizer
from shuzhi.store import Dataset, SearchTerm

WEIGHTS = {"code": 3.0, "title": 3.0, "column": 2.0, "tag": 2.0, "provider": 1.0, "summary": 1.0}
_STOP = frozenset(["的", "和", "与", "及", "等", "或", "在", "是", "了", "对", "为", "中", "之", "个", "(", ")", "（", "）", "、", "，", ",", ".", "。", ":", "：", ";", "；", "-", "_", "/", "\\"])
_ASCII = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")


def words(text: str, *, precise: bool = False) -> set[str]:
    """Search terms of a text: jieba words, lower-cased; ASCII identifiers also split at ``_``."""
    text = text.lower()
    out: set[str] = set()
    for ident in _ASCII.findall(text):
        out.add(ident)
        out.update(p for p in ident.split("_") if p)
    cut = tokenizer().lcut(text) if precise else tokenizer().lcut_for_search(text)
    for token in cut:
        token = token.strip()
        if token and token not in _STOP and not _ASCII.fullmatch(token) and not token.isspace():
            out.add(token)
    return out


def index_terms(fields: Iterable[tuple[str, str | None]]) -> list[tuple[str, str, float]]:
    """(term, field, weight) rows for a dataset's texts, keeping the best weight per term."""
    best: dict[str, tuple[str, float]] = {}
    for field, text in fields:
        if not text:
            continue
        for term in words(text):
            weight = WEIGHTS[field]
            if term not in best or best[term][1] < weight:
                best[term] = (field, weight)
    return [(t[:100], f, w) for t, (f, w) in sorted(best.items())]


def search_text(fields: Iterable[tuple[str, str | None]]) -> str:
    """The text substring matches look in: one ``field<TAB>text`` line per field, lower-cased."""
    return "\n".join(f"{field}\t{text.lower()}" for field, text in fields if text)


def _substring_weight(text: str, part: str) -> float:
    """The weight of the best field whose text contains ``part`` (0 when none does)."""
    best = 0.0
    for line in text.splitlines():
        field, _, value = line.partition("\t")
        if part in value:
            best = max(best, WEIGHTS.get(field, 1.0))
    return best


@dataclass(frozen=True)
class Hit:
    code: str
    score: float
    matched: list[str]


def _part_alternatives(part: str) -> list[set[str]]:
    """For each precise word of a query part: the terms that would satisfy it."""
    alts = []
    for word in sorted(words(part, precise=True), key=len, reverse=True):
        alts.append({word} | {w for w in words(word) if len(w) >= 2})
    return alts


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(session: Session, query: str, *, limit: int = 50) -> list[Hit]:
    """Datasets matching every part of ``query``, best first."""
    parts = [p for p in query.lower().split() if p]
    if not parts:
        return []
    plans = [(part, _part_alternatives(part)) for part in parts]
    all_terms = {t for _, alts in plans for alt in alts for t in alt}
    rows = session.execute(sa.select(SearchTerm.dataset_id, SearchTerm.term, SearchTerm.weight).where(SearchTerm.term.in_(all_terms))).all()
    terms: dict[int, dict[str, float]] = defaultdict(dict)
    for dataset_id, term, weight in rows:
        terms[dataset_id][term] = weight
    like = [Dataset.search_text.like(f"%{_escape_like(p)}%", escape="\\") for p in parts]
    candidates = set(terms) | set(session.scalars(sa.select(Dataset.id).where(sa.or_(*like))))
    found = session.execute(sa.select(Dataset.id, Dataset.search_text, Dataset.code).where(Dataset.id.in_(candidates))).all()
    texts = {row.id: row.search_text for row in found}
    codes = {row.id: row.code for row in found}

    hits = []
    for dataset_id, text in texts.items():
        score, matched, ok = 0.0, [], True
        for part, alts in plans:
            own = terms.get(dataset_id, {})
            weight = _substring_weight(text or "", part)
            if weight:
                score += weight
                matched.append(part)
            elif alts and all(own.keys() & alt for alt in alts):
                for alt in alts:
                    best = max(alt & own.keys(), key=lambda t: own[t])
                    score += own[best]
                    matched.append(best)
            else:
                ok = False
                break
        if ok:
            hits.append(Hit(codes[dataset_id], round(score, 2), matched))
    hits.sort(key=lambda h: (-h.score, h.code))
    return hits[:limit]
