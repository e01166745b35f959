"""Breakdowns: totals and their parts, shares that add up to 100%, counts of named lists."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction

from auditor.lexicon import claim_words
from auditor.model import Quantity
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
)
from auditor.relate.link import frame, sibling
from auditor.relate.tables import table_sums

_CW = claim_words()
NAMES_AFTER = re.compile(r"[^。；;\d]{0,14}?(?:分别为|分别是|包括|即)[:：]?")
QUOTED_BEFORE = re.compile(r"((?:“[^”“]{1,24}”[和、及与]?){2,})$")
NAME_ITEM = re.compile(r"[\u4e00-\u9fff“”\"（）()]{1,16}")



def _names(chunk: str) -> list[str]:
    """Items of a list of names: 拉萨、喀什和周口 -> three names; None-like when anything else is in it."""
    items = [x.strip() for x in re.split(r"[、，,]|和|及|与", chunk) if x.strip()]
    return items if items and all(NAME_ITEM.fullmatch(x) for x in items) else []


def _named_lists(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    """7个城市分别为:A、B、…; A、B、C等3个乡镇: a count checked against the names listed with it."""
    for q in qs:
        if q.kind != "count" or q.value < 2 or q.value > 40 or q.approx:
            continue
        names: list[str] = []
        m = NAMES_AFTER.match(text, q.end)
        if m:
            stop = re.search(r"[。；;\n]", text[m.end():m.end() + 400])
            names = _names(text[m.end():m.end() + (stop.start() if stop else 0)]) if stop else []
        elif (qm := QUOTED_BEFORE.search(text[max(0, q.start - 200):q.start])) is not None:
            names = re.findall(r"“([^”“]{1,24})”", qm.group(1))
        elif text[max(0, q.start - 1):q.start] == "等":
            k = q.start - 1
            while k > 0 and text[k - 1] not in "。；;，,：:\n" and q.start - k < 200:
                k -= 1
            names = _names(text[k:q.start - 1])
            if len(names) < 2:
                names = []
        if names:
            yield Relation("sum", q, q.start, q.end, extra={"names": str(len(names)), "list": "、".join(names),
                                                           "link": "names listed with the count"})




# --- breakdowns -------------------------------------------------------------------------

def _breakdowns(text: str, qs: Sequence[Quantity], seg: Seg, sent_start: list[int]) -> Iterator[Relation]:
    """Totals and their parts: 共X项，其中A项、B项…; figures that follow a total and add up to it;
    共计 after its parts."""
    counted = [j for j, q in enumerate(qs) if q.kind in ("count", "money", "measure") and q.high is None]
    for j in counted:
        rel = _explicit_breakdown(text, qs, j, seg, sent_start)
        if rel is None:
            rel = _implicit_breakdown(text, qs, j, seg, sent_start)
        if rel is not None:
            yield rel
    yield from _parallel_units(text, qs, seg)
    yield from _shares_to_100(text, qs, seg)
    yield from _sentence_breakdowns(text, qs, seg, sent_start)
    yield from table_sums(text, qs)
    yield from _list_parts(text, qs, seg, sent_start)
    yield from _complements(text, qs, seg)


def _sentence_breakdowns(text: str, qs: Sequence[Quantity], seg: Seg, sent_start: list[int]) -> Iterator[Relation]:
    """A sentence opening with 其中 breaks down a figure of the sentence before (刊336篇，同比…。其中：…)."""
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
                qs[prev[-1]].end >= sent_start[sid] - 2:
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
    marked = bool(TOTAL_WORD.search(lab)) or bool(TOTAL_MARK.search(lab))
    sid = seg.sent[j] + (1 if re.match(r"[)）]?[。；;]", after) else 0)
    parts: list[int] = []
    seps: set[str] = set()
    k = j + 1
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
        between = text[qs[k - 1].end:p.start]
        if frame(p).role != "level":
            if frame(p).role in ("change", "average", "attribute"):
                break  # 由40元提高到80元, 平均用棉量: not a part of the total
            k += 1
            continue
        if re.search(r"[；;]", text[t.end:p.start]) and (not parts or sibling(t, p)):
            break  # after a ；: a list that never began, or a sibling of the total (新建铁路…；新建公路…)
        if parts and TOTAL_WORD.search(label_before(text, p, 0)):
            break  # 其中高速公路4.2万公里，高速公路总里程达9.56万公里: another total, not a part
        if parts and re.search(r"同比|较上年|比上年|增加|减少|下降|增长|其中", between):
            break  # a comparison or a nested 其中 ends the list
        if parts and re.search(r"[；;]", between) and seps and not seps <= {"；", ";"} \
                and not any(w in between for w in OTHER_WORD):
            break  # a ； after parts joined by 、/，opens a new clause group (unless it brings 其他)
        if parts:
            seps.update(c for c in between if c in "、，,；;")
        parts.append(k)
        k += 1
    if not parts:
        return None
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
    for n, x in enumerate(parts if full != tv else ()):
        run += Fraction(qs[x].value)
        nxt_other = n + 1 < len(parts) and any(w in label_before(text, qs[parts[n + 1]], 0) for w in OTHER_WORD)
        if n >= 1 and not nxt_other and (run == tv or near_total(run, tv, t, [qs[y] for y in parts[: n + 1]])):
            chosen = parts[: n + 1]
            break
    last_lab = label_before(text, qs[chosen[-1]], 0)
    exhaustive = any(w in last_lab for w in OTHER_WORD) or bool(re.search(r"分别", text[t.end:qs[chosen[0]].start]))
    overlap = any(qs[p].approx for p in chosen) or bool(t.approx)
    strong = marked and sid == seg.sent[j]
    return Relation("sum", t, t.start, qs[chosen[-1]].end, parts=tuple(qs[p] for p in chosen), whole=(t,),
                    extra={"link": f"{m.group(1)} list"},
                    exhaustive=exhaustive, overlap=overlap, strong=strong)


def _implicit_breakdown(text: str, qs: Sequence[Quantity], j: int, seg: Seg,
                        sent_start: list[int]) -> Relation | None:
    """Figures after (or, for 共计/合计, before) a total that add up to it exactly. Never flagged."""
    t = qs[j]
    small = t.value < 10  # small totals add up by chance unless the text opens a breakdown after them
    if small and not re.match(r"[)）]?\s*[(（:：。]|[,，]?\s*其中", text[t.end:t.end + 4]):
        return None
    fwd: list[int] = []
    k = j + 1
    while k < len(qs) and len(fwd) < 24:
        p = qs[k]
        if seg.para[k] != seg.para[j] or seg.sent[k] - seg.sent[j] > 2:
            break
        if p.high is None and p.kind == t.kind and same_unit(p, t):
            fwd.append(k)
        k += 1
    found = _exact_run(qs, fwd, t)
    if found is None and TOTAL_WORD.search(text[max(0, t.start - 4):t.start]):
        back: list[int] = []
        k = j - 1
        while k >= 0 and seg.sent[k] == seg.sent[j] and len(back) < 24:
            p = qs[k]
            if p.high is None and p.kind == t.kind and same_unit(p, t):
                back.append(k)
            k -= 1
        found = _exact_run(qs, back, t)
    if found is None:
        return None
    parts = sorted(found)
    lo, hi = min(t.start, qs[parts[0]].start), max(t.end, qs[parts[-1]].end)
    return Relation("sum", t, lo, hi, parts=tuple(qs[p] for p in parts), whole=(t,), exhaustive=False,
                    extra={"link": "parts after the total add up to it"})


def _exact_run(qs: Sequence[Quantity], idx: list[int], t: Quantity) -> list[int] | None:
    """The first run of at least two consecutive candidates (from any start) that adds up to the total."""
    total = Fraction(t.value)
    for a in range(min(len(idx), 8)):
        run = Fraction(0)
        for b in range(a, len(idx)):
            run += Fraction(qs[idx[b]].value)
            if b > a and (run == total or near_total(run, total, t, [qs[x] for x in idx[a:b + 1]])):
                return idx[a:b + 1]
            if run > total:
                break
    return None


def _shares_to_100(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    """Three or more shares of one whole (占A%、占B%、占C%) that total 100%."""
    run: list[int] = []
    for j, q in enumerate(qs + [None]):  # type: ignore[operator]
        ok = q is not None and q.kind == "percent" and "占" in text[max(0, q.start - 8):q.start] and \
            (not run or (seg.para[j] == seg.para[run[-1]] and seg.sent[j] - seg.sent[run[-1]] <= 1))
        if ok:
            run.append(j)
            continue
        if len(run) >= 3:
            total = sum((Fraction(qs[r].value) for r in run), Fraction(0))
            tol = sum((qs[r].half_ulp for r in run), Fraction(0))
            if abs(total - 100) <= tol:
                first = qs[run[0]]
                hundred = Quantity(first.start, first.end, first.text, Decimal(100), "%", "percent")
                yield Relation("sum", hundred, first.start, qs[run[-1]].end, parts=tuple(qs[r] for r in run),
                               extra={"link": "shares of one whole"},
                               whole=(hundred,), exhaustive=False)
        run = [j] if ok else []




def _parallel_units(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    """5门类、17大类 … 禁止类3门类、8大类 … 限制类4门类、9大类: each unit's groups against its total."""
    # runs of counts with distinct units joined by 、
    runs: list[list[int]] = []
    cur: list[int] = []
    for j, q in enumerate(qs):
        if q.kind == "count" and cur and seg.sent[j] == seg.sent[cur[-1]] and \
                text[qs[cur[-1]].end:q.start] == "、" and q.unit not in {qs[c].unit for c in cur}:
            cur.append(j)
        else:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [j] if q.kind == "count" else []
    if len(cur) >= 2:
        runs.append(cur)
    n = 0
    while n < len(runs):
        head = runs[n]
        units = [qs[j].unit for j in head]
        groups = []
        m = n + 1
        while m < len(runs) and [qs[j].unit for j in runs[m]] == units and seg.sent[runs[m][0]] == seg.sent[head[0]]:
            groups.append(runs[m])
            m += 1
        if len(groups) >= 2:
            for col, tj in enumerate(head):
                t = qs[tj]
                parts = tuple(qs[g[col]] for g in groups)
                yield Relation("sum", t, t.start, t.end, parts=parts, whole=(t,), exhaustive=False, overlap=True,
                               extra={"link": "parallel groups, one column each"},
                               strong=True)
            n = m
        else:
            n += 1


