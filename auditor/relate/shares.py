"""Shares linked by the structure of a list: a run of shares over an exhaustive breakdown, a share of
the parts listed after it (分别是…), and 均/全部 that say 100% of the items a rate speaks of.

Every link is a structural one: each share names its part (一审案件占61.27% -> 新收各类一审案件98415件)
or stands in its part's item; a list after 分别是 is the share's part by the words themselves.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import (
    CLAUSE_END,
    OTHER_WORD,
    Relation,
    Seg,
    label_before,
    same_unit,
    window,
    without_asides,
)
from auditor.relate.link import frame, same_plan

#: a share clause naming its part before 占: 一审案件占61.27%
NAMED_SHARE = re.compile(r"([\u4e00-\u9fff]{2,8}?)占(?:比|比重|比例)?(?:为|达)?")
#: a share clause that is only 占: 其他案件新收7364件(…)，占4.58%
BARE_SHARE = re.compile(r"占(?:比|比重|比例)?(?:为|达)?")
#: words that make a figure a total the parts hang from (共受理, 合计)
TOTAL_WORDS = re.compile(claim_words().guarded("total.words", "total.compounds"))
LEVEL_KINDS = ("count", "money", "measure")


def _clause_before(text: str, qs: Sequence[Quantity], k: int, seg: Seg) -> str:
    return text[seg.clause_start[seg.clause[k]]:qs[k].start].strip()


def _is_level(q: Quantity) -> bool:
    return q.kind in LEVEL_KINDS and frame(q).role == "level" and q.high is None and not frame(q).aside


def _share_part(text: str, qs: Sequence[Quantity], k: int, seg: Seg) -> tuple[int, str] | None:
    """The part a share of a list speaks of, and the link: the one level its name labels, or its item's."""
    if qs[k].kind != "percent" or qs[k].unit != "%":
        return None
    before = _clause_before(text, qs, k, seg)
    named = NAMED_SHARE.fullmatch(before)
    if named is not None:
        name = named.group(1)
        js = [j for j in window(qs, k, seg, 2) if _is_level(qs[j]) and same_plan(qs[j], qs[k])
              and name in label_before(text, qs[j], 0)]
        return (js[0], f"part named {name}") if len(js) == 1 else None
    if BARE_SHARE.fullmatch(before):
        js = [j for j in window(qs, k, seg, 0) if seg.item[j] == seg.item[k] and _is_level(qs[j])]
        return (js[0], "part in the share's item") if js else None
    return None


