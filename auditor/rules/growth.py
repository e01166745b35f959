"""Growth, differences and percentage points (G301-G304)."""
from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Finding, Severity
from auditor.rules import Context, claim_finding, claims_with, fig, rule
from auditor.rules.rates import CAUSES


@rule("G301", "growth-rate-mismatch", Severity.ERROR)
def growth_mismatch(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "G301"):
        sev = Severity.WARNING if c.hint in CAUSES else Severity.ERROR
        why_zh, why_en = CAUSES.get(c.hint or "", ("", ""))
        zh = f"{fig(c)}：增幅应为{c.expression} = {c.recomputed}%，与所报{c.claimed}%不符"
        en = f"{fig(c)}: growth is {c.expression} = {c.recomputed}%, not {c.claimed}%"
        if why_zh:
            zh, en = f"{zh}（疑为{why_zh}）", f"{en} ({why_en})"
        yield claim_finding(c, "G301", sev, zh, en)


@rule("G302", "difference-mismatch", Severity.ERROR)
def difference_mismatch(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "G302"):
        zh = f"{fig(c)}：差值应为{c.expression} = {c.recomputed}，与所报{c.claimed}不符"
        en = f"{fig(c)}: the difference is {c.expression} = {c.recomputed}, not {c.claimed}"
        yield claim_finding(c, "G302", Severity.ERROR, zh, en)


@rule("G303", "growth-direction", Severity.ERROR)
def growth_direction(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "G303"):
        zh = f"{fig(c)}：变化方向与数字相反（{c.expression} = {c.recomputed}）"
        en = f"{fig(c)}: the direction contradicts the figures ({c.expression} = {c.recomputed})"
        yield claim_finding(c, "G303", Severity.ERROR, zh, en)


@rule("G304", "points-vs-percent", Severity.WARNING)
def points_vs_percent(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "G304"):
        zh = f"{fig(c)}：两个比率之差{c.expression} = {c.recomputed}个百分点，却写作百分比"
        en = f"{fig(c)}: the two rates differ by {c.expression} = {c.recomputed} percentage points, written as percent"
        yield claim_finding(c, "G304", Severity.WARNING, zh, en)
