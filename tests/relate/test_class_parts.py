"""A count of classes (3大类) and the sentences that take them one by one."""
from __future__ import annotations

from auditor import audit_text


def claims(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.status, c.expression, c.detail.get("link", "")) for c in audit_text(text).claims
            if c.kind == "sum" and "each" in c.detail.get("link", "")]


TEXT = ("上半年全省法院共新收一审行政案件52340件,同比上升3.1%。\n"
        "从类型看,3大类案件有升有降。资源类案件新收18200件,同比下降2.0%。其中土地案件新收9100件,同比下降5.0%。"
        "城建类案件新收21040件,同比上升6.2%。公安类案件新收13100件,同比上升4.4%。\n")


def test_classes_taken_one_sentence_each_and_their_total() -> None:
    found = claims(TEXT)
    assert ("consistent", "count(资源类案件新收、城建类案件新收、公安类案件新收)", "classes taken one sentence each") \
        in found
    assert ("consistent", "18200+21040+13100", "classes of 3大类, one sentence each") in found


def test_classes_that_miss_the_total_confirm_no_total() -> None:
    text = TEXT.replace("公安类案件新收13100件", "公安类案件新收13000件")
    found = claims(text)
    assert [f for f in found if f[1] and f[1].startswith("count(")]
    assert not [f for f in found if f[1] and f[1].startswith("18200")]
    assert not [f for f in audit_text(text).findings if f.severity.value == "error"]


def test_more_sentences_than_classes_take_no_class_each() -> None:
    text = TEXT.replace("\n", "全省行政机关负责人出庭应诉1200件。\n", 2).replace(
        "同比上升3.1%。全省行政机关负责人出庭应诉1200件。", "同比上升3.1%。")
    assert claims(text) == []


HEADED = ("一季度全院共受理案件2313件,同比上升0.7%。\n"
          "(三)三大类案件收结情况\n"
          "一季度,共受理刑事案件139件,同比下降7.9%;其中旧存47件。\n"
          "一季度,共受理民事案件2129件,同比上升2.4%;其中旧存602件。\n"
          "一季度,共受理行政案件44件,同比下降18.5%;其中旧存21件。\n")


def test_classes_taken_one_paragraph_each_after_a_heading() -> None:
    found = claims(HEADED)
    names = "count(共受理刑事案件、共受理民事案件、共受理行政案件)"
    assert ("consistent", names, "classes taken one paragraph each") in found
    # 139 + 2129 + 44 = 2312: one case of another type; no total is confirmed by a partial list
    assert not [f for f in found if f[1] and f[1].startswith("139+")]


def test_heading_count_with_a_paragraph_more_takes_no_class_each() -> None:
    text = HEADED + "一季度,共受理执行案件300件,同比上升2.0%。\n"
    assert claims(text) == []
