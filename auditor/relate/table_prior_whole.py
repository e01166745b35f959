"""The column of the year before under a table whose whole the text states for both years.

`全年共新收案件1000件，较上年的800件` before a table of categories whose `2023年新收` column has its shares
taken of 1000 (`占全部新收案件比例`, confirmed row by row) and whose `2022年新收` column is the same count a
year before: those cells are parts of 800, and three of them adding up to 910 cannot all be (the finding
points at that column's header). Only an excess is judged: the rows may be some of the categories, so a
sum below the whole says nothing.

Linked only where the structure says so: the current column's whole is the lead-in total its share
column names (table_lead.py) and most of its shares agree with it; the prior column's header is the
current one's with an earlier year; the text states, in one sentence, a level equal to that whole
(value and unit) and one prior value of the same subject."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from msgspec.structs import replace

from auditor.model import Quantity
from auditor.relate.base import Relation
from auditor.relate.link import frame
from auditor.relate.table_cells import additive, compatible, span
from auditor.tables import Table

YEAR = re.compile(r"(?:19|20)\d{2}")
REACH = 1500  # characters before a table searched for the sentence stating its whole for both years


def prior_column_whole(qs: Sequence[Quantity], t: Table, c: int, whole: Quantity) -> Iterator[Relation]:
    from auditor.verify_base import operand_interval

    b = _prior_column(t, c)
    if b is None:
        return
    prior = _stated_prior(qs, t.start, whole)
    if prior is None:
        return
    rows = [n for n, row in enumerate(t.rows) if not row.section and not row.total]
    parts = [t.q(n, b) for n in rows]
    if len(rows) < 2 or any(not additive(p) for p in parts):
        return
    ps = [p for p in parts if p is not None]
    if not compatible([prior, *ps]):
        return
    lo = sum((operand_interval(p)[0] for p in ps), Fraction(0))
    if lo <= operand_interval(prior)[1]:
        return
    head = t.columns[b].head  # the finding points at the column's header: its cells are the parts
    start, end = span(head) if head is not None else span(t.q(rows[0], b))
    label = t.columns[b].label
    claim = replace(prior, text=f"{prior.text}（{label}）")
    yield Relation("sum", claim, start, end, parts=tuple(ps), whole=(prior,), strong=True,
                   extra={"link": f"table column {label}: the cells of the year before {whole.text} "
                                  f"against {prior.text}, stated as its prior"})


def _prior_column(t: Table, c: int) -> int | None:
    """The one column whose header is column c's with an earlier year (2018年上半年新收 for 2019年上半年新收)."""
    own = YEAR.findall(t.columns[c].label)
    if len(own) != 1:
        return None
    stem = YEAR.sub("", t.columns[c].label)
    found = [k for k, col in enumerate(t.columns) if k != c and col.group == t.columns[c].group
             and len(ys := YEAR.findall(col.label)) == 1 and ys[0] < own[0] and YEAR.sub("", col.label) == stem]
    return found[0] if len(found) == 1 else None


def _stated_prior(qs: Sequence[Quantity], at: int, whole: Quantity) -> Quantity | None:
    """The prior value stated beside a level equal to the whole, in one sentence before the table."""
    found: list[Quantity] = []
    for k, q in enumerate(qs):
        if q.end > at:
            break
        f = frame(q)
        if at - q.end > REACH or q.value != whole.value or q.unit != whole.unit or f.role != "level" \
                or f.sentence < 0 or q.high is not None or q.approx:
            continue
        priors = [p for p in qs[k + 1:k + 6] if frame(p).sentence == f.sentence and frame(p).role == "prior"
                  and frame(p).subject == f.subject and p.unit == q.unit and p.kind == q.kind and p.high is None
                  and not p.approx]
        if len(priors) == 1:
            found.append(priors[0])
    values = {p.value for p in found}
    return found[0] if len(values) == 1 else None
