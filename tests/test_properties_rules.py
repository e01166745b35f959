"""Property tests: report sentences generated the way reports write them.

A consistent rate, breakdown or growth claim raises nothing; a perturbed one raises the code
SPEC.md assigns to it. Numbers are built with exact Decimal arithmetic and rounded half up,
as SPEC's rounding rule says.
"""
from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import cn2an
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from auditor import DocumentResult, audit_text

STEMS = ("办结", "化解", "调解成功", "结案")
UNITS = ("件", "起", "项", "人次")
PUNCT = ("，", ",", "；")
LOUD = ("error", "warning")

SETTINGS = settings(max_examples=60, deadline=None)


def half_up(x: Decimal, places: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def truncated(x: Decimal, places: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def percent_of(part: int, whole: int) -> Decimal:
    return Decimal(part) * 100 / Decimal(whole)


def loud(r: DocumentResult) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity.value, f.text) for f in r.findings if f.severity.value in LOUD]


def codes(r: DocumentResult) -> list[str]:
    return [f.code for f in r.findings]


# --- rates ---------------------------------------------------------------------------------

@st.composite
def rate_case(draw: st.DrawFn) -> tuple[int, int, int, str, str, str]:
    whole = draw(st.integers(1, 100_000))
    part = draw(st.integers(0, whole))
    places = draw(st.sampled_from((1, 2)))
    return whole, part, places, draw(st.sampled_from(STEMS)), draw(st.sampled_from(UNITS)), draw(st.sampled_from(PUNCT))


def rate_sentence(whole: int, part: int, rate: Decimal, stem: str, unit: str, p: str) -> str:
    return f"共受理{whole}{unit}{p}{stem}{part}{unit}{p}{stem}率{rate}%"


@SETTINGS
@given(rate_case())
def test_consistent_rate_raises_nothing(case: tuple[int, int, int, str, str, str]) -> None:
    whole, part, places, stem, unit, p = case
    rate = half_up(percent_of(part, whole), places)
    text = rate_sentence(whole, part, rate, stem, unit, p)
    r = audit_text(text)
    assert loud(r) == [], text
    rates = [c for c in r.claims if c.kind in ("rate", "share")]
    assert [c.status for c in rates] == ["consistent"], (text, rates)


def perturbed_rate_codes(case: tuple[int, int, int, str, str, str], units: int, up: bool) -> tuple[str, list[str]]:
    whole, part, places, stem, unit, p = case
    exact = percent_of(part, whole)
    step = Decimal(1).scaleb(-places)
    wrong = half_up(exact, places) + (units if up else -units) * step
    assume(Decimal(0) <= wrong <= 100 and wrong != truncated(exact, places))
    text = rate_sentence(whole, part, wrong, stem, unit, p)
    return text, codes(audit_text(text))


@SETTINGS
@given(rate_case(), st.integers(2, 5), st.booleans())
def test_rate_a_few_units_off_is_r201(case: tuple[int, int, int, str, str, str], units: int, up: bool) -> None:
    text, found = perturbed_rate_codes(case, units, up)
    assert found == ["R201"], (text, found)


@SETTINGS
@given(rate_case(), st.integers(2, 500), st.booleans())
def test_rate_any_units_off_is_r201(case: tuple[int, int, int, str, str, str], units: int, up: bool) -> None:
    text, found = perturbed_rate_codes(case, units, up)
    assert found == ["R201"], (text, found)


@SETTINGS
@given(rate_case())
def test_truncated_rate_is_a_warning(case: tuple[int, int, int, str, str, str]) -> None:
    whole, part, places, stem, unit, p = case
    exact = percent_of(part, whole)
    assume(truncated(exact, places) != half_up(exact, places))
    text = rate_sentence(whole, part, truncated(exact, places), stem, unit, p)
    found = codes(audit_text(text))
    assert found == ["R202"], (text, found)


# --- breakdowns ----------------------------------------------------------------------------

CATEGORIES = ("行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励")


