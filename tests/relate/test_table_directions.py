"""A direction stated without a figure (有所上升) checked against the rows of a table in the document.

PASS (the cells agree: a consistent claim), FAIL (the cells contradict: G303) and chance pairings
(nothing linked, nothing flagged). Figures are invented.
"""
from __future__ import annotations

import pytest

from auditor import audit_text

TABLE = """
表2:主要案件类型收案情况
| 案由 | 2023年新收(件) | 2022年新收(件) |
| 借款合同纠纷 | 820 | 700 |
| 离婚纠纷 | 410 | 520 |
| 合计 | 1230 | 1220 |
"""


def directions(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.status, c.expression, c.code) for c in audit_text(text).claims
            if c.kind == "growth" and not any(ch.isdigit() for ch in c.claimed)]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


def test_named_row_rise_pass() -> None:
    text = "从案由看,借款合同纠纷数量较去年有所上升,离婚纠纷同比有所下降。" + TABLE
    got = directions(text)
    assert ("consistent", "(820-700)/700", None) in got, got
    assert ("consistent", "(410-520)/520", None) in got, got
    assert not loud(text)


def test_named_row_rise_fail() -> None:
    text = "从案由看,离婚纠纷数量较去年有所上升。" + TABLE
    assert ("inconsistent", "(410-520)/520", "G303") in directions(text)
    assert "G303" in loud(text)


def test_total_row_named_by_its_column_pass() -> None:
    text = "全市法院新收案件数量同比呈上升趋势。" + TABLE.replace("新收(件)", "法院新收案件(件)")
    assert ("consistent", "(1230-1220)/1220", None) in directions(text)


def test_total_row_named_by_its_column_fail() -> None:
    text = "全市法院新收案件数量同比呈下降趋势。" + TABLE.replace("新收(件)", "法院新收案件(件)")
    assert ("inconsistent", "(1230-1220)/1220", "G303") in directions(text)


@pytest.mark.parametrize("text", [
    "全市法院新收案件数量同比呈下降趋势。" + TABLE,  # the header shares too little with the clause to be its metric
    "从案由看,离婚纠纷结案率较去年有所上升。" + TABLE,  # another metric of the row than the table's counts
    "从案由看,离婚纠纷数量较上月有所上升。" + TABLE,  # 环比: not the year before
    "从案由看,离婚纠纷数量较去年有所上升,增长5%。" + TABLE,  # the figure states the change: its own claim
    "从案由看,离婚纠纷数量较去年有所上升。",  # no table
])
def test_direction_chance_pairing(text: str) -> None:
    assert "G303" not in loud(text)
    assert all(s == "unverifiable" for s, _, _ in directions(text))
