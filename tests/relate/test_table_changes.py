"""A table's growth cell confirmed by the change the text states for its count (relate/table_changes.py).

Invented: a bulletin whose text gives each sector's deaths and their change, and a table whose total row
holds the sectors' counts each with its 同比增长(±%).
"""
from __future__ import annotations

from auditor import audit_text

PROSE = ("全市共发生事故20起，死亡18人。其中，甲业事故12起，死亡8人，同比减少3起2人。"
         "乙业事故8起，死亡10人，同比增加2起5人。\n")
TABLE = ("| 区域 | 甲业 | 同比增长(±%) | 乙业 | 同比增长(±%) |\n"
         "| 一区 | 5 | -10 | 6 | 20 |\n"
         "| 二区 | 3 | 50 | 4 | 100 |\n"
         "| 合计 | 8 | -20 | 10 | 100 |\n")


def growth(text: str) -> list[tuple[str | None, str]]:
    return [(c.expression, c.status) for c in audit_text(text).claims if c.kind == "growth"]


def test_total_row_rates_agreeing_with_the_text_s_changes_are_confirmed() -> None:
    got = growth(PROSE + TABLE)
    assert ("2/(8+2)", "consistent") in got  # 甲业: 8 against 10
    assert ("5/(10-5)", "consistent") in got  # 乙业: 10 against 5


def test_a_rate_the_text_s_change_does_not_give_is_not_confirmed_and_not_accused() -> None:
    text = PROSE + TABLE.replace("| 合计 | 8 | -20 |", "| 合计 | 8 | -30 |")
    got = growth(text)
    assert not [e for e, s in got if e == "2/(8+2)" and s == "consistent"]
    assert not [f for f in audit_text(text).findings if f.code.startswith("G") and f.severity.value == "error"]


def test_a_direction_that_disagrees_with_the_rate_s_sign_links_nothing() -> None:
    text = PROSE.replace("同比减少3起2人", "同比增加3起2人") + TABLE
    assert not [e for e, s in growth(text) if e and "(8" in e and s == "consistent"]


def test_rows_other_than_the_total_are_not_linked() -> None:
    """The text speaks of the whole: 5 in 一区 is not the text's figure even where a sentence says 5."""
    text = PROSE.replace("死亡8人", "死亡5人") + TABLE
    assert not [e for e, s in growth(text) if e and "(5+2)" in e]


def test_a_value_stated_twice_in_the_sentence_links_nothing() -> None:
    """甲业事故8起，死亡8人，同比减少2起2人: which 8 the cell is, the sentence does not say."""
    text = PROSE.replace("甲业事故12起", "甲业事故8起").replace("减少3起2人", "减少2起2人") + TABLE
    assert not [e for e, s in growth(text) if e == "2/(8+2)"]
