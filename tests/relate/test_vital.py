"""Two rates of one population in one sentence imply the same population (relate/vital.py).

Figures are invented; no population is stated, so only the pair can be checked.
"""
from __future__ import annotations

from auditor import audit_text

# 8200/8.2‰ = 1,000,000; 5500 deaths on it are 5.50‰
OK = "全年全县出生人口8200人,出生率为8.20‰;死亡人口5500人,死亡率为5.50‰;自然增长率为2.70‰。"
BAD = "全年全县出生人口8200人,出生率为8.20‰;死亡人口5500人,死亡率为2.75‰;自然增长率为5.45‰。"


def rates(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]


def errors(text: str) -> list[str]:
    return [f.text for f in audit_text(text).findings if f.code == "R201" and f.severity.value == "error"]


def test_second_rate_on_the_population_the_first_implies() -> None:
    assert ("5.5", "consistent", "5500*8.2/8200") in rates(OK)
    assert not errors(OK)


def test_rates_that_imply_two_populations_are_flagged() -> None:
    assert ("2.75", "inconsistent", "5500*8.2/8200") in rates(BAD)
    assert errors(BAD)


def test_rounded_rates_leave_room() -> None:
    """8.2‰ stands for 8.15..8.25: deaths of 5.47‰..5.53‰ on it all fit 5.5‰."""
    text = "全年出生人口8200人,出生率为8.2‰;死亡人口5500人,死亡率为5.5‰。"
    assert "consistent" in [s for _, s, _ in rates(text)]
    assert not errors(text)


def test_rates_of_a_group_are_not_peers() -> None:
    """婴儿死亡率 is per thousand births, not of the population the birth rate is over."""
    text = "全年出生人口8200人,出生率为8.20‰;婴儿死亡人口41人,婴儿死亡率为5.00‰。"
    assert not errors(text)
    assert "inconsistent" not in [s for _, s, _ in rates(text)]


def test_rates_in_two_sentences_are_not_paired() -> None:
    """A chance pairing: the death rate is of another sentence (another place), so nothing is flagged."""
    text = "甲县全年出生人口8200人,出生率为8.20‰。乙县死亡人口5500人,死亡率为2.75‰。"
    assert not errors(text)
    assert "inconsistent" not in [s for _, s, _ in rates(text)]


def test_rates_of_two_periods_are_not_paired() -> None:
    text = "2020年出生人口8200人,出生率为8.20‰;2019年死亡人口5500人,死亡率为2.75‰。"
    assert not errors(text)
