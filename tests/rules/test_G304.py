"""G304 points-vs-percent: percentage points written as percent (SPEC.md, docs/rules/G304.md).

No input raises it today: relate does not pair a rate's change with two stated rates, so every FAIL case
is a strict xfail."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing, xfail

CODE = "G304"
SEVERITY = "warning"
NOTHING = "群众满意率为96.3%，上年为94.5%。"


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


@pytest.mark.parametrize(("text", "figure", "want"), FAIL)
def test_flagged(text: str, figure: str | None, want: dict[str, str | None]) -> None:
    check_flagged(CODE, SEVERITY, text, figure, want)


@pytest.mark.parametrize("text", PASS)
def test_not_flagged(text: str) -> None:
    check_not_flagged(CODE, text)


def test_nothing_flagged_at_all() -> None:
    check_nothing(NOTHING)
