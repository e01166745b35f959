"""Checks a table makes by its structure: totals (S4xx), shares (R2xx), growth and index columns (G3xx),
differences; each cell accused only where the same identity holds in the table's other rows."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import audit_text
from auditor.model import Claim, Finding

LOUD = ("error", "warning")


def claims(text: str, kind: str) -> list[Claim]:
    return [c for c in audit_text(text).claims if c.kind == kind and "table" in c.detail.get("link", "")]


def statuses(text: str, kind: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in claims(text, kind)]


def loud(text: str) -> list[Finding]:
    return [f for f in audit_text(text).findings if f.severity.value in LOUD]


# --- totals -------------------------------------------------------------------------------------

AGES = (
    "| 年 龄 | 60岁及以上人口 | 健 康 | 不健康 |\n"
    "| 合计 | 男 | 女 | 小计 | 男 | 女 | 小计 | 男 | 女 |\n"
    "总 计 | 300 | 140 | 160 | 200 | 90 | 110 | 100 | 50 | 50 |\n"
    "60-64岁 | 180 | 80 | 100 | 130 | 60 | 70 | 50 | 20 | 30 |\n"
    "65-69岁 | 120 | 60 | 60 | 70 | 30 | 40 | 50 | 30 | 20 |\n"
)


def test_column_groups_add_up_within_and_across_groups() -> None:
    found = statuses(AGES, "sum")
    assert ("consistent", "140+160") in found  # 合计 = 男 + 女 within its group
    assert ("consistent", "200+100") in found  # 60岁及以上人口 合计 = the 小计 of the other groups
    assert ("consistent", "90+50") in found  # and its 男 = the other groups' 男
    assert ("consistent", "180+120") in found  # the 总计 row against its block
    assert not loud(AGES)


def test_a_total_row_cell_off_by_one_is_accused_where_its_other_columns_add_up() -> None:
    text = AGES.replace("总 计 | 300 | 140 |", "总 计 | 300 | 141 |").replace("| 160 | 200 |", "| 159 | 200 |")
    found = loud(text)
    assert {f.code for f in found} == {"S401", "S402"}  # 141 over 80 + 60, 159 under 100 + 60
    assert all("总计" in f.message for f in found)


def test_a_total_row_is_not_accused_where_no_column_adds_up() -> None:
    text = ("| 单位 | 受理 | 办结 |\n甲 | 10 | 9 |\n乙 | 20 | 19 |\n合计 | 31 | 29 |\n")
    assert not loud(text)
    assert ("inconsistent", "10+20") not in statuses(text, "sum")


ONE_ROW = ("行政处罚实施数量(宗) | |||\n警告 | 罚款 | 没收 | 合计(宗) | 罚没金额(万元) |\n"
           "12175 | 94929 | 235 | 107339 | 1753.79 |\n")


def test_a_one_row_table_under_a_header_checks_its_total_column() -> None:
    assert ("consistent", "12175+94929+235") in statuses(ONE_ROW, "sum")
    assert not loud(ONE_ROW)


SECTIONS = (
    "指 标 |\n2005年 |\n2004年 |\n"
    "总人口(人) |\n5957992 |\n5836016 |\n"
    "按非农业和农业分: |\n|\n|\n"
    "非农业人口 |\n4353035 |\n4183937 |\n"
    "农业人口 |\n1604957 |\n1652079 |\n"
    "按性别分: |\n|\n|\n"
    "男 |\n3052448 |\n2997428 |\n"
    "女 |\n2905544 |\n2838588 |\n"
)


def test_rows_under_headings_that_add_up_to_a_row_in_two_columns_are_confirmed() -> None:
    found = statuses(SECTIONS, "sum")
    assert ("consistent", "4353035+1604957") in found and ("consistent", "2997428+2838588") in found


def test_a_breakdown_found_in_the_figures_is_never_accused() -> None:
    text = SECTIONS.replace("2838588", "2838590")
    assert not loud(text)
    found = statuses(text, "sum")
    assert ("consistent", "4353035+1604957") in found
    assert not any(e == "3052448+2905544" or s != "consistent" for s, e in found)  # one column alone is no link


# --- shares ------------------------------------------------------------------------------------

SHARES = (
    "责任单位 |\n转派工单 |\n占比 |\n"
    "县(市、区) |\n15390 |\n84.97% |\n"
    "市直单位 |\n2013 |\n11.11% |\n"
    "流转中 |\n710 |\n3.92% |\n"
    "总计 |\n18113 |\n100% |\n"
)


def test_share_column_confirmed_against_the_total_row() -> None:
    found = statuses(SHARES, "share")
    assert ("consistent", "15390/18113") in found and ("consistent", "710/18113") in found
    assert ("consistent", "84.97+11.11+3.92") in statuses(SHARES, "sum")  # the shares make the 100%
    assert not loud(SHARES)


def test_one_wrong_share_cell_is_flagged_at_that_cell_only() -> None:
    text = SHARES.replace("11.11%", "12.11%")
    found = loud(text)
    rates = [f for f in found if f.code.startswith("R")]
    assert [f.code for f in rates] == ["R201"]
    assert "市直单位" in rates[0].message and "12.11%" in rates[0].text
    assert not [f for f in found if f.code.startswith("R") and "11.11" not in f.message and "12.11" not in f.text]


def test_a_truncated_share_cell_is_a_warning() -> None:
    text = SHARES.replace("84.97%", "84.96%")  # 15390/18113 = 84.9666…%: truncated
    found = [f for f in loud(text) if f.code.startswith("R")]
    assert [(f.code, f.severity.value) for f in found] == [("R202", "warning")]


def test_shares_without_a_total_row_are_checked_against_the_column_sum_only_where_they_make_100() -> None:
    text = SHARES.replace("总计 |\n18113 |\n100% |\n", "")
    assert ("consistent", "15390/18113") in statuses(text, "share")
    partial = text.replace("流转中 |\n710 |\n3.92% |\n", "")  # 96.08%: the rows are not the whole
    assert statuses(partial, "share") == []


# --- growth and index columns ---------------------------------------------------------------------

GROWTH = (
    "序号\n|\n案由\n|\n2022年新收(件)\n|\n2021年新收(件)\n|\n增幅\n|\n"
    "1\n|\n合同纠纷\n|\n16238\n|\n14888\n|\n9.07%\n|\n"
    "2\n|\n婚姻家庭纠纷\n|\n5571\n|\n6676\n|\n-16.55%\n|\n"
    "3\n|\n侵权责任纠纷\n|\n2899\n|\n3426\n|\n-15.38%\n"
)


def test_growth_column_against_the_two_year_columns() -> None:
    found = statuses(GROWTH, "growth")
    assert ("consistent", "(5571-6676)/6676") in found and len(found) == 3
    assert not loud(GROWTH)


def test_a_wrong_growth_cell_is_flagged_where_the_other_rows_agree() -> None:
    text = GROWTH.replace("-16.55%", "-18.55%")
    found = [f for f in loud(text) if f.code.startswith("G")]
    assert [f.code for f in found] == ["G301"] and "婚姻家庭纠纷" in found[0].message


def test_a_growth_column_without_a_prior_column_is_never_confirmed() -> None:
    text = "| 行业 | 事故起数 | 同比增长(±%) |\n| 采矿 | 1 | -50 |\n| 建筑 | 5 | -16.67 |\n"
    assert all(c.status == "unverifiable" for c in audit_text(text).claims if c.kind == "growth")
    assert not loud(text)


def test_an_index_column_is_the_new_value_as_a_percent_of_the_old() -> None:
    text = ("| 指标 | 2005年 | 2004年 | 2005年为上年% |\n| 总人口 | 5957992 | 5836016 | 102.1 |\n"
            "| 非农业人口 | 4353035 | 4183937 | 104.0 |\n| 农业人口 | 1604957 | 1652079 | 97.1 |\n")
    assert [s for s, _ in statuses(text, "growth")] == ["consistent"] * 3
    wrong = text.replace("| 97.1 |", "| 99.1 |")
    assert [f.code for f in loud(wrong)] == ["G301"]


# --- differences found in the figures --------------------------------------------------------------

BIRTHS = "| 年份 | 出生率(‰) | 死亡率(‰) | 自然增长率(‰) |\n" + "".join(
    f"| {y} | {b} | {d} | {n} |\n" for y, b, d, n in [
        (1978, "10.80", "7.60", "3.20"), (1979, "11.00", "7.10", "3.90"), (1980, "10.30", "7.00", "3.30"),
        (1984, "7.70", "7.90", "-0.20"), (2000, "9.58", "8.52", "1.06")])


def test_a_difference_column_found_in_most_rows_is_confirmed() -> None:
    assert [s for s, _ in statuses(BIRTHS, "difference")] == ["consistent"] * 5
    assert not loud(BIRTHS)


def test_the_one_row_that_breaks_a_difference_column_is_flagged_once() -> None:
    text = BIRTHS.replace("| 1.06 |", "| 0.11 |")
    found = loud(text)
    assert [f.code for f in found] == ["G302"]
    assert "0.11" in found[0].text and "2000" in found[0].message


# --- a consistent table gives nothing; one perturbed cell is flagged at that cell only ----------------

@st.composite
def _table(draw: st.DrawFn) -> list[list[int]]:
    rows = draw(st.integers(3, 5))
    cols = draw(st.integers(2, 4))
    return [[draw(st.integers(100, 5000)) for _ in range(cols)] for _ in range(rows)]


def render(cells: list[list[int]], bump: tuple[int, int] | None = None) -> tuple[str, int, int]:
    grid = [[sum(r), *r] for r in cells]
    grid.append([sum(col) for col in zip(*grid, strict=True)])
    if bump is not None:
        grid[bump[0]][bump[1]] += 1
    names = [f"单位{k + 1}" for k in range(len(cells))] + ["总计"]
    text = "| 单位 | 合计 | " + " | ".join(f"项目{k + 1}" for k in range(len(cells[0]))) + " |\n"
    lo = hi = 0
    for n, (name, row) in enumerate(zip(names, grid, strict=True)):
        line = f"| {name} | "
        for k, v in enumerate(row):
            if bump == (n, k):
                lo = len(text) + len(line)
                hi = lo + len(str(v))
            line += f"{v} | "
        text += line.rstrip() + "\n"
    return text, lo, hi


@settings(max_examples=25, deadline=None)
@given(_table())
def test_a_consistent_table_gives_no_finding(cells: list[list[int]]) -> None:
    text, _, _ = render(cells)
    assert not loud(text)
    assert all(c.status == "consistent" for c in claims(text, "sum"))


@settings(max_examples=25, deadline=None)
@given(_table(), st.data())
def test_one_perturbed_cell_is_flagged_at_that_cell_only(cells: list[list[int]], data: st.DataObject) -> None:
    n = data.draw(st.integers(0, len(cells)))
    k = data.draw(st.integers(0, len(cells[0])))
    text, lo, hi = render(cells, (n, k))
    found = loud(text)
    assert len(found) == 1
    assert found[0].code in ("S401", "S402")
    assert found[0].start <= lo and hi <= found[0].end  # the finding covers the perturbed cell


def test_growth_at_comparable_prices_is_not_rebuilt_from_the_levels() -> None:
    text = "注：增长速度按可比价格计算。\n" + GROWTH.replace("9.07%", "7.10%")
    assert statuses(text, "growth") == []
    assert not loud(text)


def test_a_share_column_beside_the_parts_does_not_hide_the_total_column() -> None:
    text = ("| 单位 | 合计 | 男 | 女 | 占比 |\n| 甲 | 30 | 10 | 20 | 60% |\n| 乙 | 20 | 5 | 15 | 40% |\n"
            "| 丙 | 10 | 3 | 6 | 20% |\n| 丁 | 12 | 4 | 8 | 24% |\n")
    found = statuses(text, "sum")
    assert ("consistent", "10+20") in found
    assert ("inconsistent", "3+6") in found  # the only row off while three others add up


SIDE = ("受理总量 |\n诉求来源 |\n数量 |\n占比 |\n工单类型 |\n数量 |\n占比 |\n38447 |\n"
        "电话 |\n34859 |\n90.67% |\n咨询类 |\n19651 |\n51.11% |\n微信微博 |\n2724 |\n7.09% |\n"
        "求助类 |\n592 |\n1.54% |\n"
        "|\n网站邮件 |\n864 |\n2.25% |\n投诉类 |\n18204 |\n47.35% |\n")


def test_side_by_side_shares_are_checked_against_their_own_group() -> None:
    found = statuses(SIDE, "share")
    assert ("consistent", "34859/38447") in found and ("consistent", "19651/38447") in found
    assert not loud(SIDE)


def test_a_count_column_that_is_a_difference_in_most_rows_is_confirmed_never_accused() -> None:
    text = "| 单位 | 受理 | 办结 | 在办 |\n" + "".join(
        f"| {u} | {a} | {b} | {c} |\n" for u, a, b, c in [("甲", 50, 41, 9), ("乙", 38, 30, 8), ("丙", 27, 20, 7),
                                                           ("丁", 64, 50, 14), ("戊", 45, 30, 12)])
    found = statuses(text, "difference")
    assert ("consistent", "50-41") in found and ("consistent", "64-50") in found
    assert not [s for s, _ in found if s != "consistent"]  # 戊 may have moved 3 cases elsewhere
    assert not loud(text)


# one row of figures closing cells one per line, a growth column beside each count (real layout, shortened)
BESIDE = ("|\n事故起数 |\n采矿 |\n同比增长(±%) |\n建筑 |\n同比增长(±%) |\n交通运输 |\n同比增长(±%) |\n|\n"
          "合计 |\n1 |\n-50 |\n5 |\n-16.66 |\n26 |\n-13.33 |\n")


def test_a_growth_column_beside_its_count_is_checked_for_a_whole_prior() -> None:
    found = [f for f in loud(BESIDE) if f.code.startswith("G")]
    assert [(f.code, f.severity.value) for f in found] == [("G301", "warning")]  # 5 from 6 is -16.67: truncated
    assert "-16.66" in found[0].text


def test_a_growth_column_beside_its_count_with_whole_priors_is_quiet() -> None:
    assert not loud(BESIDE.replace("-16.66", "-16.67"))


def test_a_growth_no_whole_prior_gives_is_not_accused_outright() -> None:
    assert not loud(BESIDE.replace("-16.66", "-30.00"))  # the rate may speak of another count


def test_a_ratio_row_per_100_is_confirmed_where_two_columns_agree() -> None:
    text = ("| 指标 | 2005年 | 2004年 |\n| 男 | 3052448 | 2997428 |\n| 女 | 2905544 | 2838588 |\n"
            "| 性别比(以女性为100) | 105.06 | 105.60 |\n")
    assert [s for s, _ in statuses(text, "multiple")] == ["consistent", "consistent"]
    one = text.replace("105.60", "106.60")  # one column alone is no link: nothing confirmed, nothing accused
    assert statuses(one, "multiple") == [] and not loud(one)


@st.composite
def _shares_table(draw: st.DrawFn) -> list[int]:
    return draw(st.lists(st.integers(50, 5000), min_size=3, max_size=6))


def render_shares(counts: list[int], bump: int | None = None) -> tuple[str, str]:
    from decimal import ROUND_HALF_UP, Decimal

    total = sum(counts)
    shares = [(Decimal(c) * 100 / Decimal(total)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for c in counts]
    if bump is not None:
        shares[bump] += Decimal(3)
    text = "| 单位 | 数量 | 占比 |\n" + "".join(f"| 单位{k + 1} | {c} | {p}% |\n"
                                              for k, (c, p) in enumerate(zip(counts, shares, strict=True)))
    return text + f"| 合计 | {total} | 100% |\n", f"{shares[bump]}%" if bump is not None else ""


@settings(max_examples=25, deadline=None)
@given(_shares_table(), st.data())
def test_one_perturbed_share_is_flagged_at_that_cell_only(counts: list[int], data: st.DataObject) -> None:
    text, _ = render_shares(counts)
    assert not loud(text)
    k = data.draw(st.integers(0, len(counts) - 1))
    text, cell = render_shares(counts, k)
    found = loud(text)
    assert [f.code for f in found] == ["R201"] and cell in found[0].text


def test_a_total_row_off_by_one_in_a_two_column_table_is_flagged_at_that_cell() -> None:
    text = "| 单位 | 受理 | 办结 |\n| 甲 | 10 | 9 |\n| 乙 | 20 | 19 |\n| 丙 | 5 | 5 |\n| 合计 | 36 | 33 |\n"
    found = loud(text)
    assert [f.code for f in found] == ["S402"]
    assert "合计，受理" in found[0].message and "36" in found[0].text
    assert not loud(text.replace("| 36 |", "| 35 |"))


def test_a_wrong_total_under_a_share_column_is_the_totals_fault_not_the_shares() -> None:
    """The shares add up to 100 and agree with the rows' sum: the 合计 count is accused, no share is."""
    from auditor.pipeline import audit_text

    table = ("| 类别 | 件数(件) | 占比(%) |\n| 行政许可 | 120 | 48.0 |\n| 行政处罚 | 80 | 32.0 |\n"
             "| 行政强制 | 50 | 20.0 |\n| 合计 | {total} | 100.0 |\n")
    wrong = audit_text("2024年办理案件情况\n" + table.format(total=251))
    assert [(f.code, f.text[-3:]) for f in wrong.findings] == [("S402", "251")]
    assert audit_text("2024年办理案件情况\n" + table.format(total=250)).findings == ()


