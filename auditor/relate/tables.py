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

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, nested_run
from auditor.tables import SUBSET, TOTAL, Cell, Table, tables

SHARE_HEAD = re.compile(claim_words().alternation("table.share"))
ADDITIVE = ("number", "count", "money", "measure")
NAMED_AGREE = 1  # the same, where the header or the stub names the total (合计 | 受理 | 办结: one other column)
MIN_AGREE = 2  # other rows (or columns) where an identity must hold before a cell is accused


def agreed(good: int, n: int, least: int = MIN_AGREE) -> bool:
    """Enough of the identity's other instances hold to accuse the one that does not: two (one where the
    header or the stub names the total), and most."""
    return good >= least and 2 * good >= n


def additive(q: Quantity | None) -> bool:
    return q is not None and q.kind in ADDITIVE and q.high is None and not q.approx


def compatible(qs: Sequence[Quantity]) -> bool:
    """One kind and unit, a bare number counting as any (a row unit `(人)` over unitless rows)."""
    kinds = {q.kind for q in qs if q.kind != "number"}
    units = {q.unit for q in qs if q.unit}
    pct = {q.kind == "percent" for q in qs}
    return len(kinds) <= 1 and len(units) <= 1 and len(pct) == 1


def exact(qs: Sequence[Quantity]) -> bool:
    return all(q.decimals == 0 and q.scale == 1 for q in qs)


def fits(parts: Sequence[Quantity], t: Quantity) -> bool:
    """The parts add up to the total within their rounding."""
    from auditor.verify_base import meets, operand_interval

    lo = sum((operand_interval(p)[0] for p in parts), Fraction(0))
    hi = sum((operand_interval(p)[1] for p in parts), Fraction(0))
    return meets((lo, hi), operand_interval(t))


def named(t: Table, r: int, c: int, q: Quantity) -> Quantity:
    """The claimed figure with its row and column labels, so a finding names the cell."""
    return replace(q, text=f"{q.text}（{t.where(r, c)}）")


def span(*cells: Cell | Quantity | None) -> tuple[int, int]:
    xs = [x for x in cells if x is not None]
    return min(x.start for x in xs), max(x.end for x in xs)


def _sum(t: Table, r: int, c: int, parts: Sequence[Quantity], why: str, strong: bool = False,
         extra: Sequence[Cell | Quantity | None] = ()) -> Relation:
    q = t.q(r, c)
    assert q is not None
    stub = t.rows[r].stub
    lo, hi = span(q, *parts, *extra, stub[0] if stub else None)
    return Relation("sum", named(t, r, c, q), lo, hi, parts=tuple(parts), whole=(q,), exhaustive=True,
                    strong=strong, extra={"link": why})


