"""``shuzhi mask / unmask / risk / key / dp``: the commands end to end, JSON shapes and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Cli

from shuzhi.standards.checksums import gb11643_check_char

MASTER = "a5" * 32


@pytest.fixture
def graded(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    lines = ["xm,sfzh,lxdh,xb,nl"]
    for i in range(30):
        body = f"3201021990{1 + i % 12:02d}{1 + i % 28:02d}{i:03d}"
        lines.append(f"张{'伟芳娜敏静'[i % 5]},{body}{gb11643_check_char(body)},139{i:08d},{'男女'[i % 2]},{20 + i % 3}")
    (tmp_path / "p.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cli("ingest", str(tmp_path / "p.csv"), "--code", "people")
    cli("scan", "people")
    monkeypatch.setenv("SHUZHI_MASTER_KEY", MASTER)
    return cli


def test_mask_plan_mask_and_unmask(graded: Cli) -> None:
    plan = graded.json("mask", "people", "--audience", "share", "--dry-run")
    actions = {c["column"]: c["action"] for c in plan["columns"]}
    assert actions["sfzh"] == "tokenize" and "result" not in plan
    done = graded.json("mask", "people", "--audience", "share")
    assert done["out"] == "people_share" and done["result"]["status"] == "created" and done["result"]["rows"] == 30
    shown = graded.json("catalog", "show", "people_share")["lineage"]
    assert shown["source"] == {"code": "people", "version": 1} and shown["kind"] == "mask"
    assert "派生自 (derived from)" in graded("catalog", "show", "people_share").stdout
    assert graded.json("catalog", "show", "people")["lineage"] is None
    entry = graded.json("catalog", "show", "people_share")
    assert entry["related"] == ["people"] and entry["category"] == graded.json("catalog", "show", "people")["category"]
    back = graded.json("unmask", "people_share", "--column", "sfzh", "--out", "people_back", "--reason", "核对")
    assert back["code"] == "people_back" and back["rows"] == 30
    keys = graded.json("key", "list")
    assert [(k["id"], k["status"]) for k in keys] == [("tokenize.1", "active")]
    r = graded("unmask", "people_share", "--column", "xm", "--out", "x", "--reason", "r", expect=None)
    assert r.exit_code != 0 and "nothing to reverse" in r.stderr


def test_key_commands(graded: Cli) -> None:
    created = graded.json("key", "create", "gov-hash", "--purpose", "hash", "--algorithm", "hmac-sha256")
    assert (created["id"], created["algorithm"]) == ("gov-hash.1", "hmac-sha256") and "material" not in created
    rotated = graded.json("key", "rotate", "gov-hash")
    assert rotated["id"] == "gov-hash.2"
    assert len(graded("key", "new-master").stdout.strip()) == 64
    bad = graded("key", "create", "k", "--purpose", "sign", expect=None)
    assert bad.exit_code != 0 and "unknown key purpose" in bad.stderr


def test_no_master_key_is_a_clear_error(graded: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHUZHI_MASTER_KEY")
    r = graded("mask", "people", "--audience", "share", expect=None)
    assert r.exit_code != 0 and "SHUZHI_MASTER_KEY" in r.stderr
    assert graded.json("catalog", "list")[-1]["code"] == "people"  # nothing was registered


def test_risk_report(graded: Cli) -> None:
    data = graded.json("risk", "people", "--qi", "xb,nl", "--k", "5")
    verify = data["steps"]["验证审批 verify and approve"]
    assert verify["qi"] == ["xb", "nl"] and verify["risk"]["classes"] == 6 and verify["risk"]["rows"] == 30
    assert verify["risk"]["prosecutor"]["highest"] == pytest.approx(1 / 5) and verify["verdict"] == "fail"  # identifiers in clear
    assert graded("risk", "people", "--qi", "nope", expect=None).exit_code != 0


def test_dp_budget_and_release(graded: Cli) -> None:
    assert graded("dp", "release", "people", "--kind", "count", "--epsilon", "0.5", expect=None).exit_code != 0
    assert graded.json("dp", "budget", "people", "--epsilon", "1")["remaining"] == 1
    r = graded.json("dp", "release", "people", "--kind", "histogram", "--column", "xb", "--categories", "男,女", "--epsilon", "0.6")
    assert set(r["value"]) == {"男", "女"} and r["epsilon"] == 0.6
    over = graded("dp", "release", "people", "--kind", "count", "--epsilon", "0.5", expect=None)
    assert over.exit_code != 0 and "not enough privacy budget" in over.stderr
    assert graded.json("dp", "budget", "people")["spent"] == pytest.approx(0.6)


def test_anonymize_then_measure(graded: Cli) -> None:
    search = graded.json("anonymize", "people", "--qi", "xb,nl", "--k", "8", "--dry-run")
    assert search["result"] is None and search["measures"]["k"] >= 8
    done = graded.json("anonymize", "people", "--qi", "xb,nl", "--k", "8")
    assert done["result"]["code"] == "people_anon" and done["suppressed"] + done["result"]["rows"] == 30
    # 30 rows: sex × age 20/21/22 gives classes of 5; k=8 needs bands (nl) or sex suppressed
    assert done["levels"] != {"xb": 0, "nl": 0} and done["measures"]["k"] >= 8
    kept = [c["name"] for c in graded.json("catalog", "show", "people_anon")["items"]]
    assert "sfzh" not in kept and "lxdh" not in kept and {"xb", "nl"} <= set(kept)  # direct identifiers left out
    report = graded.json("risk", "people_anon", "--qi", "xb,nl", "--k", "8")
    verify = report["steps"]["验证审批 verify and approve"]
    assert verify["risk"]["below_k"] == 0 and verify["checks"][0]["passed"]
    bad = graded("anonymize", "people", "--qi", "xm", "--k", "5", expect=None)
    assert bad.exit_code != 0 and "has no default hierarchy" in bad.stderr
