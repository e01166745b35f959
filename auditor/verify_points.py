"""A share's change in points against the share rebuilt from its two parts before and after their changes.

points = 100·(A/(A+B) − (A−ΔA)/(A+B−ΔA−ΔB)), each level within its rounding (the corners of the
intervals bound it: over a level's rounding the function is monotone in each figure). Confirms,
never accuses (relate/points_parts.py).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import product

from auditor.model import Claim
from auditor.relate import Relation
from auditor.verify_base import _claim, _ops, claimed_interval, fmt, level_interval, meets, mid, num, operand_interval


def verify_points_parts(r: Relation) -> Claim:
    q = r.claim
    (a, da), (b, db) = r.parts, r.whole
    rate = r.alternatives[0][0][0]
    sa, sb = (int(x) for x in r.extra["signs"].split(","))
    share = [x / (x + y) * 100 for x, y in product(level_interval(a), level_interval(b))]
    if not meets((min(share), max(share)), claimed_interval(rate)):
        return _claim(r, q.text, status="unverifiable")  # the share is not this part over the two
    got = []
    for x, dx, y, dy in product(level_interval(a), operand_interval(da), level_interval(b), operand_interval(db)):
        old_part, old_whole = x - sa * dx, x + y - sa * dx - sb * dy
        if old_part < 0 or old_whole <= 0:
            return _claim(r, q.text, status="unverifiable")
        got.append((x / (x + y) - Fraction(old_part, 1) / old_whole) * 100 * r.direction)
    iv = (min(got), max(got))
    sign = lambda s: "-" if s > 0 else "+"  # noqa: E731
    expr = (f"{num(a)}/({num(a)}+{num(b)})-({num(a)}{sign(sa)}{num(da)})/"
            f"({num(a)}+{num(b)}{sign(sa)}{num(da)}{sign(sb)}{num(db)})")
    status = "consistent" if meets(iv, claimed_interval(q)) else "unverifiable"
    return _claim(r, q.text, operands=_ops(a, da, b, db, rate), expression=expr, recomputed=fmt(mid(iv)),
                  status=status)


def verify_net_zero(r: Relation) -> Claim:
    """The signed point changes of a complete split add up to zero within their rounding."""
    q = r.claim
    signs = [int(x) for x in r.extra["net_zero"].split(",")]
    lo = sum((s * claimed_interval(p)[0 if s > 0 else 1] for p, s in zip(r.parts, signs, strict=True)), Fraction(0))
    hi = sum((s * claimed_interval(p)[1 if s > 0 else 0] for p, s in zip(r.parts, signs, strict=True)), Fraction(0))
    expr = "".join(f"{'+' if s > 0 else '-'}{num(p)}" for p, s in zip(r.parts, signs, strict=True)).lstrip("+")
    status = "consistent" if lo <= 0 <= hi else "unverifiable"
    net = sum((s * Fraction(p.value) for p, s in zip(r.parts, signs, strict=True)), Fraction(0))
    return _claim(r, q.text, operands=_ops(*r.parts), expression=expr, recomputed=fmt(net), status=status)


def verify_points_priors(r: Relation) -> Claim:
    """New rate (its confirmed parts) less the prior rate (their priors), in points.

    Where the points match only the difference of the two rates each rounded first (37.52 − 32.13 for
    5.383), the claim is borderline: the change was taken from rounded rates.
    """
    q = r.claim
    top, den = r.parts
    rate = r.whole[0]
    nlo, nhi = (Fraction(x) for x in r.extra["prior_num"].split(","))
    dlo, dhi = (Fraction(x) for x in r.extra["prior_den"].split(","))
    (alo, ahi), (blo, bhi) = level_interval(top), level_interval(den)
    if blo <= 0 or dlo <= 0:
        return _claim(r, q.text, status="unverifiable")
    new = (alo / bhi * 100, ahi / blo * 100)
    old = (nlo / dhi * 100, nhi / dlo * 100)
    got = sorted(((new[0] - old[1]) * r.direction, (new[1] - old[0]) * r.direction))
    iv = (got[0], got[1])
    expr = (f"{num(top)}/{num(den)}-{_plain(nlo, nhi)}/{_plain(dlo, dhi)}")
    base = dict(operands=_ops(top, den, rate), expression=expr, recomputed=fmt(mid(iv)))
    claimed = claimed_interval(q)
    if meets(iv, claimed):
        return _claim(r, q.text, status="consistent", **base)
    if old[0] == old[1]:
        step = Fraction(1, 10**rate.decimals)
        rounded_old = _round(old[0], rate.decimals)
        if meets(((Fraction(rate.value) - rounded_old) * r.direction,) * 2, claimed) \
                and abs(Fraction(rate.value) - mid(new)) <= step:
            return _claim(r, q.text, status="borderline", code="G302", hint="rounded-rates", **base)
    if not r.strong:
        return _claim(r, q.text, status="unverifiable", **base)
    return _claim(r, q.text, status="inconsistent", code="G302", **base)


def _plain(lo: Fraction, hi: Fraction) -> str:
    return fmt(lo) if lo == hi else f"[{fmt(lo)},{fmt(hi)}]"


def _round(x: Fraction, places: int) -> Fraction:
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return Fraction(d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
