"""Delimited text: delimiter sniffing, title lines above the header, and the header itself.

Only a sample at the head of the file is parsed in Python; the engine reads the
rest.

>>> s = sniff_text("人口信息表\\n姓名|身份证号|电话\\n张三|320102199001011234|13912345678\\n")
>>> s.delimiter, s.skip_lines, s.header
('|', 1, ['姓名', '身份证号', '电话'])
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from shuzhi.errors import SourceError

CANDIDATES = (",", "\t", ";", "|")
SAMPLE_RECORDS = 50
SAMPLE_BYTES = 256 << 10


@dataclass(frozen=True)
class Sniffed:
    delimiter: str
    #: physical lines above the header (blank lines, a title)
    skip_lines: int
    header: list[str]
    #: whether any record followed the header in the sample
    has_rows: bool


def _records(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar='"', doublequote=True, strict=False)
    out = []
    try:
        for row in reader:
            out.append(row)
            if len(out) >= SAMPLE_RECORDS:
                break
    except csv.Error:
        pass
    return out


def _score(records: list[list[str]]) -> tuple[float, int]:
    """How table-like the records look: (share of rows with the modal width, modal width)."""
    widths = [len(r) for r in records if any(c.strip() for c in r)]
    if not widths:
        return 0.0, 0
    width, hits = Counter(widths).most_common(1)[0]
    if width < 2:
        return 0.0, width
    return hits / len(widths), width


def sniff_text(sample: str, *, delimiter: str | None = None) -> Sniffed:
    """Find the delimiter, the title lines and the header in the decoded head of a file."""
    # the last line of a sample may be cut; parse only up to the last newline
    if "\n" in sample:
        sample = sample[: sample.rfind("\n") + 1]
    sample = sample.removeprefix("\ufeff")
    if delimiter is None:
        scored = [(_score(_records(sample, d)), -i, d) for i, d in enumerate(CANDIDATES)]
        (_, width), _, delimiter = max(scored)
        if width < 2:
            delimiter = ","  # a one-column file
    records = _records(sample, delimiter)
    _, width = _score(records)
    header_index = 0
    for i, row in enumerate(records[:10]):
        filled = sum(1 for c in row if c.strip())
        if filled >= max(1, min(2, width)) and (width < 2 or filled * 2 >= width or len(row) >= width):
            header_index = i
            break
    # physical lines above the header: titles are single-line records, blank lines count too
    skip = _physical_lines_before(sample, delimiter, header_index)
    header = records[header_index] if records else []
    return Sniffed(delimiter, skip, header, has_rows=len(records) > header_index + 1)


def _physical_lines_before(sample: str, delimiter: str, index: int) -> int:
    if index == 0:
        # csv.reader skips nothing, but blank lines at the top produce empty records
        return 0
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter, quotechar='"')
    for _ in range(index):
        next(reader)
    return reader.line_num


def sniff_file(path: Path, codec: str, bom: bytes, *, delimiter: str | None = None) -> Sniffed:
    with path.open("rb") as f:
        raw = f.read(SAMPLE_BYTES)
    raw = raw[len(bom):] if bom and raw.startswith(bom) else raw
    text = raw.decode(codec, errors="ignore")
    if not text.strip():
        raise SourceError(f"文件为空：{path}", f"empty file: {path}")
    return sniff_text(text, delimiter=delimiter)
