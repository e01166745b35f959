"""Point changes of age groups that split the population completely net to zero (confirms only)."""
from __future__ import annotations

import pytest

from auditor import audit_text

AGES = ("与上次普查相比,0-17岁人口的比重{}了2.1个百分点,18-59岁人口的比重下降了3.4个百分点,"
        "60岁及以上人口的比重上升了{}个百分点。")


def nets(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "points" and c.expression]


def test_partition_nets_to_zero_pass() -> None:
    assert nets(AGES.format("上升", "1.3")) == [("consistent", "2.1-3.4+1.3")]


def test_partition_off_zero_is_not_confirmed() -> None:
    """2.1 - 3.4 + 1.9 = 0.6: the shares no longer add up to 100; left unverifiable (shares rounded one by one)."""
    text = AGES.format("上升", "1.9")
    assert nets(text) == [("unverifiable", "2.1-3.4+1.9")]
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


@pytest.mark.parametrize("text", [
    # a gap (18-59 then 65及以上): the groups do not split the whole
    "0-17岁人口的比重上升了2.1个百分点,18-59岁人口的比重下降了3.4个百分点,65岁及以上人口的比重上升了1.3个百分点。",
    # not from 0
    "15-59岁人口的比重下降了3.4个百分点,60岁及以上人口的比重上升了3.4个百分点。",
    # no open last group
    "0-17岁人口的比重上升了2.1个百分点,18-59岁人口的比重下降了2.1个百分点。",
])
def test_partition_chance_pairing(text: str) -> None:
    assert nets(text) == []
