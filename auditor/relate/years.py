"""Changes between the levels of two named years: `2015年受理1946.2万件、2016年受理2218.7万件` …
`2016年相比2015年增长了272.5万件` (2218.7 - 1946.2), and `从2016年至2019年,这四年间年平均增长58.3万件`
((L2019 - L2016) / 3: three yearly steps). The levels are the one level of each year, of the change's
unit, stated before it; where a year has none or several, nothing is claimed. Confirmed only: the
levels of a year may be of another metric the words do not tell apart.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, same_unit
from auditor.relate.link import frame

YEAR = r"((?:19|20)\d\d)年?"
PAIR = re.compile(rf"{YEAR}(?:相比|相较|比|较|同){YEAR}")
SPAN = re.compile(rf"从?{YEAR}(?:至|到|—|－|-|~|～){YEAR}")
BACK = 60
PARAS_BACK = 2


def year_change(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sentence_start: int,
                direction: int) -> Relation | None:
    q = qs[i]
    head = text[sentence_start:q.start]
    clause = text[seg.clause_start[seg.clause[i]]:q.start]
    pair = PAIR.search(clause)
    if pair is not None:
        new_y, old_y, steps = pair.group(1), pair.group(2), 0
    else:
        span = SPAN.search(head)
        if span is None or not any(w in head[span.end():] for w in claim_words()("growth.compound")):
            return None
        old_y, new_y = span.group(1), span.group(2)
        steps = int(new_y) - int(old_y)
        if not 0 < steps <= 60:
            return None
    if new_y == old_y:
        return None
    new, old = _level(qs, seg, i, new_y), _level(qs, seg, i, old_y)
    if new is None or old is None or frame(qs[new]).subject != frame(qs[old]).subject \
            and seg.sent[new] != seg.sent[old]:
        return None
    extra = {"link": f"the levels of {new_y} and {old_y} stated before", "by_year": "1"}
    if steps:
        extra["per_year_levels"] = str(steps)
    return Relation("difference", q, seg.clause_start[seg.clause[i]], q.end, parts=(qs[new],), whole=(qs[old],),
                    direction=direction, extra=extra)


def _level(qs: Sequence[Quantity], seg: Seg, i: int, year: str) -> int | None:
    q = qs[i]
    found = [k for k in range(i - 1, max(-1, i - BACK), -1) if seg.para[i] - seg.para[k] <= PARAS_BACK
             and qs[k].kind == q.kind and same_unit(qs[k], q) and frame(qs[k]).role == "level"
             and not frame(qs[k]).plan and frame(qs[k]).period == year and qs[k].high is None]
    return found[0] if len(found) == 1 else None
