"""Growth rates, differences, points and multiples: which figures are a claim's new and old value.

Every pattern has a PASS case (consistent figures: a `consistent` claim, nothing flagged) and a
FAIL case (the same sentence with one figure wrong: flagged with the right code). Figures are invented.
"""
from __future__ import annotations

import pytest

from auditor import audit_text

LOUD = ("error", "warning")


def claims(text: str, kind: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.status, c.expression, c.code) for c in audit_text(text).claims if c.kind == kind]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in LOUD]


def confirmed(text: str, kind: str, expression: str) -> None:
    got = claims(text, kind)
    assert ("consistent", expression, None) in got, got
    assert not loud(text)


def flagged(text: str, kind: str, expression: str, code: str) -> None:
    got = claims(text, kind)
    assert any(e == expression and c == code for _, e, c in got), got
    assert code in loud(text)


# ---- the prior value in brackets or in its own clause ----------------------------------------

def test_bracketed_prior_pass() -> None:
    confirmed("共受理民事案件1250件(去年同期为1000件),同比上升25%。", "growth", "(1250-1000)/1000")


def test_bracketed_prior_fail() -> None:
    flagged("共受理民事案件1250件(去年同期为1000件),同比上升20%。", "growth", "(1250-1000)/1000", "G301")


def test_bracketed_value_of_another_metric_is_no_prior() -> None:
    """(不含上年旧存…) names a metric of its own: not the value the rate compares with."""
    text = "共受理案件5000件(不含上年旧存800件),比上年下降1.3%。"
    assert not loud(text)
    assert all(s == "unverifiable" for s, _, _ in claims(text, "growth"))


# ---- 分别 lists and labelled lists ------------------------------------------------------------

LIST = "共受理审查逮捕案件30件40人,去年同期为24件50人,件数和人数分别同比{}25%、{}20%。"


def test_each_list_pass() -> None:
    text = LIST.format("上升", "下降")
    confirmed(text, "growth", "(30-24)/24")
    confirmed(text, "growth", "(40-50)/50")


def test_each_list_fail() -> None:
    text = "共受理审查逮捕案件30件40人,去年同期为24件50人,件数和人数分别同比下降25%、20%。"
    flagged(text, "growth", "(30-24)/24", "G303")  # 30 cases against 24 is a rise, not a fall


def test_each_list_second_member_fail() -> None:
    text = "共受理审查逮捕案件30件40人,去年同期为24件50人,同比分别上升25%、下降25%。"
    flagged(text, "growth", "(40-50)/50", "G301")


def test_labelled_list_pass() -> None:
    text = "审结案件60件80人,去年同期为50件100人,同比件数上升20%、人数下降20%。"
    confirmed(text, "growth", "(60-50)/50")
    confirmed(text, "growth", "(80-100)/100")


def test_labelled_list_fail() -> None:
    text = "审结案件60件80人,去年同期为50件100人,同比件数上升20%、人数下降25%。"
    flagged(text, "growth", "(80-100)/100", "G301")


def test_list_that_does_not_pair_is_unverifiable() -> None:
    """Three levels and two rates: which two the rates speak of is not said."""
    text = "受理100件,其中刑事40件、民事60件,去年同期为80件、30件、50件,同比分别增长33.3%、20%。"
    assert not loud(text)


def test_compound_level_without_pairing_is_unverifiable() -> None:
    """18件20人 with one rate: it may measure either count."""
    text = "共审结案件18件20人,去年同期为30件40人,同比下降40%。"
    assert not loud(text)
    assert all(s == "unverifiable" for s, _, _ in claims(text, "growth"))


# ---- a share of the budget between a level and its growth rate -------------------------------

def test_share_of_budget_does_not_make_the_item_a_plan_pass() -> None:
    text = "一般公共预算收入累计完成6600万元,占年初预算数12000万元的55%,同比增长10%,增收600万元。"
    confirmed(text, "growth", "6000000/(66000000-6000000)")


def test_share_of_budget_does_not_make_the_item_a_plan_fail() -> None:
    text = "一般公共预算收入累计完成6600万元,占年初预算数12000万元的55%,同比增长12%,增收600万元。"
    flagged(text, "growth", "6000000/(66000000-6000000)", "G301")


# ---- percentage points against a prior rate --------------------------------------------------

def test_points_against_prior_rate_pass() -> None:
    confirmed("平均接通率为98.5%,比上半年平均接通率97.8%高出0.7个百分点。", "points", "98.5-97.8")


def test_points_against_prior_rate_fail() -> None:
    flagged("平均接通率为98.5%,比上半年平均接通率97.8%高出0.9个百分点。", "points", "98.5-97.8", "G302")


def test_to_level_is_not_growth() -> None:
    """提高到1.2% is the new level: no growth claim, and no rate of the nearest figures."""
    text = "研发经费116亿元,占地区生产总值的比重从0.6%提高到1.2%。"
    assert not loud(text)
    assert not claims(text, "growth")


# ---- a level in Chinese numerals is rounded to its magnitude ---------------------------------

def test_chinese_numeral_magnitude_is_rounded_pass() -> None:
    """二十八万 stands for 275000..285000, as 28万 does: 42.2% is within reach."""
    text = "招生数将从一九八○年的二十八万人增加到四十万人,增长百分之四十二点二。"
    assert not loud(text)
    assert [s for s, _, _ in claims(text, "growth")] == ["consistent"]


def test_chinese_numeral_magnitude_is_rounded_fail() -> None:
    text = "招生数将从一九八○年的二十八万人增加到四十万人,增长百分之六十。"
    assert "G301" in loud(text)


def test_traditional_magnitude_is_rounded_as_simplified_pass() -> None:
    """二十八萬 is rounded to the 萬 as 二十八万 is to the 万 (one table of magnitude words for both)."""
    text = "招生數將從一九八○年的二十八萬人增加到四十萬人,增長百分之四十二點二。"
    assert not loud(text)
    assert [s for s, _, _ in claims(text, "growth")] == ["consistent"]


def test_traditional_magnitude_is_rounded_fail() -> None:
    assert "G301" in loud("招生數將從一九八○年的二十八萬人增加到四十萬人,增長百分之六十。")


