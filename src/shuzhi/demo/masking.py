"""The demo's masking step: a share (共享) and an open (开放) version of every graded demo dataset.

Keyed transforms need a master key. An operator sets ``SHUZHI_MASTER_KEY(_FILE)``; when the demo
runs without one it makes a throw-away key file in the demo workspace (owner-only), says so,
and uses it — a convenience of the demo only: real master keys live outside the workspace.
"""

from __future__ import annotations

import getpass
import os
from typing import Any

from shuzhi.errors import ConfigError
from shuzhi.masking.policy import DENY, KEEP
from shuzhi.masking.static import mask_dataset
from shuzhi.security.keyring import new_master_key
from shuzhi.workspace import Workspace

AUDIENCES = ("share", "open")


def ensure_demo_master_key(ws: Workspace) -> str | None:
    """The demo key file made for this workspace, or None when the operator configured a master key."""
    if ws.settings.master_key is not None or ws.settings.master_key_file is not None:
        return None
    path = ws.home / "demo-master.key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(new_master_key() + "\n")
    ws.settings = ws.settings.model_copy(update={"master_key_file": path})
    return str(path)


def mask_demo(ws: Workspace, codes: list[str]) -> dict[str, Any]:
    """Mask each dataset for each audience with the default policies; a refusal is reported, not raised."""
    key_file = ensure_demo_master_key(ws)
    versions = []
    for code in codes:
        for audience in AUDIENCES:
            try:
                p = mask_dataset(ws, code, audience=audience, actor=getpass.getuser())
            except ConfigError as err:
                versions.append({"dataset": code, "audience": audience, "refused": err.to_dict()})
                continue
            actions = [c.decision.action for c in p.columns]
            assert p.result is not None
            versions.append({"dataset": code, "audience": audience, "out": p.out, "version": p.result.version,
                             "rows": p.result.rows, "kept": actions.count(KEEP), "denied": actions.count(DENY),
                             "transformed": {c.column: c.decision.action for c in p.columns if c.decision.action not in (KEEP, DENY)}})
    return {"demo_master_key_file": key_file, "versions": versions}
