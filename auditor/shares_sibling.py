"""A share that its siblings' whole does not give: the whole a run of alike shares is confirmed over.

`共受理诉求15715件。…消费维权2236件,占比14.23%;社会保险2137件,占比13.6%;交通出行1607件,占比10.26%` : each share
stands straight after its own part and is worded alike, but the text does not tie the whole to them where
they stand, so each alone is only ever confirmed over 15715 (relate/rates.py), never accused. When at least
two siblings nearby (REACH), worded alike, are confirmed over one whole, that whole is the run's: a share
among them that the same whole does not give, 1607/15715 = 10.23% against 10.26%, is wrong (R201). A share
within one unit of its last digit of the recomputed value stays as it was: the siblings settle the whole,
not how the publisher rounded. The share must stand among its siblings (_in_run). One pass over the claims,
grouped by their whole (as shares_total.py).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from msgspec.structs import replace

from auditor.model import Claim, Quantity
from auditor.verify_base import claimed_interval, fmt, fr, meets, mid, ratio

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
    out = list(claims)
    for idx in groups.values():
        confirmed = [k for k in idx if claims[k].status == "consistent"]
        if len(confirmed) < 2:
            continue
        wording = {k: _wording(text, claims[k]) for k in idx}  # once per share, not once per pair
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
            if abs(mid(iv) - fr(q.value)) <= unit * 3 / 2:
                continue  # one unit off: the rounding is the publisher's, not settled by the siblings
            out[k] = replace(c, status="inconsistent", code="R201", recomputed=fmt(mid(iv)),
                             detail={**c.detail, "link": LINK})
    return tuple(out)


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
