"""R203 rate-over-100: a rate above 100%, or a part larger than its whole (SPEC.md, docs/rules/R203.md)."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing, xfail

CODE = "R203"
SEVERITY = "error"
NOTHING = "全年法律援助中心接待来访群众1260人次。"


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("共受理45件，办结43件，办结率105%。", "105%", {}, id="bounded-rate-over-100"),
    pytest.param("共受理45件，办结43件，办结率100.5%。", "100.5%", {}, id="just-over-100"),
    pytest.param("共受理45件，办结50件，办结率111.1%。", "111.1%", {}, id="part-over-whole"),
    pytest.param("全局共有行政执法人员420名,其中持证上岗436名,持证率103.81%", "103.81%", {}, id="doc-example",
                 marks=xfail("docs/rules/R203.md example: 436/420 = 103.81% is R203; only S401 is raised, "
                             "on the total")),
    pytest.param("群众满意率达到100.6%", "100.6%", {}, id="doc-example-no-operands"),
    # a count cannot fall by more than 100%: it would be below zero
    pytest.param("全县热线共受理诉求1630件。其他咨询6件,占0.37%,同比减幅118.5%。", "118.5%",
                 {"hint": "decline"}, id="count-falls-past-zero"),
]

PASS = [
    pytest.param("共受理45件，办结45件，办结率100%。", id="exactly-100"),
    pytest.param("全年收案120件，较上年（50件）增长140%。", id="growth-over-100"),
    pytest.param("全年完成招商引资任务的112%。", id="plan-completion"),
    pytest.param("结案率102%（含上年结转案件）。", id="doc-known-limit-carried-over"),
    # an amount may fall past zero (a profit turned into a loss); a rate of another subject is not the count's
    pytest.param("全年实现净利润3亿元,同比下降118%。", id="amount-may-fall-past-zero"),
    pytest.param("全年共受理案件6件,涉案金额同比下降118%。", id="rate-of-another-subject"),
    pytest.param(NOTHING, id="nothing-flagged"),
]


@pytest.mark.parametrize(("text", "figure", "want"), FAIL)
def test_flagged(text: str, figure: str | None, want: dict[str, str | None]) -> None:
    check_flagged(CODE, SEVERITY, text, figure, want)


@pytest.mark.parametrize("text", PASS)
def test_not_flagged(text: str) -> None:
    check_not_flagged(CODE, text)


def test_nothing_flagged_at_all() -> None:
    check_nothing(NOTHING)
