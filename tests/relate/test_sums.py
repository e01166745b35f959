"""Breakdowns linked by structure: flattened tables (合计 columns, 总计 rows) and lists of parts after a total."""
from __future__ import annotations

from auditor import audit_text

LOUD = ("error", "warning")


def sums(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.status, c.expression, c.detail.get("link", "")) for c in audit_text(text).claims if c.kind == "sum"]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in LOUD]


TABLE = (
    "表1 各乡镇信访件办理情况\n"
    "| 乡镇 | 合计 | 来信 | 来访 | 网上 |\n"
    "甲镇 | 61 | 20 | 31 | 10 |\n"
    "乙镇 | 47 | 12 | 15 | 20 |\n"
    "丙镇 | 33 | 3 | 10 | 20 |\n"
    "总计 | 141 | 35 | 56 | 50 |\n"
)


def test_table_total_column_and_row_confirmed() -> None:
    found = sums(TABLE)
    assert ("consistent", "20+31+10", "table column 合计 and the columns after it") in found
    assert ("consistent", "61+47+33", "table row 总计 and the rows of its block") in found
    assert not loud(TABLE)


def test_table_row_that_breaks_its_columns_identity_is_flagged() -> None:
    text = TABLE.replace("乙镇 | 47 |", "乙镇 | 57 |").replace("总计 | 141 |", "总计 | 151 |")
    found = sums(text)
    assert ("inconsistent", "12+15+20", "table column 合计 and the columns after it") in found
    assert "S402" in loud(text)


def test_table_one_row_alone_is_never_accused() -> None:
    text = "| 项目 | 合计 | 男 | 女 |\n人数 | 90 | 40 | 41 |\n"
    assert sums(text) == [] and not loud(text)


def test_table_subset_column_is_not_a_part() -> None:
    text = "| 单位 | 合计 | 其中:女 | 男 |\n甲 | 30 | 12 | 18 |\n乙 | 20 | 5 | 15 |\n丙 | 10 | 4 | 6 |\n"
    assert not [s for s in sums(text) if "columns after" in s[2]]


def test_table_nested_rows_apart() -> None:
    text = ("| 年龄 | 人数 |\n总计 | 100 |\n60-64岁 | 60 |\n60 | 35 |\n61 | 25 |\n65-69岁 | 40 |\n"
            "65 | 30 |\n66 | 10 |\n")
    found = sums(text)
    assert ("consistent", "60+40", "table row 总计 and the rows of its block (nested rows apart)") in found
    assert ("consistent", "35+25", "a table row and the rows it heads") in found


NUMBERED = (
    "(二)较大事故情况\n发生较大事故12起,死亡30人,同比增加2起、5人。\n"
    "1.矿山发生2起,死亡5人,同比增加1起、2人。\n"
    "2.道路交通发生9起,死亡20人,同比增加1起。\n"
    "3.渔业船舶发生1起,死亡5人。\n"
    "相关阅读\n"
)


def test_numbered_paragraphs_add_up_to_the_total() -> None:
    found = sums(NUMBERED)
    assert ("consistent", "2+9+1", "a total, then numbered paragraphs") in found
    assert ("consistent", "5+20+5", "a total, then numbered paragraphs") in found


def test_numbered_paragraphs_that_miss_stay_quiet() -> None:
    """Not announced as complete and not marked: neither confirmed nor flagged."""
    text = NUMBERED.replace("发生较大事故12起", "发生较大事故15起")
    assert not [s for s in sums(text) if s[1] == "2+9+1"]
    assert not loud(text)


ITEMISED = ("本年度会议费支出0元,占0%;培训费支出52000元,占61.9%;差旅费支出32000元,占38.1%。具体如下:\n"
            "1.会议费支出0元,召开会议0次。\n"
            "2.培训费支出52000元。其中:\n")


def test_numbered_paragraphs_detailing_the_heads_items_are_no_parts_of_one_of_them() -> None:
    """The head's three figures are items; the paragraphs take them up one by one (the list cut short):
    会议费 0元 is no part of 培训费 52000元, though both are 费支出 and 0 + 52000 = 52000."""
    assert not [s for s in sums(ITEMISED) if s[2].startswith("a total")]


def test_numbered_paragraphs_under_several_heads_of_one_unit_still_add_up() -> None:
    text = ("受理来信320件,来访180件。\n"
            "1.城建类来信200件,来访100件。\n2.教育类来信70件,来访50件。\n3.其他类来信50件,来访30件。\n")
    found = sums(text)
    assert ("consistent", "200+70+50", "a total, then numbered paragraphs") in found
    assert ("consistent", "100+50+30", "a total, then numbered paragraphs") in found


