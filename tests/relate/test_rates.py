"""Rates and shares linked by structure (relate/rates.py): for each pattern a FAIL case (inconsistent
figures flagged with R201) and a PASS case (a consistent claim, nothing flagged). Figures are invented.
"""
from __future__ import annotations

import pytest

from auditor import audit_text

LOUD = ("error", "warning")


def claims(text: str, kind: str = "share") -> list[tuple[str, str | None, str]]:
    return [(c.status, c.expression, c.detail.get("link", "")) for c in audit_text(text).claims if c.kind == kind]


def loud(text: str, code: str = "R201") -> list[str]:
    return [f.text for f in audit_text(text).findings if f.code == code and f.severity.value in LOUD]


# the whole printed inside the share: 占年初预算N万元的X%
BUDGET_OK = "1-5月,全县完成财政总收入4348万元,占年初预算10065万元的43.2%,同比下降6.5%。"
BUDGET_BAD = "1-5月,全县完成财政总收入4348万元,占年初预算10065万元的48.2%,同比下降6.5%。"


def test_budget_in_share_confirmed() -> None:
    got = claims(BUDGET_OK)
    assert ("consistent", "43480000/100650000") in [g[:2] for g in got]
    assert any("占年初预算" in g[2] for g in got)
    assert not loud(BUDGET_OK)


def test_budget_in_share_flagged() -> None:
    assert ("inconsistent", "43480000/100650000") in [g[:2] for g in claims(BUDGET_BAD)]
    assert loud(BUDGET_BAD)


def test_budget_in_share_needs_its_own_part() -> None:
    """No level of the whole's unit in the share's item: nothing to recompute, nothing flagged."""
    text = "全县税收收入增长5%,占年初预算10065万元的48.2%。"
    assert [g[0] for g in claims(text)] in ([], ["unverifiable"])
    assert not loud(text)


# a structure written as a ratio of shares: 三次产业结构为a:b:c
STRUCT = ("全区实现地区生产总值500.00亿元,同比增长6.2%。其中,第一产业增加值30.00亿元,增长3.8%;"
          "第二产业增加值220.00亿元,增长7.2%;第三产业增加值250.00亿元,增长4.8%。三次产业结构为{}。")


def test_structure_terms_confirmed() -> None:
    text = STRUCT.format("6.0:44.0:50.0")
    got = claims(text)
    assert [g[:2] for g in got] == [("consistent", "3000000000/50000000000"),
                                    ("consistent", "22000000000/50000000000"),
                                    ("consistent", "25000000000/50000000000")]
    assert all("其中 total" in g[2] for g in got)
    assert not loud(text)


def test_structure_term_flagged() -> None:
    text = STRUCT.format("6.0:46.0:48.0")
    got = claims(text)
    assert [g[0] for g in got] == ["consistent", "inconsistent", "inconsistent"]
    assert loud(text)


def test_structure_without_named_parts_is_no_claim() -> None:
    text = "全区实现地区生产总值500.00亿元。农业30.00亿元,工业220.00亿元。三次产业结构为6.0:44.0:50.0。"
    assert claims(text) == []


# a share printed after a bracket belongs to the count before the bracket
BRACKET = "共受理举报2000件,其中,其他违法行为300件(其中无照经营200件),占举报总数的{}%。"


def test_share_after_bracket_confirmed() -> None:
    text = BRACKET.format(15)
    assert ("consistent", "300/2000") in [g[:2] for g in claims(text)]
    assert not loud(text)


def test_share_after_bracket_flagged() -> None:
    text = BRACKET.format(25)
    assert ("inconsistent", "300/2000") in [g[:2] for g in claims(text)]
    assert loud(text)


# the base a share names, stated before a bracket, in another paragraph
POPULATION = ("年末全国总人口(包括现役军人,不包括港澳台)120000万人,比上年末增加500万人。\n"
              "另据统计,劳动年龄人口{}万人,占总人口的比重为60.0%。")


def test_named_base_past_a_bracket_confirmed() -> None:
    assert ("consistent", "720000000/1200000000") in [g[:2] for g in claims(POPULATION.format(72000))]


def test_named_base_far_never_accuses() -> None:
    """A whole from another paragraph only confirms: a miss stays unverifiable."""
    text = POPULATION.format(82000)
    assert "inconsistent" not in [g[0] for g in claims(text)]
    assert not loud(text)


# the part named before 占, the whole named after it
URBAN = "全国总人口100000万人。城镇常住人口60000万人,乡村常住人口40000万人;城镇人口占总人口比重为{}%。"


def test_part_named_before_zhan() -> None:
    got = claims(URBAN.format("60.00"))
    assert ("consistent", "600000000/1000000000") in [g[:2] for g in got]
    assert any("城镇人口" in g[2] for g in got)
    assert "consistent" not in [g[0] for g in claims(URBAN.format("40.00"))]


# 在…中占: a clause that names only the base of the figure before it
INSIDE = "全市调解纠纷共5000宗,成功4800宗。\n社区调解组织调解1500宗,在全市调解纠纷量中占{}%。"


def test_base_only_clause_confirmed() -> None:
    got = claims(INSIDE.format(30))
    assert ("consistent", "1500/5000") in [g[:2] for g in got]
    assert not loud(INSIDE.format(30))


def test_base_only_clause_miss_is_quiet() -> None:
    got = claims(INSIDE.format(40))
    assert "consistent" not in [g[0] for g in got]
    assert not loud(INSIDE.format(40))


# 占总X的: the part is the figure of X in the share's own list entry
ENTRY = ("全市实际到位资金1000000万元。其中:省外项目113个,到位资金为400000万元,完成目标任务的120.5%,"
         "占总到位资金的{}%;省内项目79个,到位资金600000万元,占总到位资金的60%。")


def test_part_of_a_total_in_its_entry() -> None:
    got = claims(ENTRY.format(40))
    assert ("consistent", "4000000000/10000000000") in [g[:2] for g in got]
    assert "consistent" not in [g[0] for g in claims(ENTRY.format(45))[:1]]
    assert not loud(ENTRY.format(45))


