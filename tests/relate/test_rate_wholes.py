"""The predicates of which figure may be a rate's whole or part (auditor/relate/rate_wholes.py)."""
from __future__ import annotations

import pytest

from auditor import audit_text
from auditor.relate.rate_wholes import _base_name, _has_own_share, _negated, other_flow, other_stage, stage_sibling


@pytest.mark.parametrize(("core", "label", "negated"), [
    ("办结", "未办结", True),
    ("满意", "群众不满意", True),
    ("结案", "未结案件", True),
    ("办结", "已办结", False),
    ("不满意", "不满意", False),  # a rate of the negated stem takes the negated count
    ("不捕", "不捕", False),
    ("", "未办结", False),
])
def test_negated(core: str, label: str, negated: bool) -> None:
    assert _negated(core, label) is negated


def _figures(text: str) -> tuple[str, list]:  # type: ignore[type-arg]
    return text, [q for q in audit_text(text).quantities if q.is_quantity]


@pytest.mark.parametrize(("text", "own"), [
    ("投诉类86件，占比31.27%；建议类12件。", True),
    ("甲区共有企业400个，占全省规上企业比重为13.33%；乙县300个。", True),
    ("甲区共有企业400个，其中制造业300个，占75%。", False),
    ("甲区共有企业400个，同比增长5%。", False),
    ("甲区诊疗38.4万人次(占医院总数的87.3%),乙区5.6万人次。", True),
    ("甲区诊疗38.4万人次( 占医院诊疗人次总数的87.3%),乙区5.6万人次。", True),
])
def test_has_own_share(text: str, own: bool) -> None:
    text, qs = _figures(text)
    assert _has_own_share(text, qs, 0) is own


def test_base_name() -> None:
    assert _base_name("占全省受理总数的") == "全省受理"  # 总数的 is no part of the name
    assert _base_name("增长") == ""


def test_stages() -> None:
    assert stage_sibling("监督受理", "监督案受理")  # both end at one stage: siblings
    assert not stage_sibling("办结", "按时办结")  # the same stage narrowed is a subset
    assert other_stage("新收", "审结")
    assert not other_stage("审结", "结案")


@pytest.mark.parametrize(("total", "part", "other"), [
    ("一般工业固体废物产生量为", "其中,综合利用量为", True),
    ("危险废物产生量", "处置量达到", True),
    ("水资源总量为", "其中地表水资源量", False),  # 总量 measures what its parts do
    ("全市用水量", "其中生活用水量", False),
    ("粮食总产量", "其中夏粮产量", False),
    ("受理案件", "其中民事案件", False),  # no measure named by 量: not a flow
])
def test_other_flow(total: str, part: str, other: bool) -> None:
    assert other_flow(total, part) is other


LETTERS = "截至年底,共收到群众来信480件,{aside}网上留言40件。经梳理,转办468件,转办率{x}%。"


def _rates(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]


def test_a_second_stream_beside_the_whole_keeps_an_error_off_but_confirms_nothing() -> None:
    # 468/480 = 97.5%; 468/(480+40) = 90%: the rate may be over both streams, so no accusation, no confirmation
    text = LETTERS.format(aside="", x="90")
    assert _rates(text) == [("90", "unverifiable", "468/480")]
    assert [f.code for f in audit_text(text).findings] == []


def test_a_rate_neither_reading_gives_is_still_an_error() -> None:
    assert _rates(LETTERS.format(aside="", x="80")) == [("80", "inconsistent", "468/480")]
    assert _rates(LETTERS.format(aside="", x="97.5")) == [("97.5", "consistent", "468/480")]


def test_a_count_listed_under_the_whole_is_no_second_stream() -> None:
    # 其中网上留言40件 is inside the 480: only 468/480 is read
    assert _rates(LETTERS.format(aside="其中", x="90")) == [("90", "inconsistent", "468/480")]


def test_a_count_of_bodies_is_no_part_of_a_whole_of_items() -> None:
    # 交办到9个单位: the bodies the proposals went to, not the proposals handed over (9/10 is no 交办率)
    text = ("县人大会议共收到建议48件,其中涉及交通方面的有14件、教育方面的有11件、农业方面的有10件。"
            "48件建议交办到9个单位,交办率为100%,办复率达100%。")
    assert "R201" not in [f.code for f in audit_text(text).findings]
    # nor a confirmation by chance: 9个单位 over the 9件 of one topic
    text = ("市人大会议期间共收到代表建议64件,其中城建方面15件、教育方面11件、医疗方面9件。"
            "64件建议交办到9个单位,交办率为100%,办复率达100%。")
    assert [status for _, status, _ in _rates(text)] == ["unverifiable", "unverifiable"]


