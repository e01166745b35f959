"""Rates a table states by its structure: share columns, growth and index columns, differences.

- a 占比/构成 column divides the count beside it by its block's total: the 合计/小计 row whose share
  is 100% (a `100/79.8` cell divides the block's total by the grand total), or the column's sum
  where the shares add up to 100 and the table has no total row (then confirmed only);
- a growth column (增幅, 同比增长(±%), 比上年增长%) compares the two columns whose headers differ
  only by the year (2019年新收 / 2018年新收) or by 本期 / 上年同期; an index column (2009年为上年%)
  is the new value as a percent of the old;
- a column (or row) that is the difference of two others in most rows (自然增长率 = 出生率 − 死亡率)
  is found in the figures.

A cell is accused only where its identity holds in at least two other rows of the same column;
elsewhere a cell that does not agree is unverifiable.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation
from auditor.relate.table_cells import additive, agreed, block, bounds, compatible, exact, fits, named, span
from auditor.relate.table_changes import table_changes
from auditor.relate.table_found import share_columns
from auditor.relate.table_identities import named_differences
from auditor.relate.table_lead import lead_total_shares
from auditor.relate.table_vital import population_rows, vital_columns, vital_rows
from auditor.tables import TOTAL, Table, tables

_W = claim_words()
GROWTH_HEAD = re.compile(_W.alternation("table.growth"))
INDEX_HEAD = re.compile(_W.alternation("table.index"))
CURRENT = re.compile(_W.alternation("table.current"))
PRIOR = re.compile(_W.alternation("table.prior"))
RATIO_ROW = re.compile(_W.alternation("table.ratio_row"))
REAL = re.compile(_W.alternation("table.real_growth"))
NEAR = 200  # characters around a table searched for a note on its growth rates (可比价)
YEAR = re.compile(r"(?:19|20)\d{2}")
MAX_COLUMNS = 16  # columns searched for differences (bounded work per table)
MAX_ROW_SPAN = 4  # rows between a difference row and the first row it is taken from
MIN_FOUND = 3  # rows where a difference found in the figures must hold


def table_claims(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    for t in tables(text, qs):
        yield from _shares(t)
        if not REAL.search(text[max(0, t.start - NEAR):t.end + NEAR]):
            yield from _growth(t)
        yield from _column_differences(t)
        yield from _row_differences(t)
        yield from named_differences(t)
        yield from _ratio_rows(t)
        yield from vital_columns(t)
        yield from vital_rows(t)
        yield from population_rows(t)
        yield from lead_total_shares(text, qs, t)
    yield from table_changes(text, qs)


def _status(r: Relation) -> str:
    from auditor.verify import verify

    return verify(replace(r, strong=False)).status


def _calibrated(cands: list[Relation]) -> Iterator[Relation]:
    """Agreeing cells as they are; a disagreeing one accused where the others of its column agree."""
    status = [_status(r) for r in cands]
    good = sum(1 for s in status if s == "consistent")
    for r, s in zip(cands, status, strict=True):
        if s == "consistent":
            yield r
        else:
            yield replace(r, strong=agreed(good, len(cands)))


# --- shares -----------------------------------------------------------------------------------

def _shares(t: Table) -> Iterator[Relation]:
    for s, c in share_columns(t):
        totals = [n for n, row in enumerate(t.rows) if row.total and _is_100(t.q(n, s))]
        b = bounds(t)
        cands: list[Relation] = []
        if totals and _base_misses(t, totals[0], c):
            continue  # the total the shares are taken of is not the sum of its rows: which is wrong is the sum's to say
        if totals:
            grand = totals[0]
            for n, row in enumerate(t.rows):
                if row.section:
                    continue
                cell = row.cells[s]
                if row.total:
                    if n != grand and cell is not None and cell.pair is not None:
                        r = _share(t, n, s, c, grand, cell.pair, f"table row {row.label}: its share of "
                                                                  f"{t.rows[grand].label}")
                        if r is not None:
                            cands.append(r)
                    continue
                base = _block_total(n, totals, b)
                q = t.q(n, s)
                if base is None or q is None or q.kind != "percent":
                    continue
                r = _share(t, n, s, c, base, q, f"table column {t.columns[s].label}: row {row.label} "
                                                  f"over {t.rows[base].label}")
                if r is not None:
                    cands.append(r)
            yield from _calibrated(cands)
            continue
        yield from _column_sum_shares(t, s, c)


def _base_misses(t: Table, grand: int, c: int) -> bool:
    """The total row's count is not the sum of the rows of its block (S4xx judges it): shares over it are moot."""
    below, above = block(t, grand, +1), block(t, grand, -1)
    rows = below if len(below) >= 2 else above
    whole = t.q(grand, c)
    parts = [t.q(r, c) for r in rows]
    if len(rows) < 2 or not additive(whole) or any(not additive(p) for p in parts) or whole is None:
        return False
    found = [p for p in parts if p is not None]
    return compatible([whole, *found]) and not fits(found, whole)


