"""Where dataset versions live: a local folder, or a Hadoop/object-store URI for Spark clusters.

- A **local folder** (the default ``<home>/data``): a version is staged in the
  workspace and renamed into ``<root>/<code>/v<N>-<id>`` as the last step before
  the catalog commits it.
- A **URI** (``hdfs://…``, ``s3a://…``, ``file:///…``): object stores cannot
  rename folders atomically, so the engine writes the version straight to
  ``<root>/<code>/<id>`` and the catalog row is the commit. A folder no catalog
  row points to is an abandoned write; it is removed once it is older than a
  grace period, so writes still in progress elsewhere are left alone.

URIs are listed and deleted through ``pyarrow.fs`` (local, S3, HDFS with libhdfs,
GCS); the Spark engine reads and writes them through Hadoop.

>>> Storage("/srv/shuzhi/data").is_uri, Storage("hdfs://nn:8020/shuzhi").is_uri
(False, True)
"""

from __future__ import annotations

import os
import shutil
import time
import uuid

from shuzhi.errors import ConfigError, StoreError

#: abandoned URI versions younger than this are kept: another process may still be writing them
GRACE_SECONDS = 6 * 3600


class Storage:
    def __init__(self, root: str) -> None:
        self.root = root.rstrip("/")

    @property
    def is_uri(self) -> bool:
        return "://" in self.root

    def new_location(self, code: str) -> str:
        """A fresh, unique URI for a version written in place (URI storage only)."""
        return f"{self.root}/{code}/{uuid.uuid4().hex}"

    def _fs(self):  # type: ignore[no-untyped-def]
        import pyarrow as pa
        import pyarrow.fs as pafs

        try:
            return pafs.FileSystem.from_uri(self.root)
        except (pa.ArrowInvalid, OSError) as err:
            raise ConfigError(
                f"无法访问数据存储位置 {self.root}：{err}",
                f"cannot open the storage location {self.root}: {err}",
            ) from None

    def remove(self, location: str) -> None:
        """Delete a version folder written in place (best effort: used while failing)."""
        fs, root_path = self._fs()
        path = root_path.rstrip("/") + location[len(self.root):]
        try:
            fs.delete_dir(path)
        except (FileNotFoundError, OSError):
            pass

    def parts(self, location: str) -> list[str]:
        """Names of the Parquet part files of a version folder (local path or URI), sorted."""
        if "://" not in location:
            return sorted(n for n in os.listdir(location) if n.endswith(".parquet"))
        import pyarrow.fs as pafs

        fs, path = pafs.FileSystem.from_uri(location)
        found = fs.get_file_info(pafs.FileSelector(path, recursive=False))
        return sorted(f.base_name for f in found if f.type == pafs.FileType.File and f.base_name.endswith(".parquet"))

    def combine(self, previous: str, names: list[str], out: str, prefix: str) -> list[str]:
        """Make ``out`` (a staged delta) hold an appended version: the delta's parts renamed with
        ``prefix`` (so no name clashes) plus the previous version's parts ``names``.

        Local parts are hard links (no copy; the same immutable file in both versions), copies
        where the file system refuses links; URI parts are copied by the file system. Returns
        the delta's new part names.
        """
        delta = self.parts(out)
        clash = set(names) & {f"{prefix}{n}" for n in delta}
        if clash:
            raise StoreError(f"数据分段文件名冲突：{sorted(clash)}", f"segment part names clash: {sorted(clash)}")
        if "://" not in out:
            for n in delta:
                os.replace(os.path.join(out, n), os.path.join(out, f"{prefix}{n}"))
            for n in names:
                try:
                    os.link(os.path.join(previous, n), os.path.join(out, n))
                except OSError:
                    shutil.copy2(os.path.join(previous, n), os.path.join(out, n))
            return [f"{prefix}{n}" for n in delta]
        import pyarrow.fs as pafs

        fs, out_path = pafs.FileSystem.from_uri(out)
        _, prev_path = pafs.FileSystem.from_uri(previous)
        for n in delta:
            fs.move(f"{out_path}/{n}", f"{out_path}/{prefix}{n}")
        for n in names:
            fs.copy_file(f"{prev_path}/{n}", f"{out_path}/{n}")
        return [f"{prefix}{n}" for n in delta]

    def sweep(self, committed: set[str], *, grace: float = GRACE_SECONDS) -> int:
        """Remove version folders no catalog row references and nobody has written for ``grace`` seconds."""
        import pyarrow.fs as pafs

        fs, root_path = self._fs()
        root_path = root_path.rstrip("/")

        def children(path: str, recursive: bool = False) -> list[pafs.FileInfo]:
            return fs.get_file_info(pafs.FileSelector(path, recursive=recursive, allow_not_found=True))

        removed = 0
        try:
            for code in (c for c in children(root_path) if c.type == pafs.FileType.Directory):
                for folder in (v for v in children(code.path) if v.type == pafs.FileType.Directory):
                    location = self.root + folder.path[len(root_path):]
                    if location in committed:
                        continue
                    times = [i.mtime for i in [folder, *children(folder.path, recursive=True)]]
                    if any(t is None for t in times):
                        continue  # unknown age: never remove
                    if time.time() - max(t.timestamp() for t in times) > grace:
                        fs.delete_dir(folder.path)
                        removed += 1
        except OSError as err:
            raise StoreError(f"无法清理数据存储位置 {self.root}：{err}", f"cannot sweep the storage location {self.root}: {err}") from err
        return removed


def probe(location: str) -> tuple[int, int, list[tuple[str, str]]]:
    """Read the footer of every Parquet file of a version: (readable files, files, [(file, error)]).

    A missing folder counts as one unreadable element. Only footers are read, so this
    is cheap however large the version is.
    """
    import pyarrow as pa
    import pyarrow.fs as pafs
    import pyarrow.parquet as pq

    try:
        fs, path = pafs.FileSystem.from_uri(location) if "://" in location else (pafs.LocalFileSystem(), location)
        info = fs.get_file_info(path)
        if info.type == pafs.FileType.NotFound:
            return 0, 1, [(location, "not found")]
        if info.type == pafs.FileType.File:
            files = [path]
        else:
            found = fs.get_file_info(pafs.FileSelector(path, recursive=True))
            files = sorted(f.path for f in found if f.type == pafs.FileType.File and f.path.endswith(".parquet"))
    except (OSError, pa.ArrowInvalid) as err:
        return 0, 1, [(location, str(err))]
    if not files:
        return 0, 1, [(location, "no Parquet files")]
    bad: list[tuple[str, str]] = []
    for f in files:
        try:
            with fs.open_input_file(f) as handle:
                pq.read_metadata(handle)
        except (OSError, pa.ArrowInvalid) as err:
            bad.append((f, str(err).splitlines()[0]))
    return len(files) - len(bad), len(files), bad