def test_rows_that_add_up_through_zeros_are_no_breakdown() -> None:
    # 1 = 0 + 1, 3 = 0 + 3: the row after a zero row repeats the first, nothing is broken down
    text = ("项目 | 自然人 | 企业 | 其他 | 总计 |\n"
            "一、本年新收申请数量 | 1 | 0 | 3 | 4 |\n"
            "二、上年结转申请数量 | 0 | 0 | 0 | 0 |\n"
            "三、予以公开 | 1 | 0 | 3 | 4 |\n")
    assert not [c for c in audit_text(text).claims if c.kind == "sum" and "rows after it" in c.detail.get("link", "")]


def test_rows_that_add_up_with_two_parts_pass() -> None:
    text = ("项目 | 自然人 | 企业 | 总计 |\n"
            "申请总数 | 5 | 4 | 9 |\n"
            "予以公开 | 3 | 1 | 4 |\n"
            "不予公开 | 2 | 3 | 5 |\n")
    got = [c for c in audit_text(text).claims if c.kind == "sum" and c.status == "consistent"]
    assert got


QISHONG = (
    "单位：万元\n"
    "| 项目 | 预算数 | 其中：财政拨款 |\n"
    "| 合计 | 34.5 | 34.5 |\n"
    "| 1.办公费 | 2.5 | 2.5 |\n"
    "| 2.差旅费 | 0 | 0 |\n"
    "| 其中：(1)市内交通费 | 32 | 32 |\n"
    "| (2)住宿费 | 0 | 0 |\n"
)


