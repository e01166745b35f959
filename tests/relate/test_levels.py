"""Points between two rates of one item (relate/levels.py::_points). Figures invented."""
from __future__ import annotations

from auditor import audit_text


def points(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "points"]


def test_a_rate_compared_with_the_one_after_bi_is_checked() -> None:
    ok = "全市优良天数比例为86.5%,比上年的82.0%提高4.5个百分点。"
    assert ("4.5", "consistent", "86.5-82") in points(ok)
    bad = ok.replace("4.5个百分点", "5.5个百分点")
    assert ("5.5", "inconsistent", "86.5-82") in points(bad)


def test_bi_inside_a_rate_word_is_no_comparison() -> None:
    """比例 in 优良天数比例为 does not say the first region's rate is the second's prior value."""
    text = ("甲市优良天数比例为81.5%,同比上升13.3%,臭氧平均浓度为163微克/立方米,同比上升28.3%\n"
            "乙区41个城市平均优良天数比例为80.8%,同比下降7.0个百分点,PM2.5浓度为38微克/立方米。")
    assert not [p for p in points(text) if p[1] == "inconsistent"]
    assert not [f for f in audit_text(text).findings if f.code.startswith("G30")]


def test_bi_zhong_is_no_comparison_either() -> None:
    text = "城镇人口比重为61.0%,乡村人口比重为39.0%,比上年下降1.2个百分点。"
    assert not [p for p in points(text) if p[1] == "inconsistent"]


def _differences(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "difference"]


def test_a_comparison_after_a_breakdown_may_be_the_totals() -> None:
    # 其中 opens the breakdown of 48300; the comparison after its last part is the total's (48300-46200 = 2100)
    text = ("水利建设资金48300万元,其中:灌区改造15100万元、堤防加固19600万元、水源工程13600万元,"
            "比调整数{x}万元增加2100万元。")
    assert _differences(text.format(x=46200)) == [("21000000", "consistent", "483000000-462000000")]
    # neither the total's reading nor the part's gives it: the text does not say whose comparison it is
    assert _differences(text.format(x=45200)) == [("21000000", "unverifiable", "483000000-452000000")]
    assert [f.code for f in audit_text(text.format(x=45200)).findings] == []


def test_a_comparison_after_a_bracket_that_closed_the_breakdown_is_the_totals() -> None:
    text = "水利建设资金48300万元(其中灌区改造15100万元、堤防加固33200万元),比调整数45200万元增加2100万元。"
    assert _differences(text) == [("21000000", "inconsistent", "483000000-452000000")]
    assert "G302" in [f.code for f in audit_text(text).findings]


def test_a_bracket_inside_the_breakdown_does_not_end_it() -> None:
    # (其中:…) closes inside the 其中 list; the comparison after the list is still the total's (36200-35800 = 400)
    text = ("转移性收入36200万元,其中:返还性收入5100万元、一般性转移支付收入27300万元(其中:疫情补助收入3100万元)、"
            "专项转移支付收入3800万元,比调整数35800万元增加400万元。")
    assert _differences(text) == [("4000000", "consistent", "362000000-358000000")]
