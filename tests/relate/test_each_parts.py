"""Parts that 各 distributes: 其中甲区4件，乙区、丙局及丁公司各1件 = 4 + 3×1."""
from __future__ import annotations

from auditor import audit_text

LINK = "其中 list, 各 for each name"


def each(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims
            if c.kind == "sum" and c.detail.get("link") == LINK]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


TEXT = "二季度有9件超期办理,其中城东区政府3件,城西区政府2件,市水务局、市交通局及市电力公司各1件。"


def test_each_gives_one_to_every_name_listed() -> None:
    assert each(TEXT) == [("consistent", "3+2+3")]
    assert not loud(TEXT)


def test_each_that_makes_the_parts_exceed_the_total_is_flagged() -> None:
    text = TEXT.replace("9件超期", "7件超期")
    assert each(text) == [("borderline", "3+2+3")]
    assert "S401" in loud(text)


def test_each_after_a_single_name_counts_once() -> None:
    text = "二季度有9件超期办理,其中城东区政府3件,城西区政府2件,其余单位各1件。"
    assert each(text) == []


def test_parts_of_the_next_sentence_are_not_added() -> None:
    text = TEXT + "另有市水务局、市交通局各2件未按时反馈。"
    assert each(text) == [("consistent", "3+2+3")]