@pytest.mark.parametrize("text", [
    "共受理民事案件1250件(去年同期为1000件),同比上升25%。",
    "审结案件60件80人,去年同期为50件100人,同比件数上升20%、人数下降20%。",
])
def test_link_is_recorded(text: str) -> None:
    got = [c.detail.get("link") for c in audit_text(text).claims if c.kind == "growth" and c.status == "consistent"]
    assert got and all(got)


# ---- a total's growth rebuilt from its parts' own rates ---------------------------------------

REBUILT = "共受理案件150件,同比{}%;其中旧存50件,同比上升25%;新收100件,同比下降20%。"


def test_total_rebuilt_from_parts_pass() -> None:
    """Priors 40 and 125 (the only whole numbers for +25% and -20%): 150/165 - 1 = -9.09%."""
    text = REBUILT.format("下降9.09")
    got = [c for c in audit_text(text).claims if c.kind == "growth" and c.claimed == "9.09"]
    assert [c.status for c in got] == ["consistent"], got
    assert "own rate" in got[0].detail["link"]
    assert not loud(text)


def test_total_rebuilt_from_parts_fail_is_never_confirmed() -> None:
    """A total's rate that its parts do not give is not confirmed (nor accused: the rebuild only confirms)."""
    text = REBUILT.format("下降12")
    got = [c for c in audit_text(text).claims if c.kind == "growth" and c.claimed == "12"]
    assert got and all(c.status != "consistent" for c in got)
    assert not loud(text)


def test_parts_of_another_comparison_do_not_rebuild() -> None:
    """环比 parts say nothing of the total's 同比 rate."""
    text = "共受理案件150件,同比下降9.09%;其中旧存50件,环比上升25%;新收100件,环比下降20%。"
    got = [c for c in audit_text(text).claims if c.kind == "growth" and c.claimed == "9.09"]
    assert all(c.status != "consistent" for c in got)


def test_gdp_growth_is_real_and_not_rebuilt() -> None:
    text = "地区生产总值150亿元,下降9.1%;其中第一产业50亿元,增长25%;第二产业100亿元,下降20%。"
    assert all(c.status != "consistent" for c in audit_text(text).claims if c.kind == "growth")


# ---- whole-number granularity: a count's prior is a whole number -----------------------------

def test_granularity_fail() -> None:
    """50 = p × 1.5 needs p = 33.3; by cases 41 = p × 1.5 needs 27.3: no whole prior at all."""
    text = "共受理审查逮捕各类犯罪41件50人、上升50%。"
    got = [(c.status, c.code, c.hint) for c in audit_text(text).claims if c.kind == "growth"]
    assert got == [("inconsistent", "G301", "granularity")]
    assert "G301" in loud(text)


@pytest.mark.parametrize("text", [
    "共受理案件33件,同比增长10%。",  # 30 → 33
    "共受理审查逮捕各类犯罪42件51人、上升50%。",  # 34 → 51 (and 28 → 42)
    "共受理审查起诉各类犯罪99件136人,增加136%。",  # 42 → 99 fits the cases: which count is not said
    "执行案件315件(包括非诉执行案件7件,同比增长42.53%)。",  # the rate is the 315's, not the bracket's 7
    "共受理案件约50件,同比增长50%。",  # an approximate count
    "共受理案件1200件,同比增长7.77%。",  # a round count may be rounded
])
def test_granularity_pass(text: str) -> None:
    assert not loud(text)


def test_granularity_truncated_is_a_warning() -> None:
    """128/72 - 1 = 77.777…%: 77.77 is the truncation, not the rounding."""
    text = "民间借贷案件128件(同比增长77.77%)。"
    f = [f for f in audit_text(text).findings if f.code == "G301"]
    assert [x.severity.value for x in f] == ["warning"]


# ---- multiples (倍) ---------------------------------------------------------------------------

def test_multiple_times_pass() -> None:
    confirmed("全年办理法律援助案件120件,是上年40件的3倍。", "multiple", "120/40")


def test_multiple_times_fail() -> None:
    flagged("全年办理法律援助案件120件,是上年40件的5倍。", "multiple", "120/40", "G301")


def test_multiple_increase_pass() -> None:
    confirmed("全年受理案件336件,比上年的96件增长2.5倍。", "multiple", "336/96-1")


def test_multiple_increase_fail() -> None:
    flagged("全年受理案件336件,比上年的96件增长5.5倍。", "multiple", "336/96-1", "G301")


def test_multiple_readings_confused_is_a_warning() -> None:
    """336 = 3.5 × 96: 增长3.5倍 says 4.5 × 96; the writer meant 是…的3.5倍."""
    text = "全年受理案件336件,比上年的96件增长3.5倍。"
    f = [f for f in audit_text(text).findings if f.code == "G301"]
    assert [x.severity.value for x in f] == ["warning"]


def test_multiple_without_its_base_is_unverifiable() -> None:
    text = "改判4600余件,同比上升1.4倍。"
    assert [s for s, _, _ in claims(text, "multiple")] == ["unverifiable"]
    assert not loud(text)


def test_multiple_over_a_compared_period_is_no_level() -> None:
    """比前五年: the span of time is the period compared with, not its value."""
    text = "五年累计2.43万亿元,比前五年增长1.26倍。"
    assert not loud(text)


def test_multiple_against_compound_rate_pass() -> None:
    """1.101^9 = 2.378: 增长1.4倍 (2.35..2.45 times) holds it, and 10.1% a year is within 1.4倍's reach."""
    text = "2011年,人均生产总值达到35083元,扣除价格因素,比2002年增长1.4倍,年均增长10.1%。"
    assert [s for s, _, _ in claims(text, "multiple")] == ["consistent"]
    assert ("consistent", "(1+1.4)^(1/9)-1", None) in claims(text, "growth")
    assert not loud(text)


def test_multiple_against_compound_rate_fail_is_never_confirmed() -> None:
    text = "2011年,人均生产总值达到35083元,扣除价格因素,比2002年增长1.4倍,年均增长12.1%。"
    assert "consistent" not in [s for s, _, _ in claims(text, "multiple")]
    assert not loud(text)


# ---- a rate's change against the same rate of an earlier year --------------------------------

