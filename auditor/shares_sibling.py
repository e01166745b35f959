"""A share that its siblings' whole does not give: the whole a run of alike shares is confirmed over.

`共受理诉求15715件。…消费维权2236件,占比14.23%;社会保险2137件,占比13.6%;交通出行1607件,占比10.26%` : each share
stands straight after its own part and is worded alike, but the text does not tie the whole to them where
they stand, so each alone is only ever confirmed over 15715 (relate/rates.py), never accused. When at least
two siblings nearby (REACH), worded alike, are confirmed over one whole, that whole is the run's: a share
among them that the same whole does not give, 1607/15715 = 10.23% against 10.26%, is wrong (R201). A share
within one unit of its last digit of the recomputed value stays as it was: the siblings settle the whole,
not how the publisher rounded. The share must stand among its siblings (_in_run), and is left alone where the
shares straight around it are confirmed over another whole (a run of its own) or another figure stated before
it gives it (two readings). A share verify.py failed over one whole while the two alike shares nearest it are
confirmed over another is judged over theirs instead (_over_siblings_whole): the pairing, not the report, was
the likelier fault. One pass over the claims, grouped by their whole (as shares_total.py), and one over the
failed shares, each looking up its neighbours by bisection.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from fractions import Fraction
from heapq import merge
from itertools import islice

from msgspec.structs import replace

from auditor.model import Claim, Quantity
from auditor.verify_base import claimed_interval, fmt, fr, meets, mid, num, ratio

#: the words between a part and its share, straight after it: ,占比 / ,约占受理总量的
WORDING = re.compile(r"[，,]\s*(?:约|约为)?(占[^，,。；;！？\n0-9%％]{0,14}?)(?:约|约为|为|达)?\s*$")
LINK = "whole its sibling shares are confirmed over"
#: how far apart (in characters) two shares of one run may stand
REACH = 1000


def against_siblings(claims: Sequence[Claim], quantities: Sequence[Quantity], text: str) -> tuple[Claim, ...]:
    groups: dict[tuple[int, int], list[int]] = {}
    for k, c in enumerate(claims):
        if c.kind == "share" and c.unit == "%" and len(c.operands) == 2 and c.expression \
                and "+" not in c.expression and c.status in ("consistent", "unverifiable"):
            w = c.operands[1]
            groups.setdefault((w.start, w.end), []).append(k)
    at = {q.start: q for q in quantities}
    starts = [q.start for q in quantities]
    out = list(claims)
    wording: dict[int, str | None] = {}  # once per share, not once per pair
    confirmed_at = sorted((int(claims[k].detail["at"]), k) for idx in groups.values() for k in idx
                          if claims[k].status == "consistent")
    spots = [a for a, _ in confirmed_at]
    for idx in groups.values():
        confirmed = [k for k in idx if claims[k].status == "consistent"]
        if len(confirmed) < 2:
            continue
        for k in idx:
            if k not in wording:
                wording[k] = _wording(text, claims[k])
        for k in idx:
            c = claims[k]
            if c.status != "unverifiable" or (words := wording[k]) is None:
                continue
            siblings = [j for j in confirmed if wording[j] == words and _near(c, claims[j])]
            part, whole, q = at.get(c.operands[0].start), at.get(c.operands[1].start), at.get(int(c.detail["at"]))
            if len(siblings) < 2 or part is None or whole is None or q is None or q.kind != "percent" \
                    or not _in_run(text, c, [claims[j] for j in siblings]):
                continue
            iv = ratio((part,), (whole,))
            if iv is None or meets(iv, claimed_interval(q)):
                continue
            unit = Fraction(1, 10**q.decimals)
            if abs(mid(iv) - fr(q.value)) <= unit * 3 / 2 or _truncated_gives(part, whole, q):
                continue  # one unit off, or operands cut short: the publisher's rounding, not settled by siblings
            if sibling := _neighbours_over_another_whole(claims, c, words, confirmed_at, spots, wording, text):
                out[k] = _over_siblings_whole(c, sibling, at, quantities, starts)  # a run of its own: theirs
                continue
            if _nearest_over_another_whole(claims, c, words, confirmed_at, spots, wording, text) \
                    or _another_whole_gives_it(quantities, starts, part, whole, q):
                continue
            out[k] = replace(c, status="inconsistent", code="R201", recomputed=fmt(mid(iv)),
                             detail={**c.detail, "link": LINK})
    for k, c in enumerate(claims):
        if c.kind == "share" and c.code == "R201" and c.status == "inconsistent" and c.unit == "%" \
                and len(c.operands) == 2 and (c.expression or "").count("/") == 1 and "+" not in (c.expression or ""):
            if k not in wording:
                wording[k] = _wording(text, c)
            if (words := wording[k]) is None:
                continue
            if sibling := _neighbours_over_another_whole(claims, c, words, confirmed_at, spots, wording, text):
                out[k] = _over_siblings_whole(c, sibling, at, quantities, starts)
    return tuple(out)


def _alike_nearby(claims: Sequence[Claim], c: Claim, words: str, confirmed_at: Sequence[tuple[int, int]],
                  spots: Sequence[int], wording: dict[int, str | None], text: str, step: int) -> Iterator[Claim]:
    """The confirmed shares worded alike, within REACH of the share, walking away from it (step -1 back, +1 on)."""
    at = int(c.detail["at"])
    j = bisect_left(spots, at) + (-1 if step < 0 else 0)
    while 0 <= j < len(spots) and abs(spots[j] - at) <= REACH:
        n = confirmed_at[j][1]
        if n not in wording:
            wording[n] = _wording(text, claims[n])
        if wording[n] == words:
            yield claims[n]
        j += step


def _neighbours_over_another_whole(claims: Sequence[Claim], c: Claim, words: str,
                                   confirmed_at: Sequence[tuple[int, int]], spots: Sequence[int],
                                   wording: dict[int, str | None], text: str) -> Claim | None:
    """The two confirmed shares worded alike nearest a failed share, when both are over one whole that is not
    the failed share's, and the share stands in their run: the sibling nearest it, else None."""
    at, own = int(c.detail["at"]), (c.operands[1].start, c.operands[1].end)
    back = _alike_nearby(claims, c, words, confirmed_at, spots, wording, text, -1)
    on = _alike_nearby(claims, c, words, confirmed_at, spots, wording, text, 1)
    nearest = list(islice(merge(back, on, key=lambda s: abs(int(s.detail["at"]) - at)), 2))
    wholes = {(s.operands[1].start, s.operands[1].end) for s in nearest}
    if len(nearest) < 2 or len(wholes) != 1 or own in wholes or not _in_run(text, c, nearest):
        return None
    return nearest[0]


