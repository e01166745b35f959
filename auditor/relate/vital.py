"""Two rates of one population in one sentence: `出生人口8436人,出生率为8.17‰;死亡人口6215人,死亡率为2.94‰`.

A birth rate and a death rate stated together, each beside its own count, are over the same
population, so each count over its rate gives that population: 8436/8.17‰ = 1,032,600 and
6215/2.94‰ = 2,113,900 cannot both hold. The second rate is checked on the population the first
implies (7874 × 9.24 / 10052 = 7.24‰), whatever that population is (year-end, mean, registered).
The rates are linked by structure only: both per thousand, in the same sentence and period, each
with the count its name speaks of straight before it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, label_before
from auditor.relate.link import frame

BACK = 8  # figures back from the rate to its peer: a sentence of two rates and their counts
TAIL = re.compile(r"(?:为|是|达|达到|约)$")


def rate_name(text: str, seg: Seg, q: Quantity, k: int) -> str:
    """The words of the rate's clause before it, its verb left out (人口死亡率为 -> 人口死亡率)."""
    return TAIL.sub("", text[seg.clause_start[seg.clause[k]]:q.start].rstrip())


def plain_rate(name: str, rate: str) -> bool:
    """The rate of the whole population (死亡率, 人口死亡率), not of a group within it (婴儿死亡率, 孕产妇死亡率)."""
    return name.lstrip(" \u3000;；,，").removesuffix(rate) in ("", "人口")


def own_count(text: str, qs: Sequence[Quantity], seg: Seg, i: int, word: str) -> int | None:
    """The count straight before the rate qs[i], in its sentence, named by the rate's word (死亡人口6215人)."""
    k = i - 1
    if k < 0 or seg.sent[k] != seg.sent[i]:
        return None
    c = qs[k]
    f = frame(c)
    if c.kind != "count" or c.unit != "人" or f.role != "level" or f.plan or c.high is not None or c.approx:
        return None
    lab = label_before(text, c, 0)
    return k if word in lab and not any(g in lab for g in _groups()) else None


@cache
def _groups() -> tuple[str, ...]:
    return claim_words()("rate.population_group")


def peer_rate(text: str, qs: Sequence[Quantity], seg: Seg, i: int, rate: str, word: str,
              pairs: Sequence[tuple[str, str]]) -> tuple[int, int] | None:
    """The rate of another part of the same population before qs[i] in its sentence, and its count.

    Only the nearest per-thousand rate is looked at; it must name another part (出生 for 死亡),
    have its own count straight before it and the period of qs[i].
    """
    q = qs[i]
    if q.unit != "‰" or not plain_rate(rate_name(text, seg, q, i), rate):
        return None
    for k in range(i - 1, max(-1, i - BACK), -1):
        if seg.sent[k] != seg.sent[i]:
            return None
        c = qs[k]
        if c.unit != "‰" or c.kind not in ("percent", "number"):
            continue
        if c.approx or c.high is not None or frame(c).period != frame(q).period or frame(c).role == "prior":
            return None
        lab = rate_name(text, seg, c, k)
        name = next(((r, p) for r, p in pairs if lab.endswith(r)), None)
        if name is None or name[0] == rate or name[1] == word or not plain_rate(lab, name[0]):
            return None
        n = own_count(text, qs, seg, k, name[1])
        return (n, k) if n is not None else None
    return None


def with_peer(base: Relation | None, q: Quantity, start: int, part: Quantity, count: Quantity,
              other: Quantity, rate: str) -> Relation:
    """The rate's relation with its peer: the stated population's readings first, then the peer's.

    `whole` holds the peer's count and rate: part × other / count is the rate on the peer's population.
    """
    alts = base.alternatives if base is not None else ()
    extra = dict(base.extra) if base is not None else {"listed": "1", "near": "0", "direct": "0", "stem": ""}
    extra.update({"peer": "1", "peer_link": f"{rate} on the population {other.text} of {count.text} implies"})
    return Relation("rate", q, base.start if base is not None else start, q.end, parts=(part,),
                    whole=(count, other), alternatives=alts, extra=extra)
