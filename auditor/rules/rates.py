"""Rates and shares: part / whole against the stated percentage (R201-R206)."""
from __future__ import annotations

from auditor.model import Claim, Severity
from auditor.rules import claim_rule, fig

CAUSES = {
    "truncated": ("截断而非四舍五入", "truncated instead of rounded"),
    "half-even": ("按“四舍六入五成双”舍入", "rounded half to even"),
    "one-off": ("末位相差一个单位", "one unit off in the last digit"),
    "to-100": ("调整末位以使各项占比合计为100%", "its last digit adjusted so that the shares total 100%"),
    "cut-short": ("以万、亿为单位的数字系截断而非四舍五入", "a figure in 万 or 亿 cut short instead of rounded"),
}


@claim_rule("R201", "rate-mismatch", Severity.ERROR)
def rate_mismatch(c: Claim) -> tuple[str, str]:
    if c.hint == "subset":
        return (f"{fig(c)}超过了可能的上限：{c.expression} = {c.recomputed}%，部分不能大于已知的总数",
                f"{fig(c)} exceeds the most it can be: {c.expression} = {c.recomputed}%")
    if c.hint == "peer":
        return (f"{fig(c)}与并列的另一比率所隐含的人口不符："
                f"{c.expression} = {c.recomputed}{c.unit} ≠ {c.claimed}{c.unit}",
                f"{fig(c)} does not fit the population its paired rate implies: "
                f"{c.expression} = {c.recomputed}{c.unit} ≠ {c.claimed}{c.unit}")
    return (f"{fig(c)}与文中数字不符：{c.expression} = {c.recomputed}% ≠ {c.claimed}{c.unit}",
            f"{fig(c)} does not match the figures: {c.expression} = {c.recomputed}% ≠ {c.claimed}{c.unit}")


@claim_rule("R202", "rate-misrounded", Severity.WARNING)
def rate_misrounded(c: Claim) -> tuple[str, str]:
    zh_c, en_c = CAUSES.get(c.hint or "", ("舍入有误", "mis-rounded"))
    return (f"{fig(c)}：{c.expression} = {c.recomputed}%，四舍五入不得{c.claimed}，疑为{zh_c}",
            f"{fig(c)}: {c.expression} = {c.recomputed}%, which does not round to {c.claimed}; likely {en_c}")


@claim_rule("R203", "rate-over-100", Severity.ERROR)
def rate_over_100(c: Claim) -> tuple[str, str]:
    if c.hint == "decline":
        return (f"{fig(c)}：计数下降幅度不能超过100%（否则为负数）", f"{fig(c)}: a count cannot fall by more than 100%")
    return (f"{fig(c)}：比率超过100%，部分大于整体", f"{fig(c)}: a rate above 100%, the part exceeds its whole")


@claim_rule("R204", "rate-granularity", Severity.ERROR)
def rate_granularity(c: Claim) -> tuple[str, str]:
    return (f"{fig(c)}：在总数{c.expression}下，没有任何整数能得到该比率",
            f"{fig(c)}: no whole number out of {c.expression} gives this rate")


@claim_rule("R205", "qualifier-contradicts-figure", Severity.WARNING)
def qualifier_contradicts(c: Claim) -> tuple[str, str]:
    return (f"{fig(c)}：前文称“均/全部”，应为100%，而所报为{c.claimed}{c.unit}",
            f"{fig(c)}: the text says all (均/全部), i.e. 100%, but states {c.claimed}{c.unit}")


@claim_rule("R206", "rate-base-unclear", Severity.WARNING)
def rate_base_unclear(c: Claim) -> tuple[str, str]:
    if c.hint == "population":
        return (f"{fig(c)}：按文中人口计算为{c.expression} = {c.recomputed}{c.unit}，与所报{c.claimed}{c.unit}"
                f"相差较大，所用人口口径可能另有定义",
                f"{fig(c)}: on the population stated {c.expression} = {c.recomputed}{c.unit}, well off "
                f"{c.claimed}{c.unit}; the rate is over a population the text does not state")
    return (f"{fig(c)}：按文中两项之和计算为{c.expression} = {c.recomputed}%，"
            f"与所报{c.claimed}%接近但不一致，计算口径可能另有定义",
            f"{fig(c)}: on the two stated outcomes {c.expression} = {c.recomputed}%, close to but not "
            f"{c.claimed}%; the base may be defined elsewhere")
