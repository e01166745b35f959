"""Rates listed after the changes they are of (relate/change_lists.py): levels, changes and rates in one order."""
from __future__ import annotations

from auditor import audit_text

LOUD = ("error", "warning")


def growths(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "growth"]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in LOUD]


PASS = "全县发生交通事故120起,死亡36人,同比减少30起、4人,分别下降20%和10%。"


def test_each_rate_is_its_change_over_its_prior_pass() -> None:
    got = growths(PASS)
    assert ("consistent", "30/(120+30)") in got and ("consistent", "4/(36+4)") in got
    assert not loud(PASS)


def test_a_wrong_member_is_flagged_alone_fail() -> None:
    text = PASS.replace("和10%", "和12%")
    got = growths(text)
    assert ("consistent", "30/(120+30)") in got and ("inconsistent", "4/(36+4)") in got
    assert "G301" in loud(text)


def test_an_increase_list_pass() -> None:
    text = "全年新设企业260户,个体工商户1500户,同比增加60户、300户,分别增长30%和25%。"
    got = growths(text)
    assert ("consistent", "60/(260-60)") in got and ("consistent", "300/(1500-300)") in got


def test_lists_whose_measure_words_do_not_pair_make_no_claim() -> None:
    # 起 and 人 in another order than the changes: no pairing by position
    text = "全县死亡36人,发生交通事故120起,同比减少30起、4人,分别下降20%和10%。"
    assert not [e for _, e in growths(text) if e in ("30/(36+30)", "4/(120+4)")]
    assert not loud(text)


BUDGET = "4月,一般公共预算收入累计完成24627万元,完成年初预算数60999万元的40.4%,比上年减收1070万元,下降4.2%。"


def test_a_change_and_rate_after_a_completion_phrase_pass() -> None:
    assert ("consistent", "10700000/(246270000+10700000)") in growths(BUDGET)
    assert not loud(BUDGET)


def test_a_change_and_rate_after_a_completion_phrase_fail() -> None:
    text = BUDGET.replace("下降4.2%", "下降5.2%")
    assert ("inconsistent", "10700000/(246270000+10700000)") in growths(text)
    assert "G301" in loud(text)


def test_a_level_of_another_unit_is_no_level_of_the_change() -> None:
    text = "全年办理案件2460件,完成年度计划的82%,比上年减少120人,下降4.2%。"
    assert not [e for _, e in growths(text) if e and "2460" in e]
