"""C502 identical-figures: two different metrics carry the identical figure side by side (SPEC.md)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor import Finding, audit_text

CODE = "C502"
SEVERITY = "info"
NOTHING = "全市建成村级公共法律服务室326个，聘请法律顾问298名。"


def xfail(reason: str) -> pytest.MarkDecorator:
    """A case SPEC.md requires that the implementation misses today; strict, so a fix shows up."""
    return pytest.mark.xfail(strict=True, reason=reason)


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("按时办结率99.5%，满意率99.5%。", "99.5%", {"occurrence": "2", "claimed": "99.5"}, id="two-rates"),
    pytest.param("行政复议纠错率12.35%，行政诉讼败诉率12.35%。", "12.35%", {"occurrence": "2"}, id="two-decimals"),
    pytest.param("热线中心按时办结率99.98%,群众满意度99.98%", "99.98%", {"occurrence": "2"}, id="seed-shape"),
    pytest.param("全市建成村级公共法律服务室326个,聘请村(居)法律顾问326名", "326名", {}, id="doc-example-counts",
                 marks=xfail("docs/rules/C502.md example: 326个 and 326名 for two metrics; only rates are compared")),
]

PASS = [
    pytest.param("按时办结率99.5%，满意率98.7%。", id="different-figures"),
    pytest.param("受理案件1629件,办结1630件", id="doc-example-differ"),
    pytest.param("参考率、及格率均为98.5%。", id="one-figure-for-both"),
    pytest.param("办结率95%，满意率95%。", id="round-figure"),
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
