"""A bounded count before an incident's grade names the grade, not a count (extract/scan.py relabel). Invented."""
from __future__ import annotations

from auditor.extract import extract


def kinds(text: str) -> dict[str, str]:
    return {q.text: q.kind for q in extract(text)}


def test_a_death_threshold_before_a_grade_is_a_label() -> None:
    got = kinds("上半年全省发生一次死亡5人以上重大事故3起,死亡21人。")
    assert got["5人以上"] == "label"
    assert got["3起"] == "count" and got["21人"] == "count"


def test_both_bounds_of_a_band_before_its_grade_are_labels() -> None:
    got = kinds("本季度发生一次死亡3人以上9人以下的较大安全事故4起,死亡15人。")
    assert got["3人以上"] == "label" and got["9人以下"] == "label"


def test_grades_listed_with_a_pause_mark() -> None:
    got = kinds("一次死亡5人以上的重大、特别重大事故死亡人数同比下降40%。")
    assert got["5人以上"] == "label"


def test_traditional_script_grades() -> None:
    assert kinds("發生一次死亡20人以上特別重大事故2起。")["20人以上"] == "label"


def test_a_bounded_count_of_people_is_still_a_count() -> None:
    """死亡和下落不明60人以上: how many died, however bounded, is a figure."""
    assert kinds("发生较大事故9起,死亡和下落不明60人以上。")["60人以上"] == "count"


def test_a_bounded_count_before_other_words_is_still_a_count() -> None:
    assert kinds("共有200人以上参加事故应急演练。")["200人以上"] == "count"