def test_paragraphs_after_a_colon_with_nested_items() -> None:
    text = ("共受理各类案件100件。其中:\n刑事案件60件,审查逮捕20件;审查起诉40件。\n"
            "民事案件25件,支持起诉5件。\n行政案件15件。\n(二)办案效率\n")
    assert ("consistent", "60+25+15", "a total, then paragraphs after a colon") in sums(text)


def test_sentence_list_with_a_nested_part() -> None:
    text = ("今年以来全市发生各类事故17起,死亡40人。\n"
            "其中,工业企业发生8起,死亡20人;化工企业发生6起,死亡15人。非煤矿山发生2起,死亡5人;"
            "火灾发生4起,死亡12人;道路交通发生5起,死亡8人。\n")
    found = sums(text)
    assert ("consistent", "8+4+5", "a total, then one part per clause or sentence (nested parts apart)") in found
    assert ("consistent", "20+12+8", "a total, then one part per clause or sentence (nested parts apart)") in found


def test_unmarked_figures_that_happen_to_add_up_are_not_confirmed() -> None:
    """提前介入 is not a total: the figures after it add up to it by chance."""
    text = "对审查逮捕案件提前介入6.2万件。\n办结民事监督案件3.7万件。提出执行监督意见2.5万件。\n"
    assert not [s for s in sums(text) if s[2].startswith("a total")]


def test_a_chunk_that_is_itself_a_list_is_not_one_part() -> None:
    text = ("对未成年人犯罪,共受理审查起诉案件13人。其中,审结时起诉6人,决定附条件不起诉8人。"
            "批准逮捕侵害未成年人权益犯罪7人。\n")
    assert not [s for s in sums(text) if s[1] == "6+7"]


def test_a_numbered_item_is_not_the_total_of_its_siblings() -> None:
    text = "1.咨询类1748个。企业复工1164个。\n2.建议类239个。\n3.投诉类9个。\n4.其他类916个。\n"
    assert not [s for s in sums(text) if s[2].startswith("a total")]


def test_complementary_parts_confirmed_against_their_whole() -> None:
    found = sums("审查逮捕受理12人,审结9人,批准逮捕5人,不捕4人。")
    assert ("consistent", "5+4", "complementary parts 批准逮捕/不捕 after their whole") in found


def test_complementary_parts_that_miss_stay_quiet() -> None:
    """The figure before the pair may be another whole (受理, not 审结): never accused."""
    text = "审查逮捕受理12人,审结9人,批准逮捕5人,不捕3人。"
    assert not [s for s in sums(text) if s[2].startswith("complementary")] and not loud(text)


# ---- a bracketed sub-item (含…) belongs to the part before it, never to the total --------------

def test_bracketed_sub_item_is_not_added_pass() -> None:
    text = "共受理法律援助案件220件,其中刑事案件118件(含刑事自诉1件)、民事案件102件。"
    assert ("consistent", "118+102") in [(s, e) for s, e, _ in sums(text)]
    assert not loud(text)


def test_bracketed_sub_item_is_not_added_fail() -> None:
    text = "共受理法律援助案件220件,其中刑事案件118件(含刑事自诉1件)、民事案件112件。"
    assert ("inconsistent", "118+112") in [(s, e) for s, e, _ in sums(text)]
    assert "S402" in loud(text) or "S401" in loud(text)


# ---- figures that add up by chance across a sentence are no breakdown -------------------------

def test_a_sibling_and_a_later_figure_do_not_break_a_total_down() -> None:
    # export = import + surplus holds, but 进口 and 顺差 are not parts of 出口: no claim
    text = ("前2个月,进出口总值4.52万亿元,其中出口2.44万亿元,增长18%;进口2.08万亿元,增长15.2%。"
            "前2个月,贸易顺差3622亿元。")
    assert not [e for _, e, _ in sums(text) if e and "362200000000" in e]


def test_parts_in_the_sentence_after_a_total_pass() -> None:
    text = "本月共办理热线工单2495件。交办二级责任单位2388件,县热线办直办107件。"
    assert ("consistent", "2388+107") in [(s, e) for s, e, _ in sums(text)]


