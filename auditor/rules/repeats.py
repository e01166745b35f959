"""Repeated figures: one metric stated twice with different values (C501), two metrics side by side
with the identical figure (C502)."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from auditor.lexicon import claim_words
from auditor.model import Finding, Quantity, Severity
from auditor.relate.link import frame, periods_differ, subject_core
from auditor.rules import Context, rule

LABEL = re.compile(r"([\u4e00-\u9fff]{2,8})(?:为|是|达到|达)?$")


def _label(text: str, start: int) -> str:
    m = LABEL.search(re.sub(r"(为|是|达到|达)$", "", text[max(0, start - 12):start]))
    return m.group(1) if m else ""


@rule("C501", "repeated-metric-differs", Severity.WARNING)
def repeated_metric_differs(ctx: Context) -> Iterator[Finding]:
    """The same rate name (按时办结率) carries two different values in one document."""
    seen: dict[str, tuple[str, int, Quantity]] = {}
    own = _own_operands(ctx)
    levels = _level_starts(ctx)
    for q in ctx.quantities:
        if q.kind != "percent":
            continue
        lab = _label(ctx.text, q.start)
        if not lab.endswith("率") or len(lab) < 4:
            continue
        val = str(q.value)
        if lab in seen and seen[lab][0] != val and not q.approx:
            # different periods or places make this common: only the same paragraph is compared, and
            # only two mentions of one metric (a year's rate against the year before is no conflict)
            prev_val, prev_start, prev = seen[lab]
            if "\n" not in ctx.text[prev_start:q.start] and _one_metric(prev, q) \
                    and not _borne_out_apart(own, prev, q) and not _levels_apart(levels, prev, q) \
                    and not _combined(ctx.text, prev, q) and not _subjects_differ(ctx.text, prev, q) \
                    and not _names_apart(ctx.text, prev, q):
                unit = q.unit or "%"
                yield Finding("C501", Severity.WARNING, q.start, q.end, q.text,
                              message=f"{lab}在同一段中先为{prev_val}{prev.unit or unit}，此处为{val}{unit}",
                              message_en=f"{lab} is {prev_val}{prev.unit or unit} earlier in the paragraph "
                                         f"and {val}{unit} here",
                              claimed=val)
        seen[lab] = (val, q.start, q)


def _own_operands(ctx: Context) -> dict[int, frozenset[int]]:
    """The operands (by offset) of each rate borne out by its own figures, keyed by the rate's end."""
    return {c.end: frozenset(o.start for o in c.operands) for c in ctx.claims
            if c.kind in ("rate", "share") and c.status == "consistent" and c.operands}


def _borne_out_apart(own: dict[int, frozenset[int]], a: Quantity, b: Quantity) -> bool:
    """中央…资产负债率68.1%；地方…资产负债率62%: each rate recomputes from figures of its own, so the
    two values are of two things named alike, not one metric stated twice."""
    oa, ob = own.get(a.end), own.get(b.end)
    return oa is not None and ob is not None and not oa & ob


def _level_starts(ctx: Context) -> list[tuple[int, int]]:
    """(offset, sentence) of each level the text states, in order."""
    return [(q.start, q.frame.sentence) for q in ctx.quantities
            if q.frame is not None and q.frame.role == "level" and q.kind in ("count", "money", "measure")]


def _levels_apart(levels: list[tuple[int, int]], a: Quantity, b: Quantity) -> bool:
    """受理市长信箱信件289封,转办218件,按期办结率98%;接收手机短信116件,转办8件,按期办结率100%: the second rate's
    sentence states figures of its own after the first rate, so the two are rates of two things named alike
    (two channels, two diseases), not one rate stated twice."""
    if b.frame is None:
        return False
    k = bisect_right(levels, (b.start, -1)) - 1  # the last level before b, then back through b's sentence only
    return k >= 0 and levels[k][0] > a.end and levels[k][1] == b.frame.sentence


#: the name of a rate, as far back as its clause goes
FULL_LABEL = re.compile(r"[\u4e00-\u9fff]{2,24}$")


