"""Points of a share rebuilt from the two parts of its whole and their changes (confirms only).

Figures are invented: 城镇 600 (+40) and 乡村 400 (-40) of 1000: the share went from 560/1000 = 56%
to 60%, 4 points.
"""
from __future__ import annotations

import pytest

from auditor import audit_text

TEXT = ("城镇常住人口600万人,比上年末增加40万人;乡村常住人口400万人,减少40万人;"
        "城镇人口占总人口比重为60%,比上年末提高{}个百分点。")


def points(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.code) for c in audit_text(text).claims if c.kind == "points"]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


def test_points_from_parts_pass() -> None:
    text = TEXT.format("4")
    assert points(text) == [("consistent", None)]
    assert not loud(text)


def test_points_from_parts_fail_is_not_confirmed() -> None:
    """56% to 60% is 4 points, not 3.5: not confirmed, and not accused (the whole may hold more parts)."""
    text = TEXT.format("3.5")
    assert points(text) == [("unverifiable", None)]
    assert not loud(text)


@pytest.mark.parametrize("text", [
    # the share is not the part over the two: the levels are of another whole
    "城镇常住人口600万人,比上年末增加40万人;乡村常住人口400万人,减少40万人;城镇化率为45%,比上年末提高4个百分点。",
    # the share's name holds neither part
    "城镇常住人口600万人,比上年末增加40万人;乡村常住人口400万人,减少40万人;就业率为60%,比上年末提高4个百分点。",
    # one part states no change
    "城镇常住人口600万人;乡村常住人口400万人,减少40万人;城镇人口占总人口比重为60%,比上年末提高4个百分点。",
])
def test_points_from_parts_chance_pairing(text: str) -> None:
    assert all(s != "consistent" for s, _ in points(text))
    assert not loud(text)
