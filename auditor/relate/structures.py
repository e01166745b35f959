"""Structures of a whole: 三次产业结构为7.2:48.5:44.3, each term the share of the part its place names."""
from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from auditor.extract.patterns import COLONS
from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import CLAUSE_END, Relation, Seg, label_before, same_unit, window
from auditor.relate.link import frame
from auditor.relate.rate_wholes import BREAKDOWN_OPENS

STRUCTURE = re.compile(rf"([\u4e00-\u9fff]{{2}})(?:{claim_words().alternation('rate_stem.structure')})"
                       r"[\u4e00-\u9fff]{0,4}$")
ORDINALS = claim_words()("rate_stem.ordinals")
RATIO_JOIN = re.compile(rf"\s*[{COLONS}]\s*")
#: 由上年的17.9:43.1:39.0调整为: the earlier structure and the word that turns it into the one after it
RESTRUCTURED = claim_words().alternation("rate_stem.restructured")
EARLIER = re.compile(rf"由[^。；;，,]{{0,12}}?[\d.．\s{COLONS}]+(?:{RESTRUCTURED})$")
TURNS = re.compile(rf"\s*(?:{RESTRUCTURED})\s*")
#: a count of kinds before its noun: 三次产业, 三大产业
KINDS_NOUN = re.compile(r"[二三四五]\s*[次大类]\s*([\u4e00-\u9fff]{2})")
#: ordinals fused before one noun: 第一、二、三产业
FUSED = re.compile(r"第一((?:[、，,和及]\s*[二三四五]){1,4})\s*([\u4e00-\u9fff]{2})")
#: the list the fused ordinals open: 第一、二、三产业的增加值分别为a、b和c
RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达)?[：:]?\s*$")


def _fused_parts(text: str, qs: Sequence[Quantity], window_js: list[int], noun: str, n: int) -> list[int] | None:
    """第一、二、三产业的增加值分别为4582亿元、67088亿元和60601亿元: n levels in the order of the ordinals,
    the first straight after 分别, the others each joined to the one before by 、/和 alone, all of one unit."""
    for j in window_js:
        if not RESPECTIVELY.search(text, max(0, qs[j].start - 8), qs[j].start):
            continue
        m = [f for f in FUSED.finditer(text, max(0, qs[j].start - 40), qs[j].start) if f.group(2) == noun]
        if not m or len(re.findall(r"[二三四五]", m[-1].group(1))) + 1 != n \
                or re.search(r"[。；;]", text[m[-1].end():qs[j].start]):
            continue
        parts = [j]
        while len(parts) < n and parts[-1] + 1 < len(qs) and \
                re.fullmatch(r"\s*(?:[、，,]|和|及|以及)\s*", text[qs[parts[-1]].end:qs[parts[-1] + 1].start]):
            parts.append(parts[-1] + 1)
        if len(parts) == n and qs[j].kind in ("money", "count", "measure") and all(
                frame(qs[k]).role == "level" and qs[k].high is None and same_unit(qs[k], qs[j]) for k in parts):
            return parts
    return None


def _ordinal_parts(text: str, qs: Sequence[Quantity], window_js: list[int], noun: str, n: int) -> list[int] | None:
    """The level each ordinal names (第一产业, 第二产业…), the nearest before the ratio, one distinct figure
    each and all of one unit; the text may list them in another order (第一, 第三, 第二)."""
    parts: list[int] = []
    metrics: set[str] = set()
    for o in ORDINALS[:n]:
        name = o + noun
        js = [j for j in window_js if frame(qs[j]).role == "level" and qs[j].kind in ("money", "count", "measure")
              and qs[j].high is None and name in label_before(text, qs[j], 0, CLAUSE_END)]
        if not js:
            return None
        parts.append(js[0])
        label = label_before(text, qs[js[0]], 0, CLAUSE_END)
        metrics.add(label[label.index(name) + len(name):])
    if len(set(parts)) != n or any(not same_unit(qs[j], qs[parts[0]]) for j in parts):
        return None
    # in the text's order, or out of it only where every part is worded alike (第一产业完成投资, 第三产业完成投资,
    # 第二产业完成投资): never one metric's figure for one ordinal and another's for the next
    return parts if parts == sorted(parts) or len(metrics) == 1 else None


