"""Lists after 其中 that are no plain partition of their total (auditor/relate/sum_readings.py)."""
from __future__ import annotations

from auditor import audit_text
from auditor.relate.sum_readings import two_classifications


def _figures(text: str) -> tuple[str, list]:  # type: ignore[type-arg]
    return text, [q for q in audit_text(text).quantities if q.is_quantity]


def test_a_pair_sharing_most_of_the_smaller_is_two_classifications() -> None:
    text, qs = _figures("来访1200人次，其中本地1100人次，外地的青年900人次。")
    assert two_classifications(text, qs[1:], qs[0])


def test_a_pair_just_over_its_total_is_one_classification() -> None:
    text, qs = _figures("全镇共有党员120人，其中男党员80人，女党员50人。")
    assert not two_classifications(text, qs[1:], qs[0])


def test_parts_within_their_total_are_no_two_classifications() -> None:
    text, qs = _figures("全镇共有党员120人，其中男党员70人，女党员50人。")
    assert not two_classifications(text, qs[1:], qs[0])


def test_a_second_run_sharing_a_word_none_before_it_has_is_another_classification() -> None:
    text, qs = _figures("工单500件，其中办结300件、退回100件、满意250件、基本满意60件、不满意80件。")
    assert two_classifications(text, qs[1:], qs[0])
