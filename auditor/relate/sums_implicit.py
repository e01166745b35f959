"""Breakdowns found by adding up: parts after a total, with no word announcing them, that add up to it.

Split from relate/sums.py (which reads the breakdowns the text announces and chooses among the readings);
every sum found here only by adding up is a chance reading until the text's structure bears it out
(relate/chance_runs.py).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from auditor.model import Quantity
from auditor.relate.announced import opens_breakdown
from auditor.relate.base import TOTAL_WORD, Relation, Seg, exact, label_before, near_total, same_unit
from auditor.relate.chance_runs import (
    begun_mid_list,
    bounded,
    claimed_by_other,
    closed_by_own_total,
    compared_old,
    heads_siblings,
    in_list,
    list_goes_on,
    listed_near,
    nested_run,
    odd_noun,
    ranked,
    rounded,
)
from auditor.relate.link import frame, grams, same_plan
from auditor.relate.rate_wholes import stage_sibling

#: a rate right after a figure: ，立案率94.2%
RATE_AFTER = re.compile(r"[，,]\s*([\u4e00-\u9fff]{2,8})率(?:为|达到|达|是)?\s*[0-9]")


def _rated_status(text: str, p: Quantity) -> bool:
    """已办结296件,办结率92.5%: a figure whose own rate follows it, named by its words (办结 in 已办结), counts
    a stage of the whole the rate is over (how many were concluded), not one more kind of it."""
    m = RATE_AFTER.match(text, p.end)
    if m is None:
        return False
    return bool(grams(m.group(1)) & grams(label_before(text, p, 0)))


IMPLICIT = "parts after the total add up to it"
#: a sentence that opens as the scope of a figure before it: 其中, 收案中, 全县常住人口中共有
SCOPE_OPENS = re.compile(r"其中|([\u4e00-\u9fff]{1,12}?)(?:之中|当中|中)")


def _opens_as_scope(text: str, lo: int, hi: int, total_label: str) -> bool:
    """Does the sentence from lo, before its first part at hi, open as the scope of the total: 其中, or a 中 after
    words of the total's (收案中 after 新收…案件: two of its characters)?"""
    m = SCOPE_OPENS.search(text, lo, hi)
    return m is not None and (m.group(1) is None or len(set(m.group(1)) & set(total_label)) >= 2)


#: how many figures away an implicit breakdown's parts may be (three sentences of a report hold ~100)
REACH = 200


