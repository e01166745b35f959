"""Sums in flattened tables: a 合计/小计 column against the cells of its row, a 总计 row against its column.

A table flattened to text keeps one row per line with its cells joined by `|`. The link of a
total cell to its parts is the table's own structure: the header names the total column (合计,
小计) and the columns it adds up; a row labelled 总计 adds up the rows of its block. Nested rows
(a 60-64岁 subtotal before its single years) are found where a row equals the rows straight after
it and the block's total then adds up. Cells are confirmed only where they add up; a row is
accused only where the same identity holds in at least two other rows of the table.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, nested_run

_W = claim_words()
TOTAL_CELL = re.compile(rf"^(?:{_W.alternation('sums.table_total')})")
SUBSET_CELL = re.compile(rf"^(?:{_W.alternation('sums.table_subset')})")
NUMERIC_KINDS = ("number", "count", "money", "measure")
MAX_ROWS = 200  # rows of one table block considered (bounded work per table)


@dataclass(frozen=True, slots=True)
class _Cell:
    start: int
    end: int
    text: str  # stripped, spaces removed
    q: Quantity | None  # the figure filling the cell, if any


def _rows(text: str, qs: Sequence[Quantity]) -> list[list[list[_Cell]]]:
    """Blocks of consecutive pipe-joined lines, each a list of rows of cells."""
    by_start = {q.start: q for q in qs}
    blocks: list[list[list[_Cell]]] = []
    cur: list[list[_Cell]] = []
    pos = 0
    for line in text.split("\n"):
        lo, pos = pos, pos + len(line) + 1
        if line.count("|") < 2:
            if cur:
                blocks.append(cur)
            cur = []
            continue
        cells: list[_Cell] = []
        k = lo
        for n, raw in enumerate(line.split("|")):
            a = k + len(raw) - len(raw.lstrip())
            b = k + len(raw.rstrip())
            k += len(raw) + 1
            if n == 0 and not raw.strip() and line.lstrip().startswith("|"):
                continue  # a leading | opens the row
            cells.append(_Cell(a, b, re.sub(r"\s+", "", raw), _cell_figure(text, by_start, a, b)))
        while cells and not cells[-1].text:
            cells.pop()
        if len(cur) < MAX_ROWS:
            cur.append(cells)
    if cur:
        blocks.append(cur)
    return blocks


def _cell_figure(text: str, by_start: dict[int, Quantity], a: int, b: int) -> Quantity | None:
    q = by_start.get(a)
    if q is None or q.end < b or q.kind not in NUMERIC_KINDS or q.high is not None or q.approx:
        return None
    return q if not text[q.end:b].strip() else None


def _is_data(row: list[_Cell]) -> bool:
    return any(c.q is not None for c in row)


def _fits(parts: Sequence[Quantity], t: Quantity) -> bool:
    total = sum((Fraction(p.value) for p in parts), Fraction(0))
    if all(q.decimals == 0 and q.scale == 1 for q in (t, *parts)):
        return total == t.value  # whole counts have no interval
    slack = t.half_ulp + sum((p.half_ulp for p in parts), Fraction(0))
    return abs(total - Fraction(t.value)) <= slack


def _same_units(qs: Sequence[Quantity]) -> bool:
    return len({(q.kind, q.unit) for q in qs}) == 1


def table_sums(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    for block in _rows(text, qs):
        data = [r for r in block if _is_data(r)]
        if len(data) < 1:
            continue
        heads = [r for r in block[: block.index(data[0])] if not _is_data(r)]
        yield from _total_columns(heads, data)
        yield from _total_rows(block)


# --- a total column against its row -------------------------------------------------------

def _column_groups(heads: list[list[_Cell]], width: int) -> list[tuple[int, list[int], str]]:
    """(total column, its part columns, why) from the last header row that names a total column."""
    for head in reversed(heads):
        names = [c.text for c in head]
        if not any(TOTAL_CELL.match(x) for x in names):
            continue
        shift = width - len(names) if len(names) < width else 0  # a header row without the label cell
        cols = [(n + shift, x) for n, x in enumerate(names)]
        totals = [c for c, x in cols if TOTAL_CELL.match(x)]
        out: list[tuple[int, list[int], str]] = []
        for n, t in enumerate(totals):
            nxt = totals[n + 1] if n + 1 < len(totals) else width
            after = [c for c, x in cols if t < c < nxt]
            prev = totals[n - 1] if n else -1
            before = [c for c, x in cols if prev < c < t]
            if any(SUBSET_CELL.match(x) for c, x in cols if c in after):
                after = []
            if len(after) >= 2:
                out.append((t, after, f"table column {names[t - shift]} and the columns after it"))
            elif len(before) >= 2 and not any(SUBSET_CELL.match(x) for c, x in cols if c in before):
                out.append((t, before, f"table column {names[t - shift]} and the columns before it"))
            subs = [c for c in totals[n + 1:] if names[c - shift].startswith("小计")]
            if not names[t - shift].startswith("小计") and len(subs) >= 2:
                out.append((t, subs, f"table column {names[t - shift]} and the 小计 columns"))
        return out
    return []


def _total_columns(heads: list[list[_Cell]], data: list[list[_Cell]]) -> Iterator[Relation]:
    width = max(len(r) for r in data)
    for t, cols, why in _column_groups(heads, width):
        rows: list[tuple[Quantity, list[Quantity], bool, bool]] = []
        for row in data:
            if len(row) != width or row[t].q is None:
                continue
            cells = [row[c] for c in cols if c < len(row)]
            if any(c.q is None and c.text not in ("", "-", "—", "0") for c in cells):
                continue  # a percent or a note among the parts: not this identity
            parts = [c.q for c in cells if c.q is not None]
            tq = row[t].q
            if tq is None or len(parts) < 2 or not _same_units([tq, *parts]):
                continue
            full = len(parts) == len(cells)
            rows.append((tq, parts, _fits(parts, tq), full))
        good = sum(1 for *_, ok, _ in rows if ok)
        for tq, parts, ok, full in rows:
            exact = full and all(p.decimals == 0 and p.scale == 1 for p in (tq, *parts))
            if ok or good >= 2 and exact:
                yield _relation(tq, parts, why, strong=not ok)


def _relation(t: Quantity, parts: Sequence[Quantity], why: str, strong: bool = False) -> Relation:
    lo = min(t.start, *(p.start for p in parts))
    hi = max(t.end, *(p.end for p in parts))
    return Relation("sum", t, lo, hi, parts=tuple(parts), whole=(t,), exhaustive=True, strong=strong,
                    extra={"link": why})


# --- a total row against its column ---------------------------------------------------------

def _total_rows(block: list[list[_Cell]]) -> Iterator[Relation]:
    for n, row in enumerate(block):
        if not row or not TOTAL_CELL.match(row[0].text) or not _is_data(row):
            continue
        below = _block_rows(block, n, +1)
        above = _block_rows(block, n, -1)
        rows = below if len(below) >= 2 else above
        if len(rows) < 2:
            continue
        label = row[0].text
        for col, cell in enumerate(row):
            t = cell.q
            if t is None:
                continue
            column = [r[col].q for r in rows if col < len(r)]
            if any(p is None for p in column) or len(column) != len(rows):
                continue
            parts = [p for p in column if p is not None]
            if not _same_units([t, *parts]):
                continue
            if _fits(parts, t):
                yield _span(_relation(t, parts, f"table row {label} and the rows of its block"), row)
                continue
            nested = _collapse(parts)
            top = [parts[i] for i, _ in nested]
            if len(top) >= 2 and len(top) < len(parts) and _fits(top, t):
                yield _span(_relation(t, top, f"table row {label} and the rows of its block (nested rows apart)"),
                            row)
                for i, kids in nested:
                    if kids:
                        sub = _relation(parts[i], [parts[k] for k in kids], "a table row and the rows it heads")
                        yield _span(sub, rows[[r[col].q for r in rows].index(parts[i])])


def _span(r: Relation, row: list[_Cell]) -> Relation:
    """A column claim is shown at its total's row, not over the whole column."""
    return Relation(r.kind, r.claim, row[0].start, row[-1].end, parts=r.parts, whole=r.whole,
                    exhaustive=r.exhaustive, strong=r.strong, extra=r.extra)


def _block_rows(block: list[list[_Cell]], n: int, step: int) -> list[list[_Cell]]:
    """The data rows next to row n up to a header, a gap or another total row."""
    width = len(block[n])
    out: list[list[_Cell]] = []
    k = n + step
    while 0 <= k < len(block):
        r = block[k]
        if not _is_data(r) or len(r) != width or (r and TOTAL_CELL.match(r[0].text)):
            break
        out.append(r)
        k += step
    return out if step > 0 else out[::-1]


def _collapse(vals: Sequence[Quantity]) -> list[tuple[int, list[int]]]:
    """Top-level rows with the rows each one heads: a row equal to the two or more rows straight after it."""
    out: list[tuple[int, list[int]]] = []
    values = [Fraction(v.value) for v in vals]
    i = 0
    n = len(vals)
    while i < n:
        end = nested_run(values, i, 40)
        if end > 0:
            out.append((i, list(range(i + 1, end + 1))))
            i = end + 1
        else:
            out.append((i, []))
            i += 1
    return out