# shares of an exhaustive list, each naming its part: the whole is the parts' sum
LISTED = ("从收案类型看,全市新收一审案件600件,新收二审案件300件,新收执行案件100件。"
          "从占比看,一审案件占{};二审案件占30.0%;执行案件占10.0%。")


def test_listed_shares_confirmed() -> None:
    text = LISTED.format("60.0%")
    got = claims(text)
    assert [g[:2] for g in got] == [("consistent", "600/(600+300+100)"), ("consistent", "300/(600+300+100)"),
                                    ("consistent", "100/(600+300+100)")]
    assert all("parts' sum" in g[2] for g in got)
    assert not loud(text)


def test_listed_share_flagged() -> None:
    text = LISTED.format("59.0%")  # 600/1000 is 60.0%; the shares still add up to about 100
    assert ("inconsistent", "600/(600+300+100)") in [g[:2] for g in claims(text)]
    assert loud(text) == ["一审案件占59.0%"]


def test_listed_shares_need_every_part() -> None:
    """A level of the parts' unit with no share of its own: the list may not be the whole; nothing flagged."""
    text = LISTED.format("59.0%").replace("新收执行案件100件。", "新收执行案件100件,新收再审案件50件。")
    assert not loud(text)
    assert "inconsistent" not in [g[0] for g in claims(text)]


# a list of shares under a total stated before it that its parts do not add up to (one part mistyped)
UNDER = ("{head}审结案件中,民事案件1200件,占比60.00%;刑事案件300件,占比15.00%;行政案件100件,占比5.00%;"
         "执行案件{x}件,占比20.00%。")


def test_listed_shares_under_a_stated_total_keep_it() -> None:
    """The shares fit the stated 2000, not the parts' 1750: only the share of the mistyped part is wrong."""
    for head in ("2023年,某区法院共审结各类案件2000件。",
                 "受理各类案件2400件,审结2000件。\n新收案件中,民事案件1300件,刑事案件1100件。\n"):
        text = UNDER.format(head=head, x=150)
        got = [g[:2] for g in claims(text) if g[1] and "/" in g[1] and "2000" in g[1]]
        assert ("consistent", "1200/2000") in got and ("consistent", "300/2000") in got
        assert loud(text) == ["150件,占比20.00%"]
        # the part as it should be: every share fits
        assert not loud(UNDER.format(head=head, x=400))


def test_listed_shares_that_fit_neither_reading_are_quiet() -> None:
    """Shares that fit the parts' sum (1750) but not the stated 2000: the readings disagree, nothing raised."""
    text = ("全年审结各类案件2000件。审结案件中,民事案件1050件,占比60.00%;刑事案件350件,占比20.00%;"
            "行政案件350件,占比20.00%。")
    assert not loud(text)
    assert [g[0] for g in claims(text)] == ["unverifiable"] * 3


def test_other_inside_the_last_parts_bracket_does_not_close_the_list() -> None:
    # (来函、其他单位转交等) says what 书面反映 holds; the shares (99.5% in all) are of the 4000 stated before,
    # not of the parts' sum 3980
    text = ("全年共受理信访事项4000件,同比下降3.1%。\n从受理方式看,来电反映2480件,占比62.00%;网上反映1480件,"
            "占比37.00%;书面反映(来函、其他单位转交等)20件,占比0.50%。")
    assert not loud(text)
    assert all("3980" not in (g[1] or "") and "+" not in (g[1] or "") for g in claims(text)), claims(text)


# a share of the list 分别是 opens after it
LIST_AFTER = ("全年调解纠纷共2000宗,成功1900宗。三类主要纠纷合计占纠纷总数的{},"
              "分别是劳动争议500宗、损害赔偿400宗、婚姻家庭300宗。")


def test_share_of_list_after_confirmed() -> None:
    got = claims(LIST_AFTER.format("60%"))
    assert ("consistent", "(500+400+300)/2000") in [g[:2] for g in got]
    assert any("分别" in g[2] for g in got)


def test_share_of_list_after_never_accuses() -> None:
    text = LIST_AFTER.format("70%")
    assert "consistent" not in [g[0] for g in claims(text)]
    assert not loud(text)


def test_share_of_list_after_counts_its_parts() -> None:
    """四类 but three entries: not the list the share speaks of."""
    text = LIST_AFTER.format("60%").replace("三类", "四类")
    assert ("consistent", "(500+400+300)/2000") not in [g[:2] for g in claims(text)]


# 均/全部 over the rate's own items
def test_all_over_the_rates_items() -> None:
    got = claims("截至目前,差评工单全部完成按时整改,差评按时整改率100%。", "rate")
    assert got and got[0][0] == "consistent" and "按时整改" in got[0][2]
    assert loud("3起案件均胜诉,胜诉率90%。", "R205")


def test_all_over_other_items_confirms_nothing() -> None:
    """全部 of other items, 人均 as a word: no confirmation."""
    assert [g[0] for g in claims("工单全部录入系统,按时整改率100%。", "rate")] == ["unverifiable"]
    assert [g[0] for g in claims("人均办理10件,办结率100%。", "rate")] == ["unverifiable"]


# a converter's pinyin inside words (產(chǎn)業(yè)) is read past, offsets kept
def test_pinyin_in_words_read_past() -> None:
    from auditor.script import simplified

    text = "常住人口城鎮(zhèn)化率達(dá)48.56%,出生人口為3.09萬(wàn)人。"
    out = simplified(text)
    assert len(out) == len(text) and out.index("48.56%") == text.index("48.56%")
    assert "城镇化率达48.56%" in out and "3.09万人" in out


def test_pinyin_share_confirmed_and_flagged() -> None:
    text = "全市外貿(mào)總值100億元,其中出口60億元,占全市外貿(mào)總值的{}。"
    assert ("consistent", "6000000000/10000000000") in [g[:2] for g in claims(text.format("60%"))]
    assert ("inconsistent", "6000000000/10000000000") in [g[:2] for g in claims(text.format("70%"))]


