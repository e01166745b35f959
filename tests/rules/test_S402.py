"""S402 breakdown-misses-total: an exhaustive breakdown whose parts fall short of the total (SPEC.md)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor import Finding, audit_text

CODE = "S402"
SEVERITY = "error"
NOTHING = "全年共受理群众诉求3520件，以咨询类为主。"


def xfail(reason: str) -> pytest.MarkDecorator:
    """A case SPEC.md requires that the implementation misses today; strict, so a fix shows up."""
    return pytest.mark.xfail(strict=True, reason=reason)


# (text, figure whose span must carry the finding (None: anywhere), expected numbers)
FAIL = [
    pytest.param("共梳理事项100项，其中：许可20项、处罚30项、其他40项。", "100项",
                 {"expression": "20+30+40", "recomputed": "90"}, id="brief-example"),
    pytest.param("全年共受理群众诉求3520件,其中咨询类1860件、求助类905件、投诉类512件、其他类198件", "3520件",
                 {"expression": "1860+905+512+198", "recomputed": "3475"}, id="doc-example"),
    pytest.param("共受理复议案件30件，维持、撤销、驳回分别为10件、8件、10件。", "30件", {"recomputed": "28"},
                 id="fenbie", marks=xfail("SPEC S402: a 分别 list is exhaustive, 10+8+10 = 28 ≠ 30; no sum claim")),
]

PASS = [
    pytest.param("共梳理事项100项，其中：许可20项、处罚30项、其他50项。", id="brief-example"),
    pytest.param("共梳理事项100项，其中：许可20项、处罚30项。", id="partial-list-no-qita"),
    pytest.param("全年共受理群众诉求3520件,其中咨询类1860件、求助类905件、投诉类512件、其他类243件", id="adds-up"),
    pytest.param("共受理复议案件30件，维持、撤销、驳回分别为10件、8件、12件。", id="fenbie-adds-up"),
    pytest.param("共刊发60篇。其中：国家级6篇，省级34篇，市级14条，其他6篇。", id="mixed-units-adds-up"),
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
