"""One streaming pass over a text file: checksum, strict decoding and, when needed, a UTF-8 copy.

The engine reads UTF-8 files in place; anything else (GBK, UTF-16, a file with
title lines above its header) is rewritten once to UTF-8 in the staging area.
The pass works on 8 MiB blocks, so memory stays flat for any file size.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from shuzhi.engine import Progress
from shuzhi.sources.encoding import Encoding, decode_error

BLOCK = 8 << 20


@dataclass(frozen=True)
class Scan:
    sha256: str
    size: int


def scan(path: Path, enc: Encoding | None, *, out: Path | None = None, skip_lines: int = 0, progress: Progress | None = None) -> Scan:
    """Hash ``path``, check that it decodes as ``enc`` and optionally write it to ``out`` as UTF-8.

    ``skip_lines`` physical lines (title rows above the header) are left out of ``out``.
    With ``enc=None`` the file is only hashed (binary formats).
    """
    hasher = hashlib.sha256()
    if enc is None:
        return _hash_only(path, hasher, progress)
    decoder = codecs.getincrementaldecoder(enc.codec)(errors="strict")
    size = path.stat().st_size
    done = 0
    lines = 0
    to_skip = skip_lines
    sink = out.open("wb") if out is not None else None
    try:
        with path.open("rb") as f:
            first = True
            while True:
                raw = f.read(BLOCK)
                if not raw:
                    break
                hasher.update(raw)
                body = raw[len(enc.bom):] if first and enc.bom and raw.startswith(enc.bom) else raw
                first = False
                try:
                    text = decoder.decode(body, final=False)
                except UnicodeDecodeError as err:
                    raise decode_error(path, enc, body, err, lines) from None
                lines += raw.count(b"\n")
                if sink is not None:
                    if to_skip:
                        text, to_skip = _drop_lines(text, to_skip)
                    sink.write(text.encode("utf-8"))
                done += len(raw)
                if progress is not None and size:
                    progress(done / size)
            try:
                tail = decoder.decode(b"", final=True)
            except UnicodeDecodeError as err:
                raise decode_error(path, enc, b"", err, lines) from None
            if sink is not None and tail:
                sink.write(tail.encode("utf-8"))
    finally:
        if sink is not None:
            sink.close()
    return Scan(sha256=hasher.hexdigest(), size=size)


def _hash_only(path: Path, hasher: "hashlib._Hash", progress: Progress | None) -> Scan:
    size = path.stat().st_size
    done = 0
    with path.open("rb") as f:
        while block := f.read(BLOCK):
            hasher.update(block)
            done += len(block)
            if progress is not None and size:
                progress(done / size)
    return Scan(sha256=hasher.hexdigest(), size=size)


def _drop_lines(text: str, count: int) -> tuple[str, int]:
    pos = 0
    while count and pos < len(text):
        nl = text.find("\n", pos)
        if nl < 0:
            return "", count
        pos = nl + 1
        count -= 1
    return text[pos:], count
