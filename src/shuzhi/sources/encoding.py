"""Text encodings of government exports: UTF-8 (with or without BOM), GBK/GB18030, UTF-16.

Detection reads three 1 MiB samples (head, middle, tail) so a file that is ASCII
for its first megabyte and GBK later is still caught. GB18030 is a superset of
GBK, so GBK files are decoded with the GB18030 codec and reported as GBK when
every sampled byte is valid GBK.

>>> Encoding.named("gbk").codec
'gb18030'
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from shuzhi.errors import ConfigError, SourceError

SAMPLE = 1 << 20

_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8-BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
)
# names people pass to --encoding, mapped to (codec, label)
_ALIASES = {
    "utf8": ("utf-8", "UTF-8"), "utf-8": ("utf-8", "UTF-8"), "utf-8-sig": ("utf-8", "UTF-8-BOM"),
    "gbk": ("gb18030", "GBK"), "gb2312": ("gb18030", "GB2312"), "cp936": ("gb18030", "GBK"),
    "gb18030": ("gb18030", "GB18030"), "big5": ("big5", "BIG5"),
    "utf-16": ("utf-16", "UTF-16"), "utf-16le": ("utf-16-le", "UTF-16LE"), "utf-16be": ("utf-16-be", "UTF-16BE"),
}


@dataclass(frozen=True)
class Encoding:
    """``codec`` decodes the bytes after ``bom``; ``label`` is what the catalog shows."""

    codec: str
    label: str
    bom: bytes = b""
    forced: bool = False

    @property
    def is_utf8(self) -> bool:
        return self.codec == "utf-8"

    @classmethod
    def named(cls, name: str, *, forced: bool = True) -> Encoding:
        key = name.strip().lower().replace("_", "-")
        if key in _ALIASES:
            codec, label = _ALIASES[key]
            return cls(codec, label, forced=forced)
        try:
            info = codecs.lookup(key)
        except LookupError:
            raise ConfigError(
                f"未知的字符编码 {name!r}（例如 utf-8、gbk、gb18030）",
                f"unknown encoding {name!r} (e.g. utf-8, gbk, gb18030)",
            ) from None
        return cls(info.name, info.name.upper(), forced=forced)


def read_samples(path: Path) -> list[bytes]:
    """Head, middle and tail samples of at most 1 MiB each (whole file if small)."""
    size = path.stat().st_size
    with path.open("rb") as f:
        if size <= 3 * SAMPLE:
            return [f.read()]
        samples = []
        for offset in (0, size // 2, size - SAMPLE):
            f.seek(offset)
            samples.append(f.read(SAMPLE))
        return samples


def _decodes(samples: list[bytes], codec: str) -> bool:
    for i, data in enumerate(samples):
        # samples other than the head may start inside a character: skip up to 3 bytes
        starts = (0,) if i == 0 else (0, 1, 2, 3)
        if not any(_decodes_one(data[s:], codec) for s in starts):
            return False
    return True


def _decodes_one(data: bytes, codec: str) -> bool:
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        decoder.decode(data, final=False)  # a character cut at the end is fine
    except UnicodeDecodeError:
        return False
    return True


def detect(path: Path, forced: str | None = None) -> Encoding:
    """Find the encoding of a text file; ``forced`` (``--encoding``) skips detection."""
    with path.open("rb") as f:
        head = f.read(4)
    bom_match = next(((b, c, lbl) for b, c, lbl in _BOMS if head.startswith(b)), None)
    if forced:
        enc = Encoding.named(forced)
        if enc.is_utf8 and head.startswith(codecs.BOM_UTF8):
            return Encoding("utf-8", "UTF-8-BOM", codecs.BOM_UTF8, forced=True)
        return enc
    if bom_match:
        return Encoding(bom_match[1], bom_match[2], bom_match[0])
    samples = read_samples(path)
    if any(b"\x00" in s for s in samples):
        raise SourceError(
            f"{path} 不是文本文件（含有 NUL 字节）",
            f"{path} is not a text file (it contains NUL bytes)",
        )
    if _decodes(samples, "utf-8"):
        return Encoding("utf-8", "UTF-8")
    if _decodes(samples, "gbk"):
        return Encoding("gb18030", "GBK")
    if _decodes(samples, "gb18030"):
        return Encoding("gb18030", "GB18030")
    guess = from_bytes(samples[0]).best()
    if guess is not None and guess.encoding and _decodes(samples, guess.encoding):
        return Encoding(codecs.lookup(guess.encoding).name, guess.encoding.upper())
    raise SourceError(
        f"无法识别 {path} 的字符编码，请用 --encoding 指定（如 gbk、utf-8）",
        f"cannot determine the encoding of {path}; pass --encoding (e.g. gbk, utf-8)",
    )


def decode_error(path: Path, enc: Encoding, position: int) -> SourceError:
    """A SourceError naming the line of the first byte (at ``position``) that does not decode as ``enc``."""
    line = _line_of(path, position)
    hint_zh = "（请用 --encoding 指定正确的编码）" if enc.forced else "（编码前后不一致？请用 --encoding 指定）"
    hint_en = " (pass the right --encoding)" if enc.forced else " (mixed encodings? pass --encoding)"
    return SourceError(
        f"{path} 第 {line} 行不是有效的 {enc.label} 编码{hint_zh}",
        f"{path} line {line} is not valid {enc.label}{hint_en}",
        line=line,
        encoding=enc.label,
    )


def _line_of(path: Path, position: int) -> int:
    """1-based line number of a byte offset (error path only: it rereads the file up to there)."""
    newlines = 0
    with path.open("rb") as f:
        remaining = position
        while remaining > 0 and (block := f.read(min(remaining, 1 << 20))):
            newlines += block.count(b"\n")
            remaining -= len(block)
    return newlines + 1
