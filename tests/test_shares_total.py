"""Shares nudged so that a breakdown totals 100% (auditor/shares_total.py): a warning, not an error."""
from __future__ import annotations

from auditor import audit_text

TOTAL = "全市用水总量为1000.0万吨。其中，"
PARTS = ("生活用水为150.9万吨，占用水总量的{a}%；工业用水为161.4万吨，占用水总量的{b}%；"
         "农业用水为630.4万吨，占用水总量的{c}%；生态补水为57.3万吨，占用水总量的{d}%。")


def findings(a: str, b: str, c: str, d: str) -> list[tuple[str, str, str | None]]:
    r = audit_text(TOTAL + PARTS.format(a=a, b=b, c=c, d=d))
    return [(f.code, f.severity.value, f.hint) for f in r.findings]


def test_a_share_one_unit_up_so_the_shares_total_100_is_a_warning() -> None:
    # 161.4/1000.0 = 16.14% rounds to 16.1; the four would total 99.9, stated 16.2 makes 100.0
    assert findings("15.1", "16.2", "63.0", "5.7") == [("R202", "warning", "to-100")]


def test_the_same_slip_when_the_shares_miss_100_stays_an_error() -> None:
    assert findings("15.1", "16.3", "63.0", "5.7") == [("R201", "error", None)]  # two units off
    # without the fourth part the stated shares total 94.3: nothing says they were made to total 100
    text = TOTAL + PARTS.format(a="15.1", b="16.2", c="63.0", d="5.7")
    text = text.replace("；生态补水为57.3万吨，占用水总量的5.7%", "")
    # (one unit off over operands rounded to 0.1万 is a warning by itself, but not named as nudged to 100)
    assert [(f.code, f.hint) for f in audit_text(text).findings] == [("R202", "one-off")]


def test_two_wrong_shares_in_one_breakdown_are_not_named_as_nudged_to_100() -> None:
    got = findings("15.0", "16.2", "63.1", "5.7")
    assert got and all(hint != "to-100" for _, _, hint in got)
    assert [code for code, _, _ in findings("14.9", "16.3", "63.0", "5.8")].count("R201") >= 2  # two units off


def test_shares_that_are_right_raise_nothing() -> None:
    assert findings("15.1", "16.1", "63.0", "5.7") == []


def test_a_share_one_unit_off_over_rounded_operands_is_named_as_nudged_to_100() -> None:
    # the same breakdown with the total in 亿 and a part a whole number of 亿: the ratio is an interval,
    # found one unit off in verify.py, and the run of shares totalling 100 names the cause
    text = ("全市用水总量为10.000亿吨。其中，生活用水为1.509亿吨，占用水总量的15.1%；工业用水为1.614亿吨，"
            "占用水总量的16.2%；农业用水为6.304亿吨，占用水总量的63.0%；生态补水为0.573亿吨，占用水总量的5.7%。")
    assert [(f.code, f.severity.value, f.hint) for f in audit_text(text).findings] == [("R202", "warning", "to-100")]


def test_a_truncated_share_that_makes_the_run_total_100_is_named_so() -> None:
    # 155.8/1000.0 = 15.58% truncates to 15.5; rounded (15.6) the four would total 100.1
    text = TOTAL + "生活用水为155.8万吨，占用水总量的15.5%；工业用水为161.6万吨，占用水总量的16.2%；" \
        "农业用水为625.7万吨，占用水总量的62.6%；生态补水为56.9万吨，占用水总量的5.7%。"
    assert ("R202", "warning", "to-100") in [(f.code, f.severity.value, f.hint) for f in audit_text(text).findings]


def test_a_structure_ratio_nudged_to_100_is_named_so() -> None:
    # 155864/797156 = 19.55% (rounds to 19.6), 34.57%, 45.87%: 19.6 + 34.6 + 45.9 = 100.1, so 19.5 was written
    text = ("全县生产总值797156万元。第一产业增加值155864万元,第二产业增加值275605万元,"
            "第三产业增加值365687万元,三次产业结构为19.5:34.6:45.9。")
    assert [(f.code, f.hint) for f in audit_text(text).findings] == [("R202", "to-100")]
