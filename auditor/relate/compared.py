"""Points against a named peer's rate printed with them: `我区前三季度进出口增幅高于全省15个百分点、全国19个百分点
(全国增12.3%、全省增16.1%)` after `全区外贸进出口总额…同比增长31.4%`: 31.4 - 16.1 and 31.4 - 12.3.

The peer (全市, 全国) is named straight after 高于/低于 (or by the list it heads) and its rate is the
one percent of the sentence labelled with its name; the own rate is the growth rate before, in the
paragraph or the one before, whose subject shares the most words with the sentence's opening.
Confirmed only.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, growth_start, overlap
from auditor.relate.link import frame

PEER = re.compile(r"(高于|低于|高出|快于|慢于|超过|超出)([\u4e00-\u9fff]{2,4}?)$")
LISTED_PEER = re.compile(r"[、，,]\s*([\u4e00-\u9fff]{2,4}?)$")


def peer_points(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sentence_start: int) -> Relation | None:
    q = qs[i]
    before = text[max(sentence_start, q.start - 12):q.start]
    m = PEER.search(before)
    word = m.group(1) if m else ""
    name = m.group(2) if m else ""
    if m is None and i > 0 and qs[i - 1].kind == "points" and seg.sent[i - 1] == seg.sent[i]:
        lm = LISTED_PEER.search(text, qs[i - 1].end, q.start)  # 高于全省15个百分点、全国19个百分点
        pm = PEER.search(text[max(sentence_start, qs[i - 1].start - 12):qs[i - 1].start])
        if lm is not None and pm is not None:
            word, name = pm.group(1), lm.group(1)
    if not name:
        return None
    peers = [k for k in range(i + 1, min(len(qs), i + 8)) if seg.sent[k] == seg.sent[i] and qs[k].kind == "percent"
             and re.search(rf"{re.escape(name)}[\u4e00-\u9fff]{{0,3}}$", text[max(0, qs[k].start - 6):qs[k].start])]
    if len(peers) != 1:
        return None
    head = text[sentence_start:q.start]
    cands = [k for k in range(i - 1, max(-1, i - 30), -1) if seg.para[i] - seg.para[k] <= 1
             and qs[k].kind == "percent" and frame(qs[k]).role == "growth" and k not in peers]
    scored = sorted(((overlap(frame(qs[k]).subject, head), k) for k in cands), reverse=True)
    if not scored or scored[0][0] < 2 or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    own = scored[0][1]
    down = word in ("低于", "慢于")
    return Relation("points", q, growth_start(text, q), q.end, parts=(qs[own],), whole=(qs[peers[0]],),
                    direction=-1 if down else 1,
                    extra={"link": f"{word}{name}: its rate in the sentence; own rate by subject", "peer": "1"})