def _is_100(q: Quantity | None) -> bool:
    return q is not None and q.kind == "percent" and q.value == 100


def _block_total(n: int, totals: list[int], b: tuple[list[int], list[int]]) -> int | None:
    """The total row of row n's block: the nearest total row above it, or below it where none is above."""
    lo, hi = b
    if lo[n] - 1 in totals:
        return lo[n] - 1
    if hi[n] in totals and totals[0] > n:
        return hi[n]
    return None


def _share(t: Table, n: int, s: int, c: int, base: int, q: Quantity, why: str) -> Relation | None:
    part, whole = t.q(n, c), t.q(base, c)
    if not additive(part) or not additive(whole) or part is None or whole is None or whole.value <= 0:
        return None
    if not compatible([part, whole]):
        return None
    lo, hi = span(t.rows[n].stub[0] if t.rows[n].stub else None, part, q)
    return Relation("share", named(t, n, s, q), lo, hi, alternatives=(((part,), (whole,)),), strong=False,
                    extra={"link": why, "unique": "1"})


def _column_sum_shares(t: Table, s: int, c: int) -> Iterator[Relation]:
    """No total row: the shares of a column that add up to 100 divide their counts by the column's sum."""
    rows = [n for n, row in enumerate(t.rows) if not row.section]
    shares = [t.q(n, s) for n in rows]
    counts = [t.q(n, c) for n in rows]
    if len(rows) < 2 or any(q is None or q.kind != "percent" for q in shares) or \
            any(not additive(q) for q in counts):
        return
    ss = [q for q in shares if q is not None]
    cs = [q for q in counts if q is not None]
    slack = sum((q.half_ulp for q in ss), Fraction(0))
    if abs(sum((Fraction(q.value) for q in ss), Fraction(0)) - 100) > slack or not compatible(cs):
        return
    total = sum((Fraction(q.value) for q in cs), Fraction(0))
    whole = Quantity(cs[0].start, cs[-1].end, str(total), total, cs[0].unit, cs[0].kind)
    for n, q, part in zip(rows, ss, cs, strict=True):
        lo, hi = span(t.rows[n].stub[0] if t.rows[n].stub else None, part, q)
        yield Relation("share", named(t, n, s, q), lo, hi, alternatives=(((part,), (whole,)),),
                       extra={"link": f"table column {t.columns[s].label}: the rows' shares of the column's sum"})


# --- growth and index columns ---------------------------------------------------------------

def _pair(t: Table, g: int) -> tuple[int, int] | None:
    """The new and the old column a growth column compares: headers that differ only by the year or period."""
    cols = t.columns
    cands = [k for k in range(len(cols)) if k != g and cols[k].group == cols[g].group
             and any(additive(t.q(r, k)) for r in range(len(t.rows)))]
    pairs = []
    own = YEAR.findall(cols[g].label)
    for a in cands:
        for b in cands:
            if a == b:
                continue
            ya, yb = YEAR.findall(cols[a].label), YEAR.findall(cols[b].label)
            by_year = len(ya) == 1 and len(yb) == 1 and ya[0] > yb[0] and \
                YEAR.sub("", cols[a].label) == YEAR.sub("", cols[b].label) and (not own or own[-1] == ya[0])
            by_word = bool(CURRENT.search(cols[a].label) and PRIOR.search(cols[b].label)) and \
                CURRENT.sub("", cols[a].label) == PRIOR.sub("", cols[b].label)
            if by_year or by_word:
                pairs.append((a, b))
    return pairs[0] if len(pairs) == 1 else None


def _growth(t: Table) -> Iterator[Relation]:
    for g, col in enumerate(t.columns):
        index = bool(INDEX_HEAD.search(col.label))
        if not index and not GROWTH_HEAD.search(col.leaf or col.label):
            continue
        pair = _pair(t, g)
        if pair is None:
            if not index:
                yield from _granular(t, g)
            continue
        a, b = pair
        cands = []
        for n, row in enumerate(t.rows):
            q, new, old = t.q(n, g), t.q(n, a), t.q(n, b)
            if q is None or q.kind != "percent" or not additive(new) or not additive(old):
                continue
            assert new is not None and old is not None
            if old.value <= 0 or not compatible([new, old]):
                continue
            claim = named(t, n, g, q)
            if index:
                claim = replace(claim, value=q.value - 100)
            lo, hi = span(row.stub[0] if row.stub else None, new, old, q)
            why = f"table column {col.label}: {t.columns[a].label} against {t.columns[b].label}"
            cands.append(Relation("growth", claim, lo, hi, parts=(new,), whole=(old,), direction=1,
                                  extra={"link": why, **({"index": "1"} if index else {})}))
        yield from _calibrated(cands)


