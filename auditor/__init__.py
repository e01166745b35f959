"""auditor: a numeric consistency auditor for Chinese-language reports.

Public API: ``audit_text``, ``audit_path``, ``extract_text`` and the value types.
The value types are imported on first use, so `auditor --help` loads none of them.
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads it the same way)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from auditor.model import Claim, DocumentResult, Finding, Quantity, Report, Severity

__all__ = ["Claim", "DocumentResult", "Finding", "Quantity", "Report", "Severity",
           "audit_text", "audit_path", "extract_text"]
__version__ = "0.1.0"

_MODEL_NAMES = frozenset({"Claim", "DocumentResult", "Finding", "Quantity", "Report", "Severity"})


def __getattr__(name: str) -> Any:
    if name in _MODEL_NAMES:
        from auditor import model

        return getattr(model, name)
    raise AttributeError(f"module 'auditor' has no attribute {name!r}")


def audit_text(text: str, path: str = "<text>") -> DocumentResult:
    from auditor.pipeline import audit_text as _audit

    return _audit(text, path)


def audit_path(path: str | Path) -> DocumentResult:
    from pathlib import Path

    from auditor.pipeline import run_path

    return run_path(Path(path))


def extract_text(text: str) -> tuple[Quantity, ...]:
    from auditor.extract import extract

    return tuple(extract(text))
