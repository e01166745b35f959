"""Runs of figures after a total that add up to it by chance (the checks behind sums.py's implicit breakdowns).

Nothing announces an implicit breakdown's parts: the figures after a total that add up to it exactly are
taken as its parts. These structures make such a sum a coincidence of numbers, whatever the figures are:

- the total is a bound (300家以上), or an item of a list of siblings (东坪镇17件，教育局10件，…);
- the total is an item of a ranked list (办件量位于前三的街道: 甲街道46件;乙街道24件;丙镇22件): its
  siblings rank after it, they are not its parts (46 = 24 + 22 by chance);
- the parts are announced as another figure's (共有33个项目,地方有11个,共计44个。其中包括10个…和23个…):
  其中 gives them to the figure right before it, a level in the total's unit (44), not to the total (33).

- a part of the run opens its own breakdown (审结10件,其中纠错1件 of 共11件): the figures after its 其中 are
  inside it, no siblings of it;
- the run is a prefix of a semicolon list that goes on (维持5件;撤销6件;…;终止2件;移送1件 of 15);
- a figure past a ； announces parts of its own, or names another metric, or is a 、-list member, the old
  value of a growth rate, or counts another noun than the run's other parts.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction
from functools import cache

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import TOTAL_MARK, TOTAL_WORD, WINDOW_MAX, Seg, label_before, same_unit, sentence_first
from auditor.relate.link import frame

NUMERAL = "[一二三四五六七八九十两0-9０-９]+"
#: how many characters before a total its ranking words may stand (a top-ten list of named items)
RANK_REACH = 300


@cache
def _rank() -> re.Pattern[str]:
    w = claim_words()
    lead, tail = w.alternation("sums.rank_lead"), w.alternation("sums.rank_tail")
    return re.compile(rf"(?:{lead}){NUMERAL}|前{NUMERAL}(?:{tail})")


@cache
def _announce() -> re.Pattern[str]:
    return re.compile(rf"[)）]?[,，。；;:：]?\s*(?:{claim_words().alternation('total.breakdown')})")


#: a figure followed by its own 其中
OPENS_OWN = re.compile(r"[)）]?\s*[,，;；]?\s*其中")


def nested_run(text: str, qs: Sequence[Quantity], run: Sequence[int]) -> bool:
    """Does a figure of the run (before its last) open a 其中 of its own, so that those after it are inside it?"""
    return any(OPENS_OWN.match(text, qs[x].end) for x in run[:-1])


def begun_mid_list(qs: Sequence[Quantity], seg: Seg, j: int, run: Sequence[int], candidates: Sequence[int]) -> bool:
    """A run of parts in a later sentence than the total qs[j] that begins after a smaller candidate of its own
    sentence (…分别为3.0万吨、2.1万吨、2.0万吨 for 4.1万吨: 2.1 + 2.0, past the 3.0) adds up by chance; a figure as
    large as the total before it restates the total (…的一百五十六个单位,…是一百四十五个,其他十一个)."""
    sent = seg.sent[run[0]]
    return sent != seg.sent[j] and any(x < run[0] and seg.sent[x] == sent and qs[x].value < qs[j].value
                                       for x in candidates)


def ranked(text: str, t: Quantity, sent_start: int) -> bool:
    """Is the total an item of a list its sentence ranks (位于前三的…:, 居于前五位的是:)?

    The ranking words stand before the figure in its sentence, or close the line before it (a heading
    排名前三的乡镇:⏎ over the list); a total word after them makes the figure the ranked items' total.
    """
    lo = sent_start
    head = text[max(0, lo - 40):lo].rstrip()
    if head.endswith((":", "：")):
        lo = max(head.rfind(c) for c in "。！？!?\n") + 1 + max(0, lo - 40)
    # bounded: a run-on sentence of thousands of figures must not be searched again for each (ranked lists
    # are short: 前三, 前五, 前十)
    m = _rank().search(text, max(lo, t.start - RANK_REACH), t.start)
    return m is not None and not TOTAL_WORD.search(text[m.end():t.start])  # 排名前三的县区共受理300件: a total


def closed_by_own_total(text: str, qs: Sequence[Quantity], seg: Seg, j: int, run: Sequence[int]) -> bool:
    """收入总计72,088万元。支出:调出资金40,244万元,当年结余31,844万元,支出总计72,088万元: a run in a later sentence
    than the total ends at a total of its own sentence, marked as one (总计, 合计, 共): the parts are that
    total's, not the earlier one's (收入合计3618万元(预算收入3500万元、上年结余118万元),支出合计3618万元: in the
    total's own sentence, the total's parts)."""
    last = run[-1]
    if last + 1 >= len(qs) or seg.sent[last + 1] != seg.sent[last] or seg.sent[run[0]] == seg.sent[j]:
        return False
    nxt = qs[last + 1]
    return nxt.value == qs[j].value and same_unit(nxt, qs[j]) and TOTAL_WORD.search(text[qs[last].end:nxt.start]) \
        is not None


def claimed_by_other(text: str, qs: Sequence[Quantity], j: int, run: Sequence[int]) -> bool:
    """Does a level between the total qs[j] and the run, in the total's unit, open a breakdown (其中, 包括)
    that the run's first figure follows? The parts are then that figure's."""
    t = qs[j]
    for k in range(j + 1, run[0]):
        q = qs[k]
        if q.kind != t.kind or not same_unit(q, t) or q.high is not None or frame(q).role != "level" \
                or q.value == t.value:
            continue  # a restated total (共收到318件,已办结318件,其中…) has the same parts
        if _announce().match(text, q.end):
            return True
    return False


def in_list(text: str, qs: Sequence[Quantity], j: int, seg: Seg) -> bool:
    """qs[j] is an item of a list of siblings: the figure before it, in its sentence and unit, is
    separated from it by one comma and a name (东坪镇17件，洛阳镇5件), and no total word marks it."""
    k = j - 1
    while k >= 0 and seg.sent[k] == seg.sent[j] and qs[k].kind == "percent":
        k -= 1  # 农业产值91.9亿元,增长4.7%,林业产值6.5亿元: the sibling's own rate stands between
    if k < 0 or seg.sent[k] != seg.sent[j]:
        return False
    p, t = qs[k], qs[j]
    gap = OWN_RATE.sub("", text[p.end:t.start]) if k < j - 1 else text[p.end:t.start]
    return _sibling_gap(t, p, gap)


def _sibling_gap(a: Quantity, b: Quantity, gap: str) -> bool:
    """b is a's sibling across `gap`: of its kind and unit, not a range, one comma and a name apart, no total word."""
    return b.kind == a.kind and b.unit == a.unit and b.high is None \
        and SIBLING_GAP.fullmatch(gap) is not None and not TOTAL_WORD.search(gap)


