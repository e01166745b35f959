"""Parts whose shares of one named whole make 100%: the parts add up to that whole."""
from __future__ import annotations

from auditor import audit_text


def parts(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.status, c.expression, c.detail.get("link", "")) for c in audit_text(text).claims
            if c.kind == "sum" and "that make 100%" in c.detail.get("link", "")]


TEXT = ("全年各级复议机关共收到行政复议申请5000件,其中依法受理4200件。\n(二)被申请人情况\n"
        "以市政府为被申请人的400件,占收到申请总数的8%;以区县政府为被申请人的1600件,占32%;"
        "乡镇政府等其他3000件,占60%。\n")


def test_bare_shares_after_a_named_one_share_its_whole() -> None:
    assert parts(TEXT) == [("consistent", "400+1600+3000", "shares of 收到申请 that make 100%")]


def test_parts_that_miss_the_whole_are_not_confirmed() -> None:
    text = TEXT.replace("乡镇政府等其他3000件", "乡镇政府等其他3100件")
    assert parts(text) == []


def test_bare_share_of_another_sentence_names_no_whole() -> None:
    # the last share opens a sentence of its own: 占60% may be of anything
    text = TEXT.replace(";乡镇政府等其他3000件,占60%", "。乡镇政府等其他3000件,占60%")
    assert parts(text) == []


def test_whole_named_by_another_verb_is_not_linked() -> None:
    # 办结 is not 收到: the whole named by the shares is not the level before them
    text = TEXT.replace("共收到行政复议申请5000件", "共办结行政复议申请5000件")
    assert parts(text) == []
