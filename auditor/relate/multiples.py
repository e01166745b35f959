"""Multiples (倍): `增长2.4倍` means new = (1 + 2.4) × old, `是上年的2.3倍` means new = 2.3 × old.

A multiple is checked against the two levels its item states (the new value, and the old one
named in its comparison: 比上年的96件 / 是上年40件的), or, where the item states an average
annual rate over a span whose two years are given (2011年…比2002年增长1.4倍，年均增长10.1%),
against that rate compounded over the years: 1 + 1.4 against 1.101^9.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, growth_start, same_unit
from auditor.relate.link import frame, same_plan

YEAR = re.compile(r"((?:19|20)\d\d)年")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = claim_words()
    up = w.alternation("growth.up")
    to = w.alternation("growth.to_level")
    times = re.compile(rf"(?:(?:是|为|相当于)([^，,。；;]{{0,20}}?)的|(?:{up})(?:{to}))$")
    increase = re.compile(rf"(?:{up})了?$")
    since = re.compile(r"(?:比|较|与|同)((?:19|20)\d\d)年")
    return times, increase, since


def reading(text: str, q: Quantity, clause_start: int) -> tuple[str, str] | None:
    """("times", named) for 是…的N倍 / 增长到N倍, ("increase", "") for 增长N倍; None for other multiples."""
    times, increase, _ = _patterns()
    before = text[clause_start:q.start]
    m = times.search(before)
    if m:
        return "times", m.group(1) or ""
    if increase.search(before):
        return "increase", ""
    return None


def _multiple(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> Relation | None:
    q = qs[i]
    cs = seg.clause_start[seg.clause[i]]
    how = reading(text, q, cs)
    if how is None:
        return None
    kind, named = how
    start = growth_start(text, q)
    extra = {"reading": kind}
    years = _span_years(text, qs, i, seg, sent_start)
    if years is not None and kind == "increase":
        rate = _average_rate(text, qs, i, seg)
        if rate is not None:
            return Relation("multiple", q, start, qs[rate].end, parts=(qs[rate],),
                            extra={**extra, "years": str(years), "link": f"年均 rate over {years} years"})
    if _real(text, q, sent_start[seg.sent[i]]):
        return Relation("multiple", q, start, q.end, extra=extra)
    spans = claim_words()("sums.time_units")  # 比前五年: a span of time is the compared period, not a level
    first = i
    while first > 0 and seg.item[first - 1] == seg.item[i] and i - first < 40:
        first -= 1
    item = [j for j in range(i - 1, first - 1, -1) if same_plan(qs[j], q)
            and qs[j].kind in ("count", "money", "measure") and qs[j].high is None and qs[j].unit not in spans]
    # the old value: the figure the comparison names (是上年40件的 / 比上年的96件)
    named_at = q.start - 1 - len(named)  # 是上年40件的3倍: the figure inside 是…的
    olds = [j for j in item if qs[j].start >= cs and (kind == "times" and bool(named) and qs[j].start >= named_at
                                                      or kind == "increase" and frame(qs[j]).role == "prior")]
    if len(olds) != 1:
        return Relation("multiple", q, start, q.end, extra=extra)
    old = olds[0]
    news = [j for j in item if j < old and frame(qs[j]).role == "level" and frame(qs[j]).period != "prior"
            and same_unit(qs[j], qs[old]) and qs[j].kind == qs[old].kind]
    if len(news) != 1:
        return Relation("multiple", q, start, q.end, extra=extra)
    return Relation("multiple", q, min(start, qs[news[0]].start), q.end, parts=(qs[news[0]],), whole=(qs[old],),
                    strong=True, extra={**extra, "link": "same item: the level and the value it is compared with"})


def _real(text: str, q: Quantity, sentence_start: int) -> bool:
    before = text[sentence_start:q.start]
    return any(x in before for x in claim_words()("growth.real"))


def _span_years(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> int | None:
    """2011年，…比2002年增长1.4倍: the years between the sentence's year and the compared year."""
    _, _, since = _patterns()
    cs = seg.clause_start[seg.clause[i]]
    m = since.search(text, cs, qs[i].start)
    if m is None:
        return None
    ends = YEAR.findall(text, sent_start[seg.sent[i]], cs)
    if len(set(ends)) != 1:
        return None
    n = int(ends[0]) - int(m.group(1))
    return n if 0 < n <= 60 else None


def _average_rate(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> int | None:
    """The one 年均 growth rate in the multiple's item, right after it: 增长1.4倍，年均增长10.1%."""
    w = claim_words()
    found = []
    for j in range(i + 1, min(len(qs), i + 3)):
        if seg.item[j] != seg.item[i] or seg.sent[j] != seg.sent[i]:
            break
        lab = text[seg.clause_start[seg.clause[j]]:qs[j].start]
        if qs[j].kind == "percent" and frame(qs[j]).role == "growth" and any(x in lab for x in w("growth.compound")):
            found.append(j)
    return found[0] if len(found) == 1 else None


def compound_of(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> Relation | None:
    """The 年均 rate qs[i] against the multiple before it over the stated years (the growth claim)."""
    for k in range(i - 1, max(-1, i - 3), -1):
        if seg.item[k] != seg.item[i] or seg.sent[k] != seg.sent[i]:
            break
        if qs[k].kind != "multiple":
            continue
        m = _multiple(text, qs, k, seg, sent_start)
        if m is not None and "years" in m.extra and m.parts and m.parts[0] is qs[i]:
            return Relation("growth", qs[i], growth_start(text, qs[i]), qs[i].end, parts=(qs[k],), direction=1,
                            extra={"years": m.extra["years"], "reading": "increase", "link": m.extra["link"]})
        break
    return None
