"""Sums a table states by its structure: a 合计/小计 column against its row, a 总计 row against its column.

The table model (auditor/tables.py) gives the links: a header that names a total column (合计,
小计) and the columns it adds up, or a column group (65岁以上老年人口: 合计 | 男 | 女) whose total
leaf adds up the other leaves and whose cells add up the same leaves of the other groups; a row
labelled 合计/总计/小计 adds up the rows of its block, nested rows (a 60-64岁 subtotal before its
single years) apart; a grand total adds up the 小计 rows after it; the shares of a block add up to
its 100%. A row that equals the rows after it in two or more columns is a breakdown found in the
figures (总人口 = 非农业人口 + 农业人口), which is confirmed, never accused.

Cells are confirmed where they add up; a cell is accused only where the table names the total and
the same identity holds in at least two other rows (or columns) of the table.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction

from msgspec.structs import replace

from auditor.model import Quantity
from auditor.relate.base import Relation, nested_run
from auditor.relate.table_cells import (
    NAMED_AGREE,
    additive,
    agreed,
    block,
    compatible,
    exact,
    fits,
    table_sum,
)
from auditor.relate.table_found import found_rows, shares_to_100
from auditor.tables import SUBSET, TOTAL, Cell, Table, tables


def table_sums(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    for t in tables(text, qs):
        yield from _one_culprit(t, [*_total_columns(t), *_total_rows(t)])
        yield from _subtotal_rows(t)
        yield from found_rows(t)
        yield from _stacked_total(t)
        yield from shares_to_100(t)


def _one_culprit(t: Table, rels: list[Relation]) -> list[Relation]:
    """One wrong cell breaks its row's identity and its column's: accuse it once.

    Two accused identities sharing exactly one cell are the same slip; the one whose total is that
    cell is kept (a wrong 合计 cell is also a part of the 总计 row), else the first.
    """
    at = {q.start: (r, c) for r in range(len(t.rows)) for c in range(len(t.columns))
          if (q := t.q(r, c)) is not None}
    loud = [k for k, x in enumerate(rels) if x.strong]
    cells = {k: {at.get(q.start) for q in (*rels[k].parts, *rels[k].whole)} - {None} for k in loud}
    drop: set[int] = set()
    for a in loud:
        for b in loud:
            shared = cells[a] & cells[b]
            if a >= b or len(shared) != 1 or a in drop or b in drop:
                continue
            x = next(iter(shared))
            ta, tb = at.get(rels[a].whole[0].start), at.get(rels[b].whole[0].start)
            drop.add(a if tb == x and ta != x else b)
    return [x for k, x in enumerate(rels) if k not in drop]


# --- a total column against its row -------------------------------------------------------

def _column_groups(t: Table) -> list[tuple[int, list[int], str]]:
    """(total column, its part columns, why) from the header's words."""
    cols = t.columns
    out: list[tuple[int, list[int], str]] = []
    groups = [c.group for c in cols]
    if any(groups):
        spans: dict[str, list[int]] = {}
        for k, g in enumerate(groups):
            spans.setdefault(g, []).append(k)
        for g, ks in spans.items():
            tot = [k for k in ks if TOTAL.match(cols[k].leaf)]
            rest = [k for k in ks if k not in tot and not SUBSET.match(cols[k].leaf)]
            if g and len(tot) == 1 and len(rest) >= 2 and len(rest) + 1 == len(ks):
                out.append((tot[0], rest, f"table column {cols[tot[0]].label} and the columns of its group"))
        top = [g for g, ks in spans.items() if g and (TOTAL.match(g) or any(
            cols[k].leaf.startswith(("合计", "总计")) for k in ks))]
        if len(top) == 1:
            for k in spans[top[0]]:
                leaf = cols[k].leaf
                same = [j for g, ks in spans.items() if g and g != top[0] for j in ks
                        if cols[j].leaf == leaf or (TOTAL.match(leaf) and cols[j].leaf.startswith("小计"))]
                if len(same) >= 2 and len(same) == len([g for g in spans if g and g != top[0]]):
                    out.append((k, same, f"table column {cols[k].label} and the same column of the other groups"))
        return out
    names = [c.leaf for c in cols]
    totals = [k for k, x in enumerate(names) if TOTAL.match(x)]
    for n, k in enumerate(totals):
        nxt = totals[n + 1] if n + 1 < len(totals) else len(names)
        prev = totals[n - 1] if n else -1
        after = [j for j in range(k + 1, nxt)]
        before = [j for j in range(prev + 1, k)]
        if any(SUBSET.match(names[j]) for j in after):
            after = []
        if len(after) >= 2:
            out.append((k, after, f"table column {names[k]} and the columns after it"))
        elif len(before) >= 2 and not any(SUBSET.match(names[j]) for j in before):
            out.append((k, before, f"table column {names[k]} and the columns before it"))
        subs = [j for j in totals[n + 1:] if names[j].startswith("小计")]
        if not names[k].startswith("小计") and len(subs) >= 2:
            out.append((k, subs, f"table column {names[k]} and the 小计 columns"))
    return out


