"""A growth rate in the text whose prior value is the table's cell of the year before.

PASS and FAIL per phrasing, and the chance pairings left unverifiable. Figures are invented.
"""
from __future__ import annotations

import pytest

from auditor import audit_text

TABLE = """
表1:民事案件收案统计表
| 法院 | 2022年民事一审新收(件) | 2021年民事一审新收(件) |
| 东城法院 | 300 | 400 |
| 西城法院 | 950 | 600 |
| 合计 | 1250 | 1000 |
"""


def growth(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.status, c.expression, c.code) for c in audit_text(text).claims if c.kind == "growth"]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


def test_total_row_prior_pass() -> None:
    text = "全市法院民事一审新收1250件,较去年同期上升25%。" + TABLE
    assert ("consistent", "(1250-1000)/1000", None) in growth(text)
    assert not loud(text)


def test_named_row_prior_pass() -> None:
    text = "东城法院民事一审新收案件300件,与去年同期相比下降25%。" + TABLE
    assert ("consistent", "(300-400)/400", None) in growth(text)


def test_table_prior_fail() -> None:
    text = "全市法院民事一审新收1250件,较去年同期上升20%。" + TABLE
    assert ("inconsistent", "(1250-1000)/1000", "G301") in growth(text)
    assert "G301" in loud(text)


@pytest.mark.parametrize("text", [
    "全市法院刑事案件新收1250件,较去年同期上升20%。" + TABLE,  # the column names another metric
    "全市法院民事一审新收1250件,较上月上升20%。" + TABLE,  # 环比: not the year before
    "全市法院民事一审新收1250件,比2019年上升20%。" + TABLE,  # another year than the column's
    "全市法院民事一审新收300件,较去年同期上升20%。" + TABLE.replace("| 950 | 600 |", "| 300 | 200 |")
    .replace("| 1250 | 1000 |", "| 600 | 600 |"),  # two cells read 300
])
def test_table_prior_chance_pairing(text: str) -> None:
    assert not loud(text)
    assert all(s == "unverifiable" for s, _, _ in growth(text))
