"""Parts that 各 distributes: 有10件逾期，其中甲区4件，乙区、丙局、丁局…及戊公司各1件 = 4 + 6×1.

The total is the figure just before 其中 in its sentence; the parts are the figures of its unit after
其中 in that sentence, a part after 各 standing once for each name listed before it (乙区、丙局及戊公司
各1件: three). A claim is made only where some part is distributed so (plain lists are sums.py's):
parts that add up to the total or stay below it are confirmed (a partial list), parts above it are a
warning (the names may overlap, which the text does not say).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from msgspec.structs import replace

from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, same_unit
from auditor.relate.link import frame

OPENER = re.compile(r"[\u4e00-\u9fff]{0,4}[，,:：]?\s*其中[，,:：]?")
NAME = re.compile(r"[\u4e00-\u9fff“”（）()]{2,16}")
JOINT = re.compile(r"、|及|和|以及")
CLAUSE_STOP = "，,；;：:。\n"
MAX_PARTS = 16
KINDS = ("count", "money", "measure")


def each_parts(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    for j, t in enumerate(qs):
        if t.kind not in KINDS or t.high is not None or t.approx or frame(t).role != "level":
            continue
        if OPENER.match(text, t.end, t.end + 12) is None:
            continue
        parts: list[Quantity] = []
        shared = False
        for k in range(j + 1, min(len(qs), j + 1 + MAX_PARTS)):  # bounded: one sentence's parts
            p = qs[k]
            if seg.sent[k] != seg.sent[j]:
                break
            if p.kind != t.kind or not same_unit(p, t) or p.high is not None or frame(p).role != "level":
                continue
            n = _names_sharing(text, p)
            if n > 1:
                shared = True
                p = replace(p, text=f"{n}×{p.text}", value=p.value * n)
            parts.append(p)
        if shared and len(parts) >= 2:
            yield Relation("sum", t, t.start, parts[-1].end, parts=tuple(parts), whole=(t,), overlap=True,
                           extra={"link": "其中 list, 各 for each name"})


def _names_sharing(text: str, p: Quantity) -> int:
    """How many names 各 before the figure gives it to: 乙区、丙局及戊公司各1件 -> 3 (1 where no 各)."""
    if text[max(0, p.start - 1):p.start] != "各":
        return 1
    k = p.start - 1
    while k > 0 and text[k - 1] not in CLAUSE_STOP and p.start - k < 200:
        k -= 1
    names = [x.strip() for x in JOINT.split(text[k:p.start - 1])]
    if len(names) < 2 or not all(NAME.fullmatch(x) for x in names):
        return 1
    return len(names)
