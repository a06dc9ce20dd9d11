"""Exports: 分类分级清单 (xlsx and CSV, one row per column) and 重要数据目录 (xlsx, one row per candidate dataset).

Both read the reviewed labels (a steward's decision where there is one). Fields the catalog does not
hold (处理目的和方式, 跨境传输 …) are written as ``待填写`` for the data processor to complete: an
export never invents them. Files are written whole or not at all.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from shuzhi.atomic import replacing, write_text
from shuzhi.catalog.queries import show_dataset
from shuzhi.grading.engine import DEFAULT_TEMPLATE, category_path
from shuzhi.grading.review import labels, level_of, scanned_codes
from shuzhi.grading.templates import load_template
from shuzhi.workspace import Workspace

TO_FILL = "待填写"
STATUS_ZH = {"pending": "待复核", "accepted": "已确认", "overridden": "人工改定"}
INVENTORY = ["资源代码", "资源名称", "版本", "列名", "中文名称", "识别实体", "类别", "类别路径", "级别", "级别名称", "识别依据",
             "状态", "复核人", "复核时间", "理由", "模板"]
IMPORTANT = ["数据名称", "描述", "所属行业领域", "数据处理者", "统一社会信用代码", "数据来源", "类别", "级别", "规模（行数/人数）",
             "载体", "处理目的和方式", "使用范围", "对外共享", "跨境传输", "安全保护措施", "识别依据", "更新时间"]


def _codes(ws: Workspace, codes: list[str] | None, template: str) -> list[str]:
    """The datasets named (each must have been scanned), or every dataset scanned with ``template``."""
    return codes or scanned_codes(ws, template=template)


def inventory(ws: Workspace, codes: list[str] | None = None, *, template: str = DEFAULT_TEMPLATE) -> list[dict[str, Any]]:
    """分类分级清单: one row per column of the datasets named, or of every dataset scanned with ``template``."""
    t = load_template(template)
    rows = []
    for code in _codes(ws, codes, template):
        entry = show_dataset(ws, code)
        for lab in labels(ws, code, template=template):
            ents = "、".join(f"{e['type']}({e['ratio']:.0%})" if e.get("source") != "header" else f"{e['type']}(表头)" for e in lab.entities)
            rows.append({
                "资源代码": code, "资源名称": entry["title"], "版本": lab.version, "列名": lab.column, "中文名称": lab.title or "",
                "识别实体": ents, "类别": lab.category, "类别路径": category_path(t, lab.category), "级别": lab.level, "级别名称": t.level(lab.level).name,
                "识别依据": "；".join(lab.evidence), "状态": STATUS_ZH[lab.status],
                "复核人": lab.reviewer or "", "复核时间": lab.decided_at or "", "理由": lab.reason or "", "模板": f"{t.template} {t.version}",
            })
    return rows


def important_catalog(ws: Workspace, codes: list[str] | None = None, *, template: str = DEFAULT_TEMPLATE) -> list[dict[str, Any]]:
    """重要数据目录: datasets whose reviewed level reaches the template's important-data level (candidates)."""
    t = load_template(template)
    if t.important_data is None:
        return []
    rows = []
    for code in _codes(ws, codes, template):
        lv = level_of(ws, code, template=template)
        if lv["rank"] < t.rank(t.important_data.min_level):
            continue
        entry = show_dataset(ws, code)
        cols = [lab for lab in labels(ws, code, template=template) if lab.entities]
        top = max(cols, key=lambda lab: t.rank(lab.level), default=None)
        version = next(v for v in entry["versions"] if v["version"] == entry["shown_version"])
        basis = [f"{r['rule']}: {r['why']}" for r in lv["raises"]] + [f"{t.important_data.why}"]
        rows.append({
            "数据名称": entry["title"], "描述": entry.get("summary") or TO_FILL, "所属行业领域": entry.get("domain") or entry.get("base_library") or entry.get("category") or TO_FILL,
            "数据处理者": entry.get("provider") or TO_FILL, "统一社会信用代码": entry.get("provider_code") or TO_FILL,
            "数据来源": version.get("source") or TO_FILL, "类别": category_path(t, top.category if top else t.unclassified),
            "级别": f"{lv['level']} {lv['level_name']}", "规模（行数/人数）": version.get("rows"), "载体": "电子数据（Parquet 文件）",
            "处理目的和方式": TO_FILL, "使用范围": TO_FILL, "对外共享": entry["share"]["type"], "跨境传输": TO_FILL,
            "安全保护措施": TO_FILL, "识别依据": "；".join(basis), "更新时间": entry["updated_at"],
        })
    return rows


def write_csv(rows: list[dict[str, Any]], columns: list[str], path: Path) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text(path, "\ufeff" + buf.getvalue())  # BOM: Excel opens UTF-8 CSV with Chinese correctly


def write_xlsx(rows: list[dict[str, Any]], columns: list[str], path: Path, *, sheet: str) -> None:
    with replacing(path, errors=(FileCreateError,)) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                            "strings_to_urls": False})
        ws = wb.add_worksheet(sheet)
        head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
        for j, name in enumerate(columns):
            ws.write_string(0, j, name, head)
            ws.set_column(j, j, 14 if name not in ("识别依据", "识别实体", "类别路径") else 40)
        for i, row in enumerate(rows, start=1):
            for j, name in enumerate(columns):
                value = row.get(name)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    ws.write_number(i, j, value)
                else:
                    ws.write_string(i, j, "" if value is None else str(value))
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
        wb.close()


def export(ws: Workspace, out_dir: Path, codes: list[str] | None = None, *, template: str = DEFAULT_TEMPLATE) -> dict[str, Any]:
    """Write 分类分级清单.xlsx / .csv and 重要数据目录.xlsx into ``out_dir``; returns the paths and row counts."""
    inv = inventory(ws, codes, template=template)
    imp = important_catalog(ws, codes, template=template)
    files = {"inventory_xlsx": out_dir / "分类分级清单.xlsx", "inventory_csv": out_dir / "分类分级清单.csv",
             "important_xlsx": out_dir / "重要数据目录.xlsx"}
    write_xlsx(inv, INVENTORY, files["inventory_xlsx"], sheet="分类分级清单")
    write_csv(inv, INVENTORY, files["inventory_csv"])
    write_xlsx(imp, IMPORTANT, files["important_xlsx"], sheet="重要数据目录")
    return {"files": {k: str(v) for k, v in files.items()}, "columns": len(inv), "important": len(imp), "template": template}
