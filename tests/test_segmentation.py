"""jieba's dictionary cache goes to a private folder of this user, never the shared temporary folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from shuzhi import segmentation


def test_cache_in_a_private_folder_not_in_tmp(tmp_path: Path) -> None:
    cache, shared = tmp_path / "cache", tmp_path / "tmp"
    shared.mkdir()
    (shared / "jieba.cache").write_bytes(b"planted by someone else")  # what jieba would load from /tmp
    code = ("from shuzhi.catalog.search import words; from shuzhi.discovery.segment import row_flags; "
            "print(sorted(words('数据资源目录', precise=True)), row_flags('联系人张三，住玄武区中山路18号'))")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "TMPDIR": str(shared)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    found, flags = out.stdout.strip().rsplit(" ", 1)
    assert found == "['数据', '目录', '资源']" and int(flags) > 0  # both tokenizers loaded and segmenting
    assert (cache / "shuzhi" / "jieba.cache").stat().st_size > 1_000_000
    assert stat.S_IMODE((cache / "shuzhi").stat().st_mode) == 0o700
    assert (shared / "jieba.cache").read_bytes() == b"planted by someone else"  # neither read nor replaced


def test_unusable_folder_falls_back_to_a_fresh_private_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = tmp_path / "shuzhi"
    opened.mkdir()
    opened.chmod(0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    chosen = segmentation.cache_dir.__wrapped__()
    assert chosen != opened and stat.S_IMODE(chosen.stat().st_mode) == 0o700


def test_open_folder_is_refused(tmp_path: Path) -> None:
    opened = tmp_path / "open"
    opened.mkdir()
    opened.chmod(0o777)
    closed = tmp_path / "closed"
    assert not segmentation._private(opened)
    assert segmentation._private(closed) and stat.S_IMODE(closed.stat().st_mode) == 0o700
