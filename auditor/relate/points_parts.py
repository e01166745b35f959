"""A share's change in points, rebuilt from the two parts of its whole and their own changes.

`城镇常住人口83137万人,比上年末增加1790万人;乡村常住人口56401万人,减少1260万人;城镇人口占总人口
比重为59.58%,比上年末提高1.06个百分点`: the share is 83137/(83137+56401) (the figures confirm it),
the prior share (83137-1790)/(139538-530), and the points their difference.

Only where the sentence states exactly two levels of one unit, each followed in its own item by its
change, the share straight before the points is one part over the two (within its rounding), and
the share's name holds the part's first words. Confirms, never accuses: the whole may hold more.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, growth_start, same_unit
from auditor.relate.link import frame

_W = claim_words()
DOWN = re.compile(rf"(?:{_W.alternation('growth.down')})了?$")
UP = re.compile(rf"(?:{_W.alternation('growth.up')})了?$")
#: what may stand between the share and its points: the comparison and the change word
GAP = re.compile(rf"[，,]?\s*(?:比|较|同比|与)?[^\d，,。；;]{{0,8}}?(?:{_W.alternation('growth.up')}|"
                 rf"{_W.alternation('growth.down')})了?\s*")
#: figures of the sentence searched back from the share (bounded work)
REACH = 12


def points_from_parts(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    q = qs[i]
    r = i - 1
    if r < 0 or qs[r].kind != "percent" or frame(qs[r]).role not in ("rate", "share") \
            or seg.sent[r] != seg.sent[i] or GAP.fullmatch(text, qs[r].end, q.start) is None:
        return None
    pairs: list[tuple[int, int]] = []
    for k in range(r - 1, max(-1, r - REACH), -1):
        if seg.sent[k] != seg.sent[i]:
            break
        c, d = qs[k], qs[k + 1]
        if frame(c).role == "level" and frame(d).role == "change" and seg.item[k] == seg.item[k + 1] \
                and c.kind == d.kind and same_unit(c, d) and c.kind in ("count", "money", "measure"):
            sign = _sign(text, d)
            if sign == 0:
                return None
            pairs.insert(0, (k, sign))
    if len(pairs) != 2:
        return None
    (a, sa), (b, sb) = pairs
    if not same_unit(qs[a], qs[b]) or qs[a].kind != qs[b].kind:
        return None
    name = text[seg.clause_start[seg.clause[r]]:qs[r].start]
    named = [k for k in (a, b) if _first_words(text, qs[k], seg, k) and _first_words(text, qs[k], seg, k) in name]
    if len(named) != 1:
        return None
    part = named[0]
    other = b if part == a else a
    sp, so = (sa, sb) if part == a else (sb, sa)
    return Relation("points", q, growth_start(text, q), q.end, parts=(qs[part], qs[part + 1]),
                    whole=(qs[other], qs[other + 1]), direction=-1 if DOWN.search(text, q.start - 8, q.start) else 1,
                    extra={"link": "the share's part and the other part of its whole, each with its change",
                           "signs": f"{sp},{so}"},
                    alternatives=(((qs[r],), ()),))


def _sign(text: str, change: Quantity) -> int:
    before = text[max(0, change.start - 6):change.start]
    if DOWN.search(before):
        return -1
    return 1 if UP.search(before) else 0


def _first_words(text: str, q: Quantity, seg: Seg, k: int) -> str:
    """The first two characters of a level's label in its clause: 城镇 of 城镇常住人口83137万人."""
    lab = text[seg.clause_start[seg.clause[k]]:q.start].lstrip("，,；;：: ")
    lab = re.sub(r"^(?:其中|从[^，,]{0,6}看)", "", lab)
    return lab[:2] if len(lab) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in lab[:2]) else ""