def _implicit_breakdown(text: str, qs: Sequence[Quantity], j: int, seg: Seg,
                        sent_start: list[int]) -> Relation | None:
    """Figures after (or, for 共计/合计, before) a total that add up to it exactly. Never flagged."""
    t = qs[j]
    if bounded(t):
        return None  # 300家以上 = 100家以上 + 200家以上: bounds that no text ties add up by chance
    if "/" in t.unit:
        return None  # 一级260元/人/月、二级170元/人/月…照护津贴90元/人/月: standards per head add up to nothing
    if rounded(t) and not re.match(r"[)）]?\s*[(（:：]|[,，]?\s*其中", text[t.end:t.end + 4]):
        return None  # 新入驻企业30余家…由4家增长到24家…由1家增加到5家: a rounded total no words break down
    small = t.value < 10  # small totals add up by chance unless the text opens a breakdown after them
    opens = re.match(r"[)）]?\s*[(（:：。]|[,，]?\s*其中", text[t.end:t.end + 4]) is not None
    if small and not opens:
        return None
    if not opens and (in_list(text, qs, j, seg) or heads_siblings(text, qs, j, seg)):
        return None  # 教育局10件，生态环境局19件…税务局3件: 10 = 7 + 3 of the items after it by chance
    if ranked(text, t, sent_start[seg.sent[j]]):
        return None  # 位于前三的: 甲街道46件;乙街道24件;丙镇22件: ranked siblings, 46 = 24 + 22 by chance
    fwd: list[int] = []
    k = j + 1
    lab = label_before(text, t, 0)
    while k < len(qs) and len(fwd) < 24 and k - j <= REACH:
        p = qs[k]
        if seg.para[k] != seg.para[j] or seg.sent[k] - seg.sent[j] > 2:
            break
        p_lab = label_before(text, p, 0)
        if stage_sibling(lab, p_lab):
            break  # 受理10件，提出建议2件；…受理5件: a count at the total's stage is its sibling; its own parts follow
        if p.high is None and p.kind == t.kind and p.unit == t.unit and p.approx is None \
                and frame(p).role not in ("average", "attribute") \
                and not (len(lab) >= 2 and p_lab == lab):
            # an average or a bound (6500亿斤以上) is no part; nor a figure worded as the total, its
            # sibling (火灾死亡11人；铁路死亡8人); nothing announces these parts, so 6个部门 is no part
            # of 16件 (one measure word only)
            fwd.append(k)
        k += 1
    # levels first: 赤字1.2万亿元，比去年增加4000亿元，其中中央8500亿元、地方3500亿元 is 8500 + 3500, never
    # 4000 + 8500; a change is a part only as the second of two, the old level's increase (398 + 2228 = 2626)
    found = _exact_run(qs, [x for x in fwd if frame(qs[x]).role != "change"], t)
    if frame(t).role == "change":
        # 赤字比上年增加1.6万亿元…国债1.3万亿元、比上年增加3000亿元: a change is the sum of changes only
        found = _exact_run(qs, [x for x in fwd if frame(qs[x]).role == "change"], t)
    elif found is None:
        found = _exact_run(qs, fwd, t)
        if found is not None and any(frame(qs[x]).role == "change" for x in found) and \
                not (len(found) == 2 and frame(qs[found[0]]).role != "change"):
            found = None
    if found is not None and len(sents := {seg.sent[x] for x in found}) > 1 \
            and any(x not in found for x in fwd if seg.sent[x] in sents):
        # 造纸厂23个，制糖厂12个，盐场10个。这些项目…完工的有31个: a run across sentences that takes only
        # some of a sentence's figures adds up by chance (one part per sentence is a breakdown)
        found = None
    if found is not None and odd_noun(label_before(text, t, 0),
                                      [label_before(text, qs[x], 0) for x in found if not frame(qs[x]).aside]):
        found = None  # 问题82个: 已整改问题38个, 采纳审计建议10个, 正在整改问题21个…: a part of another thing
    if found is not None and not opens and listed_near(text, t, [qs[x] for x in found]):
        found = None  # 玉米35.6万亩、大豆16.1万亩…: a member of a 、 list is near its followers' sum by chance
    if found is not None and nested_run(text, qs, found):
        found = None  # 共11件…审结10件,其中纠错1件: the 1 is inside the 10, 11 = 10 + 1 by chance
    if found is not None and begun_mid_list(qs, seg, j, found, fwd):
        found = None  # 最大的是甲市,4.1万吨。其次…分别为3.0万吨、2.1万吨、2.0万吨: 4.1 = 2.1 + 2.0 by chance
    if found is not None and list_goes_on(text, qs, found, fwd, seg):
        found = None  # 维持5件；撤销6件；撤回2件；重作2件；终止2件；移送1件 of 15: a prefix adds up by chance
    if found is not None and _mixed(text, qs, found, j, seg, sent_start):
        # 出口2.44万亿元，…；进口2.08万亿元…。贸易顺差3622亿元: parts begun beside the total end with its
        # sentence; a later sentence holds parts only on its own (or where it opens a breakdown)
        found = _exact_run(qs, [x for x in fwd if seg.sent[x] != seg.sent[j]], t)
    if found is not None and not opens and all(seg.sent[x] > seg.sent[j] for x in found) \
            and any(seg.sent[x] == seg.sent[j] and frame(qs[x]).role == "level" and frame(qs[x]).period != "prior"
                    for x in fwd) \
            and not _opens_as_scope(text, sent_start[seg.sent[min(found)]], qs[min(found)].start, lab):
        # 审结毒品案件131件、涉枪涉爆案件4件。惩处诈骗案件69件,…专案62件: a sibling after the total in its own
        # sentence makes it a member of that list; the next sentence's figures add up to it by chance (unless
        # that sentence opens as the total's scope: 收案24064件,…审结24083件。收案中,一审案件21503件…; 常住人口为
        # 562657人,…。全县常住人口中共有家庭户…,家庭户人口为530725人,集体户人口为31932人)
        found = None
    if found is not None and closed_by_own_total(text, qs, seg, j, found):
        found = None  # 收入总计72,088万元。支出:…40,244万元,…31,844万元,支出总计72,088万元: the later total's parts
    if found is not None and claimed_by_other(text, qs, j, found):
        found = None  # 共有33个…共计44个。其中包括10个…和23个…: 其中 gives the parts to 44, not to 33
    if found is None and TOTAL_WORD.search(text[max(0, t.start - 4):t.start]):
        back: list[int] = []
        k = j - 1
        while k >= 0 and seg.sent[k] == seg.sent[j] and len(back) < 24 and j - k <= REACH:
            p = qs[k]
            if p.high is None and p.kind == t.kind and same_unit(p, t) and same_plan(p, t) \
                    and not compared_old(qs, k):
                back.append(k)  # (a budget beside the actual, or the old value of a growth rate, is no part)
            k -= 1
        found = _exact_run(qs, back, t)
    if found is None:
        return None
    parts = sorted(found)
    lo, hi = min(t.start, qs[parts[0]].start), max(t.end, qs[parts[-1]].end)
    return Relation("sum", t, lo, hi, parts=tuple(qs[p] for p in parts), whole=(t,), exhaustive=False,
                    extra={"link": IMPLICIT})


def _mixed(text: str, qs: Sequence[Quantity], run: list[int], j: int, seg: Seg, sent_start: list[int]) -> bool:
    """Does the run join figures of the total's sentence with figures of a later one that opens no breakdown?"""
    here = any(seg.sent[x] == seg.sent[j] for x in run)
    later = {seg.sent[x] for x in run if seg.sent[x] != seg.sent[j]}
    return here and any(not opens_breakdown(text, sent_start[sid]) for sid in later)


def _exact_run(qs: Sequence[Quantity], idx: list[int], t: Quantity) -> list[int] | None:
    """The first run of at least two consecutive candidates (from any start) that adds up to the total."""
    total = exact(t.value)
    values = [exact(qs[x].value) for x in idx]  # once, not once per start
    for a in range(min(len(idx), 8)):
        run: int | Fraction = 0
        for b in range(a, len(idx)):
            run += values[b]
            if b > a and (run == total or near_total(run, total, t, [qs[x] for x in idx[a:b + 1]])):
                return idx[a:b + 1]
            if run > total:
                break
    return None
