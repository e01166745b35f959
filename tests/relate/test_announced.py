"""Breakdowns announced by an opener (其中, 从…看, 按…分, …分类:) against a total stated before them."""
from __future__ import annotations

from auditor import audit_text

LOUD = ("error", "warning")


def sums(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.status, c.expression, c.detail.get("link", "")) for c in audit_text(text).claims if c.kind == "sum"]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in LOUD]


# d078: three breakdowns of one revenue, the second running over two sentences, the third a paragraph later
REVENUE = (
    "1-5月,全县完成财政总收入4348万元,占年初预算10065万元的43.2%,同比下降6.5%。"
    "其中:税收收入3511万元,占年初预算8465万元的41.5%,同比下降5.2%;非税收入837万元,占年初预算1600万元的52.3%,"
    "同比下降11.7%。按级次分:上划中省收入2628万元,占年初预算6265万元的41.9%,同比增长9.5%。"
    "完成地方一般公共预算收入1720万元,占年初预算3800万元的45.3%,同比下降23.6%。\n"
    "地方收入按部门分:税务部门完成1431万元,占年初预算2750万元的52.0%,同比下降10.3%;"
    "财政部门完成289万元,占年初预算1050万元的27.5%,同比下降55.9%。\n"
)


def test_breakdowns_announced_after_their_total_are_confirmed() -> None:
    found = sums(REVENUE)
    assert ("consistent", "35110000+8370000", "breakdown announced by 其中") in found
    assert ("consistent", "26280000+17200000", "breakdown announced by 按级次分") in found
    assert ("consistent", "14310000+2890000") in [s[:2] for s in found]
    assert not loud(REVENUE)


def test_the_items_budgets_add_up_to_the_totals_budget() -> None:
    assert ("consistent", "84650000+16000000", "same column of a breakdown's items") in sums(REVENUE)


def test_a_total_growth_is_rebuilt_from_the_announced_parts() -> None:
    claims = [c for c in audit_text(REVENUE).claims if c.kind == "growth" and c.claimed == "6.5"]
    assert [c.status for c in claims] == ["consistent"]


def test_parts_that_miss_every_total_make_no_claim() -> None:
    text = REVENUE.replace("非税收入837万元", "非税收入839万元").replace("上划中省收入2628万元", "上划中省收入2620万元")
    found = sums(text)
    assert not [s for s in found if s[2] in ("breakdown announced by 其中", "breakdown announced by 按级次分")]
    assert not [c for c in loud(text) if c.startswith("S")]


TYPES = (
    "2024年第二季度,“市长信箱”共收到市民来信276件,已办结276件。\n一、总体情况\n"
    "从诉求类型来看,投诉类103件,占比37.32%;咨询类75件,占比27.17%;求助类66件,占比23.91%;"
    "建议类22件,占比7.97%;举报类10件,占比3.63%。\n"
)


def test_a_view_opener_a_paragraph_after_the_total() -> None:
    assert ("consistent", "103+75+66+22+10", "breakdown announced by 从诉求类型来看") in sums(TYPES)


def test_a_view_opener_whose_parts_miss_the_total_is_not_confirmed() -> None:
    text = TYPES.replace("求助类66件", "求助类65件")
    assert not [s for s in sums(text) if "从诉求类型来看" in s[2]]
    assert not [c for c in loud(text) if c.startswith("S")]


def test_a_nested_breakdown_inside_a_part_is_skipped() -> None:
    text = ("7月份,全省共受理消费者咨询投诉举报8704件。其中,咨询4130件,占受理总量的47.45%;"
            "投诉3953件,占受理总量的45.42%,其中商品类投诉2073件,服务类投诉1880件;举报621件,占受理总量的7.13%。")
    assert ("consistent", "4130+3953+621", "breakdown announced by 其中") in sums(text)


def test_qizhong_naming_some_parts_below_the_total() -> None:
    text = "城乡建设类1545件,占比16.74%。其中,房产监管366件、物业服务296件、保障性住房211件、道路市政设施168件。"
    assert ("consistent", "366+296+211+168", "其中 after its total: some of its parts") in sums(text)


def test_qizhong_parts_above_the_total_make_no_partial_claim() -> None:
    text = "城乡建设类1545件,占比16.74%。其中,房产监管866件、物业服务796件。"
    assert not [s for s in sums(text) if "some of its parts" in s[2]]
    assert not loud(text)


def test_each_distributes_and_is_no_partial_breakdown() -> None:
    text = "3月份有10件逾期,其中相山区政府4件,杜集区政府、市税务局及中国联通淮北分公司各1件。"
    assert not [s for s in sums(text) if "some of its parts" in s[2]]


def test_a_public_word_is_no_total_mark() -> None:
    # 一般公共预算收入 holds 共, which does not make it another total ending the list
    assert ("consistent", "26280000+17200000", "breakdown announced by 按级次分") in sums(REVENUE)


