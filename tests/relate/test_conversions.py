"""Amounts converted at a stated exchange rate (relate/conversions.py). Figures invented."""
from __future__ import annotations

from auditor import audit_text


def rates(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]


OK = "全年全市人均生产总值为72000元,按年平均汇率7.2000折算,人均生产总值约合10000美元。"


def test_conversion_at_the_stated_rate_confirmed() -> None:
    assert ("10000", "consistent", "72000/7.2") in rates(OK)


def test_conversion_off_the_rate_is_never_accused() -> None:
    text = OK.replace("10000美元", "11000美元")
    assert ("11000", "consistent", "72000/7.2") not in rates(text)
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


def test_amount_of_another_subject_is_not_converted() -> None:
    """A chance pairing: the yuan figure is the budget, the dollars are exports."""
    text = "全年财政收入为72000万元,按年平均汇率7.2000折算,出口总额约合10000万美元。"
    assert ("10000", "consistent") not in [r[:2] for r in rates(text)]
