"""Shares of one named base whose whole is stated earlier: `A类820件,占来件量的16.4%;B类615件,占来件量的12.3%`
after `共形成有效工单5000件` in an earlier paragraph.

A run of at least two shares, each straight after its own part (`N件,占BASE的x%`), all naming the same
base in the same words, is said of one whole. When the text does not name that whole where the shares
stand, the whole may be a figure stated before them. A figure is taken only when every share of the run
fits it at its printed precision, when the values that fit all of them lie within a narrow band
(MAX_SPREAD of the whole), and when exactly one such value is stated: then the shares agree with each
other on that whole, and a chance figure is very unlikely to. The link only ever confirms: it is added as
one more alternative of a share whose own operands were not found with confidence, so a share that
does not fit keeps its own verdict.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from msgspec.structs import replace

from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, same_unit
from auditor.relate.link import frame, same_plan

#: the share's own clause, straight after its part: 820件,占来件量的16.40% (the base named in 2-10 characters)
SHARE_AFTER_PART = re.compile(r"\s*[,，]{1,2}\s*占([\u4e00-\u9fff]{2,10}?)(?:总数|总量|总额)?的?\s*$")
#: what may stand between one share and the next part's name: a clause end of a list
NEXT_ITEM = re.compile(r"\s*[;；,，、]")
#: how far before the run a whole may stand, in figures
LOOK_BACK = 80
#: the values of the whole that fit every share may spread over at most this fraction of it
MAX_SPREAD = Fraction(1, 200)
PART_KINDS = ("count", "money", "measure")


def _share_pair(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> str | None:
    """The base a share qs[i] names when it stands straight after its own part qs[i-1], else None."""
    q = qs[i]
    if i < 1 or q.kind != "percent" or q.unit != "%" or q.approx or q.high is not None:
        return None
    p = qs[i - 1]
    if p.kind not in PART_KINDS or p.approx or p.high is not None or seg.sent[i - 1] != seg.sent[i] \
            or frame(p).role != "level":
        return None
    m = SHARE_AFTER_PART.fullmatch(text, p.end, q.start)
    return m.group(1) if m else None


def _runs(text: str, qs: Sequence[Quantity], seg: Seg) -> list[list[int]]:
    """Runs of shares (indices of the percents) of one named base, each after its part, in one paragraph."""
    runs: list[list[int]] = []
    cur: list[int] = []
    cur_base = ""
    for i in range(1, len(qs)):
        base = _share_pair(text, qs, i, seg)
        if base is None:
            continue
        prev = cur[-1] if cur else None
        joined = prev is not None and base == cur_base and i == prev + 2 and seg.para[i] == seg.para[prev] \
            and same_unit(qs[i - 1], qs[prev - 1]) and NEXT_ITEM.match(text, qs[prev].end) is not None
        if joined:
            cur.append(i)
            continue
        if len(cur) >= 2:
            runs.append(cur)
        cur, cur_base = [i], base
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def _band(qs: Sequence[Quantity], run: list[int]) -> tuple[Fraction, Fraction] | None:
    """The values of a whole that every share of the run fits (part/whole×100 rounds to the share)."""
    lo, hi = Fraction(0), Fraction(10**18)
    for i in run:
        q, p = qs[i], qs[i - 1]
        c, h = Fraction(q.value), Fraction(1, 2 * 10**q.decimals)
        if c - h <= 0:
            return None
        v = Fraction(p.value)
        lo, hi = max(lo, v * 100 / (c + h)), min(hi, v * 100 / (c - h))
    return (lo, hi) if lo <= hi else None


def common_bases(text: str, qs: Sequence[Quantity], seg: Seg) -> dict[int, Quantity]:
    """The whole stated before a run of shares of one named base, by the index of each share it fits."""
    out: dict[int, Quantity] = {}
    for run in _runs(text, qs, seg):
        band = _band(qs, run)
        if band is None or (band[1] - band[0]) > band[0] * MAX_SPREAD:
            continue
        first = run[0] - 1
        parts = [qs[i - 1] for i in run]
        total = sum(Fraction(p.value) for p in parts)
        fit: dict[Fraction, Quantity] = {}
        for j in range(max(0, first - LOOK_BACK), first):
            w = qs[j]
            if w.kind != parts[0].kind or not same_unit(w, parts[0]) or w.approx or w.high is not None \
                    or frame(w).role != "level" or frame(w).aside or not same_plan(w, qs[run[0]]):
                continue
            v = Fraction(w.value)
            if v >= total and band[0] <= v <= band[1]:
                fit[v] = w  # the nearest statement of a value stands for it
        if len(fit) == 1:
            (w,) = fit.values()
            for i in run:
                out[i] = w
    return out


def with_common_base(r: Relation, part: Quantity, whole: Quantity) -> Relation:
    """A share's relation with the common whole added as its last alternative (it confirms, never accuses)."""
    alts = (*r.alternatives, ((part,), (whole,)))
    extra = {**r.extra, f"why{whole.start}": "whole that every share of the run fits"}
    if not r.alternatives:
        extra.update({"direct": "0", "near": "0"})
        return replace(r, parts=(part,), whole=(whole,), alternatives=alts, extra=extra)
    return replace(r, alternatives=alts, extra=extra)

