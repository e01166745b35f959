"""Breakdowns: totals and their parts, shares that add up to 100%, counts of named lists."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.announced import announced_breakdowns, kind_parts
from auditor.relate.base import (
    CLAUSE_END,
    INCREMENT_TAIL,
    OTHER_WORD,
    TOTAL_MARK,
    TOTAL_WORD,
    Relation,
    Seg,
    label_before,
    near_total,
    overlap,
    same_unit,
    sentence_first,
)
from auditor.relate.chance_runs import (
    bounded,
    closes_list,
    earlier_total_holds,
    heads_own_list,
    named_for_another,
    sum_of_earlier,
)
from auditor.relate.class_parts import class_parts
from auditor.relate.each_parts import each_parts
from auditor.relate.link import frame, sibling
from auditor.relate.lists import complements, list_parts
from auditor.relate.paragraph_items import numbered_paragraphs, paragraph_items
from auditor.relate.parallel_units import parallel_units
from auditor.relate.rate_wholes import other_flow, other_stage
from auditor.relate.share_parts import share_parts
from auditor.relate.share_sums import shares_to_100
from auditor.relate.sum_readings import _counts_holders, _less_overlap, two_classifications
from auditor.relate.sums_implicit import IMPLICIT, _implicit_breakdown, _rated_status
from auditor.relate.table_pointers import table_pointers
from auditor.relate.tables import table_sums

_CW = claim_words()
TIME_UNITS = frozenset(_CW("sums.time_units"))
OVERLAP_WORD = _CW("sums.overlap")


# --- breakdowns -------------------------------------------------------------------------

def _breakdowns(text: str, qs: Sequence[Quantity], seg: Seg, sent_start: list[int]) -> Iterator[Relation]:
    """Totals and their parts: 共X项，其中A项、B项…; figures that follow a total and add up to it;
    共计 after its parts."""
    # spans of time (十年, 五年) are no totals or parts: 十年 = 五年 + 五年 is a coincidence of words
    found = _not_co_parts(list(_found_breakdowns(text, qs, seg, sent_start)))
    seen = {(rel.claim.start, tuple(p.start for p in rel.parts)): n for n, rel in enumerate(found)}
    totals = {rel.claim.start for rel in found}
    more: list[Relation] = []
    for rel in (*announced_breakdowns(text, qs, seg), *share_parts(text, qs, seg), *kind_parts(qs, seg)):
        key = (rel.claim.start, tuple(p.start for p in rel.parts))
        if key in seen:
            # 共X件，其中A件、B件: found already; the claim reads over both spans (the total and its parts)
            n = seen[key]
            if n < len(found):
                old = found[n]
                extra = old.extra
                if old.extra.get("link") == IMPLICIT and rel.extra.get("link"):
                    extra = {**old.extra, "link": rel.extra["link"]}  # the words that announce it say why
                found[n] = replace(old, start=min(old.start, rel.start), end=max(old.end, rel.end), extra=extra)
            continue
        if rel.extra.get("partial") and rel.claim.start in totals:
            continue  # _explicit_breakdown judges all the parts of that total
        seen[key] = len(found) + len(more)
        more.append(rel)
    yield from found
    yield from more


def _not_co_parts(found: list[Relation]) -> list[Relation]:
    """共500件,其中,网上登记250件、电话登记150件、信函登记100件: the three are parts of 500, siblings; that the
    first is the sum of the other two (250 = 150 + 100) is chance. A sum found only by adding up (IMPLICIT)
    whose total and any of its parts are parts of one other breakdown (siblings) is dropped."""
    groups: dict[int, list[frozenset[int]]] = {}  # the part sets each figure is a part in (linear: by figure)
    for rel in found:
        if rel.extra.get("link") != IMPLICIT:
            g = frozenset(p.start for p in rel.parts)
            for start in g:
                groups.setdefault(start, []).append(g)
    # (粮食作物44.1万亩,经济作物4.5万亩 are parts of 48.6万亩: 4.5 is no part of 44.1, whatever else adds up)
    return [rel for rel in found if rel.extra.get("link") != IMPLICIT
            or not any(p.start in g for g in groups.get(rel.claim.start, ()) for p in rel.parts)]


def _found_breakdowns(text: str, qs: Sequence[Quantity], seg: Seg, sent_start: list[int]) -> Iterator[Relation]:
    counted = [j for j, q in enumerate(qs) if q.kind in ("count", "money", "measure") and q.high is None
               and q.unit not in TIME_UNITS]
    for j in counted:
        rel = _explicit_breakdown(text, qs, j, seg, sent_start)
        if rel is None:
            rel = _implicit_breakdown(text, qs, j, seg, sent_start)
        if rel is not None:
            yield rel
    yield from parallel_units(text, qs, seg)
    yield from shares_to_100(text, qs, seg)
    yield from _sentence_breakdowns(text, qs, seg, sent_start)
    yield from table_sums(text, qs)
    yield from table_pointers(text, qs)
    yield from list_parts(text, qs, seg, sent_start)
    yield from complements(text, qs, seg)
    yield from paragraph_items(text, qs, seg)
    yield from numbered_paragraphs(text, qs, seg)
    yield from each_parts(text, qs, seg)
    yield from class_parts(text, qs, seg, sent_start)


def _sentence_breakdowns(text: str, qs: Sequence[Quantity], seg: Seg, sent_start: list[int]) -> Iterator[Relation]:
    """A sentence opening with 其中 breaks down a figure of the sentence before (刊258篇，同比…。其中：…)."""
    by_sent: dict[int, list[int]] = {}
    for j, q in enumerate(qs):
        if q.kind in ("count", "money", "measure") and q.high is None:
            by_sent.setdefault(seg.sent[j], []).append(j)
    for sid, idx in by_sent.items():
        opening = text[sent_start[sid]:sent_start[sid] + 6].lstrip()
        if not opening.startswith(("其中", "包括")) or sid - 1 not in by_sent:
            continue
        prev = by_sent[sid - 1]
        if re.match(r"[)）]?[。；;]", text[qs[prev[-1]].end:qs[prev[-1]].end + 2]) and \
                qs[prev[-1]].end >= sent_start[sid] - 2 and \
                not closes_list(text, qs, prev[-1], seg, text[qs[prev[-1]].end:sent_start[sid]]):
            continue  # the total closes the sentence: _explicit_breakdown has it
        first = qs[idx[0]]
        parts = [j for j in idx if qs[j].kind == first.kind and (first.kind == "count" or qs[j].unit == first.unit)]
        if len(parts) < 2:
            continue
        total = sum((Fraction(qs[j].value) for j in parts), Fraction(0))
        totals = [j for j in prev if qs[j].kind == first.kind]
        match = [j for j in totals if qs[j].value == total]
        if match:
            t = qs[match[0]]
            yield Relation("sum", t, t.start, qs[parts[-1]].end, parts=tuple(qs[j] for j in parts), whole=(t,),
                           extra={"link": "sentence opening with 其中"},
                           exhaustive=True)


#: a total that is itself a member of a list (其中包括A普查5家): its own breakdown ends at the next ；
NESTED = re.compile(r"其中|包括")
STATUS = re.compile(_CW.alternation("sums.status_lead"))
INVOLVES = re.compile(_CW.alternation("sums.involves"))
ACTIVITY = re.compile(_CW.alternation("sums.activity"))
SUB_BREAKDOWN = re.compile(_CW.alternation("sums.sub_breakdown"))
#: a clause that opens with nothing but 有 before its figure names no kind of its own
BARE_HOLDS = frozenset({"有", "其中有"})
#: a status word straight after a figure's noun (7个项目已完工)
STATUS_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{_CW.alternation('sums.status_lead')})")
#: a ； that opens a new topic (；收入保障上,  ；在就业方面,)
TOPIC_AFTER_SEMI = re.compile(r"[；;]\s*在?[\u4e00-\u9fff]{2,8}(?:上|方面|领域)\s*[，,]")
#: 其中 naming one member at an extreme (其中最多的达10人), not a part of the total
EXTREME_MEMBER = re.compile(r"\s*(?:最多|最少|最高|最低|最大|最小|最长|最短)")


def _explicit_breakdown(text: str, qs: Sequence[Quantity], j: int, seg: Seg,
                        sent_start: list[int]) -> Relation | None:
    """共X项，其中：A项、B项、其他C项 — parts announced by 其中 (or 包括) right after the total."""
    t = qs[j]
    after = text[t.end:t.end + 8]
    m = re.match(r"[)）]?[,，。；;:：]?\s*(其中|包括|含)[,，:：]?", after)
    if m is None:
        return None
    lab = label_before(text, t, sent_start[seg.sent[j]], CLAUSE_END)
    if INCREMENT_TAIL.search(lab) or lab.endswith(("（", "(")) or frame(t).role != "level":
        return None  # an increment, an average or a bracketed prior figure is not what 其中 breaks down
    if EXTREME_MEMBER.match(text, t.end + m.end()) or bounded(t) and re.search(r"均|都", lab[-6:]):
        return None  # 均达到4人以上,其中最多的达10人: a bound on each member and its largest, no parts
    if closes_list(text, qs, j, seg, m.group(0)):
        return None  # …确认违法150件。其中…: 其中 may break down the whole of the list, not its last member
    marked = bool(TOTAL_WORD.search(lab)) or bool(TOTAL_MARK.search(lab))
    sid = seg.sent[j] + (1 if re.match(r"[)）]?[。；;]", after) else 0)
    parts: list[int] = []
    seps: set[str] = set()
    k = j + 1
    seen, semi = t.end, False  # is there a ； between the total and the figure (text[t.end:p.start])
    while k < len(qs) and seg.sent[k] <= sid:
        p = qs[k]
        if seg.sent[k] < sid:
            k += 1
            continue
        if p.kind == "percent":
            k += 1
            continue
        if p.kind != t.kind or (p.kind != "count" and p.unit != t.unit) or p.high is not None:
            break
        if bounded(p):
            # 其中,3个法院新收案数均超10万件,8个法院超过1万件: a bound is no part, and the list around it counts
            # the holders of a threshold, not parts of the total
            return None
        between = text[qs[k - 1].end:p.start]
        if parts and frame(p).aside and not frame(qs[parts[-1]]).aside:
            k += 1
            continue  # 刑事案件118件(含刑事自诉1件)、民事案件102件: a sub-item of the part before, not a part
        if parts and _qualifies_before(text, qs[parts[-1]], p):
            k += 1
            continue  # 医院12个、县及县以上医院2个,妇幼保健院1个: the part before, narrowed, is inside it
        if frame(p).role != "level":
            if frame(p).role in ("change", "average", "attribute"):
                break  # 由30元提高到60元, 平均用棉量: not a part of the total
            k += 1
            continue
        if _counts_holders(text, qs, k, lab):
            k += 1
            continue
        if not semi and re.search(r"[；;]", text[seen:p.start]):  # linear: each stretch scanned once
            semi = True
        seen = max(seen, p.start)
        if semi and (not parts or sibling(t, p)) or parts and heads_own_list(text, p, semi):
            break  # after a ；: a list that never began, a sibling of the total (新建铁路…；新建公路…) or a new total
        if not parts and other_flow(lab, label_before(text, p, 0)):
            return None  # 产生量520万吨,其中综合利用量330万吨,处置量150万吨: flows of the thing, not its parts
        if parts and other_stage(label_before(text, qs[parts[0]], 0), label_before(text, p, 0)):
            break  # 其中,某院受理15400件,结案9594件: counts at two stages of the cases add up to nothing
        if parts and TOTAL_WORD.search(label_before(text, p, 0, CLAUSE_END).replace("、", "")):
            break  # 其中高速公路3.1万公里，高速公路总里程达7.84万公里 (…,共批准法规、决定90件): another total
        if parts and (re.search(r"同比|较上年|比上年|增加|减少|下降|增长|其中", between)
                      or SUB_BREAKDOWN.search(between)):
            break  # a comparison or a nested 其中 (主要是: 一般性补助1100万元,主要是人员补助500万元…) ends the list
        if parts and _rated_status(text, p):
            break  # 其中闭会期间22件,经审查立案226件,立案率94.2%: a stage of the whole its rate is over, no part
        if parts and p.value > t.value and re.match(r"[)）]?[,，:：]?\s*(?:其中|包括)", text[p.end:p.end + 6]):
            break  # 社工860人,兼职社工940人,年末登记志愿者45210人,其中…: a total of its own, past the list's total
        if parts and re.search(r"[；;]", between) and (NESTED.search(lab) or TOPIC_AFTER_SEMI.search(between)):
            break  # 其中包括A普查5家,其中2家…;B抽查14家: a list inside a part ends at its ；, as one does before
            # a new topic (其中今年改造215户;收入保障上,将6480户…)
        if parts and re.search(r"[；;]", between) and seps and not seps <= {"；", ";"} \
                and not any(w in between for w in OTHER_WORD):
            break  # a ； after parts joined by 、/，opens a new clause group (unless it brings 其他)
        if parts and label_before(text, p, 0, CLAUSE_END).strip("，, ") in BARE_HOLDS:
            break  # 其中,联名提出的意见46条,有3条列为重点: 有 with no noun of its own counts some of the part before
        if parts and _involves(label_before(text, p, 0, CLAUSE_END), label_before(text, qs[parts[0]], 0, CLAUSE_END)):
            break  # 项目179个,其中务工110个,涉及经营主体42个: what the items involve, another thing than a part
        if parts and p.value == qs[parts[-1]].value and not re.search(r"[；;、]", between) \
                and (STATUS_AFTER.match(text, p.end) or STATUS.search(label_before(text, p, 0, CLAUSE_END))):
            k += 1
            continue  # 其中新建项目7个,目前7个项目已完工: the status of the part before, restated, no part of its own
        if parts:
            seps.update(c for c in between if c in "、，,；;")
        parts.append(k)
        k += 1
    if not parts:
        return None
    others = [label_before(text, qs[x], 0, CLAUSE_END) for x in range(sentence_first(seg, j), j)
              if qs[x].kind == t.kind and same_unit(qs[x], t)]
    if named_for_another(label_before(text, qs[parts[0]], 0, CLAUSE_END), lab, others):
        return None
    if any(text[qs[x].start - 1:qs[x].start] == "各" for x in parts):
        return None  # 乙区、丙局各1件: each_parts counts the names 各 gives the figure to
    overlaps = [x for x in parts if any(w in label_before(text, qs[x], 0) for w in OVERLAP_WORD)]
    if overlaps:
        return _less_overlap(text, qs, t, parts, overlaps, m.group(1))
    odd = [n for n, x in enumerate(parts) if not same_unit(qs[x], t)]
    if odd and sum((Fraction(qs[x].value) for x in parts), Fraction(0)) != Fraction(t.value):
        parts = parts[:odd[0]]  # 游客340万人次，演出1.2万场: another measure word is another thing…
        if not parts:
            return None  # …unless the parts add up to the total only with it (U102: 14条 among 篇)
    # nested breakdowns: stop the parts where a prefix already adds up to the total
    run = Fraction(0)
    tv = Fraction(t.value)
    chosen = parts
    full = sum((Fraction(qs[x].value) for x in parts), Fraction(0))
    ulps = Fraction(0)  # linear: near_total's slack is at most 3 x these; past it, no call over the prefix
    # (a list closed by 其他 is one classification: 其中A3项、B1项、C1项、其他类1项 is not cut where 3+1 gives 4)
    closed_by_other = any(w in label_before(text, qs[parts[-1]], 0) for w in OTHER_WORD)
    for n, x in enumerate(parts if full != tv and not closed_by_other else ()):
        run += Fraction(qs[x].value)
        ulps += qs[x].half_ulp
        nxt_other = n + 1 < len(parts) and any(w in label_before(text, qs[parts[n + 1]], 0) for w in OTHER_WORD)
        if n >= 1 and not nxt_other and (run == tv or abs(run - tv) <= 3 * (t.half_ulp + ulps)
                                         and near_total(run, tv, t, [qs[y] for y in parts[: n + 1]])):
            chosen = parts[: n + 1]
            break
    if sum((Fraction(qs[x].value) for x in chosen), Fraction(0)) > tv + t.half_ulp + sum(
            (qs[x].half_ulp for x in chosen), Fraction(0)):
        chosen = chosen[:_parallel_prefix(text, qs, lab, chosen)]
    if sum_of_earlier(qs, j, chosen, seg):
        return None  # the parts break down an earlier figure of the sentence, which they add up to
    if earlier_total_holds(text, qs, j, chosen, seg, sent_start[seg.sent[j]]):
        return None  # too many for the figure before 其中, not for the sentence's total: two readings
    last_lab = label_before(text, qs[chosen[-1]], 0)
    exhaustive = any(w in last_lab for w in OTHER_WORD) or bool(re.search(r"分别", text[t.end:qs[chosen[0]].start]))
    rough = any(qs[p].approx for p in chosen) or bool(t.approx)
    strong = marked and sid == seg.sent[j]
    extra = {"link": f"{m.group(1)} list"}
    if two_classifications(text, [qs[p] for p in chosen], t):
        extra["classifications"] = "1"
    return Relation("sum", t, t.start, qs[chosen[-1]].end, parts=tuple(qs[p] for p in chosen), whole=(t,),
                    extra=extra, exhaustive=exhaustive, overlap=rough, strong=strong)


def _qualifies_before(text: str, prev: Quantity, p: Quantity) -> bool:
    """Does p's name end with the whole name of the part before it, qualified (图书馆9个、市级及以上图书馆3个)?"""
    def name(q: Quantity) -> str:
        return re.sub(r"^[，,、\s]*(?:其中[，,:：\s]*)?", "", label_before(text, q, 0, CLAUSE_END)).strip()
    a, b = name(prev), name(p)
    if len(a) < 2 or len(b) <= len(a) or not b.endswith(a):
        return False
    qualifier = b[:-len(a)]
    # (满意7件,不满意3件: a negation names the rest; 其他图书馆: the rest too)
    return not re.match(r"[不未非无]|其他|其它|另", qualifier)


