"""C503 prior-report-differs: a figure restated for the prior year against the earlier report (batch rule)."""
from __future__ import annotations

import pytest

from auditor.across import with_cross_findings
from auditor.pipeline import audit_text

CODE = "C503"
SEVERITY = "warning"
EARLIER = "东棘坨镇2023年法治政府建设情况报告\n全年受理行政复议案件358件，办结350件。受理信访案件120件。"
TITLE = "东棘坨镇2024年法治政府建设情况报告\n"

# (later report's body, the figure that carries the finding)
FAIL = [
    pytest.param("全年受理行政复议案件412件（2023年355件）。", "355件", id="bracketed-prior-value"),
    pytest.param("受理信访案件150件，去年同期受理信访案件125件。", "125件", id="prior-clause"),
]

PASS = [
    pytest.param("全年受理行政复议案件412件（2023年358件）。", id="agrees"),
    pytest.param("受理信访案件150件，去年同期受理信访案件120件。", id="prior-clause-agrees"),
    pytest.param("全年受理行政复议案件412件（2022年300件）。", id="another-year"),
    pytest.param("全年受理信访事项412件（2023年355件）。", id="metric-not-in-earlier-report"),
    pytest.param("全年受理行政复议案件412件，办结400件。", id="nothing-flagged"),
]


def _findings(body: str) -> list[tuple[str, str]]:
    later, earlier = with_cross_findings([audit_text(TITLE + body, "2024.txt"), audit_text(EARLIER, "2023.txt")])
    assert not [f for f in earlier.findings if f.code == CODE]  # the earlier report is never the one flagged
    return [(f.severity.value, f.text) for f in later.findings if f.code == CODE]


@pytest.mark.parametrize(("body", "figure"), FAIL)
def test_flagged(body: str, figure: str) -> None:
    assert _findings(body) == [(SEVERITY, figure)]


@pytest.mark.parametrize("body", PASS)
def test_not_flagged(body: str) -> None:
    assert _findings(body) == []


def test_alone_a_report_gives_nothing() -> None:
    doc = audit_text(TITLE + "全年受理行政复议案件412件（2023年355件）。")
    assert with_cross_findings([doc])[0].findings == doc.findings
