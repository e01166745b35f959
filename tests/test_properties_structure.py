"""Properties of pairing by structure (issue: claims read from the structure of the text).

- A consistent list of parallel items, each with its level, change and growth rate, gives no finding
  however many items it has, and each item's growth is confirmed from its own figures.
- Perturbing one item's growth rate flags that item, and no other.
- Two different metrics that carry the same figure make no claim about each other.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import audit_text

SUBJECTS = ("钢材产量", "水泥产量", "原煤产量", "粮食产量", "棉花产量", "发电量", "货运量", "化肥产量")
UNITS = ("万吨", "亿元", "万人", "件")
SEPARATORS = ("；", "，")
SETTINGS = settings(max_examples=40, deadline=None)


def growth(level: int, change: int) -> Decimal:
    return (Decimal(change) * 100 / Decimal(level - change)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@st.composite
def item_list(draw: st.DrawFn) -> list[tuple[str, int, int, str]]:
    n = draw(st.integers(2, 6))
    subjects = draw(st.permutations(SUBJECTS))[:n]
    out = []
    for s in subjects:
        level = draw(st.integers(200, 90_000))
        change = draw(st.integers(1, level // 2))
        out.append((s, level, change, draw(st.sampled_from(UNITS))))
    return out


def sentence(items: list[tuple[str, int, int, str]], sep: str, rates: list[Decimal]) -> str:
    parts = [f"{s}{level}{u}，比上年增加{change}{u}，增长{r}%" for (s, level, change, u), r in zip(items, rates,
                                                                                          strict=True)]
    return sep.join(parts) + "。"


@SETTINGS
@given(item_list(), st.sampled_from(SEPARATORS))
def test_consistent_parallel_items_give_no_finding(items: list[tuple[str, int, int, str]], sep: str) -> None:
    rates = [growth(level, change) for _, level, change, _ in items]
    text = sentence(items, sep, rates)
    r = audit_text(text)
    assert not r.findings, [(f.code, f.text, f.expression) for f in r.findings]
    confirmed = [c for c in r.claims if c.kind == "growth" and c.status == "consistent"]
    assert len(confirmed) == len(items)
    for c, (_, level, change, u) in zip(confirmed, items, strict=True):
        assert [o.text for o in c.operands] == [f"{level}{u}", f"{change}{u}"]


@SETTINGS
@given(item_list(), st.sampled_from(SEPARATORS), st.data())
def test_one_perturbed_item_is_flagged_alone(items: list[tuple[str, int, int, str]], sep: str,
                                             data: st.DataObject) -> None:
    rates = [growth(level, change) for _, level, change, _ in items]
    k = data.draw(st.integers(0, len(items) - 1))
    rates[k] = rates[k] + Decimal(5) if rates[k] < 50 else rates[k] / 2
    text = sentence(items, sep, rates)
    r = audit_text(text)
    flagged = [f for f in r.findings if f.severity.value == "error"]
    assert [f.code for f in flagged] == ["G301"], [(f.code, f.text) for f in r.findings]
    at = text.index(f"增长{rates[k]}%", text.index(items[k][0]))  # item k's own rate (another may equal it)
    assert flagged[0].start <= at + 2 < flagged[0].end
    assert flagged[0].recomputed is not None
    # the recomputed figure lies within what item k's own operands allow over their rounding (±0.5)
    level, change = Decimal(items[k][1]), Decimal(items[k][2])
    h = Decimal("0.5")
    low, high = (change - h) * 100 / (level + h - (change - h)), (change + h) * 100 / (level - h - (change + h))
    assert low - Decimal("0.0001") <= Decimal(flagged[0].recomputed) <= high + Decimal("0.0001")


METRICS = (("地区生产总值增长", "城镇居民人均可支配收入增长"), ("建成20万吨级泊位", "疏浚20万吨级航道"),
           ("受理行政复议案件", "举办普法讲座"), ("新增就业", "培训农民工"))


@SETTINGS
@given(st.sampled_from(METRICS), st.integers(10, 9999), st.sampled_from(("%", "件", "人", "个")),
       st.integers(0, 2))
def test_equal_figures_of_different_metrics_make_no_claim(metric: tuple[str, str], value: int, unit: str,
                                                          places: int) -> None:
    figure = f"{Decimal(value).scaleb(-places)}{unit}"
    text = f"全年{metric[0]}{figure}。\n另外，{metric[1]}{figure}。"
    r = audit_text(text)
    assert not [c for c in r.claims if c.kind == "repeat"], [(c.text, c.detail) for c in r.claims]
    assert not r.findings


def test_the_same_metric_stated_twice_is_a_repeat() -> None:
    r = audit_text("全年受理行政复议案件1234件。\n……全年共受理行政复议案件1234件，同比增长5%。")
    repeats = [c for c in r.claims if c.kind == "repeat"]
    assert len(repeats) == 2 and all(c.status == "consistent" for c in repeats)


def test_a_rounded_restatement_of_one_metric_is_a_repeat() -> None:
    r = audit_text("上半年共批捕各类犯罪嫌疑人三十六万余人。\n……上半年共批捕各类犯罪嫌疑人36.7万人，同比下降3%。")
    repeats = [c for c in r.claims if c.kind == "repeat"]
    assert [c.status for c in repeats] == ["consistent"] and repeats[0].detail["figure"] == "三十六万余人"


def test_a_rounded_restatement_that_does_not_hold_is_left_quiet() -> None:
    r = audit_text("我国人均国内生产总值超5千美元。\n……我国人均国内生产总值4800美元。")
    assert [c.status for c in r.claims if c.kind == "repeat"] == ["unverifiable"]
    assert not r.findings


def test_parallel_metrics_that_share_most_words_are_no_repeat() -> None:
    r = audit_text("五年内扩大烟叶的播种面积一百多万亩。\n……扩大甘蔗的播种面积一百多万亩。")
    assert not [c for c in r.claims if c.kind == "repeat"]


def test_thresholds_that_sort_items_claim_nothing() -> None:
    r = audit_text("国家公布产量的104种工业产品中，我省在全国占比超过10%的有44种、超过20%的有23种、超过30%的有11种。")
    assert not [c for c in r.claims if c.status == "consistent" and c.kind in ("share", "rate", "repeat")]
    assert not r.findings


def test_an_average_is_confirmed_only_from_its_own_total_and_count() -> None:
    r = audit_text("全院共有员额法官30名，全年审结案件1200件，人均结案40件。")
    assert [c.status for c in r.claims if c.detail.get("figure") == "40件"] == ["consistent"]
    r = audit_text("有五个县分别达到每亩生产粮食四百斤、五百斤的要求，有的达到每亩一百斤以上。")
    assert not [c for c in r.claims if c.status == "consistent"]
