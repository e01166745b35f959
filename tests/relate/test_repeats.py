"""Repeats: one metric stated twice, the second time worded more fully."""
from __future__ import annotations

from auditor import audit_text


def repeats(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.expression) for c in audit_text(text).claims
            if c.kind == "repeat" and c.status == "consistent"]


def test_figure_restated_with_a_fuller_subject() -> None:
    text = ("一季度全县实现地区生产总值85.42亿元。其中第二产业实现增加值40.05亿元,增长7.0%。\n"
            "工业经济稳中有进。一季度全县实现第二产业增加值40.05亿元,增长7.0%,拉动经济增长3.1个百分点。\n")
    found = repeats(text)
    assert ("40.05亿元", "= 40.05亿元") in found and found.count(("7.0%", "= 7.0%")) == 2


def test_count_restated_under_a_longer_name_of_its_own() -> None:
    text = ("二季度共受理案件9500件。其中投诉6210件,占65%;举报3290件,占35%。\n"
            "受理消费者举报3290件,比去年同期增加120件。\n")
    assert ("3290件", "= 3290件") in repeats(text)


def test_restated_figure_of_another_value_is_no_repeat() -> None:
    text = ("二季度共受理案件9500件。其中投诉6210件,占65%;举报3290件,占35%。\n"
            "受理消费者举报3280件,比去年同期增加120件。\n")
    assert not [r for r in repeats(text) if r[0].startswith("32")]


def test_equal_figures_of_two_metrics_are_no_repeat() -> None:
    # 投诉 is not the ending of 受理消费者举报: the same count of two things
    text = ("二季度共受理案件6580件。其中投诉3290件,举报3290件。\n"
            "受理消费者举报3290件,比去年同期增加120件。\n")
    found = audit_text(text).claims
    pairs = [c for c in found if c.kind == "repeat" and c.text == "3290件"]
    starts = {c.start for c in pairs}
    assert text.index("投诉3290件") + 2 not in starts


def test_small_counts_with_a_short_name_are_not_tied() -> None:
    text = "二季度共受理案件900件。其中投诉600件;举报{}件。\n二季度受理消费者举报{}件,同比增加3件。\n"
    assert repeats(text.format(250, 250)) == [("250件", "= 250件"), ("250件", "= 250件")]
    assert repeats(text.format(25, 25)) == []  # 25 recurs by chance: 举报 alone does not tie it


def test_equal_rates_of_items_with_different_levels_are_no_repeat() -> None:
    text = ("1-4月,全市一般公共预算收入700.4亿元,增长1.9%。\n"
            "全年全省一般公共预算总收入5382.3亿元,同口径增长1.9%。")
    assert not [c for c in audit_text(text).claims if c.kind == "repeat" and c.claimed == "1.9"]


def test_equal_rates_of_one_level_restated_are_a_repeat() -> None:
    text = ("全市一般公共预算收入700.4亿元,增长1.9%。其中税收收入500亿元。\n"
            "综上,全市一般公共预算收入700.4亿元,增长1.9%,实现平稳开局。")
    assert [c for c in audit_text(text).claims if c.kind == "repeat" and c.claimed == "1.9"]


def _rounded_repeat_statuses(text: str) -> list[str]:
    return [c.status for c in audit_text(text).claims if c.kind == "repeat"]


def test_a_bound_restating_a_figure_holds_it_within_its_last_digit() -> None:
    # PASS: 超5千 restates 5432 (5000..6000)
    text = "全县人均地区生产总值超5千美元。\n……全县人均地区生产总值5432美元，增长6%。"
    assert _rounded_repeat_statuses(text) == ["consistent"]


def test_a_bound_far_below_the_figure_confirms_nothing() -> None:
    # FAIL of the pairing: 超过1万件 is no restatement of 120.5万件, though it lies on the bound's side
    text = ("今年1至9月，全省法院新收案件120.5万件，比去年同期上升10.5%。数据显示，30家法院新收案件数"
            "同比上升超过50%，12家基层法院新收案件数超过1万件。")
    assert "consistent" not in _rounded_repeat_statuses(text)


def test_per_capita_rate_equal_to_the_totals_is_no_repeat() -> None:
    # FAIL before: 人均地区生产总值 holds 地区生产总值, so two equal growth rates of two metrics were tied
    text = ("全年实现地区生产总值312.6亿元，比上年增长8.4%。其中第一产业增加值40.2亿元，增长3.1%。"
            "人均地区生产总值为45210元，比上年增长8.4%。\n")
    assert not [r for r in repeats(text) if r[0] == "8.4%"]


