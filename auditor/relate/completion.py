"""Completion ratios against a target named in their own phrase: `实际到位资金710820万元,…,完成全年60亿目标任务的
118.47%` (710820万 / 60亿) and `到位资金为386420万元,…,完成市政府下达考核目标任务的(91500万元)的422.32%`;
and completions of a budget the sentence gives by its gap:
`支出总计1286.40万元,…;完成年初预算100%,决算数大于预算数42.15万元` (1286.40/(1286.40−42.15)).

The target is the one amount printed between 完成 and 的; the actual is the nearest amount before
the phrase in its sentence. Completion may exceed 100%. Confirmed only: the actual may be another
figure of the item the words do not single out.

A bare completion ratio (`年度投资计划17.68亿元,1-5月完成投资4.28亿元,完成率24.25%`) is the actual before it
over the one plan figure of its sentence, confirmed only; with no such plan it is not recomputed
(never over a total of another metric: 总投资178.7亿元 is not the year's plan).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, same_unit
from auditor.relate.link import frame


@cache
def _phrase() -> re.Pattern[str]:
    w = claim_words()
    return re.compile(rf"完成([^，,。；;]{{0,30}}?(?:{w.alternation('plan.words')}|任务)[^，,。；;]{{0,12}}?)的\s*$")


def completion_rate(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    q = qs[i]
    if q.kind != "percent" or q.unit != "%":
        return None
    cs = seg.clause_start[seg.clause[i]]
    m = _phrase().search(text, cs, q.start)
    if m is None:
        return None
    inside = [k for k in range(i - 1, max(-1, i - 4), -1) if qs[k].start >= m.start() and qs[k].end <= q.start]
    if len(inside) != 1 or not _amount(qs[inside[0]]):
        return None
    t = inside[0]
    actual = None
    for k in range(t - 1, max(-1, t - 12), -1):
        if seg.sent[k] != seg.sent[i]:
            break
        c = qs[k]
        if c.kind == "money" and frame(c).role == "level" and not frame(c).plan and not frame(c).aside \
                and c.high is None:
            actual = k
            break
    if actual is None:
        return None
    a, w = qs[actual], qs[t]
    return Relation("rate", q, m.start(), q.end, parts=(a,), whole=(w,), alternatives=(((a,), (w,)),),
                    extra={"link": f"完成{m.group(1)}: the target in the phrase, the amount before it",
                           "listed": "1", "near": "0", "direct": "0", "stem": ""})


def _amount(q: Quantity) -> bool:
    """A money figure, or a bare amount with a large scale (80亿): a target of money."""
    return q.high is None and (q.kind == "money" or q.kind == "number" and not q.unit
                               and (q.scale >= 10**4 or q.text.rstrip().endswith(("万", "亿", "萬", "億"))))


@cache
def _ratio_word() -> re.Pattern[str]:
    return re.compile(rf"(?:{claim_words().alternation('rate.completion')})(?:为|是|达到|达|约)?\s*$")


def plan_completion(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    """完成率24.25% after the plan and the actual of its sentence: actual / plan, confirmed only."""
    q = qs[i]
    if q.kind != "percent" or q.unit != "%":
        return None
    cs = seg.clause_start[seg.clause[i]]
    m = _ratio_word().search(text, cs, q.start)
    if m is None:
        return None
    bare = Relation("rate", q, m.start(), q.end)  # not recomputed: the words name no operands here
    actual = None
    for k in range(i - 1, max(-1, i - 8), -1):
        if seg.sent[k] != seg.sent[i]:
            break
        c = qs[k]
        if c.kind in ("money", "measure", "count") and frame(c).role == "level" and c.high is None:
            if frame(c).plan:
                break  # the nearest figure is the plan: no actual of its own
            actual = k
            break
    if actual is None:
        return bare
    a = qs[actual]
    plans = [k for k in range(actual - 1, max(-1, actual - 8), -1) if seg.sent[k] == seg.sent[i]
             and frame(qs[k]).plan and frame(qs[k]).role == "level" and same_unit(qs[k], a) and qs[k].high is None]
    if len(plans) != 1:
        return bare
    w = qs[plans[0]]
    return Relation("rate", q, m.start(), q.end, parts=(a,), whole=(w,), alternatives=(((a,), (w,)),),
                    extra={"link": "completion ratio: the actual over the one plan figure of its sentence",
                           "listed": "1", "near": "0", "direct": "0", "stem": ""})


def _gap_words() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    w = claim_words()
    lead = re.compile(rf"完成(?:{w.alternation('budget.completion')})数?的?\s*$")
    gap = re.compile(rf"\s*[,，;；]?\s*(?:{w.alternation('budget.actual')})"
                     rf"({w.alternation('budget.more')}|{w.alternation('budget.less')})"
                     rf"(?:{w.alternation('budget.budget')})\s*$")
    return lead, gap, frozenset(w("budget.more"))


def budget_gap(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    """完成年初预算100%，决算数大于预算数55.93万元: the budget is the actual less the gap (plus, for 小于).

    The actual is the nearest amount before the percent in its sentence that is a level and no plan; the
    gap is the amount straight after the comparison, in the next clause of the sentence. The claim may
    be accused: the two amounts and the percent are one statement of the same budget.
    """
    lead, gap, more = _gap_words()
    q = qs[i]
    if q.kind != "percent" or q.unit != "%" or i + 1 >= len(qs):
        return None
    cs = seg.clause_start[seg.clause[i]]
    if lead.search(text, cs, q.start) is None:
        return None
    d = qs[i + 1]
    m = gap.fullmatch(text, q.end, d.start)
    if m is None or d.kind != "money" or seg.sent[i + 1] != seg.sent[i] or d.high is not None or d.value <= 0:
        return None
    # the actual: the nearest amount before the percent in its sentence that is a level (not the change 减少53.7万元)
    money = [k for k in range(i - 1, max(-1, i - 12), -1) if seg.sent[k] == seg.sent[i] and qs[k].kind == "money"
             and frame(qs[k]).role == "level"]
    if not money:
        return None
    a = qs[money[0]]
    f = frame(a)
    if f.plan or f.aside or a.high is not None or a.unit != d.unit:
        return None
    step = replace(d, value=-d.value if m.group(1) in more else d.value, text=d.text)
    return Relation("rate", q, text.rfind("完成", cs, q.start), d.end, parts=(a,), whole=(a, step), strong=True,
                    alternatives=(((a,), (a, step)),),
                    extra={"link": f"budget: {a.text} {m.group(1)} the budget by {d.text}", "direct": "1",
                           "near": "1", "unique": "1", "carried": "", "stem": "", "complementary": ""})
