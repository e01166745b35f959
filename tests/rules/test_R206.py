"""R206 rate-base-unclear: a rate near, but not within rounding of, part / (part + complement)
(docs/rules/R206.md; a code added after SPEC's table, in the R family)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor import Finding, audit_text

CODE = "R206"
SEVERITY = "warning"
NOTHING = "批准逮捕25人，不捕24人。"


def xfail(reason: str) -> pytest.MarkDecorator:
    """A case SPEC.md requires that the implementation misses today; strict, so a fix shows up."""
    return pytest.mark.xfail(strict=True, reason=reason)


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("批准逮捕12.5万人,不捕11.5万人,不捕率48.5%", "48.5%",
                 {"expression": "115000/(115000+125000)", "recomputed": "47.9184"}, id="doc-example"),
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


def hits(text: str) -> list[Finding]:
    return [f for f in audit_text(text).findings if f.code == CODE]


def covering(found: list[Finding], text: str, figure: str | None, occurrence: int = 1) -> Finding:
    """The finding whose span covers the n-th occurrence of `figure` in the text, or any when None."""
    if figure is None:
        assert found, f"{CODE} not raised"
        return found[0]
    at = -1
    for _ in range(occurrence):
        at = text.index(figure, at + 1)
    over = [f for f in found if f.start <= at and at + len(figure) <= f.end]
    assert over, f"{CODE} not raised at {figure!r}; {CODE} findings: {[(f.start, f.end, f.text) for f in found]}"
    return over[0]


@pytest.mark.parametrize(("text", "figure", "want"), FAIL)
def test_flagged(text: str, figure: str | None, want: dict[str, str | None]) -> None:
    f = covering(hits(text), text, figure, int(want.get("occurrence") or 1))
    if want.get("severity", SEVERITY) is not None:
        assert f.severity.value == want.get("severity", SEVERITY)
    assert 0 <= f.start < f.end <= len(text)
    if "expression" in want:
        assert f.expression == want["expression"]
    if "recomputed" in want:
        assert f.recomputed is not None and Decimal(f.recomputed) == Decimal(want["recomputed"])
    if "claimed" in want:
        assert f.claimed is not None and Decimal(f.claimed) == Decimal(want["claimed"])


@pytest.mark.parametrize("text", PASS)
def test_not_flagged(text: str) -> None:
    assert [(f.start, f.end, f.text) for f in hits(text)] == []


def test_nothing_flagged_at_all() -> None:
    assert [(f.code, f.text) for f in audit_text(NOTHING).findings] == []