def test_rate_change_against_earlier_year_in_percent_pass() -> None:
    """(66-60)/60 = 10%: the change of the rate, as percent, checks out."""
    text = "在2014年,平均得分率为60%;在2015年,平均得分率为66%,上升10%。"
    assert ("consistent", "(66-60)/60", None) in claims(text, "growth")
    assert not [c for c in loud(text) if c.startswith("G")]


def test_rate_change_written_as_percent_is_points_fail() -> None:
    """61.74 - 59.7 = 2.04 points, printed with a % sign (as percent it would be 3.42%): G304."""
    text = "在2014年,平均得分率为59.7%;在2015年,平均得分率为61.74%,上升2.04%。"
    f = [x for x in audit_text(text).findings if x.code == "G304"]
    assert [x.severity.value for x in f] == ["warning"]


def test_rate_change_names_its_year() -> None:
    """较之2014年: the 2014 rate, not the 2015 one between."""
    text = "2014年,平均得分率为50%。2015年,平均得分率为55%。2016年,平均得分率为60%,较之2014年上升20%。"
    assert ("consistent", "(60-50)/50", None) in claims(text, "growth")


def test_rate_change_without_an_earlier_year_is_unverifiable() -> None:
    text = "平均得分率为61.74%,上升2.04%。"
    assert not loud(text)


# ---- a rate defined as the difference of two rates (claims.toml [identity]) ------------------

def test_natural_growth_rate_pass() -> None:
    text = "全年出生人口1.5万人,出生率为10.94‰;死亡人口1万人,死亡率为7.13‰;人口自然增长率为3.81‰。"
    confirmed(text, "difference", "10.94-7.13")


def test_natural_growth_rate_fail() -> None:
    text = "全年出生人口1.5万人,出生率为10.94‰;死亡人口1万人,死亡率为7.13‰;人口自然增长率为4.81‰。"
    flagged(text, "difference", "10.94-7.13", "G302")


def test_natural_growth_rate_needs_both_rates() -> None:
    text = "全年出生人口6312人,出生率为8.25‰,人口自然增长率为3.03‰。"
    assert not loud(text)
    assert [s for s, _, _ in claims(text, "difference")] == ["unverifiable"]


# ---- a completion ratio against the share of the year gone (序时进度) -------------------------

def test_schedule_pass() -> None:
    text = "2006年1-10月,实际到位资金100亿元,完成全年目标任务的125.64%,超进度42.31%。"
    confirmed(text, "points", "125.64-10/12×100")


def test_schedule_behind_pass() -> None:
    confirmed("上半年,财政收入完成年初预算的45.5%,低于序时进度4.5个百分点。", "points", "6/12×100-45.5")


def test_schedule_mismatch_is_never_confirmed() -> None:
    """A schedule counted by days, or to another date, is not 10/12: a mismatch confirms nothing, accuses nothing."""
    text = "2006年1-10月,实际到位资金100亿元,完成全年目标任务的125.64%,超进度40.31%。"
    assert "consistent" not in [s for s, _, _ in claims(text, "points")]
    assert not loud(text)


def test_schedule_needs_one_period() -> None:
    text = "1-10月到位资金100亿元,上半年到位60亿元,完成全年目标任务的125.64%,超进度42.31%。"
    assert "consistent" not in [s for s, _, _ in claims(text, "points")]


# ---- a difference of two averages ------------------------------------------------------------

def test_difference_of_averages_pass() -> None:
    confirmed("平均每个家庭户的人口为2.45人,比2000年人口普查的2.91人减少了0.46人。", "difference", "2.91-2.45")


def test_difference_of_averages_fail() -> None:
    flagged("平均每个家庭户的人口为2.45人,比2000年人口普查的2.91人减少了0.56人。", "difference", "2.91-2.45",
            "G302")


def test_granularity_fall_of_a_hundred_percent_at_its_rounding() -> None:
    """下降100% may be 99.6%: a large prior still fits, nothing is flagged."""
    assert not loud("办理案件3件,同比下降100%。")


def test_granularity_doubling_an_odd_count_fail() -> None:
    """3 is not twice a whole number: 增长100% has no prior (2 gives 50%, 1 gives 200%)."""
    assert "G301" in loud("办理案件3件,同比增长100%。")


# ---- level pairs and increments ---------------------------------------------------------------

def test_level_pair_difference_pass() -> None:
    confirmed("受理案件由412件增加到500件,增加88件。", "difference", "500-412")


def test_level_pair_difference_fail() -> None:
    flagged("受理案件由412件增加到500件,增加98件。", "difference", "500-412", "G302")


def test_increment_before_the_level_is_never_the_old_value_pass() -> None:
    """比上年增加88件,达到500件: 88 is the increment, so the base is 500 - 88."""
    confirmed("比上年增加88件,达到500件,增长21.4%。", "growth", "88/(500-88)")


def test_increment_before_the_level_fail() -> None:
    flagged("比上年增加88件,达到500件,增长25.4%。", "growth", "88/(500-88)", "G301")


def test_each_list_with_listed_priors_pass() -> None:
    """去年同期分别为100件、200件: the 200件 after the 、 is a prior value too."""
    text = "刑事、民事案件分别为120件、240件,去年同期分别为100件、200件,同比分别增长20%和20%。"
    confirmed(text, "growth", "(240-200)/200")


def test_each_list_with_listed_priors_fail() -> None:
    text = "刑事、民事案件分别为120件、240件,去年同期分别为100件、200件,同比分别增长20%和25%。"
    flagged(text, "growth", "(240-200)/200", "G301")


# ---- average annual growth is compound ----------------------------------------------------------

def test_compound_from_two_levels_and_years_pass() -> None:
    """(161/100)^(1/5) - 1 = 9.99%: 年均 growth is compound, not 61%/5."""
    text = "全市财政收入由2015年的100亿元增加到2020年的161亿元,年均增长10%。"
    assert [s for s, _, _ in claims(text, "growth")] == ["consistent"]
    assert not loud(text)


def test_compound_from_two_levels_mismatch_is_never_confirmed() -> None:
    text = "全市财政收入由2015年的100亿元增加到2020年的161亿元,年均增长12.2%。"  # 61/5 = 12.2: simple, not compound
    assert "consistent" not in [s for s, _, _ in claims(text, "growth")]
    assert not loud(text)