def test_per_capita_level_restated_is_still_a_repeat() -> None:
    # PASS: the per-unit word on both sides names one metric stated twice
    text = ("全年人均地区生产总值为45210元，增长6.2%。\n"
            "经济总量稳步扩大。全县人均地区生产总值为45210元，居全市第三位。\n")
    assert ("45210元", "= 45210元") in repeats(text)


def test_per_unit_apart_compares_the_per_unit_words() -> None:
    from auditor.relate.link import per_unit_apart
    assert per_unit_apart("地区生产总值", "人均地区生产总值")
    assert per_unit_apart("居民可支配收入", "居民人均可支配收入")
    assert not per_unit_apart("人均地区生产总值", "全县人均地区生产总值")
    assert not per_unit_apart("第二产业增加值", "一季度第二产业增加值")


# ---- equal rates of two metrics ----------------------------------------------------------------

def test_equal_rates_moving_opposite_ways_are_no_repeat() -> None:
    """浓度下降12.4% and 臭氧浓度上升12.4%: one metric cannot fall and rise; the equal figures are chance."""
    text = ("今年前三季度,全市优良天数比例为88.2%,同比上升2.1个百分点,PM2.5浓度为21微克/立方米,同比下降12.4%,"
            "臭氧平均浓度为148微克/立方米,同比上升12.4%。")
    assert not [r for r in repeats(text) if r[0] == "12.4%"]


def test_equal_ratios_after_levels_of_two_metrics_are_no_repeat() -> None:
    """恢复至…的76% after 游客316.25万人次 and after 旅游总收入28.63亿元: ratios of two metrics."""
    text = ("1-3月,全县接待游客316.25万人次,同比增长8.12%,恢复至2019年同期水平的76%;"
            "实现旅游总收入28.63亿元,同比增长15.36%,恢复至2019年同期水平的76%。")
    assert not [r for r in repeats(text) if r[0] == "76%"]


def test_rate_restated_the_same_way_is_still_a_repeat() -> None:
    text = "全县地区生产总值增长6.2%,为近五年最快。报告指出,本年全县地区生产总值增长6.2%。"
    assert repeats(text).count(("6.2%", "= 6.2%")) == 2


def test_equal_figures_whose_subject_is_a_unit_are_no_repeat() -> None:
    """基金收入 and 基金支出 with equal figures: the words before 221.33% and 1,210万元 are 万元 only, no metric."""
    text = ("全年全县基金收入总额5,312万元,完成年初预算2,400万元的221.33%,比上年增加1,210万元,增幅29.50%。"
            "基金支出总额5,312万元,完成年初预算2,400万元的221.33%,比上年4,102万元增加1,210万元,增幅29.50%。")
    assert not [r for r in repeats(text) if r[0] in ("221.33%", "1,210万元")]


def test_equal_growth_of_two_concentrations_is_no_repeat() -> None:
    """PM10浓度为71微克/立方米,同比上升5.3%;…CO浓度为1.8毫克/立方米,同比上升5.3%: each rate is its own level's
    (微克/立方米 a unit), not the sentence head's restated."""
    text = ("全市优良天数比例为81.2%,同比下降1.1个百分点;PM10浓度为64微克/立方米,同比上升4.9%;"
            "O3浓度为148微克/立方米,同比上升2.1%;CO浓度为1.3毫克/立方米,同比上升4.9%。")
    assert repeats(text) == []


def test_two_figures_of_one_precision_are_no_rounded_restatement() -> None:
    # 0.04万 and 0.05万 touch at 450 but are both written to the hundred: two figures, not one restated
    text = ("全县中等教育共有学校48所,比上年减少2所;招生2.84万人,比上年减少0.04万人。\n"
            "普通中学学校27所,比上年减少1所;招生1.52万人,比上年增加0.05万人,增长3.4%。\n")
    assert [c for c in audit_text(text).claims if c.kind == "repeat"] == []


def test_a_figure_restated_more_roughly_is_still_a_repeat() -> None:
    text = "全年招生42638人,比上年增加512人。\n招生规模稳定,全年招生4.26万人。\n"
    assert ("4.26万人", "≈ 42638人") in repeats(text)
