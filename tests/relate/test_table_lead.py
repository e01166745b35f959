"""A table's share column over the total its lead-in states (relate/table_lead.py). Figures invented."""
from __future__ import annotations

from auditor import audit_text

LEAD = "上半年,全市共受理信访事项8000件,其中主要类别及占比如下表:\n"
TABLE = ("| 类别 | 受理件数 | 占受理信访总数比例 |\n"
         "| 征地拆迁 | 2000 | 25.00% |\n"
         "| 劳动社保 | 1200 | 15.00% |\n"
         "| 城乡建设 | 800 | 10.00% |\n"
         "| 涉法涉诉 | 400 | 5.00% |\n")


def shares(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "share"]


def errors(text: str) -> list[str]:
    return [f.text for f in audit_text(text).findings if f.code == "R201" and f.severity.value == "error"]


def test_share_column_over_the_lead_in_total() -> None:
    got = shares(LEAD + TABLE)
    assert ("25", "consistent", "2000/8000") in got
    assert ("5", "consistent", "400/8000") in got
    assert not errors(LEAD + TABLE)


def test_a_cell_off_the_others_is_flagged() -> None:
    text = LEAD + TABLE.replace("15.00%", "16.00%")
    assert ("16", "inconsistent", "1200/8000") in shares(text)
    assert errors(text)


def test_a_lead_in_of_another_base_is_not_the_whole() -> None:
    """A chance pairing: the figure before the table counts visits, the column's base is petitions."""
    text = "上半年,全市共接待群众来访8000人次。\n" + TABLE.replace("15.00%", "16.00%")
    assert ("16", "inconsistent", "1200/8000") not in shares(text)
    assert not errors(text)
