"""Counts checked against the names listed with them (7个城市分别为…; A、B等3个; 主要包括A、B和C的三种)."""
from __future__ import annotations

from auditor import audit_text


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


# --- 包括A、B和C的三种: the items between 包括 and 的 are what the count counts ---

def names(text: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.expression) for c in audit_text(text).claims
            if c.kind == "sum" and c.detail.get("link") == "names listed with the count"]


def test_count_of_the_items_included_is_confirmed() -> None:
    text = "调解工作主要包括窗口登记调解、委托行业组织调解和法官与调解员联合调解的三种方式。"
    assert names(text) == [("consistent", "count(窗口登记调解、委托行业组织调解、法官与调解员联合调解)")]


def test_count_that_misses_the_items_included_is_not_confirmed() -> None:
    text = "调解工作主要包括窗口登记调解、委托行业组织调解和法官与调解员联合调解的四种方式。"
    assert names(text) == [("unverifiable", "count(窗口登记调解、委托行业组织调解、法官与调解员联合调解)")]
    assert not loud(text)


def test_count_after_de_without_a_list_lead_is_no_list() -> None:
    text = "全县的窗口登记调解、委托行业组织调解和法官调解的三种方式都有所发展。"
    assert names(text) == []


def test_count_of_units_against_the_items_listed_with_their_figures() -> None:
    text = "本月工单共涉及4个单位,其中东坪镇17件,教育局10件,林业局4件,公安局54件。"
    assert names(text) == [("consistent", "count(东坪镇、教育局、林业局、公安局)")]


def test_count_of_units_that_misses_the_items_is_not_confirmed() -> None:
    text = "本月工单共涉及5个单位,其中东坪镇17件,教育局10件,林业局4件,公安局54件。"
    assert names(text) == [("unverifiable", "count(东坪镇、教育局、林业局、公安局)")]
    assert not loud(text)


def test_items_that_each_distributes_are_no_list_of_names() -> None:
    # 各 gives 1件 to several units: the items no longer name one unit each
    text = "本月工单共涉及4个单位,其中东坪镇17件,教育局、林业局及公安局各1件。"
    assert names(text) == []


def test_count_of_places_named_before_it() -> None:
    text = "工作组针对东岭村与西河镇南坡村的边界纠纷多次协调,最终促成两村签订协议。"
    assert names(text) == [("consistent", "count(工作组针对东岭村、西河镇南坡村)")]


def test_count_of_places_that_misses_the_names_before_it_is_not_confirmed() -> None:
    text = "工作组针对东岭村与西河镇南坡村的边界纠纷多次协调,最终促成三村签订协议。"
    assert names(text) == [("unverifiable", "count(工作组针对东岭村、西河镇南坡村)")]


def test_count_of_places_with_no_names_of_its_noun_before_it() -> None:
    text = "工作组针对东岭乡与西河镇的边界纠纷多次协调,最终促成两村签订协议。"
    assert names(text) == []


def test_items_with_counts_of_their_own_are_no_names() -> None:
    # 示范园区三家、国家级工厂两家: 三家 is a count, and 国家 is no name of a 家: 两家 counts no list of names
    text = "今年新增省级示范园区三家、国家级绿色工厂两家。"
    assert [c for c in audit_text(text).claims if c.kind == "sum"] == []
