"""Structures written as a ratio of shares (relate/structures.py). Figures invented."""
from __future__ import annotations

import pytest

from auditor import audit_text


def shares(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "share"]


def loud(text: str) -> list[str]:
    return [f.text for f in audit_text(text).findings if f.code == "R201"]


GDP = ("全区实现地区生产总值500.0亿元,同比增长6.2%。其中,第一产业增加值30.0亿元,增长3.8%;"
       "第二产业增加值220.0亿元,增长7.2%;第三产业增加值250.0亿元,增长4.8%。三次产业比为{}。")


def test_a_bare_bi_structure_is_checked() -> None:
    ok = GDP.format("6.0:44.0:50.0")
    assert [s[1] for s in shares(ok)] == ["consistent"] * 3
    assert not loud(ok)


def test_a_bare_bi_structure_off_its_parts_is_flagged() -> None:
    bad = GDP.format("6.0:46.0:48.0")
    got = shares(bad)
    assert ("46", "inconsistent", "22000000000/50000000000") in got
    assert loud(bad)


def test_bi_with_terms_not_near_100_is_no_structure() -> None:
    text = GDP.format("1:2:3")
    assert shares(text) == []


INVEST = ("从产业投资看,第一产业完成投资12.0亿元,同比增长30.0%;第三产业完成投资50.0亿元,增长10.0%;"
          "第二产业完成投资138.0亿元,下降2.0%。三次产业投资比重为{}。")


def test_the_count_of_kinds_names_the_noun_and_parts_may_come_out_of_order() -> None:
    """三次产业投资比重: the ordinals name 产业 (第一产业…), and the parts, worded alike, are listed 一、三、二."""
    got = shares(INVEST.format("6.0:69.0:25.0"))
    assert ("6", "consistent", None) not in got
    assert [s[1] for s in got] == ["consistent"] * 3
    assert ("69", "consistent") in [s[:2] for s in got]


def test_out_of_order_parts_of_different_metrics_are_not_taken() -> None:
    text = ("第一产业增加值12.0亿元,第三产业增加值50.0亿元。第二产业完成投资138.0亿元,第一产业完成投资20.0亿元。"
            "三次产业比为6.0:69.0:25.0。")
    assert not [s for s in shares(text) if s[1] != "unverifiable"]


# ordinals fused before one noun (第一、二、三产业), the parts listed after 分别为 in their order
FUSED = ("全市第一、二、三产业的增加值分别为40亿元、460亿元和500亿元,分别增长3.1%、6.0%和7.2%。"
         "第一、二、三产业增加值的结构比重为{}。")


def test_fused_ordinals_with_a_respectively_list_are_checked() -> None:
    ok = FUSED.format("4.0:46.0:50.0")
    assert [s[1] for s in shares(ok)] == ["consistent"] * 3
    assert not loud(ok)


def test_fused_ordinals_off_their_parts_are_flagged() -> None:
    # with the total the parts hang from (其中): 460/1000 is 46.0%, 500/1000 is 50.0%
    bad = FUSED.format("4.0:44.0:52.0").replace("全市第一", "全市地区生产总值1000亿元,其中第一")
    assert ("44", "inconsistent", "46000000000/100000000000") in shares(bad)
    assert loud(bad)


def test_fused_ordinals_off_their_parts_sum_only_confirm() -> None:
    # no total stated: the parts' own sum is the whole, which only ever confirms
    assert not loud(FUSED.format("4.0:44.0:52.0"))


def test_fused_ordinals_need_as_many_figures_as_ordinals() -> None:
    # two figures for three ordinals: no pairing, nothing claimed
    text = "全市第一、二、三产业的增加值分别为40亿元、460亿元。第一、二、三产业增加值的结构比重为4.0:44.0:52.0。"
    assert not loud(text)
    assert not [s for s in shares(text) if s[1] != "unverifiable"]


# a structure turned from last year's (由上年的A:B:C调整为X:Y:Z): this year's terms are of this year's parts
TURNED = ("全县地区生产总值500.0亿元,其中,第一产业增加值30.0亿元;第二产业增加值220.0亿元;"
          "第三产业增加值250.0亿元。三次产业结构由上年的6.6:45.1:48.3调整为{}。")


def test_a_structure_turned_from_last_years_is_checked() -> None:
    ok = TURNED.format("6.0:44.0:50.0")
    got = shares(ok)
    assert ("44", "consistent", "22000000000/50000000000") in got
    assert not loud(ok)


def test_a_structure_turned_from_last_years_off_its_parts_is_flagged() -> None:
    bad = TURNED.format("6.0:46.0:48.0")
    assert ("46", "inconsistent", "22000000000/50000000000") in shares(bad)
    assert loud(bad)
    # last year's terms are not this year's shares: never flagged
    assert not [t for t in loud(bad) if "45.1" in t and "46" not in t]


@pytest.mark.parametrize("word", ["变化为", "调整至", "优化至"])
def test_a_structure_turned_by_other_words_is_checked_on_this_years_terms(word: str) -> None:
    ok = TURNED.replace("调整为", word).format("6.0:44.0:50.0")
    assert ("44", "consistent", "22000000000/50000000000") in shares(ok)
    assert not loud(ok)
