"""A rate's change in points against the prior rate over its numerator's and denominator's priors.

`共起诉…38人,同比…人数下降64.49%;起诉率(按人数)为74.51%,同比减少7.18个百分点` after `审结…51人,
去年同期为…132人`: the rate is 38/51 (the figures confirm it), the numerator's prior is the one whole
number 38/(1−64.49%) = 107, the denominator's is stated (132), so the change is 74.51 − 81.06 = −6.55
points. Each prior comes from the growth claim of its own level (stated, rebuilt from parts, or the
one whole number its rate allows); the rate and the points compare with the same year (同比).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg, growth_start
from auditor.relate.growth_parts import _prior_of
from auditor.relate.points_parts import GAP

_W = claim_words()
DOWN = re.compile(rf"(?:{_W.alternation('growth.down')})了?$")


def points_from_priors(text: str, qs: Sequence[Quantity], i: int, seg: Seg, rate: Relation,
                       growth_of: dict[int, Relation]) -> Relation | None:
    from auditor.verify import verify

    q, r = qs[i], qs[i - 1]
    if GAP.fullmatch(text, r.end, q.start) is None:
        return None
    head = text[seg.clause_start[seg.clause[i]]:q.start]
    if not any(w in head for w in _W("growth.year_on_year")) or any(w in head for w in _W("growth.period_on_period")):
        return None
    c = verify(rate)
    if c.status != "consistent" or len(c.operands) != 2:
        return None
    at = {x.start: x for x in (*rate.parts, *rate.whole, *(y for a, b in rate.alternatives for y in (*a, *b)))}
    num, den = at.get(c.operands[0].start), at.get(c.operands[1].start)
    if num is None or den is None:
        return None
    pn, pd = _prior(growth_of.get(num.start), num), _prior(growth_of.get(den.start), den)
    if pn is None or pd is None or pd[0] <= 0:
        return None
    exact = pn[0] == pn[1] and pd[0] == pd[1]
    return Relation("points", q, growth_start(text, q), q.end, parts=(num, den), whole=(r,),
                    direction=-1 if DOWN.search(text, q.start - 8, q.start) else 1, strong=exact,
                    extra={"link": "the rate's numerator and denominator, each with its own prior",
                           "prior_num": f"{pn[0]},{pn[1]}", "prior_den": f"{pd[0]},{pd[1]}"})


def _prior(g: Relation | None, level: Quantity) -> tuple[Fraction, Fraction] | None:
    """The prior of a level from its own growth claim: stated, rebuilt from its parts, or from its rate."""
    if g is None or not g.parts or g.parts[0].start != level.start:
        return None
    if g.whole:
        old = g.whole[0]
        if old.decimals or old.scale != 1 or old.approx:
            return None
        return Fraction(old.value), Fraction(old.value)
    if "old_lo" in g.extra:
        return Fraction(g.extra["old_lo"]), Fraction(g.extra["old_hi"])
    if "granular" in g.extra and g.claim.kind == "percent":
        return _prior_of(level, g.claim, g.direction if g.claim.value >= 0 else 1)
    return None