# ---- closure rates are over every case handled (受理 = 新收 + 旧存), never the new cases alone ----

def test_closure_rate_over_cases_handled_pass() -> None:
    got = claims("全年共受理案件1458.6万件,结案888.7万件,结案率60.92%。", "rate")
    assert ("consistent", "8887000/14586000") in [(s, e) for s, e, _ in got], got
    assert not loud("全年共受理案件1458.6万件,结案888.7万件,结案率60.92%。")


def test_closure_rate_over_cases_handled_fail() -> None:
    assert loud("全年共受理案件1458.6万件,结案888.7万件,结案率65.92%。")


def test_closure_rate_is_not_recomputed_over_new_cases() -> None:
    # 68.17% is over 新收 + 旧存: 1238.9/1512.5 = 81.91% is no contradiction
    text = "今年1至9月,全国法院新收案件1512.5万件,同比上升20.56%;结案1238.9万件,同比上升20.16%;结案率为68.17%。"
    assert not loud(text)
    assert all(s != "inconsistent" for s, _, _ in claims(text, "rate"))


def test_all_before_the_share_word_names_the_part() -> None:
    # 全部税收收入 is the part's name: no 均/全部 claim of 100% (R205)
    text = "一季度全部税收收入占GDP比重为9.7%,同比提升0.6个百分点。"
    assert not loud(text, "R205")


def test_all_over_the_rates_items_still_claims_100() -> None:
    text = "全年排查隐患120处,已全部完成整改,整改率为95%。"
    assert loud(text, "R205")

# a share that names its base (占受理案件总数的) takes the figure labelled with it, not the total before it
NAMED_OK = "今年共收到复议申请40件,依法受理32件。经审理,驳回申请12件,占受理案件总数的37.5%。"
NAMED_BAD = "今年共收到复议申请40件,依法受理32件。经审理,驳回申请12件,占受理案件总数的34%。"


def test_named_base_confirmed() -> None:
    assert ("consistent", "12/32") in [g[:2] for g in claims(NAMED_OK)]
    assert not loud(NAMED_OK)


def test_named_base_flagged() -> None:
    assert ("inconsistent", "12/32") in [g[:2] for g in claims(NAMED_BAD)]
    assert loud(NAMED_BAD)


def test_named_base_not_stated_stays_quiet() -> None:
    """The base the share names (调解案件) labels no figure: the total before it is no base to accuse."""
    text = "今年共收到复议申请40件,依法受理32件。经审理,驳回申请12件,占调解案件总数的34%。"
    assert "inconsistent" not in [g[0] for g in claims(text)]
    assert not loud(text)


# a rate of a run of parts whose whole is the figure just before the run
RUN_SUM = "本月共受理咨询3000件,直接答复2500件,转办500件,按期办结480件,逾期办结20件,办结率100%。"
RUN_STEM = "本月接听来电1500个,现场答复办结800个,转部门办结640个,总办结率96%。"


def test_run_adding_up_to_the_figure_before_it_confirms() -> None:
    assert ("consistent", "(480+20)/500") in [g[:2] for g in claims(RUN_SUM, "rate")]
    assert not loud(RUN_SUM)


def test_run_named_by_the_stem_confirms() -> None:
    assert ("consistent", "(800+640)/1500") in [g[:2] for g in claims(RUN_STEM, "rate")]
    assert not loud(RUN_STEM)


def test_run_is_only_ever_a_confirmation() -> None:
    """办结率90% fits no reading; a run's whole is never the base to accuse (its link is by arithmetic)."""
    text = RUN_STEM.replace("96%", "90%")
    assert "(800+640)/1500" not in [g[1] for g in claims(text, "rate") if g[0] == "inconsistent"]


def test_run_whose_parts_are_not_named_by_the_stem_stays_unconfirmed() -> None:
    """A chance pairing: the parts are not named 办结 and add up to nothing before them."""
    text = "本月接听来电1500个,现场答复800个,转部门处理640个,总办结率96%。"
    assert ("consistent", "(800+640)/1500") not in [g[:2] for g in claims(text, "rate")]
    assert not loud(text)


def test_named_base_opening_with_a_period_word_is_not_matched_by_it() -> None:
    """占同期受理总数的: 同期 is the period; the figure labelled 同期… is no base by that word alone."""
    text = "今年共收到复议申请40件,同期办结32件。经审理,驳回申请12件,占同期受理总数的34%。"
    assert ("inconsistent", "12/32") not in [g[:2] for g in claims(text)]


def test_run_adding_up_is_no_base_for_a_rate_that_names_none_of_it() -> None:
    """满意率 names neither part: 100+20 = 120 is the breakdown's identity, not the satisfied callers."""
    text = "本月共受理咨询300件,转办120件,办结100件,未办结20件,满意率100%。"
    assert ("consistent", "(100+20)/120") not in [g[:2] for g in claims(text, "rate")]


def test_a_label_with_only_the_stems_end_is_no_strong_part() -> None:
    # 现行命案破案率 is over 现行命案, not over all 刑事案件: 破案10039起 carries only 破案
    text = "全省共立各类刑事案件21658起,同比下降11.8%,破案10039起,破获现行命案111起,现行命案破案率达到97.36%。"
    assert not loud(text)
    assert all(s != "inconsistent" for s, _, _ in claims(text, "rate"))


def test_a_label_with_the_whole_stem_still_pairs() -> None:
    text = "全年共调解矛盾纠纷120件,调解成功114件,调解成功率为90%。"
    assert loud(text)


def test_a_share_of_one_stage_is_not_over_another_stages_count() -> None:
    # 新收 and 受理 are different counts: the base 占…新收案件总数 is not stated
    text = "最高法院上半年受理各类案件15400件,结案9594件。巡回法庭合计新收案件5730件,占最高法院新收案件总数的44.8%。"
    assert not loud(text)