def test_compound_without_the_years_is_not_simple_growth() -> None:
    """年均 over an unstated span: the levels cannot check it."""
    text = "全市财政收入由100亿元增加到161亿元,年均增长61%。"
    assert not loud(text)
    assert "consistent" not in [s for s, _, _ in claims(text, "growth")]


def test_real_growth_is_not_nominal() -> None:
    text = "全市工业增加值达到120亿元,比上年的100亿元按可比价格计算增长8%。"
    assert not loud(text)
    assert all(s == "unverifiable" for s, _, _ in claims(text, "growth"))


def test_plan_figure_is_no_actual() -> None:
    """The target 150亿元 is not last year's value of the actual 120亿元."""
    text = "全市财政收入120亿元,计划目标为150亿元,同比增长20%。"
    assert not loud(text)


# ---- per-year figures after a change over a span of years --------------------------------------

SPAN = "全市常住人口为1961.2万人,十年共增加604.3万人,增长44.5%。平均每年增加{}万人,年平均增长率为{}%。"


def test_per_year_after_span_pass() -> None:
    """604.3/10 = 60.43; (1.445)^(1/10) - 1 = 3.75%: compound, not 44.5/10."""
    text = SPAN.format("60.4", "3.8")
    confirmed(text, "difference", "6043000/10")
    confirmed(text, "growth", "(1+44.5%)^(1/10)-1")


def test_per_year_after_span_mismatch_is_never_confirmed() -> None:
    text = SPAN.format("70.4", "4.5")  # 4.5 = 44.5/10: simple, not compound
    got = [(c.kind, c.status) for c in audit_text(text).claims if "sentence before" in c.detail.get("link", "")]
    assert got and all(s != "consistent" for _, s in got)
    assert not [c for c in loud(text) if c.startswith("G")]


def test_a_named_bracketed_part_is_not_the_level_of_the_total_growth() -> None:
    # d063: 含执行1568件 is inside the 3881; the total's rate is rebuilt from 旧存 and 新收
    from auditor import audit_text
    text = ("1-2月份,共受理各类案件3881件(含执行1568件),同比下降8.64%;其中旧存1304件(含执行634件),"
            "同比上升291.59%;新收2577件,同比下降34.18%。")
    rate = [c for c in audit_text(text).claims if c.kind == "growth" and c.claimed == "8.64"]
    assert [c.status for c in rate] == ["consistent"]
    wrong = text.replace("同比下降8.64%", "同比下降9.64%")
    rate = [c for c in audit_text(wrong).claims if c.kind == "growth" and c.claimed == "9.64"]
    assert [c.status for c in rate] != ["consistent"]


PEERS = ("今年1至4月份,全县外贸进出口总额达6.93亿美元,同比增长46.6%。其中出口额6.3亿美元,同比增长46.5%。\n"
         "“我县前四月进出口增幅高于全市22个百分点、全国18个百分点(全国增28.5%、全市增24.2%)。”\n")


def test_points_against_a_named_peer_rate_in_brackets() -> None:
    from auditor import audit_text
    found = [(c.claimed, c.status, c.expression) for c in audit_text(PEERS).claims if c.kind == "points"]
    assert ("22", "consistent", "46.6-24.2") in found and ("18", "consistent", "46.6-28.5") in found


def test_points_off_the_peer_rate_are_not_accused() -> None:
    from auditor import audit_text
    res = audit_text(PEERS.replace("全市22个百分点", "全市25个百分点"))
    assert ("25", "unverifiable") in [(c.claimed, c.status) for c in res.claims if c.kind == "points"]
    assert not [f for f in res.findings if f.code.startswith("G")]


TRIAL = ("1-2月份,共受理审判类案件2313件(去年同期为2296件),同比上升0.74%;其中旧存670件(去年同期为220件),"
         "同比上升204.55%;新收1643件,同比下降20.86%;结案1119件。")


def test_a_parts_prior_is_the_wholes_prior_less_the_other_parts() -> None:
    from auditor import audit_text
    found = [(c.claimed, c.status, c.expression) for c in audit_text(TRIAL).claims if c.kind == "growth"]
    assert ("20.86", "consistent", "1643/(2296-220)-1") in found


def test_a_part_off_the_complement_prior_is_not_accused() -> None:
    from auditor import audit_text
    res = audit_text(TRIAL.replace("同比下降20.86%", "同比下降25.86%"))
    assert ("25.86", "unverifiable") in [(c.claimed, c.status) for c in res.claims if c.kind == "growth"]
    assert not [f for f in res.findings if f.code.startswith("G") and f.severity.value == "error"]


# ---- increments of revenue, spending and output (增收/减收, 增支/减支, 增产/减产) ------------

@pytest.mark.parametrize(("text", "expression"), [
    ("全市一般公共预算支出完成98240万元,同比减支3100万元,下降3.1%。", "31000000/(982400000+31000000)"),
    ("预算支出累计完成1,655,028万元,同比增支218,447万元,增长15.21%。", "2184470000/(16550280000-2184470000)"),
    ("全年粮食总产量520万吨,比上年增产20万吨,增长4.0%。", "200000/(5200000-200000)"),
])
def test_spending_and_output_increments_pass(text: str, expression: str) -> None:
    confirmed(text, "growth", expression)


def test_spending_increment_fail() -> None:
    flagged("全市一般公共预算支出完成98240万元,同比减支3100万元,下降4.1%。", "growth",
            "31000000/(982400000+31000000)", "G301")


def test_an_increment_is_never_the_old_value() -> None:
    # 减支 names a change: read as the old value it would give a false direction error (G303)
    assert not loud("一般公共预算支出完成98240万元,同比减支3100万元,下降3.1%。")

# ---- a money change with its 元 left out (增收4,376万) ------------------------------------------

def test_money_increment_without_yuan_pass() -> None:
    confirmed("地方税收收入完成12,000万元,同比增长20%,增收2,000万。", "growth", "20000000/(120000000-20000000)")


