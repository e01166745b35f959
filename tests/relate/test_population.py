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
    """18% off the year-end and the mean population: never an error (the base is the report's own), but a
    warning that the rate is over a population the text does not state (R206)."""
    text = TEXT.replace("10.94‰", "12.94‰")
    assert ("12.94", "borderline") in [f[:2] for f in rates(text)]
    assert not [f for f in audit_text(text).findings if f.code.startswith("R") and f.severity.value == "error"]
    assert [f.code for f in audit_text(text).findings if f.code.startswith("R")] == ["R206"]


def test_the_part_must_be_named_by_the_rate() -> None:
    # 死亡率 has no 死亡 count here: the births are not its part
    text = "年末全市常住人口312.87万人。全年出生人口为3.09万人,死亡率为9.88‰。"
    assert not [f for f in rates(text) if f[1] == "consistent"]


def test_a_rate_well_off_its_population_warns_of_its_base() -> None:
    """8.25‰ for 6600 births in 800000 people (8.25‰ needs 800,000; 7.5% off at 744,000): a base not stated."""
    text = "2020年末全县户籍人口为74.4万人,全年出生人口6600人,出生率为8.25‰。"
    found = [(f.code, f.severity.value) for f in audit_text(text).findings]
    assert ("R206", "warning") in found
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


def test_a_rate_near_its_population_does_not_warn() -> None:
    """2% off: a mean population of the year is that close to its year-end."""
    text = "2020年末全县户籍人口为78.4万人,全年出生人口6600人,出生率为8.25‰。"
    assert not [f for f in audit_text(text).findings if f.code == "R206"]


def test_a_population_of_another_year_does_not_warn() -> None:
    text = "2020年末全县户籍人口为74.4万人。2019年全县出生人口6600人,出生率为8.25‰。"
    assert not [f for f in audit_text(text).findings if f.code == "R206"]
