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
