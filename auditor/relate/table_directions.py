"""A direction stated without a figure (有所上升, 呈下降趋势) about a row of a table in the document.

`从案由分析…除了侵权责任纠纷数量较去年相比有所提升` above a table whose row 侵权责任纠纷 reads
9417 under `2019年新收` and 8862 under `2018年新收`: the stated rise is checked against the two
cells. Linked only by the structure: the clause names the row by its label (or, for the table's
one total row, names the column's metric by at least three shared two-character words), and
exactly one pair of columns (a year and the year before) fits. A direction the cells contradict
is G303; equal cells, or rounded cells too close to tell, leave the claim unverifiable.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from decimal import Decimal

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import CLAUSE_END, SENT_END, Relation
from auditor.relate.link import COMMON, grams
from auditor.relate.table_cells import additive, compatible
from auditor.relate.table_priors import NEAR, header_words, prior_column, real_note
from auditor.tables import Table, tables

_W = claim_words()
STATED = re.compile(
    rf"(?:{_W.alternation('growth.year_on_year')}|较去年|较上年)(?:相比|同期相比|同期)?"
    rf"(?:{_W.alternation('growth.qualitative')})"
    rf"(?:({_W.alternation('growth.qualitative_up')})|({_W.alternation('growth.qualitative_down')}))"
    r"(?:趋势|态势)?")
#: a figure this close after the direction, in its sentence, states the change itself
FIGURE_REACH = 20
ROW_AMOUNT = frozenset(_W("table.row_amount"))
#: the words before the comparison searched for the subject: a clause runs about this far
SUBJECT_REACH = 40
#: a row label this short (一审, 其他) names too little to tie a clause to the row
MIN_LABEL = 3


def table_directions(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    ts = tables(text, qs)
    if not ts:
        return
    ts = sorted(ts, key=lambda t: t.start)
    starts = [t.start for t in ts]
    longest = max(t.end - t.start for t in ts)
    for m in STATED.finditer(text):
        rest = text[m.end():m.end() + FIGURE_REACH]
        cut = min((k for k in (rest.find(c) for c in SENT_END + "；;") if k >= 0), default=len(rest))
        if any(ch.isdigit() for ch in rest[:cut]):
            continue  # 有所上升,增长5%: the figure states the change, its own claim checks it
        lo = m.start()
        while lo > 0 and m.start() - lo < SUBJECT_REACH and text[lo - 1] not in CLAUSE_END:
            lo -= 1
        subject = text[lo:m.start()]
        near = []
        for k in range(bisect_left(starts, m.start() - NEAR - longest), len(ts)):
            if ts[k].start > m.end() + NEAR:
                break
            if ts[k].end >= m.start() - NEAR and not real_note(text, ts[k]):
                near.append(ts[k])
        found = _cells(near, subject)
        if found is None:
            continue
        t, n, c, b, why = found
        new, old = t.q(n, c), t.q(n, b)
        assert new is not None and old is not None
        word = m.group(1) or m.group(2)
        claim = Quantity(m.start(), m.end(), text[m.start():m.end()], Decimal(0), "", "direction")
        yield Relation("growth", claim, lo, m.end(), parts=(new,), whole=(old,), direction=1 if m.group(1) else -1,
                       strong=True, extra={"stated_direction": word, "link": why})


def _cells(near: Sequence[Table], subject: str) -> tuple[Table, int, int, int, str] | None:
    """The one table row and column pair the clause speaks of."""
    words = {g for g in grams(subject) if g not in COMMON}
    found = []
    for t in near:
        pairs = [(c, b) for c in range(len(t.columns)) if (b := prior_column(t, c)) is not None]
        if not pairs:
            continue
        named = [n for n, row in enumerate(t.rows) if not row.total and len(row.label) >= MIN_LABEL
                 and row.label in subject]
        totals = [n for n, row in enumerate(t.rows) if row.total]
        for n in named:
            after = subject[subject.rfind(t.rows[n].label) + len(t.rows[n].label):].strip("的")
            pair = _pair(t, pairs, words, 0 if not after or after in ROW_AMOUNT else 1)
            if pair is not None and _cells_ok(t, n, pair):
                found.append((t, n, *pair, f"table row {t.rows[n].label}: {t.columns[pair[0]].label} "
                                           f"against {t.columns[pair[1]].label}"))
        if not named and len(totals) == 1:
            pair, n = _pair(t, pairs, words, 3), totals[0]
            if pair is not None and _cells_ok(t, n, pair):
                found.append((t, n, *pair, f"table row {t.rows[n].label} of the column named by the clause: "
                                           f"{t.columns[pair[0]].label} against {t.columns[pair[1]].label}"))
    return found[0] if len(found) == 1 else None


def _pair(t: Table, pairs: list[tuple[int, int]], words: set[str], least: int) -> tuple[int, int] | None:
    """The column pair the subject names: the only one, or the one sharing most words (at least `least`)."""
    scored = sorted(((len(words & grams(header_words(t.columns[c].label))), c, b) for c, b in pairs), reverse=True)
    best = scored[0]
    if best[0] < least or (len(scored) > 1 and scored[1][0] == best[0]):
        return None
    return best[1], best[2]


def _cells_ok(t: Table, n: int, pair: tuple[int, int]) -> bool:
    new, old = t.q(n, pair[0]), t.q(n, pair[1])
    return additive(new) and additive(old) and new is not None and old is not None and compatible([new, old])
