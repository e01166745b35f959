"""Point changes of shares that split a whole completely net to zero.

`0-15岁人口的比重下降了2.6个百分点,16-59岁人口的比重下降了1.8个百分点,60岁及以上人口的比重上升了
4.4个百分点`: the three age groups run from 0 with no gap and end open (及以上), so their shares add
up to 100 in both years and their changes to 0 (-2.6 - 1.8 + 4.4). Confirms only: shares rounded
one by one need not add up exactly, so a sum off zero is left unverifiable.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import SHARE_WORD, Relation, Seg

_W = claim_words()
DOWN = re.compile(rf"(?:{_W.alternation('growth.down')})了?$")
UP = re.compile(rf"(?:{_W.alternation('growth.up')})了?$")
BAND = re.compile(r"(\d{1,3})\s*[-—～~至到]\s*(\d{1,3})\s*岁")
OPEN = re.compile(r"(\d{1,3})\s*(?:周)?岁(?:及|或)?以上")
#: a label before a figure runs at most this far back in its clause
LABEL_REACH = 30


def partition_points(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    run: list[tuple[int, int, int, int | None]] = []  # (index, sign, band start, band end or None if open)
    for i, q in enumerate(qs):
        if q.kind != "points":
            continue
        member = _member(text, qs, i, seg)
        if member is None:
            run = []
            continue
        if run and (seg.sent[run[-1][0]] != seg.sent[i] or run[-1][3] is None or member[2] != run[-1][3] + 1):
            run = []
        if not run and member[2] != 0:
            continue
        run.append(member)
        if member[3] is None and len(run) >= 2:
            yield _relation(qs, run, seg)
            run = []


def _member(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> tuple[int, int, int, int | None] | None:
    q = qs[i]
    lo = max(seg.clause_start[seg.clause[i]], q.start - LABEL_REACH)
    label = text[lo:q.start]
    if not SHARE_WORD.search(label):
        return None
    sign = -1 if DOWN.search(label) else 1 if UP.search(label) else 0
    bands, opens = BAND.findall(label), OPEN.findall(label)
    if sign == 0 or len(bands) + len(opens) != 1:
        return None
    if bands:
        a, b = int(bands[0][0]), int(bands[0][1])
        return (i, sign, a, b) if a <= b else None
    return i, sign, int(opens[0]), None


def _relation(qs: Sequence[Quantity], run: list[tuple[int, int, int, int | None]], seg: Seg) -> Relation:
    last = qs[run[-1][0]]
    start = seg.clause_start[seg.clause[run[0][0]]]
    return Relation("points", last, start, last.end, parts=tuple(qs[k] for k, _, _, _ in run),
                    extra={"link": "age groups from 0 with no gap, the last open: their shares add up to 100",
                           "net_zero": ",".join(str(s) for _, s, _, _ in run)})
