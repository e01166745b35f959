"""Growth rates, differences and percentage points: new, old and increment of one item."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from functools import cache

from auditor.frames import patterns
from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import (
    CLAUSE_END,
    GROWTH_DOWN,
    GROWTH_WORD,
    INCREMENT_TAIL,
    OLD_TAIL,
    WINDOW_MAX,
    Relation,
    Seg,
    growth_start,
    label_before,
    near_total,
    overlap,
    same_unit,
    window,
)
from auditor.relate.link import frame, is_level, same_plan, subject_level
from auditor.relate.multiples import compound_of

#: the longest text GROWTH_WORD can match (同比 + 20 + the word + 率为 + 3, and a `$` before a final newline):
#: a search that starts this far before its end finds what a search of the whole clause finds
GROWTH_REACH = 2 + 20 + max(map(len, (*claim_words()("growth.up"), *claim_words()("growth.down")))) + 2 + 3 + 1


def growth_head(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """GROWTH_WORD ending at hi, searched from lo but never further back than it can reach."""
    return GROWTH_WORD.search(text, max(lo, hi - GROWTH_REACH), hi)


def unlinkable_growth(text: str, q: Quantity, sentence_start: int, item_start: int | None = None) -> bool:
    """Growth that the stated levels cannot recompute: real (按可比价格) or average annual (年均) growth.

    年均 anywhere in the item (平均每年增加42亿元，增长4.9%) makes its growth compound over a span.
    """
    before = text[sentence_start:q.start]
    w = claim_words()
    compound = text[item_start:q.start] if item_start is not None else before[-8:]
    return any(x in before for x in w("growth.real")) or any(x in compound for x in w("growth.compound")) \
        or any(x in compound for x in w("growth.real_metrics"))


def _compound_levels(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> Relation | None:
    """年均增长10% after 由2015年的100亿元增加到2020年的161亿元: 161/100 against 1.1^5 (nominal growth only).

    Both levels and both years are stated in the rate's item; the span is the difference of the years.
    """
    q = qs[i]
    w = claim_words()
    lab = text[seg.clause_start[seg.clause[i]]:q.start]
    if not any(x in lab for x in w("growth.compound")):
        return None
    s0 = sent_start[seg.sent[i]]
    item_text = text[item_start(qs, i, seg, seg.clause_start):q.start]
    if any(x in text[s0:q.start] for x in w("growth.real")) or any(x in item_text for x in w("growth.real_metrics")):
        return None
    lv = [j for j in _item_before(seg, i) if qs[j].kind in ("count", "money", "measure")
          and frame(qs[j]).role in ("level", "prior", "average") and same_plan(qs[j], q)]
    if len(lv) != 2:
        return None
    new, old = lv
    a, b = frame(qs[old]).period, frame(qs[new]).period
    if not (a.isdigit() and b.isdigit()) or not same_unit(qs[old], qs[new]) or qs[old].kind != qs[new].kind:
        return None
    frm = YEAR_IN.search(text, max(seg.clause_start[seg.clause[old]], qs[old].start - 10), qs[old].start)
    if frm is None or text[max(0, frm.start() - 1):frm.start()] not in ("由", "从") or \
            not TO_YEAR.search(text, qs[old].end, qs[new].start):
        return None
    n = int(b) - int(a)
    if not 0 < n <= 60:
        return None
    return Relation("growth", q, growth_start(text, q), q.end, parts=(qs[new],), whole=(qs[old],),
                    direction=_dir_of(text, q, seg, i), extra={"years": str(n), "levels": "1",
                           "link": f"由{a}年…到{b}年: the item's two levels, {n} years apart"})


def _span_change(text: str, qs: Sequence[Quantity], i: int, seg: Seg,
                 sent_start: list[int]) -> tuple[int, int, int | None] | None:
    """十年共增加604.3万人,增长44.5%。平均每年…: the span (十年), the change and its rate of the sentence before.

    Only where the figure's sentence opens with an average word (平均每年, 年平均) and the sentence
    before states exactly one span of years straight before a change (N年共增加X).
    """
    w = claim_words()
    s = seg.sent[i]
    if not text[sent_start[s]:qs[i].start].lstrip().startswith(w("growth.compound")):
        return None
    # the sentence straight before (a line break may part them: …增长44.5%。\n平均每年增加…)
    prev = [k for k in range(i - 1, max(-1, i - 12), -1) if seg.sent[k] == s - 1]
    prev.reverse()
    if not prev or sent_start[s] - qs[prev[-1]].end > 20:
        return None
    spans = [k for k in prev if qs[k].unit == "年" and qs[k].kind == "measure" and k + 1 < len(qs)
             and frame(qs[k + 1]).role == "change" and seg.item[k + 1] == seg.item[k]
             and SPAN_GAP.fullmatch(text, qs[k].end, qs[k + 1].start) is not None]
    if len(spans) != 1:
        return None
    k = spans[0]
    rate = [j for j in prev if j > k + 1 and seg.item[j] == seg.item[k] and qs[j].kind == "percent"
            and frame(qs[j]).role == "growth"]
    return k, k + 1, rate[0] if len(rate) == 1 else None


SPAN_GAP = re.compile(r"(?:共|累计|总共|合计)?(?:增加|增长|减少|净增|新增)了?")


def _per_year_change(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> Relation | None:
    """平均每年增加60.4万人 after 十年共增加604.3万人: the change over the span divided by its years."""
    found = _span_change(text, qs, i, seg, sent_start)
    q = qs[i]
    if found is None or not same_unit(qs[found[1]], q):
        return None
    span, change, _ = found
    return Relation("difference", q, growth_start(text, q), q.end, parts=(qs[change],), direction=1,
                    extra={"per_year": str(int(qs[span].value)),
                           "link": f"the change over {qs[span].text} in the sentence before"})


def _per_year_rate(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> Relation | None:
    """年平均增长率为3.8% after 十年…增长44.5%: (1 + 44.5%)^(1/10) - 1, compound."""
    found = _span_change(text, qs, i, seg, sent_start)
    if found is None:
        return None
    span, _, rate = found
    if rate is None:
        return None
    q = qs[i]
    return Relation("growth", q, growth_start(text, q), q.end, parts=(qs[rate],), direction=_dir_of(text, q, seg, i),
                    extra={"years": str(int(qs[span].value)), "cumulative": "1",
                           "link": f"the growth over {qs[span].text} in the sentence before"})


TO_YEAR = re.compile(r"(?:到|至)(?:19|20)\d\d年[^\d，,。；;]{0,3}$")


def item_start(qs: Sequence[Quantity], i: int, seg: Seg, clause_start: Sequence[int]) -> int:
    """Where the item of qs[i] begins: the clause of its first figure."""
    j = i
    while j > 0 and seg.item[j - 1] == seg.item[i] and i - j < 60:  # linear: as far as _item_before looks
        j -= 1
    return clause_start[seg.clause[j]] if seg.clause[j] < len(clause_start) else qs[j].start


def _identity(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> Relation | None:
    """A rate defined as the difference of two rates its sentence states: 自然增长率 = 出生率 - 死亡率."""
    q = qs[i]
    for name, (first, second) in IDENTITIES:
        if not _named(text, q, seg.clause_start[seg.clause[i]], name):
            continue
        found: dict[str, list[int]] = {first: [], second: []}
        for j in range(i - 1, max(-1, i - 1 - WINDOW_MAX), -1):  # linear: the sentence, at most WINDOW_MAX back
            if seg.sent[j] != seg.sent[i]:
                break
            for op in (first, second):
                if qs[j].unit == q.unit and _named(text, qs[j], seg.clause_start[seg.clause[j]], op, name):
                    found[op].append(j)
        if len(found[first]) != 1 or len(found[second]) != 1:
            return Relation("difference", q, growth_start(text, q), q.end, direction=1)
        a, b = qs[found[first][0]], qs[found[second][0]]
        return Relation("difference", q, growth_start(text, q), q.end, parts=(a,), whole=(b,), direction=1,
                        strong=True, extra={"link": f"by definition {name} = {first} - {second}, same sentence"})
    return None


def _identities() -> tuple[tuple[str, tuple[str, str]], ...]:
    out = []
    for entry in claim_words()("identity.difference"):
        name, rest = entry.split("=", 1)
        first, second = rest.split("-", 1)
        out.append((name, (first, second)))
    return tuple(out)


IDENTITIES = _identities()
PINYIN = re.compile(r"[（(][a-zA-Z\u00c0-\u024f\u01cd-\u01dc]{1,8}[）)]")


def _named(text: str, q: Quantity, clause_start: int, name: str, unless: str = "") -> bool:
    """The figure is labelled `name` right before it (出生率为10.94‰), and not `unless` (自然增长率)."""
    lab = PINYIN.sub("", text[max(clause_start, q.start - 24):q.start]).rstrip()  # 增長(zhǎng)率: a converter's pinyin
    lab = re.sub(r"(?:为|是|达|达到|约)$", "", lab)
    return lab.endswith(name) and not (unless and lab.endswith(unless))


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
        return iter([listed])
    rel = _growth_operands(text, qs, i, seg, sent_start, q, direction)
    if wholes and rel.parts and not rel.whole and not rel.alternatives:
        total = next((k for k in range(i - 1, max(-1, i - 40), -1) if qs[k] is rel.parts[0]), None)
        again = rebuilt(text, qs, i, total, seg, sent_start, wholes) if total is not None else None
        if again is not None:
            return iter([again])
    if rel.parts and not rel.whole and not rel.alternatives:
        rel = _granular(text, qs[i], rel.parts, rel)
    return iter([rel])


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


def _dir(word: str) -> int:
    return -1 if word in GROWTH_DOWN or word in ("减收", "少") else 1


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
    k = i - first  # members are consecutive indexes: no list.index
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




def _item_before(seg: Seg, i: int) -> Iterator[int]:
    """Indexes of the figures before qs[i] in its item, nearest first (items are runs of figures)."""
    j = i - 1
    while j >= 0 and seg.item[j] == seg.item[i] and i - j <= 60:
        yield j
        j -= 1


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


YEAR_IN = re.compile(r"((?:19|20)\d\d)年")
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
    per_year = _per_year_change(text, qs, i, seg, sent_start) if direction > 0 else None
    if per_year is not None:
        return per_year
    if frame(q).role != "change" or unlinkable_growth(text, q, sent_start[seg.sent[i]]):
        return Relation("difference", q, q.start - len(m.group(0)), q.end, direction=direction)
    # an average compares with an average: 平均每户2.45人,比2000年的2.91人减少了0.46人
    same = [j for j in _item_before(seg, i) if same_unit(qs[j], q)
            and (is_level(qs[j]) or frame(qs[j]).role == "average") and same_plan(qs[j], q)]
    new = old = None
    for j in same:
        tail = text[max(seg.clause_start[seg.clause[j]], qs[j].start - 24):qs[j].start]
        avg = frame(qs[j]).role == "average"
        if old is None and not avg and (OLD_TAIL.search(tail) or tail.endswith(("（", "(", "由", "从"))):
            old = j
        elif new is None and old is not None or new is None and j < i - 1 and not avg:
            new = j
    if new is None and old is not None and text[max(0, qs[old].start - 1):qs[old].start] in ("由", "从"):
        # 由412件增加到500件,增加88件: the level after 增加到
        to = [j for j in same if old < j < i and patterns().to_level.search(text, qs[old].end, qs[j].start)
              and frame(qs[j]).role == "level"]
        new = to[0] if len(to) == 1 else None
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
    scheduled = _schedule(text, qs, i, seg, sent_start)
    if scheduled is not None:
        return scheduled
    # 由90.5%提高到95.2% and 比上年的59.70%: the old rate is a prior value (frames.py)
    rates = [j for j in _item_before(seg, i) if qs[j].kind == "percent"
             and frame(qs[j]).role in ("rate", "share", "prior") and same_plan(qs[j], q)]
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




# ---- a total's growth rebuilt from its parts' growth rates -----------------------------------

def parts_index(qs: Sequence[Quantity], sums: Sequence[Relation]) -> dict[int, list[tuple[int, ...]]]:
    """Totals whose parts add up to them (sums.py): total index -> the parts' indexes, per breakdown."""
    at = {q.start: k for k, q in enumerate(qs)}
    out: dict[int, list[tuple[int, ...]]] = {}
    for r in sums:
        if r.kind != "sum" or "names" in r.extra or r.overlap or len(r.parts) < 2 or r.claim.start not in at:
            continue
        total = r.claim
        run = sum((Fraction(p.value) for p in r.parts), Fraction(0))
        if run != Fraction(total.value) and not near_total(run, Fraction(total.value), total, list(r.parts)):
            continue
        if any(p.start not in at or not same_unit(p, total) for p in r.parts):
            continue
        parts = tuple(at[p.start] for p in r.parts)
        out.setdefault(at[total.start], []).append(parts)
    return out


