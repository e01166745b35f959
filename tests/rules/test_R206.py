"""R206 rate-base-unclear: a rate near, but not within rounding of, part / (part + complement)
(docs/rules/R206.md; a code added after SPEC's table, in the R family)."""
from __future__ import annotations

import pytest
from harness import check_flagged, check_not_flagged, check_nothing, xfail

CODE = "R206"
SEVERITY = "warning"
NOTHING = "批准逮捕25人，不捕24人。"


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("批准逮捕12.5万人,不捕11.5万人,不捕率48.5%", "48.5%",
                 {"expression": "115000/(115000+125000)", "recomputed": "47.9167"}, id="doc-example"),
    # the part is in the base: its rounding counts once (2.35/(2.35+2.55) to 2.45/(2.45+2.45): 47.96%-50%)
    pytest.param("批准逮捕2.5万人,不捕2.4万人,不捕率50.8%", "50.8%", {"expression": "24000/(24000+25000)"},
                 id="rounded-part-counted-once"),
    pytest.param("批准逮捕25人,不捕24人,不捕率50.0%", "50.0%", {"expression": "24/(24+25)", "recomputed": "48.9796"},
                 id="whole-counts"),
    pytest.param("已解决问题86件，未解决14件，解决率85.0%", "85.0%", {"recomputed": "86"}, id="jiejue-weijiejue",
                 marks=xfail("docs/rules/R206.md names 解决/未解决 as a complementary pair: 86/(86+14) = 86.0% "
                             "is within two points of 85.0%; the claim is left unverifiable")),
]

PASS = [
    pytest.param("批准逮捕12.5万人,不捕11.5万人,不捕率47.9%", id="doc-example-rounded-operands"),
    pytest.param("批准逮捕25人,不捕24人,不捕率49.0%", id="whole-counts"),
    pytest.param("已解决问题86件，未解决14件，解决率86.0%", id="jiejue-weijiejue"),
    pytest.param("批准逮捕25人,不捕24人,不捕率60.0%", id="doc-known-limit-far-off"),
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
