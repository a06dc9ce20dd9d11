"""The keyring: keys wrapped by the master key, rotation, and clear errors instead of fallbacks."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from shuzhi.config import Settings
from shuzhi.errors import ConfigError, NotFoundError
from shuzhi.security import keyring
from shuzhi.security.audit import verify
from shuzhi.store import open_store
from shuzhi.store.models import AuditEvent, KeyRecord

MASTER = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    return open_store(Settings(home=tmp_path))


def master(text: str = MASTER) -> keyring.MasterKey:
    return keyring.MasterKey.from_settings(Settings(master_key=text))


def test_create_unwrap_rotate_and_list(store) -> None:  # type: ignore[no-untyped-def]
    m = master()
    with store.session() as s:
        info = keyring.create(s, m, name="gov-hash", purpose="hash", actor="alice")
        first = keyring.active(s, m, "gov-hash")
    assert (info.id, info.algorithm, info.status, len(first.material)) == ("gov-hash.1", "hmac-sm3", "active", 32)
    with store.session() as s:
        rotated = keyring.rotate(s, m, "gov-hash", actor="bob")
        second = keyring.active(s, m, "gov-hash")
        old = keyring.by_id(s, m, "gov-hash.1")
        listed = keyring.list_keys(s)
        actions = [e.action for e in s.scalars(sa.select(AuditEvent).order_by(AuditEvent.id))]
        assert verify(s) == []
    assert rotated.id == second.id == "gov-hash.2"
    assert old.material == first.material != second.material
    assert [(k.id, k.status) for k in listed] == [("gov-hash.1", "retired"), ("gov-hash.2", "active")]
    assert actions == ["key.create", "key.rotate"]


def test_material_is_stored_wrapped_and_never_shown(store) -> None:  # type: ignore[no-untyped-def]
    m = master()
    with store.session() as s:
        keyring.create(s, m, name="tok", purpose="tokenize", actor="a")
        key = keyring.active(s, m, "tok")
        record = s.get(KeyRecord, "tok.1")
        assert key.material not in base64.b64decode(record.wrapped)
        assert key.material.hex() not in record.wrapped
    assert key.material.hex() not in repr(key) and str(list(key.material)) not in repr(key)
    assert "material" not in keyring.list_keys(store.session().__enter__())[0].to_dict()


def test_a_wrong_master_key_is_named_as_such(store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as s:
        keyring.create(s, master(), name="k", purpose="fpe", actor="a")
    with store.session() as s, pytest.raises(ConfigError) as err:
        keyring.active(s, master("ff" * 32), "k")
    assert "wrong master key" in err.value.en and "主密钥不对" in err.value.zh


def test_a_tampered_record_is_refused(store) -> None:  # type: ignore[no-untyped-def]
    m = master()
    with store.session() as s:
        keyring.create(s, m, name="k", purpose="encrypt", actor="a")
        record = s.get(KeyRecord, "k.1")
        raw = bytearray(base64.b64decode(record.wrapped))
        raw[-1] ^= 1
        record.wrapped = base64.b64encode(bytes(raw)).decode()
    with store.session() as s, pytest.raises(ConfigError) as err:
        keyring.active(s, m, "k")
    assert "damaged or was altered" in err.value.en


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "Bad Name", "purpose": "hash"}, "bad key name"),
    ({"name": "k", "purpose": "sign"}, "unknown key purpose"),
    ({"name": "k", "purpose": "hash", "algorithm": "md5"}, "does not fit purpose"),
    ({"name": "k", "purpose": "hash", "algorithm": "sm4-gcm"}, "does not fit purpose"),
])
def test_bad_key_requests(store, kwargs: dict, message: str) -> None:  # type: ignore[no-untyped-def]
    with store.session() as s, pytest.raises(ConfigError) as err:
        keyring.create(s, master(), actor="a", **kwargs)
    assert message in err.value.en and err.value.zh


def test_duplicates_and_unknown_keys(store) -> None:  # type: ignore[no-untyped-def]
    m = master()
    with store.session() as s:
        keyring.create(s, m, name="k", purpose="hash", actor="a")
    with store.session() as s, pytest.raises(ConfigError, match="use rotate"):
        keyring.create(s, m, name="k", purpose="hash", actor="a")
    for call in (lambda s: keyring.active(s, m, "nope"), lambda s: keyring.by_id(s, m, "k.7"),
                 lambda s: keyring.rotate(s, m, "nope", actor="a")):
        with store.session() as s, pytest.raises(NotFoundError):
            call(s)
    with store.session() as s, pytest.raises(ConfigError, match="is for hash, not tokenize"):
        keyring.ensure(s, m, name="k", purpose="tokenize", actor="a")


def test_no_master_key_is_an_error_not_a_fallback() -> None:
    with pytest.raises(ConfigError) as err:
        keyring.MasterKey.from_settings(Settings())
    assert "SHUZHI_MASTER_KEY" in err.value.en and "主密钥" in err.value.zh


@pytest.mark.parametrize("text", ["short", "00" * 8 + "0", "!!" * 16, base64.b64encode(b"x" * 8).decode(), "00" * 65])
def test_bad_master_keys(text: str) -> None:
    with pytest.raises(ConfigError, match="bad master key"):
        master(text)


@pytest.mark.parametrize("text", [MASTER, base64.b64encode(os.urandom(32)).decode(), base64.urlsafe_b64encode(os.urandom(24)).decode().rstrip("=")])
def test_good_master_keys(text: str) -> None:
    assert len(master(text).fingerprint) == 16


def test_master_key_file_must_be_private(tmp_path: Path) -> None:
    f = tmp_path / "master.key"
    f.write_text(MASTER + "\n", encoding="ascii")
    f.chmod(0o644)
    with pytest.raises(ConfigError, match="accessible to others"):
        keyring.MasterKey.from_settings(Settings(master_key_file=f))
    f.chmod(0o600)
    assert keyring.MasterKey.from_settings(Settings(master_key_file=f)).fingerprint == master().fingerprint
    with pytest.raises(ConfigError, match="cannot read master key file"):
        keyring.MasterKey.from_settings(Settings(master_key_file=tmp_path / "missing"))


def test_the_master_key_never_shows_in_settings_repr() -> None:
    s = Settings(master_key=MASTER)
    assert MASTER not in repr(s) and MASTER not in str(s.model_dump())
