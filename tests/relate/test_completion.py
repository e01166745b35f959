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
