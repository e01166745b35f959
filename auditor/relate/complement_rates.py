"""A rate of the complement of a rate just stated: `逮捕25人，不捕24人，不捕率为49%。…批捕率51%` -> 25/(25+24).

When a rate is confirmed over a part and its complement (不捕率 over 不捕 + 逮捕), the rate of the other
side of the pair (批捕率), stated in the same or the next sentence with no operands of its own, is over the
same whole with the complement as its part. The pairs are the lexicon's complements (sums.complements).
The link only ever confirms: it is the relation's one alternative, never accused.
"""
from __future__ import annotations

from collections.abc import Mapping

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.relate.base import Relation, Seg

PAIRS = tuple(tuple(x.split("|", 1)) for x in claim_words()("sums.complements"))
REQUEST = tuple(claim_words()("rate.request"))


def _paired(a: str, b: str) -> bool:
    """Do two rates' stems name the two sides of one complementary pair (批捕 / 不捕)?"""
    for x, y in PAIRS:
        for p, q in ((x, y), (y, x)):
            if a.endswith(p) and b.endswith(q) and not (len(q) > len(p) and a.endswith(q)) \
                    and not a[:-len(p)].endswith(REQUEST):
                return True
    return False


def _confirmed(o: Relation, starts: set[int]) -> bool:
    """The rate before is confirmed over its part and its complement (and not over some other pairing)."""
    from auditor.verify import verify

    c = verify(o)
    return c.status == "consistent" and {x.start for x in c.operands} == starts


def complement_rate(r: Relation, i: int, seg: Seg, rate_at: Mapping[int, Relation]) -> Relation | None:
    """r (the rate of qs[i], with no operands) over the whole of the complementary rate just before it."""
    stem = r.extra.get("stem", "")
    if r.alternatives or not stem:
        return None
    for k in sorted(rate_at, reverse=True):
        if seg.para[k] != seg.para[i] or seg.sent[i] - seg.sent[k] > 1:
            break
        o = rate_at[k]
        if not o.extra.get("complementary") or not o.alternatives or not o.parts:
            continue
        if not _paired(stem, o.extra.get("stem", "")):
            continue
        whole = o.alternatives[0][1]
        other = tuple(w for w in whole if w is not o.parts[0])
        if len(whole) != 2 or len(other) != 1 or not _confirmed(o, {x.start for x in (o.parts[0], *whole)}):
            return None
        return replace(r, parts=other, whole=whole, alternatives=((other, whole),),
                       extra={**r.extra, "link": "the complement of the rate before it", "direct": "0", "near": "0"})
    return None