def test_a_flat_sum_that_takes_a_subset_row_with_its_parent_is_not_confirmed() -> None:
    # 34.5 = 2.5 + 0 + 32 + 0 only by adding the 其中 row along with the 0 it is a part of
    assert [s for s, _ in statuses(QISHONG, "sum") if s == "consistent"] == []
    assert loud(QISHONG) == []


def test_a_flat_sum_is_confirmed_where_its_subset_rows_are_zero_or_the_block_opens_with_them() -> None:
    zero = QISHONG.replace("34.5", "2.5").replace("| 32 | 32 |", "| 0 | 0 |")
    assert [s for s, _ in statuses(zero, "sum")].count("consistent") == 2
    opening = "| 项目 | 人数 | 上年 |\n| 合计 | 10 | 9 |\n| 其中：男 | 6 | 5 |\n| 女 | 4 | 4 |\n"
    assert [s for s, _ in statuses(opening, "sum")].count("consistent") == 2
    nested = QISHONG.replace("| 0 | 0 |\n| 其中", "| 32 | 32 |\n| 其中")
    assert "consistent" in [s for s, _ in statuses(nested, "sum")]  # 34.5 = 2.5 + 32, the 其中 rows apart


def test_a_share_column_is_no_second_column_of_a_row_difference() -> None:
    # 民政局 6 = 教育局 9 − 林业局 3 holds in one count column; its 占比 column (20.0 = 30.0 − 10.0) follows from it
    text = ("表二 信访事项受理情况统计表\n"
            "部门 | 2022受理量 | 2023受理量 | 占比 |\n"
            "教育局 | 5 | 9 | 30.0% |\n交通局 | 3 | 7 | 23.3% |\n水务局 | 8 | 5 | 16.7% |\n"
            "林业局 | 2 | 3 | 10.0% |\n民政局 | 4 | 6 | 20.0% |\n合计 | 22 | 30 | 100.0% |\n")
    assert not [c for c in audit_text(text).claims if c.kind == "difference"]


