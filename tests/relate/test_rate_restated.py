"""A growth rate stated twice, once with its change and once with its level (confirms only)."""
from __future__ import annotations

from auditor import audit_text

TEXT = ("与去年同期相比,上半年全市法院新收各类案件总数同比增加12.0万件,上升{}%。\n"
        "据介绍,上半年全市各级法院新收案件92.0万件,同比上升{}%。")


def growth(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "growth"]


def test_rate_restated_with_its_level_pass() -> None:
    """12.0 on a prior of 80.0: +15%."""
    assert ("consistent", "120000/(920000-120000)") in growth(TEXT.format("15.00", "15.00"))


def test_rate_restated_off_is_not_confirmed_nor_accused() -> None:
    text = TEXT.format("16.00", "16.00")
    assert all(s != "consistent" for s, _ in growth(text))
    assert not [f for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


def test_different_rates_are_not_joined() -> None:
    assert ("consistent", "120000/(920000-120000)") not in growth(TEXT.format("15.00", "15.10"))


def test_rates_of_other_metrics_are_not_joined() -> None:
    text = TEXT.format("15.00", "15.00").replace("新收案件92.0万件", "审结案件92.0万件")
    assert ("consistent", "120000/(920000-120000)") not in growth(text)
