"""The cells of a table as operands: which figures add up, how a sum over cells is stated, where a block
of data rows begins and ends (shared by relate/tables.py and the table_*.py checks)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation
from auditor.tables import Cell, Table

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


def table_sum(t: Table, r: int, c: int, parts: Sequence[Quantity], why: str, strong: bool = False,
         extra: Sequence[Cell | Quantity | None] = ()) -> Relation:
    q = t.q(r, c)
    assert q is not None
    stub = t.rows[r].stub
    lo, hi = span(q, *parts, *extra, stub[0] if stub else None)
    return Relation("sum", named(t, r, c, q), lo, hi, parts=tuple(parts), whole=(q,), exhaustive=True,
                    strong=strong, extra={"link": why})


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
