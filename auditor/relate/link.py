"""The link policy: which figures may stand as a claim's operands, and why.

Pairing is the auditor's judgement, so it lives here, in one small module. Distance alone
never links two figures: an operand comes from the claim's own item (frames.py), or from an
explicit link (a total marked 共/合计, a 其中 list, the same subject, a bracketed prior value).
A change amount is never a level; a plan, target or budget is never an actual; an average is
never a part or a total. Each link returns the reason the claim reports (`"link"` in JSON).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from auditor.lexicon import claim_words
from auditor.model import Frame, Quantity
from auditor.relate.base import CJK, WINDOW_MAX, same_unit

#: roles a figure may have to stand as a level (a part, a whole, a new or an old value)
LEVELS = frozenset({"level", "prior"})
NO_FRAME = Frame()


def frame(q: Quantity) -> Frame:
    return q.frame or NO_FRAME


def same_plan(a: Quantity, b: Quantity) -> bool:
    """A target and an actual are different metrics."""
    return frame(a).plan == frame(b).plan


def is_level(q: Quantity) -> bool:
    """A figure that states an amount of something (not a change, an average, a rate of it)."""
    return frame(q).role in LEVELS


def grams(s: str) -> set[str]:
    return {s[k:k + 2] for k in range(len(s) - 1) if "\u4e00" <= s[k] <= "\u9fff" and "\u4e00" <= s[k + 1] <= "\u9fff"}


#: two-character words too common in subjects to tie two figures together
COMMON = frozenset({"全市", "全省", "全区", "全县", "全国", "累计", "共计", "合计", "其中", "同比", "比上", "上年",
                    "去年", "今年", "全年", "完成", "实现", "达到", "增长", "增加", "提高", "下降", "减少", "新增",
                    "亿元", "万元", "以上", "以下", "左右", "分别", "年度", "工作", "开展", "推进", "建设"})


def other_subject(a: str, b: str) -> bool:
    """Do two figures' subjects name different things (税收收入 and 组织财政收入), neither within the other and
    sharing no run of three characters? (死亡人数 and 死亡, 增加值 and 工业增加值 are one subject.)"""
    if len(a) < 2 or len(b) < 2 or a in b or b in a:
        return False
    return not any(a[k:k + 3] in b for k in range(len(a) - 2))


def subjects_apart(change: str, level: str) -> bool:
    """其他各族人口为29052人,…回族人口增加5120人: the change names a subject of its own (four characters or more) that
    the level's neither holds nor is held in: another subject's change, though the two share 族人口."""
    return len(change) >= 4 and len(level) >= 2 and change not in level and level not in change


def named_subject(text: str, q: Quantity) -> str:
    """The figure's subject where its own clause names it (回族人口增加5120人), not one its item carries on
    (…完成年初预算数60999万元…,比上年减收1070万元: the change names none) nor a comparison's words."""
    from auditor.relate.base import CLAUSE_END, label_before

    s, label = frame(q).subject, label_before(text, q, 0, CLAUSE_END)
    if not s or s not in label:
        return ""
    compared = max(label.rfind("比"), label.rfind("较"))  # (较上年同期增加支出1.20亿元: a comparison's words)
    return "" if compared >= 0 and label.rfind(s) >= compared else s


def periods_differ(a: Quantity, b: Quantity) -> bool:
    """The text gives the two figures different periods: two years, or an earlier period and another."""
    pa, pb = frame(a).period, frame(b).period
    if pa.isdigit() and pb.isdigit():
        return pa != pb
    return (pa == "prior") != (pb == "prior")


@cache
def _noise() -> re.Pattern[str]:
    w = claim_words()
    totals = w.guarded("total.words", "total.compounds")
    return re.compile(f"{totals}|{w.alternation('period.current')}|上半年|下半年|的")


@lru_cache(maxsize=1 << 13)  # a document names its subjects again and again: each is cut once
def subject_core(subject: str) -> str:
    """A subject without its total and period words: 市热线共受理诉求 and 市热线受理诉求 are one metric."""
    return _noise().sub("", subject)


MAGNITUDES = frozenset("十百千万亿")


@lru_cache(maxsize=1 << 13)
def _names_metric(core: str) -> bool:
    """Two characters or more besides magnitudes: 万元 or 元 alone (a subject of a unit's words) names no metric."""
    return sum(c not in MAGNITUDES for c in core) >= 2


