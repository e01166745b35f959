"""Helpers of relate/base.py: parts against their total within rounding (near_total). Figures invented."""
from __future__ import annotations

from fractions import Fraction

from auditor import audit_text
from auditor.model import Quantity
from auditor.relate.base import near_total


def q(value: int, approx: str | None = None) -> Quantity:
    # 一位小数的万: half a unit of 0.1万 either side
    return Quantity(0, 1, "x", value, "人次", "count", approx, 1, 10000)


def test_parts_within_their_rounding_are_near_the_total() -> None:
    parts = [q(3983000), q(3886000), q(160000)]
    assert near_total(Fraction(8029000), Fraction(8030000), q(8030000), parts)


def test_da_widens_nothing() -> None:
    """达802.9万 states the figure itself: parts 0.4万 short are not near it."""
    parts = [q(3983000), q(3886000), q(156000)]
    assert not near_total(Fraction(8025000), Fraction(8029000), q(8029000, "达"), parts)


def test_an_approximate_word_widens() -> None:
    parts = [q(3983000), q(3886000), q(156000)]
    assert near_total(Fraction(8025000), Fraction(8029000), q(8029000, "约"), parts)


def test_parts_short_of_a_da_total_are_not_its_breakdown() -> None:
    text = ("全省医疗机构诊疗人次达802.9万人次,同比提高5.9%。其中:医院398.3万人次,同比提高2.6%;"
            "基层机构诊疗人次为388.6万人次,同比提高10.4%;公卫机构诊疗人次为15.6万人次;其他机构0.4万人次。")
    sums = [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "sum"]
    assert ("consistent", "3983000+3886000+156000") not in sums
    assert ("consistent", "3983000+3886000+156000+4000") in sums
