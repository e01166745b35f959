"""Which figures a rate's part may stand with: a run of adjacent parts (按时结案486件,超时办理7件,结案率100%) and the
figures of the rate's own sentence (auditor/relate/rates.py)."""
from __future__ import annotations

from collections.abc import Sequence

from auditor.model import Quantity
from auditor.relate.base import SUBSET_MODIFIERS, Seg, label_before
from auditor.relate.link import frame


def heads_run(text: str, qs: Sequence[Quantity], head: int, run: tuple[Quantity, ...], core: str) -> bool:
    """The figure just before a run of parts is their whole: they add up to it exactly (派单493件,按时结案486件,
    超时办理7件), or each part is named by the rate's stem (来电1987个,在线答复办结1032个,转办办结905个,办结率)."""
    if sum(x.value for x in run) == qs[head].value:
        return True
    return len(core) >= 2 and all(label_before(text, x, 0).endswith(core[-2:]) for x in run)


def sentence_has_level(qs: Sequence[Quantity], i: int, seg: Seg) -> bool:
    """Does the rate's sentence state a level of its own before the rate (the count its rate is of)?"""
    k = i - 1
    while k >= 0 and seg.sent[k] == seg.sent[i]:
        if qs[k].kind in ("number", "count", "money", "measure") and frame(qs[k]).role == "level":
            return True
        k -= 1
    return False


def run_of_stem(text: str, run: tuple[Quantity, ...], part: Quantity, core: str) -> bool:
    """May a run of parts stand for a rate that names its part by its stem? Where every part carries the stem
    (在线答复办结1032个,转办办结905个,办结率), or where the part is a subset of the stem's count and the others
    make up the rest (按时结案486件,超时办理7件,结案率100%); not where a sibling of another kind joins the part
    (调解终止20件,维持15件: 调解率 is no rate of both)."""
    if len(core) < 2:
        return True
    if all(core[-2:] in label_before(text, x, 0) for x in run):
        return True
    own = label_before(text, part, 0)
    return any(mod + core in own for mod in SUBSET_MODIFIERS)
