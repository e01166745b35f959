"""Rates of a population: 出生人口3.09万人，出生率为9.88‰ over 年末全市常住人口312.87万人.

The part is the count its name speaks of (出生, 死亡, 城镇) in the rate's sentence or the one before;
the whole is the population stated before it in the paragraph (常住人口, 总人口). A rate per thousand
is often over the year's mean population: where the population's change over the year is stated
(比上年末增加530万人), the mean of the two year-ends is the other reading. Confirmed, never accused:
the base a report uses is its own (year-end, mean, registered); a rate per thousand 5% to 25% off the
population of its own year is over a base the text does not state, a warning (verify.POP_WARN).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction
from functools import cache

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import SIGN_DOWN, Relation, Seg, label_before, same_unit
from auditor.relate.link import frame
from auditor.relate.vital import own_count, peer_rate, with_peer

TAIL = re.compile(r"(?:为|是|达|达到|约)$")
ASIDE = re.compile(r"[（(][^（()）]{0,80}[)）]")


@cache
def _names() -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], tuple[str, ...]]:
    w = claim_words()
    pairs = tuple(tuple(x.split("=", 1)) for x in w("rate.population"))
    parts = tuple(sorted({b for _, b in pairs} | {"乡村", "农村"}))
    return pairs, parts, w("rate.population_base")  # type: ignore[return-value]


def population_rate(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    q = qs[i]
    if q.kind not in ("percent", "number") or q.unit not in ("%", "‰"):
        return None
    pairs = _names()[0]
    lab = TAIL.sub("", text[seg.clause_start[seg.clause[i]]:q.start].rstrip())
    name = next(((r, p) for r, p in pairs if lab.endswith(r)), None)
    if name is None:
        return None
    rate, word = name
    part = next((j for j in range(i - 1, max(-1, i - 8), -1) if seg.para[j] == seg.para[i]
                 and seg.sent[i] - seg.sent[j] <= 1 and _people(qs[j])
                 and word in label_before(text, qs[j], 0)), None)
    if part is None:
        return None
    start = max(seg.clause_start[seg.clause[i]], q.start - len(lab) - 2)
    peer = peer_rate(text, qs, seg, i, rate, word, pairs) if own_count(text, qs, seg, i, word) == part else None
    base = _over_population(text, qs, i, seg, part, rate, word, start)
    if peer is None:
        return base
    return with_peer(base, q, start, qs[part], qs[peer[0]], qs[peer[1]], rate)


def _over_population(text: str, qs: Sequence[Quantity], i: int, seg: Seg, part: int, rate: str, word: str,
                     start: int) -> Relation | None:
    q = qs[i]
    _, part_words, bases = _names()
    pop = next((j for j in range(part - 1, max(-1, part - 24), -1) if seg.para[i] - seg.para[j] <= 1
                and seg.sent[part] - seg.sent[j] <= 3 and _people(qs[j]) and same_unit(qs[j], qs[part])
                and _population(_label(text, qs, seg, j), bases, part_words)), None)
    if pop is None:
        return None
    p, w = qs[part], qs[pop]
    alts: list[tuple[tuple[Quantity, ...], tuple[Quantity, ...]]] = [((p,), (w,))]
    prev = _year_before(text, qs, seg, pop)
    if prev is not None and q.unit == "‰":
        alts.append(((p, p), (w, prev)))  # over the mean of this and last year-end
    return Relation("rate", q, start, q.end, parts=(p,), whole=(w,), alternatives=tuple(alts),
                    extra={"link": f"population rate {rate}: {word} over {_label(text, qs, seg, pop)}",
                           "listed": "1", "near": "0", "direct": "0", "stem": "",
                           "population": "1" if frame(w).period == frame(q).period else ""})


def _label(text: str, qs: Sequence[Quantity], seg: Seg, j: int) -> str:
    """The words of qs[j]'s clause before it, bracketed asides left out (总人口(包括…现役军人)139538万人)."""
    q = qs[j]
    s0 = max(max(text.rfind(c, 0, q.start) for c in "。；;\n") + 1, q.start - 200)
    return re.split(r"[，,：:]", ASIDE.sub("", text[s0:q.start]))[-1].rstrip()


def _people(q: Quantity) -> bool:
    f = frame(q)
    return q.kind == "count" and q.unit == "人" and f.role == "level" and not f.plan and q.high is None


def _population(label: str, bases: Sequence[str], part_words: Sequence[str]) -> bool:
    core = TAIL.sub("", label)
    return core.endswith(tuple(bases)) and not any(x in core for x in part_words)


def _year_before(text: str, qs: Sequence[Quantity], seg: Seg, pop: int) -> Quantity | None:
    """The year-end population of the year before: this one less its stated change (比上年末增加530万人)."""
    for k in range(pop + 1, min(len(qs), pop + 3)):
        c = qs[k]
        if seg.item[k] != seg.item[pop]:
            break
        if frame(c).role == "change" and same_unit(c, qs[pop]) and c.kind == qs[pop].kind:
            down = SIGN_DOWN.search(text, seg.clause_start[seg.clause[k]], c.start) is not None
            w = qs[pop]
            v = Fraction(w.value) + Fraction(c.value) if down else Fraction(w.value) - Fraction(c.value)
            return replace(w, value=v, text=f"{w.text}{'+' if down else '-'}{c.text}")
    return None
