"""`--format csv`: a row per finding (per quantity in extract mode), for spreadsheets.

The columns are those of the xlsx Findings sheet (report/table.py), headed in
Chinese unless `--lang en`; claimed and recomputed are plain decimal numbers so a
spreadsheet reads them as numbers. Waived findings come after the others, with who
waived them, why and when. A document that could not be read gets a row of its own
naming the reason. `--output FILE` writes UTF-8 with a BOM (cli.py), which Excel
needs to read the Chinese.
"""
from __future__ import annotations

import csv
import io

from auditor.model import Report
from auditor.report.common import fmt_number
from auditor.report.table import (
    FINDING_COLUMNS,
    UNREADABLE_COLUMN,
    finding_rows,
    headers,
    severity_label,
    split_waived,
)

#: extract mode's columns: (key, Chinese header, English header)
QUANTITY_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("path", "文档", "path"), ("start", "起", "start"), ("end", "止", "end"), ("text", "原文", "text"),
    ("value", "数值", "value"), ("unit", "单位", "unit"), ("kind", "类型", "kind"), ("approx", "修饰词", "approx"),
    ("decimals", "小数位", "decimals"), ("subject", "指标", "subject"), ("role", "角色", "role"),
    ("period", "时期", "period"),
)


YES = {"zh": "是", "en": "yes"}


def _cell(value: object, lang: str) -> object:
    if value is None or value is False:
        return ""
    if value is True:
        return YES["en" if lang == "en" else "zh"]
    if not isinstance(value, str | int):
        return fmt_number(value)  # type: ignore[arg-type]  # a Decimal: plain digits, no exponent
    return value


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # RFC 4180; a bare CR inside a field is quoted too
    if report.mode == "extract":
        w.writerow(headers((*QUANTITY_COLUMNS, UNREADABLE_COLUMN), lang))
        for doc in report.documents:
            if doc.error is not None:
                w.writerow([doc.path] + [""] * (len(QUANTITY_COLUMNS) - 1) + [doc.error.message])
            for q in doc.quantities:
                fr = q.frame
                w.writerow((doc.path, q.start, q.end, q.text, fmt_number(q.value), q.unit, q.kind,
                            q.approx or "", q.decimals, fr.subject if fr else "", fr.role if fr else "",
                            fr.period if fr else "", ""))
        return buf.getvalue()
    keys = [k for k, _, _ in FINDING_COLUMNS]
    w.writerow(headers((*FINDING_COLUMNS, UNREADABLE_COLUMN), lang))
    active, waived = split_waived(list(finding_rows(report, lang)))
    for row in (*active, *waived):
        cells = dict(row.cells, severity=severity_label(str(row.cells["severity"]), lang))
        w.writerow([_cell(cells[k], lang) for k in keys] + [""])
    for doc in report.documents:
        if doc.error is not None:
            w.writerow([doc.path] + [""] * (len(keys) - 1) + [doc.error.message])
    return buf.getvalue()
