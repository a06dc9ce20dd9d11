"""One streaming pass over a text file: checksum, strict decoding and, when needed, a UTF-8 copy.

The engine reads UTF-8 files in place; anything else (GBK, UTF-16, a file with
title lines above its header) is rewritten once to UTF-8 in the staging area.
The pass works on 1 MiB blocks, so memory stays flat for any file size.
"""

from __future__ import annotations

import codecs
import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

from shuzhi.engine import Progress
from shuzhi.sources.encoding import Encoding, decode_error

# a decoded block may briefly take 4 bytes per input byte (UCS-4), so blocks stay small
BLOCK = 1 << 20


@dataclass(frozen=True)
class Scan:
    sha256: str
    size: int


def scan(path: Path, enc: Encoding | None, *, out: Path | None = None, skip_lines: int = 0,
         progress: Progress | None = None, stop: threading.Event | None = None) -> Scan:
    """Hash ``path``, check that it decodes as ``enc`` and optionally write it to ``out`` as UTF-8.

    ``skip_lines`` physical lines (title rows above the header) are left out of ``out``.
    With ``enc=None`` the file is only hashed (binary formats, or text the engine checks itself).
    Setting ``stop`` ends the pass early (the result is then meaningless).
    """
    hasher = hashlib.sha256()
    if enc is None:
        return _hash_only(path, hasher, progress, stop)
    decoder = codecs.getincrementaldecoder(enc.codec)(errors="strict")
    size = path.stat().st_size
    offset = 0  # bytes of the file before the current block
    to_skip = skip_lines
    sink = out.open("wb") if out is not None else None
    try:
        with path.open("rb") as f:
            while (raw := f.read(BLOCK)) and not (stop and stop.is_set()):
                hasher.update(raw)
                bom = len(enc.bom) if offset == 0 and enc.bom and raw.startswith(enc.bom) else 0
                try:
                    text = decoder.decode(raw[bom:] if bom else raw, final=False)
                except UnicodeDecodeError as err:
                    raise decode_error(path, enc, offset + bom + err.start) from None
                if sink is not None:
                    if to_skip:
                        text, to_skip = _drop_lines(text, to_skip)
                    sink.write(text.encode("utf-8"))
                offset += len(raw)
                if progress is not None and size:
                    progress(offset / size)
            try:
                tail = decoder.decode(b"", final=True)
            except UnicodeDecodeError as err:
                raise decode_error(path, enc, offset - len(err.object) + err.start) from None
            if sink is not None and tail:
                sink.write(tail.encode("utf-8"))
    finally:
        if sink is not None:
            sink.close()
    return Scan(sha256=hasher.hexdigest(), size=size)


def _hash_only(path: Path, hasher: hashlib._Hash, progress: Progress | None, stop: threading.Event | None) -> Scan:
    size = path.stat().st_size
    done = 0
    with path.open("rb") as f:
        while (block := f.read(BLOCK)) and not (stop and stop.is_set()):
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
