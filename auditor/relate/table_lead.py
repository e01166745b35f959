"""A table's share column over the total its lead-in states: `共新收民事一审案件26059件，其中各类主要案由占比…如下表`
then a column `占民事一审新收总数比例` (4159 | 15.96%: 4159/26059).

The column's header names its base (占…总数比例); the whole is the nearest figure before the table, within
its lead-in, whose words carry that base. Only tables with no total row of their own (whose 100% row
is the base) and whose shares leave some of the whole out. A cell is accused only where the other
rows of its column agree (tables.agreed).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from msgspec.structs import replace

from auditor.model import Quantity
from auditor.relate.base import Relation, label_before
from auditor.relate.link import frame
from auditor.relate.table_cells import additive, agreed, compatible, named, span
from auditor.relate.table_found import share_columns
from auditor.relate.table_prior_whole import prior_column_whole
from auditor.tables import Table

LEAD = 300  # characters before a table searched for the total its lead-in states
BACK = 40  # figures looked at in that stretch
BASE = re.compile(r"占([\u4e00-\u9fff]{3,16}?)(?:总数|总量|总额|合计)?的?(?:比例|比重|占比|份额|比)")


def lead_total_shares(text: str, qs: Sequence[Quantity], t: Table) -> Iterator[Relation]:
    if any(row.total for row in t.rows):
        return
    starts = [q.start for q in qs]
    for s, c in share_columns(t):
        m = BASE.search(t.columns[s].leaf or t.columns[s].label) or BASE.search(t.columns[s].label)
        if m is None:
            continue
        w = _lead_total(text, qs, starts, t.start, m.group(1))
        if w is None:
            continue
        cands: list[Relation] = []
        for n, row in enumerate(t.rows):
            q, part = t.q(n, s), t.q(n, c)
            if row.section or q is None or q.kind != "percent" or not additive(part) or part is None \
                    or not compatible([part, w]) or part.value > w.value:
                continue
            lo, hi = span(row.stub[0] if row.stub else None, part, q)
            cands.append(Relation("share", named(t, n, s, q), lo, hi, alternatives=(((part,), (w,)),),
                                  extra={"link": f"table column {t.columns[s].label} over {w.text} before the table",
                                         "unique": "1"}))
        if _agree(cands):
            yield from prior_column_whole(qs, t, c, w)
        yield from _calibrated(cands)


def _agree(cands: list[Relation]) -> bool:
    """Most of the column's shares agree with the lead-in total: it is the whole of their counts."""
    from auditor.verify import verify

    return agreed(sum(1 for r in cands if verify(r).status == "consistent"), len(cands))


def _lead_total(text: str, qs: Sequence[Quantity], starts: list[int], at: int, name: str) -> Quantity | None:
    k = bisect_right(starts, at) - 1
    for j in range(k, max(-1, k - BACK), -1):
        q = qs[j]
        if q.end > at:
            continue
        if at - q.end > LEAD:
            return None
        f = frame(q)
        if q.kind not in ("count", "money", "measure") or f.role != "level" or f.plan or q.high is not None:
            continue
        lab = label_before(text, q, 0)
        if any(name[i:i + 3] in lab for i in range(len(name) - 2)):
            return q
    return None


def _calibrated(cands: list[Relation]) -> Iterator[Relation]:
    from auditor.verify import verify

    status = [verify(r).status for r in cands]
    good = sum(1 for s in status if s == "consistent")
    for r, s in zip(cands, status, strict=True):
        yield r if s == "consistent" else replace(r, strong=agreed(good, len(cands)))
