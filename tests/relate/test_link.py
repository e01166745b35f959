"""The link policy (auditor/relate/link.py): when two mentions are one metric."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from auditor.model import Frame, Quantity
from auditor.relate import link


def _q(subject: str, start: int = 0, role: str = "level", period: str = "") -> Quantity:
    return Quantity(start, start + 4, "40件", Decimal(40), "件", "count",
                    frame=Frame(subject=subject, role=role, period=period))


def test_one_subject_with_and_without_its_total_word_is_one_metric() -> None:
    assert link.repeat_of(_q("市热线共受理诉求"), _q("市热线受理诉求", 50))


def test_a_subject_of_a_units_words_names_no_metric() -> None:
    assert not link.repeat_of(_q("万元"), _q("万元", 50))
    assert not link.repeat_of(_q("十万"), _q("十万", 50))


def test_roles_and_periods_keep_metrics_apart() -> None:
    assert not link.repeat_of(_q("受理案件"), _q("受理案件", 50, role="change"))
    assert not link.repeat_of(_q("受理案件", period="2022"), _q("受理案件", 50, period="2023"))


@given(st.text(alphabet="受理案件共全年万元十亿的上半年", max_size=10),
       st.text(alphabet="受理案件共全年万元十亿的上半年", max_size=10))
def test_the_cached_cuts_are_the_cuts(a: str, b: str) -> None:
    assert link.subject_core(a) == link._noise().sub("", a)
    assert link._names_metric(a) == (sum(c not in link.MAGNITUDES for c in a) >= 2)
    assert link.repeat_of(_q(a), _q(b, 50)) == link.repeat_of(_q(a), _q(b, 50))


def test_a_subjects_core_keeps_the_words_a_total_marker_stands_inside() -> None:
    # 共 of 共受理 is a total's word; of 公共安全 it is the subject's own
    assert link.subject_core("共受理诉求") == "受理诉求"
    assert link.subject_core("公共安全事件") == "公共安全事件"


def test_a_short_subject_inside_a_much_longer_one_names_no_level_of_it() -> None:
    # 费支出 (a cut label) is no level of 公务用车运行维护费支出决算; 事故 is one of 事故起数
    assert not link.subject_names(_q("费支出"), _q("公务用车运行维护费支出决算", 50))
    assert link.subject_names(_q("事故"), _q("事故起数", 50))
