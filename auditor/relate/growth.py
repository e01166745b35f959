"""Growth rates: new, old and increment of one item, and lists of rates paired with their levels."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from auditor.frames import patterns
from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import (
    CLAUSE_END,
    GROWTH_DOWN,
    INCREMENT_TAIL,
    OLD_TAIL,
    Relation,
    Seg,
    growth_head,
    growth_start,
    label_before,
    overlap,
    same_unit,
    window,
)
from auditor.relate.growth_parts import prior_by_complement, rebuilt
from auditor.relate.levels import (
    YEAR_IN,
    _compound_levels,
    _dir,
    _identity,
    _item_before,
    _per_year_rate,
    _schedule,
    item_start,
    unlinkable_growth,
)
from auditor.relate.link import frame, named_aside, same_plan, subject_level
from auditor.relate.multiples import compound_of


def _growth(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int],
            before: str, wholes: dict[int, list[tuple[int, ...]]] | None = None) -> Iterator[Relation] | None:
    q = qs[i]
    ident = _identity(text, qs, i, seg, sent_start) or _schedule(text, qs, i, seg, sent_start)
    if ident is not None:
        return iter([ident])
    gm = growth_head(before, 0, len(before))
    if gm is None:
        listed = _listed(text, qs, i, seg, sent_start)  # 下降47.06%、56.52%: a later member of a list
        return iter([listed]) if listed is not None else None
    word = gm.group(2)
    if word in ("多", "少") and not gm.group(1):
        return None
    if patterns().to_level.search(before):
        return iter(())  # 提高到95.2%: the new level, not a change (nor a rate of the nearest figures)
    direction = -1 if word in GROWTH_DOWN or word in ("减收", "少") else 1
    if q.value < 0:
        direction = 1  # a signed figure (-32.18%) carries its own direction
    listed = _listed(text, qs, i, seg, sent_start)
    if listed is not None:
        # 批准逮捕75件99人,分别同比减少59.24%和64.26%: item k's prior may still come from its parts' rates
        again = _from_parts(text, qs, i, seg, sent_start, listed, wholes)
        return iter([again or listed])
    rel = _growth_operands(text, qs, i, seg, sent_start, q, direction)
    again = _from_parts(text, qs, i, seg, sent_start, rel, wholes)
    if again is not None:
        # the whole-number test of the total's own prior checks it too (8704件,同比增加28.79%)
        own = _granular(text, qs[i], rel.parts, rel)
        if "granular" in own.extra:
            again = replace(again, extra={**again.extra, "granular": "1"})
        return iter([again])
    if rel.parts and not rel.whole and not rel.alternatives:
        rel = _granular(text, qs[i], rel.parts, rel)
    return iter([rel])


def _from_parts(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int], rel: Relation,
                wholes: dict[int, list[tuple[int, ...]]] | None) -> Relation | None:
    """The rate's level is a total whose parts state their own rates: the total's prior rebuilt from them."""
    if not wholes or not rel.parts or rel.whole or rel.alternatives:
        return None
    total = next((k for k in range(i - 1, max(-1, i - 40), -1) if qs[k] is rel.parts[0]), None)
    if total is None:
        return None
    return rebuilt(text, qs, i, total, seg, sent_start, wholes) or prior_by_complement(text, qs, i, total, seg, wholes)


def _granular(text: str, q: Quantity, levels: Sequence[Quantity], rel: Relation) -> Relation:
    """Mark a rate whose only operand is a whole count it follows directly (41件50人、上升50%).

    A count changes by whole units, so its prior must be a whole number; verify() tests that.
    Only exact counts (no 约/余, no rounded hundreds) followed by nothing but comparison and growth words.
    """
    if q.approx or not levels:
        return rel
    for lvl in levels:
        if lvl.kind != "count" or lvl.scale != 1 or lvl.decimals or lvl.approx or lvl.value <= 0 \
                or lvl.value % 100 == 0 or frame(lvl).role != "level" or frame(lvl).aside:
            return rel
    if GRANULAR_GAP.fullmatch(text, levels[-1].end, q.start) is None:
        return rel
    return replace(rel, alternatives=tuple(((lvl,), ()) for lvl in levels),
                   extra={**rel.extra, "granular": "1", "link": rel.extra.get("link") or "same item"})


def _gap_words() -> re.Pattern[str]:
    w = claim_words()
    words = "|".join(re.escape(x) for x in sorted({*w("growth.up"), *w("growth.down"), *w("growth.year_on_year"),
                                                   *w("growth.period_on_period")}, key=len, reverse=True))
    return re.compile(rf"[、，,（(\s]*(?:{words})*(?:了|为|达|达到)?\s*")


GRANULAR_GAP = _gap_words()


def _words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = claim_words()
    growth = f"{w.alternation('growth.up')}|{w.alternation('growth.down')}"
    gap = re.compile(rf"\s*(?:{w.alternation('growth.joints')})\s*([\u4e00-\u9fff]{{0,8}}?)((?:{growth})?)了?\s*$")
    word = re.compile(rf"(?:{growth})(?:了|为|率为|率|达|达到)?[^\d，,。；;、]{{0,2}}$")
    return gap, word, re.compile(w.alternation("growth.each"))


LIST_GAP, LIST_WORD, EACH = _words()


LIST_JOINT = re.compile(rf"\s*(?:{claim_words().alternation('growth.joints')})\s*")


#: the last list _rate_list found (qs, seg, members, labels, dirs): every member of a list has the same one,
#: so a list of n rates is walked once, not n times
_LAST_LIST: list[object] = [None, None, [], [], []]


def _rate_list(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> tuple[list[int], list[str], list[int]]:
    """The growth rates listed with qs[i] (47.06%、56.52%): their indexes, own labels and directions (0: inherited)."""
    last_qs, last_seg, last_members, last_labels, last_dirs = _LAST_LIST
    if last_qs is qs and last_seg is seg and isinstance(last_members, list) and last_members \
            and last_members[0] <= i <= last_members[-1]:
        return last_members, last_labels, last_dirs  # type: ignore[return-value]
    members, labels, dirs = [i], [""], [0]
    k = i
    while k > 0 and seg.sent[k - 1] == seg.sent[i] and qs[k - 1].kind == "percent":
        m = LIST_GAP.match(text, qs[k - 1].end, qs[k].start)
        if m is None:
            break
        members.insert(0, k - 1)
        labels[0] = m.group(1)
        dirs[0] = _dir(m.group(2)) if m.group(2) else 0
        labels.insert(0, "")
        dirs.insert(0, 0)
        k -= 1
    k = i
    while k + 1 < len(qs) and seg.sent[k + 1] == seg.sent[i] and qs[k + 1].kind == "percent":
        m = LIST_GAP.match(text, qs[k].end, qs[k + 1].start)
        if m is None:
            break
        members.append(k + 1)
        labels.append(m.group(1))
        dirs.append(_dir(m.group(2)) if m.group(2) else 0)
        k += 1
    _LAST_LIST[:] = [qs, seg, members, labels, dirs]
    return members, labels, dirs


def _listed(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> Relation | None:
    """A rate of a list that pairs with the levels listed before it (分别, or labels 件数…、人数…).

    `共受理…18件20人,去年同期为34件46人,件数和人数分别同比下降47.06%、56.52%`: rate k goes with
    level k and prior k. None where the rate is alone and its item states one level of each unit.
    """
    members, labels, dirs = _rate_list(text, qs, i, seg)
    first = members[0]
    head = growth_head(text, seg.clause_start[seg.clause[first]], qs[first].start)
    if head is None:
        return None
    cur, prior = _listed_levels(qs, first, seg, text)
    if len(members) == 1 and not any(text[qs[a].end:qs[b].start].strip() == "" and qs[a].unit != qs[b].unit
                                     for a, b in zip(cur, cur[1:], strict=False) if seg.item[b] == seg.item[i]):
        return None  # one rate, one level: the item's own operands (_growth_operands), unless 18件20人
    k = i - first  # the members are consecutive indexes: no list.index over a long list
    q = qs[i]
    d0 = _dir(head.group(2))
    direction = dirs[k] or d0
    if q.value < 0:
        direction = 1
    empty = Relation("growth", q, growth_start(text, q), q.end, direction=direction)
    if len(members) == 1:
        # 41件50人、上升50%: either count's prior must be a whole number
        pair = [j for j in cur if seg.item[j] == seg.item[i]][-2:]
        if len(pair) == 2 and text[qs[pair[0]].end:qs[pair[1]].start].strip() == "":
            empty = _granular(text, q, [qs[j] for j in pair], empty)
    label = labels[k] or (_own_label(text, qs, first, seg) if k == 0 else "")
    named = [j for j in cur if label and f"{qs[j].unit}数" in label]
    if len(named) == 1:
        # 同比件数下降54.55%、人数下降61.43%: the label names the level by its measure word
        # (件数和人数分别下降 names them all: the list's order pairs them)
        new = named[0]
        olds = [j for j in prior if qs[j].unit == qs[new].unit]
        link = f"labelled {label}"
    elif EACH.search(text, sent_start[seg.sent[first]], qs[first].start) and len(cur) == len(members) and \
            (not prior or len(prior) == len(cur)):
        new = cur[k]
        olds = [prior[k]] if prior else []
        link = f"分别: item {k + 1} of {len(members)}"
    else:
        return empty
    if len(olds) != 1 or not same_unit(qs[olds[0]], qs[new]):
        return Relation("growth", q, growth_start(text, q), q.end, parts=(qs[new],), direction=direction,
                        extra={"link": link})
    return Relation("growth", q, growth_start(text, q), q.end, parts=(qs[new],), whole=(qs[olds[0]],),
                    direction=direction, strong=True, extra={"link": link})


def _own_label(text: str, qs: Sequence[Quantity], first: int, seg: Seg) -> str:
    """The words between the clause's start and the first rate: 同比件数下降 -> 同比件数下降."""
    return text[seg.clause_start[seg.clause[first]]:qs[first].start]