def test_money_increment_without_yuan_fail() -> None:
    """2,000 more on 12,000 is 20% on the prior 10,000, not 25%."""
    flagged("地方税收收入完成12,000万元,同比增长25%,增收2,000万。", "growth", "20000000/(120000000-20000000)",
            "G301")


@pytest.mark.parametrize("text", [
    "地方税收收入完成12,000万元,同比增长25%,增加2,000万。",  # 增加 names no money: 2,000万 of what is not said
    "地方税收收入完成1.2亿元,同比增长25%,增收2,000万。",  # another magnitude: not read as the same sum
])
def test_bare_increment_not_linked(text: str) -> None:
    assert not loud(text)
    assert all(s == "unverifiable" for s, _, _ in claims(text, "growth"))


# ---- whole-number granularity of rates paired with their counts by a list's structure ---------

def test_labelled_list_granularity_pass() -> None:
    """27 cases from 30 is -10%; 7 deaths from 3 is +133.3%."""
    assert not loud("火灾发生事故27起,死亡7人,同比事故起数下降10%、死亡人数上升133.3%。")


def test_labelled_list_granularity_fail() -> None:
    """7 deaths: a prior of 3 gives +133.3%, 2 gives +250%: no whole prior gives 140.5%."""
    text = "火灾发生事故27起,死亡7人,同比事故起数下降10%、死亡人数上升140.5%。"
    got = [(c.status, c.code, c.hint) for c in audit_text(text).claims if c.kind == "growth"]
    assert ("inconsistent", "G301", "granularity") in got, got
    assert "G301" in loud(text)


def test_each_list_granularity_pass() -> None:
    assert not loud("道路交通发生事故27起、死亡7人,同比分别下降10%、12.5%。")  # 30 → 27, 8 → 7


def test_each_list_granularity_fail() -> None:
    """7 deaths: 8 before gives -12.5%, 9 gives -22.2%: no whole prior gives -15.5%."""
    assert "G301" in loud("道路交通发生事故27起、死亡7人,同比分别下降10%、15.5%。")


@pytest.mark.parametrize("text", [
    # the rates' clause names metrics of its own: the counts before are not theirs
    "建成重点项目3个、新增企业7家,基础设施投资、工业投资分别增长3.2%、8.5%。",
    "建成项目7个,引进人才3人,签约项目数与合同额分别增长22.1%、15.1%。",
    # average annual rates are compound over years the text does not give
    "发生事故27起,死亡7人,年均事故起数下降10%、死亡人数上升140.5%。",
])
def test_list_granularity_chance_pairing(text: str) -> None:
    assert not loud(text)


# ---- a whole measure is a rounded reading: its difference may be off by one unit -------------

def test_whole_measures_are_rounded_pass() -> None:
    text = "全国收费公路总里程由163737公里增加到168071公里,净增4335公里,增长2.6%。"
    assert not loud(text)


def test_whole_measures_are_rounded_fail() -> None:
    flagged("全国收费公路总里程由163737公里增加到168071公里,净增4345公里,增长2.6%。", "difference",
            "168071-163737", "G302")


LIST_REBUILT = "批准逮捕80件150人,分别同比下降20%和{}%;其中普通犯罪50人,同比上升25%;重大犯罪100人,同比下降20%。"


def test_later_list_member_rebuilt_from_parts_pass() -> None:
    """The 150 persons' prior is 40 + 125 from their parts' own rates: 150/165 - 1 = -9.09%, a fall."""
    text = LIST_REBUILT.format("9.09")
    got = [c for c in audit_text(text).claims if c.kind == "growth" and c.claimed == "9.09"]
    assert [c.status for c in got] == ["consistent"], got
    assert not loud(text)


def test_later_list_member_rebuilt_from_parts_fail_is_never_confirmed() -> None:
    text = LIST_REBUILT.format("12")
    got = [c for c in audit_text(text).claims if c.kind == "growth" and c.claimed == "12"]
    assert got and all(c.status != "consistent" for c in got)


def test_labelled_rate_of_another_metric_gets_no_granularity() -> None:
    """死亡人数 names deaths; the one 人 figure is the injured: no whole-number test on it."""
    assert "G301" not in loud("火灾发生事故27起,受伤7人,同比事故起数下降10%、死亡人数上升140.5%。")


# ---- an increment with a qualifier before its figure (增加将近30万人, 减少约5万吨) ------------

@pytest.mark.parametrize("text", [
    "今年共接待游客258.6万人次,较上年的210.3万人次,增加将近50万人次,增长23%。",
    "全年粮食总产量520万吨,比上年减少约20万吨,下降3.7%。",
])
def test_qualified_increment_is_a_change_pass(text: str) -> None:
    # read as the new level the change would give a false direction error (G303)
    assert not loud(text)
    assert any(s == "consistent" for s, _, _ in claims(text, "growth"))


def test_qualified_increment_is_a_change_fail() -> None:
    """258.6 over 210.3 is 23.0% more, not 33%: the rate still checks against the two levels."""
    flagged("今年共接待游客258.6万人次,较上年的210.3万人次,增加将近50万人次,增长33%。", "growth",
            "(2586000-2103000)/2103000", "G301")


# ---- the figure closing a 与/同 … 相比 frame is the old value ----------------------------------

def test_compared_frame_old_value_pass() -> None:
    confirmed("全县常住人口为52480人,与2015年的50000人相比,增加2480人,增长4.96%。", "growth",
              "(52480-50000)/50000")


def test_compared_frame_old_value_fail() -> None:
    flagged("全县常住人口为52480人,与2015年的50000人相比,增加2480人,增长5.96%。", "growth",
            "(52480-50000)/50000", "G301")


def test_compared_frame_with_tong_pass() -> None:
    confirmed("参保职工达到8800人,同上年末的8000人相比,增加了800人,增长10%。", "growth", "(8800-8000)/8000")


# ---- a rate of the subject compared with ------------------------------------------------------

BENCH = "社区卫生服务站门诊量达12.6万人次,比上年增加0.6万人次,增长{}%,{}全县总诊疗量增长水平({}%)。"


