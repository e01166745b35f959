"""C503: a prior-period figure against the earlier report of the same series.

The check needs the whole batch, so it runs after every document is audited
(`auditor.across.cross_findings`); the entry here gives it its place in the rule table,
`auditor rules` and `auditor explain`. Per document it finds nothing.
"""
from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Finding, Severity
from auditor.rules import Context, rule


@rule("C503", "prior-report-differs", Severity.WARNING)
def prior_report_differs(ctx: Context) -> Iterator[Finding]:
    return iter(())
