"""Averages: `人均结案187件`, `平均每件标的额18.4万元` (a total over a count in another unit), and averages per
day: `2025年第一季度，话务总数为20693个，日均230个` (20693 / 90 days).

For an average per day the total is a level of the average's unit in its sentence or the next, of its
subject or marked as a total (_shares_word); the days are a count of days stated beside them (这五天) or the days
of the period the paragraph opens with: a span of dates (9月3日至7日: 5 days), a quarter, a half
year, a month or months of a year (a year not stated gives both a common and a leap year). Only
ever confirmed: reports also average over working days or a period the text does not give.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from decimal import Decimal
from functools import cache

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import TOTAL_MARK, Relation, Seg
from auditor.relate.link import COMMON, frame, grams

BACK = 300  # characters back from the average to the period that opens its paragraph
CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
YEAR = r"(?:(\d{4})年)?"
QUARTER = re.compile(YEAR + r"第?([一二三四1-4])季度")
HALF = re.compile(YEAR + r"([上下])半年")
MONTHS = re.compile(YEAR + r"(?:(\d{1,2})\s*[-—－~～至到]\s*)?(\d{1,2})月(?:份)?(?!\d{1,2}日|\d)")


PER_UNIT = re.compile(
    r"(人均|户均|日均|月均|件均|场均|平均每[\u4e00-\u9fff]{0,4}?|平均)[\u4e00-\u9fff]{0,8}?(?:为|达到|达|约)?$")


#: the names a clause lists before a count of them: 甲市、乙市、丙市3个
NAMES_BEFORE = re.compile(r"(?:^|[，,。；;：:\n])([^，,。；;：:\n]*)$")


def counts_names(text: str, c: Quantity) -> bool:
    """甲市、乙市、丙市3个市法院: the count is how many names the clause lists just before it, no divisor."""
    m = NAMES_BEFORE.search(text, max(0, c.start - 80), c.start)
    lead = m.group(1) if m else ""
    n = lead.count("、") + 1
    return n >= 2 and c.value == n and bool(lead) and "\u4e00" <= lead[-1] <= "\u9fff"


def _average(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    """人均结案187件, 平均每件标的额18.4万元: a total in the claim's unit over a count in another unit.

    Only ever confirmed: the divisor is often implied (days in a quarter), so a miss stays quiet.
    """
    q = qs[i]
    near = [j for j in range(max(0, i - 12), min(len(qs), i + 4)) if j != i and seg.para[j] == seg.para[i]
            and abs(seg.sent[j] - seg.sent[i]) <= 2 and qs[j].high is None]
    # the total measures what the average does (审结案件 … 人均结案): a shared content word links them;
    # the divisor is a count stated beside the total or the average, never any figure that happens to fit
    totals = [j for j in near if qs[j].unit == q.unit and qs[j].kind == q.kind and qs[j].value > q.value
              and frame(qs[j]).role == "level" and _shares_word(qs[j], q)]
    counts = [j for j in near if qs[j].kind == "count" and qs[j].unit != q.unit and qs[j].value > 0
              and frame(qs[j]).role == "level" and qs[j].unit not in TIME_COUNTS and not counts_names(text, qs[j])
              and any(seg.sent[j] in (seg.sent[t], seg.sent[i]) for t in totals)]
    alts = tuple(((qs[t],), (qs[c],)) for t in totals for c in counts)
    if not alts:
        return None
    return Relation("rate", q, q.start, q.end, alternatives=alts,
                    extra={"per": "1", "link": "total of the same subject over a count beside it"})


TIME_COUNTS = frozenset(claim_words()("sums.time_units"))


def _shares_word(total: Quantity, avg: Quantity) -> bool:
    """The total names the average's subject, or is marked as the whole (全年受理案件 … 人均结案)."""
    a, b = frame(total).subject, frame(avg).subject
    return bool((grams(a) & grams(b)) - COMMON) or bool(TOTAL_MARK.search(a))


@cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = claim_words()
    per_day = re.compile(rf"(?:{w.alternation('rate.per_day')})[\u4e00-\u9fff]{{0,8}}?(?:为|达到|达|约)?$")
    span = re.compile(YEAR + rf"(\d{{1,2}})月(\d{{1,2}})日?\s*(?:{w.alternation('rate.date_span')})\s*"
                      r"(?:(\d{1,2})月)?(\d{1,2})日")
    return per_day, span


def daily_average(text: str, qs: Sequence[Quantity], i: int, seg: Seg, before: str) -> Relation | None:
    per_day, _ = _words()
    q = qs[i]
    if per_day.search(before) is None or frame(q).role != "average":
        return None
    near = [j for j in range(max(0, i - 12), min(len(qs), i + 6)) if j != i and seg.para[j] == seg.para[i]
            and abs(seg.sent[j] - seg.sent[i]) <= 1 and qs[j].high is None]
    totals = [j for j in near if qs[j].unit == q.unit and qs[j].kind == q.kind and qs[j].value > q.value
              and frame(qs[j]).role == "level" and not frame(qs[j]).plan and _shares_word(qs[j], q)]
    if not totals:
        return None
    # 这五天的话务总量为12394个: a count of days in the total's clause (or the average's) is their period
    clauses = {seg.clause[t] for t in totals} | {seg.clause[i]}
    days = [qs[j] for j in near if qs[j].unit == "天" and qs[j].value > 0 and seg.clause[j] in clauses]
    days += _period_days(text, q)
    alts = tuple(((qs[t],), (d,)) for t in totals for d in days)
    if not alts:
        return None
    return Relation("rate", q, q.start, q.end, alternatives=alts,
                    extra={"per": "1", "link": "total of the same subject over the days of its period"})


def _period_days(text: str, q: Quantity) -> list[Quantity]:
    """The days of the last period named before the average in its paragraph, as counts of days."""
    lo = max(text.rfind("\n", 0, q.start) + 1, q.start - BACK)
    _, span = _words()
    found: list[tuple[int, int, list[int]]] = []
    for m in span.finditer(text, lo, q.start):
        found.append((m.start(), m.end(), _span_days(m)))
    for m in QUARTER.finditer(text, lo, q.start):
        k = int(m.group(2)) if m.group(2).isdigit() else CN[m.group(2)]
        found.append((m.start(), m.end(), _months_days(m.group(1), 3 * k - 2, 3 * k)))
    for m in HALF.finditer(text, lo, q.start):
        first = 1 if m.group(2) == "上" else 7
        found.append((m.start(), m.end(), _months_days(m.group(1), first, first + 5)))
    for m in MONTHS.finditer(text, lo, q.start):
        a, b = m.group(2), int(m.group(3))
        if 1 <= b <= 12 and (a is None or 1 <= int(a) <= b):
            found.append((m.start(), m.end(), _months_days(m.group(1), int(a) if a else b, b)))
    if not found:
        return []
    s, e, ns = max(found, key=lambda f: (f[1], f[1] - f[0]))  # the nearest, the longest of those ending there
    return [Quantity(s, e, f"{n}天", Decimal(n), "天", "count") for n in sorted(set(ns)) if n > 0]


def _months_days(year: str | None, first: int, last: int) -> list[int]:
    years = [int(year)] if year else [2023, 2024]  # a common and a leap year
    return [sum(calendar.monthrange(y, m)[1] for m in range(first, last + 1)) for y in years]


def _span_days(m: re.Match[str]) -> list[int]:
    """9月3日至7日 -> 5: both ends counted."""
    import datetime

    m1, d1 = int(m.group(2)), int(m.group(3))
    m2 = int(m.group(4)) if m.group(4) else m1
    d2 = int(m.group(5))
    years = [int(m.group(1))] if m.group(1) else [2023, 2024]
    out = []
    for y in years:
        try:
            n = (datetime.date(y, m2, d2) - datetime.date(y, m1, d1)).days + 1
        except ValueError:
            continue
        if 0 < n <= 366:
            out.append(n)
    return out
