"""Repeats: one metric stated twice in a document."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from auditor.model import Number, Quantity
from auditor.relate.base import GROWTH_DOWN, Relation, growth_head
from auditor.relate.link import COMMON, frame, per_unit_apart, periods_differ, repeat_of, subject_core


def _repeats(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    """A figure stated again later in the document: the same metric (subject, period, role) and value."""
    first: dict[tuple[str, str, Number], int] = {}  # a number hashes as its value: 1.50, 1.5 and 3/2 are one key
    for j, q in enumerate(qs):
        if q.kind not in ("count", "money", "measure", "percent") or q.high is not None \
                or frame(q).role == "attribute":
            continue
        key = (q.kind, q.unit, q.value)
        k = first.get(key)
        if k is None:
            first[key] = j
            continue
        p = qs[k]
        v = -q.value if q.value < 0 else q.value
        # equal numbers of different metrics are nothing: one subject, period, role and plan
        trivial = v < 10 and not q.decimals or (q.kind == "percent" and v in (0, 100))
        if q.start - p.end > 8 and not trivial and not _levels_differ(text, qs, k, j) \
                and (repeat_of(p, q) or _restated(p, q)):
            link = f"same subject {frame(q).subject}"
            yield Relation("repeat", q, q.start, q.end, parts=(q,), whole=(p,), extra={"link": link})
            yield Relation("repeat", p, p.start, p.end, parts=(p,), whole=(q,), extra={"link": link})
        first[key] = j
    yield from _rounded_repeats(qs)


def _item_level(qs: Sequence[Quantity], j: int) -> Quantity | None:
    """The level a rate's item states before it (700.4亿元 for 增长1.9%), if any; where the rate's item
    states none, the level before it in its sentence (游客544万人次,…,恢复至上年的81%)."""
    fj = frame(qs[j])
    for k in range(j - 1, max(-1, j - 5), -1):
        c = qs[k]
        if frame(c).item != fj.item and frame(c).sentence != fj.sentence:
            return None
        if c.kind in ("count", "money", "measure") and frame(c).role == "level":
            return c
    return None


def _direction(text: str, q: Quantity) -> int:
    """+1 or -1 by the change word right before a growth rate (同比下降28.3%), 0 where there is none."""
    m = growth_head(text, max(0, q.start - 12), q.start)
    if m is None:
        return 0
    return -1 if m.group(2) in GROWTH_DOWN else 1


def _levels_differ(text: str, qs: Sequence[Quantity], k: int, j: int) -> bool:
    """Two equal rates of items whose own levels differ (700.4亿元，增长1.9% / 5382.3亿元，增长1.9%), or
    that move opposite ways (浓度下降28.3%, 臭氧浓度上升28.3%), are rates of two metrics, however alike
    their words."""
    if qs[j].kind != "percent":
        return False
    if frame(qs[k]).role == "growth" and frame(qs[j]).role == "growth" \
            and _direction(text, qs[k]) * _direction(text, qs[j]) < 0:
        return True
    a, b = _item_level(qs, k), _item_level(qs, j)
    return a is not None and b is not None and (a.unit != b.unit or Fraction(a.value) != Fraction(b.value))


#: words of a subject that name no metric (全区, 实现): 第一产业实现增加值 is 全区实现第一产业增加值
#: (ties in a fixed order: the same pattern text in every run, so its compiled form can be cached)
FILLER = re.compile("|".join(sorted(COMMON, key=lambda w: (-len(w), w))))
#: the shortest subject that names a metric by its own (第一产业增加值)
MIN_CORE = 4


def _restated(p: Quantity, q: Quantity) -> bool:
    """The same exact figure of one metric, worded more fully the second time.

    Words that name no metric apart, one subject holds the other (前三季度第一产业增加值 holds
    第一产业增加值), or ends in it (受理消费者举报 after 举报) where the figure is too particular to
    recur by chance (three or more digits, or decimals).
    """
    fp, fq = frame(p), frame(q)
    if fp.role != fq.role or fp.plan != fq.plan or periods_differ(p, q) or p.approx or q.approx:
        return False
    a, b = (FILLER.sub("", subject_core(f.subject)) for f in (fp, fq))
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    if per_unit_apart(short, long_):
        return False  # 地区生产总值 / 人均地区生产总值: a per-capita figure is another metric
    if len(short) >= MIN_CORE and short in long_:
        return True
    particular = abs(Fraction(q.value)) / q.scale >= 100 or q.decimals > 0
    return len(short) >= 2 and long_.endswith(short) and particular and q.kind != "percent"


#: how many earlier mentions of one kind and unit a rounded figure is compared with (keeps the pass linear)
RECENT = 40


def _rounded_repeats(qs: Sequence[Quantity]) -> Iterator[Relation]:
    """A figure restated rounded or qualified (36.7万人 … 三十六万余人; 5432美元 … 超5千美元).

    Only between mentions of one subject, role, plan and period; verify() confirms the pair when the
    rounded figure's interval holds the other, and otherwise leaves it unverifiable (never an error:
    a headline may round differently from the body).
    """
    recent: dict[tuple[str, str], list[int]] = {}
    for j, q in enumerate(qs):
        if q.kind not in ("count", "money", "measure", "percent") or q.high is not None \
                or frame(q).role == "attribute":
            continue
        bucket = recent.setdefault((q.kind, q.unit), [])
        rounded = bool(q.approx) or q.scale > 1
        fq = frame(q)
        for k in bucket:
            p = qs[k]
            if p.value == q.value or not (rounded or p.approx or p.scale > 1) \
                    or not (q.approx or p.approx) and q.half_ulp == p.half_ulp:
                continue  # (two figures written to one precision, neither qualified, differ: no restatement)
            fp = frame(p)
            if fp.role != fq.role or fp.plan != fq.plan or not repeat_of(p, q):  # (role and plan: repeat_of's
                continue  # first test, here without the call: most of the bucket fails it)
            link = f"same subject {frame(q).subject}, restated rounded"
            if bool(q.approx) != bool(p.approx):
                rough, exact = (q, p) if q.approx else (p, q)  # the qualified one is the rough one
            else:
                rough, exact = (q, p) if q.half_ulp >= p.half_ulp else (p, q)
            yield Relation("repeat", rough, rough.start, rough.end, parts=(rough,), whole=(exact,),
                           extra={"link": link, "rounded": "1"})
        bucket.append(j)
        if len(bucket) > RECENT:
            del bucket[0]


