"""Shares listed before their parts, mapped by 分别 (relate/share_lists.py). Figures invented."""
from __future__ import annotations

from auditor import audit_text

OK = ("今年全市共受理投诉5000件。从被投诉对象看,商场超市占40%,餐饮企业占30%,物业公司占10%,"
      "投诉量分别为2000件、1500件和500件。")
BAD = OK.replace("商场超市占40%", "商场超市占42%")


def shares(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "share"]


def test_shares_mapped_to_their_parts_by_place() -> None:
    got = shares(OK)
    assert ("40", "consistent", "2000/5000") in got
    assert ("30", "consistent", "1500/5000") in got
    assert ("10", "consistent", "500/5000") in got
    assert not [f for f in audit_text(OK).findings if f.code == "R201"]


def test_a_share_off_its_part_is_flagged() -> None:
    assert ("42", "inconsistent", "2000/5000") in shares(BAD)
    assert [f for f in audit_text(BAD).findings if f.code == "R201"]


def test_counts_without_respectively_are_not_mapped() -> None:
    """No 分别: the figures after the shares are not said to be their parts, one for one."""
    text = BAD.replace("投诉量分别为", "另有")
    assert ("42", "inconsistent", "2000/5000") not in shares(text)


def test_a_list_of_another_length_is_not_mapped() -> None:
    text = ("今年全市共受理投诉5000件。从被投诉对象看,商场超市占42%,餐饮企业占30%,物业公司占10%,"
            "其中两类投诉量分别为2000件和1500件。")
    assert ("42", "inconsistent", "2000/5000") not in shares(text)
    assert not [f for f in audit_text(text).findings if f.code == "R201"]