@st.composite
def breakdown(draw: st.DrawFn) -> tuple[list[str], list[int], str]:
    n = draw(st.integers(2, 6))
    names = draw(st.permutations(CATEGORIES))[: n - 1]
    parts = draw(st.lists(st.integers(1, 20_000), min_size=n, max_size=n))
    return list(names), parts, draw(st.sampled_from(("、", "，", "；")))


def breakdown_sentence(names: list[str], parts: list[int], total: int, sep: str) -> str:
    items = [f"{name}{v}项" for name, v in zip(names, parts, strict=False)] + [f"其他类{parts[-1]}项"]
    return f"共梳理行政职权{total}项，其中{sep.join(items)}。"


@SETTINGS
@given(breakdown())
def test_complete_breakdown_adds_up(case: tuple[list[str], list[int], str]) -> None:
    names, parts, sep = case
    text = breakdown_sentence(names, parts, sum(parts), sep)
    r = audit_text(text)
    assert [c for c in codes(r) if c.startswith("S")] == [], text
    assert loud(r) == [], text
    sums = [c for c in r.claims if c.kind == "sum"]
    assert {c.status for c in sums} == {"consistent"}, (text, sums)
    # the claim on the stated total recomputes it from every part
    total = [c for c in sums if Decimal(c.claimed) == sum(parts)]
    assert [Decimal(c.recomputed or "nan") for c in total][:1] == [sum(parts)], (text, sums)


def prefix_adds_up(parts: list[int], total: int) -> bool:
    """Does a proper prefix of two or more parts already add up to the total?"""
    return any(sum(parts[:n]) == total for n in range(2, len(parts)))


def check_inflated(names: list[str], parts: list[int], sep: str, k: int, extra: int) -> None:
    total = sum(parts)
    bumped = [v + extra if i == k else v for i, v in enumerate(parts)]
    text = breakdown_sentence(names, bumped, total, sep)
    r = audit_text(text)
    s = [f for f in r.findings if f.code.startswith("S")]
    assert [(f.code, f.severity.value) for f in s] == [("S401", "error")], text
    assert Decimal(s[0].recomputed or "nan") == total + extra


@SETTINGS
@given(breakdown(), st.data())
def test_inflated_part_is_s401(case: tuple[list[str], list[int], str], data: st.DataObject) -> None:
    names, parts, sep = case
    k = data.draw(st.integers(0, len(parts) - 1))
    extra = data.draw(st.integers(1, 5_000))
    assume(not prefix_adds_up([v + extra if i == k else v for i, v in enumerate(parts)], sum(parts)))
    check_inflated(names, parts, sep, k, extra)


@SETTINGS
@example(case=(["行政许可", "行政处罚"], [1, 1, 1], "、"), k=0, extra=1)
@example(case=(["行政许可", "行政处罚", "行政强制"], [1, 1, 1, 1], "、"), k=0, extra=2)  # 3+1 = 4, then 1 and 其他 1
@given(breakdown(), st.integers(0, 5), st.integers(1, 5_000))
def test_inflated_part_is_s401_even_when_a_prefix_adds_up(case: tuple[list[str], list[int], str], k: int,
                                                          extra: int) -> None:
    names, parts, sep = case
    check_inflated(names, parts, sep, k % len(parts), extra)


# --- growth --------------------------------------------------------------------------------

@st.composite
def growth_case(draw: st.DrawFn) -> tuple[int, int, int]:
    old = draw(st.integers(1, 100_000))
    new = draw(st.integers(1, 100_000).filter(lambda n: n != old))
    return new, old, draw(st.sampled_from((0, 1, 2)))


def growth_sentence(new: str, old: str, diff: str, rate: Decimal, up: bool) -> str:
    verb, pct = ("增加", "增长") if up else ("减少", "下降")
    return f"今年受理{new}件，同比（{old}件）{verb}{diff}件，{pct}{rate}%"