def _listed_levels(qs: Sequence[Quantity], first: int, seg: Seg, text: str) -> tuple[list[int], list[int]]:
    """The levels and the prior values stated before a list of rates, in their sentence, in order.

    The run stops at another rate or a ；(the list of another item).
    """
    cur: list[int] = []
    prior: list[int] = []
    run: list[int] = []
    j = first - 1
    stop = qs[first].start
    while j >= 0 and seg.sent[j] == seg.sent[first] and first - j <= 12:
        c = qs[j]
        if c.kind in ("percent", "points", "multiple") or any(ch in text[c.end:stop] for ch in "；;"):
            break
        stop = c.start
        f = frame(c)
        if c.kind in ("count", "money", "measure") and not f.plan and c.high is None and f.role in ("level", "prior"):
            run.insert(0, j)
        j -= 1
    was_prior = False
    for k, j in enumerate(run):
        f = frame(qs[j])
        joined = k > 0 and LIST_JOINT.fullmatch(text, qs[run[k - 1]].end, qs[j].start) is not None
        # 去年同期分别为100件、200件: a figure listed after a prior value is one too
        was_prior = f.role == "prior" or f.period == "prior" or was_prior and joined
        (prior if was_prior else cur).append(j)
    return cur, prior


def _growth_operands(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int], q: Quantity,
                     direction: int) -> Relation:
    """Find the new value, the old value and the increment of a growth rate in its sentence."""
    if unlinkable_growth(text, q, sent_start[seg.sent[i]], item_start(qs, i, seg, seg.clause_start)):
        # 比2002年增长1.4倍，年均增长10.1%: the average rate against the multiple over the years stated
        compound = compound_of(text, qs, i, seg, sent_start) or _compound_levels(text, qs, i, seg, sent_start) \
            or _per_year_rate(text, qs, i, seg, sent_start)
        return compound or Relation("growth", q, growth_start(text, q), q.end, direction=direction)
    earlier = _rate_of_earlier_year(text, qs, i, seg)
    if earlier is not None:
        a, b = earlier
        return Relation("growth", q, growth_start(text, q), q.end, parts=(qs[a],), whole=(qs[b],),
                        direction=direction, strong=True,
                        extra={"link": f"same rate {_rate_name(text, qs[a], seg, a)}, period {frame(qs[b]).period}"})
    # levels that are averages compare only with averages (日均量 3313 vs 上半年日均量 2135)
    averaged = any(frame(qs[j]).role == "average" and not frame(qs[j]).subject.startswith(("年均", "平均每年"))
                   for j in _item_before(seg, i))
    same = [j for j in _item_before(seg, i)
            if qs[j].kind in ("count", "money", "measure", "percent")
            and frame(qs[j]).role not in ("growth", "multiple") and same_plan(qs[j], q)
            and (frame(qs[j]).role != "average" or averaged)
            and not named_aside(text, qs[j])]  # 3881件(含执行1568件): a part inside, not the old value
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
            if new is None and not _share_of_base(text, c, seg.clause_start[seg.clause[j]]):
                break  # another growth rate in between: the operands belong to it
            continue
        lab = text[sent_start[seg.sent[j]]:c.start]
        tail = lab[-12:]
        if re.search(r"(增加|减少|增收|减收|多|少|增长|下降|上升|净增|新增)了?$", tail):
            if inc is None and (new is None or frame(c).role == "change"):
                inc = j  # 比上年增加88件,达到500件: an increment, never the old value
        elif re.search(r"(同比|较|比|相比)[^，,。；;]{0,16}?[（(]?$", tail) or re.search(r"[（(]$", tail) \
                or _bare_prior(qs, j, same):
            if old is None:
                old = j  # 2313件(去年同期为2296件): the value of the period compared with
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
        pool = [j for j in _item_before(seg, inc) if seg.item[j] == seg.item[i]
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
        extra["inc"] = str(inc)
    return Relation("growth", q, growth_start(text, q), q.end, parts=parts, whole=whole, direction=direction,
                    strong=nq is not None and (oq is not None or iq is not None),
                    extra=extra, alternatives=((parts, (iq,)),) if iq is not None else ())


def _rate_of_earlier_year(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> tuple[int, int] | None:
    """A rate's change after the rate itself, against the same rate of the year it names or the year before.

    `在2014年,平均得分率为59.7%;在2015年,平均得分率为61.74%,上升2.04%` and `…66.31%,较之2015年上升4.57%`:
    the new rate directly precedes the change in its item; the old one is the one rate of the same
    subject stated for that year in the two sentences before. None where no year is given or several fit.
    """
    q = qs[i]
    if q.kind != "percent" or i == 0 or seg.item[i - 1] != seg.item[i]:
        return None
    new = i - 1
    n = qs[new]
    fn = frame(n)
    name = _rate_name(text, n, seg, new)
    if n.kind != "percent" or fn.role not in ("rate", "share") or not fn.period.isdigit() or not name:
        return None
    named = YEAR_IN.findall(text, seg.clause_start[seg.clause[i]], q.start)
    year = named[-1] if named else str(int(fn.period) - 1)
    found = [j for j in window(qs, new, seg, 2) if qs[j].kind == "percent" and frame(qs[j]).role in ("rate", "share")
             and frame(qs[j]).period == year and same_plan(qs[j], n) and _rate_name(text, qs[j], seg, j) == name]
    return (new, found[0]) if len(found) == 1 else None


RATE_NAME = re.compile(rf"([\u4e00-\u9fff]{{1,8}}?(?:{claim_words().alternation('rate.words')}))(?:为|达|是|达到)?$")


def _rate_name(text: str, q: Quantity, seg: Seg, j: int) -> str:
    """The rate a figure states, named right before it: 平均得分率为61.74% -> 平均得分率 (its last 8 characters)."""
    m = RATE_NAME.search(text, max(seg.clause_start[seg.clause[j]], q.start - 14), q.start)
    return m.group(1)[-8:] if m else ""


def _bare_prior(qs: Sequence[Quantity], j: int, same: Sequence[int]) -> bool:
    """qs[j] is the earlier value of a level of its item: 2313件(去年同期为2296件), 18件,去年同期为34件.

    Its label names nothing of its own (its subject is the item's), so 2313件(不含上年旧存802件) is not one.
    """
    fc = frame(qs[j])
    if fc.role != "prior" and fc.period != "prior":
        return False
    return any(frame(qs[k]).subject == fc.subject and frame(qs[k]).role == "level" and frame(qs[k]).period != "prior"
               for k in same if k != j)


def _share_of_base(text: str, c: Quantity, clause_start: int) -> bool:
    """A share or completion ratio (占年初预算数…的56.3%), not another growth rate, between a rate and its level."""
    return frame(c).role in ("share", "rate") and ("占" in text[clause_start:c.start] or frame(c).plan)

