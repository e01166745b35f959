"""The table-driven harness every rule's test file shares: FAIL rows must raise the code on the
figure named (with the numbers given), PASS rows must not raise it, and NOTHING raises nothing.

A rule's test file holds only its tables and three one-line tests calling these functions.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor import Finding, audit_text


def xfail(reason: str) -> pytest.MarkDecorator:
    """A case SPEC.md requires that the implementation misses today; strict, so a fix shows up."""
    return pytest.mark.xfail(strict=True, reason=reason)


def hits(code: str, text: str) -> list[Finding]:
    return [f for f in audit_text(text).findings if f.code == code]


def covering(code: str, found: list[Finding], text: str, figure: str | None, occurrence: int = 1) -> Finding:
    """The finding whose span covers the n-th occurrence of `figure` in the text, or any when None."""
    if figure is None:
        assert found, f"{code} not raised"
        return found[0]
    at = -1
    for _ in range(occurrence):
        at = text.index(figure, at + 1)
    over = [f for f in found if f.start <= at and at + len(figure) <= f.end]
    assert over, f"{code} not raised at {figure!r}; {code} findings: {[(f.start, f.end, f.text) for f in found]}"
    return over[0]


def check_flagged(code: str, severity: str, text: str, figure: str | None, want: dict[str, str | None]) -> None:
    f = covering(code, hits(code, text), text, figure, int(want.get("occurrence") or 1))
    if want.get("severity", severity) is not None:
        assert f.severity.value == want.get("severity", severity)
    assert 0 <= f.start < f.end <= len(text)
    if "expression" in want:
        assert f.expression == want["expression"]
    if "recomputed" in want:
        assert f.recomputed is not None and Decimal(f.recomputed) == Decimal(want["recomputed"])
    if "claimed" in want:
        assert f.claimed is not None and Decimal(f.claimed) == Decimal(want["claimed"])


def check_not_flagged(code: str, text: str) -> None:
    assert [(f.start, f.end, f.text) for f in hits(code, text)] == []


def check_nothing(text: str) -> None:
    assert [(f.code, f.text) for f in audit_text(text).findings] == []