# --- lists of parallel parts after a total ---------------------------------------------------

LIST_END = re.compile(r"[。；;！？!?\n]")
ENUM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
                  r"|\d{1,2}[.．、](?!\d)|[①-⑳])")
NESTED = re.compile(r"^\s*[，,]?\s*(?:其中|内含|含)")
ANNOUNCE = re.compile(rf"(?:{_CW.alternation('sums.announce')})?\s*[:：]\s*$")
LIST_MARK = re.compile(rf"(?:{_CW.alternation('total.markers')}|{_CW.alternation('sums.scope')}|各类|各项)")
PARTIAL_MARK = re.compile(r"各类|各项")
TIME_UNITS = frozenset(_CW("sums.time_units"))
NONE_WORD = re.compile(r"无|未|没有")
SENTENCE_MODE = "one part per clause or sentence"
NUMBERED_MODE = "numbered paragraphs"
MAX_LIST = 40  # parts of one list (bounded work per total)


def _enum_style(s: str) -> str:
    m = ENUM.match(s)
    if m is None:
        return ""
    g = m.group(0).strip()
    return "paren" if g[0] in "（(" else "cn" if g[0] in "一二三四五六七八九十" else "circle" if g[0] in "①⑳" \
        else "digit"


def _list_parts(text: str, qs: Sequence[Quantity], seg: Seg, sent_start: list[int]) -> Iterator[Relation]:
    """A total, then its parts one per clause, sentence or numbered paragraph, each with its own figures:
    发生较大事故21起,死亡80人。/ 1.矿山发生1起,死亡3人。/ 2.道路交通发生16起…; nested parts (其中…, a part
    that equals the parts straight after it) are left out. Confirmed where the whole list adds up."""
    cand = [j for j, q in enumerate(qs) if _list_figure(q)]
    if len(cand) < 3:
        return
    by_para: dict[int, list[int]] = {}
    for j in cand:
        by_para.setdefault(seg.para[j], []).append(j)
    paras = sorted(by_para)
    for n, pid in enumerate(paras):
        idx = by_para[pid]
        sents = sorted({seg.sent[j] for j in idx})
        for m, sid in enumerate(sents):
            head = [j for j in idx if seg.sent[j] == sid]
            later = [j for j in idx if seg.sent[j] > sid]
            last = m == len(sents) - 1
            p_end = _line_end(text, qs[head[-1]].end)
            announced = bool(ANNOUNCE.search(text[qs[head[-1]].end:p_end])) and last
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            chunks: list[list[int]] = []
            mode = ""
            if last and nxt is not None:
                first_next = by_para[nxt]
                style = _enum_style(text[_line_start(text, qs[first_next[0]].start):qs[first_next[0]].start])
                if style and _enum_style(text[_line_start(text, qs[head[0]].start):qs[head[0]].start]) == style:
                    style = ""  # the head is a numbered item itself: the next one is its sibling
                if announced or style:
                    chunks = _para_chunks(text, qs, by_para, paras, n + 1, style)
                    mode = NUMBERED_MODE if style else "paragraphs after a colon"
            if not chunks:
                pool = later if later else (by_para[nxt] if last and nxt is not None and nxt == pid + 1 else [])
                chunks = _clause_chunks(text, qs, pool)
                mode = SENTENCE_MODE
                # a sentence list needs a total marked as the whole (共, 合计, 全市, 受理) as its head
                if not any(LIST_MARK.search(label_before(text, qs[j], 0)) for j in head):
                    head = []
            if len(chunks) >= 2 and head:
                yield from _list_claims(text, qs, head, chunks, mode, announced)