def test_a_share_of_the_same_stage_pairs() -> None:
    text = "最高法院上半年结案9594件。巡回法庭审结4162件,占最高法院审结案件总数的43.4%。"
    assert ("consistent", "4162/9594") in [(s, e) for s, e, _ in claims(text)]


def test_spans_of_years_are_no_operands_of_a_rate() -> None:
    # 前四年 / 五年计划 are when, not how many: no 4/5 reading of 86%
    text = "投资额等于五年计划规定的投资总额的三分之一,使前四年完成的比重达到百分之八十六。"
    assert not [c for c in audit_text(text).claims if c.kind == "rate" and c.expression == "4/5"]


# 全年 names the period, not a total: it marks a rate's whole only in the sentence of the rate's part
UNEMPLOYED_BAD = "全年城镇新增就业12690人,就业困难人员就业1830人。年末城镇登记失业人员1040人,城镇登记失业率为3.96%。"
UNEMPLOYED_CHANCE = "全年城镇新增就业12690人,就业困难人员就业1830人。年末城镇登记失业人员1040人,城镇登记失业率为8.2%。"


def test_period_marked_figure_a_sentence_back_is_no_whole() -> None:
    assert [g[0] for g in claims(UNEMPLOYED_BAD, "rate")] == ["unverifiable"]
    assert not loud(UNEMPLOYED_BAD)


def test_period_marked_figure_a_sentence_back_confirms_nothing() -> None:
    """1040/12690 = 8.2% by chance: still no pairing."""
    assert [g[0] for g in claims(UNEMPLOYED_CHANCE, "rate")] == ["unverifiable"]


def test_period_marked_total_in_the_parts_sentence_pass() -> None:
    text = "全年受理信访件1250件,办结1000件,办结率为80%。"
    assert ("consistent", "1000/1250") in [g[:2] for g in claims(text, "rate")]
    assert not loud(text)


def test_period_marked_total_in_the_parts_sentence_fail() -> None:
    assert loud("全年受理信访件1250件,办结1000件,办结率为90%。")


# a bounded rate after a count of members: the count is of those who meet the bound, no rate of them
def test_count_meeting_a_bound_is_no_part() -> None:
    text = "全省30个县中,12个县老年人口比重超过14%。"
    assert [g[0] for g in claims(text) + claims(text, "rate")] in ([], ["unverifiable"])
    assert not loud(text)


def test_count_meeting_a_bound_confirms_nothing_by_chance() -> None:
    """12/30 = 40% is above 14% by chance: no confirmation either."""
    text = "除甲县外,其他30个县老年人口比重均超过7%,其中,12个县老年人口比重超过14%。"
    assert "consistent" not in [g[0] for g in claims(text) + claims(text, "rate")]


def test_bounded_rate_named_by_its_part_is_still_checked() -> None:
    ok = "共受理40件,办结38件,办结率超过90%。"
    assert ("consistent", "38/40") in [g[:2] for g in claims(ok, "rate")]


