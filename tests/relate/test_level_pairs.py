"""A growth rate whose two levels, one per period, are stated in the sentence beside it (confirms only)."""
from __future__ import annotations

import pytest

from auditor import audit_text

TEXT = "3月份,刑事案件收案数较去年同期增加{}%。据了解,该院在2022年3月份受理刑事案件8起,今年3月份受理刑事案件20起。"


def growth(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "growth"]


def test_level_pair_in_next_sentence_pass() -> None:
    assert ("consistent", "(20-8)/8") in growth(TEXT.format("150"))


def test_level_pair_off_is_not_confirmed_nor_accused() -> None:
    text = TEXT.format("120")
    assert ("unverifiable", "(20-8)/8") in growth(text)
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


@pytest.mark.parametrize("text", [
    TEXT.format("150").replace("较去年同期", "较上月"),  # 环比: the levels are a year apart
    TEXT.format("150").replace("受理刑事案件20起", "受理民事案件20起"),  # two different things counted
    # the levels count another thing than the rate's
    TEXT.format("150").replace("刑事案件收案数", "民商事案件收案数").replace("受理刑事案件", "受理行政案件"),
    TEXT.format("150").replace("今年3月份", "今年4月份"),  # other months
])
def test_level_pair_chance_pairing(text: str) -> None:
    assert all(s != "consistent" for s, e in growth(text) if e == "(20-8)/8")
