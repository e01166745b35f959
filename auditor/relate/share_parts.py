"""Parts whose shares of one named whole make 100%: the parts add up to that whole.

`男性为436.8万人,占常住人口的51.4%;女性为412.5万人,占常住人口的48.6%` after `全市常住人口为849.3万人`:
every share names the same base (常住人口), the shares total 100% within their rounding, so the
parts split the whole, which is the level before them labelled with that base. Confirmed only.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, near_total, same_unit
from auditor.relate.link import frame

NAMED_BASE = re.compile(r"占([\u4e00-\u9fff]{2,12}?)(?:总数|总量|总额)?的\s*$")
FOOTNOTE = re.compile(r"\[\d{1,2}\]|[（(]\d{1,2}[)）]")
TAIL = re.compile(r"(?:为|是|达|达到|有|共)$")
MEASURE = re.compile(r"(?:量|数|总数|总量|数量)$")
BARE = re.compile(r"[，,]占\s*$")
PARAS_BACK = 8  # the named base may head the section (一、全市常住人口…)


def share_parts(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    runs: list[tuple[str, list[tuple[int, int]]]] = []
    for i, q in enumerate(qs):
        if q.kind != "percent" or frame(q).role != "share":
            continue
        m = NAMED_BASE.search(text, max(0, q.start - 20), q.start)
        name = m.group(1) if m else _inherited(text, qs, seg, runs, i)
        part = _part(qs, seg, i) if name else None
        if not name or part is None:
            continue
        if runs and runs[-1][0] == name and seg.para[i] - seg.para[runs[-1][1][-1][0]] <= 1:
            runs[-1][1].append((i, part))
        else:
            runs.append((name, [(i, part)]))
    for name, run in runs:
        if len(run) < 2:
            continue
        shares = [qs[i] for i, _ in run]
        total = sum((Fraction(s.value) for s in shares), Fraction(0))
        if abs(total - 100) > sum((s.half_ulp for s in shares), Fraction(0)):
            continue  # not the whole split: some parts left out
        parts = [qs[p] for _, p in run]
        first = run[0][1]
        if any(p.kind != parts[0].kind or not same_unit(p, parts[0]) for p in parts):
            continue
        whole = _whole(text, qs, seg, first, name)
        if whole is None:
            continue
        w = qs[whole]
        run_sum = sum((Fraction(p.value) for p in parts), Fraction(0))
        if run_sum == Fraction(w.value) or near_total(run_sum, Fraction(w.value), w, parts):
            yield Relation("sum", w, parts[0].start, shares[-1].end, parts=tuple(parts), whole=(w,),
                           extra={"link": f"shares of {name} that make 100%"})


def _inherited(text: str, qs: Sequence[Quantity], seg: Seg, runs: list[tuple[str, list[tuple[int, int]]]],
               i: int) -> str:
    """A bare 占4.3% after 占收到申请总数的2% in the same sentence names the same whole."""
    if not runs or not BARE.search(text, max(0, qs[i].start - 2), qs[i].start):
        return ""
    last = runs[-1][1][-1][0]
    return runs[-1][0] if seg.sent[last] == seg.sent[i] else ""


def _part(qs: Sequence[Quantity], seg: Seg, i: int) -> int | None:
    """The level a share speaks of: the figure just before it in its item."""
    k = i - 1
    if k < 0 or seg.item[k] != seg.item[i]:
        return None
    c = qs[k]
    f = frame(c)
    if c.kind not in ("count", "money", "measure") or f.role != "level" or f.plan or c.high is not None or c.approx:
        return None
    return k


def _whole(text: str, qs: Sequence[Quantity], seg: Seg, first: int, name: str) -> int | None:
    """The nearest level before the parts whose own label ends with the base's name (常住人口为1961.2万人)."""
    q = qs[first]
    for k in range(first - 1, max(-1, first - 60), -1):
        if seg.para[first] - seg.para[k] > PARAS_BACK:
            break
        c = qs[k]
        if c.kind != q.kind or not same_unit(c, q) or frame(c).role != "level" or frame(c).plan:
            continue
        lo = max(seg.clause_start[seg.clause[k]], c.start - 24)
        lab = TAIL.sub("", FOOTNOTE.sub("", text[lo:c.start]).rstrip())
        if lab.endswith(name) or len(short := MEASURE.sub("", name)) >= 2 and lab.endswith(short):
            return k  # 占投诉量的39% names 受理消费者投诉7460件 (量: the measure of the noun)
        if len(name) == 4 and lab.endswith(name[2:]) and name[:2] in lab[:-2]:
            return k  # 占收到申请总数的 names 共收到行政复议申请4350件 (the verb, then its object)
    return None
