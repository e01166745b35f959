"""S402 breakdown-misses-total: an exhaustive breakdown whose parts fall short of the total (SPEC.md)."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing, xfail

CODE = "S402"
SEVERITY = "error"
NOTHING = "全年共受理群众诉求3520件，以咨询类为主。"


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("共梳理事项100项，其中：许可20项、处罚30项、其他40项。", "100项",
                 {"expression": "20+30+40", "recomputed": "90"}, id="brief-example"),
    pytest.param("全年共受理群众诉求3520件,其中咨询类1860件、求助类905件、投诉类512件、其他类198件", "3520件",
                 {"expression": "1860+905+512+198", "recomputed": "3475"}, id="doc-example"),
    pytest.param("共受理复议案件30件，维持、撤销、驳回分别为10件、8件、10件。", "30件", {"recomputed": "28"},
                 id="fenbie", marks=xfail("SPEC S402: a 分别 list is exhaustive, 10+8+10 = 28 ≠ 30; no sum claim")),
]

PASS = [
    pytest.param("共梳理事项100项，其中：许可20项、处罚30项、其他50项。", id="brief-example"),
    pytest.param("共梳理事项100项，其中：许可20项、处罚30项。", id="partial-list-no-qita"),
    pytest.param("全年共受理群众诉求3520件,其中咨询类1860件、求助类905件、投诉类512件、其他类243件", id="adds-up"),
    pytest.param("共受理复议案件30件，维持、撤销、驳回分别为10件、8件、12件。", id="fenbie-adds-up"),
    pytest.param("共刊发60篇。其中：国家级6篇，省级34篇，市级14条，其他6篇。", id="mixed-units-adds-up"),
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


def _sum_status(text: str, figure: str) -> list[str]:
    from auditor import audit_text

    return [c.status for c in audit_text(text).claims if c.kind == "sum" and c.detail.get("figure") == figure]


def test_a_closed_list_in_the_next_sentence_that_falls_short_is_unverifiable() -> None:
    # 其中 opens a new sentence: the parts (closed by 其它类) are all of something the text does not tie to
    # the total; 1200 + 500 + 100 = 1800 of 2600 is neither confirmed nor an error
    text = "本月热线共受理群众各类诉求2600件。其中,咨询类诉求1200件;求助类诉求500件;其它类诉求100件。"
    assert _sum_status(text, "2600件") == ["unverifiable"]
    check_not_flagged(CODE, text)


def test_a_closed_list_in_the_next_sentence_that_adds_up_is_confirmed() -> None:
    text = "本月热线共受理群众各类诉求1800件。其中,咨询类诉求1200件;求助类诉求500件;其它类诉求100件。"
    assert _sum_status(text, "1800件") == ["consistent"]


def test_a_partial_list_that_falls_short_stays_within_its_total() -> None:
    text = "本月热线共受理群众各类诉求2600件。其中,咨询类诉求1200件;求助类诉求500件。"
    assert _sum_status(text, "2600件") == ["consistent"]
