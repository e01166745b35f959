"""pandas tables of a Report, for notebooks: findings, claims and documents.

`Report.findings_frame()` and its siblings call these. pandas is imported here,
when a frame is asked for, never by the CLI. Exact values stay exact: claimed and
recomputed figures are `Decimal` (object columns; None where the text gives no
plain number), never float; line, column and counts are integers.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.model import Report
from auditor.report.common import Lines
from auditor.report.table import DOCUMENT_COLUMNS, FINDING_COLUMNS, document_rows, exact, finding_rows

if TYPE_CHECKING:
    from pandas import DataFrame

FINDING_KEYS = tuple(k for k, _, _ in FINDING_COLUMNS)
CLAIM_KEYS = ("document", "line", "column", "kind", "text", "claimed", "unit", "expression", "recomputed", "status",
              "code", "operands", "link")
DOCUMENT_KEYS = tuple(k for k, _, _ in DOCUMENT_COLUMNS)
_INTS = ("line", "column", "chars", "errors", "warnings", "infos", "waived", "claims", "recomputed", "consistent")


def _frame(rows: list[dict[str, object]], columns: tuple[str, ...]) -> DataFrame:
    import pandas as pd

    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    frame = frame.astype(object)  # keep Decimal and str as they are: no float, no inferred dtypes
    if frame.empty:
        return frame
    for key in frame.columns:
        values = frame[key]
        if values.map(lambda v: isinstance(v, bool)).all():
            frame[key] = values.astype(bool)
        elif key in _INTS and values.map(lambda v: isinstance(v, int)).all():
            frame[key] = values.astype("int64")
    return frame


def findings_frame(report: Report, lang: str = "zh") -> DataFrame:
    """One row per finding (waived ones included, `waived` True), in document order."""
    return _frame([r.cells for r in finding_rows(report, lang)], FINDING_KEYS)


def claims_frame(report: Report) -> DataFrame:
    """One row per claim the text makes, with its verdict and the operands it was recomputed from."""
    rows: list[dict[str, object]] = []
    for doc in report.documents:
        lines = Lines(doc.text)
        for c in sorted(doc.claims, key=lambda c: (c.start, c.end)):
            line, col = lines.line_col(c.start)
            rows.append({
                "document": doc.path, "line": line, "column": col, "kind": c.kind, "text": c.text,
                "claimed": exact(c.claimed), "unit": c.unit, "expression": c.expression or "",
                "recomputed": exact(c.recomputed), "status": c.status, "code": c.code or "",
                "operands": " | ".join(o.text for o in c.operands), "link": c.detail.get("link") or "",
            })
    return _frame(rows, CLAIM_KEYS)


def documents_frame(report: Report) -> DataFrame:
    """One row per document, unreadable ones included with the reason (`unreadable`)."""
    return _frame(document_rows(report), DOCUMENT_KEYS)
