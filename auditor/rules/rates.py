"""Rates and shares: part / whole against the stated percentage (R201-R205)."""
from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Finding, Severity
from auditor.rules import Context, claim_finding, claims_with, fig, rule

CAUSES = {
    "truncated": ("截断而非四舍五入", "truncated instead of rounded"),
    "half-even": ("按“四舍六入五成双”舍入", "rounded half to even"),
    "one-off": ("末位相差一个单位", "one unit off in the last digit"),
}


@rule("R201", "rate-mismatch", Severity.ERROR)
def rate_mismatch(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "R201"):
        if c.hint == "subset":
            zh = f"{fig(c)}超过了可能的上限：{c.expression} = {c.recomputed}%，部分不能大于已知的总数"
            en = f"{fig(c)} exceeds the most it can be: {c.expression} = {c.recomputed}%"
        else:
            zh = f"{fig(c)}与文中数字不符：{c.expression} = {c.recomputed}% ≠ {c.claimed}{c.unit}"
            en = f"{fig(c)} does not match the figures: {c.expression} = {c.recomputed}% ≠ {c.claimed}{c.unit}"
        yield claim_finding(c, "R201", Severity.ERROR, zh, en)


@rule("R202", "rate-misrounded", Severity.WARNING)
def rate_misrounded(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "R202"):
        zh_c, en_c = CAUSES.get(c.hint or "", ("舍入有误", "mis-rounded"))
        zh = f"{fig(c)}：{c.expression} = {c.recomputed}%，四舍五入不得{c.claimed}，疑为{zh_c}"
        en = f"{fig(c)}: {c.expression} = {c.recomputed}%, which does not round to {c.claimed}; likely {en_c}"
        yield claim_finding(c, "R202", Severity.WARNING, zh, en)


@rule("R203", "rate-over-100", Severity.ERROR)
def rate_over_100(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "R203"):
        zh = f"{fig(c)}：比率超过100%，部分大于整体"
        en = f"{fig(c)}: a rate above 100%, the part exceeds its whole"
        yield claim_finding(c, "R203", Severity.ERROR, zh, en)


@rule("R204", "rate-granularity", Severity.ERROR)
def rate_granularity(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "R204"):
        zh = f"{fig(c)}：在总数{c.expression}下，没有任何整数能得到该比率"
        en = f"{fig(c)}: no whole number out of {c.expression} gives this rate"
        yield claim_finding(c, "R204", Severity.ERROR, zh, en)


@rule("R205", "qualifier-contradicts-figure", Severity.WARNING)
def qualifier_contradicts(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "R205"):
        zh = f"{fig(c)}：前文称“均/全部”，应为100%，而所报为{c.claimed}{c.unit}"
        en = f"{fig(c)}: the text says all (均/全部), i.e. 100%, but states {c.claimed}{c.unit}"
        yield claim_finding(c, "R205", Severity.WARNING, zh, en)


@rule("R206", "rate-base-unclear", Severity.WARNING)
def rate_base_unclear(ctx: Context) -> Iterator[Finding]:
    for c in claims_with(ctx, "R206"):
        zh = (f"{fig(c)}：按文中两项之和计算为{c.expression} = {c.recomputed}%，"
              f"与所报{c.claimed}%接近但不一致，计算口径可能另有定义")
        en = (f"{fig(c)}: on the two stated outcomes {c.expression} = {c.recomputed}%, close to but not "
              f"{c.claimed}%; the base may be defined elsewhere")
        yield claim_finding(c, "R206", Severity.WARNING, zh, en)
