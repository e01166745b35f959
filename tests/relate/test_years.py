"""Changes between the levels of two named years (relate/years.py)."""
from __future__ import annotations

from auditor import audit_text

TEXT = (  # d016
    "2018年受理2803.5万件、2019年受理3160.5万件、2020年受理3084.4万件、2021年受理3355万件、2022年受理3372.3万件。\n"
    "廖向阳说,2019年相比2018年增长了357万件,2022年相比2019年增长了211.8万件。"
    "从2019年至2022年,这四年间年平均增长70.6万件。\n"
)


def diffs(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "difference"]


def test_change_between_two_named_years() -> None:
    found = diffs(TEXT)
    assert ("3570000", "consistent", "31605000-28035000") in found
    assert ("2118000", "consistent", "33723000-31605000") in found


def test_average_change_over_a_span_of_years_counts_its_steps() -> None:
    assert ("706000", "consistent", "(33723000-31605000)/3") in diffs(TEXT)


def test_a_change_off_the_years_levels_is_not_confirmed_nor_accused() -> None:
    text = TEXT.replace("增长了357万件", "增长了375万件")
    assert ("3750000", "unverifiable") in [d[:2] for d in diffs(text)]
    assert not [f for f in audit_text(text).findings if f.code.startswith("G")]


def test_a_year_with_two_levels_gives_no_pairing() -> None:
    text = "2018年受理2803.5万件,2018年审结2520万件,2019年受理3160.5万件。2019年相比2018年增长了357万件。"
    assert not [d for d in diffs(text) if d[1] == "consistent"]
