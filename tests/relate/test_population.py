"""Rates of a population over the population stated before them (relate/population.py)."""
from __future__ import annotations

from auditor import audit_text

TEXT = (
    "截至2018年年末,中国大陆总人口(包括31个省、自治区、直辖市和中国人民解放军现役军人,不包括香港、澳门特别行政区)"
    "139538万人,比上年末增加530万人。\n"
    "2018年我国出生人口1523万人,人口出生率为10.94‰;死亡人口993万人,人口死亡率为7.13‰。\n"
)


def rates(text: str) -> list[tuple[str, str, str]]:
    return [(c.claimed, c.status, c.detail.get("link", "")) for c in audit_text(text).claims if c.kind == "rate"]


def test_birth_and_death_rates_over_the_mean_population() -> None:
    found = rates(TEXT)
    assert ("10.94", "consistent", "population rate 出生率: 出生 over 中国大陆总人口") in found
    assert ("7.13", "consistent", "population rate 死亡率: 死亡 over 中国大陆总人口") in found


def test_a_rate_off_its_population_is_not_confirmed_nor_accused() -> None:
    text = TEXT.replace("10.94‰", "12.94‰")
    assert ("12.94", "unverifiable") in [f[:2] for f in rates(text)]
    assert not [f for f in audit_text(text).findings if f.code.startswith("R")]


def test_the_part_must_be_named_by_the_rate() -> None:
    # 死亡率 has no 死亡 count here: the births are not its part
    text = "年末全市常住人口312.87万人。全年出生人口为3.09万人,死亡率为9.88‰。"
    assert not [f for f in rates(text) if f[1] == "consistent"]
