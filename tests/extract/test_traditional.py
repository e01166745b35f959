"""Traditional script reads as simplified (extract/mask.py): qualifiers, magnitudes and units of a report in
traditional characters give the figures the same report in simplified characters gives."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import extract

#: (traditional, simplified) spellings of the same words around a figure
PAIRS = [
    ("約為{x}%", "约为{x}%"),
    ("共{x}萬餘人", "共{x}万余人"),
    ("超過{x}件", "超过{x}件"),
    ("達到{x}%", "达到{x}%"),
    ("將近{x}萬噸", "将近{x}万吨"),
    ("{x}件以內", "{x}件以内"),
    ("不足{x}億元", "不足{x}亿元"),
]


def read(text: str) -> list[tuple[Decimal, str, str, str | None]]:
    return [(Decimal(q.value), q.unit, q.kind, q.approx) for q in extract(text)]


@pytest.mark.parametrize(("trad", "simp"), PAIRS)
def test_traditional_words_read_as_simplified(trad: str, simp: str) -> None:
    assert read(trad.format(x="35")) == read(simp.format(x="35"))
    assert read(trad.format(x="35"))[0][3] is not None  # the qualifier is read, not dropped


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=Decimal("0.1"), max_value=9999, places=1, allow_nan=False, allow_infinity=False),
       st.sampled_from(PAIRS))
def test_any_figure_in_either_script(x: Decimal, pair: tuple[str, str]) -> None:
    trad, simp = pair
    assert read(f"全市{trad.format(x=x)}。") == read(f"全市{simp.format(x=x)}。")


def test_the_span_is_the_text_as_written() -> None:
    (q,) = extract("共3萬餘人。")
    assert (q.text, q.value, q.unit, q.approx) == ("3萬餘人", 30000, "人", "余")


@pytest.mark.parametrize(("text", "unit"), [
    ("共監測312點(diǎn)次,其中", "点次"),
    ("共监测312点次,其中", "点次"),
])
def test_a_reading_aid_inside_a_unit_is_skipped(text: str, unit: str) -> None:
    (q,) = extract(text)
    assert (q.value, q.unit) == (312, unit)


def test_letter_spaced_words_are_joined_in_the_matching_copy() -> None:
    from auditor.script import simplified

    text = "政 府 采 购 预 算 4800000.00 元 , 同 比 增 加\n800000.00 元,增长 20.00%。"
    out = simplified(text)
    assert len(out) == len(text) and "政府采购预算 4800000.00" in out and "同比增加\n800000.00" in out
    assert simplified("全市 共有 学校") == "全市 共有 学校"  # words of two characters apart are no letter-spacing


def test_a_letter_spaced_change_word_states_the_increment() -> None:
    from auditor import audit_text

    text = "2024 年 政 府 采 购 预 算 4800000.00 元 , 同 比 增 加\n800000.00 元,增长 {x}%。"
    assert [c.status for c in audit_text(text.format(x="20.00")).claims if c.kind == "growth"] == ["consistent"]
    assert "G301" in [f.code for f in audit_text(text.format(x="25.00")).findings]


def test_a_word_wrapped_across_lines_is_joined_in_the_matching_copy() -> None:
    from auditor.script import simplified

    text = "维修支出 8200 元,占运行经费预算 3.15%,同比增\n加 5100 元,增长 164.52%。"
    out = simplified(text)
    assert len(out) == len(text) and ", 同比增加 5100" in out and "\n" not in out
    crlf = text.replace("\n", "\r\n")
    assert ",  同比增加 5100" in simplified(crlf)
    heading = "二、收支预算总体情况\n收入预算 120 万元。"  # a short line ends a heading, not a word
    assert simplified(heading) == heading


def test_a_change_word_wrapped_across_lines_states_the_increment() -> None:
    from auditor import audit_text

    text = "维修支出 8200 元,占运行经费预算 3.15%,同比增\n加 5100 元,增长 {x}%。"
    assert [c.status for c in audit_text(text.format(x="164.52")).claims if c.kind == "growth"] == ["consistent"]
    assert "G301" in [f.code for f in audit_text(text.format(x="120.00")).findings]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="同比增加萬(wàn)人 ,0123.\n\r", max_size=60))
def test_the_matching_copy_keeps_every_offset(text: str) -> None:
    from auditor.script import simplified

    out = simplified(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c.isdigit()] == [i for i, c in enumerate(text) if c.isdigit()]
