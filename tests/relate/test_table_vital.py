"""A table's birth and death rates on the population each other's count implies (relate/table_vital.py).

Invented tables: in every row births/birth rate and deaths/death rate give one population.
"""
from __future__ import annotations

from auditor import audit_text

HEAD = "| 年份 | 出生人口(人) | 出生率(‰) | 死亡人口(人) | 死亡率(‰) |\n"
ROWS = [  # population 800000, 810000, 820000, 830000
    "2018 | 8800 | 11.00 | 5600 | 7.00 |\n",
    "2019 | 8910 | 11.00 | 5832 | 7.20 |\n",
    "2020 | 8856 | 10.80 | 5740 | 7.00 |\n",
    "2021 | 8715 | 10.50 | 6142 | 7.40 |\n",
]


def rates(text: str) -> list[tuple[str, str]]:
    return [(c.claimed, c.status) for c in audit_text(text).claims if c.kind == "rate"]


def errors(text: str) -> list[str]:
    return [f.text for f in audit_text(text).findings if f.code == "R201" and f.severity.value == "error"]


def test_rows_that_agree_are_confirmed() -> None:
    text = HEAD + "".join(ROWS)
    assert [s for _, s in rates(text)].count("consistent") == 4
    assert not errors(text)


def test_a_row_off_the_others_is_flagged() -> None:
    # 2021: 4142 deaths (a slip for 6142) on 830000 would be 4.99‰, not 7.40‰
    text = HEAD + "".join(ROWS).replace("| 6142 |", "| 4142 |")
    assert ("7.4", "inconsistent") in rates(text)
    assert errors(text)


def test_a_near_miss_is_left_alone() -> None:
    """7.41 for 7.40: within the two rates' own roundings, not an error."""
    text = HEAD + "".join(ROWS).replace("| 7.40 |", "| 7.41 |")
    assert not errors(text)


def test_a_lone_row_is_never_accused() -> None:
    """One row: no other row shows the identity holds in this table."""
    text = HEAD + "2021 | 8715 | 10.50 | 4142 | 7.40 |\n"
    assert not errors(text)
    assert ("7.4", "inconsistent") not in rates(text)


def test_rates_by_rows_with_years_across() -> None:
    text = ("| 指标 | 2021年 | 2020年 |\n出生人口(人) | 8715 | 8856 |\n出生率(‰) | 10.50 | 10.80 |\n"
            "死亡人口(人) | 6142 | 5740 |\n死亡率(‰) | 7.40 | 7.00 |\n")
    assert [s for _, s in rates(text)].count("consistent") == 2
    assert not errors(text)


def test_a_blank_rate_cell_is_skipped() -> None:
    text = HEAD + "".join(ROWS) + "2022 | 8700 | 10.40 | 6100 |  |\n"
    assert not errors(text)


POP = ("| 指标 | 2021年 | 2020年 |\n总人口(人) | 830000 | 820000 |\n出生人口(人) | 8715 | 8856 |\n"
       "出生率(‰) | 10.56 | 10.80 |\n")


def test_rate_row_over_the_mean_population_of_two_year_ends() -> None:
    # 8715 / ((830000 + 820000) / 2) = 10.564‰
    assert ("10.56", "consistent") in rates(POP)


def test_rate_row_off_the_population_is_not_accused() -> None:
    text = POP.replace("10.56", "11.56")
    assert ("11.56", "consistent") not in rates(text)
    assert not errors(text)


def test_columns_of_a_group_are_not_paired() -> None:
    text = HEAD.replace("死亡人口(人)", "农村死亡人口(人)") + "".join(ROWS).replace("| 6142 |", "| 4142 |")
    assert not errors(text)


# counts and rates in blocks of their own under headings that carry the units (population 800000, 820000, 830000)
GROUPED = ("| 指标 | 2021年 | 2020年 | 2019年 |\n| 人数(人) | | | |\n| 出生人数 | 8800 | 8856 | 8715 |\n"
           "| 死亡人数 | 5600 | 5740 | 6142 |\n| 变动率(‰) | | | |\n| 出生率 | 11.00 | 10.80 | 10.50 |\n"
           "| 死亡率 | 7.00 | 7.00 | 7.40 |\n")


def test_rates_in_a_block_apart_from_their_counts_are_confirmed() -> None:
    assert [s for _, s in rates(GROUPED)].count("consistent") == 3
    assert not errors(GROUPED)


def test_a_rate_in_a_block_apart_off_the_others_is_flagged() -> None:
    text = GROUPED.replace("| 6142 |", "| 4142 |")
    assert ("7.4", "inconsistent") in rates(text)
    assert errors(text)


def test_rates_apart_without_units_are_not_paired() -> None:
    """No ‰ on the rate rows: which rows are rates is not shown, nothing is checked."""
    text = GROUPED.replace("(‰)", "").replace("| 6142 |", "| 4142 |")
    assert not rates(text) and not errors(text)
