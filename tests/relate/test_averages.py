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


def test_a_count_of_the_names_listed_before_it_is_no_divisor() -> None:
    """412万件 over 甲市、乙市、丙市3个: 3 counts the courts named, not their judges."""
    text = ("全省法院共有2.5万名员额法官,新收案数320万件,人均新收案件128件。"
            "东市、西市、南市3个市法院人均收案超过150件,其余各市法院人均收案低于全省平均水平。")
    got = [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]
    assert ("128", "consistent", "3200000/25000") in got
    assert not [g for g in got if g[2] and g[2].endswith("/3")]


def test_counts_names() -> None:
    from auditor.relate.averages import counts_names

    qs = [q for q in audit_text("东市、西市、南市3个市法院;共3个法院,东市2个").quantities if q.is_quantity]
    assert [counts_names("东市、西市、南市3个市法院;共3个法院,东市2个", q) for q in qs] == [True, False, False]
