"""G302 difference-mismatch: a stated difference that new - old does not give (SPEC.md)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor import Finding, audit_text

CODE = "G302"
SEVERITY = "error"
NOTHING = "2023年办理行政复议案件318件，上年为276件。"


def xfail(reason: str) -> pytest.MarkDecorator:
    """A case SPEC.md requires that the implementation misses today; strict, so a fix shows up."""
    return pytest.mark.xfail(strict=True, reason=reason)


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("今年受理336件，同比2022年（214件）增加100件，增长57%", "100件",
                 {"expression": "336-214", "recomputed": "122"}, id="brief-example"),
    pytest.param("2023年办理行政复议案件318件,比上年的276件增加52件", "52件",
                 {"expression": "318-276", "recomputed": "42"}, id="doc-example"),
    pytest.param("全年办理法律援助案件1086件,比上年的1032件增加64件", "64件",
                 {"expression": "1086-1032", "recomputed": "54"}, id="bi-shangnian"),
    pytest.param("结案率由90.5%提高到95.2%，提高5.7个百分点", "5.7个百分点",
                 {"expression": "95.2-90.5", "recomputed": "4.7"}, id="points"),
    pytest.param("得分率61.74%,比上年的59.70%上升2.14个百分点", "2.14个百分点",
                 {"expression": "61.74-59.7", "recomputed": "2.04"}, id="points-two-decimals"),
]

PASS = [
    pytest.param("今年受理336件，同比2022年（214件）增加122件，增长57%", id="brief-example"),
    pytest.param("全年办理法律援助案件1086件,比上年的1032件增加54件", id="doc-example-g303"),
    pytest.param("共发生生产安全事故23起,较上年的27起减少4起", id="decrease"),
    pytest.param("结案率由90.5%提高到95.2%，提高4.7个百分点", id="points"),
    pytest.param("得分率61.74%,比上年的59.70%上升2.04个百分点", id="doc-example-g304"),
    pytest.param("结案率由95.2%下降到90.5%，下降4.7个百分点", id="points-down"),
    pytest.param("结案率由95.2%下降到90.5%，提高4.7个百分点", id="points-wrong-direction-is-g303"),
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
