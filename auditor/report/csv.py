"""`--format csv`: a row per finding (per quantity in extract mode), for spreadsheets.

Documents that could not be read have no rows; the CLI reports them on stderr.
"""
from __future__ import annotations

import csv
import io

from auditor.model import Report
from auditor.report.common import fmt_number, iter_findings, message_for

FINDING_COLUMNS = ("path", "line", "column", "code", "severity", "text", "claimed", "recomputed",
                   "expression", "message")
QUANTITY_COLUMNS = ("path", "start", "end", "text", "value", "unit", "kind", "approx", "decimals", "subject", "role",
                    "period")


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if report.mode == "extract":
        w.writerow(QUANTITY_COLUMNS)
        for doc in report.documents:
            for q in doc.quantities:
                fr = q.frame
                w.writerow((doc.path, q.start, q.end, q.text, fmt_number(q.value), q.unit, q.kind,
                            q.approx or "", q.decimals, fr.subject if fr else "", fr.role if fr else "",
                            fr.period if fr else ""))
    else:
        w.writerow(FINDING_COLUMNS)
        for doc, f, line, col in iter_findings(report):
            w.writerow((doc.path, line, col, f.code, f.severity.value, f.text, f.claimed or "",
                        f.recomputed or "", f.expression or "", message_for(f, lang)))
    return buf.getvalue()
