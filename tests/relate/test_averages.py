"""Averages per day over the days of the period the paragraph names (relate/averages.py). Figures invented."""
from __future__ import annotations

from auditor import audit_text


def averages(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]


def test_quarter_of_a_stated_year() -> None:
    # 2024 is a leap year: January to March has 91 days; 27300/91 = 300
    text = "2024年第一季度,全县热线共受理来电27300个,日均300个。"
    assert ("300", "consistent", "27300/91") in averages(text)


def test_quarter_wrong_average_is_not_confirmed() -> None:
    """日均320个 fits no reading of the quarter: unverifiable, never an error (working days are another base)."""
    text = "2024年第一季度,全县热线共受理来电27300个,日均320个。"
    assert ("320", "unverifiable", None) in averages(text)
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


def test_span_of_dates_counts_both_ends() -> None:
    text = "3月1日至10日,全市普降暴雨,其间热线日均接听来电1250.5个,这十天的来电总量为12505个。"
    assert ("1250.5", "consistent", "12505/10") in averages(text)


def test_days_stated_in_the_totals_clause() -> None:
    text = "活动期间,展馆日均接待游客3200人次,这五天的接待总量为16000人次。"
    assert ("3200", "consistent", "16000/5") in averages(text)


def test_unrelated_days_do_not_pair() -> None:
    """A chance pairing: 10天 is a time limit, not the period of the total."""
    text = "全年共受理案件1000件,日均100件,平均办理时限为10天。"
    assert ("100", "consistent", "1000/10") not in averages(text)


def test_half_year_without_a_year_takes_either_length() -> None:
    text = "上半年,全区共受理投诉18100件,日均100件。"
    assert ("100", "consistent", "18100/181") in averages(text)
