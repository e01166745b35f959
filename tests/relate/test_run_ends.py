"""Where a run of parts ends: a figure past a ； that announces parts of its own is another total."""
from __future__ import annotations

from auditor import audit_text
from auditor.model import Quantity
from auditor.relate.run_ends import heads_own_list


def _loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


def _sums(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "sum"]


def _q(text: str, figure: str) -> Quantity:
    return next(q for q in audit_text(text).quantities if q.text == figure)


def test_sibling_stock_with_own_rate_then_its_own_breakdown_is_no_part() -> None:
    # FAIL before: 3500 + 4200 was read as parts of the 5000 of deposits (S401 warning)
    text = ("年末，全县金融机构存款余额5000亿元，其中个人存款3500亿元，增长9.1%；"
            "贷款余额4200亿元，增长15.2%，其中中长期贷款余额2600亿元，增长11.4%。")
    assert "S401" not in _loud(text)
    assert all(e != "350000000000+420000000000" for _, e in _sums(text))


def test_sibling_without_own_breakdown_still_bounded_by_sibling_rule() -> None:
    text = ("全区存款余额800亿元，其中个人存款500亿元，增长6%；企业存款200亿元，增长3.5%，其他存款100亿元。")
    # parts with their own rates stay parts: they add up to the total
    assert ("consistent", "50000000000+20000000000+10000000000") in _sums(text)
    assert not _loud(text)


def test_parts_each_with_a_rate_still_checked() -> None:
    # PASS: a part's own rate clause is no 其中 of its own, so the list goes on and a wrong sum is caught
    text = "一般公共预算收入100亿元，其中税收收入80亿元，增长5%；非税收入30亿元，下降2%。"
    assert "S401" in _loud(text)


def test_heads_own_list_allows_a_rate_clause_before_its_qizhong() -> None:
    text = "甲120亿元；乙90亿元，增长24.1%，其中丙40亿元。"
    assert heads_own_list(text, _q(text, "90亿元"), True)
    assert not heads_own_list(text, _q(text, "90亿元"), False)
    plain = "甲120亿元；乙90亿元，增长24.1%；丙40亿元。"
    assert not heads_own_list(plain, _q(plain, "90亿元"), True)