def _total_columns(t: Table) -> Iterator[Relation]:
    rates = {c for c in range(len(t.columns)) if any((q := t.q(r, c)) is not None and q.kind == "percent"
                                                     for r in range(len(t.rows)))}
    for tc, cols, why in _column_groups(t):
        cols = [c for c in cols if c not in rates]  # a share or rate column beside the parts is none of them
        if len(cols) < 2 or tc in rates:
            continue
        found: list[tuple[int, list[Quantity], bool, bool]] = []
        for r, row in enumerate(t.rows):
            tq = t.q(r, tc)
            if not additive(tq) or row.section or row.short:
                continue
            cells = [row.cells[c] for c in cols]
            if any(c is not None and c.q is None and c.text not in ("", "-", "—", "0") for c in cells):
                continue  # a note among the parts: not this identity
            parts = [c.q for c in cells if c is not None and c.q is not None]
            assert tq is not None
            if len(parts) < 2 or not all(additive(p) for p in parts) or not compatible([tq, *parts]):
                continue
            found.append((r, parts, fits(parts, tq), len(parts) == len(cells)))
        good = sum(1 for _, _, ok, _ in found if ok)
        for r, parts, ok, full in found:
            tq = t.q(r, tc)
            assert tq is not None
            accuse = not ok and full and exact([tq, *parts]) and agreed(good, len(found), NAMED_AGREE)
            if ok or accuse:
                lo, hi = t.rows[r].start, t.rows[r].end
                rel = table_sum(t, r, tc, parts, why, strong=accuse)
                yield replace(rel, start=min(lo, rel.start), end=max(hi, rel.end))


# --- a total row against its column ---------------------------------------------------------

def _head(t: Table, c: int) -> Cell | None:
    return t.columns[c].head


def _total_rows(t: Table) -> Iterator[Relation]:
    for n, row in enumerate(t.rows):
        if not row.total or row.section:
            continue
        below, above = block(t, n, +1), block(t, n, -1)
        rows = below if len(below) >= 2 else above
        if len(rows) < 2 or any(t.rows[r].short for r in rows):
            continue  # (a row short of a cell, merged into another's, has its figures in unknown columns)
        label = row.label
        found: list[tuple[int, list[Quantity], bool]] = []
        shares_hold = 0  # share columns whose cells add up to the row's 100%: the row's identity holds there too
        for c in range(len(t.columns)):
            tq = t.q(n, c)
            column = [t.q(r, c) for r in rows]
            if tq is not None and tq.kind == "percent" and all(p is not None and p.kind == "percent" for p in column) \
                    and fits([p for p in column if p is not None], tq):
                shares_hold += 1
            if not additive(tq) or any(not additive(p) for p in column):
                continue
            parts = [p for p in column if p is not None]
            assert tq is not None
            if not compatible([tq, *parts]):
                continue
            if fits(parts, tq) and not _counts_a_part_twice(t, rows, c):
                found.append((c, parts, True))
                yield table_sum(t, n, c, parts, f"table row {label} and the rows of its block", extra=(_head(t, c),))
                continue
            nested = _collapse(parts)
            top = [parts[i] for i, _ in nested]
            if 2 <= len(top) < len(parts) and fits(top, tq):
                yield table_sum(t, n, c, top, f"table row {label} and the rows of its block (nested rows apart)",
                           extra=(_head(t, c),))
                for i, kids in nested:
                    if kids:
                        yield table_sum(t, rows[i], c, [parts[k] for k in kids], "a table row and the rows it heads")
                continue
            found.append((c, parts, False))
        good = sum(1 for *_, ok in found if ok) + shares_hold
        for c, parts, ok in found:
            tq = t.q(n, c)
            assert tq is not None
            if not ok and agreed(good, len(found) + shares_hold, NAMED_AGREE) and exact([tq, *parts]):
                yield table_sum(t, n, c, parts, f"table row {label} and the rows of its block", strong=True,
                           extra=(_head(t, c),))


def _counts_a_part_twice(t: Table, rows: range, c: int) -> bool:
    """A 其中 row inside the block (not its first row) is a part of the row above it: a flat sum over the
    block that takes a non-zero 其中 cell along with its parent adds one amount twice, and fits by chance."""
    for k, r in enumerate(rows):
        q = t.q(r, c)
        if k and t.rows[r].subset and q is not None and q.value != 0:
            return True
    return False


def _subtotal_rows(t: Table) -> Iterator[Relation]:
    """A grand total row against the 小计 rows after it (合计 = 国内小计 + 国外小计). Confirms only."""
    totals = [n for n, r in enumerate(t.rows) if r.total and not r.section]
    if len(totals) < 3:
        return
    first, subs = totals[0], totals[1:]
    if not all(any(c.text.startswith("小计") for c in t.rows[k].stub) for k in subs):
        return
    for c in range(len(t.columns)):
        tq = t.q(first, c)
        parts = [t.q(k, c) for k in subs]
        if not additive(tq) or any(not additive(p) for p in parts):
            continue
        ps = [p for p in parts if p is not None]
        assert tq is not None
        if compatible([tq, *ps]) and fits(ps, tq):
            yield table_sum(t, first, c, ps, f"table row {t.rows[first].label} and the 小计 rows")


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


def _stacked_total(t: Table) -> Iterator[Relation]:
    """A total row with one figure under a table laid out in column pairs (省份 | 数量 | 省份 | 数量):
    the figures of every column of that name. Confirms only."""
    for n, row in enumerate(t.rows):
        cells = [c for c in range(len(t.columns)) if t.q(n, c) is not None]
        if not row.total or len(cells) != 1:
            continue
        c = cells[0]
        tq = t.q(n, c)
        leaf = t.columns[c].leaf
        same = [k for k, col in enumerate(t.columns) if col.leaf == leaf]
        if not leaf or len(same) < 2 or not additive(tq) or tq is None:
            continue
        parts = [t.q(r, k) for r in range(len(t.rows)) if r != n and not t.rows[r].section for k in same]
        ps = [p for p in parts if p is not None]
        if len(ps) >= 3 and all(additive(p) for p in ps) and compatible([tq, *ps]) and fits(ps, tq):
            yield table_sum(t, n, c, ps, f"table row {row.label} and every {leaf} column")
