"""A total's change against the sum of its parts' signed changes (relate/changes.py)."""
from __future__ import annotations

from auditor import audit_text

POPULATION = (
    "年末全国总人口139538万人,比上年末增加530万人。"
    "从城乡结构看,城镇常住人口83137万人,比上年末增加1790万人;乡村常住人口56401万人,减少1260万人。"
)


def changes(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims
            if c.detail.get("link") == "the parts' changes add up to the total's change"]


def test_parts_changes_add_up_to_the_totals_change() -> None:
    assert changes(POPULATION) == [("consistent", "17900000-12600000")]


def test_parts_changes_that_miss_make_no_claim() -> None:
    text = POPULATION.replace("减少1260万人", "减少1160万人")
    assert changes(text) == []
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


ACCIDENTS = (
    "全市共发生各类生产安全事故37起,死亡33人,受伤14人,与去年同期相比,事故起数减少8起,下降17.77%;"
    "死亡人数减少9人,下降21.42%;受伤人数减少17人,下降54.83%。其中,交通运输业事故30起,死亡26人,同比减少5起4人。"
    "采矿业事故1起,死亡1人,同比减少1起1人。商贸制造业事故5起,死亡5人,同比减少1起1人。"
    "建筑业事故1起,死亡1人,同比减少1起3人。"
)


def test_sector_decreases_add_up_per_unit() -> None:
    found = changes(ACCIDENTS)
    assert ("consistent", "-5-1-1-1") in found and ("consistent", "-4-1-1-3") in found


def test_a_sector_without_its_own_change_leaves_the_total_alone() -> None:
    text = ACCIDENTS.replace("建筑业事故1起,死亡1人,同比减少1起3人。", "建筑业事故1起,死亡1人。")
    assert changes(text) == []


WATER = ("与上年相比，全省用水总量增加7.8亿立方米，其中，生活用水量减少0.4亿立方米，工业用水量减少8.1亿立方米，"
         "农业用水量增加13.7亿立方米，生态补水量增加2.6亿立方米。")


def announced(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.status, c.claimed, c.expression) for c in audit_text(text).claims
            if c.detail.get("link") == "the changes of the parts 其中 lists"]


def test_a_change_broken_down_by_qizhong_adds_its_parts_signed_changes() -> None:
    assert announced(WATER) == [("consistent", "780000000", "-40000000-810000000+1370000000+260000000")]


def test_a_fall_broken_down_by_qizhong() -> None:
    text = "全市户籍人口减少5.3万人，其中城镇人口增加12.6万人，乡村人口减少17.9万人。"
    assert announced(text) == [("consistent", "-53000", "126000-179000")]


def test_parts_changes_that_miss_the_announced_total_are_left_unverifiable() -> None:
    text = WATER.replace("增加13.7亿", "增加12.7亿")
    assert [s for s, _, _ in announced(text)] == ["unverifiable"]
    assert not [f for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


def test_parts_without_their_own_growth_word_are_no_changes() -> None:
    text = "全市用水总量增加7.8亿立方米，其中生活用水量9.4亿立方米，工业用水量18.1亿立方米。"
    assert announced(text) == []