def heads_siblings(text: str, qs: Sequence[Quantity], j: int, seg: Seg) -> bool:
    """qs[j] opens a list of siblings: the figure after it, in its sentence and unit, follows one comma and a
    name ending as qs[j]'s own does, as a member's name (lexicon sums.member_suffix): 人社类10件,公安类6件,
    工商类3件,林业类3件,土地类5件 is no 10 = 3 + 5 + 2 of those after it."""
    k = j + 1
    if k >= len(qs) or seg.sent[k] != seg.sent[j]:
        return False
    t, n = qs[j], qs[k]
    gap = text[t.end:n.start]
    if not _sibling_gap(t, n, gap):
        return False
    own = text[max(0, t.start - 4):t.start]
    return any(own.endswith(w) and gap.endswith(w) for w in _member_suffix())


@cache
def _member_suffix() -> tuple[str, ...]:
    return tuple(claim_words()("sums.member_suffix"))


SIBLING_GAP = re.compile(r"[，,、；;][\u4e00-\u9fff“”（）()]{1,16}")
#: a clause that only states the figure before it's rate (，比上年增长4.7%), taken out of the gap between siblings
OWN_RATE = re.compile(r"[，,][\u4e00-\u9fff]{0,8}-?\d+(?:\.\d+)?%")


def rounded(q: Quantity) -> bool:
    """30余家, 约100人: a figure its qualifier rounds (达 states the figure itself)."""
    from auditor.verify_base import _bound

    return _bound(q) == "approx"


def bounded(q: Quantity) -> bool:
    """以上, 超过, 不足: a bound, not a figure that adds up (达 states the figure; 多 and 约 round it)."""
    from auditor.verify_base import _bound

    return _bound(q) in ("lower", "upper")