def test_benchmark_rate_is_no_growth_of_the_item() -> None:
    """高于…增长水平(3.2%): the compared subject's rate, not the item's; no error, unverifiable."""
    text = BENCH.format("5.0", "高于", "3.2")
    assert not loud(text)
    got = claims(text, "growth")
    assert ("consistent", "6000/(126000-6000)", None) in got, got
    assert ("unverifiable", None, None) in got, got


def test_benchmark_rate_lower_is_no_growth_either() -> None:
    text = BENCH.format("5.0", "低于", "7.5")
    assert not loud(text)


def test_benchmark_does_not_hide_the_items_own_wrong_rate() -> None:
    text = BENCH.format("8.0", "高于", "3.2")
    flagged(text, "growth", "6000/(126000-6000)", "G301")


# ---- figures set off by spaces (text taken from a PDF) ---------------------------------------------

SPACED = "全县农村居民人均可支配收入 23150 元,比 上年增加 1380 元,增长 {}%。"


def test_increment_set_off_by_a_space_is_still_the_increment_pass() -> None:
    """增加 1380 元: the space before the figure does not make it the old value (no 2000% growth)."""
    confirmed(SPACED.format("6.3"), "growth", "1380/(23150-1380)")


def test_increment_set_off_by_a_space_fail() -> None:
    flagged(SPACED.format("8.3"), "growth", "1380/(23150-1380)", "G301")


# ---- a growth rate of its own between two levels: the earlier one is no old value -------------------------

def test_a_level_with_its_own_growth_rate_is_no_old_value_fail() -> None:
    # the ； between the items is missing: 8.4万 has its own 7.1%, it is not 来访's value of last year
    text = "全年共受理信访事项12.5万件,同比增长8.2%。其中,来信8.4万件,同比增长7.1%来访4.1万件,同比增长10.5%。"
    r = audit_text(text)
    assert not [f for f in r.findings if f.code == "G301"]


def test_an_old_value_marked_as_such_is_still_compared_pass() -> None:
    text = "其中,来信84000件,同比增长7.1%;来访41000件,去年同期为38000件,同比增长10.5%。"
    assert [f for f in audit_text(text).findings if f.code == "G301"]


# ---- an increase since the start of the year backs no year-on-year rate ------------------------------------

def test_an_increase_since_january_is_no_year_on_year_change_fail() -> None:
    for text in ("截至6月末,全市制造业贷款余额为1840.5亿元,同比增长18.2%,较年初增加96.4亿元。",
                 "截至6月末,全市制造业贷款余额为1840.5亿元,较年初增加96.4亿元,同比增长18.2%。"):
        assert not [f for f in audit_text(text).findings if f.code == "G301"]


def test_an_increase_over_the_year_before_still_backs_its_rate_pass() -> None:
    text = "年末全市存款余额为1840.5亿元,比上年末增加96.4亿元,增长9.5%。"
    assert [f for f in audit_text(text).findings if f.code == "G301"]


def test_a_rate_after_an_increase_since_january_shares_its_base_pass() -> None:
    # 比年初增投5.12亿元,增长25.0%: both counted from January; 增投 is an increment, no old value
    text = "年末金融机构各项贷款余额25.60亿元,比年初增投5.12亿元,增长25.0%。"
    r = audit_text(text)
    assert not [f for f in r.findings if f.code == "G301"]
    assert [c.status for c in r.claims if c.kind == "growth"] == ["consistent"]


def test_a_note_on_the_prior_value_is_no_new_value_fail() -> None:
    text = ("(2)税务局镇本级收入8,240万元,完成年初预算21.30%,比上年同期9,100万元(上年同期实绩含代征收入1,250万元),"
            "下降9.45%。")
    assert not [f for f in audit_text(text).findings if f.code == "G301"]


def test_the_level_before_a_noted_prior_is_still_compared_pass() -> None:
    text = "(2)税务局镇本级收入8,240万元,比上年同期9,100万元(上年同期实绩含代征收入1,250万元),下降19.45%。"
    assert [f for f in audit_text(text).findings if f.code == "G301"]


# ---- a change after the breakdown of a total (relate/breakdowns.py) ------------------------------

@pytest.mark.parametrize("text", [
    "全县财政收入完成61200万元(其中县本级完成50100万元,园区完成11100万元),同比增收4300万元,增长7.56%。",
    "全县财政收入完成61200万元(县本级50100万元,园区11100万元),比上年增加4300万元,增长7.56%。",
    "全县财政收入完成61200万元(其中税收收入42800万元、占69.93%,非税收入18400万元、占30.07%),"
    "同比增收4300万元,增长7.56%。",
])
def test_change_after_closed_breakdown_is_the_totals_pass(text: str) -> None:
    """4300/(61200-4300) = 7.557%: the bracket closed, the change speaks of the total, not of its last part."""
    assert not loud(text)
    assert [s for s, _, _ in claims(text, "growth")] == ["consistent"]


def test_change_after_closed_breakdown_is_the_totals_fail() -> None:
    text = "全县财政收入完成61200万元(其中县本级完成50100万元,园区完成11100万元),同比增收4300万元,增长9.8%。"
    assert "G301" in loud(text)


def test_change_after_open_breakdown_never_accuses() -> None:
    """其中…,同比增收: the last part's change or the total's; the text does not say which."""
    text = "全县财政收入完成61200万元,其中县本级完成50100万元、园区完成11100万元,同比增收4300万元,增长7.56%。"
    assert not loud(text)


def test_change_after_an_aside_is_the_parts_fail() -> None:
    """A bracket closed before the part is an aside (占…), not a breakdown: the part's own change accuses."""
    text = "税收收入50100万元(占81.9%),非税收入11100万元,同比增收1300万元,增长25%。"
    assert "G301" in loud(text)


def test_raised_by_an_amount_is_an_increment_pass() -> None:
    """比上年提高310元 is the change, as 增加310元 is: 310/(4120-310) = 8.14%."""
    text = "农村居民人均月收入为4120元,比上年提高310元,增长8.1%。"
    assert not loud(text)
    assert [s for s, _, _ in claims(text, "growth")] == ["consistent"]


def test_raised_by_an_amount_is_an_increment_fail() -> None:
    assert "G301" in loud("农村居民人均月收入为4120元,比上年提高310元,增长12.5%。")


