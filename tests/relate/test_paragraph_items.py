"""A total and the parallel items of the paragraph after it (共发生事故X起、死亡Y人 / 甲行业发生事故…；乙…)."""
from __future__ import annotations

from auditor import audit_text

LINK = "parallel items of the next paragraph"


def items(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims
            if c.kind == "sum" and c.detail.get("link") == LINK]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


TEXT = ("一季度,全县共发生生产安全事故86起、死亡40人,同比分别下降12.2%、9.1%。\n"
        "一季度,建筑施工发生事故12起、死亡9人,同比分别下降7.7%、10.0%;道路运输发生事故60起、死亡25人,"
        "同比分别下降14.3%、7.4%;农业机械发生事故9起,死亡4人;渔业船舶今年没有发生事故;"
        "特种设备发生事故5起、死亡2人。\n")


def test_items_within_the_total_are_confirmed() -> None:
    # a partial list (特种设备 is not stated): parts below the total are fine
    text = TEXT.replace("特种设备发生事故5起、死亡2人", "特种设备安全形势平稳")
    assert items(text) == [("consistent", "12+60+9"), ("consistent", "9+25+4")]
    assert not loud(text)


def test_items_that_add_up_exactly_are_confirmed_once() -> None:
    found = [(c.status, c.expression) for c in audit_text(TEXT).claims if c.kind == "sum"]
    assert found.count(("consistent", "12+60+9+5")) == 1 and not loud(TEXT)


def test_items_above_the_total_are_flagged() -> None:
    text = TEXT.replace("死亡25人", "死亡29人")
    assert ("borderline", "9+29+4+2") in items(text)
    assert "S401" in loud(text)


def test_items_of_a_nested_figure_are_not_the_totals() -> None:
    # 其中道路运输… in the total's paragraph: the items after may split that figure instead
    text = TEXT.replace("同比分别下降12.2%、9.1%。", "同比分别下降12.2%、9.1%。其中较大事故3起、死亡13人。")
    assert items(text) == []


def test_items_worded_otherwise_are_no_parallel_list() -> None:
    text = TEXT.replace("农业机械发生事故9起", "农业机械检查隐患9起")
    assert [x for x in items(text) if x[1] and x[1].startswith("12+")] == []


NUMBERED = ("一、基本情况\n本月共办理热线工单1260件,按期回复1200件。\n二、回访情况\n"
            "回访中有民政局、卫健局等9个单位群众反映较好,有城东镇、经信局等17个单位逾期回复。\n三、热点诉求\n"
            "(一)道路建设方面本月共办理修建村道、修复路灯等类工单410件、满意率92%。\n"
            "(二)政策咨询方面本月共办理咨询医保、社保等类工单350件、满意率93%。\n"
            "(三)公共服务方面本月共办理停水停电等类工单300件、满意率86%。\n"
            "(四)其他方面本月共受理噪音扰民、占道经营等类工单200件、满意率87%。\n")
NUMBERED_LINK = "numbered paragraphs after the total, the last one 其他"


def numbered(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims
            if c.kind == "sum" and c.detail.get("link") == NUMBERED_LINK]


def test_numbered_paragraphs_closed_by_other_make_the_total() -> None:
    # the total is a section before, with another section's figures between
    assert numbered(NUMBERED) == [("consistent", "410+350+300+200")]


def test_numbered_paragraphs_that_miss_the_total_confirm_nothing() -> None:
    text = NUMBERED.replace("工单300件", "工单310件")
    assert numbered(text) == []
    assert not loud(text)


def test_numbered_paragraphs_without_other_are_chosen_topics() -> None:
    text = NUMBERED.replace("(四)其他方面", "(四)环境保护方面")
    assert numbered(text) == []


# ---- a figure after 其中 is a part of the one before it, not the next paragraph's total -------------

INVEST = ("1-9月,全县固定资产投资累计完成60.40亿元,同比增长12.5%,其中房地产开发项目累计完成投资{}亿元。\n"
          "分产业看,第一产业完成投资2.10亿元,同比增长5.0%;第二产业完成投资9.80亿元,同比增长3.0%;"
          "第三产业完成投资48.50亿元,同比增长15.5%。\n")


def test_part_after_qizhong_heads_no_paragraph_of_items() -> None:
    """2.10 + 9.80 + 48.50 = 60.40, the total before 其中; no S401 against 房地产开发 21.30."""
    text = INVEST.format("21.30")
    assert not loud(text)
    assert not [s for s in items(text) if s[1] == "210000000+980000000+4850000000"]
    sums = [(c.status, c.expression) for c in audit_text(text).claims if c.kind == "sum"]
    assert ("consistent", "210000000+980000000+4850000000") in sums  # against 60.40, by another link


def test_total_of_its_own_sentence_still_heads_its_items() -> None:
    assert ("consistent", "12+60+9+5") in [(c.status, c.expression) for c in audit_text(TEXT).claims]


def test_a_total_word_every_item_repeats_names_the_metric_fail() -> None:
    # 利润总额 is each item's metric; the ownership classes overlap (股份制 holds 国有控股 and 私营 firms)
    text = ("1-9月份,全市规模以上工业企业实现利润总额420.5亿元,同比增长8.3%。\n"
            "1-9月份,国有控股企业实现利润总额95.2亿元,增长3.1%;股份制企业实现利润总额301.4亿元,增长9.0%;"
            "私营企业实现利润总额150.3亿元,增长7.7%。")
    r = audit_text(text)
    assert not [c for c in r.claims if c.kind == "sum"]
    assert "S401" not in [f.code for f in r.findings]


def test_a_total_word_the_items_do_not_repeat_still_marks_the_total_pass() -> None:
    text = ("全市共发生各类事故1126起、死亡257人。\n"
            "工矿建行业发生事故20起、死亡23人；道路交通发生事故665起、死亡220人；火灾发生事故419起，死亡11人。")
    assert ("consistent", "20+665+419") in items(text)
