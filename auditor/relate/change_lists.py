"""Rates listed after the changes they are of: `发生事故644起，死亡2695人，同比减少26起、443人，分别下降3.9%和14.1%`.

Three parallel lists in one sentence, in one order: the levels (644起, 2695人), the changes after one
change word (减少26起、443人), and the rates after 分别 (3.9%, 14.1%). Rate k is change k over level k
less change k (26 / (644 + 26)). The lists must have one length, the levels and changes one measure
word pairwise (起 with 起, 人 with 人), and the change word and the rates one direction; anything else
is left to the other readings.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import CLAUSE_END, GROWTH_DOWN, INCREMENT, Relation, Seg, growth_start, label_before, same_unit
from auditor.relate.breakdowns import breakdown_total
from auditor.relate.growth_lists import _rate_list
from auditor.relate.link import frame, named_subject, subjects_apart

_W = claim_words()
EACH = re.compile(_W.alternation("growth.each"))
JOINT = re.compile(rf"\s*(?:[、，,]|{_W.alternation('growth.joints')})\s*")


def change_list_growth(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    q = qs[i]
    if q.kind != "percent" or q.unit != "%" or q.value < 0:
        return None
    members, _labels, dirs = _rate_list(text, qs, i, seg)
    n = len(members)
    first = members[0]
    if n < 2 or first < 2 * n:
        return None
    changes = list(range(first - n, first))
    levels = list(range(first - 2 * n, first - n))
    if any(seg.sent[x] != seg.sent[i] for x in (*levels, *changes)):
        return None
    if not EACH.search(text, qs[changes[-1]].end, qs[first].start):
        return None  # 分别 links the rates to the lists before them, in order
    if any(not JOINT.fullmatch(text, qs[a].end, qs[b].start) for a, b in zip(changes, changes[1:], strict=False)):
        return None
    word = INCREMENT.search(text, max(0, qs[changes[0]].start - 4), qs[changes[0]].start)
    if word is None:
        return None
    down = word.group(1) in GROWTH_DOWN or word.group(1) == "净减"
    rate_down = [d < 0 for d in dirs if d]
    if rate_down and any(r != down for r in rate_down):
        return None  # 减少 … 分别上升: not one direction, no reading
    for n_ch, (lv, ch) in enumerate(zip(levels, changes, strict=True)):
        a, b = qs[lv], qs[ch]
        # the change word speaks for the whole list (减少26起、443人): later members may read as levels
        role_ok = frame(b).role == "change" or n_ch > 0 and frame(b).role == "level"
        if not same_unit(a, b) or a.kind != b.kind or frame(a).role != "level" or not role_ok \
                or a.high is not None or b.high is not None:
            return None
    k = i - first
    new, inc = qs[levels[k]], qs[changes[k]]
    return Relation("growth", q, growth_start(text, q), q.end, parts=(new,), whole=(), direction=-1 if down else 1,
                    strong=True, alternatives=(((new,), (inc,)),),
                    extra={"link": f"分别: level, change and rate {k + 1} of {n}", "inc": str(changes[k])})


#: words that may stand between a change and its rate (比上年减收1070万元，下降4.2%)
_DIRECTION = f"{_W.alternation('growth.up')}|{_W.alternation('growth.down')}"
#: a breakdown opened between a level and a change: the change is of a part named after it
BREAKDOWN_BETWEEN = re.compile(r"其中|包括")
RATE_GAP = re.compile(rf"\s*[，,]?\s*(?:同比|比上年|较上年)?(?:{_DIRECTION})(?:了|为)?\s*$")


def change_after_level(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    """A rate right after its change, the level in an earlier clause of the sentence with only targets and
    ratios between: `收入累计完成24627万元，完成年初预算数60999万元的40.4%，比上年减收1070万元，下降4.2%`."""
    q = qs[i]
    if q.kind != "percent" or q.unit != "%" or q.value < 0 or i < 2:
        return None
    c = i - 1
    inc = qs[c]
    if seg.sent[c] != seg.sent[i] or frame(inc).role != "change" or not RATE_GAP.match(text[inc.end:q.start]):
        return None
    word = INCREMENT.search(text, max(0, inc.start - 4), inc.start)
    if word is None:
        return None
    down = word.group(1) in GROWTH_DOWN or word.group(1) == "净减"
    rate_word = re.search(rf"({_DIRECTION})", text[inc.end:q.start])
    if rate_word is None or (rate_word.group(1) in GROWTH_DOWN) != down:
        return None
    between: list[int] = []
    for j in range(c - 1, max(-1, c - 8), -1):
        if seg.sent[j] != seg.sent[i]:
            return None
        p = qs[j]
        if seg.clause[j] == seg.clause[c] and p.kind != "percent":
            return None  # the change's own clause states a level: the item's reading (growth.py) has it
        if p.kind == "percent" or frame(p).plan:
            between.append(j)
            continue
        if not same_unit(p, inc) or p.kind != inc.kind or frame(p).role != "level" or p.high is not None:
            return None
        if not between:
            return None  # nothing between: the item's own reading
        if subjects_apart(named_subject(text, inc), frame(p).subject):
            return None  # 其他各族人口为29052人,占37.60%同2010年相比,回族人口增加5120人: another subject's change
        if BREAKDOWN_BETWEEN.search(text, p.end, inc.start):
            return None  # 收入5.2亿元,增长3%(其中增值税收入比上年减收2000万元,下降6.25%): the change is a part's
        strong = True
        total = breakdown_total(text, qs, seg, j, c, label_before(text, inc, 0, CLAUSE_END))
        if total is not None:
            j, strong = total
            p = qs[j]
        return Relation("growth", q, growth_start(text, q), q.end, parts=(p,), whole=(), direction=-1 if down else 1,
                        strong=strong, alternatives=(((p,), (inc,)),),
                        extra={"link": "the level before its target and ratio, the change beside the rate",
                               "inc": str(c)})
    return None
