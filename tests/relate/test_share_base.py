"""Shares of one named base whose whole is stated earlier (relate/share_base.py). Figures invented."""
from __future__ import annotations

from auditor import audit_text

HEAD = "本季度热线共接听来电9000个,生成有效工单5000件。\n"
RUN = "来件内容方面,城市管理820件,占来件量的16.40%;交通出行615件,占来件量的12.30%;教育医疗410件,占来件量的8.20%。"


def shares(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "share"]


def test_every_share_of_the_run_is_confirmed_on_the_whole_stated_before() -> None:
    got = shares(HEAD + RUN)
    assert ("16.4", "consistent", "820/5000") in got
    assert ("12.3", "consistent", "615/5000") in got
    assert ("8.2", "consistent", "410/5000") in got


def test_shares_that_disagree_on_their_whole_link_none() -> None:
    got = shares(HEAD + RUN.replace("12.30%", "13.30%"))
    assert not [s for s in got if s[1] == "consistent"]
    assert not [f for f in audit_text(HEAD + RUN.replace("12.30%", "13.30%")).findings if f.code.startswith("R")]


def test_a_single_share_is_not_linked_to_a_far_figure() -> None:
    text = HEAD + "来件内容方面,城市管理820件,占来件量的16.40%。"
    assert ("16.4", "consistent", "820/5000") not in shares(text)


def test_two_stated_figures_that_both_fit_leave_the_shares_open() -> None:
    text = "本季度受理登记5001件,生成有效工单5000件。\n" + RUN
    assert not [s for s in shares(text) if s[1] == "consistent"]


def test_shares_of_one_decimal_are_too_loose_to_pick_a_whole() -> None:
    """16.4% of a whole admits 4985..5015: too wide a band to tell the whole from a chance figure."""
    text = HEAD + RUN.replace("16.40%", "16.4%").replace("12.30%", "12.3%").replace("8.20%", "8.2%")
    assert not [s for s in shares(text) if s[1] == "consistent"]


def test_whole_percent_shares_are_too_loose_to_pick_a_whole() -> None:
    text = HEAD + "来件内容方面,城市管理820件,占来件量的16%;交通出行615件,占来件量的12%。"
    assert not [s for s in shares(text) if s[1] == "consistent"]


def test_shares_of_differently_named_bases_are_no_run() -> None:
    text = HEAD + "来件内容方面,城市管理820件,占来件量的16.40%;交通出行615件,占来信量的12.30%。"
    assert not [s for s in shares(text) if s[1] == "consistent"]


def test_a_whole_smaller_than_the_parts_together_is_not_taken() -> None:
    # each share fits 100 on its own, but two parts of 143 cannot be shares of one whole of 100
    text = "本季度生成有效工单100件。\n来件内容方面,城市管理82件,占来件量的82.0%;交通出行61件,占来件量的61.0%。"
    assert not [s for s in shares(text) if s[1] == "consistent"]
