"""A table that restates figures of the text: the row the text names holds the same figure."""
from __future__ import annotations

from auditor import audit_text


def repeats(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.status, c.expression, c.detail.get("link", "")) for c in audit_text(text).claims
            if c.kind == "repeat" and "table row" in c.detail.get("link", "")]


TEXT = ("全县实现地区生产总值85.42亿元,比上年增长6.1%。其中,第一产业增加值12.30亿元,增长3.2%;"
        "第二产业增加值40.05亿元,增长7.0%。\n"
        "表1 全县生产总值\n"
        "| 绝对数(亿元) | 比上年增长(%) |\n"
        "地区生产总值 | 85.42 | 6.1 |\n"
        "第一产业 | 12.30 | 3.2 |\n"
        "第二产业 | 40.05 | 7.0 |\n")


def test_table_restating_the_text_is_confirmed() -> None:
    found = repeats(TEXT)
    assert ("consistent", "= 85.42（地区生产总值，绝对数(亿元)）", "table row 地区生产总值") in found
    assert ("consistent", "= 12.30亿元", "table row 第一产业") in found
    assert ("consistent", "= 40.05亿元", "table row 第二产业") in found


def test_table_with_another_figure_is_not_confirmed() -> None:
    text = TEXT.replace("第一产业 | 12.30 |", "第一产业 | 12.80 |")
    found = repeats(text)
    assert not [f for f in found if "第一产业" in f[2]]
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


CELLS = ("新收案件最多的是甲县法院,为2100件,其次是乙县法院1860件。\n"
         "序号\n|\n法院\n|\n2022年新收(件)\n|\n2021年新收(件)\n|\n"
         "1\n|\n甲县法院\n|\n2100\n|\n1900\n|\n2\n|\n乙县法院\n|\n1860\n|\n1750\n|\n"
         "3\n|\n丙县法院\n|\n1320\n|\n1410\n|\n")


def test_cells_one_per_line_restating_a_row() -> None:
    found = repeats(CELLS)
    assert ("consistent", "= 1860（乙县法院，2022年新收(件)）", "table row 乙县法院") in found


def test_equal_figure_in_a_row_the_text_does_not_name_is_no_repeat() -> None:
    # 1860 is 乙县's figure in the text; 丙县 holds 1860 in another column of its own row
    text = CELLS.replace("乙县法院\n|\n1860", "乙县法院\n|\n1870").replace("1320\n|\n1410", "1320\n|\n1860")
    assert repeats(text) == []


def test_figure_in_two_cells_of_the_row_is_ambiguous() -> None:
    text = CELLS.replace("1860\n|\n1750", "1860\n|\n1860")
    assert repeats(text) == []
