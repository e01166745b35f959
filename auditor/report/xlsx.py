"""`--format xlsx`: a workbook with sheets Findings, Claims, Quantities and Documents.

Values stay exact strings as in JSON. Cells are always data: text from a
document that starts with `=` is stored as text, never as a formula.
"""
from __future__ import annotations

import io
import re
from typing import Any

from auditor.model import Report
from auditor.report.common import Lines, fmt_number, iter_findings, message_for
from auditor.report.csv import FINDING_COLUMNS

CLAIM_COLUMNS = ("path", "line", "column", "kind", "text", "claimed", "unit", "expression", "recomputed",
                 "status", "operands", "link")
QUANTITY_COLUMNS = ("path", "line", "column", "start", "end", "text", "value", "high", "unit", "kind",
                    "approx", "decimals", "subject", "role", "period")
DOCUMENT_COLUMNS = ("path", "sha256", "chars", "error", "message")
# what openpyxl refuses in a cell (control characters other than tab, newline, return)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(v: Any) -> Any:
    return _ILLEGAL.sub("\ufffd", v) if isinstance(v, str) else v


def _rows(report: Report, lang: str) -> dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]]:
    findings: list[tuple[Any, ...]] = []
    claims: list[tuple[Any, ...]] = []
    quantities: list[tuple[Any, ...]] = []
    documents: list[tuple[Any, ...]] = []
    check = report.mode != "extract"
    if check:
        findings = [(d.path, line, col, f.code, f.severity.value, f.text, f.claimed, f.recomputed,
                     f.expression, message_for(f, lang)) for d, f, line, col in iter_findings(report)]
    for d in report.documents:
        lines = Lines(d.text)
        documents.append((d.path, d.sha256, d.chars, d.error.code if d.error else None,
                          d.error.message if d.error else None))
        if check:
            claims.extend((d.path, *lines.line_col(c.start), c.kind, c.text, c.claimed, c.unit, c.expression,
                           c.recomputed, c.status, " | ".join(o.text for o in c.operands), c.detail.get("link"))
                          for c in sorted(d.claims, key=lambda c: c.start))
        quantities.extend((d.path, *lines.line_col(q.start), q.start, q.end, q.text, fmt_number(q.value),
                           fmt_number(q.high) if q.high is not None else None, q.unit, q.kind, q.approx,
                           q.decimals, q.frame.subject if q.frame else None, q.frame.role if q.frame else None,
                           q.frame.period if q.frame else None) for q in d.quantities)
    return {
        "Findings": (FINDING_COLUMNS, findings),
        "Claims": (CLAIM_COLUMNS, claims),
        "Quantities": (QUANTITY_COLUMNS, quantities),
        "Documents": (DOCUMENT_COLUMNS, documents),
    }


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> bytes:
    import pandas as pd

    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for sheet, (columns, rows) in _rows(report, lang).items():
            frame = pd.DataFrame([[_clean(v) for v in r] for r in rows], columns=list(columns), dtype=object)
            frame.to_excel(writer, sheet_name=sheet, index=False)
            ws = writer.sheets[sheet]
            for row in ws.iter_rows(min_row=2):
                for cell in row:
                    if cell.data_type == "f":  # text that merely looks like a formula
                        cell.data_type = "s"
            ws.freeze_panes = "A2"
            for col_cells in ws.iter_cols(max_row=min(ws.max_row, 200)):
                longest = max((len(str(c.value)) for c in col_cells if c.value is not None), default=8)
                ws.column_dimensions[col_cells[0].column_letter].width = min(max(longest + 2, 8), 60)
    return buf.getvalue()
