"""Helpers of relate/base.py: parts against their total within rounding (near_total), clause bounds
(bounds_after). Figures invented."""
from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from auditor import audit_text
from auditor.model import Quantity
from auditor.relate.base import bounds_after, near_total


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


def _bounds_by_character(text: str, chars: str, longest: int) -> list[int]:
    """bounds_after spelled out one character at a time (what it computes with a compiled class)."""
    out, last = [], 0
    for i, c in enumerate(text):
        if c in chars:
            out.append(i + 1)
            last = i + 1
        elif i - last >= longest:
            out.append(i)
            last = i
    return out


@given(st.text(alphabet="增长，。；x", max_size=60), st.integers(min_value=1, max_value=7))
def test_bounds_after_cuts_at_each_boundary_and_every_longest_characters(text: str, longest: int) -> None:
    assert list(bounds_after(text, "，。；", longest)) == _bounds_by_character(text, "，。；", longest)


def test_bounds_after_a_run_with_no_boundary() -> None:
    assert list(bounds_after("甲" * 10 + "，" + "乙" * 9, "，", 4)) == [4, 8, 11, 15, 19]


@given(st.lists(st.integers(0, 3), min_size=1, max_size=40), st.data())
def test_sentence_first_is_the_first_figure_of_the_sentence(steps: list[int], data: st.DataObject) -> None:
    from itertools import accumulate

    from auditor.relate.base import Seg, sentence_first

    sent = list(accumulate(steps))  # sentence ids along the figures never decrease
    seg = Seg(sent, [0] * len(sent), [0] * len(sent), [0] * len(sent), [0])
    j = data.draw(st.integers(0, len(sent) - 1))
    assert sentence_first(seg, j) == min(x for x in range(len(sent)) if sent[x] == sent[j])


def test_a_label_is_read_without_its_bracketed_asides() -> None:
    from auditor.relate.base import without_asides

    assert without_asides("占全市（不含开发区）受理总数的") == "占全市受理总数的"
    assert without_asides("投诉(含咨询)类") == "投诉类"
    assert without_asides("占（未闭合的受理总数") == "占（未闭合的受理总数"  # an unclosed bracket stays
    assert without_asides("城镇人口") == "城镇人口"
