"""auditor: a numeric consistency auditor for Chinese-language reports.

Public API: ``audit_text``, ``audit_path``, ``extract_text`` and the value types.
"""
from __future__ import annotations

from pathlib import Path

from auditor.model import Claim, DocumentResult, Finding, Quantity, Report, Severity

__all__ = ["Claim", "DocumentResult", "Finding", "Quantity", "Report", "Severity",
           "audit_text", "audit_path", "extract_text"]
__version__ = "0.1.0"


def audit_text(text: str, path: str = "<text>") -> DocumentResult:
    from auditor.pipeline import audit_text as _audit

    return _audit(text, path)


def audit_path(path: str | Path) -> DocumentResult:
    from auditor.pipeline import run_path

    return run_path(Path(path))


def extract_text(text: str) -> tuple[Quantity, ...]:
    from auditor.extract import extract

    return tuple(extract(text))
