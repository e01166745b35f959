"""A direction stated without a figure (有所下降) right after the level and the prior it compares.

`全年受理案件120件,比上年的150件有所下降` and `受理120件(去年同期150件),有所上升`: the level, then
(straight after it) the prior of the comparison, then the direction. Linked only where nothing but
the comparison stands between the figures (not `120件,其中刑事案件比上年的150件…`, another item), both
are of one unit and kind, and neither is written in another magnitude (万 against 亿 is a slip the
direction cannot settle). verify_direction.py judges it: a direction the two contradict is G303.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from decimal import Decimal

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import SENT_END, Relation, Seg, same_unit
from auditor.relate.link import frame

_W = claim_words()
STATED = re.compile(
    rf"(?:{_W.alternation('growth.qualitative')})"
    rf"(?:({_W.alternation('growth.qualitative_up')})|({_W.alternation('growth.qualitative_down')}))"
    r"(?:趋势|态势)?")
#: between the level and the prior: the comparison that names the prior's period
PRIOR_LEAD = re.compile(
    r"\s*[，,（(]?\s*(?:同比)?(?:比|较|与|和|同)?\s*"
    r"(?:上年同期|去年同期|上年|去年|前年|上一年|上月|上期|(?:19|20)\d{2}年)(?:末|底)?(?:同期)?(?:的|为|是)?\s*")
#: between the prior and the direction
AFTER_PRIOR = re.compile(r"[)）]?\s*(?:相比|相较|比较)?\s*[，,]?\s*(?:均|都|也|则)?")
MAGNITUDE = re.compile(r"[万亿萬億]")
#: a figure this close after the direction, in its sentence, states the change itself
FIGURE_REACH = 20


def stated_directions(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    starts = [q.start for q in qs]
    for m in STATED.finditer(text):
        rest = text[m.end():m.end() + FIGURE_REACH]
        cut = min((k for k in (rest.find(c) for c in SENT_END + "；;") if k >= 0), default=len(rest))
        if any(ch.isdigit() for ch in rest[:cut]):
            continue
        k = bisect_left(starts, m.start()) - 1  # the figure before the direction
        if k < 1:
            continue
        old, new = qs[k], qs[k - 1]
        if seg.sent[k] != seg.sent[k - 1] or AFTER_PRIOR.fullmatch(text, old.end, m.start()) is None \
                or PRIOR_LEAD.fullmatch(text, new.end, old.start) is None:
            continue
        if old.kind != new.kind or old.kind not in ("count", "money", "measure") or not same_unit(old, new) \
                or frame(new).plan or frame(old).plan or new.high is not None or old.high is not None:
            continue
        if MAGNITUDE.findall(new.text) != MAGNITUDE.findall(old.text):
            continue
        claim = Quantity(m.start(), m.end(), text[m.start():m.end()], Decimal(0), "", "direction")
        yield Relation("growth", claim, new.start, m.end(), parts=(new,), whole=(old,),
                       direction=1 if m.group(1) else -1, strong=True,
                       extra={"stated_direction": m.group(1) or m.group(2),
                              "link": "the level, then the prior it is compared with"})
