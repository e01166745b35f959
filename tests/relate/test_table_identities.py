"""Rows a table names as a difference by definition (relate/table_identities.py): 自然增加 = 出生 − 死亡.

Invented tables: a population of 800000 (2021) and 780000 (2020) with 8800/8580 births and 5600/5460 deaths.
"""
from __future__ import annotations

from auditor import audit_text

PIPES = ("| 指标 | 2021年 | 2020年 | 2021年为上年% |\n"
         "| 人数(人) | | | |\n"
         "|   出生人数 | 8800 | 8580 | 102.6 |\n"
         "|   死亡人数 | 5600 | 5460 | 102.6 |\n"
         "|   自然增加人数 | 3200 | 3120 | 102.6 |\n"
         "| 变动率(‰) | | | |\n"
         "|   出生率 | 11.00 | 11.00 | - |\n"
         "|   死亡率 | 7.00 | 7.00 | - |\n"
         "|   自然增长率 | 4.00 | 4.00 | - |\n")
BY_COLUMN = ("表2 人口自然变动\n全市\n人数(人)\n  出生人数\n  死亡人数\n  自然增加人数\n变动率(‰)\n  出生率\n"
             "  死亡率\n  自然增长率\n8800\n5600\n3200\n11.00\n7.00\n4.00\n")


def differences(text: str) -> list[tuple[str | None, str]]:
    return [(c.expression, c.status) for c in audit_text(text).claims if c.kind == "difference"]


def errors(text: str) -> list[str]:
    return [f.text for f in audit_text(text).findings if f.code.startswith("G") and f.severity.value == "error"]


def test_rows_that_follow_their_definition_are_confirmed() -> None:
    got = differences(PIPES)
    assert ("8800-5600", "consistent") in got and ("8580-5460", "consistent") in got
    assert ("11-7", "consistent") in got or ("11.00-7.00", "consistent") in got
    assert not errors(PIPES)


def test_a_table_printed_column_by_column_is_checked_the_same() -> None:
    got = differences(BY_COLUMN)
    assert ("8800-5600", "consistent") in got
    assert [s for _, s in got].count("consistent") == 2
    assert not errors(BY_COLUMN)


def test_a_natural_increase_off_its_births_and_deaths_is_flagged() -> None:
    text = PIPES.replace("| 3200 |", "| 3300 |")
    assert ("8800-5600", "inconsistent") in differences(text)
    assert any("3300" in e for e in errors(text))


def test_a_natural_growth_rate_off_its_rates_is_flagged() -> None:
    text = BY_COLUMN.replace("\n4.00\n", "\n4.50\n")
    assert any(s == "inconsistent" for _, s in differences(text))
    assert errors(text)


def test_an_index_column_is_no_difference_of_its_rows() -> None:
    """102.6 (为上年%) in the 自然增加 row is the row's own index, not births' index minus deaths'."""
    assert not [e for e in differences(PIPES) if e[0] and "102.6" in e[0]]
    assert not errors(PIPES)


def test_the_terms_are_found_in_the_row_s_own_block_only() -> None:
    """Without its headings (and their units) the counts and the rates share one block: 出生 names two rows
    of bare figures, so neither is taken."""
    text = PIPES.replace("| 人数(人) | | | |\n", "").replace("| 变动率(‰) | | | |\n", "")
    assert not [e for e in differences(text) if e[0] == "8800-5600"]
    assert not [e for e in differences(text.replace("| 3200 |", "| 3300 |")) if e[0] == "8800-5600"]
