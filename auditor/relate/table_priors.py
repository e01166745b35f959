"""A growth rate stated in the text whose prior value is in a table of the document.

`一审新收18342件,较去年同期下降4.55%` above a table whose 合计 row reads 18342 under
`2019年民事一审新收(件)` and 19216 under `2018年民事一审新收(件)`: the text's level is that cell,
so the rate compares it with the cell of the same row in the column of the year before.

Linked only where the structure says so: the level's value is in exactly one table cell near it,
the cell's column names what the level's label names (two shared two-character words), and
exactly one other column has the same header with the year before (or 本期 / 上年同期).
A rate 环比 (on the period before) is never paired with a column of another year.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from fractions import Fraction

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import CLAUSE_END, Relation, label_before
from auditor.relate.link import COMMON, grams
from auditor.relate.table_cells import additive, compatible
from auditor.tables import Table, tables

_W = claim_words()
CURRENT = re.compile(_W.alternation("table.current"))
PRIOR = re.compile(_W.alternation("table.prior"))
REAL = re.compile(_W.alternation("table.real_growth"))
#: characters around a table searched for a note that its growth is real (可比价): then no nominal prior
NOTE_NEAR = 200
YEAR = re.compile(r"(?:19|20)\d{2}")
UNIT_NOTE = re.compile(r"[（(][^（()）]{0,8}[)）]")
#: a table cell this far from the rate (before or after it) may be its level: a report's tables sit
#: next to the paragraph that comments on them
NEAR = 3000
#: a row label this short (合计 aside) names too little to say which row a figure is
MIN_ROW = 3


class TablePriors:
    """The cells of a document's tables by value, built once, searched per rate within NEAR."""

    def __init__(self, text: str, qs: Sequence[Quantity]) -> None:
        self.text, self.qs = text, qs
        self._cells: dict[Fraction, tuple[list[int], list[tuple[Table, int, int]]]] | None = None

    def cells(self, value: Fraction, lo: int, hi: int) -> list[tuple[Table, int, int]]:
        """The cells reading `value` that start between lo and hi (bisected: bounded work per rate)."""
        if self._cells is None:
            self._cells = {}
            for t in tables(self.text, self.qs):
                for n, row in enumerate(t.rows):
                    for c in range(len(row.cells)):
                        q = t.q(n, c)
                        if additive(q) and q is not None and q.value > 0:
                            at, where = self._cells.setdefault(Fraction(q.value), ([], []))
                            at.append(q.start)
                            where.append((t, n, c))
            for key, (at, where) in self._cells.items():
                order = sorted(range(len(at)), key=at.__getitem__)  # side-by-side tables interleave their cells
                self._cells[key] = ([at[k] for k in order], [where[k] for k in order])
        found = self._cells.get(value)
        if found is None:
            return []
        at, where = found
        return where[bisect_left(at, lo):bisect_right(at, hi)]

    def prior(self, rel: Relation, clause_start: int) -> Relation | None:
        """The rate with the table cell of the year before as its old value, or None."""
        if rel.kind != "growth" or len(rel.parts) != 1 or rel.whole or "inc" in rel.extra \
                or "years" in rel.extra or "old_lo" in rel.extra:
            return None
        new, q = rel.parts[0], rel.claim
        if not additive(new) or new.kind not in ("count", "money", "measure") or q.kind != "percent":
            return None
        head = self.text[clause_start:q.start]
        if any(w in head for w in _W("growth.period_on_period")) or \
                not any(w in head for w in _W("growth.year_on_year")):
            return None
        words = label_before(self.text, new, 0, CLAUSE_END)
        label = {g for g in grams(words) if g not in COMMON}
        found = []
        for t, n, c in self.cells(Fraction(new.value), new.start - NEAR, q.end + NEAR):
            cell = t.q(n, c)
            if cell is None or cell.start == new.start or not compatible([cell, new]):
                continue
            if real_note(self.text, t):
                continue
            col = t.columns[c]
            if len(label & grams(header_words(col.label))) < 2:
                continue
            if any(k != n and len(row.label) >= MIN_ROW and row.label in words for k, row in enumerate(t.rows)):
                continue  # the label names another row of the table: the equal value is a chance
            b = prior_column(t, c)
            old = t.q(n, b) if b is not None else None
            if b is None or old is None or not additive(old) or old.value <= 0 or not compatible([old, new]):
                continue
            found.append((t, n, c, b, old))
        if len(found) != 1:
            return None
        t, n, c, b, old = found[0]
        why = f"the level is table row {t.rows[n].label or n + 1}, {t.columns[c].label}; prior {t.columns[b].label}"
        return replace(rel, whole=(old,), alternatives=(), strong=True,
                       extra={**{k: v for k, v in rel.extra.items() if k != "granular"}, "link": why})


def header_words(label: str) -> str:
    return UNIT_NOTE.sub("", YEAR.sub("", label))


def prior_column(t: Table, c: int) -> int | None:
    """The one column whose header is column c's with an earlier year (2021年新收 for 2022年新收)."""
    lab = t.columns[c].label
    years = YEAR.findall(lab)
    found = []
    for b, col in enumerate(t.columns):
        if b == c:
            continue
        other = YEAR.findall(col.label)
        by_year = len(years) == 1 and len(other) == 1 and int(other[0]) == int(years[0]) - 1 and \
            YEAR.sub("", col.label) == YEAR.sub("", lab)
        by_word = bool(CURRENT.search(lab) and PRIOR.search(col.label)) and \
            CURRENT.sub("", lab) == PRIOR.sub("", col.label)
        if by_year or by_word:
            found.append(b)
    return found[0] if len(found) == 1 else None


def real_note(text: str, t: Table) -> bool:
    """A note near the table that its growth is at comparable prices (可比价): its levels are nominal."""
    return REAL.search(text, max(0, t.start - NOTE_NEAR), t.end + NOTE_NEAR) is not None
