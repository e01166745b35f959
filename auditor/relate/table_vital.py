"""A table's birth and death rates checked on the population each other's count implies (relate/vital.py).

Columns (or rows) of a birth count, the birth rate (‰) straight after it, a death count and the death rate
straight after that: in each row, deaths × birth rate / births is the death rate on the population the
births imply (`1986 | 13537 | 14.00 | 4346 | 7.60`: 4346 × 14.00 / 13537 = 4.49‰, not 7.60‰). A rate
printed with a trailing zero (14.00, 10.80) is read at the precision of its last digit other than zero,
as such tables pad their rates. A cell is accused only where the identity holds in the other rows
(tables.agreed); elsewhere a cell that agrees is confirmed and one that does not is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache, partial

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation
from auditor.relate.table_cells import additive, agreed, named, span
from auditor.tables import Table


@cache
def _pairs() -> tuple[tuple[str, str], ...]:
    return tuple(tuple(x.split("=", 1)) for x in claim_words()("rate.population"))  # type: ignore[misc]


def vital_columns(t: Table) -> Iterator[Relation]:
    found = _rate_lines([c.label for c in t.columns])
    if found is None:
        return
    (cb, rb), (cd, rd) = found
    cands: list[Relation] = []
    for n, row in enumerate(t.rows):
        if t.q(n, rd) is None:
            continue
        r = _relation(t.q(n, cb), t.q(n, rb), t.q(n, cd), t.q(n, rd),
                      partial(named, t, n, rd), span(row.stub[0] if row.stub else None, t.q(n, rd)))
        if r is not None:
            cands.append(r)
    yield from _judged(cands)


def vital_rows(t: Table) -> Iterator[Relation]:
    found = _rate_lines([row.label for row in t.rows])
    first = None
    if found is None:
        found = _grouped_rate_rows(t)
        if found is None:
            return
        first = found[0][0]  # the counts stand apart from their rates: the claim spans from the births
    (cb, rb), (cd, rd) = found
    cands: list[Relation] = []
    for c in range(len(t.columns)):
        cell = t.q(rd, c)
        if cell is None:
            continue
        opening = t.rows[rd if first is None else first].stub
        r = _relation(t.q(cb, c), t.q(rb, c), t.q(cd, c), cell,
                      partial(named, t, rd, c), span(opening[0] if opening else None, cell))
        if r is not None:
            cands.append(r)
    yield from _judged(cands)


def population_rows(t: Table) -> Iterator[Relation]:
    """A rate row (出生率(‰)) over the population row of its column (总人口(人)), or over the mean of that
    and the column of the year before (2005年 | 2004年): confirmed only, the base is the report's own."""
    from auditor.verify import verify

    labels = [row.label for row in t.rows]
    bases = claim_words()("rate.population_base")
    pops = [k for k, lab in enumerate(labels) if re.sub(r"[（(].*$", "", lab) in bases]
    if len(pops) != 1:
        return
    p = pops[0]
    years = [_year(c.label) for c in t.columns]
    for k, lab in enumerate(labels):
        pair = [(r, w) for r, w in _pairs() if r in lab]
        if k == 0 or "‰" not in lab or len(pair) != 1 or pair[0][1] not in labels[k - 1]:
            continue
        for c in range(len(t.columns)):
            q, part, pop = t.q(k, c), t.q(k - 1, c), t.q(p, c)
            if q is None or not additive(part) or not additive(pop) or part is None or pop is None:
                continue
            alts: list[tuple[tuple[Quantity, ...], tuple[Quantity, ...]]] = [((part,), (pop,))]
            prev = t.q(p, c + 1) if c + 1 < len(t.columns) else None
            if prev is not None and additive(prev) and years[c] and years[c + 1] == years[c] - 1:
                alts.append(((part, part), (pop, prev)))  # over the mean of this and last year-end
            r = Relation("rate", named(t, k, c, q), *span(t.rows[k].stub[0] if t.rows[k].stub else None, q),
                         parts=(part,), whole=(pop,), alternatives=tuple(alts),
                         extra={"link": f"table row {lab} over {labels[p]}", "listed": "1", "near": "0",
                                "direct": "0", "stem": ""})
            if verify(r).status == "consistent":
                yield r


