"""Shares listed before their parts, mapped by 分别 (relate/share_lists.py). Figures invented."""
from __future__ import annotations

from auditor import audit_text

OK = ("今年全市共受理投诉5000件。从被投诉对象看,商场超市占40%,餐饮企业占30%,物业公司占10%,"
      "投诉量分别为2000件、1500件和500件。")
BAD = OK.replace("商场超市占40%", "商场超市占42%")


def shares(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.claimed, c.status, c.expression) for c in audit_text(text).claims if c.kind == "share"]


def test_shares_mapped_to_their_parts_by_place() -> None:
    got = shares(OK)
    assert ("40", "consistent", "2000/5000") in got
    assert ("30", "consistent", "1500/5000") in got
    assert ("10", "consistent", "500/5000") in got
    assert not [f for f in audit_text(OK).findings if f.code == "R201"]


def test_a_share_off_its_part_is_flagged() -> None:
    assert ("42", "inconsistent", "2000/5000") in shares(BAD)
    assert [f for f in audit_text(BAD).findings if f.code == "R201"]


def test_counts_without_respectively_are_not_mapped() -> None:
    """No 分别: the figures after the shares are not said to be their parts, one for one."""
    text = BAD.replace("投诉量分别为", "另有")
    assert ("42", "inconsistent", "2000/5000") not in shares(text)


def test_a_list_of_another_length_is_not_mapped() -> None:
    text = ("今年全市共受理投诉5000件。从被投诉对象看,商场超市占42%,餐饮企业占30%,物业公司占10%,"
            "其中两类投诉量分别为2000件和1500件。")
    assert ("42", "inconsistent", "2000/5000") not in shares(text)
    assert not [f for f in audit_text(text).findings if f.code == "R201"]


def test_a_subset_between_the_total_and_the_shares_blocks_the_total() -> None:
    """The shares may be of 商场超市's 2000: the grand total is no longer the one base."""
    text = ("今年全市共受理投诉5000件,其中商场超市投诉2000件。按投诉原因分,质量问题占40%,价格问题占30%,"
            "数量分别为800件和600件。")
    assert not [f for f in audit_text(text).findings if f.code == "R201"]


# parts listed before the shares: 甲X、乙Y,分别占总数的a%和b% (figures invented)
EACH_OK = "年末全区常住人口80.00万人,其中城镇人口52.00万人、乡村人口28.00万人,分别占总人口的65.0%和35.0%。"


def test_shares_after_respectively_take_their_parts_by_place() -> None:
    got = shares(EACH_OK)
    assert ("65", "consistent", "520000/800000") in got
    assert ("35", "consistent", "280000/800000") in got
    assert not [f for f in audit_text(EACH_OK).findings if f.code == "R201"]


def test_a_share_after_respectively_off_its_part_is_flagged() -> None:
    text = EACH_OK.replace("65.0%", "66.0%").replace("35.0%", "34.0%")
    assert ("66", "inconsistent", "520000/800000") in shares(text)
    assert ("34", "inconsistent", "280000/800000") in shares(text)


def test_the_first_share_after_respectively_is_not_the_nearest_parts() -> None:
    """The nearest level before 分别占 is the second part: the first share is never paired with it."""
    got = shares(EACH_OK)
    assert not [s for s in got if s[0] == "65" and s[2] == "280000/800000"]


def test_respectively_without_its_parts_before_is_unverifiable() -> None:
    text = "年末全区常住人口80.00万人,乡村人口28.00万人。城镇和乡村分别占总人口的66.0%和34.0%。"
    got = shares(text)
    assert ("66", "unverifiable", None) in got
    assert not [f for f in audit_text(text).findings if f.code == "R201"]


# ---- parts before 分别占: the base's name may hold a number that is no figure (a hotline's) ------------------
CODE_BASE = "本月热线工单共500件,其中,网上登记250件、电话登记150件、信函登记100件,分别占12345热线受理总量的{}。"


def test_shares_after_a_base_named_with_a_hotline_number_pass() -> None:
    text = CODE_BASE.format("50%、30%和20%")
    got = shares(text)
    assert ("30", "consistent", "150/500") in got
    assert ("20", "consistent", "100/500") in got
    assert not [f for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


def test_shares_after_a_base_named_with_a_hotline_number_fail() -> None:
    text = CODE_BASE.format("50%、35%和20%")
    assert ("35", "inconsistent", "150/500") in shares(text)


def test_a_part_of_a_qi_zhong_list_is_no_total_of_its_siblings() -> None:
    # 250 = 150 + 100 by chance: all three are parts of 500
    text = CODE_BASE.format("50%、30%和20%")
    sums = [c.expression for c in audit_text(text).claims if c.kind == "sum"]
    assert "250+150+100" in sums
    assert "150+100" not in sums


def test_each_share_with_fenbie_after_the_base() -> None:
    # 占…比重分别为: 分别 after the base's words opens the same list as 分别占
    text = "年末全县常住人口50万人,其中城镇人口30万人、乡村人口20万人,占常住人口的比重分别为{a}%和40%。"
    got = [(c.status, c.expression) for c in audit_text(text.format(a="60")).claims if c.kind == "share"]
    assert got == [("consistent", "300000/500000"), ("consistent", "200000/500000")]
    assert "R201" in [f.code for f in audit_text(text.format(a="66")).findings]


def test_each_share_of_parts_in_several_units_is_no_share_of_the_last() -> None:
    # 占比分别达…: each share is its own part's, over a base the text does not state (家 and 户 apart)
    text = ("全市全部2.18万户企业完成改制。42家市属集团、0.47万户市属子企业、1.12万户区级子企业建立了董事会,"
            "占比分别达100%、95.1%、88.6%。")
    r = audit_text(text)
    assert [f.code for f in r.findings] == []
    assert {c.status for c in r.claims if c.kind == "share"} == {"unverifiable"}


def test_each_share_of_its_own_class_takes_no_common_whole() -> None:
    # 分别占全年同类案件的: each part over its own class's yearly total, not the quarter's 2400 they are 其中 of
    text = ("2024年,全区共受理刑事案件3000件、民事案件6000件。一季度共受理各类案件2400件,占全年的26.7%,"
            "其中刑事案件750件、民事案件1500件,分别占全年同类案件的25%和25%。")
    r = audit_text(text)
    assert [f.code for f in r.findings] == []
    assert [(c.status, c.expression) for c in r.claims if c.kind == "share" and c.claimed == "25"] == \
        [("unverifiable", None)] * 2
