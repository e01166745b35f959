"""Rates against a year whose figures the text states next: `2015年，受理案件15985件，审结14135件，比2014年分别
上升42.6%和43%。2014年，受理案件11210件，审结9882件` (15985 over 11210, 14135 over 9882).

The rates follow the levels of their own sentence (分别 pairs them in order); the prior year named in
their words (比2014年) opens a clause of the same paragraph, before or after, that states as many levels
of the same measure words, each labelled with the words of the level it is the prior of (受理案件, 审结).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, growth_start, label_before, overlap, same_unit
from auditor.relate.growth_lists import _rate_list
from auditor.relate.link import frame

_W = claim_words()
EACH = re.compile(_W.alternation("growth.each"))
COMPARED = re.compile(r"(?:比|较|同)((?:19|20)\d\d)年")
#: how far from the rates' sentence the prior year's clause may open (characters)
REACH = 400


def year_list_growth(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: Sequence[int]) -> Relation | None:
    q = qs[i]
    if q.kind != "percent" or q.unit != "%" or q.value < 0:
        return None
    members, _labels, dirs = _rate_list(text, qs, i, seg)
    n, first = len(members), members[0]
    if n < 2 or first < n:
        return None
    head_lo = qs[first - 1].end
    head = text[head_lo:qs[first].start]
    year = COMPARED.search(head)
    if year is None or not EACH.search(head):
        return None
    levels = list(range(first - n, first))
    if any(seg.sent[x] != seg.sent[i] or frame(qs[x]).role != "level" or qs[x].high is not None for x in levels):
        return None
    priors = _prior_clause(text, qs, seg, i, year.group(1), [qs[x] for x in levels], sent_start)
    if priors is None:
        return None
    k = i - first
    down = dirs[k] < 0 if dirs[k] else bool(re.search(_W.alternation("growth.down"), head))
    new, old = qs[levels[k]], priors[k]
    return Relation("growth", q, growth_start(text, q), q.end, parts=(new,), whole=(old,), direction=-1 if down else 1,
                    strong=True, extra={"link": f"分别 against the {year.group(1)}年 figures: {k + 1} of {n}"})


def _prior_clause(text: str, qs: Sequence[Quantity], seg: Seg, i: int, year: str, levels: Sequence[Quantity],
                  sent_start: Sequence[int]) -> list[Quantity] | None:
    """The levels of the clause that opens with the year, in the paragraph, one per level and labelled alike."""
    opener = re.compile(rf"(?:^|(?<=[。；;\n]))[\s　]*{year}年[，,]?")
    own_lo, own_hi = sent_start[seg.sent[i]], qs[i].end
    found = next((m for m in opener.finditer(text, max(0, own_lo - REACH), min(len(text), own_hi + REACH))
                  if not own_lo <= m.start() <= own_hi), None)
    if found is None:
        return None
    # the first figure after the opener: walk from the rate towards it (the opener is within REACH characters)
    j = i
    step = 1 if found.start() > own_hi else -1
    while 0 <= j + step < len(qs) and (qs[j].start >= found.end() if step < 0 else qs[j].start < found.end()):
        j += step
    if step < 0:
        j += 1
    if not 0 <= j < len(qs) or qs[j].start < found.end():
        return None
    at = j
    out: list[Quantity] = []
    while j < len(qs) and len(out) < len(levels) and seg.sent[j] == seg.sent[at]:
        p = qs[j]
        if p.kind != "percent":
            lv = levels[len(out)]
            if not same_unit(p, lv) or p.kind != lv.kind or frame(p).role != "level" or seg.para[j] != seg.para[i]:
                return None
            if overlap(label_before(text, p, 0), label_before(text, lv, 0)) < 1:
                return None
            out.append(p)
        j += 1
    return out if len(out) == len(levels) else None
