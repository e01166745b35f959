"""`--format jsonl`: one JSON object per line, for grep, jq and streaming.

A line per finding (per quantity in extract mode), each with its document's
path; a document that could not be read gets one line with `error`.
"""
from __future__ import annotations

import json

from auditor.model import Report
from auditor.report.common import Lines, finding_position, quantity_dict, sorted_findings
from auditor.report.json import finding_dict


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> str:
    out: list[str] = []
    for doc in report.documents:
        rows: list[dict[str, object]] = []
        if doc.error is not None:
            rows.append({"path": doc.path, "error": {"code": doc.error.code, "message": doc.error.message}})
        elif report.mode == "extract":
            rows.extend({"path": doc.path, **quantity_dict(q)} for q in doc.quantities)
        else:
            lines = Lines(doc.text)
            rows.extend({"path": doc.path, **finding_dict(f, *finding_position(f, lines), lang)}
                        for f in sorted_findings(doc))
        out.extend(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return "".join(out)
