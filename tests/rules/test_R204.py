"""R204 rate-granularity: no whole part out of the stated whole gives the stated rate (SPEC.md).

Not implemented yet (no claim is ever given this code), so every FAIL case is a strict xfail."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor import Finding, audit_text

CODE = "R204"
SEVERITY = "error"
NOTHING = "共审结行政复议案件14件，维持5件。"


def xfail(reason: str) -> pytest.MarkDecorator:
    """A case SPEC.md requires that the implementation misses today; strict, so a fix shows up."""
    return pytest.mark.xfail(strict=True, reason=reason)


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("共审结行政复议案件14件,维持率为35.0%", "35.0%", {}, id="doc-example",
                 marks=xfail("docs/rules/R204.md example: 4/14 = 28.57%, 5/14 = 35.71%, no k/14 gives 35.0%")),
    pytest.param("共受理7件，办结率85.0%。", "85.0%", {}, id="sevenths",
                 marks=xfail("SPEC R204: 5/7 = 71.43%, 6/7 = 85.71%, no k/7 gives 85.0%")),
]

PASS = [
    pytest.param("全年办理人大代表建议48件,满意率97.92%", id="doc-example-47-of-48"),
    pytest.param("共受理7件，办结率85.7%。", id="six-of-seven"),
    pytest.param("共受理1.4万件，办结率99.3%。", id="rounded-whole"),
    pytest.param("共受理300余件，办结率95.0%。", id="approximate-whole"),
    pytest.param("共受理52360件，办结率99.85%。", id="large-whole"),
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
