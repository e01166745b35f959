"""U101 rate-without-unit: a rate or percentage stated without its unit (SPEC.md, docs/rules/U101.md)."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing

CODE = "U101"
SEVERITY = "error"
NOTHING = "全年共召开政府常务会议12次，专题研究法治工作5次。"


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("共受理3件，胜诉2件，胜诉率达到66.6，", "66.6", {"claimed": "66.6"}, id="rate-verb-bare"),
    pytest.param("团场应诉的3起案件均,胜诉率达到66.6", "66.6", {}, id="seed-shape-end-of-text"),
    pytest.param("本年度共应诉行政案件3起,胜诉2起,胜诉率为66.67", "66.67", {"claimed": "66.67"}, id="doc-example"),
    pytest.param("全乡调解矛盾纠纷52起，调解成功率为98，群众满意。", "98", {}, id="whole-number-rate"),
    pytest.param("组织干部参加学法考试，参考率100，及格率96.5。", "100", {}, id="first-of-two"),
    pytest.param("组织干部参加学法考试，参考率100，及格率96.5。", "96.5", {}, id="second-of-two"),
    pytest.param("涉及群众1536人，占比达到80.8，", "80.8", {}, id="share-word"),
    pytest.param("引发争议的行为中，行政处罚2100,占收到申请总数的33.9%。", "2100", {}, id="count-before-its-share"),
    pytest.param("涉及单位中，水务局4,供电局3件。", "4", {}, id="count-among-counted-siblings"),
    pytest.param("城镇与乡村人口比重为61.5，比上年提高1个百分点。", "61.5", {}, id="share-word-no-ratio-after"),
    pytest.param("各区满意率\n全区平均满意率为97.5，", "97.5", {}, id="bare-rate-after-a-rate-line"),
    pytest.param("全县孕产妇死亡率为18.6,婴儿死亡率为4.1‰。", "18.6", {}, id="rate-without-its-per-100000"),
]

PASS = [
    pytest.param("共受理3件，胜诉2件，胜诉率66.7%，", id="with-percent"),
    pytest.param("学法覆盖率达到100%，参考率100％。", id="full-width-percent"),
    pytest.param("全年生产总值300.0亿元。三次产业结构比例为12.0︰38.0︰50.0。", id="ratio-with-presentation-colon"),
    pytest.param("全年生产总值300.0亿元。三次产业结构比例为12.0﹕38.0﹕50.0。", id="ratio-with-small-colon"),
    pytest.param("案件办结率达到九成。", id="cheng"),
    pytest.param("群众满意率为百分之九十八。", id="baifenzhi"),
    pytest.param("满意度测评得分为96.5分。", id="score-with-unit"),
    pytest.param("全年共受理案件45件，结案率稳步提高。", id="rate-word-without-figure"),
    pytest.param("| 行政处罚 | 2100 | 33.9% |", id="table-cell-with-header-unit"),
    pytest.param("引发争议的行为中，行政处罚2100件,占收到申请总数的33.9%。", id="count-with-measure-word"),
    pytest.param("共受理业务2143249笔(其中审核通过2142623笔,不受理586笔,补正材料0,不予受理40笔)。",
                 id="zero-needs-no-measure-word"),
    pytest.param("城镇与乡村人口比重为61.5：38.5，比上年提高1个百分点。", id="two-term-ratio-after-share-word"),
    pytest.param("国有与非国有投资比重为72.4:27.6。", id="two-term-ratio-ascii-colon"),
    pytest.param("全年共受理矛盾纠纷3120件,调解成功2978件,调解成功率95。4%。", id="full-stop-typed-for-decimal-point"),
    pytest.param("全县孕产妇死亡率为18.6/10万,婴儿死亡率为4.1‰。", id="rate-per-100000"),
    pytest.param("全县设人民法庭六个,分别是城关法庭,庭2,庭7,庭3;另有巡回审判点两个。", id="numbered-names"),
    pytest.param("报告发病率为35.02/10万人,报告死亡率为0.15／万。", id="rate-per-population-word"),
    pytest.param("其中城市管理类300件,占15.00`%,同比增幅3%。", id="stray-mark-before-the-percent-sign"),
    pytest.param("序号 | 单位 | 受理量 | 办结率 | 满意率\n1 | 东区 | 310 | 97.5% | 98.0%", id="rate-header-ends-line"),
    pytest.param("各街道办结率\n2. 群众满意度较上月提升。", id="rate-word-ends-heading"),
    pytest.param(NOTHING, id="nothing-flagged"),
]


@pytest.mark.parametrize(("text", "figure", "want"), FAIL)
def test_flagged(text: str, figure: str | None, want: dict[str, str | None]) -> None:
    check_flagged(CODE, SEVERITY, text, figure, want)


@pytest.mark.parametrize("text", PASS)
def test_not_flagged(text: str) -> None:
    check_not_flagged(CODE, text)


def test_nothing_flagged_at_all() -> None:
    check_nothing(NOTHING)
