"""`--format sarif`: SARIF 2.1.0, for code-scanning dashboards and editors.

Columns count Unicode code points (`columnKind`), matching the offsets the
other formats report; documents that could not be read become tool
execution notifications rather than results. Each result carries the finding's
fingerprint in `partialFingerprints`, so a dashboard follows a finding across
edits elsewhere in the document; a waived finding stays a result, with an
accepted external suppression that says who waived it, why and when.
"""
from __future__ import annotations

import json
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from auditor.model import Report, Waiver
from auditor.report.common import Lines, finding_position, message_for, sorted_findings
from auditor.report.i18n import rule_name, rule_summary

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: the key of the finding's fingerprint in `partialFingerprints` (fingerprint.py says how it is made)
FINGERPRINT_KEY = "auditorFingerprint/v1"


def artifact_uri(path: str) -> str:
    """A URI reference for a path: percent-encoded, forward slashes, file: when absolute."""
    p: PurePath = PureWindowsPath(path) if "\\" in path and "/" not in path else PurePosixPath(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix())


def _rule_help(code: str) -> str | None:
    try:
        from auditor.rules.docs import rule_doc

        return str(rule_doc(code))
    except Exception:  # documentation is optional in a report
        return None


def _version() -> str:
    from auditor import __version__

    return __version__


def _suppression(waiver: Waiver) -> dict[str, Any]:
    who, why, date = waiver.who, waiver.why, waiver.date
    justification = why + (f" ({', '.join(x for x in (who, date) if x)})" if who or date else "")
    out: dict[str, Any] = {"kind": "external", "status": "accepted"}
    if justification:
        out["justification"] = justification
    props = {k: v for k, v in (("who", who), ("date", date)) if v}
    if props:
        out["properties"] = props
    return out


def sarif_dict(report: Report, lang: str = "zh") -> dict[str, Any]:
    codes = sorted({f.code for d in report.documents for f in d.findings})
    index = {c: i for i, c in enumerate(codes)}
    rules: list[dict[str, Any]] = []
    for code in codes:
        severity = next(f.severity.value for d in report.documents for f in d.findings if f.code == code)
        rule: dict[str, Any] = {
            "id": code,
            "name": rule_name(code),
            "shortDescription": {"text": rule_summary(code, lang)},
            "defaultConfiguration": {"level": LEVELS[severity]},
        }
        page = _rule_help(code)
        if page:
            rule["help"] = {"text": page, "markdown": page}
        rules.append(rule)

    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for doc in report.documents:
        uri = artifact_uri(doc.path)
        if doc.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": f"{doc.path}: {doc.error.message}"},
                "descriptor": {"id": doc.error.code},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            })
            continue
        lines = Lines(doc.text)
        for f in sorted_findings(doc):
            line, col = finding_position(f, lines)
            end_line, end_col = lines.line_col(f.end)
            if (end_line, end_col) < (line, col):
                end_line, end_col = line, col
            result: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": LEVELS[f.severity.value],
                "message": {"text": message_for(f, lang)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": line, "startColumn": col, "endLine": end_line,
                               "endColumn": end_col, "snippet": {"text": f.text}},
                }}],
                "properties": {k: v for k, v in (("claimed", f.claimed), ("recomputed", f.recomputed),
                                                  ("expression", f.expression)) if v is not None},
            }
            if f.fingerprint:
                result["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
            if f.waiver is not None:
                result["suppressions"] = [_suppression(f.waiver)]
            results.append(result)

    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "auditor", "version": _version(), "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
            "results": results,
        }],
    }


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> str:
    return json.dumps(sarif_dict(report, lang), ensure_ascii=False, indent=1) + "\n"