@SETTINGS
@given(growth_case())
def test_consistent_growth_raises_nothing(case: tuple[int, int, int]) -> None:
    new, old, places = case
    rate = half_up(abs(Decimal(new - old)) * 100 / old, places)
    text = growth_sentence(str(new), str(old), str(abs(new - old)), rate, new > old)
    r = audit_text(text)
    assert [c for c in codes(r) if c.startswith("G")] == [], text
    assert loud(r) == [], text
    kinds = {c.kind: c.status for c in r.claims if c.kind in ("growth", "difference")}
    assert kinds == {"growth": "consistent", "difference": "consistent"}, (text, r.claims)


@SETTINGS
@given(growth_case(), st.integers(1, 3))
def test_growth_over_an_increment_is_judged_on_its_interval(case: tuple[int, int, int], places: int) -> None:
    # 收入N万元,比上年增加D万元,增长R%: the old value is N - D, so R lies in [D-/(N+ - D-), D+/(N- - D+)] where
    # N and D each span half a unit of their last digit; a claim inside it is consistent, one a unit beyond not
    new, old, _ = case
    assume(new > 10 and old > 10)
    n, d = Decimal(new).scaleb(-places), Decimal(abs(new - old)).scaleb(-places)
    h = Decimal(1).scaleb(-places) / 2
    up = new > old
    exact = d / (n - d) if up else d / (n + d)
    lo = (d - h) / (n + h - (d - h)) if up else (d - h) / (n + h + d - h)
    hi = (d + h) / (n - h - (d + h)) if up else (d + h) / (n - h + d + h)
    assume(n - h - (d + h) > 0)
    rate = half_up(exact * 100, 2)
    verb, pct = ("增加", "增长") if up else ("减少", "下降")
    text = f"全县税收收入{n}万元,比上年{verb}{d}万元,{pct}{{}}%。"
    growth = [c for c in audit_text(text.format(rate)).claims if c.kind == "growth"]
    assert [c.status for c in growth] == ["consistent"], (text.format(rate), growth)
    beyond = half_up(hi * 100, 2) + Decimal("0.02")
    assume(beyond - hi * 100 > Decimal("0.011") and (lo * 100 - beyond) < 0)
    growth = [c for c in audit_text(text.format(beyond)).claims if c.kind == "growth"]
    assert [c.status for c in growth] != ["consistent"], (text.format(beyond), growth)


@SETTINGS
@given(growth_case(), st.integers(1, 1_000))
def test_wrong_difference_is_g302(case: tuple[int, int, int], off: int) -> None:
    new, old, places = case
    rate = half_up(abs(Decimal(new - old)) * 100 / old, places)
    text = growth_sentence(str(new), str(old), str(abs(new - old) + off), rate, new > old)
    found = codes(audit_text(text))
    assert found == ["G302"], (text, found)


@SETTINGS
@given(st.integers(1, 999), st.integers(1, 999), st.sampled_from((0, 1)))
def test_consistent_growth_in_chinese_numerals(new: int, old: int, places: int) -> None:
    assume(new != old)
    rate = half_up(abs(Decimal(new - old)) * 100 / old, places)
    cn = cn2an.an2cn
    text = growth_sentence(cn(new), cn(old), cn(abs(new - old)), rate, new > old)
    r = audit_text(text)
    assert loud(r) == [], text
    kinds = {c.kind: c.status for c in r.claims if c.kind in ("growth", "difference")}
    assert kinds == {"growth": "consistent", "difference": "consistent"}, (text, r.claims)


@SETTINGS
@given(growth_case(), st.integers(2, 5), st.booleans())
def test_wrong_growth_rate_is_g301(case: tuple[int, int, int], units: int, up: bool) -> None:
    new, old, places = case
    exact = abs(Decimal(new - old)) * 100 / old
    wrong = half_up(exact, places) + (units if up else -units) * Decimal(1).scaleb(-places)
    assume(wrong > 0 and wrong != truncated(exact, places))
    text = growth_sentence(str(new), str(old), str(abs(new - old)), wrong, new > old)
    r = audit_text(text)
    g = [(f.code, f.severity.value) for f in r.findings]
    # a count stated to fall by more than 100% is impossible before it is misstated: R203
    want = "R203" if new < old and wrong - Decimal(1).scaleb(-places) / 2 > 100 else "G301"
    assert g == [(want, "error")], (text, g)
