"""Quantity mentions: what is read as a figure (value, unit, kind, qualifier), what is not, and
properties that hold for any text (spans, full-width digits, no crash)."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from auditor import audit_text
from auditor import extract as X
from auditor.extract import extract
from auditor.model import QUANTITY_KINDS, Quantity

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def mention(text: str, fragment: str) -> Quantity:
    """The mention whose span is exactly `fragment` (its first occurrence)."""
    qs = extract(text)
    for q in qs:
        if q.text == fragment:
            return q
    raise AssertionError(f"{fragment!r} not read; got {[(q.text, q.kind) for q in qs]}")


# (sentence, the mention as written, value, unit, kind, qualifier)
POSITIVE = [
    ("全年共受理行政复议案件128件,办结121件", "128件", "128", "件", "count", None),
    ("全省法院新收各类案件321 146件", "321 146件", "321146", "件", "count", None),
    ("占有罪人犯总数2 189人", "2 189人", "2189", "人", "count", None),
    ("累计接待来访群众87.5余万人次", "87.5余万人次", "875000", "人次", "count", "余"),
    ("完成造林绿化1.8万亩", "1.8万亩", "18000", "亩", "measure", None),
    ("发放法律援助补贴26.4万元", "26.4万元", "264000", "元", "money", None),
    ("累计参训人员达15万余人次", "15万余人次", "150000", "人次", "count", "达 余"),
    ("化解率达到96.3%", "96.3%", "96.3", "%", "percent", "达到"),
    ("满意率为９７．５％", "９７．５％", "97.5", "%", "percent", None),
    ("同比下降2.4个百分点", "2.4个百分点", "2.4", "个百分点", "points", None),
    ("收案数量是上年的3倍", "3倍", "3", "倍", "multiple", None),
    ("群众满意度超过九成", "九成", "90", "%", "percent", "超过"),
    ("九成五的事项实现网上办理", "九成五", "95", "%", "percent", None),
    # a bound after 成 or 折 belongs to the figure
    ("及格率已经达到8成以上。", "8成以上", "80", "%", "percent", "达到 以上"),
    ("七成左右的企业", "七成左右", "70", "%", "percent", "左右"),
    ("商品打8折以下", "8折以下", "80", "%", "percent", "以下"),
    ("门票按八折收取", "八折", "80", "%", "percent", None),
    ("同比增长百分之十二点五", "百分之十二点五", "12.5", "%", "percent", None),
    ("政务服务事项实现百分之百网上可办", "百分之百", "100", "%", "percent", None),
    ("复议纠错率百分百落实", "百分百", "100", "%", "percent", None),
    ("投诉率控制在千分之三以内", "千分之三以内", "3", "‰", "percent", "以内"),
    ("受理案件1,100万件", "1,100万件", "11000000", "件", "count", None),
    ("全县参保25万6千人", "25万6千人", "256000", "人", "count", None),
    ("新增城镇就业3万4000人", "3万4000人", "34000", "人", "count", None),
    ("补助资金1千零20元", "1千零20元", "1020", "元", "money", None),
    ("共计二十五件", "二十五件", "25", "件", "count", None),
    ("全乡两千三百余户", "两千三百余户", "2300", "户", "count", "余"),
    ("培训基层干部1200多人次", "1200多人次", "1200", "人次", "count", "多"),
    ("每季度开展督查不少于两次", "两次", "2", "次", "count", "不少于"),
    ("约350名干部参加培训", "350名", "350", "名", "count", "约"),
    ("参加人数5000人左右", "5000人左右", "5000", "人", "count", "左右"),
    ("涉案金额近700万元", "700万元", "7000000", "元", "money", "近"),
    ("惠及群众二十几万人", "二十几万人", "200000", "人", "count", "几"),
    ("涉案金额壹拾贰万叁仟元整", "壹拾贰万叁仟元整", "123000", "元", "money", None),
    ("误餐补助每人十二元五角", "十二元五角", "12.5", "元", "money", None),
    ("最低气温零下四摄氏度", "零下四摄氏度", "-4", "摄氏度", "measure", None),
    ("利润同比增长-3.5%", "-3.5%", "-3.5", "%", "percent", None),
    ("收到捐款￥3000", "￥3000", "3000", "元", "money", None),
    ("全年投入资金三点五亿元", "三点五亿元", "350000000", "元", "money", None),
    ("共计 3 万元", "3 万元", "30000", "元", "money", None),
    ("办理信访事项1114 件", "1114 件", "1114", "件", "count", None),
    ("预算执行率为98.56 %", "98.56 %", "98.56", "%", "percent", None),
    ("另有两个亿的项目资金", "两个亿", "200000000", "", "number", None),
    ("月薪15k左右", "15k左右", "15000", "", "number", "左右"),
    ("发放手册12345份", "12345份", "12345", "份", "count", None),
    ("组织培训120余场", "120余场", "120", "场", "count", "余"),
    ("为1690名老人发放补贴", "1690名", "1690", "名", "count", None),
]


@pytest.mark.parametrize(("text", "fragment", "value", "unit", "kind", "approx"), POSITIVE)
def test_quantity(text: str, fragment: str, value: str, unit: str, kind: str, approx: str | None) -> None:
    q = mention(text, fragment)
    assert (q.value, q.unit, q.kind, q.approx) == (Decimal(value), unit, kind, approx)


# (sentence, mention, low, high, unit, kind)
RANGES = [
    ("每年开展宣传活动3至5次", "3至5次", "3", "5", "次", "count"),
    ("差异率控制在5-20%", "5-20%", "5", "20", "%", "percent"),
    ("预计总投资八到九百亿元", "八到九百亿元", "80000000000", "90000000000", "元", "money"),
    ("项目投资一千到两千万元", "一千到两千万元", "10000000", "20000000", "元", "money"),
    ("补贴标准为20至30万元", "20至30万元", "200000", "300000", "元", "money"),
    ("单笔金额从8500到3万元", "8500到3万元", "8500", "30000", "元", "money"),
    ("执法人员年龄在25~40岁", "25~40岁", "25", "40", "岁", "label"),  # an age band: a label
    ("培训时长为2-3小时", "2-3小时", "2", "3", "小时", "measure"),
]


@pytest.mark.parametrize(("text", "fragment", "low", "high", "unit", "kind"), RANGES)
def test_range_carries_unit_and_magnitude(text: str, fragment: str, low: str, high: str, unit: str,
                                          kind: str) -> None:
    q = mention(text, fragment)
    assert (q.value, q.high, q.unit, q.kind) == (Decimal(low), Decimal(high), unit, kind)


@pytest.mark.parametrize(("text", "fragment", "value"), [
    ("全市三分之二以上的村建立了调解室", "三分之二以上", Fraction(2, 3)),
    ("约四分之一的案件当场化解", "四分之一", Decimal("0.25")),
    ("三又三分之一", "三又三分之一", Fraction(10, 3)),
])
def test_ratio(text: str, fragment: str, value: Decimal | Fraction) -> None:
    q = mention(text, fragment)
    assert (q.value, q.kind) == (value, "ratio")


@pytest.mark.parametrize(("text", "fragment", "decimals", "scale"), [
    ("资金39.22余万元", "39.22余万元", 2, 10**4),
    ("办结率99.90%", "99.90%", 2, 1),
    ("案件1200件", "1200件", 0, 1),
    ("完成八点五成", "八点五成", 0, 1),
])
def test_reported_precision(text: str, fragment: str, decimals: int, scale: int) -> None:
    q = mention(text, fragment)
    assert (q.decimals, q.scale) == (decimals, scale)


@pytest.mark.parametrize(("text", "fragment", "approx"), [
    ("受理案件300余件", "300余件", "余"),
    ("培训300多人次", "300多人次", "多"),
    ("惠及近5000户", "5000户", "近"),
    ("投入约1.2亿元", "1.2亿元", "约"),
    ("参加人数800人左右", "800人左右", "左右"),
    ("满意率90%以上", "90%以上", "以上"),
    ("误差在5%以下", "5%以下", "以下"),
    ("办件超过500件", "500件", "超过"),
    ("占比不足10%", "10%", "不足"),
    ("每年不少于两次", "两次", "不少于"),
    ("结案率达98.5%", "98.5%", "达"),
    ("逾300名志愿者参与", "300名", "逾"),
])
def test_qualifiers_as_written(text: str, fragment: str, approx: str) -> None:
    assert mention(text, fragment).approx == approx


def test_points_never_merge_with_percent() -> None:
    kinds = {q.text: q.kind for q in extract("占比12.5%,比上年提高1.5个百分点")}
    assert kinds == {"12.5%": "percent", "1.5个百分点": "points"}


# (sentence, fragment that must not be counted, its look-alike kind or None when it is no mention)
NOT_QUANTITY = [
    ("2023年全县共受理案件", "2023", "year"),
    ("二〇二三年工作总结", "二〇二三", "year"),
    ("2019-2021年规划", "2019-2021", "year"),
    ("围绕3·15消费者权益日开展宣传", "3·15", "date"),
    ("组织“12·4”国家宪法日活动", "12·4", "date"),
    ("发布时间2025年09月05日", "2025年09月05日", "date"),
    ("于5月12日召开会议", "5月12日", "date"),
    ("上午9点30分开庭", "9点30分", "date"),
    ("定于下午3点召开", "3点", "date"),
    ("第三季度办结率提升", "第三季度", "date"),
    ("1.加强组织领导", "1.", "list_marker"),
    ("（一）健全工作机制", "（一）", "list_marker"),
    ("一是强化普法宣传", "一是", "list_marker"),
    ("拨打12345热线反映问题", "12345", "code"),
    ("12348法律服务热线全天服务", "12348", "code"),
    ("根据〔2023〕5号文件要求", "〔2023〕5号", "code"),
    ("第一师106团开展排查", "106", "code"),
    ("第三师召开会议", "第三", "ordinal"),
    ("落实“1+4+X”工作机制", "1+4+X", "label"),
    ("推行“3+”服务模式", "3+", "label"),
    ("严格执行“三重一大”制度", "三重一大", "label"),
    ("版本号3.2.1", "3.2.1", "code"),
    ("身份证号330102199001011234", "330102199001011234", "code"),
    ("电话0571-88886666", "0571-88886666", "code"),
    ("5G基站建设", "5G", "code"),
    ("差评率=差评数/评价数*100%", "100%", "label"),  # the factor of a formula
    ("结案率=结案数÷收案数×100%", "100%", "label"),
]


@pytest.mark.parametrize(("text", "fragment", "kind"), NOT_QUANTITY)
def test_look_alike(text: str, fragment: str, kind: str) -> None:
    q = mention(text, fragment)
    assert q.kind == kind
    assert not q.is_quantity


@pytest.mark.parametrize("text", [
    "统一受理群众诉求", "实行一站式服务", "一把手负总责", "坚持一案一补", "村两委换届", "落实第一责任人制度",
    "万一发生险情", "年末结余资金", "开展八五普法宣传", "进一步规范执法", "三四个部门联合检查", "两三次整改",
    "登陆部队已经上岸", "小明拾起石子", "队伍人才短缺", "百姓满意", "一波三折",
    "三番五次催办", "百分之二三十", "两两结对", "五百分之2.2", "涌现出一批先进典型", "与上一年度持平",
    "严格落实三重一大制度",
])
def test_no_counted_quantity(text: str) -> None:
    assert [q.text for q in extract(text) if q.is_quantity] == []


@pytest.mark.parametrize(("text", "figures"), [
    ("第 1 页 共 100 页", ["100"]),  # digits apart with no measure word right after stay apart
    ("编号 12 345 678", ["12", "345", "678"]),
])
def test_spaced_digits_without_unit_stay_apart(text: str, figures: list[str]) -> None:
    assert [q.text for q in extract(text) if q.kind == "number"] == figures


@pytest.mark.parametrize(("text", "fragment", "script"), [
    ("受理128件", "128件", "arabic"), ("受理一百二十八件", "一百二十八件", "chinese"),
    ("完成1.8万亩", "1.8万亩", "mixed"), ("参保25万6千人", "25万6千人", "mixed"),
])
def test_numeral_script(text: str, fragment: str, script: str) -> None:
    assert mention(text, fragment).numeral == script


def test_year_value_is_kept_for_reference() -> None:
    (q,) = [q for q in extract("2023年") if q.kind == "year"]
    assert q.value == 2023


def test_spans_and_order() -> None:
    text = "2023年共受理案件128件，办结121件，办结率94.5%。"
    qs = extract(text)
    assert [q.start for q in qs] == sorted(q.start for q in qs)
    assert all(text[q.start:q.end] == q.text for q in qs)
    assert [q.text for q in qs if q.is_quantity] == ["128件", "121件", "94.5%"]


# --- slips seen on full-length reports ------------------------------------------------------
# (sentence, mention, value, unit, kind, decimals)
WRITTEN_APART = [
    # full-width commas as thousands separators, when a unit or magnitude follows the groups
    ("全区蔬菜产量4，608万吨", "4，608万吨", "46080000", "吨", "measure", 0),
    ("共发放补贴3，275，410元", "3，275，410元", "3275410", "元", "money", 0),
    ("新增用户2，416.5万户", "2，416.5万户", "24165000", "户", "count", 1),
    ("投资总额2，406,300元", "2，406,300元", "2406300", "元", "money", 0),  # mixed with ASCII groups
    ("年末登记总数6，352\n", "6，352", "6352", "", "number", 0),  # the groups end the line
    # a middle dot as the decimal point before a percent sign
    ("旅游收入增长13·6％", "13·6％", "13.6", "%", "percent", 1),
    ("参保率达到9・4%", "9・4%", "9.4", "%", "percent", 1),
    # digits a PDF spelt out one by one
    ("群众知晓率为9 3 ％", "9 3 ％", "93", "%", "percent", 0),
    ("同比回落6 ．2 ％", "6 ．2 ％", "6.2", "%", "percent", 1),
    ("办结1 2 件", "1 2 件", "12", "件", "count", 0),
]


@pytest.mark.parametrize(("text", "fragment", "value", "unit", "kind", "decimals"), WRITTEN_APART)
def test_figure_written_apart(text: str, fragment: str, value: str, unit: str, kind: str, decimals: int) -> None:
    q = mention(text, fragment)
    assert (q.value, q.unit, q.kind, q.decimals) == (Decimal(value), unit, kind, decimals)


@pytest.mark.parametrize(("text", "figures"), [
    ("新建站点2，3个", ["2", "3个"]),  # a comma before one or two digits: two figures
    ("受理案件分别为7，260件", ["7", "260件"]),  # list items after 分别为
    ("抽查批次依次为4，5，6", ["4", "5", "6"]),
    ("样本编号为31，452，已归档", ["31", "452"]),  # no unit after the groups: the sentence's commas
    ("规划期2019 2020年", ["2019"]),  # two separate numbers never run together
])
def test_commas_and_spaces_between_figures_keep_them_apart(text: str, figures: list[str]) -> None:
    assert [q.text for q in extract(text) if q.kind in ("number", "count", "code")] == figures


@pytest.mark.parametrize(("text", "figures"), [
    ("垃圾火灾18起,占7.20%.3、从起火原因分析", ["18起", "7.20%"]),  # an ASCII full stop, then item 3
    ("占比达12.5‰.2、其他", ["12.5‰"]),
    ("误差为.5个百分点", [".5个百分点"]),  # a bare leading point after a word still reads
])
def test_point_after_a_percent_sign_starts_no_figure(text: str, figures: list[str]) -> None:
    assert [q.text for q in extract(text) if q.is_quantity or q.kind == "number"] == figures


@pytest.mark.parametrize(("text", "terms"), [
    ("三次产业结构调整为6.1∶39.4∶54.5", ["6.1", "39.4", "54.5"]),
    ("一二三产业之比为8.2：41.3：50.5", ["8.2", "41.3", "50.5"]),
    ("按2:3:5的比例分配", ["2", "3", "5"]),
])
def test_ratio_notation(text: str, terms: list[str]) -> None:
    qs = [q for q in extract(text) if q.kind not in ("year", "date")]
    assert [(q.text, q.kind) for q in qs] == [(t, "ratio") for t in terms]
    assert [q.value for q in qs] == [Decimal(t) for t in terms]


def test_time_with_seconds_is_no_ratio() -> None:
    (q,) = extract("系统于08:15:30自动备份")
    assert (q.text, q.kind) == ("08:15:30", "date")


@pytest.mark.parametrize("text", [
    "一部分企业经营困难", "一小部分村庄尚未通网", "一方面加大投入", "出台一系列政策", "引进一大批人才",
    "三次产业协调发展",
])
def test_article_words_are_no_figures(text: str) -> None:
    assert [(q.text, q.kind) for q in extract(text)] == []


@pytest.mark.parametrize(("text", "fragment"), [
    ("某某石化一期项目建成投产", "一期"),
    ("某某汽车二期工程开工", "二期"),
    ("加快三期扩建", "三期"),
    ("某某钢铁一期、某某电子二期等相继落地", "二期"),
])
def test_project_phase_is_a_label(text: str, fragment: str) -> None:
    q = mention(text, fragment)
    assert (q.kind, q.unit) == ("label", "")


@pytest.mark.parametrize(("text", "fragment", "value"), [
    ("举办业务培训班15期", "15期", "15"),
    ("开展三期技能培训", "三期", "3"),
    ("分两期建设", "两期", "2"),
    ("分四期建设", "四期", "4"),
    ("全年编印简报六期", "六期", "6"),
])
def test_sessions_and_issues_stay_counts(text: str, fragment: str, value: str) -> None:
    q = mention(text, fragment)
    assert (q.kind, q.unit, q.value) == ("count", "期", Decimal(value))


@pytest.mark.parametrize(("text", "fragment", "kind"), [
    ("通讯地址某某路8号，邮编341000", "341000", "code"),
    ("邮政编码：343100", "343100", "code"),
    ("咨询电话：0797—8123456", "0797—8123456", "code"),
    ("值班电话0701-6228899", "0701-6228899", "code"),
    ("举报电话：6228899", "6228899", "code"),
    ("咨询电话13912345678转接", "13912345678", "code"),  # a long number before another word stays a code
    ("索引号：014502317/2023-00158", "014502317/2023-00158", "code"),
    ("按照某府办发〔2023〕17号要求", "〔2023〕17号", "code"),
    ("依据某政发[2022]8号文件", "[2022]8号", "code"),
    ("该办法于4月20印发", "4月20", "date"),
    ("数据截至2023-11", "2023-11", "date"),
    ("2023.6.30前完成", "2023.6.30", "date"),
    ("1-6月完成投资", "1-6月", "date"),
    ("1—8月累计", "1—8月", "date"),
    ("1至11月累计", "1至11月", "date"),
    ("刊于2023年第4期", "第4", "ordinal"),
    ("见本刊第15期", "第15", "ordinal"),
])
def test_codes_and_dates_of_reports(text: str, fragment: str, kind: str) -> None:
    q = mention(text, fragment)
    assert q.kind == kind
    assert not q.is_quantity


@pytest.mark.parametrize(("text", "fragment", "value", "unit"), [
    ("接听服务电话12万余个", "12万余个", "120000", "个"),  # a count after 电话 stays a count
    ("受理热线电话1350件", "1350件", "1350", "件"),
    ("4月20个重点项目集中开工", "20个", "20", "个"),  # a count after a month is no day
    ("女性人口为186305421 人,占48.2%", "186305421 人", "186305421", "人"),  # a long count, a space before 人
])
def test_figures_next_to_codes_and_dates_stay_figures(text: str, fragment: str, value: str, unit: str) -> None:
    q = mention(text, fragment)
    assert (q.value, q.unit, q.is_quantity) == (Decimal(value), unit, True)


def test_year_range_is_no_year_month() -> None:
    assert [q.kind for q in extract("2010-11年度")] != ["date"]


# --- properties ---------------------------------------------------------------------------
PIECES = [
    "共受理", "案件", "件", "人次", "万", "亿", "余", "多", "约", "近", "以上", "左右", "%", "％", "个百分点", "倍",
    "元", "角", "分", "年", "月", "日", "号", "第", "（", "）", "“", "”", "、", "，", "。", "\n", " ", "-", "至",
    "一", "二", "两", "三", "十", "百", "千", "零", "〇", "点", "成", "折", "几", "分之", "百分之", "壹", "拾",
    "12345", "2023", "1+4", "·", ".", ",", "k", "e", "^", "又", "负", "热线", "统一", "一是", "三重一大",
]
report_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.integers(min_value=0, max_value=10**7).map(str),
              st.decimals(min_value=0, max_value=10**5, places=2, allow_nan=False).map(str)),
    max_size=30).map("".join)
NUMERAL_SOUP = ("0123456789０１２３４５６７８９.,%万亿千百十一二三四五六七八九零两"
                "点分之成折余多几年月日号第个件人元 \n-至到“”（）")
any_text = st.one_of(st.text(max_size=60), st.text(alphabet=st.sampled_from(NUMERAL_SOUP), max_size=60), report_text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_spans_are_exact_and_ordered(text: str) -> None:
    qs = extract(text)
    starts = [q.start for q in qs]
    assert starts == sorted(starts)
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert isinstance(q.value, Decimal | Fraction)
        assert q.kind in QUANTITY_KINDS or not q.is_quantity


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_text)
def test_fullwidth_digits_give_the_same_quantities(text: str) -> None:
    def key(qs: list[Quantity]) -> list[tuple[object, ...]]:
        return [(q.start, q.end, q.value, q.unit, q.kind, q.approx, q.decimals, q.scale, q.high) for q in qs]

    assert key(extract(text.translate(FULLWIDTH))) == key(extract(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_the_look_alike_shortcut_changes_nothing(text: str) -> None:
    """The cheap pre-check before the look-alike match only skips numerals it cannot match at."""
    fast = extract(text)
    original = X._Scan.may_look_alike
    X._Scan.may_look_alike = lambda self, s, e: True  # type: ignore[method-assign]
    try:
        full = extract(text)
    finally:
        X._Scan.may_look_alike = original  # type: ignore[method-assign]
    assert fast == full


def test_empty_and_whitespace() -> None:
    assert extract("") == []
    assert extract(" \n\t") == []


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(["low", "up"]))
def test_any_chinese_count_in_a_sentence(x: int, mode: str) -> None:
    import cn2an

    written = cn2an.an2cn(x, mode)
    assume(written not in X.WORDY_CAPITALS)  # a lone 陆, 伍 or 肆 is read as the word it usually is
    text = f"全年共受理案件{written}件，办结率为95.5%"
    counts = [q for q in extract(text) if q.kind == "count"]
    assert [q.value for q in counts] == [x]


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=Decimal("0.01"), max_value=99999, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["万元", "亿元", "万人次"]))
def test_any_magnitude_figure_in_a_sentence(x: Decimal, unit: str) -> None:
    text = f"累计发放{x}{unit}，同比增长12.5%"
    (q,) = [q for q in extract(text) if q.kind in ("money", "count")]
    factor = 10**4 if unit.startswith("万") else 10**8
    assert (q.value, q.unit, q.scale) == (x * factor, unit[1:], factor)


def test_a_ratio_with_presentation_colons_is_one_ratio() -> None:
    # ︰ (U+FE30) and ﹕ (U+FE55) join a structure ratio as ∶ does: its terms are no bare numbers
    for colon in "︰﹕":
        text = f"三次产业结构比例为12.0{colon}38.0{colon}50.0。"
        assert "U101" not in [f.code for f in audit_text(text).findings]