#: clause breaks from weakest to strongest; a sentence end (。) closes every list
BREAKS = "、，,；;"
STRENGTH = {"、": 1, "，": 2, ",": 2, "；": 3, ";": 3}


def _gap_strength(gap: str) -> int:
    """The strongest break in the words between two figures (9 for a sentence end)."""
    if any(c in gap for c in "。！？!?\n"):
        return 9
    return max((STRENGTH[c] for c in gap if c in STRENGTH), default=0)


def list_goes_on(text: str, qs: Sequence[Quantity], run: Sequence[int], cands: Sequence[int], seg: Seg) -> bool:
    """Does the list the run is taken from go on, in its sentence, past the run's last figure?

    受理15件。维持5件；撤销6件；撤回2件；责令重作2件；终止2件；移送1件: 5 + 6 + 2 + 2 = 15 stops at the
    fourth of six items joined alike, so it adds up by chance. The list goes on when the next candidate
    stands in the last part's sentence and no stronger break parts it from that part than parts the
    run's own figures from one another: a semicolon, for items of a list.
    """
    if len(run) < 2:
        return False
    last = run[-1]
    later = [k for k in cands if k > last]
    if not later or seg.sent[later[0]] != seg.sent[last]:
        return False
    if qs[later[0]].value == 0:
        return False  # 二审上诉0件: an empty item closes nothing and adds nothing
    inner = min(_gap_strength(text[qs[a].end:qs[b].start]) for a, b in zip(run, run[1:], strict=False))
    # only a list of items each closed by a semicolon: commas also join a total's further figures
    # (受理280件，审结170件) and a breakdown's own parts
    return inner == STRENGTH["；"] and _gap_strength(text[qs[last].end:qs[later[0]].start]) == inner


#: the words after a figure that announce its own parts (…70045亩,其中…), allowing the figure's own rate
#: clause first (贷款余额2287亿元，增长24.1%，其中…)
_OWN_PARTS = re.compile(r"(?:[,，、][^,，、；;。:：\d]{0,8}-?\d+(?:\.\d+)?(?:%|个百分点))?"
                        r"[)）]?[,，:：]?\s*(?:其中|包括)")


def heads_own_list(text: str, p: Quantity, semi: bool) -> bool:
    """任务7万亩,其中A 2万亩;实际完成70045亩,其中…: past a ；, a figure that announces parts of its own is
    another total, not one more part of the list before it; so is 存款余额X，其中住户存款Y，增长12.3%；
    贷款余额Z，增长24.1%，其中中长期贷款W (the rate of its own change may stand before its 其中)."""
    return semi and _OWN_PARTS.match(text, p.end) is not None


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def named_for_another(part_label: str, total_label: str, other_labels: Sequence[str]) -> bool:
    """资产总额30万亿元,负债总额9.5万亿元,净资产20.5万亿元。其中,行政单位资产总额8.9万亿元: the part names
    the metric (资产总额) of another figure before the one 其中 follows, and not that one's: 其中 breaks down
    that other figure, so the one next to it is no total of these parts."""
    own = _common_suffix(part_label, total_label)
    return any(_common_suffix(part_label, o) >= max(3, own + 2) for o in other_labels)


def listed_near(text: str, t: Quantity, run: Sequence[Quantity]) -> bool:
    """粮作中,玉米35.6万亩、大豆16.1万亩、高粱1万亩…: a figure joined to the next by 、 is a member of a list;
    that its followers come within rounding of it is chance, unless they add up to it exactly."""
    return text[t.end:t.end + 1] == "、" and sum((Fraction(x.value) for x in run), Fraction(0)) != Fraction(t.value)


def compared_old(qs: Sequence[Quantity], k: int) -> bool:
    """比上年决算数14.94亿元增长3.0%: the value a growth rate right after it compares with, no part of a 合计."""
    nxt = qs[k + 1] if k + 1 < len(qs) else None
    return frame(qs[k]).role == "prior" and nxt is not None and frame(nxt).role == "growth" \
        and frame(nxt).item == frame(qs[k]).item


def odd_noun(total_label: str, part_labels: Sequence[str]) -> bool:
    """审计发现问题82个,已整改问题38个,采纳审计建议10个,正在整改问题21个,移送问题13个: where the parts of a run
    found by their sum name the total's noun (问题) but one does not, that one counts another thing and the
    run adds up by chance."""
    noun = total_label[-2:]
    if len(noun) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in noun):
        return False
    having = sum(noun in lab for lab in part_labels)
    return having >= 2 and having < len(part_labels)