def _structures(text: str, qs: Sequence[Quantity], seg: Seg) -> list[Relation]:
    """三次产业结构为7.2:48.5:44.3: each term is the share of one part the structure names.

    The parts are linked by name: the structure's noun (产业) with the ordinal of the term's place
    (第一产业, 第二产业, 第三产业), one level each, before the ratio in its paragraph. The whole is the
    figure their 其中 list hangs from; without one, the parts' own sum (the structure is of them).
    Only terms that add up to about 100 are shares.
    """
    out: list[Relation] = []
    i = 0
    n = len(qs)
    while i < n:
        if qs[i].kind != "ratio":
            i += 1
            continue
        k = i
        while k + 1 < n and qs[k + 1].kind == "ratio" and RATIO_JOIN.fullmatch(text, qs[k].end, qs[k + 1].start):
            k += 1
        run = list(range(i, k + 1))
        i = k + 1
        terms = [qs[r] for r in run]
        if k + 1 < n and qs[k + 1].kind == "ratio" and TURNS.fullmatch(text, qs[k].end, qs[k + 1].start):
            continue  # 由上年的A:B:C调整为…: an earlier period's structure, of parts the text does not give
        if not 2 <= len(terms) <= len(ORDINALS) or abs(sum((Fraction(t.value) for t in terms), Fraction(0)) - 100) > 1:
            continue
        # the clause may open at an earlier structure's terms (A:B:C调整为…): its lead is that structure's
        j0 = run[0]
        if j0 > 0 and qs[j0 - 1].kind == "ratio" and TURNS.fullmatch(text, qs[j0 - 1].end, qs[j0].start):
            j0 -= 1
            while j0 > 0 and qs[j0 - 1].kind == "ratio" and RATIO_JOIN.fullmatch(text, qs[j0 - 1].end, qs[j0].start):
                j0 -= 1
        lead = text[seg.clause_start[seg.clause[j0]]:terms[0].start]
        lead = EARLIER.sub("", lead)  # 结构由上年的A:B:C调整为 names this structure as 结构为 does
        sm = STRUCTURE.search(lead)
        if sm is None:
            continue
        window_js = window(qs, run[0], seg, 3)
        # the noun the ordinals name: the word before the structure word (产业结构), else the one a count of
        # kinds names (三次产业投资比重: 产业, not 投资)
        nouns = [sm.group(1)] + [m.group(1) for m in KINDS_NOUN.finditer(lead) if m.group(1) != sm.group(1)]
        nouns += [m.group(2) for m in FUSED.finditer(lead) if m.group(2) not in nouns]
        for noun in nouns:
            parts = _ordinal_parts(text, qs, window_js, noun, len(terms)) or \
                _fused_parts(text, qs, window_js, noun, len(terms))
            if parts is not None:
                break
        else:
            continue
        ptuple = tuple(qs[j] for j in parts)
        # the whole: the figure of the parts' unit just before the first part, with 其中 between them
        head = [j for j in window_js if j < min(parts) and same_unit(qs[j], ptuple[0])][:1]
        whole: tuple[Quantity, ...]
        if head and frame(qs[head[0]]).role == "level" and qs[head[0]].high is None and \
                BREAKDOWN_OPENS.search(text, qs[head[0]].end, qs[min(parts)].start):
            whole, why, strong = (qs[head[0]],), "其中 total", True
        else:
            whole, why, strong = ptuple, "sum of the parts", False
        start = sm.start(0) + seg.clause_start[seg.clause[j0]]
        for n_t, (t, p) in enumerate(zip(terms, ptuple, strict=True)):
            link = f"{ORDINALS[n_t]}{noun} names the term's part; {why}"
            out.append(Relation("share", t, start, t.end,
                                parts=(p,), whole=whole, strong=strong, alternatives=(((p,), whole),),
                                extra={"link": link, "direct": "1", "near": "1", "unique": "1", "carried": "",
                                       "stem": "", "complementary": "", "structure": "1"}))
    return out
