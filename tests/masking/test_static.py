"""Static masking end to end: plan, one engine pass to a new version, lineage, audit, reversal, engines agree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from shuzhi.catalog import ingest, read_dataset
from shuzhi.catalog.queries import lineage_of
from shuzhi.config import Settings
from shuzhi.errors import ConfigError, NotFoundError
from shuzhi.grading.assess import assess
from shuzhi.masking.static import mask_dataset
from shuzhi.masking.unmask import unmask_dataset
from shuzhi.security import keyring
from shuzhi.security.audit import verify
from shuzhi.standards.checksums import gb11643_check_char, gb11643_valid
from shuzhi.store.models import AuditEvent
from shuzhi.workspace import Workspace

MASTER = "7f" * 32
N = 40


def people_csv(path: Path) -> Path:
    lines = ["xm,sfzh,lxdh,jtzz,csrq,yhkh,nl"]
    for i in range(N):
        body = f"3201021990{1 + i % 12:02d}{1 + i % 28:02d}{i:03d}"
        lines.append(f"{'张王李赵欧阳'[i % 5]}{'伟芳娜敏静'[i % 5]},{body}{gb11643_check_char(body)},139{i:08d},"
                     f"江苏省南京市玄武区中山路{i + 1}号,1990-{1 + i % 12:02d}-{1 + i % 28:02d},6222020200001234{i:03d},{20 + i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def open_ws(home: Path, engine: str = "duckdb") -> Workspace:
    return Workspace(Settings(home=home, engine=engine, master_key=MASTER))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    with open_ws(tmp_path / "ws") as ws:
        ingest(ws, str(people_csv(tmp_path / "people.csv")), flags={"code": "people", "title": "人口"})
        assess(ws, "people", store=True)
    return tmp_path / "ws"


def rows(ws: Workspace, code: str) -> list[dict]:
    return ws.engine.to_pyarrow(read_dataset(ws, code, typed=False)).to_pylist()


def test_open_version_masks_and_suppresses(home: Path) -> None:
    with open_ws(home) as ws:
        p = mask_dataset(ws, "people", audience="open", actor="steward")
        source, masked = rows(ws, "people"), rows(ws, "people_open")
    actions = {c.column: c.decision.action for c in p.columns}
    assert actions["sfzh"] == "suppress" and actions["xm"] == "mask" and actions["nl"] == "keep"
    assert p.result is not None and (p.result.code, p.result.version, p.result.rows) == ("people_open", 1, N)
    for before, after in zip(source, masked, strict=True):
        assert after["sfzh"] is None
        assert after["lxdh"] == before["lxdh"][:3] + "****" + before["lxdh"][-4:]
        assert after["jtzz"] == "江苏省南京市玄武区"
        assert after["xm"] == before["xm"][0] + "*" * (len(before["xm"]) - 1) or after["xm"].startswith("欧阳")
        assert after["nl"] == before["nl"]
        assert all(after[c] != before[c] for c in ("xm", "sfzh", "lxdh", "jtzz", "csrq"))


def test_share_version_tokenizes_and_reverses_with_audit(home: Path) -> None:
    with open_ws(home) as ws:
        mask_dataset(ws, "people", audience="share", actor="steward")
        source, shared = rows(ws, "people"), rows(ws, "people_share")
        tokens = [r["sfzh"] for r in shared]
        assert all(t.startswith("tk1_") for t in tokens) and len(set(tokens)) == N
        assert not {r["sfzh"] for r in source} & set(tokens)
        lineage = lineage_of(ws, "people_share")
        assert lineage is not None and lineage["source"] == {"code": "people", "version": 1}
        assert lineage["details"]["columns"]["sfzh"] == {"transform": "tokenize", "options": {}, "keys": ["tokenize.1"]}
        # reversal, after a key rotation: the old generation still reverses what it made
        with ws.store.session() as s:
            keyring.rotate(s, keyring.MasterKey.from_settings(ws.settings), "tokenize", actor="security")
        r = unmask_dataset(ws, "people_share", columns=["sfzh"], out="people_traced", reason="协查", actor="auditor")
        assert r.status == "created"
        assert [x["sfzh"] for x in rows(ws, "people_traced")] == [x["sfzh"] for x in source]
        with ws.store.session() as s:
            events = [(e.action, e.actor) for e in s.scalars(sa.select(AuditEvent).order_by(AuditEvent.id))]
            assert verify(s) == []
    assert ("mask", "steward") in events and ("unmask", "auditor") in events and ("key.rotate", "security") in events


def _city(before: str, after: str, again: str) -> None:
    """``area: city``: a valid ID in the prefecture (320102 → 320100); unmasking restores the birth date
    and sequence, and the county stays generalized (lost by design)."""
    assert gb11643_valid(after) and after[:6] == before[:4] + "00" and after[6:17] != before[6:17]
    assert again[:17] == before[:4] + "00" + before[6:17] and gb11643_valid(again)


def _decade(before: str, after: str, again: str) -> None:
    """``birth: decade``: a valid ID born in the same decade, the sex kept; unmasking restores every digit."""
    assert gb11643_valid(after) and after[:9] == before[:9] and after != before
    assert int(after[16]) % 2 == int(before[16]) % 2 and again == before


@pytest.mark.parametrize(("options", "check"), [("area: city", _city), ("birth: decade, keep: [sex]", _decade)])
def test_fpe_of_ids_can_generalize_parts(home: Path, tmp_path: Path, options: str, check: Callable[[str, str, str], None]) -> None:
    policy, bad = tmp_path / "policy.yaml", tmp_path / "bad.yaml"
    policy.write_text(f"dataset: people\ncolumns:\n  sfzh: {{transform: fpe, {options}}}\n", encoding="utf-8")
    bad.write_text(f"dataset: people\ncolumns:\n  lxdh: {{transform: fpe, format: text, {options.split(',')[0]}}}\n", encoding="utf-8")
    with open_ws(home) as ws:
        mask_dataset(ws, "people", audience="share", policy=policy, out="people_fpe", actor="steward")
        back = unmask_dataset(ws, "people_fpe", columns=["sfzh"], out="people_fpe_back", reason="核对", actor="auditor")
        source, out, restored = rows(ws, "people"), rows(ws, "people_fpe"), rows(ws, back.code)
        with pytest.raises(ConfigError, match="apply only to ID numbers"):
            mask_dataset(ws, "people", audience="share", policy=bad, out="x", actor="steward")
    for before, after, again in zip(source, out, restored, strict=True):
        check(before["sfzh"], after["sfzh"], again["sfzh"])


def test_masking_again_with_the_same_recipe_changes_nothing(home: Path) -> None:
    with open_ws(home) as ws:
        first = mask_dataset(ws, "people", audience="share", actor="a").result
        again = mask_dataset(ws, "people", audience="share", actor="a").result
    assert first is not None and again is not None
    assert (again.status, again.version) == ("unchanged", first.version)


KEYED_POLICY = ("dataset: people\ncolumns:\n"
                "  sfzh: {transform: fpe, keep: [sex]}\n"
                "  xm: {transform: hash}\n"
                "  lxdh: {transform: fpe, format: text, keep_start: 3}\n"
                "  yhkh: {transform: encrypt}\n"
                "  csrq: {transform: date_shift, subject: sfzh, max_days: 10}\n"
                "  jtzz: deny\n"
                "  nl: {transform: generalize, width: 10}\n")


def test_policy_file_with_every_keyed_transform(home: Path, tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(KEYED_POLICY, encoding="utf-8")
    with open_ws(home) as ws:
        p = mask_dataset(ws, "people", audience="share", policy=policy, out="people_lab", actor="steward")
        source, out = rows(ws, "people"), rows(ws, "people_lab")
        back = unmask_dataset(ws, "people_lab", columns=["sfzh", "yhkh", "lxdh"], out="people_lab_back", reason="核对", actor="auditor")
        restored = rows(ws, "people_lab_back")
        with pytest.raises(ConfigError, match="only tokenize, fpe, encrypt can be reversed"):
            unmask_dataset(ws, "people_lab", columns=["xm"], out="x", reason="r", actor="a")
    assert {c.column: c.decision.source for c in p.columns}["sfzh"] == "policy"
    assert "jtzz" not in out[0]
    shifts: dict[str, set[int]] = {}
    for before, after, again in zip(source, out, restored, strict=True):
        # a valid 公民身份号码 again: area and sex kept, birth date and sequence encrypted, check recomputed
        assert after["sfzh"] != before["sfzh"] and gb11643_valid(after["sfzh"]) and after["sfzh"][:6] == before["sfzh"][:6]
        assert int(after["sfzh"][16]) % 2 == int(before["sfzh"][16]) % 2
        assert after["lxdh"][:3] == "139" and after["lxdh"] != before["lxdh"] and after["lxdh"].isdigit() and len(after["lxdh"]) == 11
        assert len(after["xm"]) == 64 and after["yhkh"] != before["yhkh"]
        assert after["nl"] == f"{int(before['nl']) // 10 * 10}-{int(before['nl']) // 10 * 10 + 9}"
        shift = (dt.date.fromisoformat(after["csrq"]) - dt.date.fromisoformat(before["csrq"])).days
        assert 1 <= abs(shift) <= 10
        shifts.setdefault(before["sfzh"], set()).add(shift)
        assert (again["sfzh"], again["yhkh"], again["lxdh"]) == (before["sfzh"], before["yhkh"], before["lxdh"])
    # one shift per subject, and not the same for everyone
    assert all(len(v) == 1 for v in shifts.values()) and len({next(iter(v)) for v in shifts.values()}) > 1
    assert back.rows == N


def test_category_overrides_apply_to_every_column_of_the_category(home: Path, tmp_path: Path) -> None:
    policy = tmp_path / "p.yaml"
    policy.write_text("categories:\n  personal.contact: deny\n  personal: {share: suppress}\ncolumns:\n  lxdh: keep\n",
                      encoding="utf-8")
    with open_ws(home) as ws:
        p = mask_dataset(ws, "people", audience="share", policy=policy, actor="a", dry_run=True)
    actions = {c.column: c.decision.action for c in p.columns}
    # lxdh keeps its own entry; jtzz (also 联系方式) is denied; other personal columns suppressed
    assert (actions["lxdh"], actions["jtzz"], actions["xm"], actions["sfzh"]) == ("keep", "deny", "suppress", "suppress")
    assert actions["nl"] == "keep"  # public.other: the template default


def test_dry_run_changes_nothing(home: Path) -> None:
    with open_ws(home) as ws:
        p = mask_dataset(ws, "people", audience="open", actor="a", dry_run=True)
        assert p.result is None
        with pytest.raises(NotFoundError):
            read_dataset(ws, "people_open")


@pytest.mark.parametrize(("kwargs", "text", "message"), [
    ({"audience": "public"}, None, "unknown audience"),
    ({"audience": "share"}, "dataset: other\n", "is for dataset other"),
    ({"audience": "share"}, "columns:\n  nope: keep\n", "has no columns ['nope']"),
    ({"audience": "share"}, "columns:\n  sfzh: {transform: hash, key: gov-hash}\n", "no key gov-hash"),
])
def test_bad_requests_change_nothing(home: Path, tmp_path: Path, kwargs: dict, text: str | None, message: str) -> None:
    policy = None
    if text is not None:
        policy = tmp_path / "p.yaml"
        policy.write_text(text, encoding="utf-8")
    with open_ws(home) as ws:
        with pytest.raises((ConfigError, NotFoundError)) as err:
            mask_dataset(ws, "people", policy=policy, actor="a", **kwargs)
        assert message in err.value.en and err.value.zh
        with pytest.raises(NotFoundError):
            read_dataset(ws, "people_share")


def test_keyed_masking_without_a_master_key_is_refused(home: Path) -> None:
    with Workspace(Settings(home=home)) as ws, pytest.raises(ConfigError, match="no master key"):
        mask_dataset(ws, "people", audience="share", actor="a")


def test_a_dataset_never_graded_is_refused(home: Path, tmp_path: Path) -> None:
    with open_ws(home) as ws:
        ingest(ws, str(people_csv(tmp_path / "more.csv")), flags={"code": "more"})
        with pytest.raises(ConfigError, match="has not been scanned"):
            mask_dataset(ws, "more", audience="open", actor="a")


@pytest.mark.spark
def test_duckdb_and_spark_mask_alike(home: Path) -> None:
    deterministic = ("xm", "sfzh", "lxdh", "jtzz", "csrq", "nl")
    with open_ws(home) as ws:
        mask_dataset(ws, "people", audience="share", actor="a", out="by_duckdb")
        mask_dataset(ws, "people", audience="open", actor="a", out="open_duckdb")
    with open_ws(home, "spark") as ws:
        mask_dataset(ws, "people", audience="share", actor="a", out="by_spark")
        mask_dataset(ws, "people", audience="open", actor="a", out="open_spark")
        pairs = [(rows(ws, "by_duckdb"), rows(ws, "by_spark")), (rows(ws, "open_duckdb"), rows(ws, "open_spark"))]
    for a, b in pairs:
        assert [{k: r[k] for k in deterministic} for r in a] == [{k: r[k] for k in deterministic} for r in b]



def test_deid_report_follows_gb_t_37964(home: Path) -> None:
    from shuzhi.masking.deid import report

    with open_ws(home) as ws:
        raw = report(ws, "people")
        mask_dataset(ws, "people", audience="open", actor="a")
        masked = report(ws, "people_open", qi=["jtzz", "csrq"], threshold=0.5)
    steps = raw["steps"]
    roles = {c["column"]: c["role"] for c in steps["识别标识 identify"]}
    assert roles["sfzh"] == "direct" and roles["lxdh"] == "direct" and roles["csrq"] == "quasi" and roles["nl"] == "none"
    verify = steps["验证审批 verify and approve"]
    assert verify["qi"] == ["jtzz", "csrq"]  # the quasi-identifiers grading found
    assert verify["checks"][0] == {"check": "direct_identifiers_removed", "passed": False, "detail": ["xm", "sfzh", "lxdh", "yhkh"]}
    assert verify["risk"]["sample_uniques"] == N and verify["verdict"] == "fail"
    m = masked["steps"]
    assert m["确定目标 determine the goal"]["derived_from"] == {"code": "people", "version": 1}
    assert {p["column"]: p["transform"] for p in m["处理标识 process"]}["sfzh"] == "suppress"
    check = m["验证审批 verify and approve"]
    # addresses down to the district and birth dates to 1990-**-**: everyone in one class
    assert check["checks"][0]["passed"] and check["risk"]["classes"] == 1 and check["risk"]["prosecutor"]["highest"] == 1 / N
    assert check["verdict"] == "pass" and check["approval"] == "pending"
    with open_ws(home) as ws, pytest.raises(ConfigError, match="has no columns"):
        report(ws, "people", qi=["nope"])


@pytest.mark.spark
def test_keyed_transforms_agree_on_duckdb_and_spark(home: Path, tmp_path: Path) -> None:
    """Same keys, same policy: hash, FPE, date shifts and generalizations are equal; encryption differs
    (fresh data keys) but both reverse to the source on the other engine."""
    policy = tmp_path / "policy.yaml"
    policy.write_text(KEYED_POLICY, encoding="utf-8")
    with open_ws(home) as ws:
        mask_dataset(ws, "people", audience="share", policy=policy, out="lab_duckdb", actor="a")
    with open_ws(home, "spark") as ws:
        mask_dataset(ws, "people", audience="share", policy=policy, out="lab_spark", actor="a")
        unmask_dataset(ws, "lab_duckdb", columns=["yhkh", "sfzh"], out="back_on_spark", reason="r", actor="a")
        a, b, back, source = (rows(ws, c) for c in ("lab_duckdb", "lab_spark", "back_on_spark", "people"))
    same = ("sfzh", "xm", "lxdh", "csrq", "nl")
    assert [{k: r[k] for k in same} for r in a] == [{k: r[k] for k in same} for r in b]
    assert [r["yhkh"] for r in back] == [r["yhkh"] for r in source] and [r["sfzh"] for r in back] == [r["sfzh"] for r in source]


def test_a_hashed_subject_does_not_give_the_date_shift_away() -> None:
    import pyarrow as pa

    from shuzhi.masking.keyed import shift_days
    from shuzhi.security import crypto

    key, subjects = bytes(range(32)), pa.array([f"3201021990010{i:05d}" for i in range(200)])
    shifts = shift_days(key, "sm3", 30)(subjects).to_pylist()
    digests = crypto.hmac_batch(key, subjects, alg="sm3", out="binary").to_pylist()
    naive = [int.from_bytes(d[:6], "big") % 60 for d in digests]
    naive = [v - 30 if v < 30 else v - 29 for v in naive]
    assert all(1 <= abs(s) <= 30 for s in shifts) and sum(a == b for a, b in zip(shifts, naive, strict=True)) < 20


@pytest.mark.parametrize("alphabet", ["0123456789", "0123456789abcdef", "零一二三四五六七八九"])
def test_fpe_batches_encrypt_the_middle_with_any_alphabet(alphabet: str) -> None:
    # ASCII alphabets take the byte path (ff1.digits), others the string path (ff1.encrypt): same results
    import pyarrow as pa

    from shuzhi.masking.keyed import FpeParams, fpe_batch
    from shuzhi.security import ff1

    key, p = bytes(range(16)), FpeParams(alphabet=alphabet, keep_start=2, keep_end=1, tweak="t")
    digits = alphabet[:10]
    values = [digits[3] * 2 + digits[1:8] + digits[9], None, "ab" + digits[:6] + "z", digits[:7], "xy" + digits[:6] + "?z",
              digits[5] * 3 + digits[1] * 15 + digits[2]]
    out = fpe_batch(key, "sm4", p)(pa.array(values)).to_pylist()
    for i in (0, 2, 5):
        middle = ff1.encrypt(key, [values[i][2:-1]], tweak=b"t", alphabet=alphabet, cipher="sm4")[0]
        assert out[i] == values[i][:2] + middle + values[i][-1]
    assert out[1] is None
    assert out[3] is None and out[4] is None  # a domain below 10^6, a character outside the alphabet: NULL
    back = fpe_batch(key, "sm4", p, decrypt=True)(pa.array(out)).to_pylist()
    assert back == [values[0], None, values[2], None, None, values[5]]
