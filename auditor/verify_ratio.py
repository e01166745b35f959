"""Ratios checked by other figures than their two sides: restated per 100 (1.18:1(即118)), or a prior
X:1 over the sides' priors rebuilt from their own growth rates (relate/ratios.py). Confirms only."""
from __future__ import annotations

from fractions import Fraction

from auditor.model import Claim
from auditor.relate import Relation
from auditor.verify_base import HUNDRED, _claim, _ops, claimed_interval, fmt, fr, level_interval, meets, mid, num


def verify_restated(r: Relation) -> Claim:
    """Y of `X:1(即Y)` against 100·X."""
    q = r.claim
    times = Fraction(int(r.extra["restated"]))
    lo, hi = claimed_interval(r.parts[0])
    status = "consistent" if meets((lo * times, hi * times), claimed_interval(q)) else "unverifiable"
    return _claim(r, q.text, operands=_ops(r.parts[0]), expression=f"{num(r.parts[0])}×{times}",
                  recomputed=fmt(fr(r.parts[0].value) * times), status=status)


def verify_prior_ratio(r: Relation) -> Claim:
    """The prior X:1 over the sides' priors, each its level over (1 + its own rate): confirms only."""
    q = r.claim
    if not r.parts or not r.whole or not r.alternatives:
        return _claim(r, q.text, status="unverifiable")
    a, b = r.parts[0], r.whole[0]
    (ra,), (rb,) = r.alternatives[0]
    da, db = (int(x) for x in r.extra["prior"].split(","))
    (alo, ahi), (blo, bhi) = level_interval(a), level_interval(b)
    (galo, gahi), (gblo, gbhi) = claimed_interval(ra), claimed_interval(rb)
    fa = sorted(1 + g * da / HUNDRED for g in (galo, gahi))
    fb = sorted(1 + g * db / HUNDRED for g in (gblo, gbhi))
    if fa[0] <= 0 or fb[0] <= 0 or blo <= 0:
        return _claim(r, q.text, status="unverifiable")
    iv = ((alo / fa[1]) / (bhi / fb[0]), (ahi / fa[0]) / (blo / fb[1]))
    sign = {1: "+", -1: "-"}
    expr = f"({num(a)}/(1{sign[da]}{num(ra)}%))/({num(b)}/(1{sign[db]}{num(rb)}%))"
    status = "consistent" if meets(iv, claimed_interval(q)) else "unverifiable"
    return _claim(r, q.text, operands=_ops(a, ra, b, rb), expression=expr, recomputed=fmt(mid(iv)), status=status)