def test_an_amount_in_a_table_is_rounded_so_its_prior_need_not_be_whole() -> None:
    # 418元 up 6.3%: no whole prior gives it (393 -> 6.36%, 394 -> 6.09%), but 418 is itself rounded: no finding
    text = ("居民收支主要数据\n指标名称 | 绝对值(元) | 增长(%) |\n居民人均消费支出 | 9120 | 6.5 |\n"
            "文化娱乐 | 418 | 6.3 |\n")
    assert loud(text) == []
    # a count under a count header keeps its whole prior: 5 down 16.66% is 6 -> 5, truncated
    counts = ("事故统计\n类别 | 事故起数 | 同比增长(±%) |\n道路运输 | 5 | -16.66 |\n水上运输 | 30 | -14.28 |\n")
    assert [f.code for f in loud(counts)] == ["G301", "G301"]


def test_small_differences_of_near_counts_are_no_row_identity() -> None:
    # 53 − 51 = 2 and 31 − 30 = 1 in two columns: near counts give small differences by chance
    text = ("机构分类 | 机构个数(个) | 床位数(张) |\n综合医院 | 97 | 540 |\n中医医院 | 53 | 31 |\n"
            "护理院 | 19 | 19 |\n专科医院 | 51 | 30 |\n妇幼保健院 | 2 | 1 |\n")
    assert not [c for c in audit_text(text).claims if c.kind == "difference"]
    # a difference row well above chance stays confirmed: 出生 − 死亡 = 自然增长 in two columns
    vital = ("指标 | 2022年 | 2023年 |\n出生人口 | 8650 | 8120 |\n死亡人口 | 6120 | 6390 |\n"
             "自然增长人口 | 2530 | 1730 |\n")
    assert [c.status for c in audit_text(vital).claims if c.kind == "difference"] == ["consistent", "consistent"]