def listed_share(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    """一审案件占61.27%；执行案件占30.02%；…；其他案件新收12126件，占4.73%: shares of an exhaustive breakdown.

    A run of at least three shares, one clause each, every one naming a distinct part (or standing in
    its part's item), the shares adding up to about 100 and every level of the parts' unit in the
    parts' sentences being one of them: the whole is the parts' sum (no total is stated over them).
    """
    me = _share_part(text, qs, i, seg)
    if me is None:
        return None
    members: dict[int, int] = {i: me[0]}
    links = {i: me[1]}
    for step in (-1, 1):
        k = i
        while True:
            nxt = k + step
            # a level between two shares may be the part of the bare share after it (checked below)
            while 0 <= nxt < len(qs) and qs[nxt].kind != "percent" and abs(nxt - k) < 3:
                nxt += step
            if not 0 <= nxt < len(qs) or seg.para[nxt] != seg.para[i] or abs(seg.sent[nxt] - seg.sent[i]) > 1:
                break
            got = _share_part(text, qs, nxt, seg)
            if got is None:
                break
            members[nxt], links[nxt] = got
            k = nxt
    order = sorted(members)
    # nothing but the members and their parts between the first and the last share
    lo, hi = order[0], order[-1]
    parts = [members[k] for k in order]
    if any(j not in members and j not in parts for j in range(lo, hi + 1)):
        return None
    if len(order) < 2 or len(order) == 2 and not _complementary(text, qs, parts) \
            or len(set(parts)) != len(parts) or any(not same_unit(qs[p], qs[parts[0]]) for p in parts):
        return None
    claimed = sum((Fraction(qs[k].value) for k in order), Fraction(0))
    if abs(claimed - 100) > 1:
        return None
    # shares that miss 100 by more than their rounding speak of a whole larger (or smaller) than the
    # parts listed: the parts' sum is the whole only where the list closes with a remainder (其他…)
    slack = sum((Fraction(1, 2 * 10 ** max(qs[k].decimals, 0)) for k in order), Fraction(0))
    # (unless most shares fit the parts' sum: then it is the whole, and the odd share is wrong)
    # (窗口登记(来信、其他部门转来等)40件: a 其他 inside the last part's bracket says what it holds, no remainder)
    last = without_asides(label_before(text, qs[max(parts)], 0, CLAUSE_END))
    closed = any(w in last for w in OTHER_WORD)
    if abs(claimed - 100) > slack and not closed:
        total = sum((Fraction(qs[p].value) for p in parts), Fraction(0))
        fit = sum(1 for k in order if total and _rounds_to(Fraction(qs[members[k]].value) * 100 / total, qs[k]))
        if 2 * fit <= len(order):
            return None
    # exhaustive: every level of the parts' unit in the parts' sentences is a part, and none is a total
    sents = {seg.sent[p] for p in parts}
    span = range(max(0, min(parts) - 20), min(len(qs), max(parts) + 20))
    for j in span:
        if seg.sent[j] in sents and seg.para[j] == seg.para[i] and j not in parts and _is_level(qs[j]) \
                and same_unit(qs[j], qs[parts[0]]):
            return None
    if any(TOTAL_WORDS.search(label_before(text, qs[p], 0, CLAUSE_END)) for p in parts):
        return None
    whole = tuple(qs[p] for p in sorted(parts))
    part = qs[me[0]]
    link = f"{links[i]}; shares of an exhaustive list ({len(order)} shares, about 100%): the parts' sum"
    head = _stated_total(text, qs, seg, parts)
    if head is not None and qs[head].value != sum(x.value for x in whole):
        # 审结1608件。审结案件中,A872件,占比54.23%;…: the list breaks down a stated total its parts do not
        # add up to (a part mistyped, or one left out). The shares speak of that total where most of them
        # fit it; where they do not, the two readings disagree and the share is unverifiable.
        fit = sum(1 for k in order if _rounds_to(Fraction(qs[members[k]].value) * 100 / Fraction(qs[head].value),
                                                 qs[k]))
        if 2 * fit <= len(order):
            return Relation("share", qs[i], seg.clause_start[seg.clause[i]], qs[i].end)
        whole = (qs[head],)
        link = f"{links[i]}; shares of a list under its stated total ({len(order)} shares, {fit} fit it)"
    return Relation("share", qs[i], part.start if part.end <= qs[i].start and seg.sent[me[0]] == seg.sent[i]
                    else seg.clause_start[seg.clause[i]], qs[i].end, parts=(part,), whole=whole, strong=True,
                    alternatives=(((part,), whole),),
                    extra={"link": link, "direct": "1", "near": "1", "unique": "1", "carried": "", "stem": "",
                           "complementary": "", "listed": "1"})


#: what stands between a total and the list that breaks it down: 其中, or a scope (审结案件中,)
OPENS_LIST = re.compile(r"其中|中\s*[，,:：]")


def _stated_total(text: str, qs: Sequence[Quantity], seg: Seg, parts: list[int]) -> int | None:
    """The total stated just before a list of parts, in its sentence or the one before: 审结1608件。审结案件中,…

    The nearest level of the parts' unit before the first part, marked as a total (共, 合计) or followed by
    the words that open a breakdown (其中, …中,).
    """
    first = min(parts)
    for j in range(first - 1, max(-1, first - 6), -1):
        if seg.para[j] != seg.para[first] or seg.sent[j] < seg.sent[first] - 1:
            break
        if not _is_level(qs[j]) or not same_unit(qs[j], qs[first]):
            continue
        if Fraction(qs[j].value) <= 0:
            return None
        between = text[qs[j].end:qs[first].start]
        marked = TOTAL_WORDS.search(label_before(text, qs[j], 0, CLAUSE_END))
        if marked or OPENS_LIST.search(between):
            return j
        break
    return _named_scope(text, qs, seg, first)


#: a sentence that opens with the scope of its list: 审结案件中,
SCOPE_HEAD = re.compile(r"(?:^|[。；;！？\n])\s*([\u4e00-\u9fff]{2,10}?)(?:中|当中|之中)\s*[，,:：]\s*$")


def _named_scope(text: str, qs: Sequence[Quantity], seg: Seg, first: int) -> int | None:
    """审结1608件,…(another list)… 审结案件中,A872件,…: the list's sentence opens with the scope it breaks
    down, and the scope's words are those of a total stated earlier (its label ends with their first two)."""
    start = seg.clause_start[seg.clause[first]]
    head = SCOPE_HEAD.search(text, max(0, start - 16), start)
    if head is None:
        return None
    name = head.group(1)
    for j in range(first - 1, max(-1, first - 60), -1):
        if seg.para[j] < seg.para[first] - 3:
            break
        if not _is_level(qs[j]) or not same_unit(qs[j], qs[first]):
            continue
        lab = label_before(text, qs[j], 0, CLAUSE_END)
        if len(lab) >= 2 and name.startswith(lab[-2:]):
            return j if Fraction(qs[j].value) > 0 else None
    return None


def _complementary(text: str, qs: Sequence[Quantity], parts: list[int]) -> bool:
    """男性人口为192314人，占50.98%；女性人口为184906人，占49.02%: two parts a complementary pair names
    (sums.complements) make up their whole, which need not be stated."""
    a, b = (label_before(text, qs[p], 0, CLAUSE_END) for p in sorted(parts))
    for pair in claim_words()("sums.complements"):
        x, y = pair.split("|", 1)
        # the longer word may contain the shorter (不起诉 holds 起诉): the part's own word is its last
        if (x in a and y in b and y not in a and x not in b.replace(y, "")) or \
                (y in a and x in b and x not in a.replace(y, "") and y not in b):
            return True
    return False


def _rounds_to(x: Fraction, q: Quantity) -> bool:
    """x rounded half up to the places q is printed with is q's value."""
    scale = 10 ** max(q.decimals, 0)
    return Fraction(int(x * scale + Fraction(1, 2)), scale) == Fraction(q.value)


#: 均/全部 over the items a rate speaks of (人均, 平均, 均值, 均衡 are words of their own)
ALL_WORD = re.compile(r"(?<![人户日月年场平])均(?![值衡匀等在为达])|全部|全都|全覆盖")


def all_link(text: str, q: Quantity, stem: str) -> str:
    """差评工单全部完成按时整改，差评按时整改率100%: 全部 says 100% of what the rate measures.

    Only where the words after 均/全部, in the rate's sentence before it, carry the rate's own
    stem (its last two characters at least: 按时整改, 胜诉): then 全部 speaks of the rate's items.
    """
    lo = q.start
    while lo > 0 and q.start - lo < 60 and text[lo - 1] not in "。！？!?\n；;":
        lo -= 1
    core = re.sub(r"[^\u4e00-\u9fff]", "", stem)
    if len(core) < 2:
        return ""
    for m in ALL_WORD.finditer(text, lo, q.start):
        end = m.end()
        while end < q.start and text[end] not in CLAUSE_END:
            end += 1
        phrase = text[m.end():end]
        for n in range(len(core), 1, -1):
            if core[-n:] in phrase:
                return f"{m.group(0)}{phrase} names the rate's items ({core[-n:]})"
    return ""


#: 占…的62%，分别是A9634宗、B8175宗: the share's part is the list after it
LIST_AFTER = re.compile(r"\s*[，,]?\s*分别(?:是|为)[：:]?")
LIST_JOIN = re.compile(r"[^，,。；;：:！？!?\n\d]{0,16}")
#: the number of parts the share speaks of: 三类主要纠纷
COUNT_WORD = re.compile(r"([两二三四五六七八九十])(?:类|个|项|种|大类)")
CN_DIGITS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
BASE_NAMED = re.compile(r"占([\u4e00-\u9fff]{2,16}?)的?$")
COMMON = frozenset({"全省", "全市", "全区", "全县", "全国", "总数", "全部", "所有", "合计"})


def share_of_list(text: str, qs: Sequence[Quantity], i: int, seg: Seg, before: str) -> Relation | None:
    """三类主要纠纷合计占纠纷量总数的62%，分别是劳动争议11237宗、损害赔偿10623宗、婚姻家庭纠纷6443宗.

    The part is the sum of the list 分别是 opens straight after the share (as many entries as the
    share counts, where it counts them); the whole is the nearest earlier total (共/合计…) whose
    words carry the base the share names. Only ever confirms: the whole is linked by name.
    """
    q = qs[i]
    if q.unit != "%" or "占" not in before:
        return None
    lm = LIST_AFTER.match(text, q.end)
    if lm is None:
        return None
    run: list[int] = []
    at = lm.end()
    for j in range(i + 1, min(len(qs), i + 12)):
        c = qs[j]
        if seg.sent[j] != seg.sent[i] or not LIST_JOIN.fullmatch(text, at, c.start):
            break
        if not (c.kind in LEVEL_KINDS and c.high is None and frame(c).role == "level") or \
                run and not same_unit(c, qs[run[0]]):
            break
        run.append(j)
        at = c.end
        if not re.match(r"\s*[、，,]", text[at:at + 2]):
            break
        at += len(re.match(r"\s*[、，,]", text[at:at + 2]).group(0))  # type: ignore[union-attr]
    if len(run) < 2:
        return None
    counted = COUNT_WORD.search(before)
    if counted is not None and CN_DIGITS[counted.group(1)] != len(run):
        return None
    parts = tuple(qs[j] for j in run)
    total = sum((Fraction(p.value) for p in parts), Fraction(0))
    start = seg.clause_start[seg.clause[i]]
    base = BASE_NAMED.search(before.strip())
    if base is None:
        return Relation("share", q, start, q.end, parts=parts)
    name = re.sub(r"(总数|总量|总额|比重|比例)$", "", base.group(1))
    grams_ = {name[k:k + 2] for k in range(len(name) - 1)} - COMMON
    whole = None
    for j in range(i - 1, max(-1, i - 60), -1):
        c = qs[j]
        lab = label_before(text, c, 0, CLAUSE_END)
        if c.kind == parts[0].kind and same_unit(c, parts[0]) and c.high is None and frame(c).role == "level" \
                and same_plan(c, q) and Fraction(c.value) >= total and TOTAL_WORDS.search(lab) \
                and any(g in lab for g in grams_):
            whole = c
            break
    if whole is None:
        return Relation("share", q, start, q.end, parts=parts)
    link = f"the list after 分别 is the part; total named {base.group(1)}"
    return Relation("share", q, start, q.end, parts=parts, whole=(whole,), alternatives=((parts, (whole,)),),
                    extra={"link": link, "direct": "1", "near": "1", "unique": "1", "carried": "", "stem": "",
                           "complementary": "", "listed": "1"})


#: 占受理案件数比例最高 closing a clause: a share ranked, its figure in the next clause
RANK = claim_words().alternation("rate.share_rank")
RANKED_SHARE = re.compile(r"占[\u4e00-\u9fff]{0,12}?(?:比例|比重|占比)(?:" + RANK + r")$")
#: the words a ranked share's figure follows in its own clause (达92.71%)
RANKED_VERB = re.compile(r"(?:达到|达|为|是|约|近)?")


def ranked_share_before(text: str, q: Quantity, seg: Seg, i: int, before: str) -> str | None:
    """The words of a share ranked in the clause before its figure (…占受理案件数比例最高，达92.71%).

    Only where the figure's own clause holds nothing but a verb, so the two clauses are one phrase;
    the text returned runs from the ranked clause to the figure, offsets as in the text.
    """
    c = seg.clause[i]
    if c == 0 or not RANKED_VERB.fullmatch(before.strip()):
        return None
    start = seg.clause_start[c - 1]
    prev = text[start:seg.clause_start[c]].rstrip("，,、 ")
    if RANKED_SHARE.search(prev) is None:
        return None
    return text[start:q.start]

