"""Rates of a decision over the cases concluded: `审结审查起诉案件60件70人。共起诉45件56人;起诉率(按人数)为80%`
-> 56/70.

A prosecution or arrest decision (起诉, 不起诉, 批捕, 不捕…) is taken on a concluded case, so the rate
of a decision is over the concluded count (审结) of its procedure. Reports often state that count at
the head of the paragraph and the decision with its rate in the next sentence, where the rate's own
search (its sentence) does not reach. The concluded count taken is the nearest before the rate's
part, in the part's sentence or the one before, of the part's unit (a qualifier 按人数/按件数 picks
the unit), whose words name the decision's procedure (the stem's last character: 诉, 捕), with no
other rate between them. The link only ever confirms: it is added as one more alternative.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, label_before, same_unit
from auditor.relate.link import frame

_W = claim_words()
DECISIONS = tuple(_W("rate.decision"))
DONE = tuple(_W("flow.done"))
PRIOR = tuple(_W("period.prior"))
RATE = re.compile(_W.alternation("rate.words"))
#: 起诉率(按人数)为: the qualifier that says which of a 件/人 pair the rate counts
BY_UNIT = re.compile(r"率[（(]按(人|件)数?[）)]")
REACH = 24


def _decision(stem: str) -> str:
    """The decision a rate's stem names (不起诉 for 不起诉, 起诉 for 起诉), or ""."""
    for w in sorted(DECISIONS, key=len, reverse=True):
        if stem.endswith(w):
            return w
    return ""


def decision_base(text: str, qs: Sequence[Quantity], i: int, seg: Seg, r: Relation) -> Quantity | None:
    """The concluded count a decision rate qs[i] is over, when its part is known, else None."""
    decision = _decision(r.extra.get("stem", ""))
    if not decision or not r.parts or len(r.parts) != 1:
        return None
    part = r.parts[0]
    q = qs[i]
    m = BY_UNIT.search(text, max(0, q.start - 16), q.start)
    if m is not None and part.unit != m.group(1):
        return None
    p = next((k for k in range(i - 1, max(-1, i - REACH), -1) if qs[k] is part), None)
    if p is None:
        return None
    for k in range(p - 1, max(-1, p - REACH), -1):
        c = qs[k]
        if seg.para[k] != seg.para[p] or seg.sent[p] - seg.sent[k] > 1:
            return None
        if c.kind == "percent" and RATE.search(text[seg.clause_start[seg.clause[k]]:c.start]):
            return None  # an earlier rate: the figures before it are its own
        if c.kind != part.kind or not same_unit(c, part) or c.approx or c.high is not None or c.value < part.value \
                or frame(c).role != "level":
            continue  # 去年同期审结…: an earlier period's count is no base of this period's decisions
        lab = label_before(text, c, 0)  # 审结…60件 before 70人: the pair's words
        if any(w in lab for w in DONE):
            return c if decision[-1] in lab and not any(w in lab for w in PRIOR) else None
    return None


def with_decision_base(r: Relation, whole: Quantity) -> Relation:
    """A decision rate's relation with the concluded count added as its last alternative (confirms only)."""
    alts = (*r.alternatives, (r.parts, (whole,)))
    extra = {**r.extra, f"why{whole.start}": "the concluded cases the decision is taken on"}
    return replace(r, alternatives=alts, extra=extra)