def _year(label: str) -> int:
    m = re.fullmatch(r"((?:19|20)\d{2})年?", label.strip())
    return int(m.group(1)) if m else 0


def _rate_lines(labels: Sequence[str]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The (count, rate) lines of the first two parts of a population (出生, 死亡): each rate's line is
    labelled with its rate in ‰ and follows the line of its count, labelled with its word."""
    lines: list[tuple[int, int]] = []
    words: list[str] = []
    for k, lab in enumerate(labels):
        if k == 0 or "‰" not in lab:
            continue
        pair = [(r, w) for r, w in _pairs() if r in lab]
        if len(pair) != 1 or pair[0][1] in words or pair[0][1] not in labels[k - 1] or "‰" in labels[k - 1]:
            continue
        if any(g in lab or g in labels[k - 1] for g in claim_words()("rate.population_group")):
            continue  # 城镇出生率, 农村死亡人口: a group's line, not the whole population's
        lines.append((k - 1, k))
        words.append(pair[0][1])
    return (lines[0], lines[1]) if len(lines) == 2 else None


def _grouped_rate_rows(t: Table) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The (count, rate) rows of 出生 and 死亡 where the counts and the rates stand in blocks of their own
    (出生人数 / 死亡人数 / … under 人数(人), then 出生率 / 死亡率 / … under 变动率(‰)): a rate row is one whose
    cells are in ‰, its count row the one row of the table not in ‰ whose label holds the rate's word."""
    labels = [row.label for row in t.rows]
    permille = [any((q := t.q(k, c)) is not None and q.unit == "‰" for c in range(len(t.columns)))
                for k in range(len(t.rows))]
    groups = claim_words()("rate.population_group")
    lines: list[tuple[int, int]] = []
    words: list[str] = []
    for k, lab in enumerate(labels):
        pair = [(r, w) for r, w in _pairs() if r in lab]
        if not permille[k] or len(pair) != 1 or pair[0][1] in words or any(g in lab for g in groups):
            continue
        rate, word = pair[0]
        counts = [j for j, other in enumerate(labels) if word in other and rate not in other and not permille[j]
                  and not t.rows[j].section]
        if len(counts) != 1 or any(g in labels[counts[0]] for g in groups):
            continue
        lines.append((counts[0], k))
        words.append(word)
    return (lines[0], lines[1]) if len(lines) == 2 else None


def _relation(births: Quantity | None, br: Quantity | None, deaths: Quantity | None, dr: Quantity | None,
              name: Callable[[Quantity], Quantity], where: tuple[int, int]) -> Relation | None:
    if not additive(births) or not additive(deaths) or br is None or dr is None or births is None \
            or deaths is None or births.value <= 0 or br.approx or dr.approx:
        return None
    claim = name(_padded(dr))
    return Relation("rate", claim, where[0], where[1], parts=(deaths,), whole=(births, _padded(br)),
                    extra={"peer": "1", "peer_link": f"death rate on the population {br.text}‰ of {births.text} "
                                                     f"implies (table)"})


def _padded(q: Quantity) -> Quantity:
    """14.00 read as 14 to its last digit other than zero: 13.5..14.5 is too wide, 13.95..14.05 kept."""
    digits = q.text.rstrip("‰% ")
    if q.decimals > 0 and digits.endswith("0"):
        return replace(q, decimals=q.decimals - 1)
    return q


def _judged(cands: list[Relation]) -> Iterator[Relation]:
    from auditor.verify import verify

    status = [verify(r).status for r in cands]
    good = sum(1 for s in status if s == "consistent")
    for r, s in zip(cands, status, strict=True):
        if s == "consistent" or agreed(good, len(cands)):
            yield r