#: a column header that names a count (事故起数, 死亡人数, 件数): its bare numbers are whole counts
COUNT_HEAD = re.compile(claim_words().alternation("table.count_head"))


def _granular(t: Table, g: int) -> Iterator[Relation]:
    """A growth column beside the count it speaks of, no prior column (采矿 | 同比增长(±%)): a count's
    prior is a whole number, so a rate no whole prior gives is mis-rounded. Never accused outright:
    a rate may speak of another count than the one beside it."""
    c = g - 1
    if c < 0 or t.columns[c].group != t.columns[g].group or GROWTH_HEAD.search(t.columns[c].leaf):
        return
    # the count column's header, or the table's (事故起数 over 采矿 | 建筑 | 交通运输), names a count
    counted = COUNT_HEAD.search(t.columns[c].label + "".join(h.text for h in t.head)) is not None
    for n, row in enumerate(t.rows):
        q, level = t.q(n, g), t.q(n, c)
        if q is None or q.kind != "percent" or not additive(level) or level is None or not exact([level]) \
                or level.value <= 0 or q.approx \
                or not (level.kind == "count" or level.kind == "number" and counted):
            continue  # (an amount in 元 or 亿元, or a number no count header names, is rounded: no whole prior)
        lo, hi = span(row.stub[0] if row.stub else None, level, q)
        claim, way = named(t, n, g, q), 1
        if q.value < 0:  # -16.66 reads as 下降16.66: the size of the fall, downwards
            claim, way = replace(claim, value=-q.value), -1
        r = Relation("growth", claim, lo, hi, parts=(level,), direction=way,
                     alternatives=(((level,), ()),),
                     extra={"granular": "1", "link": f"table column {t.columns[g].label} beside {t.columns[c].label}"})
        if _status(r) != "inconsistent":
            yield r


# --- differences found in the figures -------------------------------------------------------------

def _slack(q: Quantity) -> Fraction:
    """Half a unit of the last digit of a rounded figure; nothing for a whole count."""
    return q.half_ulp if q.decimals or q.scale > 1 or q.kind == "percent" else Fraction(0)


def _diff_holds(k: Quantity, i: Quantity, j: Quantity) -> bool:
    if isinstance(k.value, Decimal) and isinstance(i.value, Decimal) and isinstance(j.value, Decimal) and \
            k.scale == i.scale == j.scale == 1:
        gap = abs(i.value - j.value - k.value)  # exact in Decimal: the fast path of a table's many cells
        if gap == 0:
            return True
        room = sum((Decimal(5).scaleb(-q.decimals - 1) for q in (k, i, j)
                    if q.decimals or q.kind == "percent"), Decimal(0))
        return gap <= room
    slack = _slack(k) + _slack(i) + _slack(j)
    return abs(Fraction(i.value) - Fraction(j.value) - Fraction(k.value)) <= slack


def _figures(t: Table, c: int) -> list[Quantity | None]:
    return [q if q is not None and q.kind in ("number", "count", "money", "measure", "percent") and q.high is None
            else None for q in (t.q(r, c) for r in range(len(t.rows)))]


def _column_differences(t: Table) -> Iterator[Relation]:
    """A column that is one column minus another in most rows (自然增长率 = 出生率 − 死亡率)."""
    width = min(len(t.columns), MAX_COLUMNS)
    cols = [_figures(t, c) for c in range(width)]
    for k in range(width):
        if TOTAL.match(t.columns[k].leaf):
            continue
        for i in range(k):
            if i == k or TOTAL.match(t.columns[i].leaf):
                continue
            for j in range(k):  # the difference stands right of what it subtracts
                if j == i:
                    continue
                yield from _difference_column(t, cols, k, i, j)