def test_a_bound_is_no_part_of_an_implicit_breakdown() -> None:
    # 1.3万亿斤以上 is a threshold: 73.6亿 + 1.3万亿 only "adds up" inside its coarse rounding
    text = "全国粮食总产量达到13731亿斤,比上年增加73.6亿斤,增长0.5%,连续8年稳定在1.3万亿斤以上。"
    assert not [e for _, e, _ in sums(text) if e and "1300000000000" in e]

# --- a count of the units that hold the next figure (12个县区受理工单500件) is no part ---

def test_count_of_holders_is_not_added_as_a_part() -> None:
    text = "全市受理投诉工单620件。其中,市直单位投诉工单20件,12个县区投诉工单600件。"
    assert ("consistent", "20+600", "其中 list") in sums(text)
    assert not loud(text)


def test_count_of_holders_kept_out_and_wrong_part_still_flagged() -> None:
    text = "全市共受理投诉工单620件,其中,市直单位投诉工单20件,12个县区投诉工单700件。"
    assert [s for s in sums(text) if s[1] == "20+700" and s[0] == "inconsistent"]
    assert "S401" in loud(text)


def test_count_before_other_words_stays_a_part() -> None:
    # 涉及 names no 工单: 25件 is a part of its own, not a count of holders
    text = "全市受理投诉工单620件。其中,市直单位投诉工单25件涉及30人,县区投诉工单595件。"
    assert ("consistent", "25+595", "其中 list") in sums(text) or \
        [s for s in sums(text) if s[1] and s[1].startswith("25+") and s[0] == "consistent"]


def test_figures_worded_as_the_total_are_its_siblings_not_its_parts() -> None:
    # 死亡11人 then 死亡8人 and 死亡3人 of the next items: 8+3 = 11 by chance
    text = ("火灾发生事故419起,死亡11人,同比上升20%;铁路交通发生事故11起、死亡8人,同比上升60%;"
            "烟花爆竹发生事故2起、死亡3人。")
    assert not [s for s in sums(text) if s[1] == "8+3"]


def test_parts_worded_otherwise_still_add_up_to_the_total() -> None:
    text = "全年受理来信来访共计150件。来信90件,来访60件。"
    assert [s for s in sums(text) if s[1] == "90+60" and s[0] == "consistent"]


def test_a_part_counted_twice_is_taken_off() -> None:
    # total = surface + ground - the part counted in both
    text = ("全市水资源总量为26.6亿立方米，其中地表水资源量24.1亿立方米，地下水资源量8.3亿立方米，"
            "重复计算水资源量5.8亿立方米。")
    link = "其中 list, the part counted twice taken off"
    assert sums(text) == [("consistent", "2410000000+830000000-580000000", link)]
    assert not loud(text)
    wrong = text.replace("26.6亿", "28.6亿")  # confirmed only: a miss is left unverifiable, never flagged
    assert sums(wrong) == [("unverifiable", "2410000000+830000000-580000000", link)]
    assert not loud(wrong)


def test_a_part_that_does_not_overlap_stands_for_another_part() -> None:
    # total = surface + the groundwater that does not overlap it: no sum of the three, no claim
    text = ("全省水资源总量为2708.8亿立方米，其中地表水资源量为2598.4亿立方米，地下水资源量为792.4亿立方米，"
            "地下水与地表水资源不重复量为110.4亿立方米。")
    assert sums(text) == []
    assert not loud(text)


def test_the_same_breakdown_without_an_overlap_still_adds_up() -> None:
    text = "全市水资源总量为32.4亿立方米，其中地表水资源量24.1亿立方米，地下水资源量8.3亿立方米。"
    assert [s for s, _, _ in sums(text)] and all(s == "consistent" for s, _, _ in sums(text))
    bad = text.replace("32.4亿", "30.4亿")
    assert "S401" in loud(bad)



def test_parts_no_text_announces_take_the_totals_own_measure_word() -> None:
    # 3+4+6+3 = 16 only with 6个部门、3个乡镇: counts of another thing
    text = "全年收到复议申请16件。申请人撤回申请3件;终止复议4件。复议涉及6个部门、3个乡镇。"
    assert not [s for s in sums(text) if s[1] == "3+4+6+3"]
    same = "全年收到复议申请16件。申请人撤回申请3件;终止复议4件;维持6件;撤销3件。"
    assert ("consistent", "3+4+6+3", "parts after the total add up to it") in sums(same)