def test_bounded_parts_across_sentences_are_no_breakdown() -> None:
    # L001: 药品监督抽检 is not a part of the 农产品 checks; 超 makes both figures bounds
    text = ("完成农产品抽检2.3万批次，其中农兽药残留检测超9000批次，实现例行监测合格率达98%以上。"
            "开展药品监督抽检超1.5万批次。")
    assert not [s for s in sums(text) if "announced" in s[2]]


CENSUS = (  # d021, shortened
    "一、全市常住人口全市常住人口[3]为1961.2万人,同2000年第五次全国人口普查相比,十年共增加604.3万人,增长44.5%。\n"
    "全市常住人口中,外省市来京人员为704.5万人,占常住人口的35.9%。\n"
    "二、家庭户人口全市常住人口中共有家庭户[4]668.1万户,家庭户人口为1639.0万人。\n"
    "三、性别构成全市常住人口中,男性为1012.6万人,占常住人口的 51.6%;女性为948.6万人,占常住人口的48.4%。\n"
)


def test_parts_whose_shares_of_a_named_whole_make_100_add_up_to_it() -> None:
    assert ("consistent", "10126000+9486000", "shares of 常住人口 that make 100%") in sums(CENSUS)


def test_shares_short_of_100_make_no_sum() -> None:
    text = CENSUS.replace("48.4%", "45.4%")
    assert not [s for s in sums(text) if "make 100%" in s[2]]


def test_parts_off_the_named_whole_are_not_confirmed() -> None:
    text = CENSUS.replace("1961.2万人", "1971.2万人")
    assert not [s for s in sums(text) if "make 100%" in s[2]]


EXPRESS = (  # d083
    "1月至5月,邮政行业寄递业务量累计完成861.8亿件,同比增长17.6%。其中,快递业务量累计完成787.7亿件,同比增长20.1%。\n"
    "1月至5月,同城快递业务量累计完成64.2亿件,同比增长5.8%;异地快递业务量累计完成706.9亿件,同比增长21.5%;"
    "国际/港澳台快递业务量累计完成16.6亿件,同比增长22.4%。\n"
)


def test_kinds_named_after_the_total_add_up_to_it() -> None:
    assert ("consistent", "6420000000+70690000000+1660000000", "kinds of 快递业务量 after it") in sums(EXPRESS)
    growth = [c for c in audit_text(EXPRESS).claims if c.kind == "growth" and c.claimed == "20.1"]
    assert [c.status for c in growth] == ["consistent"]  # rebuilt from the kinds' own rates


def test_kinds_that_miss_the_total_make_no_claim() -> None:
    text = EXPRESS.replace("706.9亿件", "700.9亿件")
    assert not [s for s in sums(text) if "kinds of" in s[2]]


SUGGESTIONS = (  # d039
    "代表共提出建议、批评和意见(下称建议)1034件,比上一年增加15件。\n"
    "据介绍,这些建议由省政府组织办理950件;由省委有关部门等单位办理80件;由省政府部门和非政府部门联合办理4件。\n"
)


def test_a_referring_opener_points_back_to_its_whole() -> None:
    assert ("consistent", "950+80+4", "breakdown announced by 这些") in sums(SUGGESTIONS)


def test_a_referring_opener_whose_parts_miss_makes_no_claim() -> None:
    assert not [s for s in sums(SUGGESTIONS.replace("80件", "70件")) if "这些" in s[2]]


HOTLINE = ("2017年3月,共办理热线工单2495件。交办二级责任单位2388件,县热线办直办107件;"
           "按期回复2424件、二级单位逾期回复71件。")


def test_complementary_parts_of_a_total_in_an_earlier_sentence() -> None:
    assert ("consistent", "2424+71", "complementary parts 按期/逾期 of the total before") in sums(HOTLINE)


def test_complementary_parts_that_miss_the_earlier_total_make_no_claim() -> None:
    assert not [s for s in sums(HOTLINE.replace("71件", "61件")) if "按期/逾期" in s[2]]


COMPLAINTS = (  # d071
    "平台和自行受理录入的案件共13499件。其中受理消费者投诉9880件,占73%;举报3618件,占27%。\n"
    "受理商品消费投诉共4759件,占投诉量的48%。排名前五位的商品类投诉是食品。\n"
    "受理服务消费投诉共5121件,占投诉量的52%。\n"
)


def test_shares_of_a_measure_name_the_noun_and_run_over_paragraphs() -> None:
    assert ("consistent", "4759+5121", "shares of 投诉量 that make 100%") in sums(COMPLAINTS)


ACCIDENTS = (  # d097
    "据统计,今年以来全国发生一次死亡10人以上特大事故17起,死亡和失踪298人,同比减少6起、56人。\n"
    "记者了解到,在今年以来发生的特大事故中,工矿商贸企业发生8起,死亡和失踪162人;煤矿企业发生7起,死亡133人。"
    "金属与非金属矿发生1起,失踪29人;火灾事故发生3起,死亡40人;道路交通发生5起,死亡79人;水上交通发生1起,死亡和失踪17人。\n"
)


