"""Breakdowns: parts against their total (S401, S402)."""
from __future__ import annotations

from auditor.model import Claim, Severity
from auditor.rules import claim_rule, fig


@claim_rule("S401", "parts-exceed-total", Severity.ERROR, softened=lambda c: c.status != "inconsistent")
def parts_exceed_total(c: Claim) -> tuple[str, str]:
    zh = f"分项之和{c.expression} = {c.recomputed}，大于总数{fig(c)}"
    en = f"the parts {c.expression} = {c.recomputed} exceed the total {fig(c)}"
    if c.status != "inconsistent":
        zh, en = zh + "（分项可能有交叉）", en + " (the parts may overlap)"
    return zh, en


@claim_rule("S402", "breakdown-misses-total", Severity.ERROR)
def breakdown_misses_total(c: Claim) -> tuple[str, str]:
    return (f"完整分项之和{c.expression} = {c.recomputed}，不等于总数{fig(c)}",
            f"the complete breakdown {c.expression} = {c.recomputed} does not add up to the total {fig(c)}")
