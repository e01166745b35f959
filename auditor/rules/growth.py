"""Growth, differences and percentage points (G301-G304)."""
from __future__ import annotations

from auditor.model import Claim, Severity
from auditor.rules import claim_rule, fig
from auditor.rules.rates import CAUSES


@claim_rule("G301", "growth-rate-mismatch", Severity.ERROR,
            softened=lambda c: c.hint in CAUSES or c.hint == "multiple-reading")
def growth_mismatch(c: Claim) -> tuple[str, str]:
    zh = f"{fig(c)}：增幅应为{c.expression} = {c.recomputed}%，与所报{c.claimed}%不符"
    en = f"{fig(c)}: growth is {c.expression} = {c.recomputed}%, not {c.claimed}%"
    if c.hint == "multiple-reading":
        zh = f"{fig(c)}：{c.expression} = {c.recomputed}，疑将“增长N倍”与“是…的N倍”混用"
        en = f"{fig(c)}: {c.expression} = {c.recomputed}; 增长N倍 (new = (1+N)·old) and 是…的N倍 (new = N·old) confused"
    if c.hint == "granularity":
        zh = f"{fig(c)}：没有整数的上期数能得出所报{c.claimed}%（最接近的{c.expression} = {c.recomputed}%）"
        en = (f"{fig(c)}: no whole-number prior count gives {c.claimed}% "
              f"(the nearest, {c.expression}, gives {c.recomputed}%)")
    if c.hint in CAUSES:
        why_zh, why_en = CAUSES[c.hint]
        zh, en = f"{zh}（疑为{why_zh}）", f"{en} ({why_en})"
    return zh, en


@claim_rule("G302", "difference-mismatch", Severity.ERROR, softened=lambda c: c.hint == "rounded-rates")
def difference_mismatch(c: Claim) -> tuple[str, str]:
    if c.hint == "rounded-rates":
        return (f"{fig(c)}：{c.expression} = {c.recomputed}，所报{c.claimed}为两个已舍入比率之差",
                f"{fig(c)}: {c.expression} = {c.recomputed}; {c.claimed} is the difference of the two rates "
                "each rounded first")
    return (f"{fig(c)}：差值应为{c.expression} = {c.recomputed}，与所报{c.claimed}不符",
            f"{fig(c)}: the difference is {c.expression} = {c.recomputed}, not {c.claimed}")


@claim_rule("G303", "growth-direction", Severity.ERROR)
def growth_direction(c: Claim) -> tuple[str, str]:
    return (f"{fig(c)}：变化方向与数字相反（{c.expression} = {c.recomputed}）",
            f"{fig(c)}: the direction contradicts the figures ({c.expression} = {c.recomputed})")


@claim_rule("G304", "points-vs-percent", Severity.WARNING)
def points_vs_percent(c: Claim) -> tuple[str, str]:
    return (f"{fig(c)}：两个比率之差{c.expression} = {c.recomputed}个百分点，却写作百分比",
            f"{fig(c)}: the two rates differ by {c.expression} = {c.recomputed} percentage points, "
            "written as percent")
