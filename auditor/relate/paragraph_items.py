"""A total and the parallel items of the paragraph after it.

    全市共发生各类事故1126起、死亡257人。
    工矿建行业发生事故20起、死亡23人；道路交通发生事故665起、死亡220人；火灾发生事故419起，死亡11人。

The total opens with a total's mark (共, 合计) and closes its paragraph's sentence; the next
paragraph is made of items split by ；, each the same kind of statement: one figure of the total's
unit whose words end as the total's do (…发生事故 as 各类事故, 死亡 as 死亡). Such items split the
total unless they say otherwise, so parts above the total are flagged (a warning: the items may
overlap, which the text does not say); parts below it are a partial list and confirmed.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, label_before, same_unit
from auditor.relate.link import frame, periods_differ, same_plan

_W = claim_words()
STRONG = re.compile(rf"({_W.guarded('total.strong', 'total.compounds')})[\u4e00-\u9fff]{{0,10}}$")
ITEM_BREAK = re.compile(r"[；;]")
NESTED = re.compile(_W.alternation("total.breakdown"))
MIN_ITEMS = 3
MAX_ITEMS = 24
TAIL = 2  # the characters a part's words must end in, as the total's do (事故, 死亡)
KINDS = ("count", "money", "measure")


def paragraph_items(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    # the figures of each paragraph, in order (one pass)
    paras: dict[int, list[int]] = {}
    for j in range(len(qs)):
        paras.setdefault(seg.para[j], []).append(j)
    order = sorted(paras)
    following = dict(zip(order, order[1:], strict=False))
    for pid, idx in paras.items():
        nxt = following.get(pid)
        if nxt is None or nxt != pid + 1:
            continue
        first_sentence = [j for j in idx if seg.sent[j] == seg.sent[idx[0]]]
        for j in first_sentence:
            if any(qs[k].kind == qs[j].kind and same_unit(qs[k], qs[j]) for k in idx if k > j):
                continue  # 共X件。其中Y件: the items after may split Y, not X
            rel = _items_of(text, qs, j, paras[nxt])
            if rel is not None:
                yield rel


def _items_of(text: str, qs: Sequence[Quantity], j: int, after: list[int]) -> Relation | None:
    t = qs[j]
    if t.kind not in KINDS or t.high is not None or t.approx or frame(t).role != "level":
        return None
    lab = label_before(text, t, 0)
    strong = STRONG.search(lab)
    if len(lab) < TAIL or not (strong or _follows_total(text, qs, j)):
        return None
    if NESTED.search(text[t.end:t.end + 6]):
        return None  # 共X起，其中: the breakdown is in its own sentence
    if j > 0 and NESTED.search(text, qs[j - 1].end, t.start):
        return None  # 完成投资50.6亿元，其中房地产开发累计完成21.8亿元: a part of the figure before, no total
    tail = lab[-TAIL:]
    parts: list[Quantity] = []
    items = 0
    item, last_item, cursor = 0, -1, qs[after[0]].start
    for k in after[:MAX_ITEMS * 4]:  # bounded: a few figures per item
        p = qs[k]
        if p.kind != t.kind or not same_unit(p, t) or p.high is not None:
            continue
        item += len(ITEM_BREAK.findall(text, cursor, p.start))  # linear: each stretch counted once
        cursor = p.start
        if item == last_item:
            continue  # one figure of the unit per item: the first
        if frame(p).role != "level" or periods_differ(p, t) or not same_plan(p, t):
            return None
        if not label_before(text, p, 0).endswith(tail):
            return None  # an item of another kind: no parallel list
        parts.append(p)
        last_item = item
        items += 1
    if items < MIN_ITEMS:
        return None
    if strong is not None and not _follows_total(text, qs, j) \
            and all(strong.group(1) in label_before(text, p, 0) for p in parts):
        return None  # 全市…实现利润总额420.5亿元 / 国有控股企业实现利润总额…: 总额 names each item's metric, no total
    return Relation("sum", t, t.start, t.end, parts=tuple(parts), whole=(t,), exhaustive=False, overlap=True,
                    extra={"link": "parallel items of the next paragraph"})


def _follows_total(text: str, qs: Sequence[Quantity], j: int) -> bool:
    """死亡257人 after 共发生事故1126起、: the second figure of a total's clause pair is a total too."""
    if j == 0:
        return False
    prev = qs[j - 1]
    between = text[prev.end:qs[j].start]
    return len(between) <= 6 and between[:1] in "、，," and bool(STRONG.search(label_before(text, prev, 0)))


#: a paragraph opening with a number of its own list: (一), （二）, 三、
NUMBERED = re.compile(r"\s*(?:[（(]([一二三四五六七八九十]{1,3})[)）]|([一二三四五六七八九十]{1,3})、)")
OTHER = re.compile(_W.alternation("total.other"))
PARAS_BACK = 6
MIN_NUMBERED = 3


def numbered_paragraphs(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    """(一)基础建设方面…工单534件 … (五)其他相关方面…工单563件: numbered paragraphs, each with one level
    of one unit, the last one 其他, split a total stated a few paragraphs before them; confirmed where
    they add up to it exactly (nothing is accused: the numbered items may be chosen topics)."""
    firsts: list[int] = []  # the first level figure of each paragraph of the current numbered run
    last_para = -1
    for k, q in enumerate(qs):
        if seg.para[k] == last_para:
            continue
        last_para = seg.para[k]
        line = text.rfind("\n", 0, q.start) + 1
        numbered = NUMBERED.match(text, line) is not None and "\n" not in text[line:q.start]
        first = _first_level(qs, seg, k)
        if numbered and first is not None and (not firsts or seg.para[k] == seg.para[firsts[-1]] + 1):
            firsts.append(first)
            continue
        yield from _numbered_total(text, qs, seg, firsts)
        firsts = [first] if numbered and first is not None else []
    yield from _numbered_total(text, qs, seg, firsts)


def _first_level(qs: Sequence[Quantity], seg: Seg, k: int) -> int | None:
    for m in range(k, min(len(qs), k + 12)):  # bounded: the first figures of the paragraph
        if seg.para[m] != seg.para[k]:
            return None
        c = qs[m]
        if c.kind in KINDS and c.high is None and not c.approx and frame(c).role == "level" and not frame(c).plan:
            return m
    return None


def _numbered_total(text: str, qs: Sequence[Quantity], seg: Seg, firsts: list[int]) -> Iterator[Relation]:
    if len(firsts) < MIN_NUMBERED:
        return
    parts = [qs[k] for k in firsts]
    if any(p.kind != parts[0].kind or not same_unit(p, parts[0]) for p in parts):
        return
    last_line = text.rfind("\n", 0, parts[-1].start) + 1
    if not OTHER.search(text, last_line, parts[-1].start):
        return  # no 其他 closes the list: it may name chosen topics only
    total = sum((Fraction(p.value) for p in parts), Fraction(0))
    if total < 100:
        return
    j = firsts[0]
    for k in range(j - 1, max(-1, j - 1 - 80), -1):  # bounded: the figures of a few paragraphs before
        if seg.para[j] - seg.para[k] > PARAS_BACK:
            break
        c = qs[k]
        if c.kind == parts[0].kind and same_unit(c, parts[0]) and frame(c).role == "level" and not c.approx \
                and Fraction(c.value) == total:
            yield Relation("sum", c, c.start, parts[-1].end, parts=tuple(parts), whole=(c,),
                           extra={"link": "numbered paragraphs after the total, the last one 其他"})
            return
