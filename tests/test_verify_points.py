"""verify_points_parts: a share's points against its parts before and after their changes."""
from __future__ import annotations

from auditor import audit_text


def test_expression_and_recomputed_points() -> None:
    text = ("城镇常住人口600万人,比上年末增加40万人;乡村常住人口400万人,减少40万人;"
        "城镇人口占总人口比重为60%,比上年末提高4个百分点。")
    got = [c for c in audit_text(text).claims if c.kind == "points"]
    assert len(got) == 1
    assert got[0].recomputed == "4"
    assert got[0].expression == "6000000/(6000000+4000000)-(6000000-400000)/(6000000+4000000-400000+400000)"


def test_a_fall_stated_as_a_fall() -> None:
    """The share went from 64% to 60%: 下降4个百分点."""
    text = ("城镇常住人口600万人,比上年末减少40万人;乡村常住人口400万人,增加40万人;"
        "城镇人口占总人口比重为60%,比上年末下降4个百分点。")
    got = [(c.status, c.recomputed) for c in audit_text(text).claims if c.kind == "points"]
    assert got == [("consistent", "4")]
