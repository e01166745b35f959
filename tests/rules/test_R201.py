"""R201 rate-mismatch: a stated rate that part/whole does not give under half-up rounding (SPEC.md)."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing

CODE = "R201"
SEVERITY = "error"
NOTHING = "全年共受理行政复议申请86件，依法受理80件。"


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("共受理信访事项45件，办结43件，办结率97.8%", "97.8%",
                 {"expression": "43/45", "recomputed": "95.5556", "claimed": "97.8"}, id="brief-example"),
    pytest.param("热线中心累计受理企业、群众办件37116件,办结37082件,按时办结率99.98%", "99.98%",
                 {"expression": "37082/37116", "recomputed": "99.9084"}, id="spec-example-subset-above-bound"),
    # the items' noun before the modifier (案件按时办结率) names what is counted: still a subset of 办结
    pytest.param("全年受理行政复议案件62件,办结31件,案件按时办结率达100%。", "100%", {"expression": "31/62"},
                 id="subset-with-the-items-noun-before-its-modifier"),
    pytest.param("全年受理政务服务事项52360件,办结52118件,办结率99.85%", "99.85%",
                 {"expression": "52118/52360", "recomputed": "99.5378"}, id="doc-example"),
    pytest.param("共受理7件，办结6件，办结率85.0%。", "85.0%", {"expression": "6/7", "recomputed": "85.7143"},
                 id="trailing-zero-decimal"),
    pytest.param("共受理40件，办结37件，办结率不足90%", "90%", {"expression": "37/40", "recomputed": "92.5"},
                 id="upper-bound-fails"),
    pytest.param("共受理40件，办结37件，办结率约96%", "96%", {"expression": "37/40", "recomputed": "92.5"},
                 id="approx-beyond-one-unit"),
    pytest.param("共受理10件，办结5件，办结率80.0%", "80.0%", {"expression": "5/10", "recomputed": "50"},
                 id="far-off"),
    pytest.param("共受理3万件,办结2万件,办结率70%", "70%", {"expression": "20000/30000"},
                 id="whole-wan-figures-among-themselves-are-exact"),
    pytest.param("截至年底,中心共受理申请事项41.7352万件,办结41.7309万件,办结率达99.8%", "99.8%",
                 {"expression": "417309/417352"}, id="operands-in-wan-two-units-off"),
]

PASS = [
    pytest.param("从诉求看,东川市请求超过三项的案件占70%以上,有的多达三十几项,西岭市2~4项请求的约占案件总量的58%。",
                 id="a-range-label-and-a-vague-count-are-no-operands"),
    pytest.param("共受理信访事项45件，办结43件，办结率95.6%", id="brief-example"),
    pytest.param("共调解各类矛盾纠纷45起。化解43起，化解率为95.6%", id="spec-example-next-sentence"),
    pytest.param("全年办理人大代表建议48件，满意47件，满意率97.92%", id="two-decimals"),
    pytest.param("共受理40件，办结37件，办结率约93%", id="approx-within-one-unit"),
    pytest.param("共受理40件，办结38件，办结率达95%以上", id="lower-bound-holds"),
    pytest.param("共受理45件，办结45件，办结率100%。", id="all-done"),
    pytest.param("受理1.4万件,占全部15.7万件的8.7%", id="doc-example-rounded-operands"),
    pytest.param("共受理45件，办结率95.6%。", id="no-part-unverifiable"),
    pytest.param("调处各类矛盾纠纷731件，调处成功率达98%以上。", id="seed-shape-unverifiable"),
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


def test_a_formula_after_the_rate_states_no_rate_pass() -> None:
    from auditor import audit_text

    text = "全区今年收到评价数52万条,其中差评数260条,差评率0.05%(差评率=差评数/评价数*100%)。"
    assert "R201" not in [f.code for f in audit_text(text).findings]


CUT = ("2024年上半年,某市12315平台共接收各类投诉举报咨询6.43万件,同比上升5.2%,环比降低3.1%。其中,投诉2.35万件,"
       "同比上升8.1%,占比36.55%;举报8215件,同比降低11.2%,占比{x}%;咨询3.26万件,同比上升9.4%,占比50.69%。")


def test_a_share_over_a_total_in_wan_cut_short_is_no_error_pass() -> None:
    """6.43万 may be 64390 cut short: 8215/64390 = 12.758% gives 12.76%, though 8215/[64295, 64305) misses it:
    doubtful (R202, saying so), no error."""
    from auditor import audit_text

    found = [(f.code, f.message_en) for f in audit_text(CUT.format(x="12.76")).findings]
    assert "R201" not in [c for c, _ in found]
    assert [m for c, m in found if c == "R202" and "cut short" in m]


def test_a_share_no_cut_short_reading_gives_fail() -> None:
    from auditor import audit_text

    assert "R201" in [f.code for f in audit_text(CUT.format(x="13.56")).findings]
