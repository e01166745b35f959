"""Breakdowns announced by an opener: 其中：A…；B…, 从类型看，A…，B…, 按级次分：A…。B…

The parts are the items after the opener, one level figure each (the first of the breakdown's
unit in the item); the total is a level of that unit stated before the opener (the sentence
before, or a paragraph before: 共收到276件。/ 一、总体情况 / 从诉求类型来看，投诉类103件…).
A claim is made only where the first n ≥ 2 parts add up to such a figure: confirmed, never
accused, as the walk may end early or late. Two more claims ride on a confirmed breakdown:
the items' other columns (占年初预算8465万元 + 1600万元 = 10065万元, the total's own budget),
and 其中 straight after its total naming fewer parts than it holds (parts below the total).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction
from functools import cache

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import INCREMENT_TAIL, Relation, Seg, label_before, near_total, nested_run, same_unit
from auditor.relate.chance_runs import bounded
from auditor.relate.link import frame
from auditor.relate.rate_wholes import _has_own_share, other_flow

MAX_PARTS = 16
LIST_BREAK = re.compile(r"[。；;]")
NESTED = re.compile(r"其中|包括")
ADDED = re.compile(r"(?:^|[，,：:])\s*(?:新增|净增)")  # 新增高速公路269公里: what was added, not a part of the stock
EACH = re.compile(r"各$")
STATUS = re.compile(rf"(?:{claim_words().alternation('sums.status_lead')})")
BACK = 80  # figures looked back for the total
PARAS_BACK = 3
SENTS_AFTER = 2  # sentences after the opener's own that its parts may run into


@cache
def _openers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = claim_words()
    frames = "|".join(f"{re.escape(h)}[^\\d，,。；;：:]{{1,12}}?{re.escape(t)}"
                      for h, t in (x.split("|", 1) for x in w("sums.breakdown_frame")))
    start = r"(?:^|[。；;，,：:\n)）])\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?"
    lead = re.compile(rf"{start}(?:{w.alternation('sums.breakdown_lead')})[，,:：]?")
    other = re.compile(rf"{start}(?:[\u4e00-\u9fff]{{0,8}}?(?:(?:{frames})[，,:：。]|"
                       rf"(?:{w.alternation('sums.breakdown_tail')})[:：])|(?:{w.alternation('sums.breakdown_refer')}))")
    return lead, other


@cache
def _total_mark() -> re.Pattern[str]:
    """A label that opens with a total's mark (共受理, 全市合计): another total, not a part."""
    w = claim_words()
    return re.compile(rf"(?:{w.alternation('sums.scope')})?(?:{w.guarded('total.strong', 'total.compounds')})")


def _list_figure(q: Quantity) -> bool:
    f = frame(q)
    return q.kind in ("count", "money", "measure") and q.high is None and f.role == "level" and not f.plan \
        and not f.aside


def _lead(text: str, qs: Sequence[Quantity], j: int) -> str:
    """The words from the figure before qs[j] (or the line start) to qs[j]."""
    if j == 0:
        return text[text.rfind("\n", 0, qs[j].start) + 1:qs[j].start]
    # a line break before the figure before is no nearer than that figure: search after it only
    prev = qs[j - 1].end
    return text[max(prev, text.rfind("\n", prev, qs[j].start) + 1):qs[j].start]


def _opener(text: str, qs: Sequence[Quantity], j: int) -> tuple[str, bool] | None:
    """The opener in the lead of qs[j]: its words and whether it is a bare 其中-like lead word."""
    lead, other = _openers()
    s = _lead(text, qs, j)
    m = lead.search(s)
    if m is not None:
        return m.group(0).strip("。；;，,：:\n)） "), True
    m = other.search(s)
    if m is not None:
        return m.group(0).strip("。；;，,：:\n)） "), False
    return None


