"""Two-sided ratios (relate/ratios.py): 城乡收入比 X:1 and 性别比 per 100 females."""
from __future__ import annotations

from auditor import audit_text

INCOME = ("按常住地分,城镇常住居民人均可支配收入10063元,增长5.2%;农村常住居民人均可支配收入4974元,增长6.6%。"
          "城乡收入比持续缩小,由上年同期的2.05:1下降为2.02:1。")
SEX = ("三、性别构成全市常住人口中,男性为1012.6万人,占常住人口的 51.6%;女性为948.6万人,占常住人口的48.4%。\n"
       "常住人口性别比(以女性为100,男性对女性的比例)由2000年第五次全国人口普查的108.9下降为106.8。\n")


def multiples(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "multiple"]


def test_an_income_ratio_over_its_two_sides() -> None:
    assert ("2.02", "consistent", "10063/4974") in multiples(INCOME)


def test_an_income_ratio_off_its_sides_is_not_confirmed_nor_accused() -> None:
    text = INCOME.replace("2.02:1", "2.32:1")
    assert ("2.32", "unverifiable", "10063/4974") in multiples(text)
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


def test_a_sex_ratio_is_males_per_100_females() -> None:
    found = multiples(SEX)
    assert ("106.8", "consistent", "10126000/9486000×100") in found
    assert not [m for m in found if m[0] in ("100", "108.9")]  # the base and the prior ratio are no claims


def test_a_sex_ratio_off_its_sides_is_not_confirmed() -> None:
    assert ("104.8", "unverifiable", "10126000/9486000×100") in multiples(SEX.replace("106.8", "104.8"))


# ---- a ratio restated per 100 in brackets (即) ------------------------------------------------

def test_ratio_restated_per_100_pass() -> None:
    assert ("107", "consistent", "1.07×100") in multiples("全县出生人口性别比为1.07:1(即107),较上年下降。")


def test_ratio_restated_per_100_off_is_not_confirmed() -> None:
    text = "全县出生人口性别比为1.07:1(即112),较上年下降。"
    assert ("112", "unverifiable", "1.07×100") in multiples(text)
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


def test_bracket_without_ji_is_no_restatement() -> None:
    """(107人) counts something else: only 即 says the bracket restates the ratio."""
    assert not [m for m in multiples("全县出生人口性别比为1.07:1(107人),较上年下降。") if m[2] == "1.07×100"]


# ---- the prior ratio over the sides' priors, rebuilt from their own growth rates --------------

def test_prior_ratio_rebuilt_from_growth_rates_pass() -> None:
    """(10063/1.052)/(4974/1.066) = 2.050."""
    assert ("2.05", "consistent", "(10063/(1+5.2%))/(4974/(1+6.6%))") in multiples(INCOME)


def test_prior_ratio_off_its_rebuilt_sides_is_not_confirmed() -> None:
    text = INCOME.replace("2.05:1", "2.15:1")
    assert ("2.15", "unverifiable", "(10063/(1+5.2%))/(4974/(1+6.6%))") in multiples(text)
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


def test_prior_ratio_with_real_growth_is_not_rebuilt() -> None:
    """实际增长 takes prices out: the nominal prior sides are not the level over (1 + rate)."""
    text = INCOME.replace("增长5.2%", "实际增长5.2%").replace("增长6.6%", "实际增长6.6%")
    assert not [m for m in multiples(text) if m[0] == "2.05" and m[1] == "consistent"]
