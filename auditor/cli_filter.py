"""--select, --ignore and the configuration's severity overrides, applied to a document's findings."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.model import DocumentResult


def _matches(code: str, prefixes: Sequence[str]) -> int:
    """Length of the longest prefix that `code` starts with, -1 when none."""
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def keep(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """--select/--ignore by prefix; the more specific prefix wins, ignore wins a tie."""
    chosen = _matches(code, select) if select else 0
    return chosen >= 0 and chosen > _matches(code, ignore)


def _severity_for(code: str, overrides: Sequence[tuple[str, str]]) -> str | None:
    """The configured severity of `code`: the longest matching prefix wins."""
    best = max((p for p in overrides if code.startswith(p[0])), key=lambda p: len(p[0]), default=None)
    return best[1] if best else None


def filter_result(result: DocumentResult, select: Sequence[str], ignore: Sequence[str],
            severity: Sequence[tuple[str, str]] = ()) -> DocumentResult:
    """--select/--ignore, then the configuration's severity overrides."""
    if not (select or ignore or severity) or not result.findings:
        return result
    from msgspec.structs import replace

    from auditor.model import Severity

    kept = []
    for f in result.findings:
        if not keep(f.code, select, ignore):
            continue
        sev = _severity_for(f.code, severity)
        kept.append(f if sev is None or sev == f.severity.value else replace(f, severity=Severity(sev)))
    return replace(result, findings=tuple(kept))