def announced_breakdowns(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    for j, q in enumerate(qs):
        if not _list_figure(q):
            continue
        op = _opener(text, qs, j)
        if op is None:
            continue
        words, bare = op
        parts = _parts(text, qs, seg, j)
        if bare:
            parts = [p for p in parts if seg.sent[p] == seg.sent[j]]  # 其中 speaks within its sentence
        if len(parts) < 2:
            continue
        found = _match(text, qs, seg, j, parts, bare)
        if found is None:
            # 工矿商贸8起;煤矿7起,金属矿1起;火灾3起: a part that equals the parts after it holds them
            top = _top(qs, parts)
            if len(top) < len(parts):
                hit = _match(text, qs, seg, j, top, bare)
                if hit is not None:
                    parts, found = top, hit
        if found is not None and _flows(text, qs, found[0], parts[0]):
            continue  # 产生量为2801.8万吨,其中综合利用量为1372.7万吨,处置量…: flows of the thing, not its parts
        if found is not None:
            t, n = found
            chosen = parts[:n]
            yield Relation("sum", qs[t], _start(text, qs, seg, t, j), qs[chosen[-1]].end,
                           parts=tuple(qs[p] for p in chosen), whole=(qs[t],),
                           extra={"link": f"breakdown announced by {words}"})
            yield from _columns(text, qs, seg, t, chosen)
        elif bare:
            partial = _partial(text, qs, seg, j, parts)
            if partial is not None and not _flows(text, qs, partial[0], partial[1][0]):
                t, chosen = partial
                yield Relation("sum", qs[t], _start(text, qs, seg, t, j), qs[chosen[-1]].end,
                               parts=tuple(qs[p] for p in chosen),
                               whole=(qs[t],), extra={"link": f"{words} after its total: some of its parts",
                                                         "partial": "1"})


def _flows(text: str, qs: Sequence[Quantity], t: int, first: int) -> bool:
    """Do the total and its first part name different measures of one thing (rate_wholes.other_flow)?"""
    return other_flow(label_before(text, qs[t], 0), label_before(text, qs[first], 0))


def _top(qs: Sequence[Quantity], parts: list[int]) -> list[int]:
    values = [Fraction(qs[p].value) for p in parts]
    out: list[int] = []
    n = 0
    while n < len(parts):
        end = nested_run(values, n, MAX_PARTS)
        out.append(parts[n])
        n = end + 1 if end > 0 else n + 1
    return out


def _start(text: str, qs: Sequence[Quantity], seg: Seg, t: int, j: int) -> int:
    """Where the claim's text begins: at the total when it is in the sentence before the parts, else at the
    opener (the breakdown is read where its parts are)."""
    if seg.para[j] - seg.para[t] <= 1 and seg.sent[j] - seg.sent[t] <= 3:
        return qs[t].start  # the total and its parts are read as one passage
    return qs[j].start - len(_lead(text, qs, j).lstrip("。；;，,：:\n)） "))


def _parts(text: str, qs: Sequence[Quantity], seg: Seg, j: int) -> list[int]:
    """The first figure of the unit of qs[j] in each item from qs[j] on."""
    q = qs[j]
    out = [j]
    seen = {seg.item[j]}
    nested = False
    for k in range(j + 1, min(len(qs), j + MAX_PARTS * 6)):
        if seg.para[k] != seg.para[j] or seg.sent[k] - seg.sent[j] > SENTS_AFTER or len(out) >= MAX_PARTS:
            break
        if nested and not LIST_BREAK.search(text, qs[k - 1].end, qs[k].start):
            continue  # 投诉3953件，其中商品类2073件，服务类1880件；举报621件: inside the part before
        nested = False
        op = _opener(text, qs, k)
        if op is not None and op[1] and NESTED.match(_lead(text, qs, k).lstrip("。；;，,：:\n)） ")) \
                and not LIST_BREAK.search(_lead(text, qs, k)):
            nested = True
            continue
        if seg.item[k] in seen:
            continue
        c = qs[k]
        if c.kind not in ("count", "money", "measure") or frame(c).role != "level":
            continue
        if not (_list_figure(c) and c.kind == q.kind and same_unit(c, q)):
            seen.add(seg.item[k])
            continue
        if op is not None or _total_mark().match(label_before(text, c, 0)):
            break  # another breakdown, or another total, begins
        seen.add(seg.item[k])
        out.append(k)
    return out


def _candidates(qs: Sequence[Quantity], seg: Seg, j: int, parts: Sequence[int]) -> list[int]:
    """Levels of the parts' unit before the opener, nearest first (not in the parts' items)."""
    q = qs[j]
    items = {seg.item[p] for p in parts}
    out = []
    for k in range(j - 1, max(-1, j - BACK), -1):
        if seg.para[j] - seg.para[k] > PARAS_BACK:
            break
        c = qs[k]
        if seg.item[k] in items or not _list_figure(c) or c.kind != q.kind or not same_unit(c, q):
            continue
        out.append(k)
    return out


def _match(text: str, qs: Sequence[Quantity], seg: Seg, j: int, parts: Sequence[int],
           bare: bool = False) -> tuple[int, int] | None:
    """The total and the number of parts whose first parts add up to it: shortest run, nearest total."""
    cands = _candidates(qs, seg, j, parts)
    if bare and any(seg.sent[k] == seg.sent[j] for k in cands):
        # 城镇居住人口16.8万人,其中县城10.6万人;农村居住人口16.3万人: a bare 其中 breaks down the figure of its
        # own sentence; one sentences back that the parts happen to add up to is no total of theirs
        cands = [k for k in cands if seg.sent[k] == seg.sent[j]]
    if not cands:
        return None
    run = Fraction(qs[parts[0]].value)
    for n in range(2, len(parts) + 1):
        run += Fraction(qs[parts[n - 1]].value)
        ps = [qs[p] for p in parts[:n]]
        if any(p.approx for p in ps):
            return None  # 超7000批次 + 超1.2万批次: bounds add up to no figure
        for t in cands:
            tv = Fraction(qs[t].value)
            near = seg.para[t] == seg.para[j] and seg.sent[j] - seg.sent[t] <= 1
            # small totals add up by chance far off; a run that stops short of its list, only near, and
            # never to a far part of another list (4 of 7 case types adding up to 某类219件，占比20% a section back)
            small = tv < 10 and not near or n < len(parts) and not near and \
                (tv < 100 or _has_own_share(text, qs, t, named=False))
            if not small and not qs[t].approx and (run == tv or near_total(run, tv, qs[t], ps)) \
                    and not (n < len(parts) and not near and _list_goes_on(text, qs, parts, n)):
                return t, n
    return None


def _list_goes_on(text: str, qs: Sequence[Quantity], parts: Sequence[int], n: int) -> bool:
    """工业类企业利税总额1.51亿元;商贸类企业利税总额6.45亿元;投资类企业利税总额0.06亿元,服务类企业利税总额
    3.35亿元: the first n parts and the one after them are named alike (…类企业利税总额), so the list goes on
    past the run; that the run meets a figure far before the opener is chance."""
    labels = [label_before(text, qs[p], 0) for p in parts[:n + 1]]
    tail = labels[0]
    for lab in labels[1:n]:
        k = 0
        while k < min(len(tail), len(lab)) and tail[-1 - k] == lab[-1 - k]:
            k += 1
        tail = tail[len(tail) - k:]
    return len(tail) >= 2 and labels[n].endswith(tail)


def _partial(text: str, qs: Sequence[Quantity], seg: Seg, j: int, parts: Sequence[int]) -> tuple[int, list[int]] | None:
    """其中 after its total names some of its parts: the one level of the unit in the sentence (or item)
    straight before; the parts of the opener's sentence, all together below it."""
    q = qs[j]
    # 其中,新增高速公路269公里,高速公路达到5888公里: an increment is no part beside the level it adds to
    own = [p for p in parts if seg.sent[p] == seg.sent[j] and not INCREMENT_TAIL.search(label_before(text, qs[p], 0))
           and not ADDED.search(label_before(text, qs[p], 0))]
    for n, p in enumerate(own[:-1]):
        if NESTED.search(text, qs[p].end, qs[own[n + 1]].start):
            # 第二产业65585万元，其中工业40653万元；建筑业24932万元: the items after a nested 其中 may be its own
            own = own[:n + 1]
            break
    if len(own) < 2:
        return None
    leads = [re.sub(r"^(?:其中|包括)[，,：:]?", "", _lead(text, qs, p).lstrip("。；;，,、：:\n)） ")) for p in own]
    status = [bool(STATUS.match(lead)) for lead in leads]
    if any(status) and not all(status):
        return None  # 其中急办工单3017件，已及时办理3004件: a status of the part before, nested in it
    before = [k for k in _candidates(qs, seg, j, own) if seg.sent[k] >= seg.sent[j] - 1]
    if seg.sent[j] > 0 and any(seg.sent[k] == seg.sent[j] for k in before):
        before = [k for k in before if seg.sent[k] == seg.sent[j]]
    if len(before) != 1:
        return None
    t = before[0]
    if any(bounded(qs[k]) and qs[k].unit == qs[t].unit for k in range(own[0], min(len(qs), own[-1] + 2))):
        return None  # 其中3个法院新收案数均超10万件,21个法院超过5000件: the counts hold a threshold, no parts
    total = sum((Fraction(qs[p].value) for p in own), Fraction(0))
    if not total < Fraction(qs[t].value) or qs[t].approx or q.approx or \
            any(EACH.search(text, qs[p].start - 1, qs[p].start) for p in own):
        # 其中A区4件，B区、C区…各1件: 各 gives each of several names one; the parts are not the figures
        return None
    return t, own


def _columns(text: str, qs: Sequence[Quantity], seg: Seg, t: int, parts: Sequence[int]) -> Iterator[Relation]:
    """The items' other figures, column by column, against the total's (占年初预算8465万元 … 10065万元)."""
    def row(k: int) -> list[int]:
        out = []
        for m in range(k + 1, min(len(qs), k + 8)):
            if seg.item[m] != seg.item[k]:
                break
            if qs[m].kind in ("count", "money", "measure") and qs[m].high is None:
                out.append(m)
        return out

    head = row(t)
    rows = [row(p) for p in parts]
    for col, c in enumerate(head):
        fc = frame(qs[c])
        cells = [r[col] for r in rows if col < len(r)]
        if len(cells) != len(rows) or any(qs[x].kind != qs[c].kind or not same_unit(qs[x], qs[c])
                                          or frame(qs[x]).plan != fc.plan or frame(qs[x]).role != fc.role
                                          for x in cells):
            continue
        run = sum((Fraction(qs[x].value) for x in cells), Fraction(0))
        if run == Fraction(qs[c].value) or near_total(run, Fraction(qs[c].value), qs[c], [qs[x] for x in cells]):
            yield Relation("sum", qs[c], qs[c].start, qs[c].end, parts=tuple(qs[x] for x in cells), whole=(qs[c],),
                           extra={"link": "same column of a breakdown's items"})


# --- parts named as kinds of the total -----------------------------------------------------------

KIND_PARAS = 2
MIN_SUBJECT = 3


def kind_parts(qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    """快递业务量787.7亿件 … 同城快递业务量64.2亿件, 异地快递业务量706.9亿件, 国际快递业务量16.6亿件:
    levels after a total whose subjects are kinds of the total's (its subject with words before it).
    Confirmed where the run of such kinds adds up to the total."""
    listed = [_list_figure(c) for c in qs]  # once per figure, not once per total before it
    subjects = [frame(c).subject for c in qs]
    for t, q in enumerate(qs):
        s = subjects[t]
        if not listed[t] or len(s) < MIN_SUBJECT or q.approx:
            continue
        run: list[int] = []
        for k in range(t + 1, min(len(qs), t + 40)):
            c = qs[k]
            if seg.para[k] - seg.para[t] > KIND_PARAS:
                break
            if not (listed[k] and c.kind == q.kind and same_unit(c, q)):
                continue
            cs = subjects[k].strip()
            if cs == s or not cs.endswith(s):
                if run:
                    break
                continue
            run.append(k)
        if len(run) < 2 or any(qs[k].approx for k in run):
            continue
        ps = [qs[k] for k in run]
        total = sum((Fraction(p.value) for p in ps), Fraction(0))
        if total == Fraction(q.value) or near_total(total, Fraction(q.value), q, ps):
            yield Relation("sum", q, ps[0].start, ps[-1].end, parts=tuple(ps), whole=(q,),
                           extra={"link": f"kinds of {s} after it"})


def opens_breakdown(text: str, start: int) -> bool:
    """Does the sentence at `start` open with a breakdown (其中…, 从类型看…, 按级次分：…)?"""
    lead, other = _openers()
    at = max(0, start - 1)
    return bool(lead.match(text, at) or other.match(text, at) or lead.match(text, start) or other.match(text, start))