def test_two_columns_that_repeat_each_other_are_one_columns_evidence() -> None:
    # 受理 = 办结 in every row: 8 = 1 + 6 + 1 twice is one coincidence, not a row found to break down the rows after it
    text = ("承办单位 | 受理(件) | 办结(件) |\n市城管执法局 | 8 | 8 |\n市审批服务局 | 1 | 1 |\n市交警支队 | 6 | 6 |\n"
            "市中医药中心 | 1 | 1 |\n市残联 | 3 | 3 |\n合计 | 19 | 19 |\n")
    assert not [c for c in audit_text(text).claims if "rows after it" in c.detail.get("link", "")]


MERGED = ("2023年全县文化场馆情况\n| 类别 | 场馆数 | 面积 | 员工数 | 讲解员数 | 人均面积 |\n"
          "| 图书馆 | 12 | 3600 | 210 | 80 | 0.36 |\n| 文化馆 | 18 | 2700 | 150 | 60 | 0.27 |\n"
          "| 纪念馆 | 5 | 900 | 40 | 0.09 |\n| 展览馆 | 9 | 1800 | 95 | 35 | 0.18 |\n"
          "| 合计 | 44 | 9000 | 455 | 215 | 0.90 |\n注:文化馆、纪念馆员工数为合计数。\n")


