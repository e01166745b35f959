"""frames.py: the subject, role, period, plan and item of each figure."""
from __future__ import annotations

import pytest

from auditor import audit_text
from auditor.extract import extract
from auditor.frames import frames
from auditor.model import Frame


def framed(text: str) -> dict[str, Frame]:
    return {q.text: q.frame for q in frames(text, tuple(extract(text))) if q.frame is not None}


def test_parallel_items_each_keep_their_change() -> None:
    f = framed("钢材产量1200万吨，增加50万吨；水泥产量800万吨，增加30万吨。")
    assert (f["1200万吨"].subject, f["1200万吨"].role) == ("钢材产量", "level")
    assert f["50万吨"].role == "change" and f["50万吨"].item == f["1200万吨"].item
    assert f["800万吨"].subject == "水泥产量" and f["800万吨"].item != f["1200万吨"].item
    assert f["30万吨"].item == f["800万吨"].item


def test_items_joined_by_enumeration_commas() -> None:
    f = framed("研发投入占比2.8%、提高0.3个百分点，制造业投资占比31%、提高1.1个百分点。")
    assert f["2.8%"].role == "share" and f["0.3个百分点"].role == "points"
    assert f["0.3个百分点"].item == f["2.8%"].item
    assert f["31%"].item == f["1.1个百分点"].item != f["2.8%"].item


def test_bracketed_prior_value() -> None:
    f = framed("受理投诉412件（2022年355件），同比增长16.1%。")
    assert f["355件"].role == "prior" and f["355件"].period == "2022" and f["355件"].aside
    assert f["355件"].item == f["412件"].item == f["16.1%"].item
    assert f["16.1%"].role == "growth"


def test_change_to_a_level_is_a_level() -> None:
    f = framed("覆盖率由42.1%提高到45.3%，城镇人口增加到1200万人，提高3.2个百分点。")
    assert f["45.3%"].role == "rate"
    assert f["1200万人"].role == "level"
    assert framed("人口增加50万人。")["50万人"].role == "change"


def test_targets_averages_and_thresholds() -> None:
    f = framed("今年主要预期目标是：地区生产总值增长5%左右；城镇新增就业12万人以上。")
    assert f["5%左右"].plan and f["12万人以上"].plan
    assert not framed("地区生产总值增长5.2%。")["5.2%"].plan
    assert framed("人均可支配收入4.5万元。")["4.5万元"].role == "average"
    f = framed("经营性收入50万元以上的行政村占比达68%。")
    assert f["50万元以上"].role == "attribute"
    assert framed("占比超过10%的有44种。")["10%"].role == "attribute"


def test_prior_period_rate() -> None:
    f = framed("平均接通率为98.78%，比上半年平均接通率98.12%高出0.66个百分点。")
    assert f["98.12%"].role == "prior" and f["98.78%"].role == "rate"


def test_sentence_opening_with_a_comparison_goes_on_about_the_item_before() -> None:
    f = framed("受理举报3618件。比去年同期增加433件。")
    assert f["433件"].item == f["3618件"].item and f["433件"].role == "change"


def test_you_marks_an_old_value_only_before_a_new_one() -> None:
    assert framed("财政收入由1559亿元增加到2570亿元。")["1559亿元"].role == "prior"
    assert framed("由法院法官自行调解案件10883件，占诉前调解结案数的66.7%。")["10883件"].role == "level"


def test_a_bare_figure_straight_after_a_change_is_a_change() -> None:
    f = framed("建筑业事故1起,死亡1人,同比减少1起3人。")
    assert f["3人"].role == "change"
    g = framed("交通运输业事故30起,死亡26人。")
    assert g["26人"].role == "level"  # a level after a level stays a level


@pytest.mark.parametrize("opening", ["规模以上工业增加值", "居民人均可支配收入", "降水量", "增值税收入", "减刑案件"])
def test_a_sentence_opening_with_a_noun_that_begins_like_a_continuation_names_its_own_subject(opening: str) -> None:
    # 规模 (as in 规模以上), 居 (居民), 降 (降水), 增 (增值税), 减 (减刑) open nouns here, not 规模达到/降低/增加
    text = f"全县实现营业收入120亿元,增长5%。{opening}30亿元,增长6%。"
    qs = [q for q in audit_text(text).quantities if q.is_quantity]
    assert [q.frame.subject for q in qs[2:] if q.frame] == [opening, opening]
    assert qs[2].frame is not None and qs[0].frame is not None and qs[2].frame.item != qs[0].frame.item


def test_funds_carried_over_from_last_year_are_this_years_level() -> None:
    # 上年结转540万元: funds carried into this year's income, not last year's value of anything
    f = framed("某中心2024年收入预算3600万元,其中:上年结转540万元,占15%;财政拨款收入3060万元,占85%。")
    assert f["540万元"].role == "level" and f["3060万元"].role == "level"
