"""Completion ratios against the target named in their own phrase (relate/completion.py)."""
from __future__ import annotations

from auditor import audit_text

TEXT = ("2006年1-10月全市履约项目422个。实际到位资金1005136万元,同比增长125%,完成全年80亿目标任务的125.64%。"
        "其中:国内省外履约项目113个,到位资金为412678万元,完成省政府下达考核目标任务的(83253万元)的495.69%。")


def rates(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]


def test_completion_over_the_target_in_its_phrase_may_exceed_100() -> None:
    found = rates(TEXT)
    assert ("125.64", "consistent", "10051360000/8000000000") in found
    assert ("495.69", "consistent", "4126780000/832530000") in found
    assert not [f for f in audit_text(TEXT).findings if f.code.startswith("R")]


def test_completion_off_its_target_is_not_confirmed_nor_accused() -> None:
    text = TEXT.replace("125.64%", "135.64%")
    assert ("135.64", "unverifiable", None) in [(c, s, None) for c, s, _ in rates(text)]
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


# ---- a bare completion ratio: the actual over the one plan figure of its sentence -----------------

PLAN = "全县重点项目50个,总投资178.7亿元,年度投资计划17.68亿元,1-5月完成投资4.42亿元,完成率25%。"


def test_completion_ratio_over_its_plan_pass() -> None:
    assert ("25", "consistent", "442000000/1768000000") in rates(PLAN)


def test_completion_ratio_off_its_plan_is_not_accused() -> None:
    # confirmed only: 4.42/17.68 = 25%, so 35% is left unverifiable, never an error
    text = PLAN.replace("完成率25%", "完成率35%")
    assert ("35", "unverifiable", "442000000/1768000000") in rates(text)
    assert not [f for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


def test_completion_ratio_is_never_over_a_total_of_another_metric() -> None:
    # 总投资 is what the projects cost in all years, not the year's plan: no pairing without a plan figure
    text = "全县重点项目50个,总投资178.7亿元,1-5月完成投资4.28亿元,完成率24.25%。"
    assert ("24.25", "unverifiable", None) in rates(text)
    assert not [f for f in audit_text(text).findings if f.code.startswith("R")]


# a completion of the budget the sentence gives by its gap (决算数大于预算数N万元)
GAP_OK = "全年本部门财政拨款支出总计1050万元,比上年增加30万元;完成年初预算105%,决算数大于预算数50万元。"
GAP_BAD = "全年本部门财政拨款支出总计1050万元,比上年增加30万元;完成年初预算100%,决算数大于预算数50万元。"


def test_budget_gap_confirmed() -> None:
    got = [(c.status, c.expression) for c in audit_text(GAP_OK).claims if c.kind == "rate"]
    assert ("consistent", "10500000/(10500000-500000)") in got


def test_budget_gap_flagged() -> None:
    got = [(c.status, c.expression) for c in audit_text(GAP_BAD).claims if c.kind == "rate"]
    assert ("inconsistent", "10500000/(10500000-500000)") in got
    assert [f for f in audit_text(GAP_BAD).findings if f.code == "R201"]


def test_budget_under_spent() -> None:
    text = "全年本部门财政拨款支出总计950万元;完成年初预算95%,决算数小于预算数50万元。"
    got = [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]
    assert ("consistent", "9500000/(9500000+500000)") in got


def test_gap_of_another_sentence_is_not_the_budget() -> None:
    """The gap is stated in the next sentence: not part of the completion's statement."""
    text = "全年本部门财政拨款支出总计1050万元;完成年初预算100%。决算数大于预算数50万元。"
    assert not [f for f in audit_text(text).findings if f.code == "R201"]


def test_budget_gap_takes_the_nearest_level() -> None:
    """收入 first, then 支出: the completion of the budget is the spending's, the amount nearest to it."""
    text = "本年收入合计1200万元,支出合计1050万元;完成年初预算105%,决算数大于预算数50万元。"
    got = [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]
    assert ("consistent", "10500000/(10500000-500000)") in got
    assert not [f for f in audit_text(text).findings if f.code == "R201"]
