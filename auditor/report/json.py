"""`--format json`: the `auditor/v1` document list of SPEC.md, exactly.

Numbers are exact decimal strings, never floats, so a consumer can redo the
arithmetic at the precision the report states.
"""
from __future__ import annotations

import json
from typing import Any

from auditor.model import Claim, DocumentResult, Finding, Report
from auditor.report.common import Lines, finding_position, message_for, quantity_dict, sorted_findings

SCHEMA = "auditor/v1"


def claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "kind": c.kind, "start": c.start, "end": c.end, "text": c.text,
        "claimed": c.claimed, "unit": c.unit,
        "operands": [{"start": o.start, "end": o.end, "text": o.text} for o in c.operands],
        "expression": c.expression, "recomputed": c.recomputed, "status": c.status,
        "link": c.detail.get("link"),
    }


def finding_dict(f: Finding, line: int, column: int, lang: str) -> dict[str, Any]:
    return {
        "code": f.code, "severity": f.severity.value, "start": f.start, "end": f.end,
        "line": line, "column": column, "text": f.text, "message": message_for(f, lang),
        "claimed": f.claimed, "recomputed": f.recomputed, "expression": f.expression,
        "fingerprint": f.fingerprint,
        "waiver": None if f.waiver is None else {"who": f.waiver.who, "why": f.waiver.why, "date": f.waiver.date},
    }


def document_dict(doc: DocumentResult, mode: str, lang: str) -> dict[str, Any]:
    lines = Lines(doc.text)
    check = mode != "extract"
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "chars": doc.chars,
        "error": None if doc.error is None else {"code": doc.error.code, "message": doc.error.message},
        "quantities": [quantity_dict(q) for q in doc.quantities],
        "claims": [claim_dict(c) for c in doc.claims] if check else [],
        "findings": [finding_dict(f, *finding_position(f, lines), lang) for f in sorted_findings(doc)]
        if check else [],
    }


def report_dict(report: Report, lang: str = "zh") -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "documents": [document_dict(d, report.mode, lang) for d in report.documents],
        "summary": report.summary,
    }


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> str:
    return json.dumps(report_dict(report, lang), ensure_ascii=False, indent=1) + "\n"
