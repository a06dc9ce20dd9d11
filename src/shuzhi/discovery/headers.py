"""Header semantics: which entities a column's header (and its catalog title) points to.

Chinese words are found anywhere in the header; pinyin abbreviations of government databases
(``sfzh``, ``lxdh``, ``jtzz``) must be whole tokens; English words consecutive tokens. Headers are
split at ``_``, ``-``, spaces, digits and case changes, so ``fr_sfzh``, ``sfzh1``, ``idNumber`` and
``ID_NUMBER`` all work. The word lists are data (``data/headers.yaml``).

>>> sorted(header_hints("家庭住址")), sorted(header_hints("fr_sfzh")), sorted(header_hints("contactPhone"))
(['CN_ADDRESS'], ['CN_RESIDENT_ID'], ['CN_LANDLINE', 'CN_MOBILE'])
>>> header_hints("c1"), header_hints("订单号")
({}, {})
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from shuzhi.discovery.tuning import data_file, tuning

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z]+")


def tokens(header: str) -> list[str]:
    """Lower-case Latin tokens of ``header`` (``contactPhone2`` → ``['contact', 'phone']``)."""
    return [t for t in _SPLIT.split(_CAMEL.sub(" ", header).lower()) if t]


@dataclass(frozen=True)
class _Entry:
    entities: tuple[str, ...]
    zh: tuple[str, ...]
    pinyin: frozenset[str]
    en: tuple[tuple[str, ...], ...]


@cache
def _entries() -> tuple[_Entry, ...]:
    return tuple(
        _Entry(tuple(e["entities"]), tuple(e.get("zh", ())), frozenset(e.get("pinyin", ())),
               tuple(tuple(tokens(w)) for w in e.get("en", ())))
        for e in data_file("headers.yaml")["headers"]
    )


def _has_run(seq: list[str], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(tuple(seq[i : i + n]) == run for i in range(len(seq) - n + 1))


def _matched_by(entry: _Entry, text: str, toks: list[str]) -> str | None:
    for word in entry.zh:
        if word in text:
            return word
    for tok in toks:
        if tok in entry.pinyin:
            return tok
    for run in entry.en:
        if _has_run(toks, run):
            return " ".join(run)
    return None


def header_hints(*names: str | None) -> dict[str, str]:
    """Entities the header(s) point to, each with the word that matched (the first entry wins).

    Pass the column name and, when the catalog has one, its Chinese title.
    """
    found: dict[str, str] = {}
    for name in names:
        if not name:
            continue
        text = name.replace("\u3000", "").strip()
        toks = tokens(text)
        for entry in _entries():
            word = _matched_by(entry, text, toks)
            if word is not None:
                for entity in entry.entities:
                    found.setdefault(entity, word)
    return found


def header_groups(*names: str | None) -> list[tuple[str, ...]]:
    """The entity groups (one per matched ``headers.yaml`` entry) the header(s) point to."""
    groups = []
    for name in names:
        if name:
            text = name.replace("\u3000", "").strip()
            toks = tokens(text)
            groups.extend(e.entities for e in _entries() if _matched_by(e, text, toks) is not None)
    return groups


def is_text_header(*names: str | None) -> bool:
    """The header names a free-text column (备注, 事项描述, remark …)."""
    words = tuning()["text"]["headers"]
    for name in names:
        if name:
            toks = tokens(name)
            if any(w in name for w in words if not w.isascii()) or any(w in toks for w in words if w.isascii()):
                return True
    return False