def table_sums(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    for t in tables(text, qs):
        yield from _one_culprit(t, [*_total_columns(t), *_total_rows(t)])
        yield from _subtotal_rows(t)
        yield from _found_rows(t)
        yield from _stacked_total(t)
        yield from _shares_to_100(t)


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
            if not additive(tq) or row.section:
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
                rel = _sum(t, r, tc, parts, why, strong=accuse)
                yield replace(rel, start=min(lo, rel.start), end=max(hi, rel.end))


# --- a total row against its column ---------------------------------------------------------

def bounds(t: Table) -> tuple[list[int], list[int]]:
    """For each row, where the run of data rows it stands in begins and ends (headings and totals end one)."""
    n = len(t.rows)
    inside = [not (r.section or r.total) for r in t.rows]
    lo, hi = [0] * n, [0] * n
    for k in range(n):
        lo[k] = lo[k - 1] if k and inside[k] and inside[k - 1] else k
    for k in range(n - 1, -1, -1):
        hi[k] = hi[k + 1] if k + 1 < n and inside[k] and inside[k + 1] else k + 1
    return lo, hi


def block(t: Table, n: int, step: int, b: tuple[list[int], list[int]] | None = None) -> range:
    """The data rows next to row n up to a heading, a gap or another total row."""
    lo, hi = b or bounds(t)
    k = n + step
    if not 0 <= k < len(t.rows) or (t.rows[k].section or t.rows[k].total):
        return range(0)
    return range(k, hi[k]) if step > 0 else range(lo[k], k + 1)


def _head(t: Table, c: int) -> Cell | None:
    return t.columns[c].head


def _total_rows(t: Table) -> Iterator[Relation]:
    for n, row in enumerate(t.rows):
        if not row.total or row.section:
            continue
        below, above = block(t, n, +1), block(t, n, -1)
        rows = below if len(below) >= 2 else above
        if len(rows) < 2:
            continue
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
                yield _sum(t, n, c, parts, f"table row {label} and the rows of its block", extra=(_head(t, c),))
                continue
            nested = _collapse(parts)
            top = [parts[i] for i, _ in nested]
            if 2 <= len(top) < len(parts) and fits(top, tq):
                yield _sum(t, n, c, top, f"table row {label} and the rows of its block (nested rows apart)",
                           extra=(_head(t, c),))
                for i, kids in nested:
                    if kids:
                        yield _sum(t, rows[i], c, [parts[k] for k in kids], "a table row and the rows it heads")
                continue
            found.append((c, parts, False))
        good = sum(1 for *_, ok in found if ok) + shares_hold
        for c, parts, ok in found:
            tq = t.q(n, c)
            assert tq is not None
            if not ok and agreed(good, len(found) + shares_hold, NAMED_AGREE) and exact([tq, *parts]):
                yield _sum(t, n, c, parts, f"table row {label} and the rows of its block", strong=True,
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
            yield _sum(t, first, c, ps, f"table row {t.rows[first].label} and the 小计 rows")


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
            yield _sum(t, n, c, ps, f"table row {row.label} and every {leaf} column")


# --- breakdowns found in the figures ----------------------------------------------------------

def _found_rows(t: Table) -> Iterator[Relation]:
    """A row equal to the rows after it (or to those of each heading after it) in two or more columns."""
    b = bounds(t)
    for n, row in enumerate(t.rows):
        if row.section or row.total:
            continue
        k = n + 1
        while k < len(t.rows):
            heading = t.rows[k].section
            start = k + 1 if heading else k
            run = block(t, start - 1, +1, b) if heading else block(t, n, +1, b)
            got = _run_sum(t, n, run)
            if got is None:
                break
            end, cols = got
            why = f"table row {row.label} and the rows under {t.rows[k].label}" if heading else \
                f"table row {row.label} and the rows after it"
            for c in cols:
                parts = [t.q(r, c) for r in run[: end + 1]]
                yield _sum(t, n, c, [p for p in parts if p is not None], why)
            k = run[end] + 1
            if k >= len(t.rows) or not t.rows[k].section:
                break


def _run_sum(t: Table, n: int, run: range) -> tuple[int, list[int]] | None:
    """The end (in run) of the rows that add up to row n, and the columns where they do: two or more."""
    ends: dict[int, list[int]] = {}
    for c in range(len(t.columns)):
        tq = t.q(n, c)
        if not additive(tq) or tq is None or not exact([tq]) or tq.value <= 0:
            continue
        acc: Decimal | Fraction = Decimal(0)
        nonzero = 0  # 1 = 0 + 1: a run that adds up through zeros repeats a row, it breaks nothing down
        for i, r in enumerate(run):
            q = t.q(r, c)
            if not additive(q) or q is None or not exact([q]):
                break
            acc = acc + q.value if isinstance(q.value, Decimal) and isinstance(acc, Decimal) else \
                Fraction(acc) + Fraction(q.value)
            nonzero += q.value != 0
            if acc == tq.value and i >= 1 and nonzero >= 2:
                ends.setdefault(i, []).append(c)
                break
            if acc > tq.value:
                break
    best = max(ends.items(), key=lambda kv: len(kv[1]), default=None)
    if best is None or len(best[1]) < 2:
        return None
    return best


# --- the shares of a block add up to its 100% ---------------------------------------------------

def share_columns(t: Table) -> list[tuple[int, int]]:
    """(share column, count column): a 占比/构成 column and the count column it divides."""
    out = []
    for s, col in enumerate(t.columns):
        if not SHARE_HEAD.search(col.leaf or col.label):
            continue
        for c in range(s - 1, -1, -1):
            if t.columns[c].group != col.group:
                break
            if any(additive(t.q(r, c)) for r in range(len(t.rows))):
                out.append((s, c))
                break
    return out


def _shares_to_100(t: Table) -> Iterator[Relation]:
    """The shares of a block against its 100%: confirmed where they add up. Never accused: where they do
    not, a share cell is off its count, and the share check names that cell."""
    for s, _ in share_columns(t):
        for n, row in enumerate(t.rows):
            hq = t.q(n, s)
            if not row.total or hq is None or hq.value != 100:
                continue
            below, above = block(t, n, +1), block(t, n, -1)
            rows = below if len(below) >= 2 else above
            shares = [t.q(r, s) for r in rows]
            if len(rows) < 2 or any(q is None or q.kind != "percent" for q in shares):
                continue
            ps = [q for q in shares if q is not None]
            if fits(ps, hq):
                yield _sum(t, n, s, ps, f"table column {t.columns[s].label}: the shares of the rows of {row.label}")