def _comparison(text: str, q: Quantity, seg: Seg, i: int) -> str:
    """What a rate compares with: 环比 (the period before) or 同比 (the same period a year before)."""
    lab = text[seg.clause_start[seg.clause[i]]:q.start]
    w = claim_words()
    if any(x in lab for x in w("growth.period_on_period")):
        return "period"
    return "year" if any(x in lab for x in w("growth.year_on_year")) else ""


def _own_rate(text: str, qs: Sequence[Quantity], p: int, seg: Seg, sent_start: list[int]) -> tuple[int, int] | None:
    """The one growth rate a part states in its own item (旧存47件,同比上升56.67%), with its direction."""
    found = [j for j in range(p + 1, min(len(qs), p + 4)) if seg.item[j] == seg.item[p]]
    rates = [j for j in found if qs[j].kind == "percent" and frame(qs[j]).role == "growth"]
    levels = [j for j in found if frame(qs[j]).role == "level" and qs[j].unit == qs[p].unit
              and (not rates or j < rates[0])]
    if len(rates) != 1 or levels or frame(qs[rates[0]]).plan != frame(qs[p]).plan:
        return None
    j = rates[0]
    if unlinkable_growth(text, qs[j], sent_start[seg.sent[j]], item_start(qs, j, seg, seg.clause_start)):
        return None
    gm = growth_head(text, seg.clause_start[seg.clause[j]], qs[j].start)
    if gm is None:
        return None
    return j, 1 if qs[j].value < 0 else _dir(gm.group(2))


