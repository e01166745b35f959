"""The tables supervisors read: one row per finding, one row per document.

CSV, xlsx, the HTML overview and the pandas frames (auditor/frame.py) all take
their rows from here, so a column means the same thing everywhere. Values stay
exact: claimed and recomputed figures are Decimal (None where the text gives no
plain number); each writer decides how to store them.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

import msgspec

from auditor.model import DocumentResult, Finding, Report
from auditor.report.common import finding_arithmetic, finding_unit, iter_findings, message_for, sentence_context
from auditor.report.i18n import rule_summary

#: Characters of context a table cell shows around the figure (more than the terminal's).
TABLE_CONTEXT = 120

#: (key, Chinese header, English header) of a finding row, in order.
FINDING_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("document", "文档", "document"),
    ("line", "行", "line"),
    ("column", "列", "column"),
    ("code", "代码", "code"),
    ("severity", "级别", "severity"),
    ("title", "问题类型", "title"),
    ("sentence", "原文语句", "sentence"),
    ("figure", "数字", "figure"),
    ("arithmetic", "核算", "arithmetic"),
    ("claimed", "所述值", "claimed"),
    ("recomputed", "重算值", "recomputed"),
    ("unit", "单位", "unit"),
    ("expression", "算式", "expression"),
    ("message", "说明", "message"),
    ("fingerprint", "指纹", "fingerprint"),
    ("waived", "已豁免", "waived"),
    ("waived_by", "豁免人", "waived by"),
    ("waiver_reason", "豁免理由", "waiver reason"),
    ("waiver_date", "豁免日期", "waiver date"),
)
#: The CSV's extra column: the reason a document could not be read (its row has no finding).
UNREADABLE_COLUMN = ("unreadable", "无法读取原因", "unreadable")

#: (key, Chinese header, English header) of a document row.
DOCUMENT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("document", "文档", "document"),
    ("chars", "字数", "characters"),
    ("errors", "错误", "errors"),
    ("warnings", "警告", "warnings"),
    ("infos", "提示", "infos"),
    ("waived", "已豁免", "waived"),
    ("claims", "已核对表述", "claims checked"),
    ("recomputed", "已重算", "recomputed"),
    ("consistent", "一致", "consistent"),
    ("error_code", "读取错误代码", "error code"),
    ("unreadable", "无法读取原因", "unreadable"),
    ("sha256", "SHA-256", "SHA-256"),
)

SEVERITY_LABELS = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
                   "en": {"error": "error", "warning": "warning", "info": "info"}}


def headers(columns: tuple[tuple[str, str, str], ...], lang: str) -> list[str]:
    """The column headers in `lang` (Chinese unless English is asked for)."""
    return [en if lang == "en" else zh for _, zh, en in columns]


def severity_label(severity: str, lang: str) -> str:
    return SEVERITY_LABELS["en" if lang == "en" else "zh"].get(severity, severity)


def exact(value: str | None) -> Decimal | None:
    """A reported figure as an exact Decimal; None when it is not a plain number (or absent)."""
    if not value:
        return None
    try:
        d = Decimal(value.strip().rstrip("%％").replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def is_waived(f: Finding) -> bool:
    return f.waiver is not None


class FindingRow(msgspec.Struct, frozen=True):
    """One finding as the tables show it; `cells` is keyed like FINDING_COLUMNS."""

    doc: DocumentResult
    finding: Finding
    cells: dict[str, object]
    #: the sentence's span of the figure, for formats that highlight it
    mark: tuple[int, int]

    @property
    def waived(self) -> bool:
        return self.finding.waiver is not None


def finding_row(doc: DocumentResult, f: Finding, line: int, col: int, lang: str) -> FindingRow:
    sentence, a, b = sentence_context(doc.text, f.start, f.end, TABLE_CONTEXT)
    w = f.waiver
    cells: dict[str, object] = {
        "document": doc.path,
        "line": line,
        "column": col,
        "code": f.code,
        "severity": f.severity.value,
        "title": rule_summary(f.code, lang),
        "sentence": sentence,
        "figure": f.text,
        # only where there is arithmetic: a figure alone (a missing unit) would merely repeat itself
        "arithmetic": finding_arithmetic(f, doc) if f.expression or f.recomputed else "",
        "claimed": exact(f.claimed),
        "recomputed": exact(f.recomputed),
        "unit": finding_unit(f, doc),
        "expression": f.expression or "",
        "message": message_for(f, lang),
        "fingerprint": f.fingerprint,
        "waived": f.waiver is not None,
        "waived_by": w.who if w is not None else "",
        "waiver_reason": w.why if w is not None else "",
        "waiver_date": w.date if w is not None else "",
    }
    return FindingRow(doc, f, cells, (a, b))


def finding_rows(report: Report, lang: str = "zh") -> Iterator[FindingRow]:
    """Every finding in document order (waived ones included: callers set them apart)."""
    for doc, f, line, col in iter_findings(report):
        yield finding_row(doc, f, line, col, lang)


def split_waived(rows: list[FindingRow]) -> tuple[list[FindingRow], list[FindingRow]]:
    """(active, waived), each in document order."""
    return [r for r in rows if not r.waived], [r for r in rows if r.waived]


def document_row(doc: DocumentResult, mode: str = "check") -> dict[str, object]:
    """One document's counts; waived findings are counted apart, not as errors or warnings."""
    active = [f for f in doc.findings if f.waiver is None]
    checks = [c for c in doc.claims if c.kind != "repeat"] if mode == "check" else []
    return {
        "document": doc.path,
        "chars": doc.chars,
        "errors": sum(1 for f in active if f.severity.value == "error"),
        "warnings": sum(1 for f in active if f.severity.value == "warning"),
        "infos": sum(1 for f in active if f.severity.value == "info"),
        "waived": len(doc.findings) - len(active),
        "claims": len(checks),
        "recomputed": sum(1 for c in checks if c.status != "unverifiable"),
        "consistent": sum(1 for c in checks if c.status == "consistent"),
        "error_code": doc.error.code if doc.error else "",
        "unreadable": doc.error.message if doc.error else "",
        "sha256": doc.sha256,
    }


def document_rows(report: Report) -> list[dict[str, object]]:
    return [document_row(d, report.mode) for d in report.documents]


def display_width(text: str) -> int:
    """Columns a spreadsheet or terminal gives `text`: wide (CJK) and fullwidth characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
