"""Stage any source as Parquet parts in a folder, through the engine.

>>> fmt_of(Path("a.TSV")), fmt_of(Path("b.jsonl")), fmt_of(Path("c.xls"))
('tsv', 'jsonl', 'excel')
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from shuzhi.engine import CsvLayout, Engine, Progress
from shuzhi.errors import ConfigError, SourceError
from shuzhi.sources import csv_text, database, encoding, excel, textfile
from shuzhi.sources.headers import clean_headers

#: a step reporter: step(name_zh, name_en) gives a progress callback for that step
Steps = Callable[[str, str], Progress | None]

FORMATS = ("csv", "tsv", "excel", "json", "jsonl", "parquet")
_EXT = {
    ".csv": "csv", ".txt": "csv", ".tsv": "tsv", ".tab": "tsv", ".xlsx": "excel", ".xlsm": "excel", ".xls": "excel",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet",
}
_MAGIC = (
    (b"PK\x03\x04", "excel", "ZIP/XLSX"), (b"\xd0\xcf\x11\xe0", "excel", "OLE/XLS"), (b"PAR1", "parquet", "Parquet"),
    (b"%PDF", None, "PDF"), (b"\x1f\x8b", None, "gzip"), (b"\x89PNG", None, "PNG"), (b"\xff\xd8\xff", None, "JPEG"),
    (b"Rar!", None, "RAR"), (b"7z\xbc\xaf", None, "7z"),
)


@dataclass(frozen=True)
class SourceOptions:
    """How to read a source; ``None`` means detect."""

    format: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None

    def __post_init__(self) -> None:
        if self.format is not None and self.format not in FORMATS:
            raise ConfigError(f"未知的文件格式 {self.format!r}，可选：{'、'.join(FORMATS)}", f"unknown format {self.format!r}; choose one of: {', '.join(FORMATS)}")
        if self.delimiter is not None and len(self.delimiter.replace("\\t", "\t")) != 1:
            raise ConfigError(f"分隔符必须是单个字符：{self.delimiter!r}", f"the delimiter must be one character: {self.delimiter!r}")


@dataclass
class Staged:
    """What was read: the Parquet folder plus facts for the catalog."""

    source: str
    format: str
    checksum: str
    size_bytes: int | None
    columns: list[str]
    source_names: list[str]
    encoding: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    #: a text file (CSV, Excel, JSON): an empty result means "header only", an error
    is_file: bool = True


def parquet_part(out_dir: str) -> str:
    """The single part file of a version written from Python; its folder is created first."""
    if "://" in out_dir:
        import pyarrow.fs as pafs

        fs, path = pafs.FileSystem.from_uri(out_dir)
        fs.create_dir(path, recursive=True)
    else:
        os.makedirs(out_dir)
    return f"{out_dir}/part-0.parquet"


def fmt_of(path: Path) -> str | None:
    return _EXT.get(path.suffix.lower())


def _sniff_magic(path: Path, declared: str | None) -> str | None:
    with path.open("rb") as f:
        head = f.read(8)
    for magic, fmt, label in _MAGIC:
        if head.startswith(magic):
            if fmt is None or (declared is not None and declared != fmt):
                raise SourceError(
                    f"{path} 的内容是 {label}，不是{_ZH_FMT.get(declared or '', '可读的表格')}文件",
                    f"{path} contains {label} data, not {declared or 'a readable table'}",
                )
            return fmt
    return declared


_ZH_FMT = {"csv": " CSV ", "tsv": " TSV ", "json": " JSON ", "jsonl": " JSON Lines ", "excel": " Excel ", "parquet": " Parquet "}


def stage(spec: str, engine: Engine, work_dir: Path, out_dir: str, options: SourceOptions, steps: Steps) -> Staged:
    """Read ``spec`` (a file path or ``URL#table``) into ``out_dir`` (a new folder or URI) as Parquet parts.

    ``work_dir`` is private scratch space for transcoded copies.
    """
    if database.is_db_url(spec):
        src = database.parse_db_url(spec)
        staged = database.stage_table(src, parquet_part(out_dir), steps("读取数据库表", "reading database table"), compression=engine.compression)
        return Staged(src.display, src.scheme, f"sha256:{staged.sha256}", None, staged.columns, staged.columns, is_file=False)

    path = Path(spec).expanduser()
    if not path.exists():
        raise SourceError(f"文件不存在：{path}", f"file not found: {path}")
    if not path.is_file():
        raise SourceError(f"不是文件：{path}", f"not a file: {path}")
    if path.stat().st_size == 0:
        raise SourceError(f"文件为空：{path}", f"empty file: {path}")
    try:
        declared = options.format or fmt_of(path)
        fmt = _sniff_magic(path, declared)
    except PermissionError:
        raise SourceError(f"没有读取权限：{path}", f"permission denied: {path}") from None
    if fmt is None:
        fmt = "csv"  # unknown extension, text content: try delimited text
    if fmt in ("csv", "tsv"):
        return _stage_csv(path, fmt, engine, work_dir, out_dir, options, steps)
    if fmt in ("json", "jsonl"):
        return _stage_json(path, fmt, engine, work_dir, out_dir, options, steps)
    if fmt == "excel":
        return _stage_excel(path, out_dir, options, steps, engine.compression)
    return _stage_parquet(path, engine, out_dir, steps)


def _stage_csv(path: Path, fmt: str, engine: Engine, work_dir: Path, out_dir: str, options: SourceOptions, steps: Steps) -> Staged:
    enc = encoding.detect(path, options.encoding)
    delimiter = options.delimiter.replace("\\t", "\t") if options.delimiter else ("\t" if fmt == "tsv" else None)
    sniffed = csv_text.sniff_file(path, enc.codec, enc.bom, delimiter=delimiter)
    if not any(c.strip() for c in sniffed.header):
        raise SourceError(f"{path} 没有表头", f"{path} has no header row")
    names = clean_headers(list(sniffed.header))
    rewrite = not enc.is_utf8 or sniffed.skip_lines > 0
    copy = work_dir / "input.csv"
    source = copy if rewrite else path
    layout = CsvLayout(path=str(source), names=tuple(names), delimiter=sniffed.delimiter, line_offset=sniffed.skip_lines)
    try:
        if rewrite:  # the engine reads UTF-8 only: transcode (and drop title lines) first
            scan = textfile.scan(path, enc, out=copy, skip_lines=sniffed.skip_lines, progress=steps("校验与转码", "checksum and decoding"))
            engine.csv_to_parquet(layout, out_dir, steps("写入 Parquet", "writing Parquet"))
        else:
            scan = _copy_while_hashing(path, enc, engine, layout, out_dir, steps)
    except SourceError as err:
        raise _name_original(err, layout.path, path) from None
    finally:
        if rewrite:
            copy.unlink(missing_ok=True)
    opts = {"delimiter": sniffed.delimiter, "skip_lines": sniffed.skip_lines}
    return Staged(str(path.resolve()), fmt, f"sha256:{scan.sha256}", scan.size, names, list(sniffed.header), enc.label, opts)


def _copy_while_hashing(path: Path, enc: encoding.Encoding, engine: Engine, layout: CsvLayout, out_dir: str, steps: Steps) -> textfile.Scan:
    """A UTF-8 file read in place: hash it (and check its bytes, unless the engine does) while the engine copies it."""
    stop = threading.Event()
    with ThreadPoolExecutor(1) as pool:
        scanning = pool.submit(textfile.scan, path, None if engine.checks_utf8 else enc, stop=stop)
        try:
            engine.csv_to_parquet(layout, out_dir, steps("写入 Parquet", "writing Parquet"))
        except SourceError:
            scanning.result()
            if engine.checks_utf8:
                textfile.scan(path, enc)  # error path: a decoding error, at its exact line, explains it better
            raise
        except BaseException:
            stop.set()  # Ctrl-C: do not finish hashing a large file first
            raise
        return scanning.result()


def _name_original(err: SourceError, staged_path: str, path: Path) -> SourceError:
    """Errors found on the UTF-8 copy should name the user's file."""
    return SourceError(err.zh.replace(staged_path, str(path)), err.en.replace(staged_path, str(path)), **err.details)


def _stage_json(path: Path, fmt: str, engine: Engine, work_dir: Path, out_dir: str, options: SourceOptions, steps: Steps) -> Staged:
    enc = encoding.detect(path, options.encoding)
    rewrite = not enc.is_utf8 or bool(enc.bom)
    copy = work_dir / "input.json"
    scan = textfile.scan(path, enc, out=copy if rewrite else None, progress=steps("校验与转码", "checksum and decoding"))
    with (copy if rewrite else path).open("rb") as f:
        first = f.read(4096).lstrip()[:1]
    lines = fmt == "jsonl" or first == b"{"
    if first not in (b"[", b"{"):
        raise SourceError(f"{path} 不是 JSON 数组或 JSON Lines 文件", f"{path} is not a JSON array or JSON Lines file")
    try:
        names = engine.json_to_parquet(str(copy if rewrite else path), lines=lines, out_dir=out_dir, progress=steps("写入 Parquet", "writing Parquet"))
    except SourceError as err:
        raise _name_original(err, str(copy), path) from None
    finally:
        if rewrite:
            copy.unlink(missing_ok=True)
    return Staged(str(path.resolve()), "jsonl" if lines else "json", f"sha256:{scan.sha256}", scan.size, names, names, enc.label)


def _stage_excel(path: Path, out_dir: str, options: SourceOptions, steps: Steps, compression: str) -> Staged:
    digest = textfile.scan(path, None, progress=steps("校验", "checksum")).sha256
    steps("读取 Excel", "reading Excel")
    sheet = excel.read_excel(path, options.sheet)
    pq.write_table(sheet.table, parquet_part(out_dir), compression=compression)
    opts = {"sheet": sheet.sheet, "header_row": sheet.header_row}
    fmt = "xls" if path.suffix.lower() == ".xls" else "xlsx"
    return Staged(str(path.resolve()), fmt, f"sha256:{digest}", path.stat().st_size, sheet.table.column_names, sheet.source_names, None, opts)


def _stage_parquet(path: Path, engine: Engine, out_dir: str, steps: Steps) -> Staged:
    digest = textfile.scan(path, None, progress=steps("校验", "checksum")).sha256
    try:
        table = engine.read_parquet(str(path))
        names = list(table.columns)
    except Exception as err:  # noqa: BLE001 - engine-specific error types
        raise SourceError(f"无法读取 Parquet 文件 {path}", f"cannot read Parquet file {path}: {str(err).splitlines()[0]}") from None
    engine.write_parquet(table, out_dir, steps("写入 Parquet", "writing Parquet"))
    return Staged(str(path.resolve()), "parquet", f"sha256:{digest}", path.stat().st_size, names, names)
