"""A closure rate over the new and the carried-over cases (relate/stock_flow.py closure_flows). Figures invented."""
from __future__ import annotations

from auditor import audit_text


def rates(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]


def test_new_and_carried_cases_stated_apart_make_the_base() -> None:
    text = "全院新收案件1000件,旧存200件,审结960件,结案率80%。"
    assert ("80", "consistent", "960/(1000+200)") in rates(text)


def test_a_stock_outside_the_inflow_in_brackets_joins_the_base_across_sentences() -> None:
    text = "全院共收案1000件(不含旧存200件),同比下降2.4%。审结960件(含旧存),同比上升3.5%;综合结案率为80.0%。"
    assert ("80", "consistent", "960/(1000+200)") in rates(text)


def test_the_stock_before_the_inflow() -> None:
    text = "全院旧存200件,新收案件1000件,审结960件,结案率80%。"
    assert ("80", "consistent", "960/(1000+200)") in rates(text)


def test_a_stock_the_inflow_holds_is_not_added() -> None:
    text = "全院共受理案件1000件(含旧存200件),审结800件,结案率为66.7%。"
    assert not [r for r in rates(text) if r[2] == "800/(1000+200)"]
    assert not [r for r in rates(text) if r[1] == "consistent"]


def test_a_rate_off_the_flows_is_not_confirmed_nor_accused() -> None:
    text = "全院新收案件1000件,旧存200件,审结960件,结案率85%。"
    assert not [r for r in rates(text) if r[1] == "consistent"]
    assert not [f for f in audit_text(text).findings if f.code.startswith("R")]


def test_the_flows_before_an_earlier_rate_are_that_rates_own() -> None:
    text = ("刑庭新收案件100件,旧存20件,审结96件,结案率80%;民庭受理案件500件,"
            "审结400件,结案率80%。")
    got = rates(text)
    assert ("80", "consistent", "96/(100+20)") in got
    assert not [r for r in got if r[2] == "400/(100+20)"]
