"""Rates against a year whose figures the text states beside them (relate/year_lists.py)."""
from __future__ import annotations

from auditor import audit_text

LOUD = ("error", "warning")
TEXT = ("2015年,本院受理案件1500件,审结1200件,比2014年分别上升25%和20%。"
        "2014年,本院受理案件1200件,审结1000件。")


def growths(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "growth"]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in LOUD]


def test_rates_over_the_named_years_figures_pass() -> None:
    got = growths(TEXT)
    assert ("consistent", "(1500-1200)/1200") in got and ("consistent", "(1200-1000)/1000") in got
    assert not loud(TEXT)


def test_one_wrong_rate_is_flagged_fail() -> None:
    text = TEXT.replace("和20%", "和25%")
    assert ("inconsistent", "(1200-1000)/1000") in growths(text)
    assert "G301" in loud(text)


def test_figures_of_another_year_are_no_prior() -> None:
    text = TEXT.replace("2014年,本院", "2013年,本院")
    assert not [e for _, e in growths(text) if e and "/1200" in e]


def test_figures_labelled_otherwise_are_no_prior() -> None:
    text = TEXT.replace("2014年,本院受理案件1200件,审结1000件", "2014年,全市新建学校1200所,招生1000人")
    assert not loud(text)
