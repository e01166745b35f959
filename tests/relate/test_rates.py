"""Rates and shares linked by structure (relate/rates.py): for each pattern a FAIL case (inconsistent
figures flagged with R201) and a PASS case (a consistent claim, nothing flagged). Figures are invented.
"""
from __future__ import annotations

from auditor import audit_text

LOUD = ("error", "warning")


def claims(text: str, kind: str = "share") -> list[tuple[str, str | None, str]]:
    return [(c.status, c.expression, c.detail.get("link", "")) for c in audit_text(text).claims if c.kind == kind]


def loud(text: str, code: str = "R201") -> list[str]:
    return [f.text for f in audit_text(text).findings if f.code == code and f.severity.value in LOUD]


# the whole printed inside the share: 占年初预算N万元的X%
BUDGET_OK = "1-5月,全县完成财政总收入4348万元,占年初预算10065万元的43.2%,同比下降6.5%。"
BUDGET_BAD = "1-5月,全县完成财政总收入4348万元,占年初预算10065万元的48.2%,同比下降6.5%。"


def test_budget_in_share_confirmed() -> None:
    got = claims(BUDGET_OK)
    assert ("consistent", "43480000/100650000") in [g[:2] for g in got]
    assert any("占年初预算" in g[2] for g in got)
    assert not loud(BUDGET_OK)


def test_budget_in_share_flagged() -> None:
    assert ("inconsistent", "43480000/100650000") in [g[:2] for g in claims(BUDGET_BAD)]
    assert loud(BUDGET_BAD)


def test_budget_in_share_needs_its_own_part() -> None:
    """No level of the whole's unit in the share's item: nothing to recompute, nothing flagged."""
    text = "全县税收收入增长5%,占年初预算10065万元的48.2%。"
    assert [g[0] for g in claims(text)] in ([], ["unverifiable"])
    assert not loud(text)


# a structure written as a ratio of shares: 三次产业结构为a:b:c
STRUCT = ("全区实现地区生产总值500.00亿元,同比增长6.2%。其中,第一产业增加值30.00亿元,增长3.8%;"
          "第二产业增加值220.00亿元,增长7.2%;第三产业增加值250.00亿元,增长4.8%。三次产业结构为{}。")


def test_structure_terms_confirmed() -> None:
    text = STRUCT.format("6.0:44.0:50.0")
    got = claims(text)
    assert [g[:2] for g in got] == [("consistent", "3000000000/50000000000"),
                                    ("consistent", "22000000000/50000000000"),
                                    ("consistent", "25000000000/50000000000")]
    assert all("其中 total" in g[2] for g in got)
    assert not loud(text)


def test_structure_term_flagged() -> None:
    text = STRUCT.format("6.0:46.0:48.0")
    got = claims(text)
    assert [g[0] for g in got] == ["consistent", "inconsistent", "inconsistent"]
    assert loud(text)


def test_structure_without_named_parts_is_no_claim() -> None:
    text = "全区实现地区生产总值500.00亿元。农业30.00亿元,工业220.00亿元。三次产业结构为6.0:44.0:50.0。"
    assert claims(text) == []
