"""R205 qualifier-contradicts-figure: 达/以上/超过/均/全部/百分百 against the recomputed value (SPEC.md)."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing, xfail

CODE = "R205"
SEVERITY = "warning"
NOTHING = "各村（社区）均配备了法律顾问。"


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("应诉的3起案件均胜诉，胜诉率为66.7%。", "66.7%", {"recomputed": "100"}, id="jun-vs-rate"),
    pytest.param("团场应诉的3起案件均,胜诉率达到66.6", "66.6", {"recomputed": "100"}, id="spec-example-no-unit"),
    pytest.param("共受理5件，已全部办结，办结率80%。", "80%", {"recomputed": "100"}, id="quanbu"),
    pytest.param("各村（社区）法律顾问实现全覆盖，覆盖率为90%。", "90%", {"recomputed": "100"}, id="quanfugai"),
    pytest.param("全年行政机关负责人出庭应诉案件37件,应诉案件共40件,出庭应诉率达95%以上", "95%以上", {},
                 id="doc-example-yishang",
                 marks=xfail("docs/rules/R205.md example: 37/40 = 92.5% fails the lower bound 以上 (R205); "
                             "R201 is raised instead")),
    pytest.param("共受理40件，办结37件，办结率超过95%", "95%", {}, id="chaoguo",
                 marks=xfail("SPEC R205 lists 超过: 37/40 = 92.5% is not above 95%; R201 is raised instead")),
    pytest.param("团场应诉的3起案件均胜诉,胜诉2起", None, {}, id="doc-example-jun-vs-count",
                 marks=xfail("docs/rules/R205.md example: 均 claims 3 of 3, the counts give 2 of 3; nothing raised")),
]

PASS = [
    pytest.param("全年二氧化硫年均浓度达到国家二级标准。可吸入颗粒物年均浓度未达标,日均值达标率为86.3%。",
                 id="daily-mean-is-no-all"),
    pytest.param("全县年均气温达标,年均达标率为91.2%。", id="yearly-mean-is-no-all"),
    pytest.param("麻疹疫苗接种率、乙肝疫苗接种率均保持在98%以上。", id="each-at-least-a-bound"),
    pytest.param("今年区人大代表共提出建议85件,其中闭会期间建议6件,已全部办理完毕,代表满意率95%。",
                 id="all-handled-is-not-all-satisfied"),
    pytest.param("截至年底,全县98%的行政村通了硬化路,广播电视信号全覆盖,光纤通达率90%。",
                 id="full-coverage-of-another-thing"),
    pytest.param("应诉的3起案件均胜诉，胜诉率为100%。", id="jun-100"),
    pytest.param("共受理5件，均已办结，办结率100%。", id="jun-banjie-100"),
    pytest.param("共受理40件，办结38件，办结率达95%以上", id="lower-bound-holds"),
    pytest.param("参考率、及格率均在80%以上", id="jun-over-rates"),
    pytest.param("人均学法时长40学时", id="renjun"),
    pytest.param("调解矛盾纠纷5726件，调解成功5726件，成功率达100%", id="seed-shape-all"),
    pytest.param("受理1.4万件,占全部15.7万件的8.7%", id="quanbu-as-of-the-whole"),
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


def test_jun_before_a_bound_is_a_bound_each_meets() -> None:
    """均超过7%: every member is above 7%, no claim that all of anything (100%) is reached."""
    check_not_flagged(CODE, "除甲县外,其他9个县老年人口比重均超过7%。")
    check_not_flagged(CODE, "各乡镇达标学校比例均高于60%。")


def test_jun_without_a_bound_still_claims_all() -> None:
    check_flagged(CODE, SEVERITY, "应诉的3起案件均胜诉，胜诉率为66.7%。", "66.7%", {"recomputed": "100"})


def test_all_in_the_sentence_before_claims_nothing_of_this_rate_pass() -> None:
    """推开…全覆盖 (a scheme launched for all kinds) is another sentence's: 柑橘覆盖率 is of one kind."""
    from auditor import audit_text

    text = "在全市率先推开特色粮油保险全覆盖。油菜覆盖率达91.2%,茶叶、花椒等品类覆盖率已达100%。"
    assert "R205" not in [f.code for f in audit_text(text).findings]


def test_all_in_the_rates_own_sentence_still_claims_100_fail() -> None:
    from auditor import audit_text

    assert "R205" in [f.code for f in audit_text("全县行政村已实现宽带全覆盖,宽带覆盖率达91.2%。").findings]
