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
