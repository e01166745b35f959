"""Shares of one whole that add up: 占A%、占B%、占C%; 分别占…的A%、B%、C%; 其中:A的占X%,B的占Y%."""
from __future__ import annotations

from auditor import audit_text


def shares(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.status, c.expression, c.detail.get("link", "")) for c in audit_text(text).claims
            if c.kind == "sum" and "shares of one whole" in c.detail.get("link", "")]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


def test_shares_listed_after_one_fenbie_zhan_make_the_whole() -> None:
    text = "粮食、油料、蔬菜三类产品销售额分别增长12%、8%、5%,分别占销售总额的52.5%、30.1%、17.4%。"
    assert shares(text) == [("consistent", "52.5+30.1+17.4", "shares of one whole")]


def test_shares_listed_after_fenbie_zhan_that_miss_the_whole_are_not_confirmed() -> None:
    text = "粮食、油料、蔬菜三类产品销售额分别增长12%、8%、5%,分别占销售总额的52.5%、30.1%、15.4%。"
    assert shares(text) == [] and not loud(text)


OPENED = ("全年审结案件4200件。其中:判决结案的占55.20%,调解结案的占30.45%,"
          "撤诉结案的占10.15%。")


def test_shares_after_qizhong_below_the_whole_are_confirmed() -> None:
    assert shares(OPENED) == [("consistent", "55.2+30.45+10.15", "shares of one whole after 其中")]
    assert not loud(OPENED)


def test_shares_after_qizhong_above_the_whole_are_not_confirmed() -> None:
    text = OPENED.replace("撤诉结案的占10.15%", "撤诉结案的占19.15%")
    assert shares(text) == [] and not loud(text)


def test_shares_after_qizhong_along_several_lines_are_not_one_whole() -> None:
    # 女性 and 党员 sort the same staff along two lines: 40% + 30% is no breakdown
    text = "全局共有干部职工200人。其中:女性的占40.0%,党员的占30.0%。"
    assert shares(text) == [] and not loud(text)


def test_shares_of_different_wholes_after_qizhong_are_not_added() -> None:
    # 占全省的 and 占全市的 name two wholes: 62% + 48% is no breakdown
    text = "全年审结案件4200件。其中:判决结案占全省的62.00%,调解结案占全市的48.00%。"
    assert shares(text) == [] and not loud(text)


CLOSED = ("从信件类型看,求助类占48.20%;投诉类占31.50%;建议类占12.30%。此外,其他信件310件(含表扬、感谢等),"
          "占8.00%。")


def test_shares_opened_and_closed_by_other_that_make_the_whole() -> None:
    assert shares(CLOSED) == [("consistent", "48.2+31.5+12.3+8", "shares of one whole")]
    assert not loud(CLOSED)


def test_shares_opened_and_closed_by_other_that_miss_the_whole_are_an_error() -> None:
    text = CLOSED.replace("建议类占12.30%", "建议类占11.90%")
    assert shares(text) == [("inconsistent", "48.2+31.5+11.9+8", "shares of one whole, opened and closed by 其他")]
    assert "S402" in loud(text)


def test_shares_without_a_closing_other_are_no_whole() -> None:
    text = CLOSED.replace("其他信件", "咨询信件").replace("建议类占12.30%", "建议类占11.90%")
    assert not [s for s in shares(text) if s[0] != "consistent"] and "S402" not in loud(text)


def test_a_share_of_another_whole_after_a_level_ends_the_run() -> None:
    # 占总数的 names another whole than the bare 占 before it: 88.5 + 11.5 stand alone
    text = "全市共有调解委员会4600个,其中一类占88.5%,二类占11.5%;规范化调委会3457个,占总数的75.2%。"
    assert shares(text) == [("consistent", "88.5+11.5", "shares of one whole")]
