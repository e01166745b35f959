"""Rates listed in one sentence (下降38.24%、45.61%) paired with the levels listed before them, and the
whole-number test of a rate whose only operand is a count (37件46人、上升50%)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import (
    CLAUSE_END,
    Relation,
    Seg,
    growth_head,
    growth_start,
    same_unit,
)
from auditor.relate.levels import _dir, item_start, unlinkable_growth
from auditor.relate.link import frame


def _granular(text: str, q: Quantity, levels: Sequence[Quantity], rel: Relation, adjacent: bool = True) -> Relation:
    """Mark a rate whose only operand is a whole count it follows directly (37件46人、上升50%).

    A count changes by whole units, so its prior must be a whole number; verify() tests that.
    Only exact counts (no 约/余, no rounded hundreds) followed by nothing but comparison and growth words,
    or (`adjacent` False) paired with the rate by a list's structure (分别, 人数上升…).
    """
    if q.approx or not levels:
        return rel
    for lvl in levels:
        if lvl.kind != "count" or lvl.scale != 1 or lvl.decimals or lvl.approx or lvl.value <= 0 \
                or lvl.value % 100 == 0 or frame(lvl).role != "level" or frame(lvl).aside:
            return rel
    if adjacent and GRANULAR_GAP.fullmatch(text, levels[-1].end, q.start) is None:
        return rel
    return replace(rel, alternatives=tuple(((lvl,), ()) for lvl in levels),
                   extra={**rel.extra, "granular": "1", "link": rel.extra.get("link") or "same item"})


def _gap_words() -> re.Pattern[str]:
    w = claim_words()
    words = "|".join(re.escape(x) for x in sorted({*w("growth.up"), *w("growth.down"), *w("growth.year_on_year"),
                                                   *w("growth.period_on_period")}, key=lambda x: (-len(x), x)))
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
    """The growth rates listed with qs[i] (38.24%、45.61%): their indexes, own labels and directions (0: inherited)."""
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

    `共受理…21件31人,去年同期为34件57人,件数和人数分别同比下降38.24%、45.61%`: rate k goes with
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
        return None  # one rate, one level: the item's own operands (_growth_operands), unless 21件31人
    k = i - first  # the members are consecutive indexes: no list.index over a long list
    q = qs[i]
    d0 = _dir(head.group(2))
    direction = dirs[k] or d0
    if q.value < 0:
        direction = 1
    empty = Relation("growth", q, growth_start(text, q), q.end, direction=direction)
    if len(members) == 1:
        # 37件46人、上升50%: either count's prior must be a whole number
        pair = [j for j in cur if seg.item[j] == seg.item[i]][-2:]
        if len(pair) == 2 and text[qs[pair[0]].end:qs[pair[1]].start].strip() == "":
            empty = _granular(text, q, [qs[j] for j in pair], empty)
    label = labels[k] or (_own_label(text, qs, first, seg) if k == 0 else "")
    named = [j for j in cur if label and f"{qs[j].unit}数" in label]
    if len(named) == 1:
        # 同比件数下降41.67%、人数下降52.38%: the label names the level by its measure word
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
        alone = Relation("growth", q, growth_start(text, q), q.end, parts=(qs[new],), direction=direction,
                         extra={"link": link})
        # 火灾死亡8人,同比…死亡人数上升166.7%: the paired count's prior must still be a whole number
        tight = _label_names(text, label, qs[new]) if link.startswith("labelled") \
            else _tight_each(text, qs, cur, first, seg)
        if olds or not tight or unlinkable_growth(text, q, sent_start[seg.sent[i]],
                                                  item_start(qs, i, seg, seg.clause_start)):
            return alone
        return _granular(text, q, [qs[new]], alone, adjacent=False)
    return Relation("growth", q, growth_start(text, q), q.end, parts=(qs[new],), whole=(qs[olds[0]],),
                    direction=direction, strong=True, extra={"link": link})


def _label_names(text: str, label: str, level: Quantity) -> bool:
    """`死亡人数上升` names the count `死亡11人` by more than its measure word: the words before 人数 are in
    the level's own label (not `受伤12人`, the one 人 figure of another metric)."""
    k = label.rfind(f"{level.unit}数")
    head = LABEL_HEAD.sub("", label[:k]) if k >= 0 else ""
    if not head:
        return True
    own = text[max(0, level.start - 12):level.start]
    return head[-2:] in own


LABEL_HEAD = re.compile(rf"^(?:{claim_words().alternation('growth.year_on_year')}|较|比|与)+")


def _tight_each(text: str, qs: Sequence[Quantity], cur: Sequence[int], first: int, seg: Seg) -> bool:
    """`发生事故17起、死亡19人,同比分别下降15%、24%`: the levels end the clause straight before the rates,
    and the rates' clause names nothing but the comparison (not 项目数与合同额分别增长, a list of its own)."""
    cs = seg.clause_start[seg.clause[first]]
    if not cur or seg.clause[cur[-1]] != seg.clause[first] - 1 or text[qs[cur[-1]].end:cs].strip() not in CLAUSE_END:
        return False
    return TIGHT_EACH.fullmatch(text, cs, qs[first].start) is not None


def _tight_words() -> re.Pattern[str]:
    w = claim_words()
    growth = f"{w.alternation('growth.up')}|{w.alternation('growth.down')}"
    return re.compile(rf"\s*(?:{w.alternation('growth.year_on_year')})?(?:{w.alternation('growth.each')})"
                      rf"(?:{growth})了?(?:为|达)?\s*")


TIGHT_EACH = _tight_words()


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
