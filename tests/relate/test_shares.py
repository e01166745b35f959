"""Shares linked by the structure of a list, and a share ranked in the clause before its figure."""
from __future__ import annotations

from auditor import audit_text


def shares(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "share"]


def test_a_ranked_share_is_checked_against_its_base() -> None:
    # PASS: 96/120 = 80%
    text = "新受理的投诉120件中，涉及物业服务的96件，占受理投诉数比例最高，达80%；其他24件。"
    assert ("consistent", "96/120") in shares(text)


def test_a_ranked_share_that_misses_its_base_is_reported() -> None:
    # FAIL: 96/120 = 80%, not 86%
    text = "新受理的投诉120件中，涉及物业服务的96件，占受理投诉数比例最高，达86%；其他24件。"
    found = shares(text)
    assert any(e == "96/120" and s in ("inconsistent", "borderline") for s, e in found)


def test_a_superlative_without_a_share_word_claims_no_share() -> None:
    # 增幅最高 ranks a growth, not a share: the figure after it is no share of anything
    text = "全市受理投诉120件，其中物业服务96件，增幅最高，达86%。"
    assert not [s for s in shares(text) if s[1] == "96/120"]
