"""Two-sided ratios: `城乡收入比…下降为2.10:1` after 城镇…收入8736元 and 农村…收入4152元, and
`常住人口性别比…106.8` after 男性1012.6万人 and 女性948.6万人 (males per 100 females).

The sides are the two levels, of one unit, labelled with the two words of a complementary pair
(城镇/农村, 男性/女性: sums.complements) before the ratio in its paragraph or the one before.
`X:1` sets the larger side over the smaller when X ≥ 1; a 性别比 near 100 is per 100 of the female
side. Confirmed only: a report may take its sides from figures it does not print.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction
from functools import cache

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import GROWTH_DOWN, Relation, Seg, growth_head, label_before, same_unit
from auditor.relate.link import frame

TO_ONE = re.compile(r"\s*[:：∶]\s*1(?![\d.．])")
ONE_TO = re.compile(r"(?<![\d.．])1\s*[:：∶]\s*$")
NAME = re.compile(r"([\u4e00-\u9fff]{1,8}比)(?![上去前同较基])[^。；;]{0,30}$")
SEX = "性别比"
BACK = 24


@cache
def _pairs() -> tuple[tuple[str, str], ...]:
    return tuple(tuple(x.split("|", 1)) for x in claim_words()("sums.complements"))  # type: ignore[misc]


def ratios(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    for i, q in enumerate(qs):
        if q.kind != "number" or q.unit or q.approx:
            continue
        again = _restated(text, qs, i)
        if again is not None:
            yield again  # 性别比为1.06:1(即106): frames may read 比为 as a prior value's lead
        if frame(q).role == "prior":
            before = _prior_ratio(text, qs, seg, i)
            if before is not None:
                yield before
            continue
        if frame(q).aside:
            continue  # (以女性为100,…): the base of the ratio, not the ratio
        lead = text[max(0, q.start - 60):q.start]
        lead = lead[max(lead.rfind(c) for c in "。；;\n") + 1:]
        m = NAME.search(lead)
        to_one = TO_ONE.match(text, q.end) is not None
        one_to = ONE_TO.search(text, max(0, q.start - 4), q.start) is not None
        if m is None and (to_one or one_to):
            continue
        sex = not (to_one or one_to) and SEX in lead and 80 <= q.value <= 150
        if not (to_one or one_to or sex):
            continue
        sides = _sides(text, qs, seg, i)
        if sides is None:
            continue
        a, b, pair = sides  # a labelled pair[0] (城镇, 男), b pair[1]
        if sex:
            num, den, per = a, b, 100
        else:
            big, small = (a, b) if Fraction(qs[a].value) >= Fraction(qs[b].value) else (b, a)
            num, den = (big, small) if q.value >= 1 else (small, big)
            per = 1
        tail = TO_ONE.match(text, q.end)
        yield Relation("multiple", q, q.start, tail.end() if tail else q.end, parts=(qs[num],), whole=(qs[den],),
                       extra={"reading": "times", "ratio": "1", "per": str(per),
                              "link": f"sides {pair[0]}/{pair[1]} stated before the ratio"})


def _sides(text: str, qs: Sequence[Quantity], seg: Seg, i: int) -> tuple[int, int, tuple[str, str]] | None:
    pool = [k for k in range(i - 1, max(-1, i - BACK), -1) if seg.para[i] - seg.para[k] <= 1
            and qs[k].kind in ("count", "money", "measure") and frame(qs[k]).role in ("level", "average")
            and not frame(qs[k]).plan and qs[k].high is None]
    for x, y in _pairs():
        xs = [k for k in pool if x in (lab := label_before(text, qs[k], 0)) and y not in lab]
        ys = [k for k in pool if y in (lab := label_before(text, qs[k], 0)) and x not in lab.replace(y, "")]
        if xs and ys:
            a, b = xs[0], ys[0]  # the nearest of each side
            if a != b and qs[a].kind == qs[b].kind and same_unit(qs[a], qs[b]) \
                    and frame(qs[a]).role == frame(qs[b]).role:
                return a, b, (x, y)
    return None


#: `1.18:1(即118)`: the same ratio restated per 100 in brackets straight after it
RESTATED = re.compile(r"\s*[:：∶]\s*1\s*[（(]\s*即\s*$")


def _restated(text: str, qs: Sequence[Quantity], i: int) -> Relation | None:
    """The bracketed restatement of an X:1 ratio per 100 (性别比为1.06:1(即106)): Y against 100·X."""
    q = qs[i]
    if not NAME.search(text, max(0, q.start - 30), q.start):
        return None
    k = i + 1
    if k < len(qs) and qs[k].end <= q.end + 3 and qs[k].value == 1:
        k += 1  # the 1 of X:1, where it is read as a figure
    if k >= len(qs):
        return None
    y = qs[k]
    if y.kind != "number" or y.unit or y.approx or RESTATED.fullmatch(text, q.end, y.start) is None \
            or text[y.end:y.end + 1] not in (")", "）"):
        return None
    return Relation("multiple", y, q.start, y.end + 1, parts=(q,),
                    extra={"restated": "100", "link": "the ratio restated per 100 in brackets (即)"})


def _prior_ratio(text: str, qs: Sequence[Quantity], seg: Seg, i: int) -> Relation | None:
    """`由上年同期的2.13:1下降为2.10:1` after 城镇…8736元,增长4.8%;农村…4152元,增长6.1%: the prior ratio
    over the sides' prior values, each rebuilt from its own growth rate. Confirmed only."""
    q = qs[i]
    if TO_ONE.match(text, q.end) is None or q.value < 1 or not NAME.search(text, max(0, q.start - 30), q.start):
        return None
    sides = _sides(text, qs, seg, i)
    if sides is None:
        return None
    a, b, pair = sides
    rates = [_own_rate(text, qs, seg, k) for k in (a, b)]
    if rates[0] is None or rates[1] is None:
        return None
    big, small = (a, b) if Fraction(qs[a].value) >= Fraction(qs[b].value) else (b, a)
    rb, rs = (rates[0], rates[1]) if big == a else (rates[1], rates[0])
    return Relation("multiple", q, q.start, q.end + 2, parts=(qs[big],), whole=(qs[small],),
                    alternatives=(((qs[rb[0]],), (qs[rs[0]],)),),
                    extra={"reading": "times", "ratio": "1", "per": "1", "prior": f"{rb[1]},{rs[1]}",
                           "link": f"sides {pair[0]}/{pair[1]} before their own growth rates"})


def _own_rate(text: str, qs: Sequence[Quantity], seg: Seg, k: int) -> tuple[int, int] | None:
    """The growth rate straight after a level in its item (10063元,增长5.2%), with its direction."""
    j = k + 1
    if j >= len(qs) or seg.item[j] != seg.item[k] or qs[j].kind != "percent" or frame(qs[j]).role != "growth":
        return None
    head = growth_head(text, qs[k].end, qs[j].start)
    w = claim_words()
    lead = text[qs[k].end:qs[j].start]
    other = (*w("growth.period_on_period"), *w("growth.compound"), *w("growth.real"))
    if head is None or any(x in lead for x in other):
        return None
    return j, -1 if head.group(2) in GROWTH_DOWN else 1
