"""Breakdowns: parts against their total (S401, S402)."""
from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Finding, Severity
from auditor.rules import Context, claim_finding, claims_with, fig, rule


@rule("S401", "parts-exceed-total", Severity.ERROR)
def parts_exceed_total(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "S401"):
        sev = Severity.ERROR if c.status == "inconsistent" else Severity.WARNING
        zh = f"分项之和{c.expression} = {c.recomputed}，大于总数{fig(c)}"
        en = f"the parts {c.expression} = {c.recomputed} exceed the total {fig(c)}"
        if sev is Severity.WARNING:
            zh, en = zh + "（分项可能有交叉）", en + " (the parts may overlap)"
        yield claim_finding(c, "S401", sev, zh, en)


@rule("S402", "breakdown-misses-total", Severity.ERROR)
def breakdown_misses_total(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "S402"):
        zh = f"完整分项之和{c.expression} = {c.recomputed}，不等于总数{fig(c)}"
        en = f"the complete breakdown {c.expression} = {c.recomputed} does not add up to the total {fig(c)}"
        yield claim_finding(c, "S402", Severity.ERROR, zh, en)