def sum_of_earlier(qs: Sequence[Quantity], j: int, parts: Sequence[int], seg: Seg) -> bool:
    """资产总额33.5万亿元,负债9.9万亿元,净资产23.6万亿元。其中,行政单位资产10.1万亿元,事业单位资产23.4万亿元:
    parts that exceed the figure 其中 follows but add up, within rounding, to an earlier figure of its
    sentence break that earlier one down; the figure next to 其中 is no total of theirs.

    So do the first two or more of them (共收到留言500条,部门收到300条,县区收到200条,其中咨询类260条、投诉类230条、
    建言类10条,处理答复498条…): the list runs on into another classification of the earlier total, and
    neither reading makes the figure next to 其中 the sum of the whole run."""
    t = qs[j]
    tv = Fraction(t.value)
    earlier = [(Fraction(qs[x].value), qs[x].half_ulp) for x in range(max(sentence_first(seg, j), j - WINDOW_MAX), j)
               if qs[x].kind == t.kind and same_unit(qs[x], t) and qs[x].high is None]
    if not earlier:
        return False
    run, slack = Fraction(0), Fraction(0)
    for n, x in enumerate(parts):
        run += Fraction(qs[x].value)
        slack += qs[x].half_ulp
        if (n >= 1 or n == len(parts) - 1) and run > tv and any(abs(run - v) <= slack + ulp for v, ulp in earlier):
            return True
    return False


def earlier_total_holds(text: str, qs: Sequence[Quantity], j: int, parts: Sequence[int], seg: Seg,
                        sent_start: int) -> bool:
    """共收到留言500条,部门收到300条,县区收到200条,其中咨询类260条、投诉类230条: parts that exceed the figure
    其中 follows fit under the sentence's marked total (共, 合计, 总): 其中 may break either down, and
    only one of the two readings finds the parts too many; the text does not say which it means."""
    t = qs[j]
    run = sum((Fraction(qs[x].value) for x in parts), Fraction(0))
    if run <= Fraction(t.value):
        return False
    noun = label_before(text, t, 0).strip()[-2:]
    if len(noun) == 2 and label_before(text, qs[parts[0]], 0).endswith(noun):
        return False  # 净资产205亿元,其中经营性净资产150亿元: parts named for the figure itself are its own
    for x in range(max(sentence_first(seg, j), j - WINDOW_MAX), j):  # (bounded: a run-on sentence of figures)
        e = qs[x]
        if e.kind == t.kind and same_unit(e, t) and e.high is None and frame(e).role == "level" \
                and Fraction(e.value) >= run:
            lab = label_before(text, e, sent_start)
            if TOTAL_WORD.search(lab) or TOTAL_MARK.search(lab):
                return True
    return False


def closes_list(text: str, qs: Sequence[Quantity], j: int, seg: Seg, after: str) -> bool:
    """Does the figure before a 其中 that opens a new sentence close a list of its siblings?

    (电话诉求41424件、非电话诉求5229件）。其中… and 撤销48件，确认违法150件。其中…: the parts after 其中 may
    break down the whole the list divides, not its last member; which one is not for the text to say.
    """
    t = qs[j]
    if frame(t).aside and re.match(r"[)）]", after):
        return True
    if not re.match(r"[)）]?[。；;]", after):
        return False
    lab = label_before(text, t, 0)
    if TOTAL_WORD.search(lab) or TOTAL_MARK.search(lab):
        return False  # …地方九个，共计三十个。其中: a figure marked as the total closes no list of its parts
    k = j - 1
    while k >= 0 and qs[k].kind == "percent" and seg.sent[k] == seg.sent[j]:
        k -= 1  # 投诉类86件，占31%；建议类12件，占4%。其中: the shares between the figures
    if k < 0 or seg.sent[k] != seg.sent[j]:
        return False
    p = qs[k]
    between = text[p.end:t.start]
    return p.kind == t.kind and same_unit(p, t) and frame(p).role == "level" and not frame(p).aside \
        and bool(re.search(r"[、，,；;]", between)) and "其中" not in between
