"""The keyring: named keys for hashing, tokens, format-preserving and column encryption.

Key material lives in the metadata store only wrapped (SM4-GCM, the key id as associated data)
by the workspace master key, which comes from ``SHUZHI_MASTER_KEY`` or ``SHUZHI_MASTER_KEY_FILE``
and is never written to the workspace, the store or a log. A key has a name (``gov-hash``) and
generations: :func:`rotate` makes a new active generation and retires the old one, which stays
so that what it produced can still be reversed (tokens, encrypted columns). Nothing falls back
silently: a missing master key, a wrong one, or an unknown key is an error that says so.

Every change is recorded in the audit chain in the same transaction.

>>> import os, tempfile
>>> from shuzhi.config import Settings
>>> from shuzhi.store import open_store
>>> settings = Settings(home=tempfile.mkdtemp(), master_key=new_master_key())
>>> store, master = open_store(settings), MasterKey.from_settings(settings)
>>> with store.session() as s:
...     info = create(s, master, name="gov-hash", purpose="hash", actor="steward")
...     key = active(s, master, "gov-hash")
>>> key.id == info.id, key.algorithm, len(key.material)
(True, 'hmac-sm3', 32)
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import os
import re
import secrets
import stat
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from shuzhi.config import Settings
from shuzhi.errors import ConfigError, NotFoundError, ShuzhiError
from shuzhi.security import audit, crypto
from shuzhi.store.models import KeyRecord, utcnow

#: purpose → algorithms it may use (the first is the default: 国密 for government data) and key bytes
ALGORITHMS: dict[str, dict[str, int]] = {
    "hash": {"hmac-sm3": 32, "hmac-sha256": 32},
    "tokenize": {"sm4-cmac-siv": 32, "sm4-siv": 32, "aes-siv": 32},
    "fpe": {"ff1-sm4": 16, "ff1-aes": 32},
    "encrypt": {"sm4-gcm": 16, "aes-gcm": 32},
}
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,47}$")
_WRAP = "sm4-gcm"


def new_master_key() -> str:
    """A fresh master key (32 random bytes, hex) for an operator to keep in a secret store."""
    return secrets.token_hex(32)


@dataclass(frozen=True)
class MasterKey:
    """The master key, and the wrapping key and fingerprint derived from it (HMAC-SM3)."""

    material: bytes = field(repr=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> MasterKey:
        if settings.master_key is not None:
            return cls(_decode_master(settings.master_key.get_secret_value(), "SHUZHI_MASTER_KEY"))
        if settings.master_key_file is not None:
            return cls(_decode_master(_read_key_file(settings.master_key_file), str(settings.master_key_file)))
        raise ConfigError(
            "未配置主密钥：请设置环境变量 SHUZHI_MASTER_KEY 或 SHUZHI_MASTER_KEY_FILE（可用 shuzhi key new-master 生成）",
            "no master key: set SHUZHI_MASTER_KEY or SHUZHI_MASTER_KEY_FILE (shuzhi key new-master makes one)",
        )

    @property
    def fingerprint(self) -> str:
        return crypto.hmac_digest(self.material, b"shuzhi keyring fingerprint v1", alg="sm3")[:8].hex()

    @property
    def _wrapping(self) -> bytes:
        return crypto.hmac_digest(self.material, b"shuzhi keyring wrap v1", alg="sm3")[:16]

    def wrap(self, key_id: str, material: bytes) -> str:
        return base64.b64encode(crypto.seal(self._wrapping, material, aad=key_id.encode(), alg=_WRAP)).decode()

    def unwrap(self, key_id: str, wrapped: str) -> bytes:
        return crypto.open_sealed(self._wrapping, base64.b64decode(wrapped), aad=key_id.encode(), alg=_WRAP)


def _decode_master(text: str, where: str) -> bytes:
    text = text.strip()
    raw: bytes | None = None
    if re.fullmatch(r"[0-9a-fA-F]+", text) and len(text) % 2 == 0:
        raw = bytes.fromhex(text)
    else:
        try:
            raw = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_" if "-" in text or "_" in text else None,
                                   validate=True)
        except (binascii.Error, ValueError):
            raw = None
    if raw is None or not 16 <= len(raw) <= 64:
        raise ConfigError(f"主密钥格式不对（{where}）：应为 16–64 个随机字节的十六进制或 base64 编码",
                          f"bad master key ({where}): expected hex or base64 of 16–64 random bytes")
    return raw


def _read_key_file(path: os.PathLike[str] | str) -> str:
    try:
        mode = os.stat(path).st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(f"主密钥文件 {path} 的权限过宽：只允许属主读写（chmod 600）",
                              f"master key file {path} is accessible to others: allow its owner only (chmod 600)")
        with open(path, encoding="ascii") as f:
            return f.read()
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"无法读取主密钥文件 {path}：{type(err).__name__}",
                          f"cannot read master key file {path}: {type(err).__name__}") from err


@dataclass(frozen=True)
class KeyInfo:
    """What may be shown of a key: never its material."""

    id: str
    name: str
    purpose: str
    algorithm: str
    generation: int
    status: str
    created_at: dt.datetime
    created_by: str
    retired_at: dt.datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "purpose": self.purpose, "algorithm": self.algorithm,
                "generation": self.generation, "status": self.status, "created_at": self.created_at.isoformat(),
                "created_by": self.created_by, "retired_at": self.retired_at.isoformat() if self.retired_at else None}


@dataclass(frozen=True)
class Key:
    """An unwrapped key, for the transforms of one run; ``material`` never shows in a repr."""

    id: str
    name: str
    purpose: str
    algorithm: str
    material: bytes = field(repr=False)


def _info(r: KeyRecord) -> KeyInfo:
    return KeyInfo(r.id, r.name, r.purpose, r.algorithm, r.generation, r.status, r.created_at, r.created_by,
                   r.retired_at)


def _check(name: str, purpose: str, algorithm: str | None) -> str:
    if not _NAME.match(name):
        raise ConfigError(f"密钥名 {name!r} 不合规：小写字母开头，只含小写字母、数字、- 和 _，最长 48 个字符",
                          f"bad key name {name!r}: start with a lower-case letter; a-z, 0-9, - and _ only, at most 48")
    if purpose not in ALGORITHMS:
        raise ConfigError(f"未知的密钥用途 {purpose!r}：可选 {'、'.join(ALGORITHMS)}",
                          f"unknown key purpose {purpose!r}: use one of {', '.join(ALGORITHMS)}")
    choices = ALGORITHMS[purpose]
    algorithm = algorithm or next(iter(choices))
    if algorithm not in choices:
        raise ConfigError(f"用途 {purpose} 不支持算法 {algorithm!r}：可选 {'、'.join(choices)}",
                          f"algorithm {algorithm!r} does not fit purpose {purpose}: use one of {', '.join(choices)}")
    return algorithm


def _records(session: Session, name: str) -> list[KeyRecord]:
    return list(session.scalars(sa.select(KeyRecord).where(KeyRecord.name == name).order_by(KeyRecord.generation)))


def _add(session: Session, master: MasterKey, *, name: str, purpose: str, algorithm: str, generation: int,
         actor: str) -> KeyRecord:
    key_id = f"{name}.{generation}"
    material = secrets.token_bytes(ALGORITHMS[purpose][algorithm])
    record = KeyRecord(id=key_id, name=name, purpose=purpose, algorithm=algorithm, generation=generation,
                       status="active", wrapped=master.wrap(key_id, material), master=master.fingerprint,
                       created_at=utcnow(), created_by=actor)
    session.add(record)
    session.flush()
    return record


def create(session: Session, master: MasterKey, *, name: str, purpose: str, algorithm: str | None = None,
           actor: str) -> KeyInfo:
    """Make a new key ``name`` (generation 1) with fresh random material; audited."""
    algorithm = _check(name, purpose, algorithm)
    if _records(session, name):
        raise ConfigError(f"密钥 {name} 已存在：要换新密钥请用 rotate", f"key {name} exists: use rotate for a new generation")
    record = _add(session, master, name=name, purpose=purpose, algorithm=algorithm, generation=1, actor=actor)
    audit.record(session, actor=actor, action="key.create", target=record.id,
                 details={"purpose": purpose, "algorithm": algorithm})
    return _info(record)


def ensure(session: Session, master: MasterKey, *, name: str, purpose: str, algorithm: str | None = None,
           actor: str) -> KeyInfo:
    """The active generation of ``name``, created first if there is no such key (for defaults)."""
    records = _records(session, name)
    if not records:
        return create(session, master, name=name, purpose=purpose, algorithm=algorithm, actor=actor)
    current = records[-1]
    if current.purpose != purpose:
        raise ConfigError(f"密钥 {name} 的用途是 {current.purpose}，不能用于 {purpose}",
                          f"key {name} is for {current.purpose}, not {purpose}")
    return _info(current)


def rotate(session: Session, master: MasterKey, name: str, *, actor: str) -> KeyInfo:
    """A new active generation of ``name``; the previous one is retired but kept for reversal; audited."""
    records = _records(session, name)
    if not records:
        raise _unknown(name)
    current = records[-1]
    _unwrap(master, current)  # refuse to rotate under the wrong master key
    current.status, current.retired_at = "retired", utcnow()
    record = _add(session, master, name=name, purpose=current.purpose, algorithm=current.algorithm,
                  generation=current.generation + 1, actor=actor)
    audit.record(session, actor=actor, action="key.rotate", target=record.id, details={"retired": current.id})
    return _info(record)


def list_keys(session: Session) -> list[KeyInfo]:
    return [_info(r) for r in session.scalars(sa.select(KeyRecord).order_by(KeyRecord.name, KeyRecord.generation))]


def active(session: Session, master: MasterKey, name: str) -> Key:
    """The active generation of ``name``, unwrapped."""
    records = _records(session, name)
    if not records:
        raise _unknown(name)
    return _key(master, records[-1])


def by_id(session: Session, master: MasterKey, key_id: str) -> Key:
    """A generation by its id (``name.generation``), active or retired: for reversal."""
    record = session.get(KeyRecord, key_id)
    if record is None:
        raise _unknown(key_id)
    return _key(master, record)


def _key(master: MasterKey, record: KeyRecord) -> Key:
    return Key(record.id, record.name, record.purpose, record.algorithm, _unwrap(master, record))


def _unwrap(master: MasterKey, record: KeyRecord) -> bytes:
    if record.master != master.fingerprint:
        raise ConfigError(
            f"主密钥不对：密钥 {record.id} 由指纹为 {record.master} 的主密钥保护，当前主密钥指纹为 {master.fingerprint}",
            f"wrong master key: key {record.id} is wrapped by master {record.master}, this one is {master.fingerprint}",
        )
    try:
        return master.unwrap(record.id, record.wrapped)
    except (ShuzhiError, binascii.Error, ValueError):
        pass
    raise ConfigError(f"密钥 {record.id} 已损坏或被篡改，无法解开", f"key {record.id} is damaged or was altered")


def _unknown(name: str) -> NotFoundError:
    return NotFoundError(f"没有密钥 {name}：可用 shuzhi key create 创建", f"no key {name}: create it with shuzhi key create")