def test_counts_at_two_stages_are_no_parts_of_one_total() -> None:
    # 受理 + 结案 + 未结 of one court add up to nothing: no claim over them
    text = "全国法院未结案件569.9万件。其中,最高法院上半年受理各类案件15400件,结案9594件,未结案件5806件。"
    assert not [e for _, e, _ in sums(text) if e and e.startswith("15400+9594")]


def test_an_addition_is_no_part_of_the_stock() -> None:
    text = "全省公路通车里程17.9万公里,比上年增长2.7%。其中,新增高速公路通车里程269公里,高速公路通车里程达到5888公里。"
    assert not [e for _, e, _ in sums(text) if e and "269" in e]


def test_a_run_taking_part_of_a_sentence_and_a_later_one_is_no_breakdown() -> None:
    # 12 + 10 + 31 = 53 by chance: 制糖厂, 盐场 and the projects finished this year are no parts of 地方's 53
    text = ("轻工业部共有三十九个建设项目,地方有五十三个建设项目,共计九十二个。其中包括棉纺织厂十五个,"
            "造纸厂二十三个,制糖厂十二个,盐场十个。这些项目,在今年内可以建设完工的有三十一个。")
    assert not [e for _, e, _ in sums(text) if e == "12+10+31"]


def test_one_part_per_sentence_after_the_total_pass() -> None:
    text = "共审结审查逮捕案件18件20人,同比下降41.94%。批准逮捕案件17件19人,同比下降37.04%。不批捕1件1人。"
    assert [e for s, e, _ in sums(text) if e == "17+1" and s == "consistent"]


def test_bounds_no_text_ties_are_not_added() -> None:
    text = ("新入库工业企业400家以上、服务业企业300家以上、建筑业企业100家以上。"
            "新增专精特新企业200家以上。")
    assert not [s for s in sums(text) if s[1] == "100+200"]


def test_an_item_of_a_list_of_siblings_is_no_total_of_the_items_after_it() -> None:
    # 教育局10件 sits in a list of units: 10 = 7 + 3 of the units after it by chance
    text = ("本月工单涉及12个单位,其中东坪镇17件,教育局10件,林业局4件,文广局7件,税务局3件,"
            "公安局54件。")
    assert not [s for s in sums(text) if s[1] == "7+3"]


def test_a_figure_opening_its_own_breakdown_in_a_list_is_still_a_total() -> None:
    text = "全年受理投诉120件,办结110件(按时办结80件,超时办结30件),未办结10件。"
    assert [s for s in sums(text) if s[1] == "80+30" and s[0] == "consistent"]


def test_a_change_is_no_first_part_of_a_total() -> None:
    text = "今年拟安排财政赤字1.2万亿元,比去年预算增加4000亿元,其中中央财政赤字8500亿元,代地方发债3500亿元。"
    found = [e for _, e, _ in sums(text)]
    assert "850000000000+350000000000" in found and not [e for e in found if e and e.startswith("400000000000+")]


def test_parts_in_the_counts_own_measure_word_are_no_names() -> None:
    # 3项，其中许可1项、其他类2项 is a breakdown of the count, not a list of 2 names against 3
    text = "共梳理行政职权3项，其中行政许可1项、其他类2项。"
    assert not [c for c in audit_text(text).claims if c.detail.get("link") == "names listed with the count"]


def test_a_prefix_of_a_semicolon_list_adds_up_by_chance() -> None:
    # FAIL of the pairing: 8 + 5 + 3 = 16 stops at the third of five items joined alike (the list sums to 21)
    text = ("全年共收到投诉20件，受理16件。经过处理，调解成功8件；移交执法5件；撤回3件；终止办理4件；转办1件。")
    assert not [s for s in sums(text) if s[0] == "consistent" and s[1] == "8+5+3"]


def test_a_semicolon_list_that_ends_with_its_total_still_adds_up() -> None:
    # PASS: the whole list adds up; what follows is past the sentence
    text = "全年共受理投诉16件。经过处理，调解成功8件；移交执法5件；撤回3件。另有2件正在核查。"
    assert ("consistent", "8+5+3", "parts after the total add up to it") in sums(text)


def test_empty_items_after_the_run_do_not_break_it() -> None:
    # PASS: 二审上诉0件 adds nothing, so the list that adds up is not cut short
    text = "刑事检察案件141件，审查逮捕41件；审查起诉99件；提请延押1件；二审上诉0件；二审抗诉0件。"
    assert ("consistent", "41+99+1", "parts after the total add up to it") in sums(text)


