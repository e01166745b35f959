"""Breakdowns a table states only in its figures: a row equal to the rows after it, and the shares of a
block that add up to its 100%. Both confirm, never accuse (relate/tables.py runs them)."""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from auditor.relate.base import Relation
from auditor.relate.table_cells import SHARE_HEAD, additive, block, bounds, exact, fits, table_sum
from auditor.tables import Table

# --- breakdowns found in the figures ----------------------------------------------------------

def found_rows(t: Table) -> Iterator[Relation]:
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
                yield table_sum(t, n, c, [p for p in parts if p is not None], why)
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
    # columns that repeat each other cell by cell (受理 8 | 办结 8, 1 | 1, 6 | 6) are one column's evidence
    end, cols = best
    rows = (n, *run[: end + 1])
    distinct = {tuple(q.value if (q := t.q(r, c)) is not None else None for r in rows) for c in cols}
    return best if len(distinct) >= 2 else None


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


def shares_to_100(t: Table) -> Iterator[Relation]:
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
                why = f"table column {t.columns[s].label}: the shares of the rows of {row.label}"
                yield table_sum(t, n, s, ps, why)
