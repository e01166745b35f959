"""Where a run of parts ends: a list that goes on past the figures that happen to add up."""
from __future__ import annotations

from collections.abc import Sequence

from auditor.model import Quantity
from auditor.relate.base import Seg

#: clause breaks from weakest to strongest; a sentence end (。) closes every list
BREAKS = "、，,；;"
STRENGTH = {"、": 1, "，": 2, ",": 2, "；": 3, ";": 3}


def _gap_strength(gap: str) -> int:
    """The strongest break in the words between two figures (9 for a sentence end)."""
    if any(c in gap for c in "。！？!?\n"):
        return 9
    return max((STRENGTH[c] for c in gap if c in STRENGTH), default=0)


def list_goes_on(text: str, qs: Sequence[Quantity], run: Sequence[int], cands: Sequence[int], seg: Seg) -> bool:
    """Does the list the run is taken from go on, in its sentence, past the run's last figure?

    受理15件。维持5件；撤销6件；撤回2件；责令重作2件；终止2件；移送1件: 5 + 6 + 2 + 2 = 15 stops at the
    fourth of six items joined alike, so it adds up by chance. The list goes on when the next candidate
    stands in the last part's sentence and no stronger break parts it from that part than parts the
    run's own figures from one another: a semicolon, for items of a list.
    """
    if len(run) < 2:
        return False
    last = run[-1]
    later = [k for k in cands if k > last]
    if not later or seg.sent[later[0]] != seg.sent[last]:
        return False
    if qs[later[0]].value == 0:
        return False  # 二审上诉0件: an empty item closes nothing and adds nothing
    inner = min(_gap_strength(text[qs[a].end:qs[b].start]) for a, b in zip(run, run[1:], strict=False))
    # only a list of items each closed by a semicolon: commas also join a total's further figures
    # (受理280件，审结170件) and a breakdown's own parts
    return inner == STRENGTH["；"] and _gap_strength(text[qs[last].end:qs[later[0]].start]) == inner
