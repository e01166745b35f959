"""A growth rate whose two levels are stated in the next (or the previous) sentence, one per period.

`3月份,行政案件收案数较去年同期增加350%…。记者了解到,该院在2016年3月份受理行政案件2起,今年3月份受理
行政案件9起`: the two levels carry the same words after their periods (受理行政案件), the periods are
the same months of two years, and the rate names what they count (行政案件) and compares with the
year before (同比, 去年同期). The claim runs from the rate to the later level. Confirms only: the text
does not say the levels are the rate's.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import CLAUSE_END, Relation, Seg, same_unit
from auditor.relate.link import COMMON, frame, grams

_W = claim_words()
PERIOD = re.compile(
    r"((?:19|20)\d{2}年|今年|去年|上年|本年|当年)"
    r"((?:\d{1,2}|[一二三四五六七八九十]{1,2})(?:\s*[-—至到]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2}))?月份?"
    r"|上半年|下半年|第?[一二三四]季度|前三季度|全年)?")
CURRENT = ("今年", "本年", "当年")
PRIOR = ("去年", "上年")
#: figures of a sentence searched for the two levels (bounded work)
REACH = 12
LABEL_REACH = 30


def level_pair(text: str, qs: Sequence[Quantity], i: int, seg: Seg, rel: Relation) -> Relation | None:
    """The rate with the two levels of the sentence next to it as its new and old value, or None."""
    q = qs[i]
    if rel.parts or rel.whole or rel.alternatives or q.kind != "percent":
        return None
    head = text[seg.clause_start[seg.clause[i]]:q.start]
    if not any(w in head for w in _W("growth.year_on_year")) or any(w in head for w in _W("growth.period_on_period")):
        return None
    words = {g for g in grams(head) if g not in COMMON}
    found = []
    for s in (seg.sent[i] + 1, seg.sent[i] - 1):
        lv = [k for k in range(max(0, i - REACH), min(len(qs), i + REACH)) if seg.sent[k] == s
              and seg.para[k] == seg.para[i] and qs[k].kind in ("count", "money", "measure")
              and frame(qs[k]).role in ("level", "prior") and not frame(qs[k]).plan]
        if len(lv) != 2:
            continue
        pair = _periods(text, qs, seg, lv[0], lv[1])
        if pair is None:
            continue
        new, old, rest = pair
        if len(words & grams(rest)) >= 2:
            found.append((new, old))
    if len(found) != 1:
        return None
    new, old = found[0]
    return Relation("growth", q, rel.start, max(q.end, qs[new].end, qs[old].end), parts=(qs[new],),
                    whole=(qs[old],), direction=rel.direction,
                    extra={**rel.extra, "link": "the two levels of the sentence beside it, one per period"})


def _periods(text: str, qs: Sequence[Quantity], seg: Seg, a: int, b: int) -> tuple[int, int, str] | None:
    """(new, old, the words they share) where the two figures count the same thing in two periods."""
    if not same_unit(qs[a], qs[b]) or qs[a].kind != qs[b].kind:
        return None
    got = []
    for k in (a, b):
        lo = max(seg.clause_start[seg.clause[k]], qs[k].start - LABEL_REACH)
        label = text[lo:qs[k].start]
        ms = list(PERIOD.finditer(label))
        if not ms or any(c in label[ms[-1].end():] for c in CLAUSE_END):
            return None
        got.append((ms[-1].group(1), ms[-1].group(2) or "", label[ms[-1].end():]))
    (ya, pa, ra), (yb, pb, rb) = got
    if pa != pb or ra != rb or len(grams(ra)) < 1:
        return None
    if _later(ya, yb):
        return a, b, ra
    if _later(yb, ya):
        return b, a, ra
    return None


def _later(x: str, y: str) -> bool:
    """Year x is the one after year y: 今年 after 2014年 or 去年, 2015年 after 2014年."""
    if x in CURRENT:
        return y in PRIOR or y[:4].isdigit()
    if x[:4].isdigit() and y[:4].isdigit():
        return int(x[:4]) == int(y[:4]) + 1
    return False
