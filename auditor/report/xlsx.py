"""`--format xlsx`: a workbook for supervisors, written with openpyxl directly.

Sheets: findings (one row per finding, the columns of report/table.py), waived
findings apart, documents (one row per document, unreadable ones with the reason),
then the claims; `auditor extract` gives documents and quantities instead (every
figure of a batch is too many cells for a review workbook). Headers and sheet names are Chinese unless `--lang en`.
Claimed and recomputed figures are stored as numbers (exact: openpyxl writes a
Decimal's own digits), line and column as integers. Every sheet has a frozen bold
header, an autofilter and columns as wide as their text, counting a CJK character
as two. Cells are always data: text that starts with `=` is stored as text, never
as a formula.
"""
from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from auditor.model import Report
from auditor.report.common import Lines, fmt_number
from auditor.report.table import (
    DOCUMENT_COLUMNS,
    FINDING_COLUMNS,
    display_width,
    document_rows,
    finding_rows,
    headers,
    severity_label,
    split_waived,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SHEETS = {
    "zh": {"findings": "问题", "waived": "已豁免", "documents": "文档", "claims": "表述", "quantities": "数量"},
    "en": {"findings": "Findings", "waived": "Waived", "documents": "Documents", "claims": "Claims",
           "quantities": "Quantities"},
}
CLAIM_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("document", "文档", "document"), ("line", "行", "line"), ("column", "列", "column"), ("kind", "类型", "kind"),
    ("text", "原文", "text"), ("claimed", "所述值", "claimed"), ("unit", "单位", "unit"),
    ("expression", "算式", "expression"), ("recomputed", "重算值", "recomputed"), ("status", "结论", "status"),
    ("operands", "运算数", "operands"), ("link", "关联依据", "link"),
)
QUANTITY_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("document", "文档", "document"), ("line", "行", "line"), ("column", "列", "column"), ("start", "起", "start"),
    ("end", "止", "end"), ("text", "原文", "text"), ("value", "数值", "value"), ("high", "上限", "high"),
    ("unit", "单位", "unit"), ("kind", "类型", "kind"), ("approx", "修饰词", "qualifier"),
    ("decimals", "小数位", "decimals"), ("subject", "指标", "subject"), ("role", "角色", "role"),
    ("period", "时期", "period"),
)
#: columns whose long text wraps rather than widening the sheet
WRAPPED = frozenset({"sentence", "message", "text", "arithmetic", "unreadable", "waiver_reason"})
MAX_WIDTH, MIN_WIDTH, WIDTH_SAMPLE = 60, 6, 500
# what openpyxl refuses in a cell (control characters other than tab, newline, return)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(v: Any) -> Any:
    return _ILLEGAL.sub("\ufffd", v) if isinstance(v, str) else v


def _exact(s: str | None) -> Any:
    from auditor.report.table import exact

    d = exact(s)
    return d if d is not None else s


def _sheet(ws: Worksheet, columns: tuple[tuple[str, str, str], ...], rows: list[list[Any]], lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    ws.append(headers(columns, lang))
    for row in rows:
        ws.append([_clean(v) for v in row])
    for row_cells in ws.iter_rows(min_row=2):
        for cell in row_cells:
            if cell.data_type == "f":  # text that merely looks like a formula
                cell.data_type = "s"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="F2F2F2")
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
    ws.freeze_panes = "A2"
    if ws.max_row >= 1 and ws.max_column >= 1:
        ws.auto_filter.ref = ws.dimensions
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, col_cells in enumerate(ws.iter_cols(max_row=min(ws.max_row, WIDTH_SAMPLE))):
        widest = max((display_width(str(c.value)) for c in col_cells if c.value is not None), default=MIN_WIDTH)
        ws.column_dimensions[col_cells[0].column_letter].width = min(max(widest + 2, MIN_WIDTH), MAX_WIDTH)
        if i < len(columns) and columns[i][0] in WRAPPED and widest + 2 > MAX_WIDTH:
            for cell in col_cells[1:]:
                cell.alignment = wrap


def _finding_sheet_rows(report: Report, lang: str) -> tuple[list[list[Any]], list[list[Any]]]:
    keys = [k for k, _, _ in FINDING_COLUMNS]
    active, waived = split_waived(list(finding_rows(report, lang)))

    def values(cells: dict[str, object]) -> list[Any]:
        cells = dict(cells, severity=severity_label(str(cells["severity"]), lang))
        return [None if cells[k] == "" else cells[k] for k in keys]

    return [values(r.cells) for r in active], [values(r.cells) for r in waived]


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> bytes:
    from openpyxl import Workbook

    names = SHEETS["en" if lang == "en" else "zh"]
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    check = report.mode != "extract"
    if check:
        active, waived = _finding_sheet_rows(report, lang)
        _sheet(wb.create_sheet(names["findings"]), FINDING_COLUMNS, active, lang)
        _sheet(wb.create_sheet(names["waived"]), FINDING_COLUMNS, waived, lang)
    doc_keys = [k for k, _, _ in DOCUMENT_COLUMNS]
    _sheet(wb.create_sheet(names["documents"]), DOCUMENT_COLUMNS,
           [[None if r[k] == "" else r[k] for k in doc_keys] for r in document_rows(report)], lang)
    claims: list[list[Any]] = []
    quantities: list[list[Any]] = []
    for d in report.documents:
        lines = Lines(d.text)
        if check:
            claims.extend([d.path, *lines.line_col(c.start), c.kind, c.text, _exact(c.claimed), c.unit, c.expression,
                           _exact(c.recomputed), c.status, " | ".join(o.text for o in c.operands),
                           c.detail.get("link")] for c in sorted(d.claims, key=lambda c: c.start))
        else:
            quantities.extend([d.path, *lines.line_col(q.start), q.start, q.end, q.text, _exact(fmt_number(q.value)),
                               _exact(fmt_number(q.high)) if q.high is not None else None, q.unit, q.kind,
                               q.approx, q.decimals, q.frame.subject if q.frame else None,
                               q.frame.role if q.frame else None, q.frame.period if q.frame else None]
                              for q in d.quantities)
    if check:
        _sheet(wb.create_sheet(names["claims"]), CLAIM_COLUMNS, claims, lang)
    else:
        _sheet(wb.create_sheet(names["quantities"]), QUANTITY_COLUMNS, quantities, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