# 其中 after a run of metrics breaks down the one its parts are named after, not the figure next to it
METRICS = "全市单位资产总额300亿元,负债总额95亿元,净资产205亿元。其中,行政单位资产总额89亿元,事业单位资产总额211亿元。"


def test_parts_named_for_an_earlier_metric_pass() -> None:
    found = sums(METRICS)
    assert not any(e == "8900000000" for _, e, _ in found), found  # 89 is no part of 净资产205
    assert ("consistent", "8900000000+21100000000") in [f[:2] for f in found]
    assert not loud(METRICS)


def test_parts_named_for_an_earlier_metric_fail() -> None:
    """Parts that exceed the figure next to 其中 are no S401 when they are named for another metric…"""
    bad = METRICS.replace("事业单位资产总额211亿元", "事业单位资产总额221亿元")
    assert not any("20500000000" in (f.claimed or "") for f in audit_text(bad).findings)
    assert "S401" not in loud(bad)
    # …but they are where they are named for that figure itself
    own = "全市单位资产总额300亿元,负债总额95亿元,净资产205亿元,其中经营性净资产150亿元,非经营性净资产80亿元。"
    assert "S401" in loud(own)


def test_part_named_for_the_total_itself_is_kept() -> None:
    text = "全市一般公共预算收入100亿元,税收收入80亿元,其中增值税30亿元,企业所得税20亿元。"
    assert ("consistent", "3000000000+2000000000") in [f[:2] for f in sums(text)]


# past a ；, a figure with its own 其中 is another total, not one more part of the list before it
TASK = "下达示范任务面积7万亩,其中专业化面积2万亩;实际完成70045亩,其中其它形式50034亩。"


def test_new_total_past_semicolon_is_no_part() -> None:
    assert not any(e == "20000+70045" for _, e, _ in sums(TASK))
    assert "S401" not in loud(TASK)


def test_semicolon_list_of_parts_still_adds_up() -> None:
    text = "共办理案件30件,其中刑事案件12件;民事案件10件;行政案件8件。"
    assert ("consistent", "12+10+8") in [f[:2] for f in sums(text)]
    bad = text.replace("行政案件8件", "行政案件9件")
    assert "S401" in loud(bad) or any(s == "inconsistent" for s, _, _ in sums(bad))


# a member of a 、 list is no total of the figures after it that come within rounding of it
def test_list_member_near_its_followers_confirms_nothing() -> None:
    text = "共播种72.4万亩,粮作中,玉米35.6万亩、大豆16.1万亩、高粱1万亩、杂粮0.4万亩,经作中,棉花13.2万亩、蔬菜4.7万亩。"
    assert not any(e == "161000+10000+4000+132000+47000" for _, e, _ in sums(text))


def test_exact_parts_after_a_total_still_add_up() -> None:
    text = "全年新增就业5300人,城镇新增就业3200人,农村转移就业2100人。"
    assert ("consistent", "3200+2100") in [f[:2] for f in sums(text)]


# 合计 after its parts: a budget beside the actual, or the old value of a growth rate, is no part
ADDED = ("全年一般公共预算收入预算数为8.20亿元,实际完成8.20亿元,比上年决算数7.90亿元增长3.8%,"
         "加上上级补助收入5.10亿元、调入资金0.40亿元,收入合计13.70亿元。")


def test_total_after_its_parts_skips_the_compared_value_pass() -> None:
    assert ("consistent", "820000000+510000000+40000000") in [f[:2] for f in sums(ADDED)]
    assert not loud(ADDED)


def test_total_after_its_parts_skips_the_compared_value_fail() -> None:
    bad = ADDED.replace("收入合计13.70亿元", "收入合计13.90亿元")
    assert not any(s == "consistent" and e and e.startswith("820000000") for s, e, _ in sums(bad))


# a run found by its sum, whose parts name the total's noun but for one: that one counts another thing
AUDITED = "全年审计发现问题80个,已整改问题40个,采纳审计建议10个,正在整改问题20个,移送问题10个。"


def test_run_with_a_part_of_another_noun_confirms_nothing() -> None:
    assert not any(e == "40+10+20+10" for _, e, _ in sums(AUDITED))


def test_run_whose_parts_all_name_the_noun_adds_up() -> None:
    text = "全年审计发现问题80个,已整改问题50个,正在整改问题20个,移送问题10个。"
    assert ("consistent", "50+20+10") in [f[:2] for f in sums(text)]


# ---- 其中 after a figure whose sentence holds the total the parts add up to -----------------------

