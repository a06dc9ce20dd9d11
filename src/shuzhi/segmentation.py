"""jieba (Chinese word segmentation), loaded once per process, its dictionary cache in a private folder.

jieba keeps a ``marshal`` dump of its prefix dictionary in the system temporary folder
(``/tmp/jieba.cache``) and loads whatever file it finds under that name. On a shared machine another
account could plant one there and change what discovery and catalog search see (and ``marshal`` is
not safe against crafted data). shuzhi points the cache at a folder only its own user can write:
``$XDG_CACHE_HOME/shuzhi`` or ``~/.cache/shuzhi``, created with mode 0700; if that folder cannot be
used (not ours, open to others, not writable), a fresh private temporary folder for this process.

>>> import os, stat
>>> folder = cache_dir()
>>> stat.S_IMODE(folder.stat().st_mode) & 0o077, folder.stat().st_uid == os.getuid()
(0, True)
>>> tokenizer().tmp_dir == str(folder)
True
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from functools import cache
from pathlib import Path
from typing import Any


def _private(folder: Path) -> bool:
    """``folder`` exists (or is made) as a directory of this user that nobody else can write."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022 and os.access(folder, os.W_OK)


@cache
def cache_dir() -> Path:
    """This user's private cache folder for shuzhi (see the module docstring)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "shuzhi"
    return folder if _private(folder) else Path(tempfile.mkdtemp(prefix="shuzhi-cache-"))


def _quiet(jieba: Any) -> None:
    jieba.setLogLevel(logging.WARNING)  # not the "Building prefix dict" chatter on stderr


@cache
def tokenizer() -> Any:
    """jieba's default tokenizer (the one ``jieba.lcut`` uses), its cache in :func:`cache_dir`."""
    import jieba

    _quiet(jieba)
    jieba.dt.tmp_dir = str(cache_dir())
    return jieba.dt


@cache
def pos_tokenizer() -> Any:
    """jieba's part-of-speech tokenizer over the dictionary it ships (no download), its cache in :func:`cache_dir`."""
    import jieba
    import jieba.posseg

    _quiet(jieba)
    words = jieba.Tokenizer()
    words.tmp_dir = str(cache_dir())
    return jieba.posseg.POSTokenizer(words)
