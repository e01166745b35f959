"""Rows a table names as the difference of two others by definition: 自然增加人数 = 出生人数 − 死亡人数,
自然增长率 = 出生率 − 死亡率 (lexicon table.difference).

The labels link the operands: the row whose label holds the defined name, and in its own block (no
heading between them) exactly one row holding each term of the definition and not the name, its cell in
the same column of the same kind and unit. Such a cell follows from its definition, so one that breaks
it is accused (the figures of a difference found only in the figures, table_rates, are never). A rate's
definition (…率) reads percent or per-mille cells, a count's the others; growth and index columns
(2009年为上年%) hold no level and are left out.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation
from auditor.relate.table_cells import additive, bounds, compatible, named, span
from auditor.tables import Table

_W = claim_words()
GROWTH_HEAD = re.compile(_W.alternation("table.growth"))
INDEX_HEAD = re.compile(_W.alternation("table.index"))


@cache
def _definitions() -> tuple[tuple[str, str, str], ...]:
    out = []
    for entry in claim_words()("table.difference"):
        name, rest = entry.split("=", 1)
        first, second = rest.split("-", 1)
        out.append((name, first, second))
    return tuple(sorted(out, key=lambda x: -len(x[0])))


def named_differences(t: Table) -> Iterator[Relation]:
    lo, hi = bounds(t)
    labels = [row.label for row in t.rows]
    for k, row in enumerate(t.rows):
        if row.section or row.total:
            continue
        for name, first, second in _definitions():
            if name not in labels[k]:
                continue
            block = [r for r in range(lo[k], hi[k]) if r != k and name not in labels[r]]
            rels = list(_cells(t, k, name, [r for r in block if first in labels[r]],
                               [r for r in block if second in labels[r] and first not in labels[r]]))
            if rels:
                yield from rels
                break


def _cells(t: Table, k: int, name: str, firsts: list[int], seconds: list[int]) -> Iterator[Relation]:
    rate = name.endswith("率")
    for c in range(len(t.columns)):
        kq = t.q(k, c)
        col = t.columns[c]
        if kq is None or kq.high is not None or kq.approx or (kq.kind == "percent") != rate \
                or GROWTH_HEAD.search(col.leaf or col.label) or INDEX_HEAD.search(col.label):
            continue  # a count's row in a growth or index column is no count: 104.1 for 为上年%
        a = [r for r in firsts if _fits(t.q(r, c), kq)]
        b = [r for r in seconds if _fits(t.q(r, c), kq)]
        if len(a) != 1 or len(b) != 1:
            continue
        iq, jq = t.q(a[0], c), t.q(b[0], c)
        assert iq is not None and jq is not None
        stub = t.rows[k].stub
        start, end = span(stub[0] if stub else None, kq)
        why = f"by definition {t.rows[k].label} = {t.rows[a[0]].label} − {t.rows[b[0]].label} (table rows)"
        yield Relation("difference", named(t, k, c, kq), start, end, parts=(iq,), whole=(jq,), direction=1,
                       strong=True, extra={"link": why, "definition": name})


def _fits(q: Quantity | None, kq: Quantity) -> bool:
    if q is None or q.high is not None or q.approx:
        return False
    if kq.kind == "percent" or q.kind == "percent":
        return q.kind == kq.kind and q.unit == kq.unit
    return additive(q) and additive(kq) and compatible([q, kq]) and q.unit == kq.unit
