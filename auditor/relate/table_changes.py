"""A table's growth cell against the change the text states for the same count.

`其中，甲业事故12起，死亡8人，同比减少3起2人` above a table whose total row reads `8 | -20` under `甲业 | 同比增长(±%)`:
the text's 8人 is that cell (the sentence names the column, the value is the same), its 减少2人 gives the
prior 10, and the cell's rate is (8 − 10)/10 = −20%.

Linked only where the structure says so: the count cell stands in a total row (the text speaks of the
whole) and has a growth column straight after it; exactly one sentence near the table names that
column's header and no other count column's, it states exactly one level of the cell's value and exactly
one change in that level's unit, and the change's direction agrees with the rate's sign. Confirms only: a
rate that does not agree is left to the other checks (the text may count otherwise than the table).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import GROWTH_DOWN, INCREMENT, Relation
from auditor.relate.link import frame
from auditor.relate.table_cells import additive, exact, named, span
from auditor.tables import Table, tables

GROWTH_HEAD = re.compile(claim_words().alternation("table.growth"))
ENDS = "。！？!?；;\n"
SENT_END = re.compile(f"[{ENDS}]")
REACH = 800  # characters before or after a table searched for the sentences it restates
JOINT = re.compile(r"[、和及与,，\s]?")
MIN_LEAF = 2


def table_changes(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    from auditor.verify import verify

    found = tables(text, qs)
    if not found:
        return
    inside = [(t.start, t.end) for t in found]
    for t in found:
        pairs = [(c, c + 1) for c in range(len(t.columns) - 1) if _growth(t, c + 1) and not _growth(t, c)]
        leaves = {t.columns[c].leaf for c, _ in pairs if len(t.columns[c].leaf) >= MIN_LEAF}
        if not leaves:
            continue
        near = [q for q in qs if t.start - REACH <= q.start < t.start or t.end <= q.start < t.end + REACH]
        near = [q for q in near if not any(a <= q.start < b for a, b in inside)]
        sentences = _sentences(text, near)
        for n, row in enumerate(t.rows):
            if not row.total:
                continue
            for c, g in pairs:
                r = _relation(text, t, n, c, g, leaves, sentences)
                if r is not None and verify(r).status == "consistent":
                    yield r  # confirms only: a miss (or a truncation) is the granular check's to report


def _growth(t: Table, c: int) -> bool:
    col = t.columns[c]
    return bool(GROWTH_HEAD.search(col.leaf or col.label))


def _sentences(text: str, qs: list[Quantity]) -> list[tuple[str, list[Quantity]]]:
    out: dict[int, tuple[str, list[Quantity]]] = {}
    for q in qs:
        floor = max(0, q.start - REACH)
        lo = max(text.rfind(ch, floor, q.start) for ch in ENDS) + 1
        lo = max(lo, floor)
        if lo not in out:
            end = SENT_END.search(text, q.start, q.start + REACH)
            out[lo] = (text[lo:end.start() if end else q.start + REACH], [])
        out[lo][1].append(q)
    return list(out.values())


def _relation(text: str, t: Table, n: int, c: int, g: int, leaves: set[str],
              sentences: list[tuple[str, list[Quantity]]]) -> Relation | None:
    level, rate = t.q(n, c), t.q(n, g)
    leaf = t.columns[c].leaf
    if level is None or rate is None or rate.kind != "percent" or rate.value == 0 or not additive(level) \
            or not exact([level]) or leaf not in leaves:
        return None
    hits = []
    for words, fs in sentences:
        if leaf not in words or any(x in words for x in leaves if x != leaf and x not in leaf):
            continue
        same = [q for q in fs if frame(q).role == "level" and q.value == level.value and additive(q)]
        if len(same) != 1:
            continue
        said = same[0]
        changes = [q for q in fs if frame(q).role == "change" and q.unit == said.unit and q.kind == said.kind
                   and q.start > said.end and additive(q)]
        if len(changes) == 1:
            hits.append((said, changes[0], fs))
    if len(hits) != 1:
        return None
    said, inc, fs = hits[0]
    down = _down(text, inc, fs)
    if down is None or down != (rate.value < 0):
        return None
    claim = named(t, n, g, rate)
    if rate.value < 0:
        claim = replace(claim, value=-rate.value)  # -20 reads as 下降20: the size of the fall
    lo, hi = span(t.rows[n].stub[0] if t.rows[n].stub else None, level, rate)
    return Relation("growth", claim, lo, hi, parts=(level,), direction=-1 if down else 1,
                    alternatives=(((level,), (inc,)),),
                    extra={"link": f"table column {t.columns[g].label} beside {leaf}: the text's {said.text} and its "
                                   f"change {inc.text}"})


def _down(text: str, inc: Quantity, fs: list[Quantity]) -> bool | None:
    """The direction of a change: the word before it, or before the run of changes it closes (减少3起2人)."""
    first = inc
    for q in reversed([x for x in fs if x.end <= inc.start]):
        if frame(q).role != "change" or not JOINT.fullmatch(text, q.end, first.start):
            break
        first = q
    word = INCREMENT.search(text, max(0, first.start - 4), first.start)
    if word is None:
        return None
    return word.group(1) in GROWTH_DOWN
