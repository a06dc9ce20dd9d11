"""Reversal (unmask): tokens, FPE and encrypted columns of a masked version back to the original values.

Only the reversible transforms can be undone, only with the keys the lineage names (retired
generations included), and only under the master key. Every reversal is audited with its reason;
the result is a new version of another dataset, so the masked version stays as it was.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

import ibis
import ibis.expr.types as ir

from shuzhi.catalog.derive import derive, derived_meta
from shuzhi.catalog.ingest import IngestResult
from shuzhi.catalog.queries import lineage_of, read_dataset, show_dataset
from shuzhi.errors import ConfigError
from shuzhi.masking.keyed import FpeParams, fpe_batch, vectorized
from shuzhi.masking.transforms import REGISTRY
from shuzhi.security import audit, crypto, keyring
from shuzhi.workspace import Workspace

#: the transforms registered as reversible (tokenize, fpe, encrypt)
REVERSIBLE = tuple(name for name, m in REGISTRY.items() if m.reversible)


def _reverse(engine: str, col: ir.StringValue, used: dict[str, Any], keys: list[keyring.Key], column: str) -> ir.Value:
    transform = used["transform"]
    options = used.get("options") or {}
    if transform == "tokenize":
        by_generation = {k.id.rsplit(".", 1)[1]: k for k in keys}
        tweak = str(options.get("context", "")).encode()
        out: ir.Value = ibis.null("string")
        # a token names its key generation: tk<generation>_<base64>
        for generation, key in by_generation.items():
            prefix = f"tk{generation}_"
            material, alg = key.material, key.algorithm
            udf = vectorized(engine, lambda a, m=material, g=alg: crypto.siv_decrypt_batch(m, a, tweak=tweak, alg=g), "string",
                             "untokenize")
            out = ibis.ifelse(col.startswith(prefix), udf(col.substr(len(prefix))), out)
        return out
    if transform == "fpe":
        key = keys[0]
        batch = fpe_batch(key.material, key.algorithm.removeprefix("ff1-"), FpeParams(**options), decrypt=True,
                          id_card=used.get("format") == "id_card")
        return vectorized(engine, batch, "string", "unfpe")(col)
    if transform == "encrypt":
        kek = keys[0]
        aad = column.encode()
        dek = crypto.open_sealed(kek.material, base64.b64decode(used["data_key"]), aad=aad, alg=kek.algorithm)
        return vectorized(engine, lambda a: crypto.open_batch(dek, a, aad=aad, alg=kek.algorithm), "string", "decrypt")(col)
    raise ConfigError(f"列 {column} 用 {transform} 处理，不可还原", f"column {column} was masked with {transform}, which cannot be reversed")


def unmask_dataset(ws: Workspace, code: str, *, columns: list[str], out: str, reason: str, actor: str) -> IngestResult:
    """Reverse ``columns`` of the latest version of the masked dataset ``code`` into dataset ``out``."""
    if not reason.strip():
        raise ConfigError("还原必须说明理由（--reason）", "unmasking needs a reason (--reason)")
    lineage = lineage_of(ws, code)
    if lineage is None or lineage["kind"] != "mask":
        raise ConfigError(f"资源 {code} 不是脱敏生成的版本，没有可还原的内容", f"dataset {code} is not a masked version: nothing to reverse")
    entry = show_dataset(ws, code)
    if entry["version"] != lineage["version"]:
        raise ConfigError(f"资源 {code} 的最新版本不是脱敏生成的", f"the latest version of {code} was not produced by masking")
    recorded = lineage["details"]["columns"]
    for c in columns:
        if c not in recorded:
            raise ConfigError(f"资源 {code} 没有列 {c}", f"dataset {code} has no column {c}")
        if recorded[c].get("transform") == "keep":
            raise ConfigError(f"列 {c} 没有脱敏（原样保留），无需还原", f"column {c} was kept as it was: there is nothing to reverse")
        if recorded[c].get("transform") not in REVERSIBLE:
            raise ConfigError(f"列 {c} 用 {recorded[c].get('transform')} 处理，不可还原（只有 {', '.join(REVERSIBLE)} 可还原）",
                              f"column {c} was masked with {recorded[c].get('transform')}: only {', '.join(REVERSIBLE)} can be reversed")
    master = keyring.MasterKey.from_settings(ws.settings)
    with ws.store.session() as s:
        keys = {c: [keyring.by_id(s, master, k) for k in recorded[c].get("keys", [])] for c in columns}
    table = read_dataset(ws, code, typed=False)
    exprs = [(_reverse(ws.engine.name, table[n], recorded[n], keys[n], n).name(n) if n in columns else table[n]) for n in table.columns]
    digest = hashlib.sha256(json.dumps({"unmask": [code, entry["version"]], "columns": sorted(columns)}).encode()).hexdigest()
    meta = derived_meta(entry, code=out, title=f"{entry.get('title') or code}（还原）",
                        summary=f"由 {code} v{entry['version']} 还原列 {', '.join(columns)} (unmasked)")

    def record(s: Any, version: int) -> None:
        audit.record(s, actor=actor, action="unmask", target=f"{out}@v{version}",
                     details={"source": f"{code}@v{entry['version']}", "columns": columns, "reason": reason,
                              "keys": sorted({k.id for ks in keys.values() for k in ks})})

    return derive(ws, table.select(*exprs), meta=meta, source=(code, entry["version"]), kind="unmask", recipe_digest=digest,
                  details={"columns": columns, "reason": reason}, actor=actor, audit=record)
