"""S401 parts-exceed-total: the parts of a breakdown add up to more than the total (SPEC.md)."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing, xfail

CODE = "S401"
SEVERITY = "error"
NOTHING = "共受理行政复议申请86件，其中维持42件。"


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("共梳理事项100项，其中：许可20项、处罚30项、其他60项。", "100项",
                 {"expression": "20+30+60", "recomputed": "110"}, id="brief-example"),
    pytest.param("共受理行政复议申请86件,其中维持42件、撤销18件、确认违法11件、驳回9件、终止8件", "86件",
                 {"expression": "42+18+11+9+8", "recomputed": "88"}, id="doc-example"),
    pytest.param("共梳理事项100项，其中：许可60项、处罚50项。", "100项", {"recomputed": "110"}, id="partial-list"),
    pytest.param("共办理热线工单601件,其中按时办结597件、超时办结6件", "601件", {"recomputed": "603"}, id="two-parts"),
    pytest.param("共发放资金1.2万元，其中：补贴5000元、奖励8000元。", "1.2万元", {"recomputed": "13000"},
                 id="money-magnitudes"),
    pytest.param("共开展普法活动120余场,其中送法下乡90余场、法治讲座50余场", "120余场",
                 {"severity": "warning", "recomputed": "150"}, id="doc-example-overlap-warning"),
    pytest.param("共梳理行政职权3项，其中行政许可2项、行政处罚1项、其他类1项。", "3项", {"recomputed": "4"},
                 id="prefix-adds-up"),
    pytest.param("工单总数为1200件,其中投诉类900件、咨询类380件、满意件600件、基本满意件30件。", "1200件",
                 {"recomputed": "1910"}, id="one-classification-over-its-total"),
    pytest.param("共受理复议案件30件，维持、撤销、驳回分别为10件、8件、14件。", "30件", {"recomputed": "32"},
                 id="fenbie", marks=xfail("SPEC S401: 10+8+14 = 32 > 30; no sum claim for 分别为 lists")),
]

PASS = [
    pytest.param("分地区看,东城区、西城区参保人数在5万人以上,其中东城区最多,达到12万人。", id="a-floor-is-no-ceiling"),
    pytest.param("全县工业固体废物产生量为610万吨。其中,综合利用量为420万吨,处置量为160万吨,贮存量为70万吨。",
                 id="flows-of-what-was-generated"),
    pytest.param("危险废物产生量为88.6万吨,其中综合利用量为52.1万吨,处置量和贮存量分别为30.4万吨和9.3万吨。",
                 id="flows-listed-with-fenbie"),
    pytest.param("全镇各村调解委员会成员均达到5人以上,其中最多的达11人。", id="a-bound-on-each-and-the-largest"),
    pytest.param("截至年底,全县群众自治组织共320个。其中:村委会280个,村民小组1960个;居委会40个,居民小组250个。",
                 id="a-part-alone-over-the-total-counts-units-inside-the-parts"),
    pytest.param("共梳理事项100项，其中：许可20项、处罚30项、其他50项。", id="brief-example"),
    pytest.param("共梳理事项100项，其中：许可20项、处罚30项。", id="partial-below-total"),
    pytest.param("共办理热线工单601件,其中按时办结597件、超时办结4件", id="doc-example-s402"),
    pytest.param("共开展普法活动120余场,其中送法下乡70余场、法治讲座50余场", id="approximate-parts-fit"),
    pytest.param("共发放资金1.2万元，其中：补贴5000元、奖励7000元。", id="money"),
    pytest.param("共梳理行政职权3415项,其中:行政许可208项、行政处罚2187项、行政强制52项、行政征收6项、行政给付12项、"
                 "行政检查129项、行政确认45项、行政奖励20项、行政裁决4项及其他行政权力752项",
                 id="spec-example-ten-parts"),
    pytest.param("工单总数为1200件,其中办结工单900件、不予受理80件、满意600件、基本满意30件、不满意150件。",
                 id="two-classifications-listed-in-turn"),
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


def test_a_stage_counted_with_its_own_rate_is_no_part() -> None:
    # 立案226件 with 立案率94.2% is how many of the 240 were accepted, not one more kind beside 22
    from auditor import audit_text

    for text in ("委员共提交提案原件240件,其中闭会期间提交22件,经审查立案226件,立案率94.2%。",
                 "本季度共受理食品安全举报320件,其中无证经营180件、过期食品70件、标签不合格40件,已办结296件,办结率92.5%。"):
        assert "S401" not in [f.code for f in audit_text(text).findings]
    assert "S401" in [f.code for f in audit_text("本季度共受理举报320件,其中无证经营180件、过期食品170件。").findings]


def test_a_total_in_whole_yi_over_parts_in_wan_is_rounded() -> None:
    # 36亿 ± 0.5亿 holds the parts' 36.14亿
    from auditor import audit_text

    text = ("1-9月全县交通建设完成投资36亿元。其中公路建设项目完成投资215431.5万元,水运建设项目完成投资144812.3万元,"
            "场站建设完成投资1203.6万元。")
    assert "S401" not in [f.code for f in audit_text(text).findings]
    over = text.replace("144812.3万元", "154812.3万元")  # 37.14亿: past the rounding
    assert "S401" in [f.code for f in audit_text(over).findings]


def test_parts_that_may_nest_under_the_first_raise_nothing() -> None:
    # 85+97 within 210 within 268: the two after 专业技术人员 may be kinds of it; two readings, no S401
    from auditor import audit_text

    text = "年末全县妇幼保健机构人员268人,其中,专业技术人员210人,执业医师85人,注册护士97人。"
    assert "S401" not in [f.code for f in audit_text(text).findings]
    # siblings named alike (…人员 … 人员) do not nest: 210+85+97 = 392 over 268 is an error
    siblings = "年末全县妇幼保健机构人员268人,其中,专业技术人员210人,管理人员85人,工勤人员97人。"
    assert "S401" in [f.code for f in audit_text(siblings).findings]


def test_activities_listed_after_a_part_are_no_parts_of_the_total_pass() -> None:
    """再就业 is a part of 新增就业; 扶持创业 and 开展培训 are indicators of their own (a verb opens each)."""
    from auditor import audit_text

    text = "全年城镇新增就业3200人,其中失业人员再就业410人,扶持创业650人,开展职业技能培训2800人。"
    assert "S401" not in [f.code for f in audit_text(text).findings]


def test_parts_named_by_nouns_that_exceed_the_total_fail() -> None:
    from auditor import audit_text

    text = "年末共有卫生机构150个。其中基层医疗卫生机构40个、专业公共卫生机构50个、其他卫生机构30个,医院40个。"
    assert "S401" in [f.code for f in audit_text(text).findings]


def test_parts_sharing_the_totals_words_that_exceed_it_fail() -> None:
    from auditor import audit_text

    text = "全年城镇新增就业3200人,其中城镇失业人员再就业1410人,就业困难人员就业1950人。"
    assert "S401" in [f.code for f in audit_text(text).findings]


def test_a_part_narrowing_the_part_before_is_inside_it_pass() -> None:
    """市级及以上图书馆4个 is among the 图书馆11个 before it: 11+15+7+60 = 93."""
    from auditor import audit_text

    text = "年末全市共有文化机构93个,其中,图书馆11个、市级及以上图书馆4个,文化馆15个,博物馆7个,乡镇综合文化站60个。"
    assert "S401" not in [f.code for f in audit_text(text).findings]
    assert [c.expression for c in audit_text(text).claims if c.kind == "sum"] == ["11+15+7+60"]


def test_a_negated_name_is_the_rest_not_a_narrowing_fail() -> None:
    from auditor import audit_text

    text = "共回访群众50件,其中满意41件,不满意12件。"
    assert "S401" in [f.code for f in audit_text(text).findings]
