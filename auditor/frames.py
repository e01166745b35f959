"""Frames: what each figure measures (subject), what it is (role), when (period), and its item.

Reports are built from parallel items (`钢材产量1200万吨，增加50万吨；水泥产量800万吨，增加30万吨`):
an item is a clause that names a subject, with the clauses after it that only add to it (a
change, a growth rate, a share, a bracketed prior value). A claim's operands come from its own
item or from an explicit link (relate/link.py); a figure's frame is what linking compares.

Roles: level, change (an amount of change: 增加50万吨), growth (a growth rate), rate, share,
points, multiple, prior (the value of an earlier period or a comparison base), average
(人均, 平均每, 年均), attribute (a figure that describes a noun: 30万元以上的自然村).
`plan` marks targets, plans and budgets; `period` is the year, `prior`,
`current` or `span` the text gives; `base` is the whole a share names (占全省的 -> 全省).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from sys import intern

import msgspec
from msgspec.structs import replace

from auditor.lexicon import claim_words, lexicon
from auditor.model import Frame, Quantity
from auditor.segment import Segments, segment

CJK = re.compile(r"[\u4e00-\u9fff]")


class _Patterns(msgspec.Struct, frozen=True):
    """The patterns frames are read with, built from the claim words."""

    change_tail: re.Pattern[str]
    growth_tail: re.Pattern[str]
    to_level: re.Pattern[str]
    rate_tail: re.Pattern[str]
    share: re.Pattern[str]
    old_tail: re.Pattern[str]
    average: re.Pattern[str]
    plan: re.Pattern[str]
    prior: re.Pattern[str]
    current: re.Pattern[str]
    span: re.Pattern[str]
    continues: re.Pattern[str]
    openers: re.Pattern[str]
    verbs: re.Pattern[str]
    base: re.Pattern[str]
    plan_head: re.Pattern[str]
    growth_rate: re.Pattern[str]
    growth_end: re.Pattern[str]


@cache
def patterns() -> _Patterns:
    w = claim_words()
    growth = f"{w.alternation('growth.up')}|{w.alternation('growth.down')}"
    bounds = lexicon().bounding_before()  # 增加将近30万人: a qualifier between the word and the figure
    return _Patterns(
        change_tail=re.compile(rf"(?:{w.alternation('growth.amount')})了?(?:{bounds})?$"),
        growth_tail=re.compile(rf"(?:{growth})了?(?:为|率为|率|达|达到|约|近|超过|超)?[^\d，,。；;、]{{0,2}}$"),
        to_level=re.compile(rf"(?:{growth})(?:{w.alternation('growth.to_level')})[^\d，,。；;]{{0,2}}$"),
        rate_tail=re.compile(rf"(?:{w.alternation('rate.words')})[^，,。；;\d]{{0,4}}$"),
        share=re.compile(w.alternation("rate.share")),
        old_tail=re.compile(rf"(?:(?:{w.guarded('old.markers', 'period.compounds')})[^，,。；;\d]{{0,12}}?|[（(])$"),
        average=re.compile(w.alternation("average.words")),
        plan=re.compile(w.alternation("plan.words")),
        prior=re.compile(w.guarded("period.prior", "period.compounds")),
        current=re.compile(w.alternation("period.current")),
        span=re.compile(w.alternation("period.span")),
        continues=re.compile(rf"^\s*(?!{w.alternation('item.continues_not')})(?:{w.alternation('item.continues')})"),
        openers=re.compile(rf"^(?:{w.alternation('item.openers')})+"),
        verbs=re.compile(rf"(?:{w.alternation('item.verbs')})+$"),
        growth_rate=re.compile(rf"(?:{growth})率"),
        plan_head=re.compile(rf"^(?:{w.alternation('plan.words')})+[是为]?"),
        growth_end=re.compile(rf"(?:同比|环比|比上年|比去年|较上年|较去年)?(?:{growth})+$"),
        base=re.compile(r"占([\u4e00-\u9fff]{1,12}?)(?:总数|总量|总额|比重|比例)?(?:的|之)"),
    )


SENT_HEAD = re.compile(r"[^，,；;：:]*[：:]")
#: a figure's sentence words are read at most this far back (reports' figures sit within ~450 characters)
SENTENCE_REACH = 800
#: 较 as a degree word (较大事故, 较多), not a comparison: removed before looking for an old-value marker
RELATIVE = re.compile(r"较(?=[大小多少高低重轻快慢好差为])")
#: what follows the old value of 由A增加到B / 从A提高至B
FROM_TO = re.compile(r"[^，,。；;]{0,14}?(?:到|至|为)")
ATTRIBUTE = re.compile(r"(?:以上|以下|及以上|左右)?的(?![一-龥]{0,2}[，,。；;])")
#: a comparison frame closed before the figure (与2018年相比12.6万元)
CLOSED_FRAME = re.compile(r"相[比较]\s*[，,]?\s*$")
#: an amount taken out of a figure (剔除不可比一次性收入1.20亿元后): no level of the subject, nor a prior
EXCLUDED = re.compile(r"(?:剔除|扣除|除去|扣减)[^，,。；;：:]{0,14}$")
PLAN_BASE = re.compile(r"(?:占|完成)[^，,。；;]{0,6}$")
ASIDE = re.compile(r"[（(][^（()）]{0,160}[）)]")
YEAR = re.compile(r"((?:19|20)\d\d)年(?![度底末]?[\d-])")
#: a growth word straight before a figure that is stated as "by how much" (增长5%), not "to" (增长到)
NON_WORD = re.compile(r"[\d.．%％]+")


def frames(text: str, quantities: Sequence[Quantity], seg: Segments | None = None) -> tuple[Quantity, ...]:
    """Each quantity with its frame; look-alikes (years, dates, codes) are returned unchanged."""
    seg = seg or segment(text)
    p = patterns()
    out: list[Quantity] = []
    item = -1
    item_subject = ""
    last_clause = -2
    last_sentence = -1
    last_paragraph = -1
    item_plan = False
    prev_end_in_clause: dict[int, int] = {}
    head_sentence, head_plan = -2, False
    head_m: re.Match[str] | None = None
    for q in quantities:
        if not q.is_quantity:
            out.append(q)
            continue
        ci = seg.clause_of(q.start)
        clause = seg.clauses[ci] if ci >= 0 else None
        c0 = clause.start if clause is not None else 0
        si = seg.sentence_of(q.start)
        pi = seg.paragraph_of(q.start)
        s0 = seg.sentences[si] if si >= 0 else 0
        lab_start = max(c0, prev_end_in_clause.get(ci, c0))
        label = text[lab_start:q.start]
        opening = text[c0:q.start]
        if ci != last_clause:
            new_item = _opens_item(text, seg, ci, si, last_sentence, last_paragraph, pi, opening, p)
            if new_item:
                item += 1
                item_subject = ""
                item_plan = False
            last_clause = ci
        last_sentence = si
        last_paragraph = pi
        prev_end_in_clause[ci] = q.end
        role = _role(text, q, label, opening, p)
        last = out[-1] if out and out[-1].frame is not None else None
        if role == "level" and last is not None and last.frame is not None and last.frame.role == "change" \
                and last.end == q.start and last.unit != q.unit:
            role = "change"  # 同比减少2起5人: the bare figure straight after a change is one more change
        aside = bool(clause and clause.aside)
        sw = max(s0, q.start - SENTENCE_REACH)  # linear: a sentence's words this far before the figure
        sent_text = ASIDE.sub(lambda m: "\u3000" * len(m.group(0)), text[sw:q.start]) if not aside else text[sw:q.start]
        period = _period(text[c0:q.start], sent_text, p)
        if aside and role == "level" and (YEAR.search(opening) or p.prior.search(opening)):
            role = "prior"  # 412件（2022年355件）: the bracketed value of an earlier period
        if role in ("change", "growth", "points") and period == "prior":
            period = _period("", sent_text, p)  # 比上年增加: the change is this period's
        subject = _subject(label, p)
        if not subject:
            subject = item_subject
        elif not item_subject and role not in ("change", "growth", "points"):
            item_subject = subject
        # a target: plan words in the figure's clause, in its item, or heading its sentence (主要预期目标是：…)
        if si != head_sentence:  # linear: the sentence's head (up to its first separator) is found once
            head_sentence = si
            end = seg.sentences[si + 1] if 0 <= si < len(seg.sentences) - 1 else len(text)
            head_m = SENT_HEAD.match(text, s0, end)
            head_plan = bool(head_m and p.plan.search(head_m.group(0)))
        pm = p.plan.search(opening)
        headed = bool(head_m and head_m.end() <= q.start and head_plan)
        plan = item_plan or bool(pm) or headed
        # 占年初预算数…的56.3%, 完成年初预算的61.8%: the plan is the base of a share; the item stays an actual
        item_plan = item_plan or headed or bool(pm and not PLAN_BASE.search(opening, 0, pm.start()))
        bm = p.base.search(opening) if role == "share" else None
        frame = Frame(subject=intern(subject), role=role, period=intern(period), plan=plan,
                      base=intern(bm.group(1)) if bm else "",
                      item=item, clause=ci, sentence=si, paragraph=pi, aside=aside)
        out.append(replace(q, frame=frame))
    return tuple(out)


def _opens_item(text: str, seg: Segments, ci: int, si: int, last_sentence: int, last_paragraph: int, pi: int,
                opening: str, p: _Patterns) -> bool:
    if ci < 0 or pi != last_paragraph:
        return True
    if si != last_sentence:
        # a sentence that opens with 比去年同期增加… goes on about the item before it
        return not (p.continues.search(opening) and not p.plan.search(opening))
    clause = seg.clauses[ci]
    if clause.aside:
        return False
    if clause.sep in "；;":
        return True
    if opening.lstrip().startswith(("其中", "包括")):
        return True
    body = NON_WORD.sub("", opening).strip()
    if not CJK.search(body):
        return False  # 1200万吨，50万吨: a bare figure adds to the item
    return not p.continues.search(opening)


def _role(text: str, q: Quantity, label: str, opening: str, p: _Patterns) -> str:
    tail = label[-14:]
    after = text[q.end:q.end + 2]
    if q.kind == "points":
        return "points"
    if q.kind == "percent" and ATTRIBUTE.match(text, q.end) and not p.share.search(text[q.end:q.end + 3]):
        return "attribute"  # 占比超过5%的有27种: a threshold that sorts the items, not a share of them
    if q.kind == "multiple" or after.startswith("倍"):
        return "multiple"
    if q.kind != "percent" and p.average.search(tail) and not p.share.search(tail[-3:]):
        return "average"
    if q.kind == "percent" or (q.kind == "number" and p.rate_tail.search(tail)):
        if p.to_level.search(tail):
            return "rate"
        if p.growth_tail.search(tail) and (not p.rate_tail.search(tail[-6:]) or p.growth_rate.search(tail[-8:])):
            return "growth"
        if p.share.search(tail):
            return "share"
        if p.old_tail.search(tail):
            return "prior"  # 比今年一季度平均接通率96.47%: the rate of the period compared with
        return "rate"
    if ATTRIBUTE.match(text, q.end):
        return "attribute"  # 收入30万元以上的自然村: a threshold that describes a noun, not an amount of it
    if EXCLUDED.search(tail):
        return "attribute"  # 剔除一次性收入1.20亿元后,增长0.02%: the amount set aside, not a level
    if p.to_level.search(tail):
        return "level"
    if p.change_tail.search(tail):
        return "change"
    old = p.old_tail.search(RELATIVE.sub("", tail))
    if old and old.group(0)[0] in "由从" and not FROM_TO.match(text, q.end):
        old = None  # 由法院法官调解10883件: 由 names who did it; only 由A增加到B gives an old value
    if old and CLOSED_FRAME.search(tail):
        old = None  # 与2018年相比12.6万元: the value compared with stands inside the frame (与…的52.2万元相比)
    if old or (tail.endswith(("由", "从")) and FROM_TO.match(text, q.end)):
        return "prior"
    if p.prior.search(tail[-8:]) and not p.current.search(tail[-8:]):
        return "prior"
    return "level"


def _subject(label: str, p: _Patterns) -> str:
    """The words a figure measures: 全年钢材产量达到 -> 钢材产量."""
    s = YEAR.sub("", label)
    s = NON_WORD.sub("", s)
    s = re.sub(r"^[\s\W\d]+|[\s\W]+$", "", s)
    s = p.openers.sub("", s)
    s = p.plan_head.sub("", s)
    s = p.verbs.sub("", s)
    s = p.growth_end.sub("", s)
    s = p.verbs.sub("", s)
    s = re.sub(r"^(?:(?:19|20)\d\d年|上年|去年|今年|本年|同期)+", "", s)
    if p.continues.search(s) and len(s) <= 6:
        return ""
    return s[-16:]


def _period(clause_before: str, sentence_before: str, p: _Patterns) -> str:
    years = YEAR.findall(clause_before)
    if years:
        return years[-1]
    tail = clause_before[-10:]
    if p.prior.search(tail):
        return "prior"
    if p.span.search(sentence_before):
        return "span"
    years = YEAR.findall(sentence_before)
    if years:
        return years[-1]
    if p.current.search(sentence_before):
        return "current"
    return ""
