"""Runs of figures after a total that add up to it by chance (the checks behind sums.py's implicit breakdowns).

Nothing announces an implicit breakdown's parts: the figures after a total that add up to it exactly are
taken as its parts. These structures make such a sum a coincidence of numbers, whatever the figures are:

- the total is a bound (300家以上), or an item of a list of siblings (东坪镇17件，教育局10件，…);
- the total is an item of a ranked list (办件量位于前三的街道: 甲街道46件;乙街道24件;丙镇22件): its
  siblings rank after it, they are not its parts (46 = 24 + 22 by chance);
- the parts are announced as another figure's (共有33个项目,地方有11个,共计44个。其中包括10个…和23个…):
  其中 gives them to the figure right before it, a level in the total's unit (44), not to the total (33).

A prefix of a semicolon list that goes on, 维持5件;撤销6件;…;终止2件;移送1件 of 15, is run_ends.py's.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import TOTAL_WORD, Seg, same_unit
from auditor.relate.link import frame

NUMERAL = "[一二三四五六七八九十两0-9０-９]+"
#: how many characters before a total its ranking words may stand (a top-ten list of named items)
RANK_REACH = 300


@cache
def _rank() -> re.Pattern[str]:
    w = claim_words()
    lead, tail = w.alternation("sums.rank_lead"), w.alternation("sums.rank_tail")
    return re.compile(rf"(?:{lead}){NUMERAL}|前{NUMERAL}(?:{tail})")


@cache
def _announce() -> re.Pattern[str]:
    return re.compile(rf"[)）]?[,，。；;:：]?\s*(?:{claim_words().alternation('total.breakdown')})")


def ranked(text: str, t: Quantity, sent_start: int) -> bool:
    """Is the total an item of a list its sentence ranks (位于前三的…:, 居于前五位的是:)?

    The ranking words stand before the figure in its sentence, or close the line before it (a heading
    排名前三的乡镇:⏎ over the list); a total word after them makes the figure the ranked items' total.
    """
    lo = sent_start
    head = text[max(0, lo - 40):lo].rstrip()
    if head.endswith((":", "：")):
        lo = max(head.rfind(c) for c in "。！？!?\n") + 1 + max(0, lo - 40)
    # bounded: a run-on sentence of thousands of figures must not be searched again for each (ranked lists
    # are short: 前三, 前五, 前十)
    m = _rank().search(text, max(lo, t.start - RANK_REACH), t.start)
    return m is not None and not TOTAL_WORD.search(text[m.end():t.start])  # 排名前三的县区共受理300件: a total


def claimed_by_other(text: str, qs: Sequence[Quantity], j: int, run: Sequence[int]) -> bool:
    """Does a level between the total qs[j] and the run, in the total's unit, open a breakdown (其中, 包括)
    that the run's first figure follows? The parts are then that figure's."""
    t = qs[j]
    for k in range(j + 1, run[0]):
        q = qs[k]
        if q.kind != t.kind or not same_unit(q, t) or q.high is not None or frame(q).role != "level" \
                or q.value == t.value:
            continue  # a restated total (共收到318件,已办结318件,其中…) has the same parts
        if _announce().match(text, q.end):
            return True
    return False


def in_list(text: str, qs: Sequence[Quantity], j: int, seg: Seg) -> bool:
    """qs[j] is an item of a list of siblings: the figure before it, in its sentence and unit, is
    separated from it by one comma and a name (东坪镇17件，洛阳镇5件), and no total word marks it."""
    if j == 0 or seg.sent[j - 1] != seg.sent[j]:
        return False
    p, t = qs[j - 1], qs[j]
    if p.kind != t.kind or p.unit != t.unit or p.high is not None:
        return False
    return SIBLING_GAP.fullmatch(text[p.end:t.start]) is not None and not TOTAL_WORD.search(text[p.end:t.start])


SIBLING_GAP = re.compile(r"[，,、；;][\u4e00-\u9fff“”（）()]{1,16}")


def bounded(q: Quantity) -> bool:
    """以上, 超过, 不足: a bound, not a figure that adds up (达 states the figure; 多 and 约 round it)."""
    from auditor.verify_base import _bound

    return _bound(q) in ("lower", "upper")
