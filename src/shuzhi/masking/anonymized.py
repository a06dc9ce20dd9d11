"""Anonymized versions: a catalog dataset through :func:`shuzhi.masking.anonymize.anonymize` into a new
version of another dataset, with its lineage (quasi-identifiers, hierarchies, the chosen levels, the
privacy model, suppression and information loss) and an audit event in one transaction.

Hierarchies come from a YAML file (``column: {kind: …, …}``, see :mod:`shuzhi.masking.hierarchy`),
else from each column's discovered entity types and name (:func:`~shuzhi.masking.hierarchy.default_hierarchy`);
a quasi-identifier without either is an error that says how to give one.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from shuzhi.catalog.derive import derive, derived_meta
from shuzhi.catalog.ingest import IngestResult
from shuzhi.catalog.queries import read_dataset, show_dataset
from shuzhi.errors import ConfigError
from shuzhi.grading.review import labels
from shuzhi.masking.anonymize import Anonymization, anonymize
from shuzhi.masking.deid import roles
from shuzhi.masking.hierarchy import Hierarchy, default_hierarchy, hierarchy_from_spec
from shuzhi.security import audit
from shuzhi.workspace import Workspace


def load_hierarchies(path: Path) -> dict[str, dict[str, Any]]:
    """``column: spec`` from a YAML file, each spec checked."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"无法读取泛化层次文件 {path}：{type(err).__name__}", f"cannot read hierarchy file {path}: {type(err).__name__}") from err
    except yaml.YAMLError:
        raise ConfigError(f"泛化层次文件 {path} 不是合法的 YAML", f"hierarchy file {path} is not valid YAML") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ConfigError(f"泛化层次文件 {path} 应是 列名: {{kind: …}} 的映射", f"hierarchy file {path} must map column → {{kind: …}}")
    for column, spec in data.items():
        try:
            hierarchy_from_spec(spec)
        except ConfigError as err:
            raise ConfigError(f"{path}，列 {column}：{err.zh}", f"{path}, column {column}: {err.en}") from None
    return {str(k): v for k, v in data.items()}


def _hierarchies(ws: Workspace, code: str, qi: list[str], given: dict[str, dict[str, Any]],
                 titles: dict[str, str]) -> tuple[dict[str, Hierarchy], dict[str, Any]]:
    try:
        entities = {lab.column: [e["type"] for e in lab.entities] for lab in labels(ws, code)}
    except ConfigError:
        entities = {}  # not graded: names and the given file decide
    found: dict[str, Hierarchy] = {}
    specs: dict[str, Any] = {}
    for column in qi:
        if column in given:
            found[column], specs[column] = hierarchy_from_spec(given[column]), given[column]
            continue
        h = default_hierarchy(column, entities.get(column, []))
        if h is None and titles.get(column):  # the catalog's 中文名称 (行政区划代码, 邮政编码 …)
            h = default_hierarchy(titles[column], entities.get(column, []))
        if h is None:
            raise ConfigError(f"准标识符 {column} 没有默认的泛化层次：请在 --hierarchies 文件中给出（如 {column}: {{kind: mask, length: 6}}）",
                              f"quasi-identifier {column} has no default hierarchy: give one in --hierarchies (e.g. {column}: {{kind: mask, length: 6}})")
        found[column], specs[column] = h, {"kind": h.kind, "default": True}
    return found, specs


def anonymize_dataset(ws: Workspace, code: str, *, qi: list[str], k: int, out: str | None = None, l: float | None = None,
                      l_kind: str = "distinct", t: float | None = None, sensitive: str | None = None,
                      suppress_limit: float = 0.05, hierarchies: Path | None = None, actor: str,
                      keep_direct: bool = False, dry_run: bool = False) -> tuple[Anonymization, IngestResult | None]:
    """Anonymize the latest version of ``code`` into dataset ``out`` (default ``<code>_anon``); with
    ``dry_run`` only search (the result's table is not written).

    Direct identifiers that grading found (GB/T 37964: 身份证, 姓名, 手机 …) are left out of the output,
    as ARX removes identifying attributes, unless ``keep_direct`` (e.g. when they were masked first)."""
    entry = show_dataset(ws, code)
    columns = [c["name"] for c in entry["items"]]
    unknown = sorted(set(qi) - set(columns))
    if unknown:
        raise ConfigError(f"资源 {code} 没有列 {unknown}", f"dataset {code} has no columns {unknown}")
    given = load_hierarchies(hierarchies) if hierarchies else {}
    titles = {c["name"]: c.get("title") or "" for c in entry["items"]}
    found, specs = _hierarchies(ws, code, qi, given, titles)
    result = anonymize(ws.engine, read_dataset(ws, code, entry["version"], typed=False), qi, found, k=k, l=l,
                       l_kind=l_kind, t=t, sensitive=sensitive, suppress_limit=suppress_limit)  # type: ignore[arg-type]
    if dry_run:
        return result, None
    try:
        found_roles = roles(ws, code)
    except ConfigError:
        found_roles = {}
    removed = [] if keep_direct else [c for c in columns if found_roles.get(c, {}).get("role") == "direct" and c not in qi]
    out = out or f"{code}_anon"
    summary = {**result.to_dict(), "hierarchies": specs, "removed": removed}
    digest = hashlib.sha256(json.dumps({"source": [code, entry["version"]], **summary}, sort_keys=True, default=str).encode()).hexdigest()
    meta = derived_meta(entry, code=out, title=f"{entry.get('title') or code}（匿名化）",
                        summary=f"由 {code} v{entry['version']} 匿名化生成：k={k}" + (f"，l={l}" if l else "")
                        + (f"，t={t}" if t else "") + " (anonymized)")

    def record(s: Any, version: int) -> None:
        audit.record(s, actor=actor, action="anonymize", target=f"{out}@v{version}",
                     details={"source": f"{code}@v{entry['version']}", "qi": qi, "model": result.model,
                              "levels": result.level_names, "suppressed": result.suppressed, "removed": removed})

    table = result.table.drop(*removed) if removed else result.table
    written = derive(ws, table, meta=meta, source=(code, entry["version"]), kind="anonymize", recipe_digest=digest,
                     details=json.loads(json.dumps(summary, default=str)), actor=actor, audit=record)
    return result, written
