"""U102 mixed-measure-words: one breakdown or comparison mixes measure words (SPEC.md, docs/rules/U102.md)."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing, xfail

CODE = "U102"
SEVERITY = "warning"
NOTHING = "全年在市级以上媒体刊发法治宣传稿件60篇。"


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("共刊发60篇。其中：国家级6篇，省级34篇，市级14条，其他6篇。", "14条", {}, id="tiao-among-pian"),
    pytest.param("全年在各级媒体发表宣传稿件268篇,其中省级媒体45篇、市级媒体196篇、县级电视新闻27条", "27条", {},
                 id="doc-example"),
    pytest.param("共发放宣传资料5000份，其中法律法规3000份、案例汇编1500册、其他500份。", "1500册", {},
                 id="ce-among-fen"),
    pytest.param("共开展普法活动30场，其中进村入户20场、进校园10次。", "10次", {}, id="ci-among-chang"),
    pytest.param("全年实施惠民工程12项。其中9个项目已完工,3条道路正在推进。", "3条", {}, id="tiao-among-xiang"),
    pytest.param("共受理市长信箱来信312封,较上年的287件增加25件", None, {}, id="doc-example-comparison",
                 marks=xfail("SPEC: a comparison that mixes measure words (封 vs 件) is U102; nothing is raised")),
]

PASS = [
    pytest.param("全年为群众办理实事6.8万件次,其中受理求助案件2.5万件、接待咨询4.3万人次。", id="pooled-jianci-tally"),
    pytest.param("共刊发60篇，其中：国家级6篇，省级34篇，市级14篇，其他6篇。", id="one-measure-word"),
    pytest.param("共调解纠纷45起，其中婚姻家庭20件、邻里纠纷15件、其他10起。", id="jian-and-qi-interchangeable"),
    pytest.param("本月共受理网络渠道诉求210件,其中,局长信箱来信70封,网站留言工单140件。", id="letters-in-feng"),
    pytest.param("全年共收到群众诉求300件,其中网上留言180条,电话120件。", id="messages-in-tiao"),
    pytest.param("共刊发60篇。其中：国家级6篇，省级34篇，市级20篇。", id="partial-breakdown-one-word"),
    pytest.param("共培训调解员120名，其中县级40人、乡级50人、村级30人。", id="ming-and-ren"),
    pytest.param("全年实施惠民工程12项。其中9个项目已完工,2个项目基本完工,1个项目正在推进。", id="xiang-and-ge"),
    pytest.param("全区现有养老服务机构58个,其中:公办养老院6个,民办养老院12家,社区日间照料中心40个。", id="ge-and-jia"),
    pytest.param("全县开发护河岗位48个,其中安排巡河员30人,保洁员18人。", id="posts-and-the-people-in-them"),
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
