"""The table model: layouts of tables in text, rows and stub, header rows and groups, units carried to cells."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import audit_text
from auditor.extract import extract
from auditor.script import simplified
from auditor.table_text import grids
from auditor.tables import Table, tables


def read(text: str) -> list[Table]:
    text = simplified(text)
    return tables(text, extract(text))


def grid(t: Table) -> list[tuple[str, list[str]]]:
    return [(r.label, ["" if c is None else c.text for c in r.cells]) for r in t.rows]


PIPES = (
    "表1 各乡镇信访件办理情况\n"
    "单位：件\n"
    "| 乡镇 | 合计 | 来信 | 来访 |\n"
    "甲镇 | 51 | 20 | 31 |\n"
    "乙镇 | 27 | 12 | 15 |\n"
    "总计 | 78 | 32 | 46 |\n"
)


def test_pipe_rows_give_header_stub_columns_and_the_table_unit() -> None:
    [t] = read(PIPES)
    assert t.layout == "pipe"
    assert [c.label for c in t.columns] == ["合计", "来信", "来访"]
    assert grid(t) == [("甲镇", ["51", "20", "31"]), ("乙镇", ["27", "12", "15"]), ("总计", ["78", "32", "46"])]
    assert t.unit == "件"
    q = t.q(0, 0)
    assert q is not None and q.kind == "count" and q.unit == "件"  # 单位：件 carried to a bare 51
    assert t.rows[2].total and not t.rows[0].total
    assert t.where(2, 1) == "总计，来信"


def test_prose_and_a_lone_pipe_line_are_no_table() -> None:
    assert read("全年受理案件120件，办结118件，办结率98.3%。\n上年为110件。\n") == []
    assert read("| 索引号: | 011158671/2020-23836 |\n正文120件。\n") == []


# one cell per line, each closed by |: the header's width fixes the row width (real layout, shortened)
CELLS = (
    "指 标 |\n2005年 |\n2004年 |\n2005年为上年% |\n"
    "总人口(人) |\n5957992 |\n5836016 |\n102.1 |\n"
    "按性别分: |\n|\n|\n|\n"
    "男 |\n3052448 |\n2997428 |\n101.8 |\n"
    "女 |\n2905544 |\n2838588 |\n102.4 |\n"
    "出生率(‰) |\n7.69 |\n7.73 |\n- |\n"
)


def test_one_cell_per_line_rows_from_the_header_width() -> None:
    [t] = read(CELLS)
    assert t.layout == "cells"
    assert [c.label for c in t.columns] == ["2005年", "2004年", "2005年为上年%"]
    assert grid(t)[0] == ("总人口(人)", ["5957992", "5836016", "102.1"])
    assert t.rows[1].section and t.rows[1].label == "按性别分:"
    assert grid(t)[3] == ("女", ["2905544", "2838588", "102.4"])
    idx = t.q(0, 2)
    assert idx is not None and idx.kind == "percent"  # the header's % carried to 102.1
    rate = t.q(4, 0)
    assert rate is not None and rate.unit == "‰"  # the row label's (‰) carried to 7.69
    assert t.q(4, 2) is None  # a dash is no figure
    people = t.q(0, 0)
    assert people is not None and people.unit == "人"


# cells between lines holding only |, a cell wrapped onto two lines, a 序号 column, a merged 合计 stub
SEPARATED = (
    "表1:各法院收案统计表\n序号\n|\n法院\n|\n2022年新收(件)\n|\n2021年新收(件)\n|\n"
    "1\n|\n甲区人民\n法院\n|\n2573\n|\n3161\n|\n"
    "2\n|\n乙县人民法院\n|\n4020\n|\n3343\n|\n"
    "3\n|\n丙县人民法院\n|\n3011\n|\n2718\n|\n"
    "合计\n|\n9604\n|\n9222\n"
    "从案由分析,合同纠纷最多。\n"
)


def test_cells_between_separator_lines_with_serials_and_a_merged_total_stub() -> None:
    [t] = read(SEPARATED)
    assert t.layout == "separated"
    assert [c.label for c in t.columns] == ["2022年新收(件)", "2021年新收(件)"]
    assert grid(t) == [("甲区人民法院", ["2573", "3161"]), ("乙县人民法院", ["4020", "3343"]),
                       ("丙县人民法院", ["3011", "2718"]), ("合计", ["9604", "9222"])]
    assert t.rows[0].stub[0].text == "1"  # the serial number is the row's, not a figure of the table
    assert t.rows[3].total


BARE = "\n".join(["序号", "处理方式", "数量", "比例", "1", "作出维持决定", "3509", "74.7%", "2", "撤回申请后终止",
                  "678", "14.4%", "3", "驳回复议申请", "295", "6.3%", "4", "合计", "4482", "100%"]) + "\n"


def test_one_cell_per_line_without_pipes() -> None:
    [t] = read(BARE)
    assert t.layout == "lines"
    assert [c.label for c in t.columns] == ["数量", "比例"]
    assert grid(t)[-1] == ("合计", ["4482", "100%"])


def test_short_lines_that_are_not_a_table_are_left_alone() -> None:
    text = "\n".join(["一、总体情况", "二、主要做法", "三、存在问题", "四、下步打算"] * 4) + "\n"
    assert read(text) == []


GROUPS = (
    "按国内外分组 |\n合计 |\n发明 |\n实用新型 |\n授权量 |\n构成 |\n授权量 |\n构成 |\n授权量 |\n构成 |\n"
    "合计 |\n小计 |\n2000 |\n100.0% |\n800 |\n100.0% |\n1200 |\n100.0% |\n"
    "职务 |\n1500 |\n75.0% |\n600 |\n75.0% |\n900 |\n75.0% |\n"
    "非职务 |\n500 |\n25.0% |\n200 |\n25.0% |\n300 |\n25.0% |\n"
    "国内 |\n小计 |\n1000 |\n100/50.0 |\n400 |\n100/50.0 |\n600 |\n100/50.0 |\n"
)


def test_two_header_rows_give_column_groups_and_a_two_cell_stub() -> None:
    [t] = read(GROUPS)
    assert [(c.group, c.leaf) for c in t.columns][:4] == [("合计", "授权量"), ("合计", "构成"),
                                                            ("发明", "授权量"), ("发明", "构成")]
    assert t.rows[0].label == "合计小计" and t.rows[0].total
    assert grid(t)[1] == ("职务", ["1500", "75.0%", "600", "75.0%", "900", "75.0%"])
    cell = t.rows[3].cells[1]
    assert cell is not None and cell.q is not None and cell.q.value == 100  # 100/50.0: the block's 100%
    assert cell.pair is not None and str(cell.pair.value) == "50.0" and cell.pair.kind == "percent"


def test_years_opening_rows_under_a_year_header_are_labels() -> None:
    text = ("| 年份 | 出生率(‰) | 死亡率(‰) | 自然增长率(‰) |\n| 1978 | 10.80 | 7.60 | 3.20 |\n"
            "| 1979 | 11.00 | 7.10 | 3.90 |\n")
    [t] = read(text)
    assert [r.label for r in t.rows] == ["1978", "1979"]
    assert len(t.columns) == 3


def test_a_short_pipe_row_is_right_aligned_only_where_its_stub_is_merged() -> None:
    text = "| 序号 | 单位 | 受理 | 办结 |\n| 1 | 甲 | 10 | 9 |\n| 2 | 乙 | 20 | 19 |\n| 合计 | 30 | 28 |\n"
    [t] = read(text)
    assert grid(t)[-1] == ("合计", ["30", "28"])
    text = "| 单位 | 受理 | 办结 | 在办 |\n| 甲 | 10 | 9 | 1 |\n| 乙 | 20 | 19 | 1 |\n| 丙 | 5 |\n"
    [t] = read(text)
    assert grid(t)[-1] == ("丙", ["5", "", ""])


def test_grids_keep_cell_spans() -> None:
    text = "前言\n| 甲 | 12 |\n| 乙 | 30 |\n"
    [g] = grids(text)
    assert [text[a:b] for a, b in g.rows[0]] == ["甲", "12"]


_PIECES = ["|", " | ", "\n", "合计", "小计", "占比", "增幅", "2021年", "2022年", "序号", "年份", "甲", "乙", "-",
           "100/79.8", "(%)", "（万元）", "单位：件", "12", "3.5%", "-4.20", "1978", "0", "100%", "按性别分:",
           "同比增长(±%)"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=120))
def test_any_mix_of_cells_and_pipes_reads_without_error(pieces: list[str]) -> None:
    text = "".join(pieces)
    for t in read(text):
        assert all(len(r.cells) == len(t.columns) for r in t.rows)
        assert all(0 <= r.start <= r.end <= len(text) for r in t.rows)
    audit_text(text)


# two column groups side by side, read one cell per line, with a first column spanning every row (real, shortened)
SIDE = ("受理总量 |\n诉求来源 |\n数量 |\n占比 |\n工单类型 |\n数量 |\n占比 |\n38447 |\n"
        "电话 |\n34859 |\n90.67% |\n咨询类 |\n19651 |\n51.11% |\n微信微博 |\n2724 |\n7.09% |\n"
        "求助类 |\n592 |\n1.54% |\n"
        "|\n网站邮件 |\n864 |\n2.25% |\n投诉类 |\n18204 |\n47.35% |\n")


def test_side_by_side_groups_are_dealt_into_their_own_tables() -> None:
    left, right = read(SIDE)
    assert [c.label for c in left.columns] == ["数量", "占比"]
    assert [r.label for r in left.rows] == ["电话", "微信微博", "网站邮件"]
    assert [r.label for r in right.rows] == ["咨询类", "求助类", "投诉类"]


def test_signed_cells_are_figures() -> None:
    [t] = read("| 行业 | 2022年 | 2021年 | 增长(%) |\n| 甲 | 105 | 100 | +5.0 |\n| 乙 | 97 | 100 | −3.0 |\n")
    up, down = t.q(0, 2), t.q(1, 2)
    assert up is not None and up.value == 5 and up.kind == "percent"
    assert down is not None and down.value == -3


# a one-column table printed column by column: its indented stub under two headings, then its figures
BY_COLUMN = ("表2 人口自然变动\n全市\n人数(人)\n  出生人数\n  死亡人数\n  自然增加人数\n变动率(‰)\n  出生率\n"
             "  死亡率\n  自然增长率\n8800\n5600\n3200\n11.00\n7.00\n4.00\n")


def test_a_stub_printed_before_its_figures_pairs_the_indented_labels_with_them_in_order() -> None:
    [t] = read(BY_COLUMN)
    assert [c.label for c in t.columns] == ["全市"]
    assert grid(t) == [("人数(人)", [""]), ("出生人数", ["8800"]), ("死亡人数", ["5600"]), ("自然增加人数", ["3200"]),
                       ("变动率(‰)", [""]), ("出生率", ["11.00"]), ("死亡率", ["7.00"]), ("自然增长率", ["4.00"])]
    assert t.rows[0].section and t.rows[4].section
    births, rate = t.q(1, 0), t.q(5, 0)
    assert births is not None and births.unit == "人"  # a heading's unit carried to the rows under it
    assert rate is not None and rate.unit == "‰" and rate.kind == "percent"


def test_a_stub_before_its_figures_is_not_paired_where_the_counts_differ_or_nothing_is_indented() -> None:
    one_short = BY_COLUMN.replace("4.00\n", "")  # five figures for six indented labels
    assert all(len(t.rows) != 8 for t in read(one_short))
    flat = BY_COLUMN.replace("  ", "")  # no indentation: which labels are rows is not shown
    assert all(grid(t) != grid(read(BY_COLUMN)[0]) for t in read(flat))


# two column groups over their leaves, one cell per line, the blank corner printed once above the groups
GROUPED_HEAD = ("|\n事故起数 |\n死亡人数 |\n甲业 |\n增长(%) |\n乙业 |\n增长(%) |\n"
                "甲业 |\n增长(%) |\n乙业 |\n增长(%) |\n"
                "|\n合计 |\n8 |\n-20 |\n10 |\n25 |\n6 |\n-25 |\n4 |\n100 |\n")


def test_column_groups_over_leaves_under_a_corner_printed_once() -> None:
    [t] = read(GROUPED_HEAD)
    assert [(c.group, c.leaf) for c in t.columns][:2] == [("事故起数", "甲业"), ("事故起数", "增长(%)")]
    assert [(c.group, c.leaf) for c in t.columns][4:6] == [("死亡人数", "甲业"), ("死亡人数", "增长(%)")]
    assert t.where(0, 4) == "合计，死亡人数甲业"


def test_groups_that_do_not_divide_the_leaves_are_not_spread_over_them() -> None:
    three = GROUPED_HEAD.replace("死亡人数 |\n", "死亡人数 |\n受伤人数 |\n")  # three groups over eight leaves
    [t] = read(three)
    assert not any(c.group == "事故起数" for c in t.columns)


def test_two_column_rows_without_outer_pipes_are_a_table() -> None:
    text = "单位：万元\n项目 | 预算数\n合计 | 50\n1、办公费 | 20\n2、印刷费 | 30\n"
    [t] = read(text)
    assert grid(t) == [("合计", ["50"]), ("1、办公费", ["20"]), ("2、印刷费", ["30"])]
    sums = [c for c in audit_text(text).claims if c.kind == "sum"]
    assert [(c.status, c.expression) for c in sums] == [("consistent", "20+30")]


def test_a_single_interior_pipe_in_prose_or_a_leading_pipe_is_no_table() -> None:
    assert read("会议议程 | 第一项\n全年受理案件120件。\n") == []
    assert read("| 300件\n| 200件\n") == []


def test_markdown_emphasis_around_a_cell_is_no_part_of_it() -> None:
    text = ("| 类别 | 甲 | 乙 | 合计 |\n|---|---|---|---|\n| 一组 | **40** | 5 | 45 |\n"
            "| 二组 | 7 | 8 | 15 |\n| **合计** | 47 | 13 | **60** |\n")
    [t] = read(text)
    assert grid(t) == [("一组", ["40", "5", "45"]), ("二组", ["7", "8", "15"]), ("合计", ["47", "13", "60"])]
    assert t.rows[2].total
    sums = [c.status for c in audit_text(text).claims if c.kind == "sum"]
    assert sums.count("consistent") == 6