def _list_figure(q: Quantity) -> bool:
    f = frame(q)
    return q.kind in ("count", "money", "measure") and q.high is None and not q.approx and f.role == "level" \
        and not f.plan and not f.aside and q.unit not in TIME_UNITS


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _line_end(text: str, at: int) -> int:
    k = text.find("\n", at)
    return len(text) if k < 0 else k


def _para_chunks(text: str, qs: Sequence[Quantity], by_para: dict[int, list[int]], paras: list[int], n: int,
                 style: str) -> list[list[int]]:
    out: list[list[int]] = []
    prev = paras[n - 1]
    for pid in paras[n:n + MAX_LIST]:
        if pid - prev > (3 if not out else 1):
            break  # a paragraph without figures ends the list (a heading may stand before it)
        prev = pid
        idx = by_para[pid]
        s = _line_start(text, qs[idx[0]].start)
        if style and _enum_style(text[s:qs[idx[0]].start]) != style:
            break
        if not style and _enum_style(text[s:qs[idx[0]].start]) and out:
            break
        out.append(idx)
    return out


def _clause_chunks(text: str, qs: Sequence[Quantity], pool: list[int]) -> list[list[int]]:
    """The figures of `pool` cut where a ；, a 。 or a line ends; a chunk opening with 其中 is nested."""
    out: list[list[int]] = []
    cur: list[int] = []
    nested = False
    for j in pool[: MAX_LIST * 4]:
        if cur and LIST_END.search(text[qs[cur[-1]].end:qs[j].start]):
            if not nested:
                out.append(cur)
            cur = []
        if not cur and out and TOTAL_WORD.search(label_before(text, qs[j], 0)):
            break  # 共批准逮捕…: another total ends the list
        if not cur:
            k = qs[j].start
            while k > 0 and not LIST_END.match(text[k - 1]):
                k -= 1
            nested = bool(out) and bool(NESTED.match(text[k:qs[j].start]))  # 其中 after a part: inside it
        cur.append(j)
    if cur and not nested:
        out.append(cur)
    return out


