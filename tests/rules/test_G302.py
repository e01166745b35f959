"""G302 difference-mismatch: a stated difference that new - old does not give (SPEC.md)."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing

CODE = "G302"
SEVERITY = "error"
NOTHING = "2023年办理行政复议案件318件，上年为276件。"


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("本月共接报盗窃警情248起(日均8.3起),较上月的291起减少33起", "291起减少33起",
                 {"expression": "291-248", "recomputed": "43"}, id="level-beside-a-daily-average"),
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
    pytest.param("本月共接报盗窃警情248起(日均8.3起),较上月的291起减少43起,环比下降14.8%。",
                 id="a-daily-average-in-brackets-is-not-the-level"),
    pytest.param("年末全县总人口385620人。全年共出生3210人,出生率为8‰;死亡人口1650人,死亡率为4.28‰;"
                 "全年净增人口1560人,自然增长率为4.05‰。", id="a-whole-rate-operand-is-rounded"),
    pytest.param("今年受理336件，同比2022年（214件）增加122件，增长57%", id="brief-example"),
    pytest.param("全年办理法律援助案件1086件,比上年的1032件增加54件", id="doc-example-g303"),
    pytest.param("共发生生产安全事故23起,较上年的27起减少4起", id="decrease"),
    pytest.param("结案率由90.5%提高到95.2%，提高4.7个百分点", id="points"),
    pytest.param("得分率61.74%,比上年的59.70%上升2.04个百分点", id="doc-example-g304"),
    pytest.param("结案率由95.2%下降到90.5%，下降4.7个百分点", id="points-down"),
    pytest.param("结案率由95.2%下降到90.5%，提高4.7个百分点", id="points-wrong-direction-is-g303"),
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
