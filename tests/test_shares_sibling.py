"""A share its siblings' whole does not give (auditor/shares_sibling.py): siblings worded alike, confirmed over
one whole stated before them, settle that whole; a share among them it does not give is an error."""
from __future__ import annotations

from auditor import audit_text

# the whole heads another section: where the shares stand, nothing ties them to it (each alone only confirms)
LEAD = ("一、总体情况\n上周,市级平台共受理诉求15715件,环比增长3%,其中电话渠道9120件。\n"
        "二、热点问题\n上周,公众反映较多的诉求是:")
RUN = "消费维权2236件,占比14.23%;社会保险2137件,占比13.6%;交通出行1607件,占比{x}%;噪音管理439件,占比2.79%。"


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.severity.value, f.expression) for f in audit_text(text).findings]


def shares(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.detail.get("link")) for c in audit_text(text).claims if c.kind == "share"]


def test_a_share_the_siblings_whole_does_not_give_is_an_error() -> None:
    # 1607/15715 = 10.23%; the three siblings fit 15715, printed 10.26% does not
    text = LEAD + RUN.format(x="10.26")
    assert found(text) == [("R201", "error", "1607/15715")]
    assert ("10.26", "inconsistent", "whole its sibling shares are confirmed over") in shares(text)


def test_the_right_share_is_confirmed_and_nothing_is_raised() -> None:
    assert found(LEAD + RUN.format(x="10.23")) == []


def test_one_unit_off_is_left_to_the_publishers_rounding() -> None:
    # 10.24 is one unit from 10.23: the siblings settle the whole, not the rounding
    assert [code for code, _, _ in found(LEAD + RUN.format(x="10.24"))] != ["R201"]


def test_without_two_confirmed_siblings_nothing_is_accused() -> None:
    text = LEAD + "消费维权2236件,占比14.23%;交通出行1607件,占比10.26%。"
    assert found(text) == []
    assert ("10.26", "unverifiable", "same item") in shares(text)


def test_siblings_worded_otherwise_do_not_settle_the_whole() -> None:
    text = LEAD + "消费维权2236件,占比14.23%;社会保险2137件,占比13.6%;交通出行1607件,约占上月总量的10.26%。"
    assert "R201" not in [code for code, _, _ in found(text)]


# one share per paragraph, the whole stated before the run
LIST = ("全年共受理诉求4800件。\n其中,社会保险问题960件,约占受理总量的20.0%。\n"
        "交通运输问题720件,约占受理总量的15.0%。\n城市管理问题480件,约占受理总量的{x}%。\n")


def test_a_share_in_the_paragraph_after_its_siblings_is_in_their_run() -> None:
    # 480/4800 = 10.0%, printed 12.0%: the list runs on, one share per paragraph
    assert found(LIST.format(x="12.0")) == [("R201", "error", "480/4800")]


def test_a_share_paragraphs_after_the_run_may_have_a_subject_of_its_own() -> None:
    # 较大的地区为甲市96万吨,占…的40.0%: a share of one kind of waste, stated paragraphs after the run
    text = ("2021年,全市工业危险废物产生量为1200.0万吨,比上年增加3.0%。\n"
            "产生量较大危险废物种类为废酸300.0万吨,占重点调查工业企业工业危险废物产生量的25.0%;"
            "废碱240.0万吨,占重点调查工业企业的20.0%;废油120.0万吨,占重点调查工业企业的10.0%。\n"
            "废碱产生量较大的地区为甲市150.0万吨和乙市60.0万吨,两市废碱产生量占重点调查工业企业的87.5%。\n"
            "废油产生量较大的地区为戊市48.0万吨,占重点调查工业企业的40.0%。\n")
    assert found(text) == []


# a 其中 list of one part, then the run of parts of the total stated before it
FIRES = ("全年共发生火灾250起。\n按场所分:建筑火灾{head}100起{open}"
         "其中住宅火灾60起,占60.00%,商铺火灾30起,占30.00%,仓库火灾10起,占10.00%{close}"
         "室外火灾50起,占20.00%,车辆火灾45起,占{x}%,植被火灾55起,占22.00%。\n")


def test_shares_another_stated_figure_gives_are_not_accused_over_the_siblings_whole() -> None:
    # the 其中 shares are confirmed over 100; 50, 45 and 55 are of the 250 stated before: 20% = 50/250
    text = FIRES.format(head="", open=",", close=";", x="18.00").replace("\n", "", 1)
    assert found(text) == []


def test_a_failed_share_is_judged_over_the_whole_its_neighbours_are_confirmed_over() -> None:
    # 45/100 = 45% is the nearest reading of 18.30%, but 20% and 22% straight around it are of 250: 45/250 = 18%
    text = FIRES.format(head="共", open=",", close="。", x="18.30")
    assert found(text) == [("R201", "error", "45/250")]
    assert found(FIRES.format(head="共", open=",", close="。", x="18.00")) == []


def test_a_share_whose_neighbours_are_over_another_whole_is_judged_over_theirs_not_the_first_runs() -> None:
    # the 其中 run is confirmed over 100, the run after the parenthesis over 250: 45/250 = 18.00%, so 18.02% is
    # two units off the neighbours' whole, not 45/100 = 45% off the first run's; 18.01% is the publisher's rounding
    head = "(住宅类70起,非住宅类30起,占火灾总起数的40.00%;"
    wrong = found(FIRES.format(head="共发生", open=head, close=")", x="18.02"))
    assert ("R201", "error", "45/250") in wrong and ("R201", "error", "45/100") not in wrong
    for right in ("18.00", "18.01"):
        raised = found(FIRES.format(head="共发生", open=head, close=")", x=right))
        assert not any(e and e.startswith("45/") for _, _, e in raised)


# figures in 万 that the publisher may have cut short rather than rounded (5.37万 for 53791)
CUT_LEAD = ("一、总体情况\n全年,市级平台共接收诉求5.37万件,同比上升12%。\n二、来源\n从来源看,")
CUT_RUN = "电话接收3.84万件,占比71.5%;网上填写1.42万件,占比{x}%;信件来访(含来函等)106件,占比0.20%。"


def test_a_share_operands_cut_short_give_is_no_error() -> None:
    # 1.42万/5.37万 = 26.44%..26.49% rounded; cut short (1.42..1.43万 over 5.37..5.38万) it reaches 26.63%
    assert [code for code, _, _ in found(CUT_LEAD + CUT_RUN.format(x="26.60"))] == []
    # beyond what cutting gives, the siblings' whole still settles it
    assert ("R201", "error", "14200/53700") in found(CUT_LEAD + CUT_RUN.format(x="27.20"))
