"""A total in the text that points at the table breaking it down: 共收到申请376件(见表1); 共审结4696件。详见下图.

The pointer (见表1, 详见下表, 如下图) names the table: the one captioned 表1 after it, or the next table
for 下表/下图. Where that table's total row (合计) holds the text's figure and its rows add up to it,
the text's total is confirmed against those rows, the claim reading from the text's figure to the
table's total. A text figure that differs from the table's total is left alone here (the table and the
text may count differently: one may be received, the other accepted).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation
from auditor.relate.table_cells import additive, fits
from auditor.relate.table_repeats import _same_figure
from auditor.relate.tables import table_sums
from auditor.tables import Table, tables

_W = claim_words()
POINTER = re.compile(rf"(?:{_W.alternation('sums.table_pointer')})\s*([一二三四五六七八九十\d]{{0,3}})")
SENT_END = re.compile(r"[。！？!?\n]")
#: how far after its pointer a numbered table's caption may be, and a 下表's table may begin
REACH = 3000
NEXT_REACH = 300
#: how far before its pointer the text's total may be (the pointer's sentence and the one before)
BACK = 300
ROW_LINK = "table row"


def table_pointers(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    ts = tables(text, qs)
    if not ts:
        return
    starts = [t.start for t in ts]
    q_starts = [q.start for q in qs]
    totals: dict[int, list[Relation]] = {}
    for rel in table_sums(text, qs):
        if ROW_LINK not in rel.extra.get("link", "") or not fits(rel.parts, rel.whole[0]):
            continue
        k = bisect.bisect_right(starts, rel.whole[0].start) - 1
        if k >= 0 and ts[k].start <= rel.whole[0].start < ts[k].end:
            totals.setdefault(k, []).append(rel)
    for m in POINTER.finditer(text):  # linear: one bounded look each side of each pointer
        pointed = _table_of(text, ts, starts, m)
        if pointed is None:
            continue
        lo = _sentence_before(text, m.start())
        a, b = bisect.bisect_left(q_starts, lo), bisect.bisect_left(q_starts, m.start())
        figures = [qs[j] for j in range(a, b) if _total_like(qs[j])]
        k = pointed
        while k < len(ts) and ts[k].start == ts[pointed].start:  # side by side blocks of one grid
            yield from _confirmed(m.group(0), figures, totals.get(k, []), ts[k])
            k += 1


def _confirmed(pointer: str, figures: list[Quantity], rels: list[Relation], t: Table) -> Iterator[Relation]:
    """The text's total against the table's total row, or (where it has none) against a column that
    adds up to it exactly."""
    for rel in rels:
        cell = rel.whole[0]
        hits = [f for f in figures if _same_figure(f, cell)]
        if len(hits) == 1:  # not none, nor two figures of the text that the total might be
            f = hits[0]
            yield Relation("sum", f, f.start, cell.end, parts=rel.parts, whole=(f,), exhaustive=True,
                           extra={"link": f"table pointed at by {pointer}: {rel.extra['link']}"})
    if rels or any(row.total for row in t.rows):
        return
    for c in range(len(t.columns)):
        cells = [row.cells[c] for row in t.rows if not row.section and not row.subset]
        parts = [x.q for x in cells if x is not None and x.q is not None]
        if len(parts) < 2 or len(parts) != len(cells) or not all(additive(p) for p in parts):
            continue
        total = sum((Fraction(p.value) for p in parts), Fraction(0))
        hits = [f for f in figures if Fraction(f.value) == total and f.kind != "percent"
                and all(not p.unit or p.unit == f.unit for p in parts)]
        if len(hits) == 1:
            f = hits[0]
            yield Relation("sum", f, f.start, parts[-1].end, parts=tuple(parts), whole=(f,),
                           extra={"link": f"table pointed at by {pointer}: column {t.columns[c].label} adds up to it"})


def _table_of(text: str, ts: Sequence[Table], starts: list[int], m: re.Match[str]) -> int | None:
    """The table a pointer names: 表1 by its caption after the pointer, 下表 the next table."""
    k = bisect.bisect_left(starts, m.end())
    if m.group(1):
        word = m.group(0).rstrip("0123456789一二三四五六七八九十 ")
        cap = text.find(word[-1] + m.group(1), m.end(), m.end() + REACH)  # 见表1 -> 表1, 见图2 -> 图2
        if cap < 0:
            return None
        k = bisect.bisect_left(starts, cap)
        return k if k < len(ts) and ts[k].start - cap <= NEXT_REACH else None
    return k if k < len(ts) and ts[k].start - m.end() <= NEXT_REACH else None


def _sentence_before(text: str, at: int) -> int:
    """The start of the pointer's sentence, or of the one before where the pointer's holds no figure
    (…共审结4696件。具体情况详见下图)."""
    lo = max(0, at - BACK)
    ends = [e.end() for e in SENT_END.finditer(text, lo, at)]
    start = ends[-1] if ends else lo
    if not re.search(r"\d", text[start:at]):
        start = ends[-2] if len(ends) >= 2 else lo
    return start


def _total_like(q: Quantity) -> bool:
    return q.kind in ("count", "money", "measure", "number") and q.high is None and not q.approx