def test_cut_by_an_amount_is_an_increment_pass() -> None:
    """比上年4.00万亩削减0.20万亩 is a change from the prior level: (3.80-4.00)/4.00 = -5.0%."""
    text = "秋粮播种面积3.80万亩,比上年4.00万亩削减0.20万亩,减5.0%。"
    assert not loud(text)
    assert [s for s, _, _ in claims(text, "growth")] == ["consistent"]


def test_cut_by_an_amount_is_an_increment_fail() -> None:
    assert "G301" in loud("秋粮播种面积3.80万亩,比上年4.00万亩压减0.20万亩,减6.0%。")


def test_a_change_word_with_its_money_noun_states_the_increment() -> None:
    # 较上年同期增加支出1.20亿元: the increase, not last year's level (1.2/7.2 = 16.67%)
    text = "全年全镇教育支出达8.40亿元,较上年同期增加支出1.20亿元,增幅达{x}%。"
    assert [f.code for f in audit_text(text.format(x="16.67")).findings] == []
    assert [(f.code, f.expression) for f in audit_text(text.format(x="19.5")).findings] == \
        [("G301", "120000000/(840000000-120000000)")]


def test_an_aside_that_sets_an_amount_aside_or_names_another_subject_is_not_the_levels() -> None:
    # 扣除…1.40亿元后: an amount set aside, no prior; 税收收入…减收3000万元,下降5.00%: a change of another
    # subject, whose level the text never states (neither is of the 8.4亿 level)
    text = ("全年一般公共预算收入完成8.4000亿元,同比增长20.00%(扣除不可比一次性收入1.40亿元后,增长0.00%。"
            "受减税影响,税收收入比上年减收3000万元,下降5.00%);财政支出完成21.6亿元。")
    r = audit_text(text)
    assert [f.code for f in r.findings] == []
    paired = [c.expression or "" for c in r.claims if c.kind in ("growth", "difference")]
    assert not any("140000000" in e or "30000000/(840000000" in e for e in paired), paired


def test_a_change_compared_with_a_named_estimate_is_of_the_level_before_it() -> None:
    # 比上年的预计数增加了12亿元: the 预计数 is the base compared with, not another subject (12/75 = 16%)
    text = "今年的基本建设总投资额,拟定为八十七亿元,比上年的预计数增加了十二亿元,增长百分之十六。"
    assert [c.status for c in audit_text(text).claims if c.kind == "growth"] == ["consistent"]


@pytest.mark.parametrize("tax", ["增值税收入", "消费税收入"])
def test_a_change_after_qizhong_is_a_parts_not_the_levels(tax: str) -> None:
    # 其中…比上年减收2000万元,下降6.25%: the change of a part (whose level is not stated), neither the 5.2亿's
    # own change (增长3% over it) nor the base of 下降6.25% (增值税: 增 is no verb there, the part has no subject)
    text = f"全县一般公共预算收入5.2亿元,增长3%(其中{tax}比上年减收2000万元,下降6.25%)。"
    r = audit_text(text)
    assert [f.code for f in r.findings] == []
    growth = [(c.claimed, c.status) for c in r.claims if c.kind == "growth"]
    assert growth == [("3", "unverifiable"), ("6.25", "unverifiable")]


def test_a_change_after_a_closed_breakdown_is_still_the_totals() -> None:
    # the bracket closes before the change: 3900万 is the 4.85亿's increase (0.39/4.46 = 8.74%)
    text = "全县税收收入4.85亿元(其中县本级4.02亿元,开发区0.83亿元),同比增收0.39亿元,增长{x}%。"
    assert [c.status for c in audit_text(text.format(x="8.7")).claims if c.kind == "growth"] == ["consistent"]
    assert "G301" in [f.code for f in audit_text(text.format(x="9.7")).findings]


def test_a_rate_naming_another_base_takes_no_figure_of_the_comparison_before() -> None:
    # 比快报数…增加15万元 compares with the flash figure; 比上年决算数下降9.5% with last year's accounts, not stated
    text = "镇本级收入27615万元,比快报数27600万元增加15万元,比上年决算数下降9.5%。"
    r = audit_text(text)
    assert [f.code for f in r.findings] == []
    assert [(c.status, c.expression) for c in r.claims if c.kind == "growth"] == [("unverifiable", None)]
    # the same comparison named on both sides keeps its figures: (27615-27600)/27600 = 0.05%
    same = "镇本级收入27615万元,比快报数27600万元增加15万元,比快报数增长{x}%。"
    assert [c.status for c in audit_text(same.format(x="0.05")).claims if c.kind == "growth"] == ["consistent"]


def test_a_rate_after_qizhong_with_no_level_of_its_own_is_a_parts() -> None:
    # 其中:增值业务下降30%: the rate of a part whose level is not stated, not of 6200万 and its change
    text = "全镇实现服务收入6200万元,较上年减收800万元,下降11.43%。其中:增值业务下降30%,传统业务增长5%。"
    r = audit_text(text)
    assert [f.code for f in r.findings] == []
    assert [(c.claimed, c.status) for c in r.claims if c.kind == "growth"] == \
        [("11.43", "consistent"), ("30", "unverifiable"), ("5", "unverifiable")]


@pytest.mark.parametrize("change", ["同比增加12.4亿元,增幅为16.9%", "同比减少12.4亿元,降幅为12.6%"])
def test_a_rate_of_a_narrowed_scope_takes_no_level_before_it(change: str) -> None:
    # 若扣除地产板块,…则同比增长7.2%: the rate of the group less one sector, which no figure states
    text = f"全年,区属企业实现利润总额86亿元,{change}。若扣除地产板块,区属企业实现利润总额则同比增长7.2%。"
    r = audit_text(text)
    assert [f.code for f in r.findings] == []
    assert [c.status for c in r.claims if c.kind == "growth"] == ["consistent", "unverifiable"]


def test_a_note_in_brackets_narrows_the_figure_before_it_not_the_rate() -> None:
    text = "全县一般公共预算收入9.45亿元(不含上划收入),同比增长{x}%,增收4500万元。"
    assert [c.status for c in audit_text(text.format(x="5")).claims if c.kind == "growth"] == ["consistent"]
    assert "G301" in [f.code for f in audit_text(text.format(x="6")).findings]


