"""R203 rate-over-100: a rate above 100%, or a part larger than its whole (SPEC.md, docs/rules/R203.md)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor import Finding, audit_text

CODE = "R203"
SEVERITY = "error"
NOTHING = "全年法律援助中心接待来访群众1260人次。"


def xfail(reason: str) -> pytest.MarkDecorator:
    """A case SPEC.md requires that the implementation misses today; strict, so a fix shows up."""
    return pytest.mark.xfail(strict=True, reason=reason)


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("共受理45件，办结43件，办结率105%。", "105%", {}, id="bounded-rate-over-100"),
    pytest.param("共受理45件，办结43件，办结率100.5%。", "100.5%", {}, id="just-over-100"),
    pytest.param("共受理45件，办结50件，办结率111.1%。", "111.1%", {}, id="part-over-whole"),
    pytest.param("全局共有行政执法人员420名,其中持证上岗436名,持证率103.81%", "103.81%", {}, id="doc-example",
                 marks=xfail("docs/rules/R203.md example: 436/420 = 103.81% is R203; only S401 is raised, "
                             "on the total")),
    pytest.param("群众满意率达到100.6%", "100.6%", {}, id="doc-example-no-operands"),
]

PASS = [
    pytest.param("共受理45件，办结45件，办结率100%。", id="exactly-100"),
    pytest.param("全年收案120件，较上年（50件）增长140%。", id="growth-over-100"),
    pytest.param("全年完成招商引资任务的112%。", id="plan-completion"),
    pytest.param("结案率102%（含上年结转案件）。", id="doc-known-limit-carried-over"),
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
