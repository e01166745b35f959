"""Rates of a decision over the cases concluded in the sentence before (relate/outcome_base.py). Figures invented."""
from __future__ import annotations

from auditor import audit_text

HEAD = "本院审结审查起诉案件60件70人,上年同期为90件120人。"


def rates(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]


def test_a_prosecution_rate_is_over_the_concluded_persons_of_the_sentence_before() -> None:
    text = HEAD + "决定起诉45件56人,同比下降10%;起诉率(按人数)为80%。"
    assert ("80", "consistent", "56/70") in rates(text)


def test_without_the_qualifier_the_parts_unit_decides() -> None:
    assert ("80", "consistent", "56/70") in rates(HEAD + "决定起诉45件56人,起诉率为80%。")


def test_a_qualifier_naming_the_other_unit_takes_no_base() -> None:
    assert not [r for r in rates(HEAD + "决定起诉45件56人,起诉率(按件数)为80%。") if r[1] == "consistent"]


def test_a_rate_off_the_base_is_neither_confirmed_nor_accused() -> None:
    text = HEAD + "决定起诉45件56人,起诉率为85%。"
    assert not [r for r in rates(text) if r[1] == "consistent"]
    assert not [f for f in audit_text(text).findings if f.code.startswith("R")]


def test_the_concluded_count_of_another_procedure_is_not_the_base() -> None:
    text = "本院审结审查逮捕案件60件70人。决定起诉45件56人,起诉率为80%。"
    assert not [r for r in rates(text) if r[1] == "consistent"]


def test_an_earlier_periods_concluded_count_is_not_the_base() -> None:
    text = "上年同期审结审查起诉案件60件70人。决定起诉45件56人,起诉率为80%。"
    assert not [r for r in rates(text) if r[1] == "consistent"]


def test_a_rate_of_no_decision_is_not_linked() -> None:
    text = HEAD + "其中认罪认罚45件56人,适用率为80%。"
    assert ("80", "consistent", "56/70") not in rates(text)
