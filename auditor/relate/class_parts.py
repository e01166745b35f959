"""A count of classes and the sentences that take them one by one.

    全国法院共新收一审民事案件2716485件…
    据悉,3大类案件呈现出有增有减的态势。婚姻家庭继承案件…新收案件612378件…。其中继承案件…
    合同纠纷案件新收1493250件…。其中借款合同纠纷案件…。权属、侵权类纠纷案件…共新收610857件…

`3大类` announces the classes; each sentence after it in its paragraph that does not open with 其中
(a class's own breakdown) takes one class, its first level figure being the class's. Where exactly
that many sentences follow, the count is confirmed against them, and where their figures add up
exactly to a level of their unit in the paragraphs before (2716485 = 612378 + 1493250 + 610857), that
total is confirmed too. Nothing is accused: a class may be stated without a figure.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, label_before, same_unit
from auditor.relate.link import frame

CLASS_UNITS = ("大类", "类")
NESTED = re.compile(rf"\s*(?:{claim_words().alternation('total.breakdown')})")
NAME = re.compile(r"[^，,。；;\d]{1,16}")
MAX_CLASSES = 9
PARAS_BACK = 2
BACK = 80  # figures looked back for the total
KINDS = ("count", "money", "measure")


def class_parts(text: str, qs: Sequence[Quantity], seg: Seg, sent_start: list[int]) -> Iterator[Relation]:
    for j, q in enumerate(qs):
        if q.kind != "count" or q.unit not in CLASS_UNITS or q.approx or not 2 <= q.value <= MAX_CLASSES:
            continue
        heading = _heading(text, qs, seg, j)
        firsts = _class_paragraphs(text, qs, seg, j) if heading else _class_figures(text, qs, seg, sent_start, j)
        if firsts is None or len(firsts) != q.value:
            continue
        each = "paragraph" if heading else "sentence"
        # a class's name: the words opening its sentence, or (a paragraph opening with its period) its figure's
        names = [(not heading and _name(text, sent_start, seg.sent[k])) or label_before(text, qs[k], 0)
                 for k in firsts]
        yield Relation("sum", q, q.start, q.end, extra={"names": str(len(firsts)), "list": "、".join(names),
                                                       "link": f"classes taken one {each} each"})
        parts = [qs[k] for k in firsts]
        if any(p.kind != parts[0].kind or not same_unit(p, parts[0]) for p in parts):
            continue
        t = _total(qs, seg, j, parts)
        if t is not None:
            yield Relation("sum", qs[t], qs[t].start, parts[-1].end, parts=tuple(parts), whole=(qs[t],),
                           extra={"link": f"classes of {q.text}, one {each} each"})


def _class_figures(text: str, qs: Sequence[Quantity], seg: Seg, sent_start: list[int], j: int) -> list[int] | None:
    """The first level figure of each sentence after qs[j] in its paragraph, 其中 sentences apart; None
    where a sentence of the paragraph has no such figure (the classes may not be taken one each)."""
    out: list[int] = []
    sid = seg.sent[j]
    k = j + 1
    while k < len(qs) and seg.para[k] == seg.para[j] and len(out) <= MAX_CLASSES:
        s = seg.sent[k]
        if s == sid:
            k += 1
            continue
        sid = s
        if NESTED.match(text, sent_start[s]):
            continue  # 其中继承案件…: inside the class before
        first = next((m for m in range(k, len(qs)) if seg.sent[m] != s or _level(qs[m])), None)
        if first is None or seg.sent[first] != s:
            return None
        out.append(first)
    return out


def _heading(text: str, qs: Sequence[Quantity], seg: Seg, j: int) -> bool:
    """(三)三大类诉讼案件收结存情况: the count heads a line of its own, with no figure after it."""
    line = text.rfind("\n", 0, qs[j].start) + 1
    return HEADING.match(text, line) is not None and (j + 1 == len(qs) or seg.para[j + 1] != seg.para[j])


def _class_paragraphs(text: str, qs: Sequence[Quantity], seg: Seg, j: int) -> list[int] | None:
    """The first level figure of each paragraph after a heading, up to the next heading or the end;
    None where a paragraph has none (the classes may not be taken one each)."""
    out: list[int] = []
    k = j + 1
    while k < len(qs) and len(out) <= MAX_CLASSES:
        pid = seg.para[k]
        line = text.rfind("\n", 0, qs[k].start) + 1
        if HEADING.match(text, line):
            break  # (四)…: the next section
        first = next((m for m in range(k, len(qs)) if seg.para[m] != pid or _level(qs[m])), None)
        if first is None or seg.para[first] != pid:
            return None
        out.append(first)
        while k < len(qs) and seg.para[k] == pid:
            k += 1
    return out


HEADING = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
                     r"|\d{1,2}[、.．](?!\d))")


def _level(q: Quantity) -> bool:
    return q.kind in KINDS and q.high is None and not q.approx and frame(q).role == "level" and not frame(q).plan


def _name(text: str, sent_start: list[int], s: int) -> str:
    """The words opening a class's sentence (合同纠纷案件新收), "" where it opens with a figure."""
    m = NAME.match(text, sent_start[s])
    return m.group(0).strip() if m and len(m.group(0).strip()) >= 2 else ""


def _total(qs: Sequence[Quantity], seg: Seg, j: int, parts: list[Quantity]) -> int | None:
    """The nearest level before the count, within PARAS_BACK paragraphs, that the parts add up to exactly."""
    total = sum((Fraction(p.value) for p in parts), Fraction(0))
    if total < 100:
        return None  # small sums recur by chance
    for k in range(j - 1, max(-1, j - 1 - BACK), -1):
        if seg.para[j] - seg.para[k] > PARAS_BACK:
            break
        c = qs[k]
        if _level(c) and c.kind == parts[0].kind and same_unit(c, parts[0]) and Fraction(c.value) == total:
            return k
    return None
