"""Word segmentation (jieba) as a weak signal for names and addresses in free text.

The regex spans of :mod:`shuzhi.discovery.recognizers` find a name right after a context word
(联系人张三) and an address that starts with a province or city (江苏省南京市…号). Text is often
looser: 联系人为本村村民张三, 住玄武区中山路18号. Here jieba's part-of-speech segmentation proposes
person names (``nr``) and places (``ns``), and dictionaries confirm them:

- a name: a token tagged as a person name, of 2–4 characters, that starts with a known surname
  (the same list the name recognizer uses), is not an ethnic group, and has a context word
  (``name_context`` and ``person_nouns`` in ``data/discovery.yaml``) at most ``window`` characters
  before it;
- an address: a GB/T 2260 place name (玄武区, 南京市…, current or historical) followed, at most
  ``window`` characters on, by a street-level word (中山路, 幸福村, 小区) or a house number (18号).

Segmentation is Python, so it never runs on every row: the scanner applies it as a vectorized
engine UDF (pyarrow on DuckDB, pandas on Spark) to a bounded sample of a free-text column
(``segment.rows``), and only for the entities the regex spans did not already establish. A row's
result is a bit set: :data:`NAME`, :data:`ADDRESS`.

>>> flags(["联系人为本村村民张三，电话见附件", "住玄武区中山路18号", "张家港市召开会议", None])
[1, 2, 0, None]
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import ibis
import ibis.expr.types as ir

from shuzhi.discovery.tuning import tuning
from shuzhi.segmentation import pos_tokenizer

NAME, ADDRESS = 1, 2
#: the entity each bit stands for
ENTITIES = {NAME: "CN_PERSON_NAME", ADDRESS: "CN_ADDRESS"}
_NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})
# a token that names a street-level place ends with one of these (中山路, 幸福村) or is one of the words
_STREET_END = frozenset("路街道巷弄村苑")
_STREET_WORDS = frozenset({"小区", "社区", "胡同", "大厦", "公寓", "花园", "新村"})
# a number followed by one of these is a house number (18号, 3幢, 201室)
_NUMBER_UNITS = frozenset({"号", "幢", "栋", "室", "单元", "号楼"})


@cache
def _words() -> tuple[tuple[str, ...], frozenset[str], frozenset[str], frozenset[str]]:
    from shuzhi.discovery.recognizers.person import ethnic_names, surnames
    from shuzhi.standards.codelists import load_codelist

    cfg = tuning()
    context = tuple(cfg["name_context"]) + tuple(cfg["segment"]["person_nouns"])
    singles, compounds = surnames()
    places = frozenset(r["name"] for r in load_codelist("GB/T 2260").rows if len(r["name"]) >= 2 and r["name"] != "市辖区")
    return context, frozenset(singles) | frozenset(compounds), places, frozenset(ethnic_names())


def _is_name(word: str, before: str, context: tuple[str, ...], surnames: frozenset[str], ethnic: frozenset[str]) -> bool:
    if not 2 <= len(word) <= 4 or word in ethnic:
        return False
    if word[0] not in surnames and word[:2] not in surnames:
        return False
    return any(c in before for c in context)


def _street_after(tokens: list[Any], i: int, window: int) -> bool:
    """A street-level word or a house number among the tokens after ``tokens[i]``, within ``window`` characters."""
    span = 0
    for j in range(i + 1, len(tokens)):
        word = tokens[j].word
        span += len(word)
        if span > window:
            return False
        if (len(word) >= 3 and word[-1] in _STREET_END) or word in _STREET_WORDS:  # 中山路, not 道路 or 修路
            return True
        if word in _NUMBER_UNITS and tokens[j - 1].word.isdigit():
            return True
    return False


def row_flags(text: str | None) -> int | None:
    """The :data:`NAME` / :data:`ADDRESS` bits of one text (see the module doc); None for None."""
    if text is None:
        return None
    window = int(tuning()["segment"]["window"])
    context, surnames, places, ethnic = _words()
    out, at = 0, 0
    tokens = list(pos_tokenizer().cut(text))
    for i, tok in enumerate(tokens):
        word, flag = tok.word, tok.flag
        if not out & NAME and flag in _NAME_TAGS and _is_name(word, text[max(0, at - window):at], context, surnames, ethnic):
            out |= NAME
        if not out & ADDRESS and word in places and _street_after(tokens, i, window):
            out |= ADDRESS
        at += len(word)
    return out


def flags(texts: Iterable[str | None]) -> list[int | None]:
    """:func:`row_flags` of each text of a batch (the body of the vectorized UDFs)."""
    return [row_flags(t) for t in texts]


@ibis.udf.scalar.pyarrow
def shuzhi_segment_arrow(text: str) -> int:
    import pyarrow as pa

    return pa.array(flags(text.to_pylist()), type=pa.int64())


@ibis.udf.scalar.pandas
def shuzhi_segment_pandas(text: str) -> int:
    import pandas as pd

    return pd.Series(flags(text.tolist()), dtype="Int64")


def segment(engine_name: str, v: ir.StringValue) -> ir.IntegerValue:
    """The bits of ``v`` per row as an engine expression: a vectorized UDF of the engine's kind."""
    return (shuzhi_segment_pandas if engine_name == "spark" else shuzhi_segment_arrow)(v)
