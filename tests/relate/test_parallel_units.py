"""Parallel groups of counts in distinct units (relate/parallel_units.py): each unit is one column."""
from __future__ import annotations

from auditor import audit_text

HEAD = "清单共列入{a}门类、{b}大类,其中禁止类4门类、11大类,限制类3门类、8大类。"


def sums(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "sum"]


def test_each_unit_is_checked_against_its_own_column() -> None:
    got = sums(HEAD.format(a=7, b=19))
    assert ("7", "consistent", "4+3") in got
    assert ("19", "consistent", "11+8") in got


def test_a_column_whose_groups_exceed_its_figure_is_flagged() -> None:
    # 11 + 8 = 19 > 17: the groups may overlap (overlap=True), so a warning, not an error
    text = HEAD.format(a=7, b=17)
    assert ("17", "borderline", "11+8") in sums(text)
    assert [(f.code, f.severity.value) for f in audit_text(text).findings] == [("S401", "warning")]


def test_groups_below_their_figure_raise_nothing() -> None:
    # a list after 其中 need not be complete: 11 + 8 < 21 is no contradiction
    text = HEAD.format(a=7, b=21)
    assert ("21", "consistent", "11+8") in sums(text)
    assert not audit_text(text).findings
