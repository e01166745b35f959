"""G303 growth-direction: the direction word contradicts the figures (SPEC.md)."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing

CODE = "G303"
SEVERITY = "error"
NOTHING = "共发生生产安全事故23起，较上年有所下降。"


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


@pytest.mark.parametrize(("text", "figure", "want"), FAIL)
def test_flagged(text: str, figure: str | None, want: dict[str, str | None]) -> None:
    check_flagged(CODE, SEVERITY, text, figure, want)


@pytest.mark.parametrize("text", PASS)
def test_not_flagged(text: str) -> None:
    check_not_flagged(CODE, text)


def test_nothing_flagged_at_all() -> None:
    check_nothing(NOTHING)
