"""The total a change speaks of when the level nearest it is a part of that total's breakdown."""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.model import Quantity
from auditor.relate.base import Seg, label_before, overlap, same_unit
from auditor.relate.link import frame

#: what opens the breakdown of a total: 其中, or a bracket
BREAKDOWN_OPEN = re.compile(r"其中|[（(]")
BRACKET_ANY = re.compile(r"[（(）)]")
BREAKDOWN_REACH = 12  # figures back from the part to its total, within the sentence


def breakdown_total(text: str, qs: Sequence[Quantity], seg: Seg, part: int, change: int,
                    change_label: str) -> tuple[int, bool] | None:
    """(level, closed) for a change read with qs[part] as its level, where a breakdown opens between an
    earlier level of the sentence and the part.

    收入48500万元(其中区本级40200万元,开发区8300万元),同比增收3900万元: the bracket closed before the
    change, the change is the total's: (total, True). 收入48500万元,其中税收40200万元,同比增收3900万元: the
    part's or the total's, the text does not say: (part, False), and the reading never accuses. None where
    no breakdown stands between, or where the part's label names the change better than the total's."""
    found = breakdown_head(text, qs, seg, part, change, change_label)
    if found is None:
        return None
    head, closed = found
    return (head, True) if closed else (part, False)


def breakdown_head(text: str, qs: Sequence[Quantity], seg: Seg, part: int, change: int,
                   change_label: str) -> tuple[int, bool] | None:
    """(head, closed): the total whose breakdown qs[part] stands in, and whether a bracket closes that
    breakdown before the change (breakdown_total)."""
    own = overlap(label_before(text, qs[part], 0), change_label)
    for t in range(part - 1, max(-1, part - 1 - BREAKDOWN_REACH), -1):
        if seg.sent[t] != seg.sent[part]:
            break
        if qs[t].kind != qs[part].kind or not same_unit(qs[t], qs[part]) or frame(qs[t]).role != "level":
            continue
        opened = BREAKDOWN_OPEN.search(text, qs[t].end, qs[part].start)
        if opened is None:
            continue  # a sibling part of the same breakdown: its total stands further back
        bracket = opened.group() in "（("
        if _closes(text, opened.end(), qs[part].start):
            continue  # an aside closed before the part (8300万元(占17.1%),…): the part is not in it
        if overlap(label_before(text, qs[t], 0), change_label) < own:
            return None
        closed = bracket and _closes(text, qs[part].end, qs[change].start)
        return t, closed
    return None


def _closes(text: str, start: int, end: int) -> bool:
    """Does text[start:end] close a bracket opened before start? Brackets opened and closed inside it
    ((其中:疫情减收增支补助收入40755万元) after a 其中) do not count."""
    depth = 0
    for m in BRACKET_ANY.finditer(text, start, end):
        depth += 1 if m.group() in "（(" else -1
        if depth < 0:
            return True
    return False