def test_a_rate_after_an_item_with_a_rate_of_its_own_guesses_no_part() -> None:
    # FAIL of the pairing: 审结 is the part of 结案率, not of 服判息诉率 (9410/9800 >= 90% by chance)
    text = "五年来，受理各类案件9800件，审结9410件，平均结案率96%，一审服判息诉率始终保持90%以上，质效稳居前列。"
    found = [(c.text, c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]
    assert not [f for f in found if "90%" in f[0] and f[1] == "consistent"]
    assert any("96%" in f[0] and f[1] == "consistent" and f[2] == "9410/9800" for f in found)


def test_a_rate_right_after_its_figure_takes_it_as_its_part() -> None:
    # PASS: 不起诉 is the item just before the rate, with no rate of its own
    text = "全年审查起诉4000人，起诉3000人，不起诉1000人，不诉率25%。"
    found = [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]
    assert ("consistent", "1000/4000") in found


# shares that miss 100 beyond their rounding, no share fitting the parts' sum and no remainder (其他) closing
# the list: the shares are of a whole larger than the parts listed (an unlisted part), never an error
REGIONS = ("全县常住人口中,东片人口为40000人,占{};西片人口为35000人,占{};"
           "南片人口为24600人,占{}。")


def test_shares_of_a_larger_whole_are_not_flagged() -> None:
    # 40000/100000 = 40.00%, 35000/100000 = 35.00%, 24600/100000 = 24.60% (400 people in no region listed);
    # on the parts' sum 99600 they would be 40.16%, 35.14%, 24.70%
    text = REGIONS.format("40.00%", "35.00%", "24.60%")
    assert not loud(text)
    assert "inconsistent" not in [g[0] for g in claims(text)]


def test_shares_of_the_parts_sum_still_confirmed() -> None:
    # 40000/99600 = 40.16%, 35000/99600 = 35.14%, 24600/99600 = 24.70%: they total 100.00
    got = claims(REGIONS.format("40.16%", "35.14%", "24.70%"))
    assert ("consistent", "40000/(40000+35000+24600)") in [g[:2] for g in got]


def test_one_odd_share_among_fitting_ones_is_flagged() -> None:
    # two shares fit the parts' sum; the first (40.16% on it) is printed 40.96%
    text = REGIONS.format("40.96%", "35.14%", "24.70%")
    assert any("40.96%" in t for t in loud(text))


# a clause of an earlier period after a semicolon: its rate is not over this period's total
PERIODS = "本月共受理案件198件,结案18件,结案率9.09%;去年同期共收案208件,结案36件,结案率{}。"


def test_rate_of_the_earlier_period_is_not_paired_with_this_period() -> None:
    # 36/208 = 17.31% (36/198 would be 18.18%): the earlier period's rate is no error
    text = PERIODS.format("17.31%")
    assert not loud(text)
    assert ("consistent", "18/198") in [g[:2] for g in claims(text, "rate")]
    assert not [g for g in claims(text, "rate") if g[1] == "36/198"]


def test_rate_of_this_period_still_flagged() -> None:
    text = PERIODS.format("17.31%").replace("结案率9.09%", "结案率9.90%")
    assert loud(text) == ["结案率9.90%"]


# two shares of a complementary pair (男/女): the pair makes up its whole, stated or not
SEXES = "全县常住人口中,男性人口为51000人,占{};女性人口为49000人,占{}。"


def test_shares_of_a_complementary_pair_are_checked() -> None:
    got = claims(SEXES.format("51.00%", "49.00%"))
    assert [g[:2] for g in got] == [("consistent", "51000/(51000+49000)"), ("consistent", "49000/(51000+49000)")]


def test_shares_of_a_complementary_pair_off_the_pair_are_flagged() -> None:
    text = SEXES.format("52.00%", "48.00%")  # 51000/100000 is 51.00%
    assert ("inconsistent", "51000/(51000+49000)") in [g[:2] for g in claims(text)]
    assert loud(text)


def test_two_shares_of_no_pair_are_not_a_whole() -> None:
    # two regions need not be all of the county: nothing checked, nothing flagged
    text = "全县常住人口中,东片人口为51000人,占52.00%;西片人口为49000人,占48.00%。"
    assert not loud(text)
    assert "inconsistent" not in [g[0] for g in claims(text)]


# ---- a base named far back: the figure that carries the name, not one that shares a word -----------

FAR_BASE = ("1-9月,全县固定资产投资累计完成60.40亿元,同比增长12.5%。\n"
            "分产业看,第一产业完成投资2.10亿元,占全县投资比重为3.5%;第二产业完成投资9.80亿元,"
            "占全县投资比重为16.2%;第三产业完成投资48.50亿元,占全县投资比重为80.3%。\n"
            "1-9月,民间投资完成{}亿元,同比增长8.1%,占全县固定资产投资比重42%。\n")


def _share_42(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "share" and "42" in c.text]


def test_far_base_is_the_figure_that_carries_its_name_fail() -> None:
    """20.37/48.50 = 42% by chance (第三产业完成投资 shares only 投资 with 全县固定资产投资): not confirmed."""
    assert ("consistent", "2037000000/4850000000") not in _share_42(FAR_BASE.format("20.37"))


def test_far_base_is_the_figure_that_carries_its_name_pass() -> None:
    assert ("consistent", "2537000000/6040000000") in _share_42(FAR_BASE.format("25.37"))


# ---- outcome rates (纠错率, 维持率) are over the cases decided, never over the cases taken in ----
OUTCOME = "2024年,县政府共收到行政复议申请820件,受理760件,其中,决定维持301件。直接纠错152件,纠错率{}。"


def test_outcome_rate_is_not_recomputed_over_intake() -> None:
    # 152/760 = 20% but the rate is over the cases decided, which the sentence does not state
    text = OUTCOME.format("22.4%")
    assert not loud(text)
    assert all(g[0] == "unverifiable" for g in claims(text, "rate"))


def test_outcome_rate_over_cases_decided_fail() -> None:
    text = "全年审结行政复议案件640件,直接纠错152件,纠错率26.1%。"
    assert loud(text)


def test_outcome_rate_over_cases_decided_pass() -> None:
    text = "全年审结行政复议案件640件,直接纠错152件,纠错率23.8%。"
    assert ("consistent", "152/640") in [g[:2] for g in claims(text, "rate")]
    assert not loud(text)


# the applications concluded (共审结行政复议申请135件) are a count of cases decided, though 申请 names them
CONCLUDED = ("2024年总共需办理复议案件151件。\n全年共审结行政复议申请135件(含上年度结转),"
             "其中纠错29件,纠错率约{}。")


def test_outcome_rate_over_applications_concluded_pass() -> None:
    text = CONCLUDED.format("21.5%")
    assert ("consistent", "29/135") in [g[:2] for g in claims(text, "rate")]


def test_outcome_rate_fits_only_an_intake_stated_before_fail() -> None:
    # 29/151 = 19.2% fits the total of the paragraph before; the rate's own total gives 21.48%: two readings
    text = CONCLUDED.format("19.2%")
    assert [g[0] for g in claims(text, "rate")] == ["unverifiable"]
    assert not loud(text)


def test_success_rate_stays_over_intake() -> None:
    # 调解成功率 is over the disputes taken in: the stem does not end with an outcome word
    text = "全年受理矛盾纠纷500件,调解成功480件,调解成功率91%。"
    assert loud(text)


# ---- a rate stated as a requirement is no actual ----
REQUIRED = ("截至5月底,全市初次信访共办结6400件,其中一次性化解5900件,一次性化解率92.19%。较高的县区有:甲县;"
            "未达到“初次信访一次性化解率稳定在{}以上”要求的县区有:丙区。")


def test_required_rate_is_not_recomputed() -> None:
    got = claims(REQUIRED.format("90%"), "rate")
    assert [g[:2] for g in got if g[0] != "unverifiable"] == [("consistent", "5900/6400")]


def test_required_rate_above_the_actual_is_not_flagged() -> None:
    assert not [f for f in audit_text(REQUIRED.format("95%")).findings if f.severity.value in LOUD]


def test_actual_rate_before_requirement_still_checked() -> None:
    text = "全市初次信访共办结6400件,其中一次性化解5900件,一次性化解率93.5%。"
    assert loud(text)


# ---- a run of parts never holds a count at the whole's stage ----
def test_rate_run_skips_a_sibling_at_the_whole_stage() -> None:
    text = "对民事判决监督受理12件,提出再审建议3件;对民事执行监督受理7件,提出检察建议2件,采纳率100%。"
    assert not [g for g in claims(text, "rate") if g[0] == "consistent" and "12" in (g[1] or "")]


# ---- a figure with its own share, its base named, is a sibling part, not the whole ------------------

def test_a_sibling_with_its_own_named_share_is_no_base_of_the_next_share() -> None:
    """甲区 400个 states its own share of 全省 (its base named in a long clause): 乙县300个，占10.00% is over the
    province (3000户, another measure word), never 300/400."""
    text = ("截至年底，全省规上企业共有3000户。其中：甲区共有规上企业400个，占全省规上企业比重为13.33%；"
            "乙县300个，占10.00%；丙县500个，占16.67%。")
    r = audit_text(text)
    assert not [f.code for f in r.findings if f.code.startswith("R")]
    assert not any(c.expression == "300/400" for c in r.claims)


def test_a_whole_without_a_share_of_its_own_still_bases_the_share_after_it() -> None:
    r = audit_text("甲区共有规上企业400个，其中制造业企业300个，占70.00%。")
    assert "R201" in [f.code for f in r.findings]


# ---- a count that negates the rate's stem (未办结 for 办结率) is never its part -------------------------

def test_the_unfinished_count_is_no_part_of_the_closure_rate() -> None:
    """共58件…未办结2件，办结率97%: 2/58 is no arithmetic of 办结率 (its part would be 58 - 2); unverifiable."""
    r = audit_text("今年共收到群众来信58件，全部转办，转办率100%，未办结2件，办结率97%。")
    assert not [f.code for f in r.findings if f.code.startswith("R")]
    assert not any(c.expression == "2/58" for c in r.claims)


def test_the_finished_count_beside_an_unfinished_one_still_bases_the_rate() -> None:
    r = audit_text("共受理投诉150件，已办结141件，未办结9件，办结率90%。")
    assert "R201" in [f.code for f in r.findings]
    assert ("inconsistent", "141/150") in [(c.status, c.expression) for c in r.claims if c.kind == "rate"]


def test_a_rate_of_a_negated_stem_takes_its_negated_count() -> None:
    r = audit_text("共回访200人，满意170人，不满意30人，不满意率20%。")
    assert [c.expression for c in r.claims if c.kind == "rate"][0].startswith("30/")


# ---- a share of an unnamed subset opened by 其中 has no stated part ------------------------------------------

def test_a_share_of_a_subset_the_text_does_not_count_fail() -> None:
    # 其中…以县直部门为主,占总量的89.13%: the count of that subset is not stated; 46 is the whole, not the part
    text = "2023年,某县司法局共收到行政复议申请48件,同比上升4%,受理46件。其中被申请人以县直部门为主,占总量的89.13%。"
    assert not loud(text)
    assert all(g[0] == "unverifiable" for g in claims(text, "share"))


def test_a_share_with_its_count_in_its_item_pass() -> None:
    text = "2023年,某县司法局共收到行政复议申请48件,受理46件,其中县直部门41件,占总量的89.13%。"
    assert ("consistent", "41/46") in [g[:2] for g in claims(text, "share")]


# ---- a second rate of one stem, after the first has its figures, speaks of something else ------------------

SECOND_RATE = ("全年共受理群众来信6210件,除当场答复外,需转办5480件,办结5102件,办结率为93%。"
               "对群众反映的重点问题,编发《来信专报》86期,领导批示率达100%,办结率达{}。")


def test_a_later_rate_of_the_same_stem_does_not_take_the_earlier_figures_fail() -> None:
    text = SECOND_RATE.format("97%")
    assert not loud(text)
    assert ("consistent", "5102/5480") in [g[:2] for g in claims(text, "rate")]


def test_the_first_rate_of_the_stem_is_still_judged_pass() -> None:
    text = SECOND_RATE.format("97%").replace("办结率为93%", "办结率为95%")
    assert loud(text)


# ---- a sibling whose own share names the same base is no whole ----------------------------------------------

def test_a_sibling_share_of_the_same_base_is_no_whole_fail() -> None:
    # 其他商品和服务类 holds 服务类 in its words, but both are parts of 投诉总量 (59.62 + 36.54 + 3.85 = 100)
    text = ("上半年,受理商品类投诉3100件,占投诉总量的59.62%;服务类投诉为1900件,占投诉总量的36.54%;"
            "其他商品和服务类投诉为200件,占投诉总量的3.85%。")
    assert not loud(text)


def test_a_whole_named_by_the_share_is_still_its_base_pass() -> None:
    text = "上半年,受理服务类投诉1900件,其中其他商品和服务类投诉为200件,占服务类投诉的10.53%。"
    assert ("consistent", "200/1900") in [g[:2] for g in claims(text, "share")]


# ---- a rate over a whole of an earlier sentence, with a stage stated between ---------------------------------
FUNNEL = "全年累计洽谈项目120个,其中意向项目80个;新签约项目40个,协议资金50亿元。新建开工项目30个,开工率为{}。"


def test_a_rate_over_the_stage_between_is_confirmed_pass() -> None:
    text = FUNNEL.format("75%")
    assert not loud(text)
    assert ("consistent", "30/40") in [g[:2] for g in claims(text, "rate")]


def test_a_rate_no_reading_gives_is_still_flagged_fail() -> None:
    assert loud(FUNNEL.format("55%"))


def test_a_rate_one_unit_off_another_reading_is_no_error() -> None:
    # 30/120 = 25% is far off, 30/40 = 75% one unit off 76%: the claim more likely rounds the second loosely
    assert not loud(FUNNEL.format("76%"))


def test_a_figure_inside_a_siblings_breakdown_is_no_whole() -> None:
    # 570 and 513 are inside 噪声类's own 其中; 15件 is a share of 总案件量 (600), not of them
    text = ("本季度共受理环境投诉640件,其中立案600件。\n噪声类立案数共585件,占总案件量的97.5%,其中应结案数为570件,"
            "结案数为513件,结案率为90%;扬尘类立案数共15件,占总案件量的2.5%,其中应结案数为10件,结案数为6件。")
    assert "15/570" not in [g[1] for g in claims(text, "share")]
    assert not [f for f in audit_text(text).findings if f.code in ("R201", "R202")]


def test_a_base_that_lost_its_measure_word_is_still_a_reading() -> None:
    # 5096/5200 = 98%: 5200 lost its 件 (U101), but it is the rate's base, not 5230
    text = "某市各级人民调解组织共排查矛盾纠纷5230件,调处5200,调解成功5096件,成功率98.00%。"
    assert "R201" not in [f.code for f in audit_text(text).findings]
    assert ("consistent", "5096/5200") in [g[:2] for g in claims(text, "rate")]


# a share whose base a clause before it names (在X中,Y占比为…): the total of the sentence before is not X
SCOPE_NAMED = ("寒潮当天,服务中心共接听群众来电4216个。其中,反映燃气类问题来电1873个,"
               "在公用事业类问题中,燃气问题占比为{share}%。")


def test_a_share_of_a_base_named_in_the_clause_before_is_not_checked_over_another_total() -> None:
    text = SCOPE_NAMED.format(share="88.41")  # 1873/4216 = 44.43%: not the base the share names
    assert not loud(text)
    assert [g[0] for g in claims(text)] in ([], ["unverifiable"])


def test_a_share_without_a_named_scope_is_still_checked_over_the_total() -> None:
    text = SCOPE_NAMED.format(share="88.41").replace("在公用事业类问题中,燃气问题占比为", "占来电总量的")
    assert loud(text)  # 1873/4216 = 44.43%, not 88.41%
    assert not loud(text.replace("88.41", "44.43"))


# a count of what was not done is no part of a count of what was (起诉 / 不起诉)
NOT_DONE = ("三年来,依法起诉涉嫌犯罪的青少年9.6万人;对罪行较轻的附条件不起诉2.2万人,"
            "占办结青少年案件总数的13.4%。")


def test_a_count_of_what_was_not_done_is_no_part_of_what_was() -> None:
    assert not loud(NOT_DONE)  # 2.2/9.6 = 22.92%: 9.6万 is no whole of the 不起诉 2.2万


def test_a_count_under_its_own_act_is_still_a_part() -> None:
    text = "全年共办结青少年案件9.6万人,其中附条件不起诉2.2万人,占办结青少年案件总数的13.4%。"
    assert loud(text)  # 2.2/9.6 = 22.92%


def test_a_negated_act_is_still_a_part_of_a_process_or_a_due_count() -> None:
    # 审查起诉 holds 起诉 and 不起诉; 应办结 holds the 未办结: those wholes stay
    got = claims("全年审查起诉4000人,起诉3000人,不起诉1000人,不诉率为25%。", "rate")
    assert ("consistent", "1000/4000") in [g[:2] for g in got]
    # (8/(8+100) = 7.41% would not give 8%)
    assert ("consistent", "8/100") in [g[:2] for g in claims("全年应办结事项100件,未办结8件,未办结率为8%。", "rate")]


# a figure the sentence opens as its scope (…的889件中) is the whole of the shares in it
SCOPE_FIGURE = ("全区共受理供热诉求2410件。其中反映温度不达标的533件。城区内未供暖的760件中,由热源企业直供的"
                "共有608件,占此类问题的80%;由物业转供的共有152件,占此类问题的20%。")


def test_a_figure_opened_as_the_sentences_scope_is_the_whole() -> None:
    got = [(status, expr) for status, expr, link in claims(SCOPE_FIGURE) if "scope of the sentence" in link]
    assert got == [("consistent", "608/760"), ("consistent", "152/760")]
    assert not loud(SCOPE_FIGURE)
    # a wrong share over the scope is not confirmed by another pairing (152/(152+533) = 22.19%, 152/608 = 25%)
    assert "consistent" not in [g[0] for g in claims(SCOPE_FIGURE.replace("20%", "25%"))][1:]


# a whole that announces its part with 其中 is linked as strongly as one marked 共
def test_a_rate_of_a_part_announced_by_qizhong_is_checked() -> None:
    text = "调解矛盾纠纷52起，其中成功47起，成功率为92.5%。"  # 47/52 = 90.38%
    assert loud(text) == ["成功率为92.5%"]
    assert not loud(text.replace("92.5%", "90.4%"))


def test_without_qizhong_or_a_total_mark_the_rate_stays_unverifiable() -> None:
    text = "调解矛盾纠纷52起，达成协议47起，成功率为92.5%。"
    assert not loud(text)


def test_a_part_with_its_own_bracketed_share_is_no_whole() -> None:
    """甲类…38.4万人次(占机构总数的87.3%),乙类…5.6万人次(占机构总数的12.7%): 38.4 has a share of the base
    of its own, so it is a part of that base, never the whole of its sibling (5.6/38.4 = 14.58%); also where
    a scraped page's pinyin (医(yī)院) is blanked in the words between."""
    for name in ("医院", "医(yī)院"):
        text = (f"公立{name}诊疗人次38.4万人次(占{name}总数的87.3%),"
                f"民营{name}诊疗人次5.6万人次(占{name}总数的12.7%)。")
        assert not loud(text), name


def test_a_whole_broken_down_before_the_parts_sentence_never_accuses() -> None:
    """共监测312点次,其中昼间、夜间各监测156次。昼间达标151点次,达标率96.8%: 151/156, not 151/312: the rate may
    be over a member of the breakdown stated between (relate/rate_wholes._breakdown_apart)."""
    text = "全市功能区共监测412点次,其中昼间、夜间各监测206次。各类功能区昼间达标197点次,达标率为95.6%。"
    assert not loud(text)
    assert [s for s, _, _ in claims(text, "rate")] != ["inconsistent"]


def test_a_whole_with_its_parts_in_the_next_sentence_still_accuses() -> None:
    text = "全市共受理纠纷412件。其中调解成功397件,调解成功率为90.6%。"
    assert loud(text)


def test_members_listed_under_a_scope_are_no_whole_of_each_other() -> None:
    """审结的案件中,维持的67件,…撤回的24件,综合纠错率约为35%: 25/71 = 35.2% would confirm it by chance."""
    text = ("全市共审结行政复议案件130件。审结的案件中,维持决定的71件,撤销、变更决定的20件,"
            "申请人撤回申请的25件,综合纠错率约为35%。")
    assert ("consistent", "25/71") not in [(s, e) for s, e, _ in claims(text, "rate")]
    assert not loud(text)


def test_a_total_just_before_a_rate_is_no_part_of_it() -> None:
    # 共承办工单1292件,办结率100%: the total is the rate's whole; the part (办结) is not stated, so no 1292/1292
    text = "本月热线共受理诉求1530件。\n本月各承办单位共承办工单1530件,办结率100%,按期办结率97%。"
    assert [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"] == \
        [("unverifiable", None), ("unverifiable", None)]


def test_a_share_naming_its_base_in_letters_or_a_place_takes_no_other_whole() -> None:
    # 占GDP比重 and 占全省比重 name bases the text does not state; 工业总产值 of the county is neither
    lead = "2023年,全县规模以上工业企业完成工业总产值640.0亿元,同比增长8.2%。"
    for share in ("占GDP比重40.0%", "占全省比重40.0%", "占比40.0%"):
        text = lead + f"全年全部工业增加值192.0亿元,{share}。"
        assert loud(text) == [], share
        assert not [c for c in audit_text(text).claims if c.kind == "share" and c.status == "inconsistent"]
    # a base named in letters that the whole carries is still read: 占GDP比重 over 全县GDP
    text = "全县GDP为480.0亿元。全年全部工业增加值192.0亿元,占GDP比重{x}%。"
    assert [c.status for c in audit_text(text.format(x="40.0")).claims if c.kind == "share"] == ["consistent"]


@pytest.mark.parametrize(("x", "status"), [("92.4", "consistent"), ("95.4", "inconsistent")])
def test_a_whole_printed_in_the_share_without_its_de(x: str, status: str) -> None:
    """占全年任务数26500万元92.4%: 24486/26500 = 92.4%; the target is the base, never the part."""
    text = ("1-9月,全县财政总收入完成51200万元,占全年任务数60000万元85.33%。"
            f"其中:税收收入完成24486万元,占全年任务数26500万元{x}%。")
    got = [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "share"]
    assert (x, status, "244860000/265000000") in got
    assert ("85.33", "consistent", "512000000/600000000") in got


def test_a_guessed_part_takes_no_total_from_another_paragraph() -> None:
    """毛入学率 over 技能劳动者/城镇新增就业: a chance 99.9% passes any "以上" bound; neither figure is its operand."""
    text = ("“十三五”期间,全市城镇新增就业人数稳步增长,累计达9.31万人,超额完成规划目标。\n\n"
            "全市人才队伍持续壮大,新增专业技术人才1.2万人、技能劳动者9.3万人,职业教育毛入学率达到52%以上。")
    got = [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]
    assert got == [("unverifiable", None)]


def test_the_parts_of_a_breakdown_are_no_run_for_a_rate_that_names_neither() -> None:
    """(16+24)/40 = 100% always: the parts of the 共40件 breakdown are by source, not by 满意."""
    text = "2024年我办承办建议提案共40件,其中人大代表建议16件,政协提案24件,全部按期办理回复,满意率达{x}%。"
    for x in ("100", "97.5"):
        assert not [c for c in audit_text(text.format(x=x)).claims
                    if c.kind == "rate" and c.expression and "16+24" in c.expression]


def test_a_rate_whose_stem_a_label_only_ends_alike_takes_no_part_of_another_sentence() -> None:
    """辅具适配服务率 shares only 服务 with 得到康复服务的…儿童 of the sentence before: 0.6万/0.6万 is chance."""
    text = ("全市9.6万名持证残疾人得到基本康复服务。在得到康复服务的持证残疾人中,有肢体残疾人5.2万名、"
            "多重残疾人0.6万名,得到康复服务的未持证残疾儿童0.6万名。全年共为3.9万残疾人提供辅助器具,"
            "辅具适配服务率达97%。")
    got = [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "rate"]
    assert got == [("unverifiable", None)]


@pytest.mark.parametrize(("text", "expression"), [
    # the rate's sentence states no figure of its own: the loose part of the sentence before is its part
    ("全市国有企业共2100户。资产总额4200亿元、同比增长6%。负债总额2520亿元、同比增长5%。"
     "全市国有企业年末平均资产负债率60%。", "252000000000/420000000000"),
    # 第三产业完成增加值 carries all of the stem but one word
    ("全区完成生产总值200亿元。其中,第一产业完成增加值10亿元;第二产业完成增加值80亿元;第三产业完成增加值110亿元。"
     "第一产业增加值占全区生产总值比重为5%,第二产业增加值比重为40%,第三产业增加值比重为55%。",
     "11000000000/20000000000"),
])
def test_a_loosely_named_part_of_the_sentence_before_still_serves(text: str, expression: str) -> None:
    assert expression in [c.expression for c in audit_text(text).claims if c.kind in ("rate", "share")]


@pytest.mark.parametrize(("text", "status"), [
    # the intake is no base of a success rate: the attempts (调解N件) are not stated
    ("全年共受理消费投诉4000件,调解成功3300件,调解成功率{x}%。", "unverifiable"),
    # a whole that names the action, or what it takes up whole (纠纷), is its base
    ("全年共调解消费争议4000件,调解成功3300件,调解成功率{x}%。", "inconsistent"),
    ("全年受理矛盾纠纷4000件,调解成功3300件,调解成功率{x}%。", "inconsistent"),
])
def test_a_success_rate_is_over_the_attempts_of_its_action(text: str, status: str) -> None:
    got = [c.status for c in audit_text(text.format(x="68.4")).claims if c.kind == "rate" and c.claimed == "68.4"]
    assert got == [status]
    ok = [c.status for c in audit_text(text.format(x="82.5")).claims if c.kind == "rate" and c.claimed == "82.5"]
    assert ok == ["unverifiable" if status == "unverifiable" else "consistent"]
