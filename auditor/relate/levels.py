"""Changes between two levels of one item: differences, percentage points, compound rates over a span,
rates defined as differences (自然增长率) and completion ratios against the months gone (序时进度)."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from auditor.frames import patterns
from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import (
    CLAUSE_END,
    GROWTH_DOWN,
    INCREMENT,
    OLD_TAIL,
    WINDOW_MAX,
    Relation,
    Seg,
    growth_head,
    growth_start,
    label_before,
    same_unit,
)
from auditor.relate.breakdowns import breakdown_head
from auditor.relate.compared import peer_points
from auditor.relate.link import frame, is_level, same_plan
from auditor.relate.occurs import occurs
from auditor.relate.years import year_change


def unlinkable_growth(text: str, q: Quantity, sentence_start: int, item_start: int | None = None) -> bool:
    """Growth that the stated levels cannot recompute: real (按可比价格) or average annual (年均) growth.

    年均 anywhere in the item (平均每年增加42亿元，增长4.9%) makes its growth compound over a span.
    """
    w = claim_words()
    compound = text[item_start if item_start is not None else max(sentence_start, q.start - 8):q.start]
    return occurs(text, w("growth.real"), sentence_start, q.start) \
        or any(x in compound for x in w("growth.compound")) or any(x in compound for x in w("growth.real_metrics"))


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
    """十年共增加482.6万人,增长31.2%。平均每年…: the span (十年), the change and its rate of the sentence before.

    Only where the figure's sentence opens with an average word (平均每年, 年平均) and the sentence
    before states exactly one span of years straight before a change (N年共增加X).
    """
    w = claim_words()
    s = seg.sent[i]
    if not text[sent_start[s]:qs[i].start].lstrip().startswith(w("growth.compound")):
        return None
    # the sentence straight before (a line break may part them: …增长31.2%。\n平均每年增加…)
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
    """平均每年增加48.3万人 after 十年共增加482.6万人: the change over the span divided by its years."""
    found = _span_change(text, qs, i, seg, sent_start)
    q = qs[i]
    if found is None or not same_unit(qs[found[1]], q):
        return None
    span, change, _ = found
    return Relation("difference", q, growth_start(text, q), q.end, parts=(qs[change],), direction=1,
                    extra={"per_year": str(int(qs[span].value)),
                           "link": f"the change over {qs[span].text} in the sentence before"})


def _per_year_rate(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int]) -> Relation | None:
    """年平均增长率为2.8% after 十年…增长31.2%: (1 + 31.2%)^(1/10) - 1, compound."""
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


def _dir(word: str) -> int:
    return -1 if word in GROWTH_DOWN or word in ("减收", "少") else 1


def _item_before(seg: Seg, i: int) -> Iterator[int]:
    """Indexes of the figures before qs[i] in its item, nearest first (items are runs of figures)."""
    j = i - 1
    while j >= 0 and seg.item[j] == seg.item[i] and i - j <= 60:
        yield j
        j -= 1


YEAR_IN = re.compile(r"((?:19|20)\d\d)年")


def _difference(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int],
                before: str) -> Relation | None:
    """增加122篇 after the new value and the old one: new - old = 122."""
    q = qs[i]
    m = INCREMENT.search(before[-6:])
    if m is None:
        return None
    word = m.group(1)
    if word in ("多", "少") and not re.search(r"同比|较|比", before):
        return None
    direction = -1 if word in GROWTH_DOWN or word == "净减" else 1
    per_year = _per_year_change(text, qs, i, seg, sent_start) if direction > 0 else None
    if per_year is None and frame(q).role in ("change", "average"):
        per_year = year_change(text, qs, i, seg, sent_start[seg.sent[i]], direction)
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
        elif avg and frame(qs[j]).aside:
            continue  # 310起(日均10.3起),较上月的352起减少42起: the average in brackets qualifies the level
        elif new is None and old is not None or new is None and j < i - 1 and not avg:
            new = j
    if new is None and old is not None and text[max(0, qs[old].start - 1):qs[old].start] in ("由", "从"):
        # 由412件增加到500件,增加88件: the level after 增加到
        to = [j for j in same if old < j < i and patterns().to_level.search(text, qs[old].end, qs[j].start)
              and frame(qs[j]).role == "level"]
        new = to[0] if len(to) == 1 else None
    if new is None or old is None:
        return Relation("difference", q, q.start - len(m.group(0)), q.end, direction=direction)
    link, strong = "same item", True
    if new < old and (head := breakdown_head(text, qs, seg, new, i, label_before(text, q, 0, CLAUSE_END))):
        # 资金52610万元,其中:…教育项目13080万元,比报告数50100万元增加2510万元: the comparison after a part of
        # a breakdown is the total's where a bracket closed the breakdown; else the total's or the part's, the
        # text does not say: the total's reading may confirm it, neither accuses
        new, strong = head[0], head[1]
        link = "the total of the breakdown before the comparison"
    nq, oq = qs[new], qs[old]
    return Relation("difference", q, min(oq.start, q.start - len(m.group(0))), q.end, parts=(nq,), whole=(oq,),
                    direction=direction, strong=strong, extra={"link": link})


@cache
def _comparing_bi() -> str:
    """比 as a comparison (比上年的59.70%), not inside a rate word (比例, 比重, 占比 of 优良天数比例为80.8%)."""
    words = [w for w in claim_words()("rate.words") if "比" in w]
    behind = "".join(f"(?<!{re.escape(w[:w.index('比')])})" for w in words if w.index("比"))
    ahead = "|".join(re.escape(w[w.index("比") + 1:]) for w in words if w[w.index("比") + 1:])
    return f"{behind}比" + (f"(?!{ahead})" if ahead else "")


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
        elif re.search(rf"({_comparing_bi()}|较|高于|低于)[^，,。；;]{{0,12}}$", before_b):
            new, old = a, b  # A%, 比上年的B%高出X个百分点
        if new is not None and old is not None:
            return Relation("points", q, growth_start(text, q), q.end, parts=(new,), whole=(old,),
                            extra={"link": "same item: old and new rate"},
                            direction=-1 if down else 1, strong=True)
    peer = peer_points(text, qs, i, seg, sent_start[seg.sent[i]])
    if peer is not None:
        return peer
    return Relation("points", q, growth_start(text, q), q.end, direction=-1 if down else 1)


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
    """超进度43.47% after 完成…目标任务的118.47%: the ratio minus the months gone (9/12), in points."""
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

