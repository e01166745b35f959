"""Intervals of verify_base.py: a ratio with figures in 万 read as cut short. Figures invented."""
from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from auditor.extract import extract
from auditor.verify_base import cut_short_ratio, ratio


def one(text: str):  # type: ignore[no-untyped-def]
    (q,) = [q for q in extract(text) if q.is_quantity]
    return q


@given(st.integers(10_000, 10_000_000), st.data())
def test_a_total_cut_short_to_the_wan_holds_the_exact_share(whole: int, data: st.DataObject) -> None:
    part = data.draw(st.integers(0, whole))
    wan = (Decimal(whole) / 10000).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    iv = cut_short_ratio((one(f"{part}件"),), (one(f"{wan}万件"),))
    assert iv is not None
    assert iv[0] <= Fraction(part * 100, whole) <= iv[1]


def test_no_figure_in_wan_gives_no_cut_short_reading() -> None:
    assert cut_short_ratio((one("52件"),), (one("400件"),)) is None


def test_the_cut_short_reading_lies_above_the_rounded_one() -> None:
    rounded = ratio((one("8215件"),), (one("6.43万件"),))
    cut = cut_short_ratio((one("8215件"),), (one("6.43万件"),))
    assert rounded is not None and cut is not None
    assert cut[0] < rounded[0] and cut[1] <= rounded[1]


def test_a_whole_number_of_wan_is_no_cut_short_figure() -> None:
    assert cut_short_ratio((one("9000件"),), (one("3万件"),)) is None
