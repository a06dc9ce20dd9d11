"""A killed or interrupted ingest leaves the previous state intact, and the next ingest cleans up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from shuzhi.catalog import ingest, list_datasets, read_dataset, show_dataset
from shuzhi.config import Settings
from shuzhi.workspace import Workspace

ROWS = 1_500_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.csv"
    duckdb.sql(f"""
        COPY (SELECT i AS id, '3201021990' || lpad(CAST(i % 100000000 AS VARCHAR), 8, '0') AS sfzh,
                     '备注 ' || CAST(i AS VARCHAR) AS bz, CAST(i % 90 AS VARCHAR) AS age
              FROM range({ROWS}) t(i)) TO '{path}' (HEADER)
    """)
    return path


@pytest.fixture(scope="module")
def duration(tmp_path_factory: pytest.TempPathFactory, big_csv: Path) -> float:
    """How long an uninterrupted ingest takes here, to time the signals."""
    t0 = time.monotonic()
    probe = start(tmp_path_factory.mktemp("probe"), big_csv)
    _, err = probe.communicate(timeout=300)
    assert probe.returncode == 0, err.decode()
    return time.monotonic() - t0


def start(home: Path, source: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SHUZHI_HOME": str(home)}
    return subprocess.Popen([sys.executable, "-m", "shuzhi", "ingest", str(source), "--code", "big"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def snapshot(home: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    with Workspace(Settings(home=home)) as ws:
        entry = show_dataset(ws, "big")
        data = ws.engine.to_pyarrow(read_dataset(ws, "big")).to_pylist()
    return [{k: v for k, v in entry.items() if k != "updated_at"}], data


@pytest.mark.slow
def test_kill_at_any_moment_keeps_previous_version(tmp_path: Path, big_csv: Path, duration: float) -> None:
    home = tmp_path / "ws"
    small = tmp_path / "small.csv"
    small.write_text("id,sfzh,bz,age\n1,320102199000000001,第一版,30\n", encoding="utf-8")
    with Workspace(Settings(home=home)) as ws:
        ingest(ws, str(small), flags={"code": "big"})
    before = snapshot(home)

    for fraction in (0.2, 0.5, 0.8, 0.95):
        proc = start(home, big_csv)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        after = snapshot(home)
        if after != before:  # the kill came after the commit: the new version must be complete
            assert after[0][0]["version"] == 2 and len(after[1]) == ROWS
            break
        assert after == before

    # the next ingest sweeps what the killed processes left and registers a complete version
    with Workspace(Settings(home=home)) as ws:
        result = ingest(ws, str(big_csv), flags={"code": "big"})
        assert result.rows == ROWS
        assert [e["version"] for e in list_datasets(ws)] == [result.version]
        versions = {Path(v["source"]).name for v in show_dataset(ws, "big")["versions"]}
        assert versions == {"small.csv", "big.csv"}
    assert not any((home / "staging").iterdir())
    assert len(list((home / "data" / "big").iterdir())) == 2  # v1 and the new version only


def test_ctrl_c_changes_nothing(tmp_path: Path, big_csv: Path) -> None:
    home = tmp_path / "ws"
    proc = start(home, big_csv)
    deadline = time.monotonic() + 120
    while not list((home / "staging").glob("*/data")):  # the engine has started writing the version
        assert proc.poll() is None and time.monotonic() < deadline, "ingest ended before it could be interrupted"
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert "已中断" in err.decode() and "interrupted" in err.decode()
    with Workspace(Settings(home=home)) as ws:
        assert list_datasets(ws) == []
    assert not any((home / "staging").iterdir())
    assert not (home / "data").exists() or not any((home / "data").rglob("*.parquet"))