def test_a_decrease_is_no_increment_of_a_rate_that_rises() -> None:
    # 同比减少20亿元 … 营业收入同比增长9.5%: the level's own change falls; the rate's rise is of something else
    text = "区属企业营业收入210亿元,同比减少20亿元;营业收入同比增长9.5%。"
    r = audit_text(text)
    assert [f.code for f in r.findings] == []
    assert [c.status for c in r.claims if c.kind == "growth"] == ["unverifiable"]


def test_a_base_named_with_its_year_is_named_too() -> None:
    # 比2022年决算数增长18.8%: not the 调整数 the increment before it is counted from
    text = "转移性收入36200万元,比调整数35800万元增加400万元,比2022年决算数增长18.8%。"
    assert [f.code for f in audit_text(text).findings] == []
    assert [c.status for c in audit_text(text).claims if c.kind == "growth"] == ["unverifiable"]


def test_a_figure_after_a_closed_comparison_frame_is_not_the_value_compared_with() -> None:
    # 与2019年相比8.4万元: the value compared with stands inside the frame (与2019年的8.4万元相比); after it, the
    # figure is the change (or the level), so 15.2/8.4 - 1 is no reading of 增加28.6%
    text = "全年实验设备购置经费38.8万元,占12.5%,与2019年相比8.4万元,增加28.6%。"
    r = audit_text(text)
    assert [f.code for f in r.findings] == []
    inside = "全年实验设备购置经费38.8万元,与2019年的30.2万元相比,增加{x}%。"
    assert [c.status for c in audit_text(inside.format(x="28.5")).claims if c.kind == "growth"] == ["consistent"]
    assert "G301" in [f.code for f in audit_text(inside.format(x="38.5")).findings]


def test_a_note_mark_inside_a_comparison_frame_changes_nothing() -> None:
    # 与…的总人口412630人②相比: the value compared with, its note mark between it and 相比
    text = "全区常住总人口为451220人。与2010年第六次全国人口普查的总人口412630人②相比,十年共增加38590人,增长{x}%。"
    assert [c.status for c in audit_text(text.format(x="9.35")).claims if c.kind == "growth"] == ["consistent"]
    assert "G301" in [f.code for f in audit_text(text.format(x="10.35")).findings]


def test_a_change_naming_its_own_subject_takes_that_subjects_level() -> None:
    # 苗族人口增加3150人 is the 苗族's change (3150/(36420-3150) = 9.47%), not of 其他各族人口 before it, though the
    # two names share 族人口 and no 。 ends the list of shares
    text = ("全镇常住人口中,苗族人口为36420人,占58.30%;其他各族人口为26050人,占41.70%同2010年相比,"
            "苗族人口增加3150人,增长{x}%;其他各族人口增加980人,增长3.91%。")
    assert [f.code for f in audit_text(text.format(x="9.47")).findings] == []
    assert [c.expression for c in audit_text(text.format(x="9.47")).claims if c.kind == "growth"][0] == \
        "3150/(36420-3150)"


@pytest.mark.parametrize("base", ["412630人(ren)(ren)", "41.26萬(wàn)人"])
def test_a_pinyin_gloss_inside_a_comparison_frame_changes_nothing(base: str) -> None:
    # pages that gloss characters with pinyin: the value compared with is still the one before 相比
    text = f"全区常住人口为45.12萬人。這一數據與2010年的{base}相比,增加3.86萬(wàn)人,增長(cháng)9.35%。"
    assert "G301" not in [f.code for f in audit_text(text).findings]


def test_a_rate_whose_item_states_its_own_level_borrows_no_other() -> None:
    # 服务总人次2.74亿 (no measure word after it) is the rate's own level: 增加18个 of the stations before is not its
    # increment, though 乡镇综合文化站 opens both subjects
    text = ("乡镇综合文化站1236个,比上年末增加18个;馆藏图书1.85亿册,增长3.6%。"
            "全年乡镇综合文化站服务总人次2.74亿,增长8.8%。")
    r = audit_text(text)
    assert [f.code for f in r.findings] == []
    assert [c.status for c in r.claims if c.kind == "growth" and c.claimed == "8.8"] == ["unverifiable"]


def test_a_change_in_the_sentence_after_a_qizhong_sentence_never_accuses() -> None:
    # 其中,…公务用车运行费480万元。比上年减少150万元,下降20%: the total's change (150/750) or the last part's: the
    # text does not say, so neither reading accuses
    text = ("2021年,本单位“三公”经费预算为600万元。其中,公务接待费120万元,公务用车运行费480万元。"
            "比上年减少150万元,下降20%。")
    assert "G301" not in [f.code for f in audit_text(text).findings]


def test_a_parts_rate_inside_a_bracket_takes_no_change_stated_past_the_bracket() -> None:
    """下降4.8% is 园区's (in the bracket); 比…减少2000万元 after the bracket is the 15000万元 total's."""
    text = ("全县非税收入预算安排15000万元(其中:县本级11000万元,下降6%;园区4000万元,下降4.8%),"
            "比代表大会批准数减少2000万元,下降{x}%。")
    from auditor import audit_text

    ok = audit_text(text.format(x="11.76"))
    assert "G301" not in [f.code for f in ok.findings]
    assert [c.status for c in ok.claims if c.kind == "growth" and c.text.endswith("11.76%")] == ["consistent"]
    assert "G301" in [f.code for f in audit_text(text.format(x="15")).findings]


def test_a_narrowing_before_its_own_bracket_narrows_the_rate() -> None:
    """剔除不可比因素(剔除A 4亿元、B 1.6亿元),同比增长5.2%: the bracket lists what is set aside; the two amounts are
    no levels of two years, and the narrowed prior is not stated."""
    from auditor import audit_text

    text = ("2024年,全县一般公共预算支出31.2亿元,比上年下降3.1%,"
            "剔除不可比因素(剔除救灾专项4亿元、一次性债券补助1.6亿元),同比增长5.2%。")
    r = audit_text(text)
    assert not [f for f in r.findings if f.code.startswith("G30")]
    assert [c.status for c in r.claims if c.kind == "growth" and c.claimed == "5.2"] == ["unverifiable"]
