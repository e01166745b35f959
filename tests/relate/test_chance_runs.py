"""Figures after a total that add up to it by chance are no breakdown (auditor/relate/chance_runs.py).

Each class: a FAIL sentence (the chance sum is not confirmed) and a PASS sentence (the breakdown the text
states is still confirmed). All sentences are invented.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import audit_text
from auditor.model import Quantity
from auditor.relate.chance_runs import heads_own_list

IMPLICIT = "parts after the total add up to it"


def sums(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.status, c.expression, c.detail.get("link", "")) for c in audit_text(text).claims if c.kind == "sum"]


def confirmed(text: str, expression: str) -> bool:
    return any(s == "consistent" and e == expression for s, e, _ in sums(text))


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


# ---- a ranked list: its items are siblings ------------------------------------------------------

def test_ranked_items_are_no_total_and_parts_fail() -> None:
    # 58 = 35 + 23, but the three streets are ranked side by side
    text = "一、办理情况\n受理量位于前三的街道:甲街道58件;乙街道35件;丙镇23件。\n"
    assert not confirmed(text, "35+23")
    assert not loud(text)


def test_ranked_items_under_a_heading_line_fail() -> None:
    text = "办件量排名前五的单位:\n甲局40件,乙局25件,丙局15件,丁局9件,戊局6件。\n"
    assert not confirmed(text, "25+15")


def test_ranked_by_position_words_fail() -> None:
    text = "诉求量居于前五位的是:城建类120件,交通类70件,环保类50件,教育类30件,医疗类20件。"
    assert not confirmed(text, "70+50")


def test_ranking_words_far_back_in_a_run_on_sentence_pass() -> None:
    # the ranking words are searched for in the characters just before a total, not in the whole sentence
    # (a run-on sentence of thousands of figures was searched again for each: quadratic time)
    filler = "，".join(f"第{k}组完成{k + 1}.5%" for k in range(40))
    text = f"受理量位于前三的街道:甲街道7件，{filler}，全镇受理工单58件，甲村35件，乙村23件。"
    assert confirmed(text, "35+23")
    assert not confirmed(f"受理量位于前三的街道:甲街道58件;乙街道35件;丙镇23件，{filler}。", "35+23")


def test_unranked_total_and_parts_pass() -> None:
    text = "全镇共受理工单58件。甲村35件,乙村23件。"
    assert confirmed(text, "35+23")


def test_total_of_the_ranked_items_pass() -> None:
    # a total word after the ranking words: the figure is the total of the items ranked
    text = "排名前三的县区共受理工单300件,甲县120件,乙县100件,丙县80件。"
    assert confirmed(text, "120+100+80")


def test_first_quarters_are_a_period_not_a_rank_pass() -> None:
    text = "前三季度全区一般公共预算收入90亿元,增长5%。税收收入60亿元,非税收入30亿元。"
    assert confirmed(text, "6000000000+3000000000")


# ---- parts that 其中 gives to another figure --------------------------------------------------

def test_parts_of_a_later_total_are_not_the_earlier_figures_fail() -> None:
    # 8 + 13 = 21, but 其中 gives the nursery and the forest farms to the 30 projects
    text = "林业部有二十一个建设项目,地方有九个建设项目,共计三十个。其中包括八个苗圃和十三个林场。"
    assert not confirmed(text, "8+13") or ("consistent", "8+13", "其中 list") in sums(text)
    assert not [s for s in sums(text) if s[1] == "8+13" and s[2] == IMPLICIT]


def test_parts_of_the_figure_before_their_qi_zhong_pass() -> None:
    text = "林业部有二十一个建设项目,地方有九个建设项目,共计三十个。其中包括八个苗圃和二十二个林场。"
    assert ("consistent", "8+22", "其中 list") in sums(text)


def test_a_restated_total_keeps_its_parts_pass() -> None:
    text = "本季度信箱共收到来信150件,已办结150件,其中交办工单90件,直接答复工单60件。"
    assert confirmed(text, "90+60")


def test_a_change_before_qi_zhong_does_not_take_the_parts_pass() -> None:
    text = "今年拟安排财政赤字2.6万亿元,比去年增加3000亿元,其中中央财政赤字1.8万亿元,地方财政赤字8000亿元。"
    assert confirmed(text, "1800000000000+800000000000")


# ---- a prefix of a list that goes on (chance_runs.list_goes_on), and the lists it leaves alone ----------

def test_a_prefix_of_a_list_that_goes_on_fail() -> None:
    # 8 + 7 + 5 = 20, but the dispositions go on (终止3件;移送1件): nothing ends the parts at 驳回
    text = "全年立案受理复议案件20件。经审理,维持8件;撤销7件;驳回5件;终止3件;移送1件。"
    assert not confirmed(text, "8+7+5")
    assert not loud(text)


def test_the_whole_list_of_a_later_sentence_pass() -> None:
    text = "全年立案受理复议案件20件。经审理,维持8件;撤销7件;驳回5件。"
    assert confirmed(text, "8+7+5")


def test_a_new_clause_group_is_another_breakdown_pass() -> None:
    # 交办 + 直办 is one breakdown, 按期 + 逾期 another (after a ;): the first is no prefix
    text = "本月共办理工单300件。交办单位260件,直办40件;按期回复290件、逾期回复10件。"
    assert confirmed(text, "260+40")


def test_the_total_restated_after_its_parts_pass() -> None:
    # the figure after the run is the total again, not one more item of the list
    text = "全年共调解矛盾纠纷60起。化解52起,化解率为86.7%,8起调解不成纠纷引导诉讼,60起纠纷全部闭环管理。"
    assert confirmed(text, "52+8")


@settings(max_examples=40, deadline=None)
@given(st.integers(10, 400), st.integers(10, 400), st.integers(1, 9))
def test_ranked_siblings_and_list_prefixes_never_confirm(b: int, c: int, d: int) -> None:
    a = b + c
    ranked = f"办件量位于前三的街道:甲街道{a}件;乙街道{b}件;丙镇{c}件。"
    assert not confirmed(ranked, f"{b}+{c}")
    prefix = f"全年立案受理案件{a}件。经审理,维持{b}件;撤销{c}件;终止{d}件。"
    assert not confirmed(prefix, f"{b}+{c}")


# ---- past a ；, a figure that announces parts of its own is another total (heads_own_list) -----------

def _sums(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "sum"]


def _q(text: str, figure: str) -> Quantity:
    return next(q for q in audit_text(text).quantities if q.text == figure)


def test_sibling_stock_with_own_rate_then_its_own_breakdown_is_no_part() -> None:
    # FAIL before: 3500 + 4200 was read as parts of the 5000 of deposits (S401 warning)
    text = ("年末，全县金融机构存款余额5000亿元，其中个人存款3500亿元，增长9.1%；"
            "贷款余额4200亿元，增长15.2%，其中中长期贷款余额2600亿元，增长11.4%。")
    assert "S401" not in loud(text)
    assert all(e != "350000000000+420000000000" for _, e in _sums(text))


def test_sibling_without_own_breakdown_still_bounded_by_sibling_rule() -> None:
    text = ("全区存款余额800亿元，其中个人存款500亿元，增长6%；企业存款200亿元，增长3.5%，其他存款100亿元。")
    # parts with their own rates stay parts: they add up to the total
    assert ("consistent", "50000000000+20000000000+10000000000") in _sums(text)
    assert not loud(text)


def test_parts_each_with_a_rate_still_checked() -> None:
    # PASS: a part's own rate clause is no 其中 of its own, so the list goes on and a wrong sum is caught
    text = "一般公共预算收入100亿元，其中税收收入80亿元，增长5%；非税收入30亿元，下降2%。"
    assert "S401" in loud(text)


def test_heads_own_list_allows_a_rate_clause_before_its_qizhong() -> None:
    text = "甲120亿元；乙90亿元，增长24.1%，其中丙40亿元。"
    assert heads_own_list(text, _q(text, "90亿元"), True)
    assert not heads_own_list(text, _q(text, "90亿元"), False)
    plain = "甲120亿元；乙90亿元，增长24.1%；丙40亿元。"
    assert not heads_own_list(plain, _q(plain, "90亿元"), True)


# ---- a sibling of a list whose items each state their own rate --------------------------------------

FARM = ("全年农林牧渔业总产值87.9亿元,比上年增长3.9%,其中,农业产值41.2亿元,增长4.1%,林业产值4.2亿元,"
        "增长6.0%,牧业产值38.3亿元,增长3.2%,渔业产值1.8亿元,增长5.5%,农林牧渔专业及辅助性活动产值2.4亿元,增长4.6%。")


def test_sibling_after_its_own_rate_is_no_total_of_later_siblings_fail() -> None:
    """林业产值4.2 = 渔业1.8 + 专业2.4 by chance: the rates between siblings do not make 4.2 a total."""
    assert not confirmed(FARM, "180000000+240000000")
    growth = [c.expression for c in audit_text(FARM).claims if c.kind == "growth" and c.status == "consistent"]
    assert "420000000/(180000000/(1+0.055)+240000000/(1+0.046))-1" not in growth


def test_sibling_list_with_rates_still_adds_up_to_its_total_pass() -> None:
    assert confirmed(FARM, "4120000000+420000000+3830000000+180000000+240000000")
    assert not loud(FARM)


def test_total_after_a_figure_of_another_unit_keeps_its_parts_pass() -> None:
    text = "全县招商引资项目32个,增长6.7%,到位资金45.6亿元,其中工业项目资金30.1亿元,服务业项目资金15.5亿元。"
    assert confirmed(text, "3010000000+1550000000")


# ---- a 其中 list that runs on into another classification of an earlier total ------------------------

def test_parts_that_add_up_to_the_earlier_total_before_the_list_runs_on_fail() -> None:
    # 260 + 230 + 10 = 500, the sentence's total; 498 and 2 divide it again by status: 200 is no total of theirs
    text = ("本月共收到网民留言500条,市直部门收到300条,各县区收到200条,其中咨询类留言260条、投诉类留言230条、"
            "建言献策类留言10条,各级各部门处理答复498条,还有2条正在处理中,处理答复率99.6%。")
    assert not [c for c in audit_text(text).claims if c.kind == "sum" and c.claimed == "200"]
    assert loud(text) == []
    assert confirmed(text, "260+230+10")


def test_parts_of_the_figure_before_qi_zhong_that_run_on_pass() -> None:
    # the parts fit the figure 其中 follows; the earlier figures are no sum of any of their prefixes
    text = "本月共收到网民留言500条,市直部门收到300条,各县区收到200条,其中咨询类留言120条、投诉类留言80条。"
    assert confirmed(text, "120+80")


def test_parts_too_many_for_the_figure_but_not_for_the_sentences_total_fail() -> None:
    # 260 + 230 = 490 exceeds 200 but fits under 共500: 其中 may break down either; no error on a guess
    text = "本月共收到网民留言500条,市直部门收到300条,各县区收到200条,其中咨询类留言260条、投诉类留言230条。"
    assert loud(text) == []


def test_parts_too_many_for_every_total_of_the_sentence_pass() -> None:
    # 460 + 230 = 690 exceeds 200 and 共500 alike: whichever total 其中 breaks down, the parts are too many
    text = "本月共收到网民留言500条,市直部门收到300条,各县区收到200条,其中咨询类留言460条、投诉类留言230条。"
    assert "S401" in loud(text)


def test_parts_too_many_for_the_total_alone_pass() -> None:
    text = "本月共收到网民留言200条,其中咨询类留言160条、投诉类留言80条。"
    assert "S401" in loud(text)


# ---- a part that opens its own 其中: what follows is inside it ---------------------------------------

def test_a_figure_inside_a_parts_own_breakdown_is_no_sibling_of_it() -> None:
    # 16 = 13 + 3 only by chance: the 3 are among the 13 concluded (其中 after 13件)
    text = "全年共受理复议申请16件,目前已审结13件,其中决定撤销3件。"
    assert not confirmed(text, "13+3")
    assert confirmed(text, "3") or not loud(text)


def test_siblings_after_a_total_still_add_up() -> None:
    text = "全年共受理复议申请16件,其中维持13件,撤销3件。"
    assert confirmed(text, "13+3")


# ---- the first member of a list of siblings is no total of those after it ------------------------

def test_the_first_of_a_list_of_siblings_is_no_total() -> None:
    text = "收到的申请中,教育类12件,民政类7件,交通类4件,水利类3件,住建类5件,其他类1件。"  # 12 = 4 + 3 + 5 by chance
    assert not confirmed(text, "4+3+5")


def test_a_total_named_like_its_parts_still_adds_up() -> None:
    # the total's name ends in 案件 as its parts' do: no member suffix, the breakdown stands
    text = "受理法律援助案件420件,指派刑事法律援助案件150件,指派民事案件30件,认罪认罚案件240件。"
    assert confirmed(text, "150+30+240")


def test_a_total_with_a_sibling_in_its_sentence_takes_no_parts_from_the_next() -> None:
    """毒品案件140件 stands in a list with 涉枪涉爆案件6件; 75 + 65 of the next sentence's fraud cases add up to it
    by chance."""
    text = ("依法审结毒品案件140件201人、涉枪涉爆案件6件7人。依法惩处电信网络诈骗案件75件98人,"
            "审结跨境电信诈骗专案65件70人。")
    assert not [c for c in audit_text(text).claims if c.kind == "sum" and c.expression == "75+65"]


@pytest.mark.parametrize("text", [
    # the next sentence opens as the total's scope
    "全县常住人口为612480人,与上次普查的598000人相比,十年共增加14480人。全县常住人口中共有家庭户200000户,"
    "家庭户人口为580000人,集体户人口为32480人。",
    # the figure beside the total in its sentence is last year's, no sibling
    "审查逮捕案件22件25人,去年同期为30件38人,同比分别下降26.67%、34.21%。批准逮捕案件20件23人。不批捕2件2人。",
])
def test_parts_in_the_next_sentence_still_add_up(text: str) -> None:
    assert [c.status for c in audit_text(text).claims if c.kind == "sum"]
    assert all(c.status == "consistent" for c in audit_text(text).claims if c.kind == "sum")


def test_standards_per_head_add_up_to_nothing() -> None:
    """一级280 = 二级190 + 照护津贴90 by chance: amounts per person and month are standards, no parts."""
    text = ("落实残疾人“两项补贴”制度。生活补贴标准提高到一级 280 元/人/月、二级 190 元/人/月、三四级 120 元/人/月;"
            "护理补贴标准提高到为 90 元/人/月,全乡享受生活补贴和护理补贴 2400 人,今年以来发放补贴资金 288.5 万元。")
    assert not [c for c in audit_text(text).claims if c.kind == "sum"]
