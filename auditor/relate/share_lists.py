"""Shares listed before their parts: `区级政府部门占42.18%,市级政府部门占25.53%,区级政府占12.67%,案件数量分别为
21873件、13240件和6571件` after `共收到行政复议申请51860件`.

The shares, one clause each naming its part before 占, run in one sentence; the clause after them lists
as many figures of one unit after 分别, so the n-th figure is the n-th share's part. The whole is the
total (marked 共/合计/…) of the parts' unit just before the run, in its sentence or the one before. The
link is the words' own (分别 and the order), so a share that does not fit is accused.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import TOTAL_MARK, Relation, Seg, label_before, same_unit, window
from auditor.relate.link import frame

NAMED = re.compile(r"\s*[\u4e00-\u9fff]{2,12}?占(?:比|比重|比例)?(?:为|达)?\s*$")
RESPECTIVELY = re.compile(r"分别(?:为|是|有|达)?")
JOIN = re.compile(r"\s*(?:、|和|及|与|,|，)\s*")
MAX_RUN = 8


def shares_before_parts(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    run = _run(text, qs, i, seg)
    if run is None:
        return None
    lo, hi = run
    n = hi - lo + 1
    parts = list(range(hi + 1, hi + 1 + n))
    if parts[-1] >= len(qs) or any(seg.sent[k] != seg.sent[i] for k in parts):
        return None
    ps = [qs[k] for k in parts]
    if any(p.kind not in ("count", "money", "measure") or p.high is not None or not same_unit(p, ps[0]) for p in ps):
        return None
    lead = text[qs[hi].end:ps[0].start]
    m = RESPECTIVELY.search(lead)
    if m is None or re.search(r"[。；;！？\n]", lead) or not re.fullmatch(r"\s*$", lead[m.end():]):
        return None
    if any(not JOIN.fullmatch(text, a.end, b.start) for a, b in zip(ps, ps[1:], strict=False)):
        return None
    # the whole: the nearest level of the parts' unit before the run, marked as a total (a figure between
    # them, 其中商场类2000件, would be the subset the shares may be of)
    levels = [j for j in window(qs, lo, seg, 1) if same_unit(qs[j], ps[0]) and qs[j].kind == ps[0].kind
              and frame(qs[j]).role == "level" and qs[j].high is None]
    if not levels:
        return None
    w = qs[levels[0]]
    if frame(w).plan or not TOTAL_MARK.search(label_before(text, w, 0)) or w.value < sum(p.value for p in ps):
        return None
    part = ps[i - lo]
    return Relation("share", qs[i], qs[i].start, qs[i].end, parts=(part,), whole=(w,), strong=True,
                    alternatives=(((part,), (w,)),),
                    extra={"link": f"share {i - lo + 1} of {n}, its part the same place after 分别; total marked",
                           "direct": "1", "near": "1", "unique": "1", "carried": "", "stem": "",
                           "complementary": ""})


def _run(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> tuple[int, int] | None:
    """The run of named shares, one clause each and nothing else between them, that holds qs[i]."""
    def named(k: int) -> bool:
        q = qs[k]
        return q.kind == "percent" and q.unit == "%" and q.high is None and seg.sent[k] == seg.sent[i] \
            and NAMED.fullmatch(text, seg.clause_start[seg.clause[k]], q.start) is not None

    if not named(i):
        return None
    lo = hi = i
    while lo - 1 >= 0 and i - lo < MAX_RUN and named(lo - 1) and seg.clause[lo - 1] == seg.clause[lo] - 1:
        lo -= 1
    while hi + 1 < len(qs) and hi - i < MAX_RUN and named(hi + 1) and seg.clause[hi + 1] == seg.clause[hi] + 1:
        hi += 1
    if hi == lo or sum(qs[k].value for k in range(lo, hi + 1)) > 100:
        return None
    return lo, hi


#: the words that open a list of shares after their parts: 分别占总人口的 / 分别占比 / 分别占12345热线受理总量的
#: (the base's name may hold a number that is no figure, a hotline's or a year's: qs[lo] is the first share)
#: (占比分别达 / 占全市的比重分别为: 分别 after the base's words, too)
EACH_SHARE = re.compile(r"(?:分别约?占(?:比|比重|比例)?[^，,。；;、%]{0,16}?的?(?:比重|比例)?"
                        r"|占[^，,。；;、%]{0,16}?分别约?)(?:为|是|达到|达)?\s*$")
OWN_CLASS = re.compile(claim_words().alternation("rate.own_class"))
SHARE_JOIN = re.compile(r"\s*(?:、|和|及|与)\s*")
#: between two listed parts: a joining word and the next part's name (男性人口131.19万人、女性人口125.19万人)
PART_GAP = re.compile(r"\s*(?:、|和|及|与|,|，)[^，,。；;！？\n\d%]{0,16}")


def parts_before_shares(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    """`男性人口131.19万人、女性人口125.19万人，分别占总人口的51.2%和48.8%`: the n-th share after 分别占
    is of the n-th of the n parts listed straight before it; the whole is the total (总/共/合计…) of
    their unit just before them. Where 分别占 opens the shares but no such list of parts stands before
    them, the share's part is not the nearest figure: the relation has no operands (unverifiable)."""
    q = qs[i]
    if q.kind != "percent" or q.unit != "%":
        return None

    def joined(a: int, b: int) -> bool:
        return qs[a].kind == qs[b].kind == "percent" and qs[a].unit == qs[b].unit == "%" \
            and SHARE_JOIN.fullmatch(text, qs[a].end, qs[b].start) is not None

    lo = i
    while lo > 0 and i - lo < MAX_RUN and joined(lo - 1, lo):
        lo -= 1
    if EACH_SHARE.search(text, seg.clause_start[seg.clause[lo]], qs[lo].start) is None:
        return None
    hi = i
    while hi + 1 < len(qs) and hi - i < MAX_RUN and joined(hi, hi + 1):
        hi += 1
    start = seg.clause_start[seg.clause[lo]]
    bare = Relation("share", q, start, q.end, extra={"link": "分别占 without its parts listed before it"})
    if OWN_CLASS.search(text, start, qs[lo].start):
        return bare  # 分别占全年同类案件的24%和25%: each part over its own class's total, which is not stated
    n = hi - lo + 1
    if n < 2 or lo - n < 0:
        return bare
    parts = list(range(lo - n, lo))
    ps = [qs[k] for k in parts]
    if any(seg.sent[k] != seg.sent[i] or p.kind not in ("count", "money", "measure") or p.high is not None
           or frame(p).role != "level" or not same_unit(p, ps[0]) for k, p in zip(parts, ps, strict=True)):
        return bare
    if any(PART_GAP.fullmatch(text, a.end, b.start) is None for a, b in zip(ps, ps[1:], strict=False)):
        return bare
    if not re.fullmatch(r"\s*[,，]?\s*", text[ps[-1].end:start]) and start != ps[-1].end:
        return bare
    levels = [j for j in window(qs, parts[0], seg, 1) if same_unit(qs[j], ps[0]) and qs[j].kind == ps[0].kind
              and frame(qs[j]).role == "level" and qs[j].high is None]
    if not levels:
        return bare
    w = qs[levels[0]]
    # the total: marked as one (总人口), or the figure the parts are 其中 of
    total = TOTAL_MARK.search(label_before(text, w, 0)) or "其中" in text[w.end:ps[0].start]
    if frame(w).plan or not total or w.value < sum(p.value for p in ps):
        return bare
    part = ps[i - lo]
    return Relation("share", q, part.start, q.end, parts=(part,), whole=(w,), strong=True,
                    alternatives=(((part,), (w,)),),
                    extra={"link": f"share {i - lo + 1} of {n} after 分别占, its part the same place before; "
                                   "the total before them", "direct": "1", "near": "1", "unique": "1", "carried": "",
                           "stem": "", "complementary": ""})
