"""benchmarks/crypto_floor.py: the HMAC compression count and the lower bound it reports for issue 5."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
spec = importlib.util.spec_from_file_location("crypto_floor", ROOT / "benchmarks" / "crypto_floor.py")
assert spec and spec.loader
crypto_floor = importlib.util.module_from_spec(spec)
spec.loader.exec_module(crypto_floor)


@pytest.mark.parametrize(("length", "compressions"), [(0, 2), (20, 2), (55, 2), (56, 3), (119, 3), (120, 4)])
def test_hmac_compressions_follow_the_sm3_padding(length: int, compressions: int) -> None:
    # inner hash: the ipad block (absorbed once per key), then L bytes + 0x80 + the 8-byte length, in 64-byte blocks;
    # outer hash: the opad block (absorbed once), then the 32-byte inner digest: one block
    assert crypto_floor.hmac_compressions([length]) == compressions
    assert crypto_floor.hmac_compressions([length, length]) == 2 * compressions


def test_the_bound_divides_the_copy_plus_the_floor_by_the_cores_time() -> None:
    copy = {"wall": 10.0, "cpu": 18.0}
    work = {"fpe": {"sm4_blocks": 100, "sm3_compressions": 0, "cpu": 5.0},
            "hash": {"sm4_blocks": 0, "sm3_compressions": 20, "cpu": 4.0, "values": 10}}
    a = crypto_floor.analyse(10, copy, work, {"sm4": 1e8, "sm3": 1e8, "aes": 1.0, "hmac_call": {"x": 3e8, "y": 4e8}}, cores=2)
    assert a["floor_s"] == pytest.approx({"fpe": 10.0, "hash": 2.0})
    assert a["budget_s"] == pytest.approx(2 * 2 * 10.0 - 18.0)
    assert a["bound_floor"] == pytest.approx((18.0 + 12.0) / 20.0)
    assert a["bound_measured"] == pytest.approx((18.0 + 9.0) / 20.0)
    assert a["hmac_calls_s"] == pytest.approx(3.0)  # 10 values at the cheaper loop's 0.3 s
    assert a["bound_floor_hash_calls"] == pytest.approx((18.0 + 10.0 + 3.0) / 20.0)
