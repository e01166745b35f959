"""Lists of parallel parts after a total (one per clause, sentence or numbered paragraph), and
complementary pairs (批准逮捕/不捕): sum claims that are confirmed, never accused."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import (
    TOTAL_WORD,
    Relation,
    Seg,
    label_before,
    nested_run,
    overlap,
)
from auditor.relate.link import frame

_CW = claim_words()


# --- lists of parallel parts after a total ---------------------------------------------------

LIST_END = re.compile(r"[。；;！？!?\n]")
ENUM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
                  r"|\d{1,2}[.．、](?!\d)|[①-⑳])")
NESTED = re.compile(r"^\s*[，,]?\s*(?:其中|内含|含)")
ANNOUNCE = re.compile(rf"(?:{_CW.alternation('sums.announce')})?\s*[:：]\s*$")
LIST_MARK = re.compile(rf"(?:{_CW.guarded('total.markers', 'total.compounds')}|{_CW.alternation('sums.scope')}"
                       r"|各类|各项)")
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


def list_parts(text: str, qs: Sequence[Quantity], seg: Seg, sent_start: list[int]) -> Iterator[Relation]:
    """A total, then its parts one per clause, sentence or numbered paragraph, each with its own figures:
    发生较大事故17起,死亡62人。/ 1.矿山发生2起,死亡7人。/ 2.道路交通发生12起…; nested parts (其中…, a part
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
                p = _pick(text, qs, [qs[h] for h in hs], i, cu, mode != SENTENCE_MODE)
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


def _pick(text: str, qs: Sequence[Quantity], heads: list[Quantity], i: int, cu: list[int],
          loose: bool) -> int | None:
    """The part of column i (the i-th of the head figures of one unit) in a chunk's figures of that unit.

    A chunk with fewer figures than there are columns gives column i the one figure whose label is nearer
    to the column's than to any other column's: 因公出国费0元,公务用车费3400元 then 1.因公出国费0元 /
    2.公务用车费3400元 detail the head's items one by one, and a shared word (费) makes no part of another."""
    if not cu:
        return None
    n = len(heads)
    if len(cu) == n:
        return cu[i]
    labels = [label_before(text, h, 0) for h in heads]
    hits: list[int] = []
    elsewhere: set[int] = set()
    for j in cu:
        lj = label_before(text, qs[j], 0)
        scores = [overlap(tl, lj) for tl in labels]
        best = max(range(n), key=scores.__getitem__)
        if not scores[best] or scores.count(scores[best]) > 1:
            continue
        if best == i:
            hits.append(j)
        else:
            elsewhere.add(j)
    if n > 1 and len(hits) == 1:
        return hits[0]
    # a numbered paragraph opens with its own figure, unless that figure is another column's
    return cu[0] if i == 0 and loose and cu[0] not in elsewhere else None


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
    values = [Fraction(p.value) for p in parts]
    i = 0
    while i < len(parts):
        end = nested_run(values, i, 12)
        out.append(parts[i])
        i = end + 1 if end > 0 else i + 1
    return out


# --- complementary parts ---------------------------------------------------------------------

MARKED = re.compile(_CW.guarded("total.strong", "total.compounds"))
COMPLEMENTS = tuple(tuple(x.split("|", 1)) for x in _CW("sums.complements"))


def complements(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
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
            lb = text[max(seg.clause_start[seg.clause[j]], a.end):b.start]  # 按期回复2424件、逾期回复71件
            pair = next(((x, y) for x, y in COMPLEMENTS if x in la and y in lb and y not in la and x not in
                         lb.replace(y, "")), None)
            if pair is None:
                break
            # back through the sentence only (sentence ids never decrease): never over every earlier figure
            w = None
            for k in range(i - 1, -1, -1):
                if seg.sent[k] != seg.sent[i]:
                    break
                if (qs[k].kind, qs[k].unit) == (a.kind, a.unit):
                    w = k
                    break
            if w is not None and _list_figure(qs[w]) and _fits([a, b], qs[w]):
                t = qs[w]
                yield Relation("sum", t, t.start, b.end, parts=(a, b), whole=(t,),
                               extra={"link": f"complementary parts {pair[0]}/{pair[1]} after their whole"})
            elif w is None or re.search(r"[；;]", text[qs[w].end:a.start]):
                # 共办理热线工单1836件。交办…;按期回复1779件、逾期回复57件: the whole marked as one (共, 合计)
                # in an earlier sentence of the paragraph, the nearest of the unit that the pair fills
                t0 = next((k for k in range(i - 1, max(-1, i - 12), -1) if seg.para[k] == seg.para[i]
                           and seg.sent[i] - seg.sent[k] <= 2 and _list_figure(qs[k])
                           and (qs[k].kind, qs[k].unit) == (a.kind, a.unit) and _fits([a, b], qs[k])
                           and MARKED.search(label_before(text, qs[k], 0))), None)
                if t0 is not None:
                    t = qs[t0]
                    yield Relation("sum", t, a.start, b.end, parts=(a, b), whole=(t,),
                                   extra={"link": f"complementary parts {pair[0]}/{pair[1]} of the total before"})
            break
