"""Column names from messy headers: full-width characters and spaces, blanks, duplicates.

The original header text is kept (as ``source_name``) next to the cleaned name.

>>> clean_headers(["姓　名", "", "ＩＤ", "id", None, "联系 电话\\n"])
['姓名', 'col_2', 'ID', 'id_2', 'col_5', '联系电话']
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028\u2029\u2060\ufeff\x00-\x08\x0b-\x1f\x7f]")
_SPACE = re.compile(r"\s+")
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


def clean_name(raw: str | None) -> str:
    """Normalise one header cell; may return ''."""
    if raw is None:
        return ""
    text = unicodedata.normalize("NFKC", str(raw))  # full-width letters, digits and spaces → ASCII
    text = _INVISIBLE.sub("", text).strip()
    text = _SPACE_NEAR_CJK.sub("", text)  # "姓　名" was aligned with spaces, it means "姓名"
    return _SPACE.sub(" ", text)


def clean_headers(raw: list[str | None]) -> list[str]:
    """Clean names; blanks become ``col_<position>``; duplicates (case-insensitive) get ``_2``, ``_3``…"""
    names: list[str] = []
    seen: set[str] = set()
    for position, cell in enumerate(raw, start=1):
        base = clean_name(cell) or f"col_{position}"
        if base.startswith("__"):
            base = base.lstrip("_") or f"col_{position}"  # reserved for internal columns
        name, n = base, 1
        while name.casefold() in seen:
            n += 1
            name = f"{base}_{n}"
        seen.add(name.casefold())
        names.append(name)
    return names
