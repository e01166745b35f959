"""Where a run of parts ends: a list that goes on past the figures that happen to add up."""
from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from auditor.model import Quantity
from auditor.relate.base import Seg
from auditor.relate.link import frame

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


#: the words after a figure that announce its own parts (…70045亩,其中…), allowing the figure's own rate
#: clause first (贷款余额2287亿元，增长24.1%，其中…)
_OWN_PARTS = re.compile(r"(?:[,，、][^,，、；;。:：\d]{0,8}-?\d+(?:\.\d+)?(?:%|个百分点))?"
                        r"[)）]?[,，:：]?\s*(?:其中|包括)")


def heads_own_list(text: str, p: Quantity, semi: bool) -> bool:
    """任务7万亩,其中A 2万亩;实际完成70045亩,其中…: past a ；, a figure that announces parts of its own is
    another total, not one more part of the list before it; so is 存款余额X，其中住户存款Y，增长12.3%；
    贷款余额Z，增长24.1%，其中中长期贷款W (the rate of its own change may stand before its 其中)."""
    return semi and _OWN_PARTS.match(text, p.end) is not None


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def named_for_another(part_label: str, total_label: str, other_labels: Sequence[str]) -> bool:
    """资产总额30万亿元,负债总额9.5万亿元,净资产20.5万亿元。其中,行政单位资产总额8.9万亿元: the part names
    the metric (资产总额) of another figure before the one 其中 follows, and not that one's: 其中 breaks down
    that other figure, so the one next to it is no total of these parts."""
    own = _common_suffix(part_label, total_label)
    return any(_common_suffix(part_label, o) >= max(3, own + 2) for o in other_labels)


def listed_near(text: str, t: Quantity, run: Sequence[Quantity]) -> bool:
    """粮作中,玉米35.6万亩、大豆16.1万亩、高粱1万亩…: a figure joined to the next by 、 is a member of a list;
    that its followers come within rounding of it is chance, unless they add up to it exactly."""
    return text[t.end:t.end + 1] == "、" and sum((Fraction(x.value) for x in run), Fraction(0)) != Fraction(t.value)


def compared_old(qs: Sequence[Quantity], k: int) -> bool:
    """比上年决算数14.94亿元增长3.0%: the value a growth rate right after it compares with, no part of a 合计."""
    nxt = qs[k + 1] if k + 1 < len(qs) else None
    return frame(qs[k]).role == "prior" and nxt is not None and frame(nxt).role == "growth" \
        and frame(nxt).item == frame(qs[k]).item


def odd_noun(total_label: str, part_labels: Sequence[str]) -> bool:
    """审计发现问题82个,已整改问题38个,采纳审计建议10个,正在整改问题21个,移送问题13个: where the parts of a run
    found by their sum name the total's noun (问题) but one does not, that one counts another thing and the
    run adds up by chance."""
    noun = total_label[-2:]
    if len(noun) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in noun):
        return False
    having = sum(noun in lab for lab in part_labels)
    return having >= 2 and having < len(part_labels)
