"""Files written whole or not at all: a temporary file in the target folder, then ``os.replace``.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "rules.yaml"
>>> write_text(p, "rules: []\\n")
>>> p.read_text()
'rules: []\\n'
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from shuzhi.errors import ConfigError


@contextmanager
def replacing(path: Path, *, errors: tuple[type[BaseException], ...] = ()) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; when the block succeeds, it replaces ``path``.

    The folder must exist. On any failure the temporary file is removed and ``path`` is
    unchanged; OSError (and ``errors``) become a bilingual ConfigError naming the file.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise ConfigError(f"目录不存在：{folder}（写入 {path}）", f"folder does not exist: {folder} (writing {path})", path=str(path))
    if path.is_dir():
        raise ConfigError(f"路径是一个目录：{path}", f"path is a folder: {path}", path=str(path))
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        os.close(fd)
        tmp = Path(name)
        try:
            yield tmp
            os.chmod(tmp, path.stat().st_mode if path.exists() else 0o644)  # mkstemp makes it 0600
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except (OSError, *errors) as exc:
        raise ConfigError(f"无法写入文件：{path}（{exc}）", f"cannot write the file: {path} ({exc})", path=str(path)) from exc


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