HEAD = "全年查处违法排污案件共{n}起({a}类{x}起,{b}类{y}起,占{base}的{s}%;罚没款12万元)。"


def _shares(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "share"]


def test_a_share_after_a_closed_breakdown_in_the_heads_parentheses_never_accuses() -> None:
    # 60+40 = 100 closes the breakdown; 占…40.5% may be 100's share of all cases, or 40's of the 100
    text = HEAD.format(n=100, a="废水", x=60, b="废气", y=40, base="违法案件总数", s="40.50")
    assert _shares(text) == [("40.5", "unverifiable", "40/100")]
    assert [f.code for f in audit_text(text).findings] == []


def test_a_share_after_a_closed_breakdown_may_still_confirm() -> None:
    text = HEAD.format(n=100, a="废水", x=60, b="废气", y=40, base="查处案件", s="40.00")
    assert _shares(text) == [("40", "consistent", "40/100")]


@pytest.mark.parametrize("text", [
    # the parts do not close the head: the share is the last part's (a part missing from the list is not it)
    HEAD.format(n=120, a="废水", x=60, b="废气", y=40, base="查处案件", s="40.00"),
    # each part with a share of its own: the last share is the last part's
    "全年查处违法排污案件共100起(废水类60起,占60%;废气类40起,占45%)。",
    # no parentheses: a share in the list after 其中 is the last part's
    "全年查处违法排污案件共100起,其中废水类60起,废气类40起,占45%。",
])
def test_a_share_of_the_last_part_outside_that_shape_still_accuses(text: str) -> None:
    assert "R201" in [f.code for f in audit_text(text).findings]


def _rate_texts(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.text, c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]


def test_a_bracketed_base_of_a_share_is_no_whole_of_a_later_rate() -> None:
    """占全省收到评价数(4100万条)三成: 4100万 is the province's count, the whole of 三成 only; the later 差评率
    is over the city's 1250万 (2600/1250万 = 0.0208%), never over 4100万 (0.0063%)."""
    text = "某市今年各渠道收集群众评价数1250万条,占全省收到评价数(4100万条)三成左右。其中,差评数2600条,差评率0.021%。"
    assert "R201" not in [f.code for f in audit_text(text).findings]
    assert not [e for _, _, e in _rate_texts(text) if e and "41000000" in e]
    share = [c for c in audit_text(text).claims if c.kind == "share"]
    assert [c.expression for c in share] == ["12500000/41000000"]  # the share it glosses keeps it


def test_a_figure_after_a_semicolon_opens_another_group_no_whole_of_the_part() -> None:
    """调解结案17件 is a part of the 信访 cases (58, 50); 36 is the 法律援助 count of the next group."""
    text = ("2023年,该区信访局办理信访事项58件,办结50件,其中调解结案17件,转办11件;"
            "办理法律援助案件36件,其中结案28件,胜诉25件。群众满意率达96%,调解率为38%。")
    assert not [e for _, _, e in _rate_texts(text) if e and "36" in e]


def test_a_total_after_a_semicolon_is_still_the_whole() -> None:
    from auditor.relate.rate_wholes import _later_group

    text = "其中调解结案12件;判决结案28件;合计结案40件;另有新收案件36件。"
    qs = [q for q in audit_text(text).quantities if q.is_quantity]
    assert [q.text for q in qs] == ["12件", "28件", "40件", "36件"]
    assert not _later_group(text, qs, 2, 0)  # 合计 marks the total of what came before
    assert _later_group(text, qs, 3, 0)
    assert not _later_group(text, qs, 0, 1)  # a figure before the part is not after its semicolon


REVIEWS = ("该局办理行政复议案件70件,办结60件,其中调解终止20件,维持15件,受理前化解8件;办理行政应诉案件46件,"
           "其中审结32件,胜诉30件。实质性化解率达90%,调解率为{x}%。")


def test_a_run_of_parts_stops_at_the_semicolon_after_the_part() -> None:
    """(8+46)/60 = 90% by chance: 46 is the next group's count, after the semicolon that closes the list."""
    assert not [e for _, s, e in _rate_texts(REVIEWS.format(x="38")) if e and "46" in e]


def test_a_sibling_of_another_kind_joins_no_run_for_a_rate_named_by_its_stem() -> None:
    """(20+15)/70 = 50% by chance: 维持 is no 调解; the 调解率 is over 调解终止 alone, and its base unstated."""
    assert not [e for t, s, e in _rate_texts(REVIEWS.format(x="50")) if t.startswith("调解率") and s == "consistent"]


def test_a_subset_and_the_rest_still_make_a_run() -> None:
    text = "共派单493件,按时结案486件,超时办理7件,结案率{x}%。"
    assert [s for _, s, _ in _rate_texts(text.format(x="100"))] == ["consistent"]
