"""Numeral parsing: a table of written forms with their exact values, and round trips through cn2an."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.numbers import as_exact, clean, parse, parse_number

FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")

# (written, value, decimals, scale)
VALUES = [
    # Arabic, full-width, separators, decimals
    ("37116", "37116", 0, 1),
    ("３７１１６", "37116", 0, 1),
    ("95.6", "95.6", 1, 1),
    ("９５．６", "95.6", 1, 1),
    ("0.05", "0.05", 2, 1),
    (".5", "0.5", 1, 1),
    ("1,100", "1100", 0, 1),
    ("1,100万", "11000000", 0, 1),
    ("233,333,434.34", "233333434.34", 2, 1),
    ("４，５６５", "4565", 0, 1),
    ("12·5", "12.5", 1, 1),  # a middle dot as the decimal point
    ("９・７５", "9.75", 2, 1),
    ("-3.5", "-3.5", 1, 1),
    ("2e5", "200000", 0, 1),
    ("12.32e+14", "1232000000000000", 0, 1),
    ("-12e-1", "-1.2", 1, 1),
    ("2^5", "32", 0, 1),
    ("2^-1", "0.5", 1, 1),
    # magnitudes on digits: the decimals written and the scale they apply to
    ("1.8万", "18000", 1, 10**4),
    ("87.5万", "875000", 1, 10**4),
    ("3.25亿", "325000000", 2, 10**8),
    ("1.5万亿", "1500000000000", 1, 10**12),
    ("25万6千", "256000", 0, 1),
    ("3万4000", "34000", 0, 1),
    ("1千零20", "1020", 0, 1),
    # Chinese numerals
    ("一千零二十", "1020", 0, 1),
    ("两千三百", "2300", 0, 1),
    ("二〇二三", "2023", 0, 1),
    ("一亿五千万零六千三百五十五", "150006355", 0, 1),
    ("十万零一十", "100010", 0, 1),
    ("一百十一", "111", 0, 1),
    ("九万四", "94000", 0, 1),
    ("三万五", "35000", 0, 1),
    ("两千六", "2600", 0, 1),
    ("百三", "130", 0, 1),
    ("百万", "1000000", 0, 1),
    ("廿二", "22", 0, 1),
    ("四万万", "400000000", 0, 1),
    ("三万亿", "3000000000000", 0, 1),
    ("五兆六十二亿四万五千二", "5006200045200", 0, 1),
    ("一千五万", "10050000", 0, 1),
    ("负十二", "-12", 0, 1),
    # financial capitals
    ("壹仟零贰拾", "1020", 0, 1),
    ("玖仟陆佰陆拾伍", "9665", 0, 1),
    ("貳拾萬", "200000", 0, 1),
    # 点 decimals, also with a magnitude after them
    ("四百点五", "400.5", 1, 1),
    ("三点一四", "3.14", 2, 1),
    ("零点零五", "0.05", 2, 1),
    ("两百点两", "200.2", 1, 1),
    ("一点二五万", "12500", 2, 10**4),
    # 几 after a unit is read as a vague zero
    ("二十几万", "200000", 0, 1),
]

NOT_NUMERALS = ["", "万", "万万", "百", "十百", "五十千", "五万三万", "零一", "两两", "一二点", "3.2.1", "abc", "几十",
                "2^999", "1e999"]


@pytest.mark.parametrize(("written", "value", "decimals", "scale"), VALUES)
def test_value_decimals_and_scale(written: str, value: str, decimals: int, scale: int) -> None:
    p = parse(written)
    assert p is not None
    assert p.value == Decimal(value)
    assert (p.decimals, p.scale) == (decimals, scale)


@pytest.mark.parametrize("written", NOT_NUMERALS)
def test_not_one_numeral(written: str) -> None:
    assert parse_number(written) is None


@pytest.mark.parametrize(("written", "value"), [
    ("三分之二", Fraction(2, 3)),
    ("四分之一", Decimal("0.25")),
    ("百分之五", Decimal("0.05")),
    ("千分之三", Decimal("0.003")),
    ("百万分之五", Decimal("0.000005")),
    ("五十万分之二十五", Decimal("0.00005")),
    ("负三分之一", Fraction(-1, 3)),
    ("３分之一百五十七", Fraction(157, 3)),
])
def test_fractions_are_exact(written: str, value: Decimal | Fraction) -> None:
    got = parse_number(written)
    assert got == value
    assert type(got) is type(value)


def test_chinese_flag() -> None:
    assert parse("两千") is not None and parse("两千").chinese  # type: ignore[union-attr]
    assert parse("2000") is not None and not parse("2000").chinese  # type: ignore[union-attr]


@pytest.mark.parametrize(("value", "cleaned"), [
    ("18000.0", "18000"), ("1.8E+4", "18000"), ("95.60", "95.6"), ("0.000", "0"), ("-0.50", "-0.5"),
    ("1" * 40 + ".10", "1" * 40 + ".1"),
])
def test_clean_is_exact_at_any_size(value: str, cleaned: str) -> None:
    c = clean(Decimal(value))
    assert c == Decimal(cleaned)
    assert format(c, "f") == cleaned


def test_as_exact() -> None:
    assert as_exact(Fraction(1, 8)) == Decimal("0.125")
    assert as_exact(Fraction(2, 3)) == Fraction(2, 3)


# --- round trips through cn2an, the oracle ------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-(10**16) + 1, max_value=10**16 - 1), st.sampled_from(["low", "up"]))
def test_an2cn_integers_parse_back(x: int, mode: str) -> None:
    assert parse_number(cn2an.an2cn(x, mode)) == x


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["low", "up"]))
def test_an2cn_two_decimals_parse_back(x: Decimal, mode: str) -> None:
    assert parse_number(cn2an.an2cn(str(x), mode)) == x


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿", "万亿"]))
def test_magnitude_forms_parse_back(x: int, mag: str) -> None:
    factor = {"万": 10**4, "亿": 10**8, "万亿": 10**12}[mag]
    assert parse_number(cn2an.an2cn(x) + mag) == x * factor  # 三十五万
    assert parse_number(f"{x}{mag}") == x * factor  # 35万
    assert parse_number(f"{x * 10}{mag}") == x * 10 * factor


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=9999, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["万", "亿"]))
def test_decimal_magnitude_forms_parse_back(x: Decimal, mag: str) -> None:
    factor = {"万": 10**4, "亿": 10**8}[mag]
    assert parse_number(f"{x}{mag}") == x * factor  # 87.50万
    assert parse_number(cn2an.an2cn(str(x)) + mag) == x * factor  # 八十七点五万


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_fullwidth_digits_read_the_same(x: Decimal) -> None:
    s = format(x, "f")
    assert parse_number(s.translate(FULLWIDTH)) == parse_number(s) == x


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789０１２３４５６７８９.,，-+eE^零〇一二两三四五六七八九十百千万亿兆点几负壹贰拾佰仟廿分之",
               max_size=24))
def test_parse_never_raises(s: str) -> None:
    v = parse_number(s)
    assert v is None or isinstance(v, Decimal | Fraction)


@pytest.mark.parametrize("module", ["auditor.numbers", "auditor.extract"])
def test_doctests(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
