"""Points of a rate against the prior rate over its numerator's and denominator's own priors.

Figures are invented. 240 cases (+20%: 200 before), 150 closed (+50%: 100 before): the closure rate
went from 50% to 62.5%, 12.5 points.
"""
from __future__ import annotations

import pytest

from auditor import audit_text

TEXT = "受理案件240件,同比上升20%;审结150件,同比上升50%;结案率为62.5%,同比上升{}个百分点。"


def points(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.status, c.expression, c.code) for c in audit_text(text).claims if c.kind == "points"]


def codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity.value) for f in audit_text(text).findings]


def test_points_from_priors_pass() -> None:
    text = TEXT.format("12.5")
    assert points(text) == [("consistent", "150/240-100/200", None)]
    assert not [c for c, s in codes(text) if s in ("error", "warning")]


def test_points_from_priors_fail() -> None:
    text = TEXT.format("15")
    assert points(text) == [("inconsistent", "150/240-100/200", "G302")]
    assert ("G302", "error") in codes(text)


def test_points_of_rounded_rates_is_a_warning() -> None:
    """111/306 = 36.27%, 60/255 = 23.53%: exactly 12.75 points; 12.74 is 36.27 − 23.53, rates rounded first."""
    text = "受理案件306件,同比上升20.0%;审结111件,同比上升85.0%;结案率为36.27%,同比上升12.74个百分点。"
    assert points(text) == [("borderline", "111/306-60/255", "G302")]
    assert ("G302", "warning") in codes(text)


@pytest.mark.parametrize("text", [
    TEXT.format("15").replace("同比上升15", "环比上升15"),  # 环比: the month before, not the year's priors
    TEXT.format("15").replace("结案率为62.5%", "结案率为60%"),  # the rate is not 150/240: its parts are not known
    # a prior not pinned to one whole number (1500 +20%: 1249 to 1251 before): confirmed or left open
    "受理案件1500件,同比上升20%;审结1050件,同比上升50%;结案率为70%,同比上升14个百分点。",
])
def test_points_from_priors_chance_pairing(text: str) -> None:
    assert not [c for c, s in codes(text) if s == "error" and c.startswith("G")]
