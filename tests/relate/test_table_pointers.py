"""A total in the text that points at the table breaking it down (见表1, 详见下表)."""
from __future__ import annotations

from auditor import audit_text


def pointed(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims
            if c.kind == "sum" and "table pointed at" in c.detail.get("link", "")]


TABLE = ("表1:各部门信访件办理情况\n"
         "| 部门 | 收件数 | 办结数 |\n"
         "甲局 | 60 | 55 |\n"
         "乙局 | 42 | 40 |\n"
         "丙局 | 18 | 15 |\n"
         "合计 | 120 | 110 |\n")


def test_total_pointing_at_its_table_is_confirmed() -> None:
    text = "全年各部门共收到信访件120件,办结110件(见表1)。\n" + TABLE
    assert pointed(text) == [("consistent", "60+42+18"), ("consistent", "55+40+15")]


def test_pointer_sentence_without_figures_reads_the_sentence_before() -> None:
    text = "全年各部门共收到信访件120件,同比增长9.1%。具体情况详见下表:\n" + TABLE
    assert pointed(text) == [("consistent", "60+42+18")]


def test_total_that_differs_from_its_tables_is_left_alone() -> None:
    text = "全年各部门共收到信访件130件,办结110件(见表1)。\n" + TABLE
    assert pointed(text) == [("consistent", "55+40+15")]
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


def test_pointer_to_another_table_links_nothing() -> None:
    text = "全年各部门共收到信访件120件,办结110件(见表2)。\n" + TABLE
    assert pointed(text) == []


def test_two_figures_that_might_be_the_total_link_nothing() -> None:
    text = "全年各部门共收到信访件120件,其中网上信访120件(见表1)。\n" + TABLE
    assert not [p for p in pointed(text) if p[1] == "60+42+18"]


BLOCK = ("| 来源 | 数量 | 占比 |\n"
         "电话 | 3400 | 85.0% |\n"
         "网站 | 400 | 10.0% |\n"
         "微信 | 200 | 5.0% |\n")


def test_table_without_a_total_row_whose_column_adds_up_to_the_text() -> None:
    text = "本月受理各类诉求4000件,同比下降2.5%,详情如下:\n" + BLOCK
    assert pointed(text) == [("consistent", "3400+400+200")]


def test_table_without_a_total_row_that_misses_the_text_confirms_nothing() -> None:
    text = "本月受理各类诉求4100件,同比下降2.5%,详情如下:\n" + BLOCK
    assert pointed(text) == []
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]
