"""verify_direction: a stated rise or fall against two levels, settled only beyond their rounding."""
from __future__ import annotations

from decimal import Decimal

from auditor.model import Quantity
from auditor.relate import Relation
from auditor.verify import verify


def level(v: str, text: str, decimals: int = 0, scale: int = 1) -> Quantity:
    return Quantity(0, len(text), text, Decimal(v), "件", "count", decimals=decimals, scale=scale)


def stated(new: Quantity, old: Quantity, direction: int) -> Relation:
    word = "有所上升" if direction > 0 else "有所下降"
    claim = Quantity(0, 4, word, Decimal(0), "", "direction")
    return Relation("growth", claim, 0, 4, parts=(new,), whole=(old,), direction=direction, strong=True,
                    extra={"stated_direction": word[-2:], "link": "test"})


def test_agreeing_direction_is_consistent() -> None:
    c = verify(stated(level("820", "820"), level("700", "700"), 1))
    assert (c.status, c.expression, c.code) == ("consistent", "(820-700)/700", None)


def test_contradicted_direction_is_g303() -> None:
    c = verify(stated(level("820", "820"), level("700", "700"), -1))
    assert (c.status, c.code) == ("inconsistent", "G303")


def test_levels_within_their_rounding_tell_nothing() -> None:
    """1.2万 and 1.2万 may be 11,951 and 12,049: neither a rise nor a fall is shown."""
    c = verify(stated(level("12000", "1.2万", 1, 10000), level("12000", "1.2万", 1, 10000), -1))
    assert c.status == "unverifiable" and c.code is None
