"""R204 rate-granularity: no whole part out of the stated whole gives the stated rate (SPEC.md).

Not implemented yet (no claim is ever given this code), so every FAIL case is a strict xfail."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing, xfail

CODE = "R204"
SEVERITY = "error"
NOTHING = "共审结行政复议案件14件，维持5件。"


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


@pytest.mark.parametrize(("text", "figure", "want"), FAIL)
def test_flagged(text: str, figure: str | None, want: dict[str, str | None]) -> None:
    check_flagged(CODE, SEVERITY, text, figure, want)


@pytest.mark.parametrize("text", PASS)
def test_not_flagged(text: str) -> None:
    check_not_flagged(CODE, text)


def test_nothing_flagged_at_all() -> None:
    check_nothing(NOTHING)