def _prior_of(part: Quantity, rate: Quantity, direction: int) -> tuple[Fraction, Fraction] | None:
    """The prior value a part and its own rate imply; a whole count's prior is a whole number."""
    h = Fraction(1, 2 * 10**rate.decimals)
    g = Fraction(rate.value) * direction
    glo, ghi = (g - h) / 100, (g + h) / 100
    if 1 + glo <= 0:
        return None
    ph = Fraction(part.half_ulp) if (part.decimals or part.scale > 1) else Fraction(0)
    if rate.approx or part.approx:
        return None
    lo = (Fraction(part.value) - ph) / (1 + ghi)
    hi = (Fraction(part.value) + ph) / (1 + glo)
    if part.kind == "count" and part.scale == 1 and part.decimals == 0:
        a, b = -((-lo.numerator) // lo.denominator), hi.numerator // hi.denominator
        if a > b:
            return None  # no whole prior gives the part's rate: the part's own rate is in question
        return Fraction(a), Fraction(b)
    return lo, hi


def rebuilt(text: str, qs: Sequence[Quantity], i: int, total: int, seg: Seg, sent_start: list[int],
            wholes: dict[int, list[tuple[int, ...]]]) -> Relation | None:
    """The total's growth against the prior total its parts' own rates imply (Σ part/(1+rate)).

    `税收收入865.4亿元,增长2.8%;非税收入279亿元,增长18.8%` under `收入1144.4亿元,同比增长6.3%`:
    only where the parts add up to the total and every part states exactly one rate of its own,
    of the same comparison (同比/环比) as the total's. Confirms, never accuses.
    """
    q = qs[i]
    kind = _comparison(text, q, seg, i)
    found: list[tuple[Fraction, Fraction, tuple[int, ...], list[tuple[int, int]]]] = []
    for parts in wholes.get(total, []):
        rates = [_own_rate(text, qs, p, seg, sent_start) for p in parts]
        if any(r is None for r in rates):
            continue
        own = [r for r in rates if r is not None]
        if any((c := _comparison(text, qs[j], seg, j)) and kind and c != kind for j, _ in own):
            continue
        priors = [_prior_of(qs[p], qs[j], d) for p, (j, d) in zip(parts, own, strict=True)]
        if any(x is None for x in priors):
            continue
        lo = sum((x[0] for x in priors if x is not None), Fraction(0))
        hi = sum((x[1] for x in priors if x is not None), Fraction(0))
        found.append((lo, hi, parts, own))
    if not found:
        return None
    lo, hi, parts, own = found[0]
    extra = {"link": "parts add up to the total; each states its own rate",
             "old_lo": str(lo), "old_hi": str(hi),
             "rebuilt": "+".join(f"{_plain(qs[p])}/(1{_signed(qs[j], d)})"
                                 for p, (j, d) in zip(parts, own, strict=True))}
    if len(found) > 1:
        extra["old_more"] = ";".join(f"{a},{b}" for a, b, _, _ in found[1:])
    operands = (qs[total], *(qs[p] for p in parts), *(qs[j] for j, _ in own))
    return Relation("growth", q, growth_start(text, q), q.end, parts=(qs[total],), direction=_dir_of(text, q, seg, i),
                    extra=extra, alternatives=((operands, ()),))


def _plain(q: Quantity) -> str:
    v = Fraction(q.value)
    return format((Decimal(v.numerator) / Decimal(v.denominator)).normalize(), "f")


def _signed(rate: Quantity, d: int) -> str:
    v = Fraction(rate.value) * d / 100
    return f"{'+' if v >= 0 else '-'}{format(abs(Decimal(v.numerator) / Decimal(v.denominator)).normalize(), 'f')}"


def _dir_of(text: str, q: Quantity, seg: Seg, i: int) -> int:
    gm = growth_head(text, seg.clause_start[seg.clause[i]], q.start)
    if q.value < 0 or gm is None:
        return 1
    return _dir(gm.group(2))


# ---- a completion ratio against the share of the year gone (序时进度) -------------------------

@cache
def _schedule_words() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    w = claim_words()
    ahead = re.compile(rf"(?:{w.alternation('schedule.ahead')})[^\d，,。；;]{{0,2}}$")
    behind = re.compile(rf"(?:{w.alternation('schedule.behind')})[^\d，,。；;]{{0,2}}$")
    months = {k: int(v) for k, v in (x.split("=", 1) for x in w("schedule.periods"))}
    return ahead, behind, months


MONTHS = re.compile(r"(?<!\d)1\s*(?:-|—|～|~|至|到)\s*(\d{1,2})\s*月")


def _months_gone(text: str, paragraph_start: int, at: int) -> int | None:
    """The months of the year a paragraph's figures cover: 2006年1-10月 -> 10, 上半年 -> 6; one reading only."""
    _, _, words = _schedule_words()
    span = text[paragraph_start:at]
    found = {int(m.group(1)) for m in MONTHS.finditer(span) if 1 <= int(m.group(1)) <= 12}
    found |= {n for word, n in words.items() if word in span}
    return found.pop() if len(found) == 1 else None


def _schedule(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> Relation | None:
    """超进度42.31% after 完成…目标任务的125.64%: the ratio minus the months gone (10/12), in points."""
    q = qs[i]
    ahead, behind, _ = _schedule_words()
    lab = text[seg.clause_start[seg.clause[i]]:q.start]
    sign = 1 if ahead.search(lab) else -1 if behind.search(lab) else 0
    if sign == 0:
        return None
    empty = Relation("points", q, growth_start(text, q), q.end, direction=sign)
    k = i - 1
    if k < 0 or seg.sent[k] != seg.sent[i] or qs[k].kind != "percent" or q.kind not in ("percent", "points"):
        return empty
    done = qs[k]
    if "完成" not in text[seg.clause_start[seg.clause[k]]:done.start] or seg.clause[i] - seg.clause[k] != 1:
        return empty
    p0 = _paragraph_start(qs, i, seg, sent_start)
    months = _months_gone(text, p0, q.start)
    if months is None:
        return empty
    return Relation("points", q, growth_start(text, q), q.end, parts=(done,), direction=sign,
                    extra={"months": str(months), "link": f"the completion ratio before it; {months} months of 12"})


def _paragraph_start(qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> int:
    """Where the paragraph of qs[i] begins: the first sentence of its paragraph (bounded: 40 sentences)."""
    s = seg.sent[i]
    j = i
    while j > 0 and seg.para[j - 1] == seg.para[i] and s - seg.sent[j - 1] < 40 and i - j < WINDOW_MAX:
        j -= 1
    first = seg.sent[j]
    # the paragraph's opening sentence may hold no figure (2006年1-10月…): take the line start
    lo = sent_start[first] if first < len(sent_start) else qs[j].start
    return lo
