"""auditor: a numeric consistency auditor for Chinese-language reports.

Public API: ``audit_text``, ``audit_path``, ``audit_paths``, ``extract_text`` and the value types.
``audit_paths(folder).findings_frame()`` gives a pandas table (also ``claims_frame``, ``documents_frame``).
The value types are imported on first use, so `auditor --help` loads none of them.
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads it the same way)
if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path
    from typing import Any

    from auditor.model import Claim, DocumentResult, Finding, Quantity, Report, Severity

__all__ = ["Claim", "DocumentResult", "Finding", "Quantity", "Report", "Severity",
           "audit_text", "audit_path", "audit_paths", "extract_text"]
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


def audit_paths(paths: str | Path | Iterable[str | Path], select: Iterable[str] = (),
                ignore: Iterable[str] = ()) -> Report:
    """Audit files and folders (folders recursively, as `auditor check` does) into one Report.

    A file that cannot be read is a document with an `error`, never an exception;
    `select`/`ignore` are rule codes or prefixes, as on the command line.
    """
    from pathlib import Path

    from auditor.model import Report
    from auditor.pipeline import iter_paths, run_path

    items = [Path(paths)] if isinstance(paths, str | Path) else [Path(p) for p in paths]
    # a folder gives the files the loaders know; a path named directly is always read (a missing
    # one becomes a document with its error)
    files = list(dict.fromkeys(f for p in items for f in (iter_paths([p]) if p.is_dir() else (p,))))
    return Report(tuple(run_path(p, "check", tuple(select), tuple(ignore)) for p in files))


def extract_text(text: str) -> tuple[Quantity, ...]:
    from auditor.extract import extract

    return tuple(extract(text))
