"""C501 repeated-metric-differs: the same metric stated twice in one document with different values (SPEC.md)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor import Finding, audit_text

CODE = "C501"
SEVERITY = "warning"
NOTHING = "按时办结率99.5%，群众满意率98.2%。"


def xfail(reason: str) -> pytest.MarkDecorator:
    """A case SPEC.md requires that the implementation misses today; strict, so a fix shows up."""
    return pytest.mark.xfail(strict=True, reason=reason)


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("按时办结率99.5%，按时办结率98.2%。", "98.2%", {"claimed": "98.2"}, id="same-sentence"),
    pytest.param("按时办结率为99.5%，按时办结率为98.2%。", "98.2%", {}, id="with-wei"),
    pytest.param("按时办结率99.5%。\n按时办结率98.2%。", "98.2%", {}, id="another-paragraph",
                 marks=xfail("SPEC C501: 'in one document'; only the same paragraph is compared")),
    pytest.param("全年共办理行政复议案件512件。本年度办理行政复议案件521件", None, {}, id="doc-example-counts",
                 marks=xfail("docs/rules/C501.md example: 512 vs 521 for one metric; only rates are compared")),
]

PASS = [
    pytest.param("按时办结率99.5%，按时办结率99.5%。", id="same-value"),
    pytest.param("按时办结率99.5%，按时办结率约98.2%。", id="approximate-restatement"),
    pytest.param("出庭应诉率百分之百，出庭应诉率达100%", id="doc-example-baifenbai"),
    pytest.param("按时办结率99.5%，满意率99.5%。", id="different-metrics-c502"),
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
