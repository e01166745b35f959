"""Claims the relate stage finds beyond the per-rule tables: averages, repeats, breakdown shapes.

Each case states the claim kind and status expected on a report-style sentence, and the
arithmetic (expression) where it identifies the operands.
"""
from __future__ import annotations

import pytest

from auditor import audit_text

ERRORS = ("error", "warning")


def claims(text: str, kind: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims if c.kind == kind]


@pytest.mark.parametrize(("text", "expression"), [
    ("共审结案件128件，标的额3365万元，平均每件标的额26.3万元。", "33650000/128"),
    ("全年受理案件3082.4万件，12万多名员额法官人均结案242件。", "30824000/120000"),
])
def test_average_confirmed(text: str, expression: str) -> None:
    assert ("consistent", expression) in claims(text, "rate")


def test_average_never_flagged() -> None:
    """The divisor of a per-unit figure is often implied (days in a quarter): a miss stays quiet."""
    r = audit_text("第一季度话务总数为20693个，日均230个。")
    assert not [f for f in r.findings if f.severity.value in ERRORS]


def test_repeat_recorded_at_both_places() -> None:
    text = "全年共受理群众诉求4.04万件。\n……\n本年度共受理群众诉求4.04万件，同比增长3%。"
    found = [c for c in audit_text(text).claims if c.kind == "repeat"]
    assert len(found) == 2 and all(c.status == "consistent" for c in found)


def test_small_repeats_are_not_claims() -> None:
    assert claims("开展培训2次。组织考试2次。", "repeat") == []


@pytest.mark.parametrize("text", [
    "共受理来信276件，其中投诉类103件，咨询类75件，求助类66件，建议类22件，举报类10件。",
    "清理规范性文件18份，继续有效16份，失效2份。",
    "刊发信息336篇，同比增加122篇。其中：国家级6篇，省级110篇，市级220篇。",
])
def test_breakdown_shapes_consistent(text: str) -> None:
    assert [s for s, _ in claims(text, "sum")] and all(s == "consistent" for s, _ in claims(text, "sum"))


def test_spaced_thousands_feed_a_share() -> None:
    text = "全省法院收案321 146件，其中基层法院收案271 997件，占全省法院收案总数的84.7%。"
    assert ("consistent", "271997/321146") in claims(text, "share")


@pytest.mark.parametrize("text", [
    "全年有7个城市未达标，分别为:甲市、乙市、丙市、丁市、戊市、己市和庚市。",
    "对东坪、西坪、南坪、北坪、中坪等5个乡镇进行检查。",
    "新增了“调解协议确认案件”和“担保物权实现案件”两类案件。",
])
def test_count_matches_the_names_listed(text: str) -> None:
    assert [s for s, _ in claims(text, "sum")] == ["consistent"]


def test_count_against_names_never_flagged() -> None:
    """A list of names may be cut short (等): a count that does not match stays quiet."""
    r = audit_text("共有4个单位未按期办结，分别为甲局、乙局。")
    assert [s for s, _ in claims("共有4个单位未按期办结，分别为甲局、乙局。", "sum")] != ["consistent"]
    assert not [f for f in r.findings if f.severity.value in ERRORS]
