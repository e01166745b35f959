"""Lists after 其中 that are no plain partition of their total: two classifications read one after the
other, a count of the units that hold the next figure, a part counted twice that is taken off."""
from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import OTHER_WORD, Relation, label_before, same_unit

NOT_OVERLAP_WORD = claim_words()("sums.not_overlap")


def two_classifications(text: str, parts: Sequence[Quantity], total: Quantity) -> bool:
    """Do parts that exceed their total list two classifications of it one after the other?

    工单12683件，其中办结8846件、不予受理867件、满意6197件、基本满意237件、不满意1262件: the last run
    shares a word (满意) that none before it has, and each run alone stays within the total. Such a
    list is read two ways; its sum is no claim. So is a pair that each stay within the total but share more
    than half of the smaller (出境1.2亿人次，其中因私1.1亿、赴港澳台0.9亿: by purpose, then by destination).
    """
    run = sum((Fraction(p.value) for p in parts), Fraction(0))
    if len(parts) < 2 or run <= Fraction(total.value):
        return False
    if len(parts) == 2:
        # (其他类 closes a partition: its pair is one classification, never two)
        if any(w in label_before(text, p, 0) for p in parts for w in OTHER_WORD):
            return False
        small = min(Fraction(p.value) for p in parts)
        within = max(Fraction(p.value) for p in parts) < Fraction(total.value)
        return within and 2 * (run - Fraction(total.value)) > small
    labels = [label_before(text, p, 0)[-8:] for p in parts]
    tv = Fraction(total.value)
    for cut in range(1, len(parts) - 1):
        head, tail = labels[:cut], labels[cut:]
        grams = {x[k:k + 2] for k in range(len(tail[0]) - 1) for x in tail[:1]}
        shared = {g for g in grams if all(g in x for x in tail) and not any(g in x for x in head)}
        if shared and sum((Fraction(p.value) for p in parts[:cut]), Fraction(0)) <= tv \
                and sum((Fraction(p.value) for p in parts[cut:]), Fraction(0)) <= tv:
            return True
    return False


def _counts_holders(text: str, qs: Sequence[Quantity], k: int, total_label: str) -> bool:
    """14个地市差评工单968个: a count of the units that hold the next figure, not a part of the total.

    The next figure follows in the same clause after words only, and those words end in the name
    of what the total counts (差评工单), so it is that figure that breaks the total down.
    """
    if k + 1 >= len(qs):
        return False
    p, nxt = qs[k], qs[k + 1]
    between = text[p.end:nxt.start]
    if nxt.kind != qs[k].kind or not HOLDER_GAP.fullmatch(between):
        return False
    return between[-2:] in total_label


HOLDER_GAP = re.compile(r"[\u4e00-\u9fff]{2,12}")


def _less_overlap(text: str, qs: Sequence[Quantity], t: Quantity, parts: list[int], overlaps: list[int],
                  word: str) -> Relation | None:
    """其中地表水24.09亿，地下水8.32亿，重复计算量5.82亿 of 26.59亿: the part counted twice is taken off
    (24.09 + 8.32 - 5.82). Confirmed only; a part that is what does not overlap (不重复量) stands for
    another part, so that list makes no claim."""
    if len(overlaps) != 1 or len(parts) < 3 or any(
            w in label_before(text, qs[x], 0) for x in overlaps for w in NOT_OVERLAP_WORD) \
            or any(not same_unit(qs[x], t) for x in parts):
        return None
    signed = tuple(replace(qs[x], value=-qs[x].value) if x in overlaps else qs[x] for x in parts)
    return Relation("sum", t, t.start, qs[parts[-1]].end, parts=signed, whole=(t,),
                    extra={"link": f"{word} list, the part counted twice taken off", "signed": "1"})
