"""Measure words after a figure (auditor/extract/lexstate.py): units spelt in Latin letters and their
other spellings, compound units, reading aids between a magnitude and its unit."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import extract
from auditor.model import QUANTITY_KINDS


def read(text: str) -> list[tuple[str, str, str, str]]:
    return [(q.text, str(q.value), q.unit, q.kind) for q in extract(text)]


@pytest.mark.parametrize(("text", "want"), [
    # m3 and m³ spell 立方米, mm spells 毫米: one unit, whichever spelling a bulletin uses
    ("全市水资源总量为26.59亿m³，比上年减少", ("26.59亿m³", "2659000000", "立方米", "measure")),
    ("全市总供水量36.10亿m3(全口径)", ("36.10亿m3", "3610000000", "立方米", "measure")),
    ("城区绿地面积12.5万m²，", ("12.5万m²", "125000", "平方米", "measure")),
    ("年降水量1114.8mm，折合", ("1114.8mm", "1114.8", "毫米", "measure")),
    # the superscript lost in conversion: its own unit, equal only to itself
    ("全省用水总量为598.2亿m?。其中", ("598.2亿m?", "59820000000", "m?", "measure")),
    ("人均综合用水量为425m?，", ("425m?", "425", "m?", "measure")),
    # a measure per unit: the denominator is a measure word after at most one magnitude
    ("万元工业增加值用水量39.8m3/万元，", ("39.8m3/万元", "39.8", "立方米/万元", "measure")),
    ("灌溉用水量364m³/亩，", ("364m³/亩", "364", "立方米/亩", "measure")),
])
def test_latin_units_are_read(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in read(text)


@pytest.mark.parametrize(("text", "figure"), [
    ("新建5G基站3000个", "5G"),
    ("推广4K电视", "4K"),
    ("血压140mmHg以上", "140mmHg"),
    ("购置3D打印机", "3D"),
    ("日均用水176L/d", "176L/d"),
])
def test_letters_that_spell_no_unit_stay_a_code(text: str, figure: str) -> None:
    (q,) = [q for q in extract(text) if q.text == figure]
    assert q.kind == "code" and q.unit == ""


def test_a_word_in_latin_letters_is_no_unit() -> None:
    assert [(q.text, q.unit) for q in extract("跑了1 mile")] == [("1", "")]


def test_spellings_of_one_unit_compare_equal() -> None:
    (a,) = extract("总量为7.5亿m3")
    (b,) = extract("总量为7.5亿m³")
    (c,) = extract("总量为7.5亿立方米")
    assert a.value == b.value == c.value and a.unit == b.unit == c.unit == "立方米"


@pytest.mark.parametrize(("text", "want"), [
    ("熱線共受理訴求9.67萬(wàn)件，", ("9.67萬(wàn)件", "96700", "件", "count")),
    ("全年出生人口為3.09萬(wàn)人，", ("3.09萬(wàn)人", "30900", "人", "count")),
    ("共計三(sān)件", ("三(sān)件", "3", "件", "count")),
])
def test_pinyin_between_the_magnitude_and_the_unit_is_skipped(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in read(text)


@pytest.mark.parametrize("text", ["共有3(1)件", "共有3(A)件", "增加5万(见表1)件"])
def test_brackets_that_are_no_pinyin_keep_the_unit_off(text: str) -> None:
    assert all(q.unit != "件" for q in extract(text))


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=Decimal("0.01"), max_value=99999, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["m3", "m³", "立方米"]), st.sampled_from(["亿", "万", ""]))
def test_any_volume_in_any_spelling(x: Decimal, spelling: str, mag: str) -> None:
    (q,) = [q for q in extract(f"全年供水{x}{mag}{spelling}，同比增长1.5%") if q.kind == "measure"]
    assert q.unit == "立方米"
    assert q.value == x * {"亿": 10**8, "万": 10**4, "": 1}[mag]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["m", "mm", "km", "kg", "m3", "cm"]),
       st.sampled_from("ABCDHNPRSTXYZqwxz"), st.text(alphabet="abcxyzABCXYZ0123456789", max_size=2))
def test_a_unit_symbol_that_letters_follow_is_never_a_measure(n: int, symbol: str, first: str, tail: str) -> None:
    qs = [q for q in extract(f"型号{n}{symbol}{first}{tail}已停产") if q.kind in QUANTITY_KINDS]
    assert all(q.kind != "measure" for q in qs)


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=Decimal("0.01"), max_value=9999, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["萬", "億"]), st.sampled_from(["wàn", "yì", "wan"]), st.sampled_from(["件", "人", "元"]))
def test_a_reading_aid_changes_no_figure(x: Decimal, mag: str, syllable: str, unit: str) -> None:
    plain = [(q.value, q.unit, q.kind) for q in extract(f"共受理{x}{mag}{unit}，同比增長1.5%")]
    aided = [(q.value, q.unit, q.kind) for q in extract(f"共受理{x}{mag}({syllable}){unit}，同比增長1.5%")]
    assert aided == plain


@pytest.mark.parametrize(("text", "want"), [
    ("人均可支配收入由4318元/年提高到", ("4318元/年", "4318", "元/年", "measure")),
    ("人均奖励达到25万元/人，", ("25万元/人", "250000", "元/人", "measure")),
    ("处理能力1459万吨/年，", ("1459万吨/年", "14590000", "吨/年", "measure")),
    ("PM2.5浓度为39微克/立方米,", ("39微克/立方米", "39", "微克/立方米", "measure")),
    ("CO浓度为1.8毫克/立方米,", ("1.8毫克/立方米", "1.8", "毫克/立方米", "measure")),
])
def test_a_unit_per_unit_is_a_measure_of_its_own(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in read(text)


def test_a_denominator_that_is_no_unit_alone() -> None:
    assert ("842元/月", "842", "元/月", "measure") in read("低保标准为842元/月，")
    assert ("600元/人·月", "600", "元/人·月", "measure") in read("补助标准600元/人·月。")


def test_a_slash_before_no_unit_leaves_the_unit_alone() -> None:
    assert ("842元", "842", "元", "money") in read("补助842元/标准另定，")
    assert ("12件", "12", "件", "count") in read("受理12件/办结10件")


@pytest.mark.parametrize(("text", "figure", "kind"), [
    ("全年实现GDP120.5亿元,比上年增长4.2%。", "120.5亿元", "money"),
    ("人均GDP8.2万元", "8.2万元", "money"),
    ("G15沈海高速", "G15", "code"),
    ("A1级景区5个", "A1", "code"),
    ("ABCGDP12型设备", "ABCGDP12", "code"),  # letters of a code that end in the letters of a name stay a code
])
def test_an_indicators_latin_name_before_its_figure_is_no_code(text: str, figure: str, kind: str) -> None:
    (q,) = [q for q in extract(text) if q.text == figure]
    assert q.kind == kind


def test_shares_of_a_gdp_written_in_latin_letters_are_over_it() -> None:
    from auditor import audit_text

    text = ("全年实现GDP120.5亿元,比上年增长4.2%。其中第一产业增加值12.05亿元,第二产业增加值36.15亿元,"
            "第三产业增加值72.3亿元。三次产业结构为10.0:30.0:60.0。")
    assert "R201" not in [f.code for f in audit_text(text).findings]
