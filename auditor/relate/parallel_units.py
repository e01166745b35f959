"""Parallel groups of counts in distinct units: 6门类、19大类 … 禁止类4门类、11大类 … 限制类3门类、8大类.

Each unit's groups are checked against the head's figure of that unit, one column each (sums.py).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from auditor.model import Quantity
from auditor.relate.base import Relation, Seg


def parallel_units(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    """6门类、19大类 … 禁止类4门类、11大类 … 限制类3门类、8大类: each unit's groups against its total."""
    # runs of counts with distinct units joined by 、
    runs: list[list[int]] = []
    cur: list[int] = []
    for j, q in enumerate(qs):
        if q.kind == "count" and cur and seg.sent[j] == seg.sent[cur[-1]] and \
                text[qs[cur[-1]].end:q.start] == "、" and q.unit not in {qs[c].unit for c in cur}:
            cur.append(j)
        else:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [j] if q.kind == "count" else []
    if len(cur) >= 2:
        runs.append(cur)
    n = 0
    while n < len(runs):
        head = runs[n]
        units = [qs[j].unit for j in head]
        groups = []
        m = n + 1
        while m < len(runs) and [qs[j].unit for j in runs[m]] == units and seg.sent[runs[m][0]] == seg.sent[head[0]]:
            groups.append(runs[m])
            m += 1
        if len(groups) >= 2:
            for col, tj in enumerate(head):
                t = qs[tj]
                parts = tuple(qs[g[col]] for g in groups)
                yield Relation("sum", t, t.start, t.end, parts=parts, whole=(t,), exhaustive=False, overlap=True,
                               extra={"link": "parallel groups, one column each"},
                               strong=True)
            n = m
        else:
            n += 1
