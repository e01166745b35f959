"""The prior-year column of a table against the prior whole the text states (relate/table_prior_whole.py).

Invented: 1000 new cases this year against 800 last year; a table of three of the categories with their
shares of the 1000 and their counts of the year before.
"""
from __future__ import annotations

from auditor import audit_text

LEAD = "全年共新收案件1000件，较上年的800件上升25.00%。主要类别情况如下表：\n"
TABLE = ("| 类别 | 2023年新收 | 占全部新收案件比例 | 2022年新收 |\n| 甲类 | 400 | 40.00% | 300 |\n"
         "| 乙类 | 300 | 30.00% | 260 |\n| 丙类 | 200 | 20.00% | 150 |\n")


def s401(text: str) -> list[str]:
    return [f.message for f in audit_text(text).findings if f.code == "S401"]


def test_prior_cells_adding_up_to_more_than_the_prior_whole_are_flagged() -> None:
    text = LEAD + TABLE.replace("| 260 |", "| 460 |")  # 300 + 460 + 150 = 910 > 800
    [msg] = s401(text)
    assert "910" in msg and "800" in msg and "2022年新收" in msg


def test_prior_cells_within_the_prior_whole_are_left_alone() -> None:
    """710 of 800: the rows are some of the categories, so nothing is confirmed either."""
    result = audit_text(LEAD + TABLE)
    assert not [f for f in result.findings if f.code.startswith("S")]
    assert not [c for c in result.claims if c.kind == "sum" and "2022年新收" in c.text]


def test_without_a_stated_prior_nothing_is_judged() -> None:
    text = LEAD.replace("，较上年的800件上升25.00%", "") + TABLE.replace("| 260 |", "| 460 |")
    assert not s401(text)


def test_a_column_that_is_no_earlier_year_of_the_same_count_is_not_taken() -> None:
    text = LEAD + TABLE.replace("| 2022年新收 |", "| 2022年结案 |").replace("| 260 |", "| 460 |")
    assert not s401(text)


def test_a_share_column_that_does_not_divide_by_the_lead_total_links_nothing() -> None:
    """Shares of another whole (not 1000): the lead-in total is not the current column's whole."""
    text = LEAD + TABLE.replace("40.00%", "50.00%").replace("30.00%", "37.50%").replace("20.00%", "25.00%") \
        .replace("| 260 |", "| 460 |")
    assert not s401(text)