def _parallel_prefix(text: str, qs: Sequence[Quantity], total_label: str, parts: list[int]) -> int:
    """How many parts are the total's, where they exceed it: 新增就业3200人,其中失业人员再就业410人,扶持创业650人,
    开展职业技能培训2800人 lists one part of 就业 (its label shares the total's words), then activities of their
    own (扶持创业: a verb opens it) whose words share none with the total's or the first part's. A part named
    by a noun (其中基层医疗卫生机构1982个…,医院103个) stays one of the list, whatever its words."""
    names = [re.sub(r"^[，,、\s]*(?:其中[，,:：\s]*)?", "", label_before(text, qs[x], 0, CLAUSE_END)).strip()
             for x in parts]
    total_label = total_label.strip()
    if not overlap(total_label, names[0]):
        return len(parts)
    for n, name in enumerate(names[1:], 1):
        if ACTIVITY.match(name) and not overlap(total_label, name) and not overlap(names[0], name):
            return n
    return len(parts)


def _involves(label: str, first: str) -> bool:
    """涉及经营主体42个 after 其中务工110个: a count of what the items involve, not one more kind of them;
    其中涉及拆迁的70件,涉及执法的65件 are kinds of the cases (…的 names the items counted; the first part opens
    alike)."""
    label = label.lstrip("，,、 ")
    if INVOLVES.match(label) is None or "的" in label:
        return False
    return INVOLVES.match(first.lstrip("，,、其中：: ")) is None