def _over_siblings_whole(c: Claim, sibling: Claim, at: dict[int, Quantity], quantities: Sequence[Quantity],
                         starts: Sequence[int]) -> Claim:
    """A share failed over one whole while the shares straight around it are confirmed over another: the pairing,
    not the report, is the likelier fault. `建筑火灾共100起,其中住宅60起,占60.00%,…。室外50起,占20.00%,车辆45起,
    占18.30%,植被55起,占22.00%`: 18.30% is judged over 250 (18.00%), the siblings' whole, not over 100 (45%)."""
    part, whole, q = at.get(c.operands[0].start), at.get(sibling.operands[1].start), at.get(int(c.detail["at"]))
    quiet = replace(c, status="unverifiable", code=None, recomputed=None)
    if part is None or whole is None or q is None or q.kind != "percent" or fr(whole.value) <= fr(part.value):
        return quiet
    iv = ratio((part,), (whole,))
    if iv is None or meets(iv, claimed_interval(q)) or abs(mid(iv) - fr(q.value)) <= Fraction(3, 2 * 10**q.decimals) \
            or _another_whole_gives_it(quantities, starts, part, whole, q):
        return quiet
    return replace(c, status="inconsistent", code="R201", operands=(c.operands[0], sibling.operands[1]),
                   expression=f"{num(part)}/{num(whole)}", recomputed=fmt(mid(iv)), detail={**c.detail, "link": LINK})


