"""A share that names its whole with its figure: `完成财政总收入4348万元，占年初预算10065万元的43.2%` (or
without its 的: `占全年任务数19800万元93.03%`)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.model import Quantity
from auditor.relate.base import WINDOW_MAX, Relation, Seg, same_unit
from auditor.relate.link import frame

#: 占年初预算10065万元的43.2%: the whole is printed inside the share's own phrase, between 占 and 的
INNER_BASE = re.compile(r"占([\u4e00-\u9fff]{1,16})$")


def inner_whole(text: str, qs: Sequence[Quantity], i: int, seg: Seg, before: str) -> Relation | None:
    """完成财政总收入4348万元，占年初预算10065万元的43.2%: the share names its whole with its figure.

    The whole is the figure straight before 的 in the share's clause, after 占 and its name (a budget
    or a target is allowed: the share says it is the base); the part is the level of the share's own
    item just before it, of the whole's unit.
    """
    q = qs[i]
    if i < 1 or q.unit != "%":
        return None
    w = qs[i - 1]
    if w.kind not in ("count", "money", "measure") or w.high is not None or seg.clause[i - 1] != seg.clause[i]:
        return None
    if not re.fullmatch(r"\s*[的之]?\s*", text[w.end:q.start]):
        return None  # (占全年任务数19800万元93.03%: reports leave the 的 out too)
    lead = text[seg.clause_start[seg.clause[i]]:w.start]
    nm = INNER_BASE.search(lead)
    if nm is None:
        return None
    part = None
    for j in range(i - 2, max(-1, i - 2 - WINDOW_MAX), -1):  # linear: at most WINDOW_MAX figures back
        c = qs[j]
        if seg.item[j] != seg.item[i] or seg.sent[j] != seg.sent[i]:
            break
        if c.kind == w.kind and same_unit(c, w) and c.high is None:
            if frame(c).role == "level":
                part = c
            break  # the nearest figure of the whole's unit is the part, or there is none
    if part is None:
        return Relation("share", q, q.start - len(before) + lead.rfind("占"), q.end)
    link = f"same item; whole named in the share 占{nm.group(1)}"
    return Relation("share", q, part.start, q.end, parts=(part,), whole=(w,),
                    strong=True, alternatives=(((part,), (w,)),),
                    extra={"link": link, "direct": "1", "near": "1", "unique": "1", "carried": "",
                           "stem": "", "complementary": ""})