def _difference_column(t: Table, cols: list[list[Quantity | None]], k: int, i: int, j: int) -> Iterator[Relation]:
    trio: list[tuple[int, Quantity, Quantity, Quantity]] = []
    for r in range(len(t.rows)):
        kq, iq, jq = cols[k][r], cols[i][r], cols[j][r]
        if kq is not None and iq is not None and jq is not None:
            trio.append((r, kq, iq, jq))
    if len(trio) < MIN_FOUND + 1 or sum(1 for _, kq, iq, jq in trio[:3] if _diff_holds(kq, iq, jq)) < 2:
        return
    if not compatible([q for _, *qs in trio for q in qs]):
        return
    holds = {r for r, kq, iq, jq in trio if _diff_holds(kq, iq, jq)}
    telling = [r for r, kq, _, jq in trio if r in holds and jq.value != 0 and kq.value != 0]
    if len(telling) < MIN_FOUND or len(holds) * 5 < len(trio) * 4:
        return
    why = f"table column {t.columns[k].label} = {t.columns[i].label} − {t.columns[j].label} in {len(holds)} rows"
    # rates (自然增长率 = 出生率 − 死亡率) follow from their definition: a row that breaks them is accused;
    # counts may leave a category out (受理 − 办结 = 在办, but for the 移送), so theirs are confirmed only
    rates = all(q.kind == "percent" for _, *qs in trio for q in qs)
    for r, kq, iq, jq in trio:
        ok = r in holds
        if not ok and not rates:
            continue
        row = t.rows[r]
        lo, hi = span(row.stub[0] if row.stub else None, iq, jq, kq)
        yield Relation("difference", named(t, r, k, kq), lo, hi, parts=(iq,), whole=(jq,), direction=1,
                       strong=not ok, extra={"link": why})


#: a difference of counts below this, found in the figures alone, is no evidence (two near counts give it by chance)
SMALL_DIFFERENCE = 10


def _row_differences(t: Table) -> Iterator[Relation]:
    """A row that is the first of the rows above it minus the second, in two or more columns that differ
    (自然增长人口 = 出生人口 − 死亡人口). Confirms only; a total row is a sum's business, not this."""
    n = len(t.rows)
    # a share column follows from the count column it divides: the same identity there is no second column
    derived = {s for s, _ in share_columns(t)}
    for k in range(n):
        if t.rows[k].total:
            continue
        for i in range(max(0, k - MAX_ROW_SPAN), k):
            for j in range(i + 1, k):
                if t.rows[i].total or t.rows[j].total:
                    continue
                if all(r == j or t.rows[r].section for r in range(i + 1, k)):
                    continue  # i = j + k straight after it: a breakdown (sums), not a difference
                good: dict[tuple[object, ...], int] = {}
                for c in range(len(t.columns)):
                    kq, iq, jq = t.q(k, c), t.q(i, c), t.q(j, c)
                    if c in derived or kq is None or iq is None or jq is None or jq.value == 0 or kq.value == 0 \
                            or kq.kind != "percent" and abs(Fraction(kq.value)) < SMALL_DIFFERENCE:
                        continue  # (51 − 49 = 2, 29 − 28 = 1: small differences of near counts come by chance)
                    if compatible([kq, iq, jq]) and _diff_holds(kq, iq, jq):
                        good.setdefault((kq.value, iq.value, jq.value), c)
                if len(good) < 2:
                    continue
                why = f"table row {t.rows[k].label} = {t.rows[i].label} − {t.rows[j].label}"
                for c in good.values():
                    kq, iq, jq = t.q(k, c), t.q(i, c), t.q(j, c)
                    assert kq is not None and iq is not None and jq is not None
                    lo, hi = span(t.rows[i].stub[0] if t.rows[i].stub else None, kq)
                    yield Relation("difference", named(t, k, c, kq), lo, hi, parts=(iq,), whole=(jq,), direction=1,
                                   extra={"link": why})


def _ratio_rows(t: Table) -> Iterator[Relation]:
    """A row labelled as a ratio (性别比(以女性为100)) that is one row above it over another, per 100, in two
    or more columns (105.03 = 2417360/2301585×100). Confirms only."""
    for k, row in enumerate(t.rows):
        if not RATIO_ROW.search(row.label):
            continue
        for i in range(max(0, k - MAX_ROW_SPAN), k):
            for j in range(max(0, k - MAX_ROW_SPAN), k):
                if i == j:
                    continue
                cands = []
                for c in range(len(t.columns)):
                    q, a, b = t.q(k, c), t.q(i, c), t.q(j, c)
                    if q is None or q.kind == "percent" or not additive(a) or not additive(b) or a is None \
                            or b is None or b.value <= 0 or not compatible([a, b]):
                        continue
                    per = replace(named(t, k, c, q), value=q.value / 100, decimals=q.decimals + 2)
                    lo, hi = span(t.rows[i].stub[0] if t.rows[i].stub else None, q)
                    cands.append(Relation("multiple", per, lo, hi, parts=(a,), whole=(b,),
                                          extra={"link": f"table row {row.label} = {t.rows[i].label} / "
                                                         f"{t.rows[j].label} × 100"}))
                good = [r for r in cands if _status(r) == "consistent"]
                if len(good) >= 2:
                    yield from good