ASSETS = ("截至年底,全县行政事业性国有资产总额40.6亿元,负债总额0.8亿元,净资产39.8亿元。"
          "其中,行政单位资产10.2亿元,事业单位资产{}亿元。")


def test_parts_of_an_earlier_figure_are_no_parts_of_the_one_before_qizhong() -> None:
    """10.2 + 30.4 = 40.6 (资产总额), not 39.8 (净资产) that 其中 follows: no S401 against 39.8."""
    text = ASSETS.format("30.4")
    assert not loud(text)
    assert ("consistent", "1020000000+3040000000") in [f[:2] for f in sums(text)]


def test_parts_that_match_no_figure_after_a_closed_list_are_no_error() -> None:
    """10.2 + 29.9 exceeds 39.8, but 39.8 closes a list (资产, 负债, 净资产): the parts may break down the
    whole the list is about, not its last member; which one is not for the text to say (no S401)."""
    text = ASSETS.format("29.9")
    assert not loud(text)


def test_parts_after_qizhong_with_no_list_before_still_exceed_their_total() -> None:
    assert "S401" in loud("截至年底,全县净资产39.8亿元,其中行政单位资产10.2亿元,事业单位资产31.9亿元。")


# ---- two parts of two classifications ---------------------------------------------------------

def test_pair_sharing_most_of_the_smaller_part_is_two_classifications() -> None:
    """因私出境 (by purpose) and 赴港澳台出境 (by destination) each stay within the total and overlap by far
    more than half the smaller: the pair is read two ways, no S401."""
    text = "全年全省居民出境2150万人次,其中因私出境2060万人次,赴港澳台出境1630万人次。"
    assert not loud(text)
    assert ("unverifiable", "20600000+16300000", "其中 list") in sums(text)


def test_pair_just_over_its_total_is_still_flagged() -> None:
    assert "S401" in loud("全镇共有党员120人,其中男党员80人,女党员50人。")


def test_pair_with_a_part_over_the_total_is_still_flagged() -> None:
    assert "S401" in loud("全年全省居民出境2150万人次,其中因私出境2260万人次,赴港澳台出境1630万人次。")


def test_pair_closed_by_other_is_one_classification_and_still_flagged() -> None:
    """其他类 closes a partition: 4 + 3 of 5 is a part too many, not two classifications."""
    assert "S401" in loud("共梳理行政职权5项,其中行政许可4项、其他类3项。")


def test_pair_with_a_part_equal_to_the_total_is_still_flagged() -> None:
    assert "S401" in loud("共梳理行政职权2项,其中行政许可2项、行政处罚1项。")


# ---- 其中 opening a sentence after a list: the whole the list divides, or its last member? ----
LIST_CLOSED = "复议决定共纠错180件,分别为撤销40件,责令履行12件,确认违法128件。其中涉及拆迁的95件,涉及执法的85件。"


def test_qizhong_after_a_list_does_not_take_its_last_member() -> None:
    # 95 + 85 = 180: they break down the 纠错 count, not 确认违法128件; no S401 on 128
    assert "S401" not in loud(LIST_CLOSED)
    assert not [s for s in sums(LIST_CLOSED) if s[1] == "95+85" and s[0] != "consistent"]


def test_qizhong_after_a_bracketed_list_does_not_take_its_last_member() -> None:
    text = "本月共接到诉求38000件(来电诉求35000件、网络诉求3000件)。其中,即时办结21000件,转办17000件。"
    assert "S401" not in loud(text)
    assert ("consistent", "21000+17000", "sentence opening with 其中") in sums(text)


def test_qizhong_right_after_its_total_still_flagged() -> None:
    # no sentence break: 其中 breaks down 128件, and its parts exceed it
    text = "复议决定确认违法128件,其中涉及拆迁的70件,涉及执法的65件。"
    assert "S401" in loud(text)


# ---- a count at the total's stage after it is a sibling total, never one of its parts ----
def test_sibling_at_the_same_stage_is_no_part() -> None:
    # 12 = 3 + 7 + 2 by chance: 7件 is the intake of another kind of case
    text = "对民事判决监督受理12件,提出再审建议3件;对民事执行监督受理7件,提出检察建议2件。"
    assert not [s for s in sums(text) if s[1] == "3+7+2"]


def test_parts_at_another_stage_still_confirmed() -> None:
    text = "共受理各类案件120件,其中刑事案件70件,民事案件50件。"
    assert ("consistent", "70+50", "其中 list") in sums(text)


