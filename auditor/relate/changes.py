"""A total's change as the sum of its parts' changes.

`城镇常住人口83137万人,比上年末增加1790万人;乡村常住人口56401万人,减少1260万人` under
`总人口139538万人,比上年末增加530万人`: where the parts are known to add up to the total (sums.py)
and the total and every part state one change of their unit, the parts' signed changes add up to
the total's (530 = 1790 - 1260). Confirmed only: a claim is made where they agree.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, growth_start, label_before, near_total, overlap, same_unit
from auditor.relate.link import frame

_W = claim_words()
SIGN = re.compile(rf"({_W.alternation('growth.up')}|{_W.alternation('growth.down')}|减收|增收)")
DOWN = frozenset((*_W("growth.down"), "减收"))


def part_changes(text: str, qs: Sequence[Quantity], seg: Seg,
                 wholes: dict[int, list[tuple[int, ...]]]) -> Iterator[Relation]:
    for total, breakdowns in wholes.items():
        tc = _total_change(text, qs, seg, total)
        if tc is None:
            continue
        for parts in breakdowns:
            pcs = [_own_change(text, qs, seg, p, parts) for p in parts]
            if any(c is None for c in pcs):
                continue
            signed = [_signed(text, qs, seg, c) for c in pcs if c is not None]
            claim = _signed(text, qs, seg, tc)
            if any(x is None for x in signed) or claim is None:
                continue
            ps = [x for x in signed if x is not None]
            run = sum((Fraction(x.value) for x in ps), Fraction(0))
            cv = Fraction(claim.value)
            if run == cv or near_total(abs(run), abs(cv), claim, ps) and (run > 0) == (cv > 0):
                yield Relation("difference", claim, growth_start(text, qs[tc]), qs[tc].end, parts=tuple(ps),
                               direction=1 if cv > 0 else -1,
                               extra={"link": "the parts' changes add up to the total's change", "of_parts": "1"})
                break


#: a change whose parts' changes follow it: 用水总量增加78.0亿立方米，其中，生活用水量减少3.7亿立方米…
ANNOUNCED = re.compile(rf"[)）]?[,，]?\s*(?:{_W.alternation('sums.breakdown_lead')})[,，:：]?")
#: how many figures after the total's change its parts may run
PARTS_MAX = 12


def announced_changes(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    """A change broken down by 其中 into its parts' changes, each with its own growth word: the signed
    parts add up to the total's change, a sum. Confirmed only (verify leaves a mismatch unverifiable)."""
    for k, q in enumerate(qs):
        if frame(q).role != "change" or q.kind not in ("count", "money", "measure") or frame(q).plan:
            continue
        m = ANNOUNCED.match(text, q.end)
        if m is None or m.end() == q.end:
            continue
        claim = _signed(text, qs, seg, k)
        parts: list[Quantity] = []
        for j in range(k + 1, min(len(qs), k + 1 + PARTS_MAX)):
            if seg.sent[j] != seg.sent[k]:
                break
            if qs[j].kind == "percent":
                continue  # 减少3.7亿立方米，下降1.2%: the part's growth rate, beside its change
            p = _signed(text, qs, seg, j) if _is_change(qs, j, q) else None
            if p is None:
                break
            parts.append(p)
        if claim is not None and len(parts) >= 2:
            yield Relation("sum", claim, growth_start(text, q), q.end, parts=tuple(parts), whole=(claim,),
                           extra={"link": "the changes of the parts 其中 lists", "signed": "1"})


def _sign(text: str, qs: Sequence[Quantity], seg: Seg, k: int) -> int:
    """The direction of a change figure: the last growth word of its clause before it (减少5起4人: 减少)."""
    found = SIGN.findall(text, seg.clause_start[seg.clause[k]], qs[k].start)
    if not found:
        return 0
    return -1 if found[-1] in DOWN else 1


def _signed(text: str, qs: Sequence[Quantity], seg: Seg, k: int) -> Quantity | None:
    d = _sign(text, qs, seg, k)
    if d == 0:
        return None
    q = qs[k]
    return q if d > 0 else replace(q, value=-q.value)


def _is_change(qs: Sequence[Quantity], k: int, of: Quantity) -> bool:
    c = qs[k]
    return frame(c).role == "change" and c.kind == of.kind and same_unit(c, of) and not frame(c).plan


def _own_change(text: str, qs: Sequence[Quantity], seg: Seg, p: int, parts: Sequence[int]) -> int | None:
    """The one change of a part's unit after it in its sentence, before the next level of that unit."""
    q = qs[p]
    found = []
    for k in range(p + 1, min(len(qs), p + 12)):
        if seg.sent[k] != seg.sent[p]:
            break
        c = qs[k]
        if frame(c).role == "level" and c.kind == q.kind and same_unit(c, q) or k in parts:
            break
        if _is_change(qs, k, q):
            found.append(k)
    return found[0] if len(found) == 1 else None


def _total_change(text: str, qs: Sequence[Quantity], seg: Seg, t: int) -> int | None:
    """The total's change: the one after it before the next level of its unit, else the one change of its
    unit in its sentence whose label shares a word with the total's (死亡27人 … 死亡人数减少6人)."""
    own = _own_change(text, qs, seg, t, ())
    if own is not None:
        return own
    q = qs[t]
    tl = label_before(text, q, 0)
    found = [k for k in range(t + 1, min(len(qs), t + 16)) if seg.sent[k] == seg.sent[t] and _is_change(qs, k, q)
             and overlap(tl, label_before(text, qs[k], 0))]
    return found[0] if len(found) == 1 else None