def repeat_of(a: Quantity, b: Quantity) -> bool:
    """Two mentions of one metric: the same subject, period and plan, and the same role."""
    fa, fb = frame(a), frame(b)
    if fa.role != fb.role or fa.plan != fb.plan or periods_differ(a, b):
        return False
    if not fa.subject or not fb.subject:
        return False
    sa, sb = subject_core(fa.subject), subject_core(fb.subject)
    if not (_names_metric(sa) and _names_metric(sb)):
        return False  # 完成年初预算2,400万元的221.33%: a subject of a unit's words (万元, 元) names no metric
    if sa == sb:
        return True
    # one names the other in full (受理行政复议案件 / 全年共受理行政复议案件); 扩大甘蔗的播种面积 and
    # 扩大烟叶的播种面积 share most of their words and are still two metrics
    short, long_ = sorted((sa, sb), key=len)
    return len(short) >= 4 and short in long_ and not per_unit_apart(short, long_)


@cache
def _per_unit() -> re.Pattern[str]:
    return re.compile(claim_words().alternation("average.words"))


def per_unit_apart(short: str, long_: str) -> bool:
    """地区生产总值 / 人均地区生产总值: the longer subject holds the shorter one under a per-unit word
    (人均, 户均, 平均…) the shorter lacks, so it names another metric (a per-capita figure, not the total)."""
    return any(m.group() not in short for m in _per_unit().finditer(long_))


def subject_level(qs: Sequence[Quantity], i: int, like: Quantity | None, sentences: int = 2) -> int | None:
    """The one level before qs[i], in its paragraph, that measures the same subject (and unit as `like`).

    The link of a change or growth rate whose own item states no level: 事故29起 … 事故起数减少5起,
    下降17.77%. None where no figure, or more than one, fits.
    """
    q = qs[i]
    f = frame(q)
    found: list[int] = []
    for j in range(i - 1, max(-1, i - 1 - WINDOW_MAX), -1):  # linear: at most WINDOW_MAX figures back
        g = frame(qs[j])
        if g.paragraph != f.paragraph or f.sentence - g.sentence > sentences:
            break
        c = qs[j]
        if g.role != "level" or g.item == f.item or c.high is not None or not same_plan(c, q):
            continue
        if like is not None and (c.kind != like.kind or not same_unit(c, like)):
            continue
        if like is None and c.kind not in ("count", "money", "measure"):
            continue
        if subject_names(c, q) or (like is not None and subject_names(c, like)):
            found.append(j)
    return found[0] if len(found) == 1 else None


MEASURE_SUFFIX = ("起数", "人数", "件数", "户数", "次数", "数量", "总量", "总数", "总额", "金额", "规模", "量", "数",
                  "额")


def subject_names(level: Quantity, q: Quantity) -> bool:
    """q's subject names the level's (举报量 -> 受理消费者举报; 事故起数 -> 发生各类生产安全事故)."""
    a, b = frame(level).subject, frame(q).subject
    for suf in MEASURE_SUFFIX:
        if b.endswith(suf) and len(b) - len(suf) >= 2:
            b = b[: -len(suf)]
            break
    b = b.removesuffix("的")
    if len(b) < 2 or len(a) < 2:
        return False
    # (费支出 inside 公务用车运行维护费支出决算: q names a narrower thing, four words or more before the level's)
    return b in a or a in b and (b.startswith(a) or len(b) - len(a) < 4)


def sibling(total: Quantity, q: Quantity) -> bool:
    """q is a sibling of the total, not one of its parts: their subjects open alike (新建铁路 / 新建公路)."""
    a, b = frame(total).subject, frame(q).subject
    return len(a) >= 2 and len(b) >= 2 and a[:2] == b[:2] and a != b


def named_aside(text: str, q: Quantity) -> bool:
    """A bracketed level that names what it counts (含执行1126件), unlike 同比（214篇）or（2022年为198件）."""
    f = frame(q)
    if not f.aside or f.role not in ("level", "prior"):
        return False
    k = max(text.rfind("（", 0, q.start), text.rfind("(", 0, q.start))
    if k >= 0 and q.start - k <= 40 and "含" in text[k:q.start]:
        return True  # (上年同期实绩含财政直解入库两税收入3,602万元): a note on what a figure holds, at any length
    if f.role != "level":
        return False
    return k >= 0 and q.start - k <= 16 and CJK.search(text, k, q.start) is not None
