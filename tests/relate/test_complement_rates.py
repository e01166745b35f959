"""The rate of a complement over the whole of the complementary rate before it (relate/complement_rates.py).
Figures invented."""
from __future__ import annotations

from auditor import audit_text

HEAD = "本季度批准逮捕30人,不捕10人,不捕率为25%。"


def rates(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]


def test_the_other_side_of_the_pair_is_over_the_same_whole() -> None:
    assert ("75", "consistent", "30/(10+30)") in rates(HEAD + "对提请审查的案件,批捕率75%。")


def test_a_complement_rate_off_the_whole_is_not_accused() -> None:
    text = HEAD + "对提请审查的案件,批捕率70%。"
    assert not [r for r in rates(text) if r[0] == "70" and r[1] == "consistent"]
    assert not [f for f in audit_text(text).findings if f.code.startswith("R")]


def test_a_request_rate_is_another_metric() -> None:
    text = HEAD + "同期,公安机关提请批捕率为75%。"
    assert not [r for r in rates(text) if r[0] == "75" and r[1] == "consistent"]


def test_an_unconfirmed_rate_before_lends_no_whole() -> None:
    text = "本季度批准逮捕30人,不捕10人,不捕率为20%。批捕率80%。"
    assert not [r for r in rates(text) if r[0] == "80" and r[1] == "consistent"]


def test_a_rate_two_sentences_on_is_not_linked() -> None:
    text = HEAD + "全年开展专项活动3次。另有其他工作。批捕率75%。"
    assert not [r for r in rates(text) if r[0] == "75" and r[1] == "consistent"]
