"""G301 growth-rate-mismatch: a growth rate that (new - old) / old does not give (SPEC.md)."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing

CODE = "G301"
SEVERITY = "error"
NOTHING = "全年受理政务热线工单26840件，较上年同期有所增长。"


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("今年受理336件，同比2022年（214件）增加122件，增长75%", "75%",
                 {"expression": "(336-214)/214", "recomputed": "57.0093"}, id="brief-example"),
    pytest.param("全年受理政务热线工单26840件,较上年同期的21350件增长28.35%", "28.35%",
                 {"expression": "(26840-21350)/21350", "recomputed": "25.7143"}, id="doc-example"),
    pytest.param("全年非税收入完成18,650万元,同比增长12.4%,增收2,160万元", "12.4%", {"recomputed": "13.0988"},
                 id="doc-example-increment-after"),
    pytest.param("全年办理法律援助案件1086件,比上年的1032件增长6.2%", "6.2%",
                 {"expression": "(1086-1032)/1032", "recomputed": "5.2326"}, id="one-decimal"),
    pytest.param("全年收案120件，较上年（100件）增长2%。", "2%", {"expression": "(120-100)/100", "recomputed": "20"},
                 id="dropped-digit"),
    pytest.param("今年受理336件，同比2022年（214件）增加122件，增长57.1%", "57.1%",
                 {"severity": None, "recomputed": "57.0093"}, id="one-unit-off"),
    pytest.param("全县空气质量优良天数为310天,同比增加15天,同比上升9.0%。", "9.0%", {"expression": "15/(310-15)"},
                 id="days-neither-growth-nor-points"),
    # the old value is 5.2亿 less 2000万: the new value's rounding counts once (3.86%-4.15%), never 3%
    # (3% truncates the interval's low end, 3.86%: a warning)
    pytest.param("全县财政收入5.2亿元,比上年增加2000万元,增长3%。", "3%",
                 {"expression": "20000000/(520000000-20000000)", "severity": "warning"},
                 id="increment-over-a-rounded-level"),
    pytest.param("全县财政收入5.2亿元,比上年增加2000万元,增长6%。", "6%",
                 {"expression": "20000000/(520000000-20000000)"}, id="increment-over-a-rounded-level-far"),
    # (3.58%-3.83%: 3% is a truncation of every value in it, a warning)
    pytest.param("全县财政收入5.2亿元,比上年减少2000万元,下降3%。", "3%",
                 {"expression": "20000000/(520000000+20000000)", "severity": "warning"},
                 id="decrement-over-a-rounded-level"),
    # operands to the 吨 in 万 make a narrow interval: 52/4541 = 1.145% printed 1.2% is one unit off, a warning
    pytest.param("全市小麦总产量4489万吨,比上年减少52万吨,下降1.2%。", "1.2%", {"severity": "warning"},
                 id="one-unit-off-over-a-narrow-interval"),
    pytest.param("全市小麦总产量4489万吨,比上年减少52万吨,下降1.5%。", "1.5%", {}, id="far-over-a-narrow-interval"),
]

PASS = [
    pytest.param("全市120个监测断面中,Ⅰ~Ⅲ类水质断面102个,占85.0%,同比减少1.6%;Ⅳ类水质断面13个,同比增加1.2%。",
                 id="a-rate-below-the-counts-granularity-is-of-its-share"),
    pytest.param("2023年,全县空气质量优良天数为310天,同比增加15天,同比上升4.1%。", id="days-of-a-year-in-points"),
    pytest.param("全市空气质量优良天数为290天,同比减少18天,同比下降4.9%。", id="days-of-a-year-in-points-down"),
    pytest.param("今年受理336件，同比2022年（214件）增加122件，增长57%", id="brief-example"),
    pytest.param("刊336篇，同比2022年（214篇）增加122篇，增长率57%", id="spec-example"),
    pytest.param("今年受理336件，同比2022年（214件）增加122件，增长57.0%", id="one-decimal"),
    pytest.param("全年办理法律援助案件1086件,比上年的1032件增长5.2%", id="bi-shangnian"),
    pytest.param("共发生生产安全事故23起,较上年的27起下降14.81%", id="decline"),
    pytest.param("全年收案120件，较上年（50件）增长140%。", id="over-100"),
    pytest.param("全年受理案件38447件，同比下降24.85%。", id="current-value-only-unverifiable"),
    pytest.param("全县财政收入5.2亿元,比上年增加2000万元,增长4%。", id="increment-over-a-rounded-level"),
    pytest.param("全县财政收入5.2亿元,比上年减少2000万元,下降3.7%。", id="decrement-over-a-rounded-level"),
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


def test_a_whole_number_of_yi_beside_finer_figures_is_rounded_to_the_yi() -> None:
    # 增收4亿元 beside 31.7亿元: 4亿 is rounded to the 亿 (3.5-4.5亿), so 14.4% (4/27.7) may be 14.3%; a growth far
    # from every reading is still an error
    from auditor import audit_text

    text = "全年全县税收收入31.7亿元,同比增收4亿元,增长{x}%。"
    assert [f.code for f in audit_text(text.format(x="14.3")).findings] == []
    assert "G301" in [f.code for f in audit_text(text.format(x="19.3")).findings]
