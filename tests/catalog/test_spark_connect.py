"""SHUZHI_ENGINE=sc://host:port: ingest through a Spark Connect server (started here from PySpark's own jars)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus import csv_text, write_text

pytestmark = pytest.mark.spark


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def connect_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import pyspark

    port = _free_port()
    submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    log = tmp_path_factory.mktemp("connect") / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(submit), "--class", "org.apache.spark.sql.connect.service.SparkConnectServer", "--master", "local[2]",
             "--conf", f"spark.connect.grpc.binding.port={port}", "--conf", "spark.ui.enabled=false",
             # as shuzhi's own local session: a handful of shuffle partitions for test-sized data
             "--conf", "spark.sql.shuffle.partitions=4", "spark-internal"],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "SPARK_HOME": str(submit.parent.parent)},
        )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if server.poll() is not None:
                pytest.fail(f"Spark Connect server exited: {log.read_text(errors='replace')[-2000:]}")
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(1)
        else:
            pytest.fail("Spark Connect server did not start within 180 s")
        yield f"sc://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_ingest_and_profile_through_spark_connect(connect_url: str, tmp_path: Path) -> None:
    source = write_text(tmp_path / "people.csv", csv_text(), "gbk")
    env = {**os.environ, "SHUZHI_HOME": str(tmp_path / "ws"), "SHUZHI_ENGINE": connect_url}

    def shuzhi(*args: str) -> dict[str, object]:
        done = subprocess.run([sys.executable, "-m", "shuzhi", *args, "--json"], env=env, capture_output=True, timeout=600)
        assert done.returncode == 0, done.stderr.decode()
        return json.loads(done.stdout)

    result = shuzhi("ingest", str(source), "--code", "population")
    assert (result["rows"], result["encoding"], result["status"]) == (4, "GBK", "created")
    shown = shuzhi("catalog", "show", "population")
    assert shown["versions"][0]["engine"] == "spark"
    types = {i["name"]: i["type"] for i in shown["items"]}
    assert (types["公民身份号码"], types["年龄"], types["出生日期"]) == ("string", "int64", "date")
