"""G303 growth-direction: the direction word contradicts the figures (SPEC.md)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor import Finding, audit_text

CODE = "G303"
SEVERITY = "error"
NOTHING = "共发生生产安全事故23起，较上年有所下降。"


def xfail(reason: str) -> pytest.MarkDecorator:
    """A case SPEC.md requires that the implementation misses today; strict, so a fix shows up."""
    return pytest.mark.xfail(strict=True, reason=reason)


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("共发生生产安全事故23起,较上年的27起上升14.81%", "14.81%",
                 {"expression": "(23-27)/27", "recomputed": "-14.8148"}, id="doc-example"),
    pytest.param("今年受理214件，同比2022年（336件）增长36.3%", "36.3%", {"recomputed": "-36.3095"},
                 id="growth-while-falling"),
    pytest.param("共发生生产安全事故23起,较上年的27起增加4起", "4起", {"expression": "23-27", "recomputed": "-4"},
                 id="difference"),
    pytest.param("今年受理336件，同比2022年（214件）减少122件，下降57%", "57%", {}, id="decline-while-rising"),
    pytest.param("结案率由95.2%下降到90.5%，提高4.7个百分点", "4.7个百分点", {}, id="points-from-to"),
    pytest.param("满意率95.2%，比上年的90.5%下降4.7个百分点", "4.7个百分点", {}, id="points-bi-shangnian"),
]

PASS = [
    pytest.param("共发生生产安全事故23起,较上年的27起下降14.81%", id="decline"),
    pytest.param("全年办理法律援助案件1086件,比上年的1032件增加54件", id="doc-example"),
    pytest.param("今年受理214件，比2022年（336件）下降36.3%", id="decline-one-decimal"),
    pytest.param("结案率由95.2%下降到90.5%，下降4.7个百分点", id="points-down"),
    pytest.param("全年受理案件38447件，同比下降24.85%。", id="current-value-only"),
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
