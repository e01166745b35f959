"""Growth rates: new, old and increment of one item, and lists of rates paired with their levels."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from msgspec.structs import replace

from auditor.frames import CLOSED_FRAME, patterns
from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import (
    BRACKET_CLOSE,
    CLAUSE_END,
    GROWTH_DOWN,
    INCREMENT,
    INCREMENT_TAIL,
    OLD_TAIL,
    Relation,
    Seg,
    growth_head,
    growth_start,
    label_before,
    overlap,
    same_unit,
    window,
)
from auditor.relate.breakdowns import breakdown_total
from auditor.relate.growth_lists import _granular, _listed
from auditor.relate.growth_parts import prior_by_complement, rebuilt
from auditor.relate.growth_scope import narrowed
from auditor.relate.levels import (
    YEAR_IN,
    _compound_levels,
    _identity,
    _item_before,
    _per_year_rate,
    _schedule,
    item_start,
    unlinkable_growth,
)
from auditor.relate.link import (
    frame,
    named_aside,
    named_subject,
    other_subject,
    same_plan,
    subject_level,
    subjects_apart,
)
from auditor.relate.multiples import compound_of


def _growth(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int],
            before: str, wholes: dict[int, list[tuple[int, ...]]] | None = None) -> Iterator[Relation] | None:
    q = qs[i]
    ident = _identity(text, qs, i, seg, sent_start) or _schedule(text, qs, i, seg, sent_start)
    if ident is not None:
        return iter([ident])
    gm = growth_head(before, 0, len(before))
    if gm is None:
        listed = _listed(text, qs, i, seg, sent_start)  # 下降38.24%、45.61%: a later member of a list
        if listed is None:
            return None
        return iter([_from_parts(text, qs, i, seg, sent_start, listed, wholes) or listed])
    word = gm.group(2)
    if word in ("多", "少") and not gm.group(1):
        return None
    if patterns().to_level.search(before):
        return iter(())  # 提高到95.2%: the new level, not a change (nor a rate of the nearest figures)
    direction = -1 if word in GROWTH_DOWN or word in ("减收", "少") else 1
    if BENCHMARK.match(before):
        # 增长5.7%,高于全市总诊疗量增长水平(4.1%): the compared subject's rate; its levels are not stated
        return iter([Relation("growth", q, growth_start(text, q), q.end, direction=direction,
                              extra={"link": "the rate of the subject compared with"})])
    if q.value < 0:
        direction = 1  # a signed figure (-32.18%) carries its own direction
    listed = _listed(text, qs, i, seg, sent_start)
    if listed is not None:
        # 批准逮捕62件81人,分别同比减少48.33%和52.94%: item k's prior may still come from its parts' rates
        again = _from_parts(text, qs, i, seg, sent_start, listed, wholes)
        return iter([again or listed])
    rel = _growth_operands(text, qs, i, seg, sent_start, q, direction)
    again = _from_parts(text, qs, i, seg, sent_start, rel, wholes)
    if again is not None:
        # the whole-number test of the total's own prior checks it too (8704件,同比增加28.79%)
        own = _granular(text, qs[i], rel.parts, rel)
        if "granular" in own.extra:
            again = replace(again, extra={**again.extra, "granular": "1"})
        return iter([again])
    if rel.parts and not rel.whole and not rel.alternatives:
        rel = _granular(text, qs[i], rel.parts, rel)
    return iter([rel])


def _from_parts(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int], rel: Relation,
                wholes: dict[int, list[tuple[int, ...]]] | None) -> Relation | None:
    """The rate's level is a total whose parts state their own rates: the total's prior rebuilt from them."""
    if not wholes or not rel.parts or rel.whole or rel.alternatives:
        return None
    total = next((k for k in range(i - 1, max(-1, i - 40), -1) if qs[k] is rel.parts[0]), None)
    if total is None:
        return None
    out = rebuilt(text, qs, i, total, seg, sent_start, wholes) or prior_by_complement(text, qs, i, total, seg, wholes)
    # a later member of a list (减少48.33%和52.94%) takes its direction from the list, not from its own clause
    return replace(out, direction=rel.direction) if out is not None and rel.direction else out


def _growth_operands(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int], q: Quantity,
                     direction: int) -> Relation:
    """Find the new value, the old value and the increment of a growth rate in its sentence."""
    if unlinkable_growth(text, q, sent_start[seg.sent[i]], item_start(qs, i, seg, seg.clause_start)):
        # 比2002年增长1.4倍，年均增长10.1%: the average rate against the multiple over the years stated
        compound = compound_of(text, qs, i, seg, sent_start) or _compound_levels(text, qs, i, seg, sent_start) \
            or _per_year_rate(text, qs, i, seg, sent_start)
        return compound or Relation("growth", q, growth_start(text, q), q.end, direction=direction)
    if narrowed(text, qs, i, sent_start[seg.sent[i]]):
        return Relation("growth", q, growth_start(text, q), q.end, direction=direction)
    earlier = _rate_of_earlier_year(text, qs, i, seg)
    if earlier is not None:
        a, b = earlier
        return Relation("growth", q, growth_start(text, q), q.end, parts=(qs[a],), whole=(qs[b],),
                        direction=direction, strong=True,
                        extra={"link": f"same rate {_rate_name(text, qs[a], seg, a)}, period {frame(qs[b]).period}"})
    # levels that are averages compare only with averages (日均量 3313 vs 上半年日均量 2135)
    averaged = any(frame(qs[j]).role == "average" and not frame(qs[j]).subject.startswith(("年均", "平均每年"))
                   for j in _item_before(seg, i))
    same = [j for j in _item_before(seg, i)
            if qs[j].kind in ("count", "money", "measure", "percent")
            and frame(qs[j]).role not in ("growth", "multiple") and same_plan(qs[j], q)
            and (frame(qs[j]).role != "average" or averaged)
            and not named_aside(text, qs[j])  # 2947件(含执行1126件): a part inside, not the old value
            and not _part_opened_between(text, qs[j], q)]  # 收入…下降13.02%。其中:增值服务下降25%: a part's rate
    new = old = inc = None
    after_breakdown: bool | None = None  # the increment follows a breakdown: closed (True) or open (False)
    own_base = compared_base(text, seg.clause_start[seg.clause[i]], q.start)
    for j in same:
        c = qs[j]
        if own_base and (base := compared_base(text, seg.clause_start[seg.clause[j]], c.end)) and base != own_base:
            continue  # 比报告数38600万元增加20万元,比上年决算数下降12.5%: that comparison's figures, not this one's
        if c.kind == "percent":
            if q.kind == "percent" and old is None and new is None and \
                    OLD_TAIL.search(text[max(0, c.start - 12):c.start].rstrip("的")):
                old = j  # 较上年的94.5%提高1.8%: the old rate
                continue
            if old is not None and new is None and qs[old].kind == "percent":
                new = j  # 满意率为96.3%,较上年的94.5%…
                break
            if new is None and not _share_of_base(text, c, seg.clause_start[seg.clause[j]]):
                break  # another growth rate in between: the operands belong to it
            continue
        lab = text[sent_start[seg.sent[j]]:c.start]
        tail = lab[-12:]
        if INCREMENT_TAIL.search(tail):
            if _other_base(text, q, c):
                continue  # 较年初增加96.4亿元,同比增长18.2%: an increase since January, not over the year before
            if inc is None and (new is None or frame(c).role == "change"):
                inc = j  # 比上年增加88件,达到500件: an increment, never the old value
        elif re.search(r"(同比|较|比|相比)[^，,。；;]{0,16}?[（(]?$", tail) and not CLOSED_FRAME.search(tail) \
                or re.search(r"[（(]$", tail) \
                or _bare_prior(qs, j, same) or _compared_with(text, c, seg.clause_start[seg.clause[j]]):
            if old is None:
                old = j  # 1862件(去年同期为1795件): the value of the period compared with
        elif new is None:
            new = j
    if new is not None and old is not None and any(
            qs[k].kind == "percent" and frame(qs[k]).role == "growth" for k in range(min(new, old) + 1, max(new, old))):
        old = None  # 来信8.4万件,同比增长7.1%来访4.1万件,同比增长10.5%: a growth rate of its own stands between the two
    if inc is None and new is not None:
        # the increment stated after the rate: 同比增长8.37%,增收1,946万元
        for j in range(i + 1, min(len(qs), i + 4)):
            if seg.item[j] != seg.item[i] or qs[j].kind == "percent" or seg.sent[j] != seg.sent[i] \
                    or other_subject(_own_subject(text, qs[j]), frame(qs[new]).subject) \
                    or "其中" in text[q.end:qs[j].start] or frame(q).aside and not frame(qs[j]).aside:
                break  # (增长3%(其中增值税收入比上年减收2000万元: the increment of a part after 其中; and
                # 12000万元(其中:园区2500万元,下降3.6%),比…减少3000万元: past its bracket, the outer figure's)
            if frame(qs[j]).role != "change":
                continue
            worded = INC_WORD.search(text, max(0, qs[j].start - 4), qs[j].start)
            if worded and _other_base(text, q, qs[j]):
                break  # 同比增长18.2%,较年初增加96.4亿元: an increase since January, not over the year before
            if worded and (same_unit(qs[j], qs[new]) or _money_amount(text, qs[j], qs[new])):
                inc = j
                break
    if inc is not None:
        # the new value is the figure the increment speaks of: 死亡27人 … 死亡人数减少6人
        inc_lab = label_before(text, qs[inc], 0, CLAUSE_END)
        pool = [j for j in _item_before(seg, inc) if seg.item[j] == seg.item[i]
                and same_unit(qs[j], qs[inc]) and qs[j].kind == qs[inc].kind and j != old
                and frame(qs[j]).role == "level" and same_plan(qs[j], q)
                and not INCREMENT_TAIL.search(text[max(0, qs[j].start - 6):qs[j].start])
                and not other_subject(_own_subject(text, qs[inc]), frame(qs[j]).subject)
                and not subjects_apart(named_subject(text, qs[inc]), frame(qs[j]).subject)
                and not _part_opened_between(text, qs[j], qs[inc])]
        if pool:
            new = max(pool, key=lambda j: (overlap(label_before(text, qs[j], 0), inc_lab), j))
            total = breakdown_total(text, qs, seg, new, inc, inc_lab)
            if total is not None:
                new, after_breakdown = total
            elif seg.sent[new] != seg.sent[inc] and \
                    PART_OPENS.match(text[sent_start[seg.sent[new]]:qs[new].start].lstrip()):
                after_breakdown = False  # 经费500万元。其中,A100万元,B400万元。比上年减少125万元: the total's or B's
        elif new is not None and (other_subject(_own_subject(text, qs[inc]), frame(qs[new]).subject)
                                  or subjects_apart(named_subject(text, qs[inc]), frame(qs[new]).subject)
                                  or _part_opened_between(text, qs[new], qs[inc])):
            new = None  # 财政收入5.2亿元(…税收收入比上年减收2000万元,下降6.25%): the change is of another subject
    link = "same item"
    # (服务总人次3.18亿,增长9.6%: the item states its own level, though without a measure word)
    own_level = any(frame(qs[j]).role == "level" and qs[j].kind in ("number", "count", "money", "measure")
                    for j in _item_before(seg, i))
    if new is None and q.kind == "percent" and not own_level:
        # the item states no level: the one level of the same subject before it (事故29起 … 事故起数减少5起)
        lvl = subject_level(qs, i, qs[inc] if inc is not None else None)
        if lvl is not None and _part_opened_between(text, qs[lvl], q):
            lvl = None  # 收入8350万元,…下降13.02%。其中:增值服务下降25%: the rate of a part, whose level is not stated
        if lvl is not None:
            new, link = lvl, f"same subject {frame(qs[lvl]).subject}"
            if inc is None and old is None:
                inc = next((j for j in range(lvl + 1, i) if seg.item[j] == seg.item[lvl]
                            and frame(qs[j]).role == "change" and same_unit(qs[j], qs[lvl])
                            and _change_direction(text, qs[j]) in (0, direction)), None)
                # (净利润312亿元,同比减少41.6亿元…则同比增长9.4%: a decrease is no increment of an increase)
    nq = qs[new] if new is not None else None
    oq = qs[old] if old is not None else None
    iq = qs[inc] if inc is not None else None
    if nq is not None and oq is not None and not same_unit(nq, oq):
        oq = None
    if nq is not None and iq is not None and not same_unit(nq, iq) and not _money_amount(text, iq, nq):
        iq = None
    if oq is not None and nq is not None and oq.start > nq.start and "由" in text[sent_start[seg.sent[i]]:nq.start]:
        nq, oq = oq, nq
    parts = tuple(x for x in (nq,) if x is not None)
    whole = tuple(x for x in (oq,) if x is not None)
    extra: dict[str, str] = {"link": link}
    if iq is not None:
        extra["inc"] = str(inc)
    return Relation("growth", q, growth_start(text, q), q.end, parts=parts, whole=whole, direction=direction,
                    strong=nq is not None and (oq is not None or iq is not None) and after_breakdown is not False,
                    extra=extra, alternatives=((parts, (iq,)),) if iq is not None else ())


INC_WORD = INCREMENT  # the increment words of the lexicon
#: the figure a comparison names as its base: 比报告数, 比上年决算数 (a share's is rate_wholes.NAMED_BASE)
COMPARED_BASE = re.compile(r"(?:比|较)\s*((?:(?:19|20)\d\d年|上年|去年|上一年|年初)?[\u4e00-\u9fff]{0,5}?数)")


def compared_base(text: str, lo: int, hi: int) -> str:
    """The base the last comparison in text[lo:hi] names (报告数, 上年决算数), or "" (同比, 比上年: a period)."""
    found = list(COMPARED_BASE.finditer(text, lo, hi))
    return found[-1].group(1) if found else ""
#: the start of the year an increase of a balance is often counted from (较年初增加): another base than 同比's
SINCE_JANUARY = re.compile(r"(?:较|比|与)年初")
YEAR_ON_YEAR = re.compile(r"同比|(?:较|比)(?:上年|去年)")


def _base_of(text: str, q: Quantity, reach: int) -> str:
    """The period a change or rate is counted from, by the words before it: "january", "year" or ""."""
    before = text[max(0, q.start - reach):q.start]
    jan, year = list(SINCE_JANUARY.finditer(before)), list(YEAR_ON_YEAR.finditer(before))
    if not jan and not year:
        return ""
    last_jan = jan[-1].start() if jan else -1
    last_year = year[-1].start() if year else -1
    return "january" if last_jan > last_year else "year"


def _other_base(text: str, rate: Quantity, inc: Quantity) -> bool:
    """同比增长18.2%,较年初增加96.4亿元: the increment is counted from January, the rate from the year before
    (比年初增投5.12亿元,增长25.0%: both from January, the rate's own words naming none)."""
    a, b = _base_of(text, rate, 24), _base_of(text, inc, 10)
    return bool(a and b and a != b)
BENCHMARK = re.compile(rf"\s*(?:均|也|都|分别|明显|远)?(?:{claim_words().alternation('growth.benchmark')})")
COMPARED_CLOSE = re.compile(rf"(?:{claim_words().alternation('growth.compared_close')})")
COMPARED_OPEN = re.compile(rf"(?:{claim_words().alternation('growth.compared_open')})")


#: a note mark or a pinyin gloss after a figure (351270人②相比, 351270人[1]相比, 484002人(ren)(ren)相比)
NOTE_MARK = re.compile(r"(?:[\u2460-\u2473\u00b9\u00b2\u00b3\u2070-\u2079]|\[\d{1,2}\]|［\d{1,2}］"
                       r"|[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）])+")


def _compared_with(text: str, c: Quantity, clause_start: int) -> bool:
    """与2010年的133972万人相比: the figure closing a 与/同 … 相比 frame is the value compared with (a note mark
    between them, 351270人②相比, changes nothing)."""
    end = c.end
    if (note := NOTE_MARK.match(text, end)) is not None:
        end = note.end()
    # (48.40萬(wàn)人相比: the matching copy drops the gloss, so 相比 moves into the figure's span)
    inside = text[c.start:c.end].rstrip()
    closed = (m := COMPARED_CLOSE.search(inside)) is not None and m.end() == len(inside) < c.end - c.start
    if not (COMPARED_CLOSE.match(text, end) or closed):
        return False
    return COMPARED_OPEN.search(text, clause_start, c.start) is not None
MONEY_AMOUNT = re.compile(rf"(?:{claim_words().alternation('growth.money_amount')})了?$")


def _money_amount(text: str, inc: Quantity, level: Quantity) -> bool:
    """增收4,376万 after 完成30,161万元: a bare figure of the level's magnitude after a money-only change word."""
    mag = inc.text[-1:]
    return inc.kind == "number" and not inc.unit and level.kind == "money" and mag in ("万", "亿", "萬", "億") \
        and level.text.endswith(f"{mag}元") and MONEY_AMOUNT.search(text, max(0, inc.start - 3), inc.start) is not None


def _rate_of_earlier_year(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> tuple[int, int] | None:
    """A rate's change after the rate itself, against the same rate of the year it names or the year before.

    `在2016年,平均得分率为54.3%;在2017年,平均得分率为57.18%,上升2.88%` and `…60.95%,较之2017年上升3.77%`:
    the new rate directly precedes the change in its item; the old one is the one rate of the same
    subject stated for that year in the two sentences before. None where no year is given or several fit.
    """
    q = qs[i]
    if q.kind != "percent" or i == 0 or seg.item[i - 1] != seg.item[i]:
        return None
    new = i - 1
    n = qs[new]
    fn = frame(n)
    name = _rate_name(text, n, seg, new)
    if n.kind != "percent" or fn.role not in ("rate", "share") or not fn.period.isdigit() or not name:
        return None
    named = YEAR_IN.findall(text, seg.clause_start[seg.clause[i]], q.start)
    year = named[-1] if named else str(int(fn.period) - 1)
    found = [j for j in window(qs, new, seg, 2) if qs[j].kind == "percent" and frame(qs[j]).role in ("rate", "share")
             and frame(qs[j]).period == year and same_plan(qs[j], n) and _rate_name(text, qs[j], seg, j) == name]
    return (new, found[0]) if len(found) == 1 else None


RATE_NAME = re.compile(rf"([\u4e00-\u9fff]{{1,8}}?(?:{claim_words().alternation('rate.words')}))(?:为|达|是|达到)?$")


def _rate_name(text: str, q: Quantity, seg: Seg, j: int) -> str:
    """The rate a figure states, named right before it: 平均得分率为57.18% -> 平均得分率 (its last 8 characters)."""
    m = RATE_NAME.search(text, max(seg.clause_start[seg.clause[j]], q.start - 14), q.start)
    return m.group(1)[-8:] if m else ""


def _bare_prior(qs: Sequence[Quantity], j: int, same: Sequence[int]) -> bool:
    """qs[j] is the earlier value of a level of its item: 1862件(去年同期为1795件), 21件,去年同期为34件.

    Its label names nothing of its own (its subject is the item's), so 2313件(不含上年旧存802件) is not one.
    """
    fc = frame(qs[j])
    if fc.role != "prior" and fc.period != "prior":
        return False
    return any(frame(qs[k]).subject == fc.subject and frame(qs[k]).role == "level" and frame(qs[k]).period != "prior"
               for k in same if k != j)


def _share_of_base(text: str, c: Quantity, clause_start: int) -> bool:
    """A share or completion ratio (占年初预算数…的56.3%), not another growth rate, between a rate and its level."""
    return frame(c).role in ("share", "rate") and ("占" in text[clause_start:c.start] or frame(c).plan)


def _own_subject(text: str, q: Quantity) -> str:
    """A change's subject, unless it is the base it is compared with (比一九五七年的预计数增加了二十二亿元: the
    预计数 is what the level is compared with, not another subject; 税收收入比上年减收2000万元 is another)."""
    subject, label = frame(q).subject, label_before(text, q, 0, CLAUSE_END)
    compared = max(label.rfind("比"), label.rfind("较"))
    return "" if subject and compared >= 0 and label.rfind(subject) >= compared else subject


#: a breakdown opened between a level and a change (其中)
PART_OPENS = re.compile(r"其中")


def _part_opened_between(text: str, level: Quantity, inc: Quantity) -> bool:
    """收入5.2亿元,增长3%(其中增值税收入比上年减收2000万元,下降6.25%): a 其中 between the level and the change,
    with no level after it, opens a part the change is of; a bracket closed before the change ends it
    (收入48500万元(其中区本级40200万元…),同比增收3900万元 is the total's)."""
    m = PART_OPENS.search(text, level.end, inc.start)
    return m is not None and BRACKET_CLOSE.search(text, m.end(), inc.start) is None


def _change_direction(text: str, c: Quantity) -> int:
    """The direction its change word gives a change (减少 -1, 增加 1), 0 where no word is found."""
    m = INC_WORD.search(text, max(0, c.start - 4), c.start)
    if m is None:
        return 0
    return -1 if m.group(1) in GROWTH_DOWN or m.group(1) in ("减收", "少", "净减") else 1

