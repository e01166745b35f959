"""G304 points-vs-percent: percentage points written as percent (SPEC.md, docs/rules/G304.md).

No input raises it today: relate does not pair a rate's change with two stated rates, so every FAIL case
is a strict xfail."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor import Finding, audit_text

CODE = "G304"
SEVERITY = "warning"
NOTHING = "群众满意率为96.3%，上年为94.5%。"


def xfail(reason: str) -> pytest.MarkDecorator:
    """A case SPEC.md requires that the implementation misses today; strict, so a fix shows up."""
    return pytest.mark.xfail(strict=True, reason=reason)


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("群众满意率为96.3%,较上年的94.5%提高1.8%", "1.8%", {"recomputed": "1.8"}, id="doc-example"),
    pytest.param("结案率由90.5%提高到95.2%，提高4.7%", "4.7%", {"recomputed": "4.7"}, id="from-to",
                 marks=xfail("SPEC G304: 95.2-90.5 = 4.7 points, (95.2-90.5)/90.5 = 5.19%; unverifiable today")),
]

PASS = [
    pytest.param("得分率61.74%,比上年的59.70%上升2.04个百分点", id="doc-example-points"),
    pytest.param("结案率由90.5%提高到95.2%，提高4.7个百分点", id="points"),
    pytest.param("结案率97.19%,同比上升6.7%", id="doc-known-limit-no-prior-rate"),
    pytest.param("今年受理336件，同比2022年（214件）增加122件，增长57%", id="growth-of-counts"),
    pytest.param(NOTHING, id="nothing-flagged"),
]


def hits(text: str) -> list[Finding]:
    return [f for f in audit_text(text).findings if f.code == CODE]


def covering(found: list[Finding], text: str, figure: str | None, occurrence: int = 1) -> Finding:
    """The finding whose span covers the n-th occurrence of `figure` in the text, or any when None."""
    if figure is None:
        assert found, f"{CODE} not raised"
        return found[0]
    at = -1
    for _ in range(occurrence):
        at = text.index(figure, at + 1)
    over = [f for f in found if f.start <= at and at + len(figure) <= f.end]
    assert over, f"{CODE} not raised at {figure!r}; {CODE} findings: {[(f.start, f.end, f.text) for f in found]}"
    return over[0]


@pytest.mark.parametrize(("text", "figure", "want"), FAIL)
def test_flagged(text: str, figure: str | None, want: dict[str, str | None]) -> None:
    f = covering(hits(text), text, figure, int(want.get("occurrence") or 1))
    if want.get("severity", SEVERITY) is not None:
        assert f.severity.value == want.get("severity", SEVERITY)
    assert 0 <= f.start < f.end <= len(text)
    if "expression" in want:
        assert f.expression == want["expression"]
    if "recomputed" in want:
        assert f.recomputed is not None and Decimal(f.recomputed) == Decimal(want["recomputed"])
    if "claimed" in want:
        assert f.claimed is not None and Decimal(f.claimed) == Decimal(want["claimed"])


@pytest.mark.parametrize("text", PASS)
def test_not_flagged(text: str) -> None:
    assert [(f.start, f.end, f.text) for f in hits(text)] == []


def test_nothing_flagged_at_all() -> None:
    assert [(f.code, f.text) for f in audit_text(NOTHING).findings] == []
