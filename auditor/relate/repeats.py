"""Repeats: one metric stated twice in a document."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction

from auditor.model import Quantity
from auditor.relate.base import (
    Relation,
)
from auditor.relate.link import frame, repeat_of


def _repeats(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    """A figure stated again later in the document: the same metric (subject, period, role) and value."""
    first: dict[tuple[str, str, Fraction], int] = {}
    for j, q in enumerate(qs):
        if q.kind not in ("count", "money", "measure", "percent") or q.high is not None:
            continue
        key = (q.kind, q.unit, Fraction(q.value))
        k = first.get(key)
        if k is None:
            first[key] = j
            continue
        p = qs[k]
        v = abs(Fraction(q.value))
        # equal numbers of different metrics are nothing: one subject, period, role and plan
        trivial = v < 10 and not q.decimals or (q.kind == "percent" and v in (0, 100))
        if q.start - p.end > 8 and not trivial and repeat_of(p, q):
            link = f"same subject {frame(q).subject}"
            yield Relation("repeat", q, q.start, q.end, parts=(q,), whole=(p,), extra={"link": link})
            yield Relation("repeat", p, p.start, p.end, parts=(p,), whole=(q,), extra={"link": link})
        first[key] = j


