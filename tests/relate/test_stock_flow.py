"""Pending cases as inflow + carried-over stock − concluded (收案 + 旧存 − 审结 = 未结), confirms only."""
from __future__ import annotations

import pytest

from auditor import audit_text


def flows(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims
            if c.kind == "difference" and "concluded" in c.detail.get("link", "")]


def test_inflow_without_stock_pass() -> None:
    text = "全年共收各类案件12 400件(不含上年旧存1 300件),比上年上升2%。审结12 900件。年底尚有未结案件800件。"
    assert flows(text) == [("consistent", "12400+1300-12900")]


def test_inflow_holding_stock_pass() -> None:
    text = "全年共受理各类案件13 700件(含上年旧存1 300件),审结12 900件,年底未结案件800件。"
    assert flows(text) == [("consistent", "13700-12900")]


def test_pending_off_is_not_confirmed_nor_accused() -> None:
    text = "全年共收各类案件12 400件(不含上年旧存1 300件),比上年上升2%。审结12 900件。年底尚有未结案件900件。"
    assert flows(text) == [("unverifiable", "12400+1300-12900")]
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


@pytest.mark.parametrize("text", [
    "全年审结案件12 900件,共收各类案件12 400件,年底尚有未结案件800件。",  # concluded named before the inflow
    "全年共收各类案件12 400件。年底尚有未结案件800件。",  # nothing concluded
    "全年共收各类案件12 400件,审结12 900人,年底尚有未结案件800件。",  # another unit
])
def test_flow_chance_pairing(text: str) -> None:
    assert all(s != "consistent" for s, _ in flows(text))