def _list_claims(text: str, qs: Sequence[Quantity], head: list[int], chunks: list[list[int]], mode: str,
                 announced: bool) -> Iterator[Relation]:
    units: dict[tuple[str, str], list[int]] = {}
    for j in head:
        units.setdefault((qs[j].kind, qs[j].unit), []).append(j)
    for key, hs in units.items():
        for i, hj in enumerate(hs):
            t = qs[hj]
            parts: list[Quantity] = []
            for c in chunks:
                cu = [j for j in c if (qs[j].kind, qs[j].unit) == key]
                p = _pick(text, qs, t, i, len(hs), cu, mode != SENTENCE_MODE)
                if p is None:
                    if cu or not NONE_WORD.search(_chunk_text(text, qs, c)):
                        parts = []
                        break
                    continue  # 无死亡: the part is nil
                parts.append(qs[p])
            if len(parts) < 2:
                continue
            rel = _judge_list(text, t, parts, mode, announced)
            if rel is not None:
                yield rel


def _chunk_text(text: str, qs: Sequence[Quantity], c: list[int]) -> str:
    a = qs[c[0]].start
    while a > 0 and not LIST_END.match(text[a - 1]) and qs[c[0]].start - a < 80:
        a -= 1
    return text[a:qs[c[-1]].end + 40]