def _nearest_over_another_whole(claims: Sequence[Claim], c: Claim, words: str, confirmed_at: Sequence[tuple[int, int]],
                                spots: Sequence[int], wording: dict[int, str | None], text: str) -> bool:
    """Is the nearest confirmed share worded alike, before or after the share, confirmed over another whole?

    `2、按场所分:住宅64起,占61.54%,…3、按原因分:电气故障116起,占46.40%;…作业不当8起,占3.20%`: 8/104 (the
    first list's whole) fails, but the shares straight around it are confirmed over 250: the run it stands in
    has a whole of its own, and the first list's siblings settle nothing of it."""
    own = (c.operands[1].start, c.operands[1].end)
    for step in (-1, 1):
        nearest = next(_alike_nearby(claims, c, words, confirmed_at, spots, wording, text, step), None)
        if nearest is not None and (nearest.operands[1].start, nearest.operands[1].end) != own:
            return True
    return False


def _another_whole_gives_it(quantities: Sequence[Quantity], starts: Sequence[int], part: Quantity,
                            whole: Quantity, q: Quantity) -> bool:
    """Does another figure in the part's unit, stated before the part (within REACH), give the printed share?
    Then the readings disagree, and the share stays unverifiable.

    `共发生火灾250起。…建筑火灾100起,其中住宅火灾60起,占60.00%,…;室外火灾50起,占20.00%`: the siblings of the
    其中 list are confirmed over 100, but 20% is 50 of the 250 stated before them: a run of its own."""
    claimed = claimed_interval(q)
    for other in quantities[bisect_left(starts, part.start - REACH):bisect_left(starts, part.start)]:
        if other.start != whole.start and other.unit == part.unit and other.kind == part.kind \
                and fr(other.value) > fr(part.value):
            iv = ratio((part,), (other,))
            if iv is not None and meets(iv, claimed):
                return True
    return False


def _truncated_gives(part: Quantity, whole: Quantity, q: Quantity) -> bool:
    """Do the operands, read as cut short rather than rounded (4.49万 for 44953, 1.08万 for 10892: [x, x + one
    unit)), give the share? Publishers often cut figures in 万 and 亿; the siblings settle the whole, not that."""
    def cut(x: Quantity) -> tuple[Fraction, Fraction]:
        v, h = fr(x.value), fr(x.half_ulp)
        return (v - h, v + 2 * h) if x.decimals or x.scale > 1 else (v, v)
    (plo, phi), (wlo, whi) = cut(part), cut(whole)
    return wlo > 0 and meets((plo * 100 / whi, phi * 100 / wlo), claimed_interval(q))


def _wording(text: str, c: Claim) -> str | None:
    """The share's words straight after its part (占比, 占受理总量的), or None when the share is not there."""
    part_end, figure = c.operands[0].end, int(c.detail.get("at", "-1"))
    if not 0 <= part_end < figure <= part_end + 20:
        return None
    m = WORDING.search(text, part_end, figure)
    return m.group(1) if m and m.start() == part_end else None


def _in_run(text: str, c: Claim, siblings: Sequence[Claim]) -> bool:
    """The share stands in its siblings' run: between two of them, or in a paragraph of one of them or next
    to one (a list of one share per paragraph). A share paragraphs after the run may have a subject of its
    own (…较大的省份为云南105.4万吨,占重点调查工业企业的38.2%: of one kind of waste, not of the run's whole)."""
    at = int(c.detail["at"])
    spots = [int(s.detail["at"]) for s in siblings]
    if min(spots) < at < max(spots):
        return True
    return any(_paragraph_breaks(text[min(at, s):max(at, s)]) <= 1 for s in spots)


def _paragraph_breaks(between: str) -> int:
    """Line breaks that end a paragraph with text in it (blank lines are no paragraph)."""
    return sum(1 for line in between.split("\n")[:-1] if line.strip())


def _near(a: Claim, b: Claim) -> bool:
    """Two shares of one run: in one paragraph, or in the paragraphs of one list (一、…占…;二、…占…)."""
    return abs(int(a.detail["at"]) - int(b.detail["at"])) <= REACH