# ---- a change is the sum of changes only ----
def test_change_total_is_not_a_level_and_its_change() -> None:
    # 增加2.6万亿元 = 1.8万亿元 + 8000亿元 by chance: a level and its own change
    text = "赤字规模比上年增加2.6万亿元。拟发行专项国债1.8万亿元、比上年增加8000亿元。"
    assert not [s for s in sums(text) if "1800000000000" in (s[1] or "")]


def test_change_total_of_changes_confirmed() -> None:
    text = "全年税收比上年增加30亿元,增值税增加18亿元,所得税增加12亿元。"
    assert ("consistent", "1800000000+1200000000", "parts after the total add up to it") in sums(text)


# ---- a rounded total that no words break down adds up by chance ----
def test_rounded_total_is_no_implicit_breakdown() -> None:
    # 40余家 = 31 + 2 + 7 by chance: the end points of two 由…到… changes and a count of another thing
    text = "园区新入驻企业40余家,企业总数达到152家。高新技术企业由5家增长到31家,孵化平台由2家增加到7家。"
    assert not [s for s in sums(text) if s[0] == "consistent" and "31" in (s[1] or "")]


def test_exact_total_with_its_parts_still_confirmed() -> None:
    text = "园区新入驻企业40家,其中制造企业31家,服务企业9家。"
    assert ("consistent", "31+9") in [s[:2] for s in sums(text)]


# ---- counts of the holders of a threshold after 其中 are no parts ---------------------------------------------

def test_counts_of_courts_over_a_threshold_are_no_breakdown_fail() -> None:
    # 3个 and 8个 count courts; 超10万件 and 超过1万件 are bounds: nothing here adds up to the cases
    text = ("今年前三季度,全省法院新收案件62.3万件,其中,东城、西城、南城3个市法院新收案数均超10万件,"
            "8个基层法院新收案数超过1万件,另有21个基层法院新收案数超过5000件。")
    r = audit_text(text)
    assert not [c for c in r.claims if c.kind == "sum"]
    assert not [f for f in r.findings if f.severity.value in ("error", "warning")]


def test_a_breakdown_without_bounds_is_still_judged_pass() -> None:
    text = "今年全省法院新收案件62.3万件,其中,刑事案件10.1万件,民事案件45.2万件,行政案件7万件。"
    assert [c.status for c in audit_text(text).claims if c.kind == "sum"] == ["consistent"]


# ---- a figure past the total that opens a 其中 of its own ends the list -------------------------------------

def test_a_total_of_its_own_after_the_parts_ends_the_list_fail() -> None:
    text = "年末全区共有社区工作者2150人,其中:专职社工860人,兼职社工940人,年末登记志愿者45210人,其中青年志愿者21060人。"
    r = audit_text(text)
    assert "S401" not in [f.code for f in r.findings]
    assert ("consistent", "860+940") in [(c.status, c.expression) for c in r.claims if c.kind == "sum"]


def test_a_part_past_the_total_without_a_qi_zhong_of_its_own_pass() -> None:
    text = "年末全区共有社区工作者2150人,其中:专职社工860人,兼职社工2940人。"
    assert "S401" in [f.code for f in audit_text(text).findings]


def test_a_run_begun_mid_list_is_no_breakdown() -> None:
    """最大的是甲市,5.3万吨。其次…分别为3.6万吨、2.9万吨、2.4万吨: 2.9 + 2.4 = 5.3 by chance, past the 3.6."""
    text = "废物产生量最大的是甲市,5.3万吨。其次是乙市、丙市和丁市,分别为3.6万吨、2.9万吨和2.4万吨。"
    assert [s for s in sums(text) if s[0] == "consistent"] == []


def test_a_run_after_the_total_restated_is_a_breakdown() -> None:
    """援建的一百二十个项目…开工的是一百零四个,其他十六个…: the figure before the run restates the total."""
    text = "援建一百二十个项目。援建的一百二十个项目,年内开工的是一百零四个项目,其他十六个项目进行设计。"
    assert ("consistent", "104+16") in [s[:2] for s in sums(text)]


def test_parts_ending_at_a_total_of_their_own_sentence_are_its() -> None:
    """收入总计500万元。支出:…300万元,…200万元,支出总计500万元: the spending belongs to 支出总计, not to 收入总计."""
    text = ("国有资本经营收入320万元,上年结余180万元,收入总计500万元。"
            "支出:调出资金300万元,当年结余200万元,支出总计500万元。")
    got = [c for c in audit_text(text).claims if c.kind == "sum" and c.status == "consistent"]
    assert sorted(c.text.split("万元")[0] for c in got) == ["300", "320"]  # each list read up to its own total