def _combined(text: str, a: Quantity, b: Quantity) -> bool:
    """企业诉求在线解答率70.35% … 群众和企业诉求在线解答率62.08%: one name holds the other after a 和 (与, 及, 、)
    that joins two groups: the rate of both together, not the same rate again."""
    na, nb = (FULL_LABEL.search(re.sub(r"(为|是|达到|达)$", "", text[max(0, q.start - 28):q.start])) for q in (a, b))
    if na is None or nb is None or na.group() == nb.group():
        return False
    short, long_ = sorted((na.group(), nb.group()), key=len)
    return long_.endswith(short) and re.search("[和与及、]", long_[:len(long_) - len(short)]) is not None


def _names_apart(text: str, a: Quantity, b: Quantity) -> bool:
    """中文图书借阅满足率为88.2%,外文图书借阅满足率为76.5%: the names, as far back as their clauses go, share
    the tail the rule compares by but differ beyond their total and period words: two subjects (广播/电视节目
    综合人口覆盖率, 规模以上/县域规模以上…), not one rate restated (今年按时办结率98% … 按时办结率99% is one)."""
    na, nb = (FULL_LABEL.search(re.sub(r"(为|是|达到|达)$", "", text[max(0, q.start - 28):q.start])) for q in (a, b))
    if na is None or nb is None:
        return False
    # (规模以上工业企业产品销售率 … 县域规模以上工业企业产品销售率: a qualifier narrows the group; only the
    # words of a total or a period, 今年/全市/累计, leave the metric as it was)
    return subject_core(na.group()) != subject_core(nb.group())


#: the head of a rate's name, as far back as its clause goes (digits too: 5岁以下儿童死亡率)
HEAD = re.compile(r"[\u4e00-\u9fff0-9]{2,30}$")


@cache
def _contrasts() -> tuple[tuple[str, ...], ...]:
    """The groups of words that set subjects apart (lexicon subject.contrasts), longest word first."""
    return tuple(tuple(sorted(g.split("="), key=len, reverse=True)) for g in claim_words()("subject.contrasts"))


def _subjects_differ(text: str, a: Quantity, b: Quantity) -> bool:
    """城市地区5岁以下儿童死亡率4.2‰ … 农村地区5岁以下儿童死亡率9.6‰: the heads carry different words of one
    group of contrasts, so the two figures are of two subjects."""
    ha, hb = (HEAD.search(re.sub(r"(为|是|达到|达)$", "", text[max(0, q.start - 32):q.start])) for q in (a, b))
    if ha is None or hb is None:
        return False
    for group in _contrasts():
        wa = next((w for w in group if w in ha.group()), None)
        wb = next((w for w in group if w in hb.group()), None)
        if wa and wb and wa != wb:
            return True
    return False


def _one_metric(a: Quantity, b: Quantity) -> bool:
    fa, fb = frame(a), frame(b)
    if a.frame is None or b.frame is None:
        return True
    return fa.role == fb.role == "rate" and fa.plan == fb.plan and not periods_differ(a, b)


@rule("C502", "identical-figures", Severity.INFO)
def identical_figures(ctx: Context) -> Iterator[Finding]:
    """Two different rates next to each other with the very same non-round figure."""
    qs = [q for q in ctx.quantities if q.kind == "percent"]
    for a, b in zip(qs, qs[1:], strict=False):
        if a.value != b.value or a.decimals == 0 or b.start - a.end > 12:
            continue
        between = ctx.text[a.end:b.start]
        la, lb = _label(ctx.text, a.start), _label(ctx.text, b.start)
        if la and lb and la != lb and "均" not in between and not re.search(r"[。\n]", between):
            yield Finding("C502", Severity.INFO, b.start, b.end, b.text,
                          message=f"{lb}与相邻的{la}数值完全相同（{b.value}%），请核对",
                          message_en=f"{lb} carries exactly the same figure as {la} next to it ({b.value}%)",
                          claimed=str(b.value))