def test_a_row_short_of_a_merged_cell_is_read_in_no_column() -> None:
    """纪念馆's 员工数 is merged into 文化馆's: its 40 is 讲解员数, not 员工数; the block's sums are not read."""
    from auditor import audit_text

    r = audit_text(MERGED)
    assert not [f for f in r.findings if f.code.startswith("S40")]
    assert not [c for c in r.claims if c.kind == "sum" and c.expression and "40" in c.expression.split("+")]


def test_a_row_whose_last_cells_are_blank_is_no_short_row() -> None:
    from auditor import audit_text

    text = ("| 类别 | 场馆数 | 面积 | 讲解员数 | 员工数 | 备注 |\n| 图书馆 | 12 | 3600 | 80 | 210 | |\n"
            "| 文化馆 | 18 | 2700 | 60 | 150 | |\n| 展览馆 | 9 | 1800 | 35 | 95 | |\n"
            "| 合计 | 39 | 8100 | 175 | 475 | |\n")
    assert "S402" in [f.code for f in audit_text(text).findings]  # 210+150+95 = 455, not 475


def test_a_row_short_of_a_merged_cell_in_cells_one_per_line_is_read_in_no_column() -> None:
    from auditor import audit_text

    rows = [["类别", "机构数", "床位数", "职工数", "医师数", "每千人床位"],
            ["医院", "30", "4100", "8200", "2900", "4.10"], ["卫生院", "50", "1900", "3100", "1100", "1.90"],
            ["社区中心", "20", "300", "1300", "1.80"], ["诊所", "250", "0", "800", "600", "0.00"],
            ["合计", "350", "6300", "12100", "5900", "6.30"]]
    cells = "".join(f"{c} |\n" for r in rows for c in r)
    text = f"2024年全区卫生机构情况表\n{cells}备注:卫生院、社区中心职工数为合计数。\n"
    assert not [f for f in audit_text(text).findings if f.code.startswith("S40")]