def test_parts_in_the_totals_own_bracket_stay_its() -> None:
    text = "国有资本经营收入合计3720万元(预算收入3600万元、上年结余120万元),支出合计3720万元,年终无结余。"
    assert ("consistent", "36000000+1200000") in [s[:2] for s in sums(text)]


def test_a_list_inside_a_part_ends_at_its_semicolon_pass() -> None:
    """其中包括A普查5家,其中2家…;B抽查14家: the inner 其中 breaks down the 5; after ； the outer list goes on."""
    text = ("确定将本镇60家单位列为重点对象。其中包括加油站普查5家,其中2家为高速服务区站点;化工经营单位抽查14家;"
            "粉尘涉爆企业抽查6家。")
    assert not loud(text)


def test_a_list_inside_a_part_fail() -> None:
    """Parts before the ； still count: 2 + 4 = 6 of the 5 is wrong."""
    text = ("确定将本镇60家单位列为重点对象。其中包括加油站普查5家,其中2家为高速服务区站点,4家为城区站点;"
            "化工经营单位抽查14家。")
    assert loud(text) == ["S401"]


def test_a_new_topic_after_a_semicolon_ends_the_list() -> None:
    text = "住房保障上,共完成农房改造3120户,其中今年改造215户,农户全部住上安全房;收入保障上,将6480户困难户纳入低保。"
    assert not loud(text)


def test_a_second_total_ends_the_list() -> None:
    """…共批准法规、决定90件 opens a total of its own: neither it nor its subset is a part of the 120."""
    text = ("市人大常委会共通过地方性法规120件,其中现行有效70件,制定法规性决议、决定15件,"
            "共批准设区的市报批法规、决定90件,现行有效60件。")
    assert not loud(text)


def test_a_part_restated_with_its_status_is_no_second_part() -> None:
    # 其中新改建站点9个,目前9个站点已投用: the status of the 9, not 9 more; the parts are 9 and 6 of 15
    text = "全年建设便民服务站点共15个,其中新改建站点9个,目前9个站点已投用;提升改造站点6个,均已完工。"
    r = audit_text(text)
    assert [f.code for f in r.findings] == []
    assert [(c.status, c.expression) for c in r.claims if c.kind == "sum"] == [("consistent", "9+6")]


def test_a_sibling_is_no_part_of_its_sibling_found_by_adding_up() -> None:
    # 蔬菜6.2 and 瓜果2.3 are parts of 8.5; that 2.3 + 1.6 + 2.3 gives 6.2 is chance, not a breakdown of 6.2
    text = ("全县园艺作物面积8.5万亩,其中,蔬菜面积6.2万亩,瓜果面积2.3万亩。在蔬菜中,叶菜面积1.6万亩,"
            "根茎类面积2.3万亩。")
    sums = [c.expression for c in audit_text(text).claims if c.kind == "sum"]
    assert sums == ["62000+23000"]


def test_what_the_items_involve_is_no_part_of_them() -> None:
    # 涉及经营主体52个: the entities the 186 projects involve, not a second kind of project (120+52 is no sum)
    text = "今年第二批奖补项目共186个,其中种植类项目120个,涉及经营主体52个,补贴资金18.6万元。"
    sums = [c.expression for c in audit_text(text).claims if c.kind == "sum"]
    assert not any(e and "52" in e for e in sums), sums


def test_a_bare_you_after_a_part_counts_some_of_that_part() -> None:
    # 有5条列为重点: five of the 52, not a second kind of suggestion (52+5 over 55 is no S401)
    text = "全年共收集意见建议55条。其中,企业联名提出的意见52条,有5条列为重点督办事项。"
    assert [f.code for f in audit_text(text).findings] == []


def test_a_list_opened_by_zhuyao_shi_inside_a_part_is_no_part_of_the_outer_list() -> None:
    # 主要是…: the 900万 of 一般性补助 broken down, not three more parts of 1300万
    text = ("全年区财政共计下达街道补助资金1300万元,其中固定补助150万元,一般性补助900万元,主要是人员补助420万元,"
            "运转补助360万元,其他补助120万元;专项补助250万元。")
    assert "S401" not in [f.code for f in audit_text(text).findings]
