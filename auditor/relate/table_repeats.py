"""A table that restates figures of the text around it: 其次是乙县法院3011件 beside the row 乙县法院 | 3011.

The link is the row: the words before the text's figure name a row of the table (乙县法院 ends the
clause 其次是乙县法院, 第一产业 opens 第一产业增加值), or end in the same name as the row label
(全市实现生产总值 and the row 地区生产总值 share 生产总值), and exactly one cell of that row holds the
same figure. Such a pair is recorded as a repeat, confirmed; a figure that differs from every cell of
its row is left alone (the row has several columns, and the text may speak of another one).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from auditor.model import Quantity
from auditor.numbers import BIG_UNITS, SMALL_UNITS
from auditor.relate.base import Relation, label_before
from auditor.relate.link import frame
from auditor.relate.table_cells import named
from auditor.tables import Table, tables

#: how far from a table (characters before its start or after its end) the text it restates may be
REACH = 800
#: the shortest common ending of a clause and a row label that names the same metric (生产总值)
MIN_SUFFIX = 4
MAX_LABEL = 20
ROW_NAME = re.compile(r"[\u4e00-\u9fff（）()、]{2,20}")
LEVEL_KINDS = ("count", "money", "measure")
MAGNITUDE = {**SMALL_UNITS, **BIG_UNITS}


def table_repeats(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    found = tables(text, qs)
    if not found:
        return
    inside = [(t.start, t.end) for t in found]
    starts = [q.start for q in qs]
    for t in found:
        names = _row_names(t)
        tails: dict[str, list[str]] = {}
        for name in names:
            if len(name) >= MIN_SUFFIX:
                tails.setdefault(name[-MIN_SUFFIX:], []).append(name)
        if not names:
            continue
        lo = bisect.bisect_left(starts, t.start - REACH)
        hi = bisect.bisect_left(starts, t.end + REACH)
        for k in range(lo, hi):  # linear: a bounded window on each side of each table
            q = qs[k]
            if any(a <= q.start < b for a, b in inside):
                continue
            if q.kind not in LEVEL_KINDS or q.high is not None or q.approx or frame(q).role != "level":
                continue
            if abs(Fraction(q.value)) < 10 and not q.decimals:
                continue  # small whole numbers recur by chance
            rows = _rows_named(label_before(text, q, 0), names, tails)
            cells = [(r, c) for r in rows for c, cell in enumerate(t.rows[r].cells)
                     if cell is not None and cell.q is not None and _same_figure(q, cell.q)]
            if len(cells) != 1:
                continue
            r, c = cells[0]
            cq = t.q(r, c)
            assert cq is not None
            link = f"table row {t.rows[r].label}"
            shown = named(t, r, c, cq)
            stub = t.rows[r].stub
            a = min(cq.start, stub[0].start) if stub else cq.start
            yield Relation("repeat", q, q.start, q.end, parts=(q,), whole=(shown,), extra={"link": link})
            yield Relation("repeat", shown, a, cq.end, parts=(shown,), whole=(q,), extra={"link": link})


def _row_names(t: Table) -> dict[str, list[int]]:
    """Row labels (spaces removed) to the rows that carry them; totals and serial numbers are no names."""
    out: dict[str, list[int]] = {}
    for r, row in enumerate(t.rows):
        lab = re.sub(r"\s+", "", row.label)
        if row.total or row.section or not ROW_NAME.fullmatch(lab):
            continue
        out.setdefault(lab, []).append(r)
    return out


def _rows_named(lab: str, names: dict[str, list[int]], tails: dict[str, list[str]]) -> list[int]:
    """The rows whose label the clause names: inside it, or ending the same way (at least MIN_SUFFIX)."""
    lab = re.sub(r"\s+", "", lab)
    hit: set[str] = set()
    n = len(lab)
    for a in range(n):  # linear in the label (at most 40 characters), MAX_LABEL lengths each
        for b in range(a + 2, min(n, a + MAX_LABEL) + 1):
            if lab[a:b] in names:
                hit.add(lab[a:b])
    if not hit:
        hit.update(tails.get(lab[-MIN_SUFFIX:], ()))
    return sorted({r for name in hit for r in names[name]})


def _same_figure(q: Quantity, cell: Quantity) -> bool:
    """The same value in a compatible unit: the cell's own, or a bare number under the table's unit."""
    if cell.kind == "percent" or cell.high is not None:
        return False
    if not cell.unit:
        return Fraction(cell.value) in (Fraction(q.value), Fraction(q.value) / q.scale)
    unit, mult = cell.unit, Fraction(1)
    while len(unit) > 1 and unit[0] in MAGNITUDE:  # a header's 亿元 is 10^8 元, as extract.py reads 52.46亿元
        mult *= MAGNITUDE[unit[0]]
        unit = unit[1:]
    return unit == q.unit and Fraction(q.value) == Fraction(cell.value) * mult