def test_nested_parts_are_left_out_of_an_announced_breakdown() -> None:
    assert ("consistent", "8+3+5+1") in [s[:2] for s in sums(ACCIDENTS)]


def test_nested_parts_that_still_miss_make_no_claim() -> None:
    text = ACCIDENTS.replace("火灾事故发生3起", "火灾事故发生4起")
    assert not [s for s in sums(text) if s[1] == "8+4+5"]  # a run stopping short of the list by chance


def test_two_shares_announced_by_qizhong_make_100() -> None:
    text = "1995年全市共有4 598个调解委员会,其中一类占88.5%,二类占11.5%,无三类的;规范化调委会3 457个,占总数的75.2%。"
    assert ("consistent", "88.5+11.5", "shares of one whole") in sums(text)


def test_two_shares_without_qizhong_make_no_sum() -> None:
    text = "全市调解委员会中一类占88.5%,二类占11.5%。"
    assert not [s for s in sums(text) if s[2] == "shares of one whole"]


def test_items_after_a_nested_breakdown_are_not_added_to_the_total() -> None:
    # 建筑业 belongs to 第二产业's own 其中: only 第一产业 + 第二产业 are parts of the total here
    text = ("2015年全县地区生产总值244394万元,比上年增长13.1%。其中:第一产业增加值62857万元,同比增长6.3%;"
            "第二产业增加值65585万元,同比增长9.5%,其中工业增加值完成40653万元,同比增长13.5%;"
            "建筑业增加值完成24932万元,同比增长3.7%。第三产业增加值115952万元,同比增长18.0%。")
    assert not [e for _, e, _ in sums(text) if e and "249320000" in e and "628570000" in e]


# ---- a total far before the opener that the parts meet by chance ---------------------------------

POP = ("年末全县户籍总人口51.30万人,其中城镇人口19.20万人、乡村人口32.10万人。全县现有常住人口40.2万人;"
       "城镇居住人口20.5万人,其中县城居住12.4万人;农村居住人口19.7万人。")


def test_bare_qizhong_parts_are_no_parts_of_a_figure_sentences_back() -> None:
    """12.4 + 19.7 = 32.1 (乡村人口, a sentence back) by chance: 其中 follows 城镇居住人口20.5."""
    assert not [s for s in sums(POP) if s[1] == "124000+197000" and s[0] == "consistent"]
    assert not loud(POP)


def test_bare_qizhong_parts_of_their_own_total_are_still_confirmed() -> None:
    assert ("consistent", "192000+321000", "其中 list") in sums(POP)


PROFIT = ("上半年,市属企业营业收入183.15亿元,同比增长2.82%。实现利润8.22亿元,同比增长20.30%。\n"
          "从不同行业经济效益上来看,工业类企业利税总额1.71亿元;商贸类企业利税总额6.45亿元;"
          "投资类企业利税总额0.06亿元,服务类企业利税总额3.35亿元。\n")


def test_run_that_stops_inside_a_list_named_alike_is_chance() -> None:
    """1.71 + 6.45 + 0.06 = 8.22 (利润) by chance: the 利税总额 list goes on with 3.35."""
    assert not [s for s in sums(PROFIT) if s[1] == "171000000+645000000+6000000" and s[0] == "consistent"]


def test_run_that_takes_the_whole_list_is_still_confirmed() -> None:
    text = PROFIT.replace("8.22亿元", "11.57亿元")
    assert ("consistent", "171000000+645000000+6000000+335000000",
            "breakdown announced by 从不同行业经济效益上来看") in sums(text)


# ---- a run that stops short of its list matches a far figure by chance ----
FAR = ("一、纠错情况\n申请事项中,交通类230件,占比23%。\n二、结果\n全年纠错300件,结果为撤销40件,确认违法260件。"
       "其中交通类案件150件,治安类案件50件,消防类案件30件,其他类70件。")


def test_short_run_does_not_match_a_far_figure() -> None:
    # 150 + 50 + 30 = 230 two paragraphs back is chance; the whole list adds up to 纠错300件
    assert not [s for s in sums(FAR) if s[1] == "150+50+30"]
    assert ("consistent", "150+50+30+70") in [s[:2] for s in sums(FAR)]


def test_whole_run_to_a_near_total_still_confirmed() -> None:
    text = "全年纠错290件。其中交通类案件150件,治安类案件60件,消防类案件20件,其他类60件。"
    assert ("consistent", "150+60+20+60") in [s[:2] for s in sums(text)]


# ---- a status after a part named by its kind is nested in that part ----
def test_status_after_a_kind_is_nested() -> None:
    text = "全年受理工单52000件,办结率99%,其中加急工单4100件,已及时办理4080件。"
    assert not [s for s in sums(text) if s[1] == "4100+4080"]


def test_statuses_of_the_total_still_parts() -> None:
    text = "全年受理工单52000件,其中已办结47000件,正在办理5000件。"
    assert ("consistent", "47000+5000") in [s[:2] for s in sums(text)]