def _pick(text: str, qs: Sequence[Quantity], t: Quantity, i: int, n: int, cu: list[int], loose: bool) -> int | None:
    """The part of column i (the i-th of n head figures of one unit) in a chunk's figures of that unit."""
    if not cu:
        return None
    if len(cu) == n:
        return cu[i]
    tl = label_before(text, t, 0)
    hits = [j for j in cu if overlap(tl, label_before(text, qs[j], 0))]
    if n > 1 and len(hits) == 1:
        return hits[0]
    return cu[0] if i == 0 and loose else None  # a numbered paragraph opens with its own figure


def _judge_list(text: str, t: Quantity, parts: list[Quantity], mode: str, announced: bool) -> Relation | None:
    tv = Fraction(t.value)
    full = sum((Fraction(p.value) for p in parts), Fraction(0))
    chosen = parts
    link = f"a total, then {mode}"
    if not _fits(parts, t):
        top = _top_level(parts)
        if len(top) >= 2 and len(top) < len(parts) and _fits(top, t):
            chosen, link = top, link + " (nested parts apart)"
        else:
            # parts below the total: a partial list, only where the parts were announced (其中:, 主要…如下:)
            marked = announced or (mode == NUMBERED_MODE and bool(PARTIAL_MARK.search(label_before(text, t, 0))))
            if full < tv and marked and len(parts) >= 3:
                return Relation("sum", t, t.start, t.end, parts=tuple(parts), whole=(t,), exhaustive=False,
                                extra={"link": link + " (a partial list)"})
            return None
    return Relation("sum", t, t.start, t.end, parts=tuple(chosen), whole=(t,), exhaustive=False,
                    strong=False, extra={"link": link})


def _fits(parts: Sequence[Quantity], t: Quantity) -> bool:
    total = sum((Fraction(p.value) for p in parts), Fraction(0))
    if all(q.decimals == 0 and q.scale == 1 for q in (t, *parts)):
        return total == t.value
    slack = t.half_ulp + sum((p.half_ulp for p in parts), Fraction(0))
    return abs(total - Fraction(t.value)) <= slack


def _top_level(parts: list[Quantity]) -> list[Quantity]:
    """Parts without the ones nested in the part before them (工矿商贸8起 = 煤矿7起 + 金属矿1起)."""
    out: list[Quantity] = []
    i = 0
    while i < len(parts):
        v = Fraction(parts[i].value)
        run = Fraction(0)
        end = -1
        for j in range(i + 1, min(len(parts), i + 12)):
            run += Fraction(parts[j].value)
            if run == v and j - i >= 2:
                end = j
                break
            if run > v:
                break
        out.append(parts[i])
        i = end + 1 if end > 0 else i + 1
    return out


# --- complementary parts ---------------------------------------------------------------------

COMPLEMENTS = tuple(tuple(x.split("|", 1)) for x in _CW("sums.complements"))


def _complements(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    """批准逮捕34件，不捕6件 after 审结40件; 男性…女性…: two parts named as complements, confirmed against the
    figure of their unit straight before them in the sentence. Never flagged: that figure may be another whole."""
    for i, a in enumerate(qs):
        if not _list_figure(a):
            continue
        la = text[seg.clause_start[seg.clause[i]]:a.start]
        for j in range(i + 1, min(len(qs), i + 6)):
            b = qs[j]
            if seg.sent[j] != seg.sent[i]:
                break
            if (b.kind, b.unit) != (a.kind, a.unit) or not _list_figure(b):
                continue
            lb = text[seg.clause_start[seg.clause[j]]:b.start]
            pair = next(((x, y) for x, y in COMPLEMENTS if x in la and y in lb and y not in la and x not in
                         lb.replace(y, "")), None)
            if pair is None:
                break
            w = next((k for k in range(i - 1, -1, -1) if seg.sent[k] == seg.sent[i]
                      and (qs[k].kind, qs[k].unit) == (a.kind, a.unit)), None)
            if w is not None and _list_figure(qs[w]) and _fits([a, b], qs[w]):
                t = qs[w]
                yield Relation("sum", t, t.start, b.end, parts=(a, b), whole=(t,),
                               extra={"link": f"complementary parts {pair[0]}/{pair[1]} after their whole"})
            break
