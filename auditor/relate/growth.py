"""Growth rates, differences and percentage points: new, old and increment of one item."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import (
    CLAUSE_END,
    GROWTH_DOWN,
    GROWTH_WORD,
    INCREMENT_TAIL,
    OLD_TAIL,
    Relation,
    Seg,
    growth_start,
    label_before,
    overlap,
    same_unit,
)
from auditor.relate.link import frame, is_level, same_plan, subject_level


def unlinkable_growth(text: str, q: Quantity, sentence_start: int, item_start: int | None = None) -> bool:
    """Growth that the stated levels cannot recompute: real (按可比价格) or average annual (年均) growth.

    年均 anywhere in the item (平均每年增加42亿元，增长4.9%) makes its growth compound over a span.
    """
    before = text[sentence_start:q.start]
    w = claim_words()
    compound = text[item_start:q.start] if item_start is not None else before[-8:]
    return any(x in before for x in w("growth.real")) or any(x in compound for x in w("growth.compound"))


def item_start(qs: Sequence[Quantity], i: int, seg: Seg, clause_start: Sequence[int]) -> int:
    """Where the item of qs[i] begins: the clause of its first figure."""
    j = i
    while j > 0 and seg.item[j - 1] == seg.item[i]:
        j -= 1
    return clause_start[seg.clause[j]] if seg.clause[j] < len(clause_start) else qs[j].start


def _growth(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int],
            before: str) -> Iterator[Relation] | None:
    q = qs[i]
    gm = GROWTH_WORD.search(before)
    if gm is None:
        return None
    word = gm.group(2)
    if word in ("多", "少") and not gm.group(1):
        return None
    direction = -1 if word in GROWTH_DOWN or word in ("减收", "少") else 1
    if q.value < 0:
        direction = 1  # a signed figure (-32.18%) carries its own direction
    rel = _growth_operands(text, qs, i, seg, sent_start, q, direction)
    return iter([rel])


def _growth_operands(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int], q: Quantity,
                     direction: int) -> Relation:
    """Find the new value, the old value and the increment of a growth rate in its sentence."""
    if unlinkable_growth(text, q, sent_start[seg.sent[i]], item_start(qs, i, seg, seg.clause_start)):
        return Relation("growth", q, growth_start(text, q), q.end, direction=direction)
    # levels that are averages compare only with averages (日均量 3313 vs 上半年日均量 2135)
    averaged = any(frame(qs[j]).role == "average" for j in range(i) if seg.item[j] == seg.item[i]
                   and frame(qs[j]).role == "average" and not frame(qs[j]).subject.startswith(("年均", "平均每年")))
    same = [j for j in range(i - 1, -1, -1)
            if seg.item[j] == seg.item[i] and qs[j].kind in ("count", "money", "measure", "percent")
            and frame(qs[j]).role not in ("growth", "multiple") and same_plan(qs[j], q)
            and (frame(qs[j]).role != "average" or averaged)]
    new = old = inc = None
    for j in same:
        c = qs[j]
        if c.kind == "percent":
            if q.kind == "percent" and old is None and new is None and \
                    OLD_TAIL.search(text[max(0, c.start - 12):c.start].rstrip("的")):
                old = j  # 较上年的94.5%提高1.8%: the old rate
                continue
            if old is not None and new is None and qs[old].kind == "percent":
                new = j  # 满意率为96.3%,较上年的94.5%…
                break
            if new is None and "占" not in text[max(0, c.start - 10):c.start]:
                break  # another growth rate in between: the operands belong to it
            continue
        lab = text[sent_start[seg.sent[j]]:c.start]
        tail = lab[-12:]
        if re.search(r"(增加|减少|增收|减收|多|少|增长|下降|上升|净增|新增)了?$", tail) and inc is None and new is None:
            inc = j
        elif re.search(r"(同比|较|比|相比)[^，,。；;]{0,16}?[（(]?$", tail) or re.search(r"[（(]$", tail):
            if old is None:
                old = j
        elif new is None:
            new = j
    if inc is None and new is not None:
        # the increment stated after the rate: 同比增长10.85%,增收2,798万元
        for j in range(i + 1, min(len(qs), i + 4)):
            if seg.item[j] != seg.item[i] or qs[j].kind == "percent":
                break
            if frame(qs[j]).role != "change":
                continue
            if same_unit(qs[j], qs[new]) and re.search(r"(增加|减少|增收|减收|多|少|增长|下降|净增)了?$",
                                                        text[max(0, qs[j].start - 4):qs[j].start]):
                inc = j
                break
    if inc is not None:
        # the new value is the figure the increment speaks of: 死亡33人 … 死亡人数减少9人
        inc_lab = label_before(text, qs[inc], 0, CLAUSE_END)
        pool = [j for j in range(inc - 1, -1, -1) if seg.item[j] == seg.item[i]
                and same_unit(qs[j], qs[inc]) and qs[j].kind == qs[inc].kind and j != old
                and frame(qs[j]).role == "level" and same_plan(qs[j], q)
                and not INCREMENT_TAIL.search(text[max(0, qs[j].start - 6):qs[j].start])]
        if pool:
            new = max(pool, key=lambda j: (overlap(label_before(text, qs[j], 0), inc_lab), j))
    link = "same item"
    if new is None and q.kind == "percent":
        # the item states no level: the one level of the same subject before it (事故37起 … 事故起数减少8起)
        lvl = subject_level(qs, i, qs[inc] if inc is not None else None)
        if lvl is not None:
            new, link = lvl, f"same subject {frame(qs[lvl]).subject}"
            if inc is None and old is None:
                inc = next((j for j in range(lvl + 1, i) if seg.item[j] == seg.item[lvl]
                            and frame(qs[j]).role == "change" and same_unit(qs[j], qs[lvl])), None)
    nq = qs[new] if new is not None else None
    oq = qs[old] if old is not None else None
    iq = qs[inc] if inc is not None else None
    if nq is not None and oq is not None and not same_unit(nq, oq):
        oq = None
    if nq is not None and iq is not None and not same_unit(nq, iq):
        iq = None
    if oq is not None and nq is not None and oq.start > nq.start and "由" in text[sent_start[seg.sent[i]]:nq.start]:
        nq, oq = oq, nq
    parts = tuple(x for x in (nq,) if x is not None)
    whole = tuple(x for x in (oq,) if x is not None)
    extra: dict[str, str] = {"link": link}
    if iq is not None:
        extra["inc"] = str(qs.index(iq))
    return Relation("growth", q, growth_start(text, q), q.end, parts=parts, whole=whole, direction=direction,
                    strong=nq is not None and (oq is not None or iq is not None),
                    extra=extra, alternatives=((parts, (iq,)),) if iq is not None else ())




def _difference(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int],
                before: str) -> Relation | None:
    """增加122篇 after the new value and the old one: new - old = 122."""
    q = qs[i]
    m = re.search(r"(增加|减少|增收|减收|多|少|净增|增长|下降)了?$", before[-6:])
    if m is None:
        return None
    word = m.group(1)
    if word in ("多", "少") and not re.search(r"同比|较|比", before):
        return None
    direction = -1 if word in ("减少", "减收", "少", "下降") else 1
    if frame(q).role != "change" or unlinkable_growth(text, q, sent_start[seg.sent[i]]):
        return Relation("difference", q, q.start - len(m.group(0)), q.end, direction=direction)
    same = [j for j in range(i - 1, -1, -1) if seg.item[j] == seg.item[i] and same_unit(qs[j], q)
            and is_level(qs[j]) and same_plan(qs[j], q)]
    new = old = None
    for j in same:
        tail = text[sent_start[seg.sent[j]]:qs[j].start][-12:]
        if old is None and (OLD_TAIL.search(tail) or tail.endswith(("（", "("))):
            old = j
        elif new is None and old is not None or new is None and j < i - 1:
            new = j
    if new is None or old is None:
        return Relation("difference", q, q.start - len(m.group(0)), q.end, direction=direction)
    nq, oq = qs[new], qs[old]
    if oq.start > nq.start and "由" not in text[sent_start[seg.sent[i]]:nq.start]:
        pass
    return Relation("difference", q, min(oq.start, q.start - len(m.group(0))), q.end, parts=(nq,), whole=(oq,),
                    direction=direction, strong=True, extra={"link": "same item"})


def _points(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> Relation:
    """X个百分点 against the two rates the sentence states."""
    q = qs[i]
    rates = [j for j in range(i - 1, -1, -1) if seg.item[j] == seg.item[i] and qs[j].kind == "percent"
             and frame(qs[j]).role in ("rate", "share") and same_plan(qs[j], q)]
    before = text[sent_start[seg.sent[i]]:q.start]
    down = bool(re.search(r"下降|降低|减少|回落|低", before[-8:]))
    if len(rates) >= 2:
        a, b = qs[rates[1]], qs[rates[0]]
        between = text[a.end:b.start]
        before_a = text[max(sent_start[seg.sent[i]], a.start - 10):a.start]
        before_b = text[max(a.end, b.start - 14):b.start]
        new = old = None
        if re.search(r"(提高|上升|下降|降低|增加|减少|增长)(到|至|为)", between) or re.search(r"[由从]", before_a):
            new, old = b, a  # 由A%提高到B%
        elif re.search(r"(比|较|高于|低于)[^，,。；;]{0,12}$", before_b):
            new, old = a, b  # A%, 比上年的B%高出X个百分点
        if new is not None and old is not None:
            return Relation("points", q, growth_start(text, q), q.end, parts=(new,), whole=(old,),
                            extra={"link": "same item: old and new rate"},
                            direction=-1 if down else 1, strong=True)
    return Relation("points", q, growth_start(text, q), q.end, direction=-1 if down else 1)


